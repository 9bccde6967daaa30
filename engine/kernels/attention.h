#pragma once
// Causal grouped-query attention over a KV cache, computed in tiles of queries with OpenBLAS sgemm
// (scores = Q K^T, then P V), so a long prompt never holds a tokens x tokens matrix.
#include <cstdint>

namespace qd {

class ThreadPool;

struct AttentionShape {
    int64_t heads = 0, kvHeads = 0, headDim = 0;
};

// Queries: n rows of heads * headDim values, `qStride` apart, for positions
// [startPos, startPos + n). keys / values: rows of kvHeads * headDim values, `kvStride` apart, for
// positions [0, startPos + n). Query head h reads KV head h / (heads / kvHeads) and the positions
// up to its own. out: n rows like the queries (same stride); must not overlap the inputs.
void causalAttention(const float *queries, int64_t qStride, const float *keys, const float *values, int64_t kvStride,
                     int64_t n, int64_t startPos, const AttentionShape &shape, float *out, ThreadPool &pool);

}  // namespace qd
