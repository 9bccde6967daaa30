// causalAttention against a double-precision softmax(Q K^T / sqrt(d)) V over the visible positions,
// for prompts that span several query tiles, a continuation after cached positions, and decode,
// from f32 and f16 caches.
#include "kernels/attention.h"
#include "kernels/half.h"
#include "kernels/quantize.h"
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
        std::vector<uint8_t> k16(k.size() * 2), v16(v.size() * 2);
        if (f16) {
            quantizeRow(TensorType::F16, k.data(), k16.data(), static_cast<int64_t>(k.size()));
            quantizeRow(TensorType::F16, v.data(), v16.data(), static_cast<int64_t>(v.size()));
            for (float &x : k) x = f16ToF32(f32ToF16(x));
            for (float &x : v) x = f16ToF32(f32ToF16(x));
        }
        const KvRows cache = f16 ? KvRows{TensorType::F16, k16.data(), v16.data()}
                                 : KvRows{TensorType::F32, reinterpret_cast<const uint8_t *>(k.data()),
                                          reinterpret_cast<const uint8_t *>(v.data())};
        ThreadPool pool(threads);
        causalAttention(q.data(), qDim, cache, n, startPos, shape, out.data(), pool);

        const int64_t hd = shape.headDim, group = shape.heads / shape.kvHeads;
        for (int64_t t = 0; t < n; ++t)
            for (int64_t h = 0; h < shape.heads; ++h) {
                const int64_t visible = startPos + t + 1, kvOff = (h / group) * hd;
                std::vector<double> s(static_cast<size_t>(visible));
                double maxScore = -INFINITY, sum = 0;
                for (int64_t j = 0; j < visible; ++j) {
                    double dot = 0;
                    for (int64_t i = 0; i < hd; ++i) dot += double(q[t * qDim + h * hd + i]) * k[j * kvDim + kvOff + i];
                    s[j] = dot / std::sqrt(double(hd));
                    maxScore = std::max(maxScore, s[j]);
                }
                for (double &x : s) sum += (x = std::exp(x - maxScore));
                for (int64_t i = 0; i < hd; ++i) {
                    double expected = 0;
                    for (int64_t j = 0; j < visible; ++j) expected += s[j] / sum * v[j * kvDim + kvOff + i];
                    const double got = out[t * qDim + h * hd + i];
                    QVERIFY2(std::fabs(got - expected) <= 1e-5,
                             qPrintable(QString("t %1 head %2 i %3: %4 vs %5").arg(t).arg(h).arg(i).arg(got).arg(expected)));
                }
            }
    }
};

QTEST_APPLESS_MAIN(TestAttention)
#include "test_attention.moc"
