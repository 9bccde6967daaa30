// AVX-512 matrix-vector kernels: 16 lanes, each weight block decoded to f32 in registers (exactly,
// as dequantize.cpp defines it) and multiplied into per-row accumulators.
#include "kernels/block_formats.h"
#include "kernels/half.h"
#include "kernels/matvec.h"

// GCC 12's AVX-512 headers build "undefined" vectors from self-initialized locals, which trips
// -Wuninitialized / -Wmaybe-uninitialized once the intrinsics are inlined (GCC bug 105593); the
// warnings are spurious.
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

// Compiled for the baseline target; only these functions use AVX-512, and matmul calls them only
// after checking the CPU, so the rest of the program never contains instructions it can't run.
#define QD_AVX512 __attribute__((target("avx512f,avx2,fma,f16c")))

namespace qd::detail {

namespace {

QD_AVX512 inline float loadHalf(uint16_t h) { return _cvtsh_ss(h); }

QD_AVX512 inline __m512 widenBytes(const uint8_t *p) {
    return _mm512_cvtepi32_ps(_mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p))));
}

QD_AVX512 float dotF32(const float *w, const float *x, int64_t n) {
    __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
    int64_t i = 0;
    for (; i + 32 <= n; i += 32) {
        acc0 = _mm512_fmadd_ps(_mm512_loadu_ps(w + i), _mm512_loadu_ps(x + i), acc0);
        acc1 = _mm512_fmadd_ps(_mm512_loadu_ps(w + i + 16), _mm512_loadu_ps(x + i + 16), acc1);
    }
    if (i + 16 <= n) {
        acc0 = _mm512_fmadd_ps(_mm512_loadu_ps(w + i), _mm512_loadu_ps(x + i), acc0);
        i += 16;
    }
    float sum = _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
    for (; i < n; ++i) sum += w[i] * x[i];
    return sum;
}

QD_AVX512 float dotF16(const uint16_t *w, const float *x, int64_t n) {
    __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
    int64_t i = 0;
    for (; i + 32 <= n; i += 32) {
        const __m512 w0 = _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(w + i)));
        const __m512 w1 = _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(w + i + 16)));
        acc0 = _mm512_fmadd_ps(w0, _mm512_loadu_ps(x + i), acc0);
        acc1 = _mm512_fmadd_ps(w1, _mm512_loadu_ps(x + i + 16), acc1);
    }
    if (i + 16 <= n) {
        const __m512 w0 = _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(w + i)));
        acc0 = _mm512_fmadd_ps(w0, _mm512_loadu_ps(x + i), acc0);
        i += 16;
    }
    float sum = _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
    for (; i < n; ++i) sum += loadHalf(w[i]) * x[i];
    return sum;
}

QD_AVX512 inline __m512 loadBf16(const uint16_t *p) {
    const __m512i wide = _mm512_cvtepu16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(p)));
    return _mm512_castsi512_ps(_mm512_slli_epi32(wide, 16));
}

QD_AVX512 float dotBf16(const uint16_t *w, const float *x, int64_t n) {
    __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
    int64_t i = 0;
    for (; i + 32 <= n; i += 32) {
        acc0 = _mm512_fmadd_ps(loadBf16(w + i), _mm512_loadu_ps(x + i), acc0);
        acc1 = _mm512_fmadd_ps(loadBf16(w + i + 16), _mm512_loadu_ps(x + i + 16), acc1);
    }
    if (i + 16 <= n) {
        acc0 = _mm512_fmadd_ps(loadBf16(w + i), _mm512_loadu_ps(x + i), acc0);
        i += 16;
    }
    float sum = _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
    for (; i < n; ++i) sum += bf16ToF32(w[i]) * x[i];
    return sum;
}

QD_AVX512 float dotQ8_0(const BlockQ8_0 *blocks, const float *x, int64_t nb) {
    __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        const __m512 d = _mm512_set1_ps(loadHalf(blocks[b].d));
        const auto *q = reinterpret_cast<const __m128i *>(blocks[b].qs);
        const __m512 w0 = _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(q))), d);
        const __m512 w1 = _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(q + 1))), d);
        acc0 = _mm512_fmadd_ps(w0, _mm512_loadu_ps(x + 32 * b), acc0);
        acc1 = _mm512_fmadd_ps(w1, _mm512_loadu_ps(x + 32 * b + 16), acc1);
    }
    return _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
}

QD_AVX512 float dotQ4_0(const BlockQ4_0 *blocks, const float *x, int64_t nb) {
    const __m512i low4 = _mm512_set1_epi32(0x0F);
    __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        // d * (q - 8) as q * d - 8d: both products are exact, so the fused form rounds nowhere.
        const float d = loadHalf(blocks[b].d);
        const __m512 scale = _mm512_set1_ps(d), offset = _mm512_set1_ps(8.0f * d);
        const __m512i bytes = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(blocks[b].qs)));
        const __m512 lo = _mm512_cvtepi32_ps(_mm512_and_si512(bytes, low4));
        const __m512 hi = _mm512_cvtepi32_ps(_mm512_srli_epi32(bytes, 4));
        acc0 = _mm512_fmadd_ps(_mm512_fmsub_ps(lo, scale, offset), _mm512_loadu_ps(x + 32 * b), acc0);
        acc1 = _mm512_fmadd_ps(_mm512_fmsub_ps(hi, scale, offset), _mm512_loadu_ps(x + 32 * b + 16), acc1);
    }
    return _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
}

