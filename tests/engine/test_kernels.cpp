// Block formats, f16/bf16 conversions, dequantization, quantization and the MLP gate.
#include "kernel_reference.h"
#include "kernel_test_data.h"
#include "kernels/cpu_features.h"
#include "kernels/dequantize.h"
#include "kernels/dequantize_simd.h"
#include "kernels/half.h"
#include "kernels/quantize.h"
#include "kernels/swiglu.h"
#include "util/error.h"
#include "util/thread_pool.h"

#include <QtTest>

#include <bit>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

using namespace qd;

namespace {

const TensorType kAllTypes[] = {TensorType::F32, TensorType::F16, TensorType::BF16, TensorType::Q8_0,
                                TensorType::Q4_0, TensorType::Q4_K, TensorType::Q6_K};

bool sameBits(float a, float b) { return std::bit_cast<uint32_t>(a) == std::bit_cast<uint32_t>(b); }

}  // namespace

class TestKernels : public QObject {
    Q_OBJECT

private slots:
    void f16DecodesEveryPattern() {
        for (uint32_t h = 0; h < 65536; ++h) {
            const float got = f16ToF32(static_cast<uint16_t>(h));
            const double want = testref::halfValue(static_cast<uint16_t>(h));
            if (std::isnan(want)) {
                QVERIFY2(std::isnan(got), qPrintable(QString::number(h, 16)));
            } else {
                QVERIFY2(sameBits(got, static_cast<float>(want)), qPrintable(QString::number(h, 16)));
            }
        }
    }

    void f16EncodeRoundsToNearestEven() {
        // Every f16 value encodes to itself, and the midpoint between two neighbours (exact in
        // f32) goes to the one with the even mantissa, the values either side of it to the nearer.
        for (uint32_t h = 0; h < 0x7C00; ++h) {
            const float v = f16ToF32(static_cast<uint16_t>(h));
            QCOMPARE(f32ToF16(v), static_cast<uint16_t>(h));
            QCOMPARE(f32ToF16(-v), static_cast<uint16_t>(h | 0x8000));
            const float next = h + 1 < 0x7C00 ? f16ToF32(static_cast<uint16_t>(h + 1)) : 65536.0f;
            const float mid = (v + next) / 2;
            const uint16_t even = (h & 1) ? static_cast<uint16_t>(h + 1) : static_cast<uint16_t>(h);
            QCOMPARE(f32ToF16(mid), even);
            QCOMPARE(f32ToF16(std::nextafter(mid, 0.0f)), static_cast<uint16_t>(h));
            QCOMPARE(f32ToF16(std::nextafter(mid, INFINITY)), static_cast<uint16_t>(h + 1));
        }
        QCOMPARE(f32ToF16(1e6f), uint16_t(0x7C00));
        QCOMPARE(f32ToF16(-INFINITY), uint16_t(0xFC00));
        QCOMPARE(f32ToF16(1e-9f), uint16_t(0));
        QVERIFY(std::isnan(f16ToF32(f32ToF16(NAN))));
        QVERIFY(std::isnan(f16ToF32(f32ToF16(std::bit_cast<float>(0x7F800001u)))));  // payload only in low bits
    }

    void bf16RoundsToNearestEven() {
        for (uint32_t h = 0; h < 0x7F80; ++h) {
            const float v = bf16ToF32(static_cast<uint16_t>(h));
            QCOMPARE(f32ToBf16(v), static_cast<uint16_t>(h));
            const float next = bf16ToF32(static_cast<uint16_t>(h + 1));
            const float mid = std::bit_cast<float>((h << 16) | 0x8000u);  // halfway, exact in f32
            QCOMPARE(mid > v && mid < next, true);
            const uint16_t even = (h & 1) ? static_cast<uint16_t>(h + 1) : static_cast<uint16_t>(h);
            QCOMPARE(f32ToBf16(mid), even);
            QCOMPARE(f32ToBf16(std::nextafter(mid, 0.0f)), static_cast<uint16_t>(h));
            QCOMPARE(f32ToBf16(std::nextafter(mid, INFINITY)), static_cast<uint16_t>(h + 1));
        }
        QVERIFY(std::isnan(bf16ToF32(f32ToBf16(NAN))));
        QVERIFY(std::isnan(bf16ToF32(f32ToBf16(std::bit_cast<float>(0x7F800001u)))));
        QVERIFY(std::isnan(bf16ToF32(f32ToBf16(std::bit_cast<float>(0xFFFFFFFFu)))));
        QCOMPARE(f32ToBf16(INFINITY), uint16_t(0x7F80));
    }

    void dequantizeMatchesReference_data() {
        QTest::addColumn<int>("type");
        for (TensorType t : kAllTypes) QTest::newRow(tensorTypeName(t).data()) << static_cast<int>(t);
    }

