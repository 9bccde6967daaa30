// AVX2 row kernels of decodeAttention: 8 lanes of head dimension at a time, f16 rows widened with
// F16C as they are loaded. Query heads are taken four at a time so one load of a key or value
// block feeds four accumulators.
#include "kernels/decode_attention.h"

#include <algorithm>

// See matvec_avx2.cpp: GCC 12's AVX headers trip these warnings spuriously (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

// Compiled for the baseline target; decodeAttention calls these only after checking the CPU.
#define QD_AVX2 __attribute__((target("avx2,fma,f16c")))

namespace qd::detail {

namespace {

constexpr int64_t kHeadsAtOnce = 4;

template <bool Half>
QD_AVX2 inline __m256 load8(const uint8_t *row, int64_t i) {
    if constexpr (Half) return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i *>(row + 2 * i)));
    else return _mm256_loadu_ps(reinterpret_cast<const float *>(row) + i);
}

QD_AVX2 inline float horizontalSum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

// Heads past the end of the last batch repeat its first head; their results are dropped, which
// keeps the loops free of per-head branches.
inline int64_t batchHead(int64_t g0, int64_t k, int64_t group) { return g0 + k < group ? g0 + k : g0; }

template <bool Half>
QD_AVX2 void scoresAvx2(const float *queries, int64_t group, int64_t headDim, const uint8_t *keys, uint64_t stride,
                        int64_t count, float scale, float *scores) {
    for (int64_t g0 = 0; g0 < group; g0 += kHeadsAtOnce) {
        const float *q0 = queries + batchHead(g0, 0, group) * headDim, *q1 = queries + batchHead(g0, 1, group) * headDim,
                    *q2 = queries + batchHead(g0, 2, group) * headDim, *q3 = queries + batchHead(g0, 3, group) * headDim;
        const int64_t heads = std::min(kHeadsAtOnce, group - g0);
        for (int64_t j = 0; j < count; ++j) {
            const uint8_t *row = keys + static_cast<uint64_t>(j) * stride;
            __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
            for (int64_t i = 0; i < headDim; i += 8) {
                const __m256 k = load8<Half>(row, i);
                a0 = _mm256_fmadd_ps(k, _mm256_loadu_ps(q0 + i), a0);
                a1 = _mm256_fmadd_ps(k, _mm256_loadu_ps(q1 + i), a1);
                a2 = _mm256_fmadd_ps(k, _mm256_loadu_ps(q2 + i), a2);
                a3 = _mm256_fmadd_ps(k, _mm256_loadu_ps(q3 + i), a3);
            }
            const float sums[kHeadsAtOnce] = {horizontalSum(a0), horizontalSum(a1), horizontalSum(a2),
                                              horizontalSum(a3)};
            for (int64_t k = 0; k < heads; ++k) scores[(g0 + k) * count + j] = scale * sums[k];
        }
    }
}

template <bool Half>
QD_AVX2 void accumulateAvx2(const float *weights, int64_t group, int64_t headDim, const uint8_t *values,
                            uint64_t stride, int64_t count, float *out) {
    for (int64_t g0 = 0; g0 < group; g0 += kHeadsAtOnce) {
        const int64_t h0 = batchHead(g0, 0, group), h1 = batchHead(g0, 1, group), h2 = batchHead(g0, 2, group),
                      h3 = batchHead(g0, 3, group);
        const float *w0 = weights + h0 * count, *w1 = weights + h1 * count, *w2 = weights + h2 * count,
                    *w3 = weights + h3 * count;
        const int64_t heads = std::min(kHeadsAtOnce, group - g0);
        // One block of 8 dimensions at a time, summed over all rows in registers; the run's rows
        // stay in L1 between blocks.
        for (int64_t i = 0; i < headDim; i += 8) {
            __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
            for (int64_t j = 0; j < count; ++j) {
                const __m256 v = load8<Half>(values + static_cast<uint64_t>(j) * stride, i);
                a0 = _mm256_fmadd_ps(_mm256_broadcast_ss(w0 + j), v, a0);
                a1 = _mm256_fmadd_ps(_mm256_broadcast_ss(w1 + j), v, a1);
                a2 = _mm256_fmadd_ps(_mm256_broadcast_ss(w2 + j), v, a2);
                a3 = _mm256_fmadd_ps(_mm256_broadcast_ss(w3 + j), v, a3);
            }
            const __m256 sums[kHeadsAtOnce] = {a0, a1, a2, a3};
            for (int64_t k = 0; k < heads; ++k) {
                float *o = out + (g0 + k) * headDim + i;
                _mm256_storeu_ps(o, _mm256_add_ps(_mm256_loadu_ps(o), sums[k]));
            }
        }
    }
}

}  // namespace

DecodeRowKernels decodeRowKernelsAvx2(TensorType type) {
    if (type == TensorType::F16) return {scoresAvx2<true>, accumulateAvx2<true>};
    return {scoresAvx2<false>, accumulateAvx2<false>};
}

}  // namespace qd::detail
