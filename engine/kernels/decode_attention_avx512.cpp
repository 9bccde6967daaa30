// AVX-512 row kernels of decodeAttention: the AVX2 kernels' scheme on 16 lanes of head dimension,
// half the instructions for the same work (decode attention is bound by its multiply-adds).
#include "kernels/decode_attention.h"

#include <algorithm>

// GCC 12's AVX-512 headers trip spurious -Wuninitialized warnings (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#include "kernels/vector_exp.h"

// Compiled for the baseline target; decodeAttention calls these only after checking the CPU.
#define QD_AVX512 __attribute__((target("avx512f,avx2,fma,f16c")))

namespace qd::detail {

namespace {

template <bool Half>
QD_AVX512 inline __m512 load16(const uint8_t *row, int64_t i) {
    if constexpr (Half) return _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(row + 2 * i)));
    else return _mm512_loadu_ps(reinterpret_cast<const float *>(row) + i);
}

// Lane h of the result is the sum of the lanes of a[h]: each folded to 8 lanes, then 8 horizontal
// sums at once.
QD_AVX512 inline __m256 horizontalSums(const __m512 (&a)[kMaxHeadsAtOnce]) {
    __m256 half[kMaxHeadsAtOnce];
    for (int h = 0; h < kMaxHeadsAtOnce; ++h)
        half[h] = _mm256_add_ps(_mm512_castps512_ps256(a[h]), _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(a[h]), 1)));
    const __m256 t0 = _mm256_hadd_ps(half[0], half[1]), t1 = _mm256_hadd_ps(half[2], half[3]);
    const __m256 t2 = _mm256_hadd_ps(half[4], half[5]), t3 = _mm256_hadd_ps(half[6], half[7]);
    const __m256 u0 = _mm256_hadd_ps(t0, t1), u1 = _mm256_hadd_ps(t2, t3);
    return _mm256_add_ps(_mm256_permute2f128_ps(u0, u1, 0x20), _mm256_permute2f128_ps(u0, u1, 0x31));
}

// Scores of kHeads query heads (rows headDim apart) against `count` key rows.
template <bool Half, int kHeads>
QD_AVX512 void scoresOfHeads(const float *queries, int64_t headDim, const uint8_t *keys, uint64_t stride,
                             int64_t count, float scale, float *scores) {
    const __m256 scaleVector = _mm256_set1_ps(scale);
    for (int64_t j = 0; j < count; ++j) {
        const uint8_t *row = keys + static_cast<uint64_t>(j) * stride;
        __m512 acc[kMaxHeadsAtOnce];
        for (auto &a : acc) a = _mm512_setzero_ps();
        for (int64_t i = 0; i < headDim; i += 16) {
            const __m512 k = load16<Half>(row, i);
            for (int h = 0; h < kHeads; ++h) acc[h] = _mm512_fmadd_ps(k, _mm512_loadu_ps(queries + h * headDim + i), acc[h]);
        }
        alignas(32) float sums[kMaxHeadsAtOnce];
        _mm256_store_ps(sums, _mm256_mul_ps(horizontalSums(acc), scaleVector));
        for (int h = 0; h < kHeads; ++h) scores[h * count + j] = sums[h];
    }
}

// out rows of kHeads query heads += their weights times `count` value rows.
template <bool Half, int kHeads>
QD_AVX512 void accumulateHeads(const float *weights, int64_t headDim, const uint8_t *values, uint64_t stride,
                               int64_t count, float *out) {
    for (int64_t i = 0; i < headDim; i += 16) {
        __m512 acc[kHeads];
        for (auto &a : acc) a = _mm512_setzero_ps();
        for (int64_t j = 0; j < count; ++j) {
            const __m512 v = load16<Half>(values + static_cast<uint64_t>(j) * stride, i);
            for (int h = 0; h < kHeads; ++h) acc[h] = _mm512_fmadd_ps(_mm512_set1_ps(weights[h * count + j]), v, acc[h]);
        }
        for (int h = 0; h < kHeads; ++h) {
            float *o = out + h * headDim + i;
            _mm512_storeu_ps(o, _mm512_add_ps(_mm512_loadu_ps(o), acc[h]));
        }
    }
}

template <bool Half>
QD_AVX512 void scoresAvx512(const float *queries, int64_t group, int64_t headDim, const uint8_t *keys,
                            uint64_t stride, int64_t count, float scale, float *scores) {
    forEachHeadBatch(group, [&]<int kHeads>(int64_t g0) {
        scoresOfHeads<Half, kHeads>(queries + g0 * headDim, headDim, keys, stride, count, scale, scores + g0 * count);
    });
}

template <bool Half>
QD_AVX512 void accumulateAvx512(const float *weights, int64_t group, int64_t headDim, const uint8_t *values,
                                uint64_t stride, int64_t count, float *out) {
    forEachHeadBatch(group, [&]<int kHeads>(int64_t g0) {
        accumulateHeads<Half, kHeads>(weights + g0 * count, headDim, values, stride, count, out + g0 * headDim);
    });
}

QD_AVX512 float exponentialsAvx512(float *scores, int64_t count, float max) {
    const __m512 m = _mm512_set1_ps(max);
    __m512 sum = _mm512_setzero_ps();
    for (int64_t j = 0; j < count; j += 16) {
        // The tail through a masked load and store: lanes past the end are neither read nor written.
        const __mmask16 lanes = count - j >= 16 ? __mmask16(0xFFFF) : static_cast<__mmask16>((1u << (count - j)) - 1);
        const __m512 e = _mm512_maskz_mov_ps(lanes, exponential(_mm512_sub_ps(_mm512_maskz_loadu_ps(lanes, scores + j), m)));
        _mm512_mask_storeu_ps(scores + j, lanes, e);
        sum = _mm512_add_ps(sum, e);
    }
    return _mm512_reduce_add_ps(sum);
}

}  // namespace

DecodeRowKernels decodeRowKernelsAvx512(TensorType type) {
    if (type == TensorType::F16) return {scoresAvx512<true>, accumulateAvx512<true>, exponentialsAvx512};
    return {scoresAvx512<false>, accumulateAvx512<false>, exponentialsAvx512};
}

}  // namespace qd::detail
