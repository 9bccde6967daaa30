// AVX2 matrix-vector kernels: 8 lanes, each weight block decoded to f32 in registers (exactly, as
// dequantize.cpp defines it) and multiplied into per-row accumulators.
#include "kernels/block_formats.h"
#include "kernels/half.h"
#include "kernels/matvec.h"
#include "kernels/row_streams.h"

// GCC 12's AVX headers build "undefined" vectors from self-initialized locals, which trips
// -Wuninitialized / -Wmaybe-uninitialized once the intrinsics are inlined (GCC bug 105593); the
// warnings are spurious.
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

// Compiled for the baseline target; only these functions use AVX2/FMA/F16C, and matmul calls
// them only after checking the CPU.
#define QD_AVX2 __attribute__((target("avx2,fma,f16c")))

namespace qd::detail {

namespace {

QD_AVX2 inline float loadHalf(uint16_t h) { return _cvtsh_ss(h); }

QD_AVX2 inline float horizontalSum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

// Eight bytes widened to eight int32 lanes.
QD_AVX2 inline __m256i bytesU8(const uint8_t *p) {
    return _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i *>(p)));
}

struct LoadF32 {
    using Element = float;
    QD_AVX2 static __m256 lanes(const float *p) { return _mm256_loadu_ps(p); }
    static float one(float v) { return v; }
};

struct LoadF16 {
    using Element = uint16_t;
    QD_AVX2 static __m256 lanes(const uint16_t *p) {
        return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)));
    }
    QD_AVX2 static float one(uint16_t h) { return loadHalf(h); }
};

struct LoadBf16 {
    using Element = uint16_t;
    QD_AVX2 static __m256 lanes(const uint16_t *p) {
        const __m256i wide = _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)));
        return _mm256_castsi256_ps(_mm256_slli_epi32(wide, 16));
    }
    static float one(uint16_t h) { return bf16ToF32(h); }
};

// One dot product for every float storage format: the loader turns stored values into f32 lanes.
template <typename Load>
QD_AVX2 float dot(const typename Load::Element *w, const float *x, int64_t n) {
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        acc0 = _mm256_fmadd_ps(Load::lanes(w + i), _mm256_loadu_ps(x + i), acc0);
        acc1 = _mm256_fmadd_ps(Load::lanes(w + i + 8), _mm256_loadu_ps(x + i + 8), acc1);
    }
    if (i + 8 <= n) {
        acc0 = _mm256_fmadd_ps(Load::lanes(w + i), _mm256_loadu_ps(x + i), acc0);
        i += 8;
    }
    float sum = horizontalSum(_mm256_add_ps(acc0, acc1));
    for (; i < n; ++i) sum += Load::one(w[i]) * x[i];
    return sum;
}

QD_AVX2 float dotQ8_0(const BlockQ8_0 *blocks, const float *x, int64_t nb) {
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        const __m256 d = _mm256_set1_ps(loadHalf(blocks[b].d));
        const float *xb = x + 32 * b;
        for (int g = 0; g < 4; g += 2) {
            const auto *q = reinterpret_cast<const __m128i *>(blocks[b].qs + 8 * g);
            const auto *q1 = reinterpret_cast<const __m128i *>(blocks[b].qs + 8 * g + 8);
            const __m256 w0 = _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64(q))), d);
            const __m256 w1 = _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64(q1))), d);
            acc0 = _mm256_fmadd_ps(w0, _mm256_loadu_ps(xb + 8 * g), acc0);
            acc1 = _mm256_fmadd_ps(w1, _mm256_loadu_ps(xb + 8 * g + 8), acc1);
        }
    }
    return horizontalSum(_mm256_add_ps(acc0, acc1));
}

