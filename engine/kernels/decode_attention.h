#pragma once
// Attention of one new query (a decode step), or of a few (drafted tokens being verified), over the
// whole KV cache. The prompt path's sgemm tiles are wasted on a single query row, and they first
// expand every f16 row to f32; this kernel reads the cached rows as they are, converting them in
// registers, scores each key row for all the query heads of its KV group at once, and splits the
// positions across the pool (each span keeps its own running softmax, merged at the end).
#include "kernels/attention.h"
#include "kernels/cpu_features.h"

#include <cstdint>

namespace qd {

// query: heads * headDim values for the position `length - 1`; the cache holds positions
// [0, length). out: heads * headDim values, not overlapping the inputs. `simd` picks the row
// kernels (tests force each one); it must be supported by the CPU.
void decodeAttention(const float *query, const KvRows &cache, int64_t length, const AttentionShape &shape,
                     float *out, ThreadPool &pool, SimdLevel simd = bestSimdLevel());

// The same for `tokens` consecutive queries (drafted tokens being verified) in one parallel pass:
// query t (queryStride values after query t - 1) attends to the first firstLength + t positions,
// and its output row (queryStride apart too) is bit for bit what the call above gives it alone.
void decodeAttention(const float *queries, int64_t queryStride, const KvRows &cache, int64_t firstLength,
                     int64_t tokens, const AttentionShape &shape, float *out, ThreadPool &pool,
                     SimdLevel simd = bestSimdLevel());

namespace detail {

// The two inner loops over a run of `count` cached rows of one KV head, `stride` bytes apart, for
// the `group` query heads that read it (their rows headDim values apart).
struct DecodeRowKernels {
    // scores[g * count + j] = scale * dot(query g, key row j)
    void (*scores)(const float *queries, int64_t group, int64_t headDim, const uint8_t *keys, uint64_t stride,
                   int64_t count, float scale, float *scores);
    // out[g * headDim + i] += sum over j of weights[g * count + j] * value row j [i]
    void (*accumulate)(const float *weights, int64_t group, int64_t headDim, const uint8_t *values,
                       uint64_t stride, int64_t count, float *out);
    // scores[j] = exp(scores[j] - max) for j < count (every score <= max); returns their sum
    float (*exponentials)(float *scores, int64_t count, float max);
};

// AVX2 + FMA + F16C kernels for F16 or F32 rows; headDim must be a multiple of 8.
DecodeRowKernels decodeRowKernelsAvx2(TensorType type);
// AVX-512 kernels, the same arithmetic on 16 lanes; headDim must be a multiple of 16.
DecodeRowKernels decodeRowKernelsAvx512(TensorType type);

// Query heads the row kernels take at once: every head of Qwen2.5's KV groups (6) in one pass, so
// each key and value row is loaded and widened once per group. Larger groups go in batches of 8.
constexpr int64_t kMaxHeadsAtOnce = 8;

// Calls run.template operator()<H>(g0) for the group's heads in batches of up to kMaxHeadsAtOnce.
template <typename Run>
inline void forEachHeadBatch(int64_t group, const Run &run) {
    for (int64_t g0 = 0; g0 < group; g0 += kMaxHeadsAtOnce) {
        switch (group - g0 < kMaxHeadsAtOnce ? group - g0 : kMaxHeadsAtOnce) {
        case 1: run.template operator()<1>(g0); break;
        case 2: run.template operator()<2>(g0); break;
        case 3: run.template operator()<3>(g0); break;
        case 4: run.template operator()<4>(g0); break;
        case 5: run.template operator()<5>(g0); break;
        case 6: run.template operator()<6>(g0); break;
        case 7: run.template operator()<7>(g0); break;
        default: run.template operator()<8>(g0); break;
        }
    }
}

}  // namespace detail

}  // namespace qd