    void dequantizeMatchesReference() {
        QFETCH(int, type);
        const auto t = static_cast<TensorType>(type);
        std::mt19937 rng(42 + type);
        const int64_t n = 256 * 5;
        const auto data = testdata::randomRows(t, 1, n, rng);
        std::vector<float> got(n);
        dequantizeRow(t, data.data(), got.data(), n);
        const auto want = testref::row(t, data.data(), n);
        for (int64_t i = 0; i < n; ++i)
            QVERIFY2(sameBits(got[i], static_cast<float>(want[i])),
                     qPrintable(QString("element %1: %2 vs %3").arg(i).arg(got[i]).arg(want[i])));
    }

    void simdDequantizeGivesTheSameValues_data() { dequantizeMatchesReference_data(); }

    void simdDequantizeGivesTheSameValues() {
        // The prompt path expands weight tiles with the AVX-512 decoder; it must give exactly the
        // values of the scalar one, except that d * (q - 8) computed as q*d - 8d is +0 where the
        // scalar product is -0 (negative d), which no sum can tell apart. 1037 values: a tail after
        // the vector loop for 1-value types.
        QFETCH(int, type);
        if (!simdLevelSupported(SimdLevel::Avx512)) QSKIP("this CPU lacks AVX-512");
        const auto t = static_cast<TensorType>(type);
        std::mt19937 rng(99 + type);
        const int64_t n = tensorTypeInfo(t).blockElements == 1 ? 1037 : 256 * 7;
        const auto data = testdata::randomRows(t, 1, n, rng);
        std::vector<float> scalar(n), simd(n);
        dequantizeRow(t, data.data(), scalar.data(), n);
        detail::dequantizeRowAvx512(t, data.data(), simd.data(), n);
        for (int64_t i = 0; i < n; ++i)
            QVERIFY2(scalar[i] == simd[i], qPrintable(QString("element %1: %2 vs %3").arg(i).arg(scalar[i]).arg(simd[i])));
    }

    void dequantizeRejectsBadShapes() {
        std::vector<uint8_t> data(1024);
        std::vector<float> out(512);
        QVERIFY_THROWS_EXCEPTION(Error, dequantizeRow(TensorType::Q8_0, data.data(), out.data(), 33));
        QVERIFY_THROWS_EXCEPTION(Error, dequantizeRow(TensorType::Q4_K, data.data(), out.data(), 32));
        QVERIFY_THROWS_EXCEPTION(Error, dequantizeRow(TensorType::Q5_K, data.data(), out.data(), 256));
        QVERIFY_THROWS_EXCEPTION(Error, quantizeRow(TensorType::Q4_K, out.data(), data.data(), 256));
        QVERIFY_THROWS_EXCEPTION(Error, quantizeRow(TensorType::Q4_0, out.data(), data.data(), 48));
    }

    void quantizeErrorBounds_data() {
        QTest::addColumn<int>("type");
        for (TensorType t : {TensorType::F32, TensorType::F16, TensorType::BF16, TensorType::Q8_0, TensorType::Q4_0})
            QTest::newRow(tensorTypeName(t).data()) << static_cast<int>(t);
    }

    void quantizeErrorBounds() {
        QFETCH(int, type);
        const auto t = static_cast<TensorType>(type);
        std::mt19937 rng(7);
        const int64_t n = 32 * 64;
        auto x = testdata::randomFloats(n, rng);
        // A block of zeros, one with a single value, and one whose extreme is negative.
        std::fill(x.begin(), x.begin() + 32, 0.0f);
        std::fill(x.begin() + 32, x.begin() + 64, 0.0f);
        x[40] = 3.0f;
        x[64] = -5.0f;
        std::vector<uint8_t> q(*rowBytes(t, n));
        quantizeRow(t, x.data(), q.data(), n);
        std::vector<float> back(n);
        dequantizeRow(t, q.data(), back.data(), n);
        for (int64_t b = 0; b < n / 32; ++b) {
            float amax = 0, extreme = 0;
            for (int i = 0; i < 32; ++i)
                if (std::fabs(x[b * 32 + i]) > amax) amax = std::fabs(x[b * 32 + i]), extreme = x[b * 32 + i];
            for (int i = 0; i < 32; ++i) {
                const int64_t k = b * 32 + i;
                const double err = std::fabs(static_cast<double>(x[k]) - back[k]);
                double bound = 0;
                switch (t) {
                case TensorType::F32: bound = 0; break;
                case TensorType::F16: bound = std::fabs(x[k]) * 0x1p-11 + 0x1p-25; break;
                case TensorType::BF16: bound = std::fabs(x[k]) * 0x1p-8; break;
                case TensorType::Q8_0: {
                    // Half a step of the f32 scale, plus what storing the scale as f16 moves the
                    // largest code (127) by.
                    const double d = amax / 127.0, d16 = testref::halfValue(testref::readU16(q.data() + 34 * b));
                    bound = d / 2 * (1 + 1e-6) + 127 * std::fabs(d16 - d);
                    break;
                }
                case TensorType::Q4_0: {
                    // Within one step (values near +max clamp to code 15), plus the f16 scale's move
                    // of the extreme code (8 steps).
                    const double d = extreme / -8.0, d16 = testref::halfValue(testref::readU16(q.data() + 18 * b));
                    bound = std::fabs(d) * (1 + 1e-6) + 8 * std::fabs(d16 - d);
                    break;
                }
                default: break;
                }
                QVERIFY2(err <= bound, qPrintable(QString("element %1: %2 -> %3, bound %4").arg(k).arg(x[k]).arg(back[k]).arg(bound)));
            }
        }
        if (t == TensorType::Q8_0 || t == TensorType::Q4_0) {
            for (int i = 0; i < 64; ++i) QCOMPARE(back[i], i == 40 ? back[40] : 0.0f);
            QVERIFY(std::fabs(back[40] - 3.0f) < 3.0f * 0x1p-10);
            QVERIFY(std::fabs(back[64] + 5.0f) < 5.0f * 0x1p-10);  // the extreme is represented (to f16 accuracy)
        }
    }

