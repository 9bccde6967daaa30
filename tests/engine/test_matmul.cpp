// matmul for every weight type and every SIMD level the CPU has, against a double-precision
// product of the independently decoded weights.
#include "kernel_reference.h"
#include "kernel_test_data.h"
#include "product_reference.h"
#include "kernels/decode_batch.h"
#include "kernels/gemm_amx.h"
#include "kernels/half.h"
#include "kernels/matmul.h"
#include "kernels/quantize_activations.h"
#include "util/error.h"
#include "util/thread_pool.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <random>

using namespace qd;
using namespace qd::testref;


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

        std::vector<float> y(static_cast<size_t>(tokens * rows), NAN);
        ThreadPool pool(threads);
        matmul(WeightView{t, rows, cols, weights.data()}, x.data(), tokens, y.data(), pool, MatmulOptions{level});

        const QString difference = differenceFromDoubleProduct(
            y, decodedRows(t, weights, rows, cols), inputRows(x, tokens, cols, [](float v) { return double{v}; }), 1e-5);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void activationQuantizationFollowsTheQ8Rule() {
        std::mt19937 rng(7);
        auto x = testdata::randomFloats(32 * 5, rng);
        std::fill(x.begin() + 64, x.begin() + 96, 0.0f);  // an all-zero block
        QuantizedActivations q;
        quantizeActivationsQ8(x.data(), static_cast<int64_t>(x.size()), q);
        QCOMPARE(q.d.size(), size_t(5));
        QCOMPARE(q.laneScales.size(), size_t(48));  // three block pairs, the last one half padding
        for (size_t i = 40; i < 48; ++i) QCOMPARE(q.laneScales[i], 0.0f);
        for (size_t b = 0; b < 5; ++b) {
            float amax = 0;
            for (size_t i = 0; i < 32; ++i) amax = std::max(amax, std::fabs(x[32 * b + i]));
            QCOMPARE(q.d[b], amax / 127.0f);
            for (size_t i = 0; i < 32; ++i) {
                const int v = q.q[32 * b + i];
                QVERIFY(v >= -127 && v <= 127);
                QVERIFY(std::fabs(x[32 * b + i] - q.d[b] * static_cast<float>(v)) <= 0.5001f * q.d[b]);
            }
            int sum = 0;
            for (size_t g = 0; g < 8; ++g) {
                const size_t i = 32 * b + 4 * g;
                QCOMPARE(q.nibbleBias[8 * b + g], -8 * (q.q[i] + q.q[i + 1] + q.q[i + 2] + q.q[i + 3]));
                sum += q.q[i] + q.q[i + 1] + q.q[i + 2] + q.q[i + 3];
            }
            QCOMPARE(q.blockSum[b], sum);
            for (size_t i = 0; i < 8; ++i) QCOMPARE(q.laneScales[8 * b + i], q.d[b]);
        }
    }

    // ActivationPrecision::Fast against the same product computed in double from the activations
    // it multiplies: 8-bit blocks for Q8_0, Q4_0 and Q4_K, bf16-rounded values for BF16.
    void fastPathMatchesReducedActivationReference_data() {
        QTest::addColumn<int>("simd");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<int>("threads");
        for (TensorType t : {TensorType::Q8_0, TensorType::Q4_0, TensorType::Q4_K, TensorType::Q6_K, TensorType::BF16})
            // One block, an odd block count (a partial group of 16), whole groups of 16.
            for (int blocks : {1, 37, 48})
                // 11: a chunk of 8 inputs and one of 3; 12: the largest batch the fast path takes.
                for (int tokens : {1, 3, 8, 11, 12})
                    for (int threads : {1, 3}) {
                        const int cols = blocks * static_cast<int>(tensorTypeInfo(t).blockElements);
                        QTest::addRow("avx512/%s/c%d/t%d/p%d", tensorTypeName(t).data(), cols, tokens, threads)
                            << static_cast<int>(SimdLevel::Avx512) << static_cast<int>(t) << cols << tokens << threads;
                        // The AVX2 kernels: Q8_0 and Q4_0.
                        if (t == TensorType::Q8_0 || t == TensorType::Q4_0)
                            QTest::addRow("avx2/%s/c%d/t%d/p%d", tensorTypeName(t).data(), cols, tokens, threads)
                                << static_cast<int>(SimdLevel::Avx2) << static_cast<int>(t) << cols << tokens << threads;
                    }
    }

    void fastPathMatchesReducedActivationReference() {
        QFETCH(int, simd);
        QFETCH(int, type);
        QFETCH(int, cols);
        QFETCH(int, tokens);
        QFETCH(int, threads);
        const auto t = static_cast<TensorType>(type);
        const auto level = static_cast<SimdLevel>(simd);
        if (!simdLevelSupported(level) ||
            (level == SimdLevel::Avx512 && (t == TensorType::BF16 ? !cpuHasAvx512Bf16() : !cpuHasAvx512Vnni())))
            QSKIP("this CPU has no fast kernel for this type; Fast computes as Exact");
        constexpr int rows = 67;
        std::mt19937 rng(static_cast<unsigned>(type * 1000 + cols + tokens));
        const auto weights = testdata::randomRows(t, rows, cols, rng);
        const auto x = testdata::randomFloats(int64_t{tokens} * cols, rng);

        std::vector<float> y(static_cast<size_t>(tokens * rows), NAN);
        ThreadPool pool(threads);
        matmul(WeightView{t, rows, cols, weights.data()}, x.data(), tokens, y.data(), pool,
               MatmulOptions{level, ActivationPrecision::Fast});

        // The activations the kernel multiplies: bf16-rounded, or 8-bit blocks.
        std::vector<std::vector<double>> inputs;
        if (t == TensorType::BF16) {
            inputs = inputRows(x, tokens, cols, [](float v) { return double{bf16ToF32(f32ToBf16(v))}; });
        } else {
            inputs = quantizedInputRows(x, tokens, cols);
        }
        const QString difference = differenceFromDoubleProduct(y, decodedRows(t, weights, rows, cols), inputs, 2e-5);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    // Prompts (more than kMaxDecodeBatch tokens) under ActivationPrecision::Fast on a CPU with AMX:
    // the product of weights and activations both rounded to bf16, summed in f32.
    void amxPromptMatchesBf16Reference_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<int>("threads");
        for (TensorType t : {TensorType::F32, TensorType::F16, TensorType::BF16, TensorType::Q8_0, TensorType::Q4_0,
                             TensorType::Q4_K, TensorType::Q6_K})
            // 13: the smallest prompt batch; 33 and 70: token blocks padded past a pair of 16s.
            for (int tokens : {13, 33, 70})
                for (int threads : {1, 3})
                    QTest::addRow("%s/t%d/p%d", tensorTypeName(t).data(), tokens, threads)
                        << static_cast<int>(t) << tokens << threads;
    }

    void amxPromptMatchesBf16Reference() {
        QFETCH(int, type);
        QFETCH(int, tokens);
        QFETCH(int, threads);
        if (!cpuHasAmxBf16()) QSKIP("this CPU has no AMX-BF16: prompts compute as Exact (matchesReference)");
        const auto t = static_cast<TensorType>(type);
        const int cols = tensorTypeInfo(t).blockElements == 256 ? 512 : 32 * 7;
        constexpr int rows = 67;  // two panels of 32 and a partial one
        std::mt19937 rng(static_cast<unsigned>(type * 1000 + tokens));
        const auto weights = testdata::randomRows(t, rows, cols, rng);
        const auto x = testdata::randomFloats(int64_t{tokens} * cols, rng);

        std::vector<float> y(static_cast<size_t>(tokens * rows), NAN);
        ThreadPool pool(threads);
        matmul(WeightView{t, rows, cols, weights.data()}, x.data(), tokens, y.data(), pool,
               MatmulOptions{SimdLevel::Avx512, ActivationPrecision::Fast});

        auto bf16 = [](double v) { return double{bf16ToF32(f32ToBf16(static_cast<float>(v)))}; };
        auto weightRows = decodedRows(t, weights, rows, cols);
        for (auto &row : weightRows)
            for (double &v : row) v = bf16(v);
        const QString difference = differenceFromDoubleProduct(y, weightRows, inputRows(x, tokens, cols, bf16), 2e-5);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    // Up to kMaxDecodeBatch tokens every token's row is bit for bit what a call with that token
    // alone gives (speculative decoding verifies drafts in one batch and must not change results).
    void smallBatchEqualsOneTokenAtATime_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("simd");
        QTest::addColumn<bool>("fast");
        for (TensorType t : {TensorType::F32, TensorType::F16, TensorType::BF16, TensorType::Q8_0, TensorType::Q4_0,
                             TensorType::Q4_K, TensorType::Q6_K})
            for (SimdLevel s : {SimdLevel::Scalar, SimdLevel::Avx2, SimdLevel::Avx512})
                for (bool fast : {false, true})
                    QTest::addRow("%s/%s/%s", tensorTypeName(t).data(), simdLevelName(s).data(), fast ? "fast" : "exact")
                        << static_cast<int>(t) << static_cast<int>(s) << fast;
    }

    void smallBatchEqualsOneTokenAtATime() {
        QFETCH(int, type);
        QFETCH(int, simd);
        QFETCH(bool, fast);
        const auto t = static_cast<TensorType>(type);
        const auto level = static_cast<SimdLevel>(simd);
        if (!simdLevelSupported(level)) QSKIP("this CPU lacks the instruction set");
        // The float types' rows end in a 16-value step and 5 single values after the 32-value loop.
        const int block = static_cast<int>(tensorTypeInfo(t).blockElements);
        const int cols = block == 256 ? 512 : block == 1 ? 341 : 320;
        constexpr int rows = 67;
        std::mt19937 rng(static_cast<unsigned>(type * 100 + simd));
        const auto weights = testdata::randomRows(t, rows, cols, rng);
        const auto x = testdata::randomFloats(int64_t{kMaxDecodeBatch} * cols, rng);
        const WeightView w{t, rows, cols, weights.data()};
        const MatmulOptions options{level, fast ? ActivationPrecision::Fast : ActivationPrecision::Exact};
        ThreadPool pool(3);
        std::vector<float> single(static_cast<size_t>(kMaxDecodeBatch * rows));
        for (int k = 0; k < kMaxDecodeBatch; ++k)
            matmul(w, x.data() + k * cols, 1, single.data() + k * rows, pool, options);
        for (int tokens = 2; tokens <= kMaxDecodeBatch; ++tokens) {
            std::vector<float> batch(static_cast<size_t>(tokens * rows), NAN);
            matmul(w, x.data(), tokens, batch.data(), pool, options);
            QVERIFY2(std::memcmp(batch.data(), single.data(), batch.size() * sizeof(float)) == 0,
                     qPrintable(QString("%1 tokens differ from one at a time").arg(tokens)));
        }
    }

    // Several matrices over one input give what separate calls give, bit for bit, whether or not
    // the VNNI kernel fuses them.
    void sameInputEqualsSeparateProducts_data() {
        QTest::addColumn<QList<int>>("types");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<bool>("fast");
        const auto q8 = static_cast<int>(TensorType::Q8_0), q4 = static_cast<int>(TensorType::Q4_0);
        const auto q4k = static_cast<int>(TensorType::Q4_K), q6k = static_cast<int>(TensorType::Q6_K);
        for (int tokens : {1, 5, 20})
            for (bool fast : {false, true}) {
                const char *mode = fast ? "fast" : "exact";
                QTest::addRow("q4_0+q8_0+q4_0/t%d/%s", tokens, mode) << QList<int>{q4, q8, q4} << tokens << fast;
                QTest::addRow("q4_k+q4_k/t%d/%s", tokens, mode) << QList<int>{q4k, q4k} << tokens << fast;
                QTest::addRow("q4_k+q6_k/t%d/%s", tokens, mode) << QList<int>{q4k, q6k} << tokens << fast;
            }
    }

    void sameInputEqualsSeparateProducts() {
        QFETCH(QList<int>, types);
        QFETCH(int, tokens);
        QFETCH(bool, fast);
        constexpr int cols = 512;
        const int rowCounts[] = {67, 16, 33};
        const MatmulOptions options{bestSimdLevel(), fast ? ActivationPrecision::Fast : ActivationPrecision::Exact};
        std::mt19937 rng(static_cast<unsigned>(tokens * 10 + types.size()));
        const auto x = testdata::randomFloats(int64_t{tokens} * cols, rng);
        ThreadPool pool(3);
        std::vector<std::vector<uint8_t>> weights;
        std::vector<std::vector<float>> joint, separate;
        std::vector<MatmulTarget> targets;
        for (qsizetype i = 0; i < types.size(); ++i) {
            const auto t = static_cast<TensorType>(types[i]);
            const int rows = rowCounts[i];
            weights.push_back(testdata::randomRows(t, rows, cols, rng));
            joint.emplace_back(static_cast<size_t>(tokens * rows), NAN);
            separate.emplace_back(static_cast<size_t>(tokens * rows), NAN);
            matmul(WeightView{t, rows, cols, weights.back().data()}, x.data(), tokens, separate.back().data(), pool, options);
        }
        for (qsizetype i = 0; i < types.size(); ++i)
            targets.push_back({WeightView{static_cast<TensorType>(types[i]), rowCounts[i], cols, weights[i].data()},
                               joint[i].data()});
        matmulSameInput(targets, x.data(), tokens, pool, options);
        for (qsizetype i = 0; i < types.size(); ++i)
            QVERIFY2(std::memcmp(joint[i].data(), separate[i].data(), joint[i].size() * sizeof(float)) == 0,
                     qPrintable(QString("matrix %1 differs").arg(i)));
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
