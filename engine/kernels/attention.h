#pragma once
// Causal grouped-query attention over a KV cache, computed in tiles of queries with OpenBLAS sgemm
// (scores = Q K^T, then P V), so a long prompt never holds a tokens x tokens matrix.
#include "formats/tensor_type.h"

#include <cstdint>

namespace qd {

class ThreadPool;

struct AttentionShape {
    int64_t heads = 0, kvHeads = 0, headDim = 0;
};

// Cached keys and values: rows of kvHeads * headDim values of `type` (F32 or F16), one per
// position, back to back.
struct KvRows {
    TensorType type = TensorType::F32;
    const uint8_t *keys = nullptr;
    const uint8_t *values = nullptr;
};

// Queries: n rows of heads * headDim values, `qStride` apart, for positions
// [startPos, startPos + n); the cache holds positions [0, startPos + n). Query head h reads KV
// head h / (heads / kvHeads) and the positions up to its own. out: n rows like the queries (same
// stride); must not overlap the inputs. F16 entries are converted to f32 once per KV head and
// tile, for all the query heads that share them. Up to kMaxDecodeBatch queries (decode_batch.h)
// go one by one to decodeAttention.
void causalAttention(const float *queries, int64_t qStride, const KvRows &cache, int64_t n, int64_t startPos,
                     const AttentionShape &shape, float *out, ThreadPool &pool);

}  // namespace qd
