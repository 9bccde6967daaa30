// AVX-512 row dequantization: the decoders of matvec_avx512.cpp, storing the values instead of
// multiplying them into a dot product.
#include "kernels/block_formats.h"
#include "kernels/dequantize.h"
#include "kernels/dequantize_simd.h"
#include "kernels/half.h"

// GCC 12's AVX headers build "undefined" vectors from self-initialized locals, which trips
// -Wuninitialized / -Wmaybe-uninitialized once the intrinsics are inlined (GCC bug 105593); the
// warnings are spurious.
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

// Only these functions use AVX-512; matmul calls them only after checking the CPU.
#define QD_AVX512 __attribute__((target("avx512f,avx2,fma,f16c")))

namespace qd::detail {

namespace {

QD_AVX512 inline __m512 widenBytes(const uint8_t *p) {
    return _mm512_cvtepi32_ps(_mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p))));
}

QD_AVX512 void rowF16(const uint16_t *src, float *dst, int64_t n) {
    int64_t i = 0;
    for (; i + 16 <= n; i += 16)
        _mm512_storeu_ps(dst + i, _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(src + i))));
    for (; i < n; ++i) dst[i] = f16ToF32(src[i]);
}

QD_AVX512 void rowBf16(const uint16_t *src, float *dst, int64_t n) {
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m512i wide = _mm512_cvtepu16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(src + i)));
        _mm512_storeu_ps(dst + i, _mm512_castsi512_ps(_mm512_slli_epi32(wide, 16)));
    }
    for (; i < n; ++i) dst[i] = bf16ToF32(src[i]);
}

QD_AVX512 void rowQ8_0(const BlockQ8_0 *blocks, float *dst, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const __m512 d = _mm512_set1_ps(_cvtsh_ss(blocks[b].d));
        const auto *q = reinterpret_cast<const __m128i *>(blocks[b].qs);
        _mm512_storeu_ps(dst + 32 * b, _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(q))), d));
        _mm512_storeu_ps(dst + 32 * b + 16,
                         _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(q + 1))), d));
    }
}

QD_AVX512 void rowQ4_0(const BlockQ4_0 *blocks, float *dst, int64_t nb) {
    const __m512i low4 = _mm512_set1_epi32(0x0F);
    for (int64_t b = 0; b < nb; ++b) {
        // d * (q - 8) as q * d - 8d: both products are exact, so the fused form rounds nowhere.
        const float d = _cvtsh_ss(blocks[b].d);
        const __m512 scale = _mm512_set1_ps(d), offset = _mm512_set1_ps(8.0f * d);
        const __m512i bytes = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(blocks[b].qs)));
        _mm512_storeu_ps(dst + 32 * b, _mm512_fmsub_ps(_mm512_cvtepi32_ps(_mm512_and_si512(bytes, low4)), scale, offset));
        _mm512_storeu_ps(dst + 32 * b + 16, _mm512_fmsub_ps(_mm512_cvtepi32_ps(_mm512_srli_epi32(bytes, 4)), scale, offset));
    }
}

QD_AVX512 void rowQ4_K(const BlockQ4_K *blocks, float *dst, int64_t nb) {
    const __m512i low4 = _mm512_set1_epi32(0x0F);
    for (int64_t b = 0; b < nb; ++b) {
        const BlockQ4_K &blk = blocks[b];
        const float d = _cvtsh_ss(blk.d), dmin = _cvtsh_ss(blk.dmin);
        float *out = dst + 256 * b;
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
                // d*scale*q is exact, so the fused multiply-subtract rounds where the scalar decode does.
                _mm512_storeu_ps(out + 64 * c + 16 * h,
                                 _mm512_fmsub_ps(_mm512_cvtepi32_ps(_mm512_and_si512(bytes, low4)), dLo, minLo));
                _mm512_storeu_ps(out + 64 * c + 32 + 16 * h,
                                 _mm512_fmsub_ps(_mm512_cvtepi32_ps(_mm512_srli_epi32(bytes, 4)), dHi, minHi));
            }
        }
    }
}

QD_AVX512 void rowQ6_K(const BlockQ6_K *blocks, float *dst, int64_t nb) {
    const __m512i low4 = _mm512_set1_epi8(0x0F);
    const __m512i low2 = _mm512_set1_epi8(3);
    // Bit pairs of qh lined up with ql's bytes, as in matvec_avx512.cpp.
    const __m512i shiftLowNibbles = _mm512_set_epi64(2, 2, 2, 2, 0, 0, 0, 0);
    const __m512i shiftHighNibbles = _mm512_set_epi64(6, 6, 6, 6, 4, 4, 4, 4);
    alignas(64) uint8_t q[128];
    for (int64_t b = 0; b < nb; ++b) {
        const BlockQ6_K &blk = blocks[b];
        const __m512 ds = _mm512_mul_ps(
            _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(blk.scales)))),
            _mm512_set1_ps(_cvtsh_ss(blk.d)));
        alignas(64) float factor[16], offset[16];
        _mm512_store_ps(factor, ds);
        _mm512_store_ps(offset, _mm512_mul_ps(ds, _mm512_set1_ps(32.0f)));
        for (int half = 0; half < 2; ++half) {
            const __m512i ql = _mm512_loadu_si512(blk.ql + 64 * half);
            const __m512i qh =
                _mm512_broadcast_i64x4(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(blk.qh + 32 * half)));
            const __m512i hiA = _mm512_and_si512(_mm512_srlv_epi64(qh, shiftLowNibbles), low2);
            const __m512i hiB = _mm512_and_si512(_mm512_srlv_epi64(qh, shiftHighNibbles), low2);
            _mm512_store_si512(q, _mm512_or_si512(_mm512_and_si512(ql, low4), _mm512_slli_epi64(hiA, 4)));
            _mm512_store_si512(q + 64, _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi64(ql, 4), low4),
                                                       _mm512_slli_epi64(hiB, 4)));
            float *out = dst + 256 * b + 128 * half;
            for (int k = 0; k < 8; ++k) {
                // d*scale*(q - 32) as q * ds - 32 ds, exact (see matvec_avx512.cpp).
                const __m512 qf = widenBytes(q + 16 * k);
                _mm512_storeu_ps(out + 16 * k, _mm512_fmsub_ps(qf, _mm512_set1_ps(factor[8 * half + k]),
                                                               _mm512_set1_ps(offset[8 * half + k])));
            }
        }
    }
}

}  // namespace

QD_AVX512 void dequantizeRowAvx512(TensorType type, const uint8_t *src, float *dst, int64_t n) {
    switch (type) {
    case TensorType::F16: rowF16(reinterpret_cast<const uint16_t *>(src), dst, n); return;
    case TensorType::BF16: rowBf16(reinterpret_cast<const uint16_t *>(src), dst, n); return;
    case TensorType::Q8_0: rowQ8_0(reinterpret_cast<const BlockQ8_0 *>(src), dst, n / 32); return;
    case TensorType::Q4_0: rowQ4_0(reinterpret_cast<const BlockQ4_0 *>(src), dst, n / 32); return;
    case TensorType::Q4_K: rowQ4_K(reinterpret_cast<const BlockQ4_K *>(src), dst, n / 256); return;
    case TensorType::Q6_K: rowQ6_K(reinterpret_cast<const BlockQ6_K *>(src), dst, n / 256); return;
    default: dequantizeRow(type, src, dst, n); return;  // F32: a copy
    }
}

}  // namespace qd::detail