QD_AVX2 float dotQ4_0(const BlockQ4_0 *blocks, const float *x, int64_t nb) {
    const __m256i low4 = _mm256_set1_epi32(0x0F);
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        // d * (q - 8) as q * d - 8d: both products are exact, so the fused form rounds nowhere.
        const float d = loadHalf(blocks[b].d);
        const __m256 scale = _mm256_set1_ps(d), offset = _mm256_set1_ps(8.0f * d);
        const float *xb = x + 32 * b;
        for (int g = 0; g < 2; ++g) {
            const __m256i bytes = bytesU8(blocks[b].qs + 8 * g);
            const __m256 lo = _mm256_cvtepi32_ps(_mm256_and_si256(bytes, low4));
            const __m256 hi = _mm256_cvtepi32_ps(_mm256_srli_epi32(bytes, 4));
            acc0 = _mm256_fmadd_ps(_mm256_fmsub_ps(lo, scale, offset), _mm256_loadu_ps(xb + 8 * g), acc0);
            acc1 = _mm256_fmadd_ps(_mm256_fmsub_ps(hi, scale, offset), _mm256_loadu_ps(xb + 16 + 8 * g), acc1);
        }
    }
    return horizontalSum(_mm256_add_ps(acc0, acc1));
}

QD_AVX2 float dotQ4_K(const BlockQ4_K *blocks, const float *x, int64_t nb) {
    const __m256i low4 = _mm256_set1_epi32(0x0F);
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        const BlockQ4_K &blk = blocks[b];
        const float d = loadHalf(blk.d), dmin = loadHalf(blk.dmin);
        const float *xb = x + 256 * b;
        for (int c = 0; c < 4; ++c) {
            int sc0, m0, sc1, m1;
            q4kScaleMin(blk.scales, 2 * c, sc0, m0);
            q4kScaleMin(blk.scales, 2 * c + 1, sc1, m1);
            const __m256 dLo = _mm256_set1_ps(d * static_cast<float>(sc0));
            const __m256 minLo = _mm256_set1_ps(dmin * static_cast<float>(m0));
            const __m256 dHi = _mm256_set1_ps(d * static_cast<float>(sc1));
            const __m256 minHi = _mm256_set1_ps(dmin * static_cast<float>(m1));
            for (int g = 0; g < 4; ++g) {
                const __m256i bytes = bytesU8(blk.qs + 32 * c + 8 * g);
                // d*scale*q is exact, so the fused multiply-subtract rounds exactly where the
                // scalar decode does.
                const __m256 wLo = _mm256_fmsub_ps(_mm256_cvtepi32_ps(_mm256_and_si256(bytes, low4)), dLo, minLo);
                const __m256 wHi = _mm256_fmsub_ps(_mm256_cvtepi32_ps(_mm256_srli_epi32(bytes, 4)), dHi, minHi);
                acc0 = _mm256_fmadd_ps(wLo, _mm256_loadu_ps(xb + 64 * c + 8 * g), acc0);
                acc1 = _mm256_fmadd_ps(wHi, _mm256_loadu_ps(xb + 64 * c + 32 + 8 * g), acc1);
            }
        }
    }
    return horizontalSum(_mm256_add_ps(acc0, acc1));
}