QD_AVX512 float dotQ4_K(const BlockQ4_K *blocks, const float *x, int64_t nb) {
    const __m512i low4 = _mm512_set1_epi32(0x0F);
    __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        const BlockQ4_K &blk = blocks[b];
        const float d = loadHalf(blk.d), dmin = loadHalf(blk.dmin);
        const float *xb = x + 256 * b;
        for (int c = 0; c < 4; ++c) {
            int sc0, m0, sc1, m1;
            q4kScaleMin(blk.scales, 2 * c, sc0, m0);
            q4kScaleMin(blk.scales, 2 * c + 1, sc1, m1);
            const __m512 dLo = _mm512_set1_ps(d * static_cast<float>(sc0));
            const __m512 minLo = _mm512_set1_ps(dmin * static_cast<float>(m0));
            const __m512 dHi = _mm512_set1_ps(d * static_cast<float>(sc1));
            const __m512 minHi = _mm512_set1_ps(dmin * static_cast<float>(m1));
            for (int h = 0; h < 2; ++h) {
                const __m512i bytes =
                    _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(blk.qs + 32 * c + 16 * h)));
                // d*scale*q is exact, so the fused multiply-subtract rounds exactly where the
                // scalar decode does.
                const __m512 wLo = _mm512_fmsub_ps(_mm512_cvtepi32_ps(_mm512_and_si512(bytes, low4)), dLo, minLo);
                const __m512 wHi = _mm512_fmsub_ps(_mm512_cvtepi32_ps(_mm512_srli_epi32(bytes, 4)), dHi, minHi);
                acc0 = _mm512_fmadd_ps(wLo, _mm512_loadu_ps(xb + 64 * c + 16 * h), acc0);
                acc1 = _mm512_fmadd_ps(wHi, _mm512_loadu_ps(xb + 64 * c + 32 + 16 * h), acc1);
            }
        }
    }
    return _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
}

QD_AVX512 float dotQ6_K(const BlockQ6_K *blocks, const float *x, int64_t nb) {
    const __m512i low4 = _mm512_set1_epi32(0x0F);
    const __m512i low2 = _mm512_set1_epi32(3);
    __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        const BlockQ6_K &blk = blocks[b];
        const float d = loadHalf(blk.d);
        for (int half = 0; half < 2; ++half) {
            const uint8_t *ql = blk.ql + 64 * half;
            const uint8_t *qh = blk.qh + 32 * half;
            const int8_t *sc = blk.scales + 8 * half;
            const float *xh = x + 256 * b + 128 * half;
            for (int s = 0; s < 2; ++s) {
                const int l = 16 * s;
                const __m512i a = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(ql + l)));
                const __m512i c = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(ql + l + 32)));
                const __m512i h = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(qh + l)));
                const __m512i q[4] = {
                    _mm512_or_si512(_mm512_and_si512(a, low4), _mm512_slli_epi32(_mm512_and_si512(h, low2), 4)),
                    _mm512_or_si512(_mm512_and_si512(c, low4),
                                    _mm512_slli_epi32(_mm512_and_si512(_mm512_srli_epi32(h, 2), low2), 4)),
                    _mm512_or_si512(_mm512_srli_epi32(a, 4),
                                    _mm512_slli_epi32(_mm512_and_si512(_mm512_srli_epi32(h, 4), low2), 4)),
                    _mm512_or_si512(_mm512_srli_epi32(c, 4), _mm512_slli_epi32(_mm512_srli_epi32(h, 6), 4)),
                };
                for (int k = 0; k < 4; ++k) {
                    // d*scale*(q - 32) as q * ds - 32 ds: with q < 64, |scale| <= 128 and an
                    // 11-bit d, q * ds has at most 24 significant bits, so the fused form is exact.
                    const float ds = d * static_cast<float>(sc[s + 2 * k]);
                    const __m512 w = _mm512_fmsub_ps(_mm512_cvtepi32_ps(q[k]), _mm512_set1_ps(ds), _mm512_set1_ps(32.0f * ds));
                    if (k % 2 == 0)
                        acc0 = _mm512_fmadd_ps(w, _mm512_loadu_ps(xh + l + 32 * k), acc0);
                    else
                        acc1 = _mm512_fmadd_ps(w, _mm512_loadu_ps(xh + l + 32 * k), acc1);
                }
            }
        }
    }
    return _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
}

}  // namespace

QD_AVX512 void matvecRowsAvx512(const WeightView &w, const float *x, float *y, int64_t rowBegin, int64_t rowEnd) {
    const int64_t stride = static_cast<int64_t>(*rowBytes(w.type, static_cast<uint64_t>(w.cols)));
    const int64_t n = w.cols;
    for (int64_t r = rowBegin; r < rowEnd; ++r) {
        const uint8_t *row = w.data + r * stride;
        switch (w.type) {
        case TensorType::F32: y[r] = dotF32(reinterpret_cast<const float *>(row), x, n); break;
        case TensorType::F16: y[r] = dotF16(reinterpret_cast<const uint16_t *>(row), x, n); break;
        case TensorType::BF16: y[r] = dotBf16(reinterpret_cast<const uint16_t *>(row), x, n); break;
        case TensorType::Q8_0: y[r] = dotQ8_0(reinterpret_cast<const BlockQ8_0 *>(row), x, n / 32); break;
        case TensorType::Q4_0: y[r] = dotQ4_0(reinterpret_cast<const BlockQ4_0 *>(row), x, n / 32); break;
        case TensorType::Q4_K: y[r] = dotQ4_K(reinterpret_cast<const BlockQ4_K *>(row), x, n / 256); break;
        case TensorType::Q6_K: y[r] = dotQ6_K(reinterpret_cast<const BlockQ6_K *>(row), x, n / 256); break;
        default: break;  // matmul validated the type
        }
    }
}

}  // namespace qd::detail
