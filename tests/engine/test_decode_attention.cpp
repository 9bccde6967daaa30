// decodeAttention against a double-precision softmax(q K^T / sqrt(d)) V over every cached
// position, for each instruction set the CPU has, f32 and f16 caches, lengths around the block and
// span sizes, grouped-query shapes, and head sizes the vector kernels do and do not take.
#include "attention_reference.h"

#include "kernels/decode_attention.h"
#include "util/thread_pool.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

using namespace qd;

class TestDecodeAttention : public QObject {
    Q_OBJECT

private slots:
    void matchesReference_data() {
        QTest::addColumn<int>("simd");
        QTest::addColumn<bool>("f16");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<int>("threads");
        struct Shape {
            int heads, kvHeads, headDim;
        };
        // Qwen2.5-1.5B's grouping, a group of 5, a group of 9 (a full batch of eight heads and a
        // lone head), plain multi-head, and a head size that is not a multiple of 8.
        const Shape shapes[] = {{12, 2, 128}, {5, 1, 16}, {9, 1, 16}, {4, 4, 32}, {6, 2, 12}};
        for (SimdLevel simd : {SimdLevel::Scalar, SimdLevel::Avx2, SimdLevel::Avx512})
            for (bool f16 : {false, true})
                for (const Shape &s : shapes)
                    for (int length : {1, 7, 64, 65, 200, 523})
                        for (int threads : {1, 3})
                            QTest::addRow("%s/%s/%dx%dx%d/len%d/t%d", simdLevelName(simd).data(), f16 ? "f16" : "f32",
                                          s.heads, s.kvHeads, s.headDim, length, threads)
                                << static_cast<int>(simd) << f16 << length << s.heads << s.kvHeads << s.headDim
                                << threads;
    }

    void matchesReference() {
        QFETCH(int, simd);
        QFETCH(bool, f16);
        QFETCH(int, length);
        QFETCH(int, heads);
        QFETCH(int, kvHeads);
        QFETCH(int, headDim);
        QFETCH(int, threads);
        const auto level = static_cast<SimdLevel>(simd);
        if (!simdLevelSupported(level)) QSKIP("this CPU lacks the instruction set");
        const int64_t hd = headDim, qDim = heads * hd, kvDim = kvHeads * hd, group = heads / kvHeads;
        std::mt19937 rng(static_cast<unsigned>(length * 31 + heads * 7 + headDim));
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<float> q(static_cast<size_t>(qDim)), k(static_cast<size_t>(length * kvDim)),
            v(static_cast<size_t>(length * kvDim)), out(static_cast<size_t>(qDim), NAN);
        for (auto *vec : {&q, &k, &v})
            for (float &x : *vec) x = 2.0f * normal(rng);

        // An f16 cache holds the rounded values; the reference uses the same ones.
        const testref::TestKvCache cache = testref::makeTestKvCache(k, v, f16);
        ThreadPool pool(threads);
        decodeAttention(q.data(), cache.rows, length, {heads, kvHeads, hd}, out.data(), pool, level);

        for (int64_t h = 0; h < heads; ++h) {
            // Query head h reads KV head h / group.
            const auto expectedHead = testref::referenceAttentionHead(&q[h * hd], k, v, kvDim, (h / group) * hd, hd, length);
            for (int64_t i = 0; i < hd; ++i) {
                const double expected = expectedHead[i];
                const double got = out[h * hd + i];
                QVERIFY2(std::fabs(got - expected) <= 2e-5 * (1.0 + std::fabs(expected)),
                         qPrintable(QString("head %1 i %2: %3 vs %4").arg(h).arg(i).arg(got).arg(expected)));
            }
        }
    }

    // Several queries in one call (verification) give every row bit for bit what a call for that
    // query alone gives, however the positions and threads split.
    void batchRowsEqualSingleQueries_data() {
        QTest::addColumn<int>("simd");
        QTest::addColumn<int>("firstLength");
        QTest::addColumn<int>("threads");
        for (SimdLevel simd : {SimdLevel::Scalar, SimdLevel::Avx2, SimdLevel::Avx512})
            for (int firstLength : {1, 60, 127, 500})
                for (int threads : {1, 2, 3})
                    QTest::addRow("%s/first%d/t%d", simdLevelName(simd).data(), firstLength, threads)
                        << static_cast<int>(simd) << firstLength << threads;
    }

    void batchRowsEqualSingleQueries() {
        QFETCH(int, simd);
        QFETCH(int, firstLength);
        QFETCH(int, threads);
        const auto level = static_cast<SimdLevel>(simd);
        if (!simdLevelSupported(level)) QSKIP("this CPU lacks the instruction set");
        constexpr int64_t heads = 12, kvHeads = 2, hd = 64, tokens = 8, qDim = heads * hd, kvDim = kvHeads * hd;
        const int64_t length = firstLength + tokens - 1;
        std::mt19937 rng(static_cast<unsigned>(firstLength));
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<float> q(static_cast<size_t>(tokens * qDim)), k(static_cast<size_t>(length * kvDim)),
            v(static_cast<size_t>(length * kvDim));
        for (auto *vec : {&q, &k, &v})
            for (float &x : *vec) x = 2.0f * normal(rng);
        const testref::TestKvCache cache = testref::makeTestKvCache(k, v, true);
        ThreadPool pool(threads);
        std::vector<float> batch(static_cast<size_t>(tokens * qDim), NAN), single(static_cast<size_t>(qDim), NAN);
        decodeAttention(q.data(), qDim, cache.rows, firstLength, tokens, {heads, kvHeads, hd}, batch.data(), pool, level);
        for (int64_t t = 0; t < tokens; ++t) {
            decodeAttention(&q[t * qDim], cache.rows, firstLength + t, {heads, kvHeads, hd}, single.data(), pool, level);
            QVERIFY2(std::memcmp(single.data(), &batch[t * qDim], sizeof(float) * qDim) == 0,
                     qPrintable(QString("token %1").arg(t)));
        }
    }
};

QTEST_APPLESS_MAIN(TestDecodeAttention)
#include "test_decode_attention.moc"