QD_AVX2 float dotQ6_K(const BlockQ6_K *blocks, const float *x, int64_t nb) {
    const __m256i low4 = _mm256_set1_epi32(0x0F);
    const __m256i low2 = _mm256_set1_epi32(3);
    // The 16 sub-block factors d*scale and 32*d*scale, computed together and then broadcast from
    // memory (a broadcast from a register would compete with the byte widening for one port).
    alignas(32) float ds[16], ds32[16];
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        const BlockQ6_K &blk = blocks[b];
        const __m256 d = _mm256_set1_ps(loadHalf(blk.d));
        for (int i = 0; i < 16; i += 8) {
            const __m256 scales = _mm256_mul_ps(
                _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i *>(blk.scales + i)))), d);
            _mm256_store_ps(ds + i, scales);
            _mm256_store_ps(ds32 + i, _mm256_mul_ps(scales, _mm256_set1_ps(32.0f)));
        }
        for (int half = 0; half < 2; ++half) {
            const uint8_t *ql = blk.ql + 64 * half;
            const uint8_t *qh = blk.qh + 32 * half;
            const float *xh = x + 256 * b + 128 * half;
            for (int l = 0; l < 32; l += 8) {
                const int s = l / 16;
                const __m256i a = bytesU8(ql + l);
                const __m256i c = bytesU8(ql + l + 32);
                const __m256i h = bytesU8(qh + l);
                const __m256i q[4] = {
                    _mm256_or_si256(_mm256_and_si256(a, low4), _mm256_slli_epi32(_mm256_and_si256(h, low2), 4)),
                    _mm256_or_si256(_mm256_and_si256(c, low4),
                                    _mm256_slli_epi32(_mm256_and_si256(_mm256_srli_epi32(h, 2), low2), 4)),
                    _mm256_or_si256(_mm256_srli_epi32(a, 4),
                                    _mm256_slli_epi32(_mm256_and_si256(_mm256_srli_epi32(h, 4), low2), 4)),
                    _mm256_or_si256(_mm256_srli_epi32(c, 4), _mm256_slli_epi32(_mm256_srli_epi32(h, 6), 4)),
                };
                for (int k = 0; k < 4; ++k) {
                    // d*scale*(q - 32) as q * ds - 32 ds: with q < 64, |scale| <= 128 and an
                    // 11-bit d, q * ds has at most 24 significant bits, so the fused form is exact.
                    const int sub = 8 * half + s + 2 * k;
                    const __m256 w = _mm256_fmsub_ps(_mm256_cvtepi32_ps(q[k]), _mm256_set1_ps(ds[sub]), _mm256_set1_ps(ds32[sub]));
                    if (k % 2 == 0)
                        acc0 = _mm256_fmadd_ps(w, _mm256_loadu_ps(xh + l + 32 * k), acc0);
                    else
                        acc1 = _mm256_fmadd_ps(w, _mm256_loadu_ps(xh + l + 32 * k), acc1);
                }
            }
        }
    }
    return horizontalSum(_mm256_add_ps(acc0, acc1));
}

}  // namespace

QD_AVX2 void matvecRowsAvx2(const WeightView &w, const float *x, float *y, int64_t rowBegin, int64_t rowEnd) {
    const int64_t stride = static_cast<int64_t>(*rowBytes(w.type, static_cast<uint64_t>(w.cols)));
    const int64_t n = w.cols;
    const RowStreams order(rowBegin, rowEnd);
    for (int64_t visit = 0; visit < order.visits(); ++visit) {
        const int64_t r = order.row(visit);
        if (r == rowEnd) continue;
        const uint8_t *row = w.data + r * stride;
        switch (w.type) {
        case TensorType::F32: y[r] = dot<LoadF32>(reinterpret_cast<const float *>(row), x, n); break;
        case TensorType::F16: y[r] = dot<LoadF16>(reinterpret_cast<const uint16_t *>(row), x, n); break;
        case TensorType::BF16: y[r] = dot<LoadBf16>(reinterpret_cast<const uint16_t *>(row), x, n); break;
        case TensorType::Q8_0: y[r] = dotQ8_0(reinterpret_cast<const BlockQ8_0 *>(row), x, n / 32); break;
        case TensorType::Q4_0: y[r] = dotQ4_0(reinterpret_cast<const BlockQ4_0 *>(row), x, n / 32); break;
        case TensorType::Q4_K: y[r] = dotQ4_K(reinterpret_cast<const BlockQ4_K *>(row), x, n / 256); break;
        case TensorType::Q6_K: y[r] = dotQ6_K(reinterpret_cast<const BlockQ6_K *>(row), x, n / 256); break;
        default: break;  // matmul validated the type
        }
    }
}

}  // namespace qd::detail
