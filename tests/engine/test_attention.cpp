// causalAttention against a double-precision softmax(Q K^T / sqrt(d)) V over the visible positions,
// for prompts that span several query tiles, a continuation after cached positions, and decode,
// from f32 and f16 caches.
#include "attention_reference.h"

#include "kernels/attention.h"
#include "util/thread_pool.h"

#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

using namespace qd;

class TestAttention : public QObject {
    Q_OBJECT

private slots:
    void matchesReference_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("startPos");
        QTest::addColumn<int>("threads");
        QTest::addColumn<bool>("f16");
        for (bool f16 : {false, true}) {
            const char *type = f16 ? "f16" : "f32";
            QTest::addRow("decode/%s", type) << 1 << 37 << 2 << f16;
            QTest::addRow("first-token/%s", type) << 1 << 0 << 1 << f16;
            QTest::addRow("prompt-two-tiles/%s", type) << 70 << 0 << 3 << f16;
            QTest::addRow("continuation/%s", type) << 130 << 21 << 2 << f16;
        }
    }

    void matchesReference() {
        QFETCH(int, n);
        QFETCH(int, startPos);
        QFETCH(int, threads);
        QFETCH(bool, f16);
        const AttentionShape shape{6, 2, 16};
        const int64_t qDim = shape.heads * shape.headDim, kvDim = shape.kvHeads * shape.headDim;
        const int64_t total = startPos + n;
        std::mt19937 rng(static_cast<unsigned>(n * 100 + startPos));
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<float> q(static_cast<size_t>(n * qDim)), k(static_cast<size_t>(total * kvDim)),
            v(static_cast<size_t>(total * kvDim)), out(static_cast<size_t>(n * qDim), NAN);
        for (auto *vec : {&q, &k, &v})
            for (float &x : *vec) x = normal(rng);

        // An f16 cache holds the rounded values; the reference uses the same ones.
        const testref::TestKvCache cache = testref::makeTestKvCache(k, v, f16);
        ThreadPool pool(threads);
        causalAttention(q.data(), qDim, cache.rows, n, startPos, shape, out.data(), pool);

        const int64_t hd = shape.headDim, group = shape.heads / shape.kvHeads;
        for (int64_t t = 0; t < n; ++t)
            for (int64_t h = 0; h < shape.heads; ++h) {
                const auto expectedHead = testref::referenceAttentionHead(&q[t * qDim + h * hd], k, v, kvDim,
                                                                          (h / group) * hd, hd, startPos + t + 1);
                for (int64_t i = 0; i < hd; ++i) {
                    const double expected = expectedHead[i];
                    const double got = out[t * qDim + h * hd + i];
                    QVERIFY2(std::fabs(got - expected) <= 1e-5,
                             qPrintable(QString("t %1 head %2 i %3: %4 vs %5").arg(t).arg(h).arg(i).arg(got).arg(expected)));
                }
            }
    }
};

QTEST_APPLESS_MAIN(TestAttention)
#include "test_attention.moc"