    void quantizeFollowsReferenceRule() {
        // Q8_0 divides by multiplying with 1/d and rounds halves away from zero: a block whose
        // amax is 127 has d = 1, id = 1, so 2.5 -> 3 and -2.5 -> -3.
        float x[32] = {};
        x[0] = 127.0f;
        x[1] = 2.5f;
        x[2] = -2.5f;
        x[3] = 0.49f;
        uint8_t q8[34];
        quantizeRow(TensorType::Q8_0, x, q8, 32);
        QCOMPARE(testref::readU16(q8), uint16_t(0x3C00));
        QCOMPARE(static_cast<int8_t>(q8[2]), int8_t(127));
        QCOMPARE(static_cast<int8_t>(q8[3]), int8_t(3));
        QCOMPARE(static_cast<int8_t>(q8[4]), int8_t(-3));
        QCOMPARE(static_cast<int8_t>(q8[5]), int8_t(0));
        // Q4_0: the first value of largest magnitude (-8 here, ahead of +8) sets d = 1; codes are
        // trunc(x + 8.5), so +8 clamps to 15 and 0.5 rounds up to code 9.
        float y[32] = {};
        y[0] = -8.0f;
        y[1] = 8.0f;
        y[2] = 0.5f;
        y[17] = -0.5f;
        uint8_t q4[18];
        quantizeRow(TensorType::Q4_0, y, q4, 32);
        QCOMPARE(testref::readU16(q4), uint16_t(0x3C00));
        QCOMPARE(q4[2] & 15, 0);
        QCOMPARE(q4[3] & 15, 15);
        QCOMPARE(q4[4] & 15, 9);
        QCOMPARE(q4[3] >> 4, 8);  // element 17: -0.5 + 8.5 = 8
        QCOMPARE(q4[2] >> 4, 8);  // element 16: 0
    }

    // The MLP gate against silu(g) * u in double precision, for every instruction set, over
    // values from deep in either tail (where e^-g over- or underflows) to around zero, with a
    // length that leaves a tail after the vectors and split across threads.
    void swigluMatchesDoubleReference_data() {
        QTest::addColumn<int>("simd");
        QTest::addColumn<int>("threads");
        for (SimdLevel simd : {SimdLevel::Scalar, SimdLevel::Avx2, SimdLevel::Avx512})
            for (int threads : {1, 2}) QTest::addRow("%s/t%d", simdLevelName(simd).data(), threads) << int(simd) << threads;
    }

    void swigluMatchesDoubleReference() {
        QFETCH(int, simd);
        QFETCH(int, threads);
        const auto level = static_cast<SimdLevel>(simd);
        if (!simdLevelSupported(level)) QSKIP("this CPU lacks the instruction set");
        constexpr int64_t n = 8960 + 5;
        std::mt19937 rng(3);
        std::normal_distribution<float> normal(0.0f, 3.0f);
        std::vector<float> gate(n), up(n);
        for (int64_t i = 0; i < n; ++i) gate[i] = normal(rng), up[i] = normal(rng);
        const float extremes[] = {-120.0f, -88.5f, -87.5f, -30.0f, -1e-6f, 0.0f, -0.0f, 1e-6f, 30.0f, 87.5f, 88.5f, 120.0f};
        std::copy(std::begin(extremes), std::end(extremes), gate.begin() + 100);
        const std::vector<float> gateIn = gate;
        ThreadPool pool(threads);
        swiglu(gate.data(), up.data(), n, pool, level);
        for (int64_t i = 0; i < n; ++i) {
            const double g = gateIn[i], expected = g / (1.0 + std::exp(-g)) * up[i];
            QVERIFY2(std::fabs(gate[i] - expected) <= 1e-6 * std::fabs(expected) + 1e-30,
                     qPrintable(QString("i %1: silu(%2) * %3 = %4, expected %5").arg(i).arg(g).arg(up[i]).arg(gate[i]).arg(expected)));
        }
    }
};

QTEST_APPLESS_MAIN(TestKernels)
#include "test_kernels.moc"
