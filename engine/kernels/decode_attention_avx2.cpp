// AVX2 row kernels of decodeAttention: 8 lanes of head dimension at a time, f16 rows widened with
// F16C as they are loaded. All the query heads of a KV group (up to 8) are taken at once, so one
// load of a key or value block feeds all their accumulators.
#include "kernels/decode_attention.h"

#include <algorithm>

// See matvec_avx2.cpp: GCC 12's AVX headers trip these warnings spuriously (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#include "kernels/vector_exp.h"

// Compiled for the baseline target; decodeAttention calls these only after checking the CPU.
#define QD_AVX2 __attribute__((target("avx2,fma,f16c")))

namespace qd::detail {

namespace {

template <bool Half>
QD_AVX2 inline __m256 load8(const uint8_t *row, int64_t i) {
    if constexpr (Half) return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i *>(row + 2 * i)));
    else return _mm256_loadu_ps(reinterpret_cast<const float *>(row) + i);
}

// Lane h of the result is the sum of the lanes of a[h]: 8 horizontal sums in 9 instructions
// instead of 5 each.
QD_AVX2 inline __m256 horizontalSums(const __m256 (&a)[kMaxHeadsAtOnce]) {
    const __m256 t0 = _mm256_hadd_ps(a[0], a[1]), t1 = _mm256_hadd_ps(a[2], a[3]);
    const __m256 t2 = _mm256_hadd_ps(a[4], a[5]), t3 = _mm256_hadd_ps(a[6], a[7]);
    const __m256 u0 = _mm256_hadd_ps(t0, t1), u1 = _mm256_hadd_ps(t2, t3);
    return _mm256_add_ps(_mm256_permute2f128_ps(u0, u1, 0x20), _mm256_permute2f128_ps(u0, u1, 0x31));
}

// Scores of kHeads query heads (rows headDim apart) against `count` key rows.
template <bool Half, int kHeads>
QD_AVX2 void scoresOfHeads(const float *queries, int64_t headDim, const uint8_t *keys, uint64_t stride,
                           int64_t count, float scale, float *scores) {
    const __m256 scaleVector = _mm256_set1_ps(scale);
    for (int64_t j = 0; j < count; ++j) {
        const uint8_t *row = keys + static_cast<uint64_t>(j) * stride;
        __m256 acc[kMaxHeadsAtOnce];
        for (auto &a : acc) a = _mm256_setzero_ps();
        for (int64_t i = 0; i < headDim; i += 8) {
            const __m256 k = load8<Half>(row, i);
            for (int h = 0; h < kHeads; ++h) acc[h] = _mm256_fmadd_ps(k, _mm256_loadu_ps(queries + h * headDim + i), acc[h]);
        }
        alignas(32) float sums[kMaxHeadsAtOnce];
        _mm256_store_ps(sums, _mm256_mul_ps(horizontalSums(acc), scaleVector));
        for (int h = 0; h < kHeads; ++h) scores[h * count + j] = sums[h];
    }
}

// out rows of kHeads query heads += their weights times `count` value rows.
template <bool Half, int kHeads>
QD_AVX2 void accumulateHeads(const float *weights, int64_t headDim, const uint8_t *values, uint64_t stride,
                             int64_t count, float *out) {
    // One block of 8 dimensions at a time, summed over all rows in registers; the run's rows stay
    // in L1 between blocks.
    for (int64_t i = 0; i < headDim; i += 8) {
        __m256 acc[kHeads];
        for (auto &a : acc) a = _mm256_setzero_ps();
        for (int64_t j = 0; j < count; ++j) {
            const __m256 v = load8<Half>(values + static_cast<uint64_t>(j) * stride, i);
            for (int h = 0; h < kHeads; ++h) acc[h] = _mm256_fmadd_ps(_mm256_broadcast_ss(weights + h * count + j), v, acc[h]);
        }
        for (int h = 0; h < kHeads; ++h) {
            float *o = out + h * headDim + i;
            _mm256_storeu_ps(o, _mm256_add_ps(_mm256_loadu_ps(o), acc[h]));
        }
    }
}

template <bool Half>
QD_AVX2 void scoresAvx2(const float *queries, int64_t group, int64_t headDim, const uint8_t *keys, uint64_t stride,
                        int64_t count, float scale, float *scores) {
    forEachHeadBatch(group, [&]<int kHeads>(int64_t g0) {
        scoresOfHeads<Half, kHeads>(queries + g0 * headDim, headDim, keys, stride, count, scale, scores + g0 * count);
    });
}

template <bool Half>
QD_AVX2 void accumulateAvx2(const float *weights, int64_t group, int64_t headDim, const uint8_t *values,
                            uint64_t stride, int64_t count, float *out) {
    forEachHeadBatch(group, [&]<int kHeads>(int64_t g0) {
        accumulateHeads<Half, kHeads>(weights + g0 * count, headDim, values, stride, count, out + g0 * headDim);
    });
}

QD_AVX2 float exponentialsAvx2(float *scores, int64_t count, float max) {
    const __m256 m = _mm256_set1_ps(max);
    __m256 sum = _mm256_setzero_ps();
    int64_t j = 0;
    for (; j + 8 <= count; j += 8) {
        const __m256 e = exponential(_mm256_sub_ps(_mm256_loadu_ps(scores + j), m));
        _mm256_storeu_ps(scores + j, e);
        sum = _mm256_add_ps(sum, e);
    }
    if (j < count) {
        // The tail through a masked load and store: lanes past the end are neither read nor written.
        alignas(32) static constexpr int32_t kLanes[8] = {0, 1, 2, 3, 4, 5, 6, 7};
        const __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int32_t>(count - j)),
                                                _mm256_load_si256(reinterpret_cast<const __m256i *>(kLanes)));
        const __m256 e = _mm256_and_ps(_mm256_castsi256_ps(mask),
                                       exponential(_mm256_sub_ps(_mm256_maskload_ps(scores + j, mask), m)));
        _mm256_maskstore_ps(scores + j, mask, e);
        sum = _mm256_add_ps(sum, e);
    }
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(sum), _mm256_extractf128_ps(sum, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

}  // namespace

DecodeRowKernels decodeRowKernelsAvx2(TensorType type) {
    if (type == TensorType::F16) return {scoresAvx2<true>, accumulateAvx2<true>, exponentialsAvx2};
    return {scoresAvx2<false>, accumulateAvx2<false>, exponentialsAvx2};
}

}  // namespace qd::detail
