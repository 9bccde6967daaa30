#pragma once
// e^x for a vector of floats (AVX2 + FMA, AVX-512), for the softmax of decode attention and the
// SwiGLU gate, where scalar expf calls were a few percent of the time. Include only from files
// that call these from functions compiled for those targets.
#include <immintrin.h>

#include <cstddef>

namespace qd::detail {

// The numbers of both widths below, so that they compute the same function. Within 2 ulp:
// x = n ln 2 + r with |r| <= ln 2 / 2, e^r by its Taylor series to r^6 (error below 2e-8 there),
// times 2^n built in the exponent bits. Below kExpLowest (where e^x leaves the normal floats) the
// result is 0; above kExpHighest it is +infinity.
constexpr float kExpLowest = -87.0f, kExpHighest = 88.0f, kLog2E = 1.44269504f;
// ln 2 in two parts so n * kLn2High is exact.
constexpr float kLn2High = 0.693145751953125f, kLn2Low = 1.428606765330187e-06f;
// e^r's Taylor coefficients, highest power first (evaluated by Horner's rule).
constexpr float kExpTaylor[] = {1.0f / 720.0f, 1.0f / 120.0f, 1.0f / 24.0f, 1.0f / 6.0f, 0.5f, 1.0f, 1.0f};
constexpr size_t kExpTerms = sizeof(kExpTaylor) / sizeof(kExpTaylor[0]);

__attribute__((target("avx2,fma"))) inline __m256 exponential(__m256 x) {
    const __m256 tooSmall = _mm256_cmp_ps(x, _mm256_set1_ps(kExpLowest), _CMP_LT_OQ);
    const __m256 tooLarge = _mm256_cmp_ps(x, _mm256_set1_ps(kExpHighest), _CMP_GT_OQ);
    x = _mm256_max_ps(_mm256_min_ps(x, _mm256_set1_ps(kExpHighest)), _mm256_set1_ps(kExpLowest));
    const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(kLog2E)),
                                     _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(kLn2High), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(kLn2Low), r);
    __m256 p = _mm256_set1_ps(kExpTaylor[0]);
    for (size_t k = 1; k < kExpTerms; ++k) p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(kExpTaylor[k]));
    const __m256i scale = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    const __m256 e = _mm256_andnot_ps(tooSmall, _mm256_mul_ps(p, _mm256_castsi256_ps(scale)));
    return _mm256_blendv_ps(e, _mm256_set1_ps(__builtin_inff()), tooLarge);
}

// The same arithmetic on 16 floats.
__attribute__((target("avx512f"))) inline __m512 exponential(__m512 x) {
    const __mmask16 tooSmall = _mm512_cmp_ps_mask(x, _mm512_set1_ps(kExpLowest), _CMP_LT_OQ);
    const __mmask16 tooLarge = _mm512_cmp_ps_mask(x, _mm512_set1_ps(kExpHighest), _CMP_GT_OQ);
    x = _mm512_max_ps(_mm512_min_ps(x, _mm512_set1_ps(kExpHighest)), _mm512_set1_ps(kExpLowest));
    const __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(kLog2E)),
                                          _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(kLn2High), x);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(kLn2Low), r);
    __m512 p = _mm512_set1_ps(kExpTaylor[0]);
    for (size_t k = 1; k < kExpTerms; ++k) p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(kExpTaylor[k]));
    const __m512i scale = _mm512_slli_epi32(_mm512_add_epi32(_mm512_cvtps_epi32(n), _mm512_set1_epi32(127)), 23);
    const __m512 e = _mm512_maskz_mul_ps(static_cast<__mmask16>(~tooSmall), p, _mm512_castsi512_ps(scale));
    return _mm512_mask_blend_ps(tooLarge, e, _mm512_set1_ps(__builtin_inff()));
}

}  // namespace qd::detail
