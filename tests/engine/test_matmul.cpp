// matmul for every weight type and every SIMD level the CPU has, against a double-precision
// product of the independently decoded weights.
#include "kernel_reference.h"
#include "kernel_test_data.h"
#include "kernels/matmul.h"
#include "util/error.h"
#include "util/thread_pool.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace qd;

class TestMatmul : public QObject {
    Q_OBJECT

private slots:
    void matchesReference_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("simd");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<int>("threads");
        const TensorType types[] = {TensorType::F32, TensorType::F16, TensorType::BF16, TensorType::Q8_0,
                                    TensorType::Q4_0, TensorType::Q4_K, TensorType::Q6_K};
        for (TensorType t : types) {
            // Odd sizes: rows not a multiple of any vector width or thread count; for the 1-value
            // types a row length that leaves a tail after the vector loops.
            const int block = static_cast<int>(tensorTypeInfo(t).blockElements);
            const int cols = block == 1 ? 1000 + 37 : block == 32 ? 32 * 37 : 256 * 3;
            for (SimdLevel s : {SimdLevel::Scalar, SimdLevel::Avx2, SimdLevel::Avx512})
                for (int tokens : {1, 2, 7})
                    for (int threads : {1, 3}) {
                        const auto name = QString("%1/%2/t%3/p%4")
                                              .arg(tensorTypeName(t).data())
                                              .arg(simdLevelName(s).data())
                                              .arg(tokens)
                                              .arg(threads);
                        QTest::newRow(qPrintable(name))
                            << static_cast<int>(t) << static_cast<int>(s) << 67 << cols << tokens << threads;
                    }
        }
        // Fewer rows than threads, and a single column block.
        QTest::newRow("Q8_0/tiny") << static_cast<int>(TensorType::Q8_0) << static_cast<int>(bestSimdLevel()) << 2
                                   << 32 << 1 << 3;
        QTest::newRow("F32/tiny-gemm") << static_cast<int>(TensorType::F32) << static_cast<int>(bestSimdLevel()) << 1
                                       << 5 << 9 << 3;
    }

    void matchesReference() {
        QFETCH(int, type);
        QFETCH(int, simd);
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, tokens);
        QFETCH(int, threads);
        const auto t = static_cast<TensorType>(type);
        const auto level = static_cast<SimdLevel>(simd);
        if (!simdLevelSupported(level)) QSKIP("this CPU lacks the instruction set");

        std::mt19937 rng(static_cast<unsigned>(type * 1000 + rows + cols + tokens));
        const auto weights = testdata::randomRows(t, rows, cols, rng);
        const auto x = testdata::randomFloats(int64_t{tokens} * cols, rng);
        const int64_t stride = static_cast<int64_t>(*rowBytes(t, cols));

        std::vector<float> y(static_cast<size_t>(tokens * rows), NAN);
        ThreadPool pool(threads);
        matmul(WeightView{t, rows, cols, weights.data()}, x.data(), tokens, y.data(), pool, MatmulOptions{level});

        for (int r = 0; r < rows; ++r) {
            const auto w = testref::row(t, weights.data() + r * stride, cols);
            for (int k = 0; k < tokens; ++k) {
                double sum = 0, magnitude = 0;
                for (int c = 0; c < cols; ++c) {
                    sum += w[c] * x[k * cols + c];
                    magnitude += std::fabs(w[c] * x[k * cols + c]);
                }
                // f32 accumulation in any order: a few units of f32 rounding over the terms' size.
                const double got = y[k * rows + r];
                QVERIFY2(std::fabs(got - sum) <= 1e-5 * magnitude + 1e-30,
                         qPrintable(QString("row %1 token %2: %3 vs %4 (magnitude %5)").arg(r).arg(k).arg(got).arg(sum).arg(magnitude)));
            }
        }
    }

    void rejectsBadInput() {
        ThreadPool pool(2);
        std::vector<uint8_t> w(4096);
        std::vector<float> x(512), y(512);
        QVERIFY_THROWS_EXCEPTION(Error, matmul(WeightView{TensorType::Q5_0, 2, 32, w.data()}, x.data(), 1, y.data(), pool));
        QVERIFY_THROWS_EXCEPTION(Error, matmul(WeightView{TensorType::Q6_K, 2, 128, w.data()}, x.data(), 1, y.data(), pool));
        QVERIFY_THROWS_EXCEPTION(Error, matmul(WeightView{TensorType::F32, -1, 4, w.data()}, x.data(), 1, y.data(), pool));
    }
};

QTEST_APPLESS_MAIN(TestMatmul)
#include "test_matmul.moc"
