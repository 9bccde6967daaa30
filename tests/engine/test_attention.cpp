// causalAttention against a double-precision softmax(Q K^T / sqrt(d)) V over the visible positions,
// for prompts that span several query tiles, a continuation after cached positions, and decode.
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
        QTest::newRow("decode") << 1 << 37 << 2;
        QTest::newRow("first-token") << 1 << 0 << 1;
        QTest::newRow("prompt-two-tiles") << 70 << 0 << 3;
        QTest::newRow("continuation") << 130 << 21 << 2;
    }

    void matchesReference() {
        QFETCH(int, n);
        QFETCH(int, startPos);
        QFETCH(int, threads);
        const AttentionShape shape{6, 2, 16};
        const int64_t qDim = shape.heads * shape.headDim, kvDim = shape.kvHeads * shape.headDim;
        const int64_t total = startPos + n;
        std::mt19937 rng(static_cast<unsigned>(n * 100 + startPos));
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<float> q(static_cast<size_t>(n * qDim)), k(static_cast<size_t>(total * kvDim)),
            v(static_cast<size_t>(total * kvDim)), out(static_cast<size_t>(n * qDim), NAN);
        for (auto *vec : {&q, &k, &v})
            for (float &x : *vec) x = normal(rng);

        ThreadPool pool(threads);
        causalAttention(q.data(), qDim, k.data(), v.data(), kvDim, n, startPos, shape, out.data(), pool);

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
