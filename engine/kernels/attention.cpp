#include "kernels/attention.h"

#include "kernels/blas_threads.h"
#include "kernels/cpu_features.h"
#include "kernels/decode_batch.h"
#include "kernels/decode_attention.h"
#include "kernels/dequantize.h"
#include "kernels/dequantize_simd.h"
#include "util/thread_pool.h"

#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace qd {

namespace {

// Queries per tile: wide enough for sgemm to run near its peak, small enough that a tile's scores
// (64 x context floats) stay modest.
constexpr int64_t kQueryTile = 64;

// Row r of the tile sees positions [0, limit); the rest of its `width` scores become 0 so the
// second product can run over the full width.
void softmaxRow(float *row, int64_t limit, int64_t width) {
    const float maxScore = *std::max_element(row, row + limit);
    float sum = 0.0f;
    for (int64_t j = 0; j < limit; ++j) {
        row[j] = std::exp(row[j] - maxScore);
        sum += row[j];
    }
    const float inverse = 1.0f / sum;
    for (int64_t j = 0; j < limit; ++j) row[j] *= inverse;
    std::fill(row + limit, row + width, 0.0f);
}

}  // namespace

void causalAttention(const float *queries, int64_t qStride, const KvRows &cache, int64_t n, int64_t startPos,
                     const AttentionShape &shape, float *out, ThreadPool &pool) {
    // A few queries (a decode step, or drafted tokens being verified) each take the decode kernel,
    // so that every row is exactly what decoding it alone gives (decode_batch.h).
    if (n <= kMaxDecodeBatch) return decodeAttention(queries, qStride, cache, startPos + 1, n, shape, out, pool);
    useSingleThreadedBlas();
    const int64_t hd = shape.headDim, group = shape.heads / shape.kvHeads, kvDim = shape.kvHeads * hd;
    const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
    const int64_t tiles = (n + kQueryTile - 1) / kQueryTile;
    const bool f16 = cache.type == TensorType::F16;
    const auto toF32 = bestSimdLevel() == SimdLevel::Avx512 ? detail::dequantizeRowAvx512 : dequantizeRow;
    pool.parallelFor(0, tiles * shape.kvHeads, [&](int64_t begin, int64_t end) {
        thread_local std::vector<float> scores, keys, values;
        for (int64_t item = begin; item < end; ++item) {
            const int64_t kvHead = item % shape.kvHeads, t0 = (item / shape.kvHeads) * kQueryTile;
            const int64_t rows = std::min(kQueryTile, n - t0);
            const int64_t width = startPos + t0 + rows;  // positions the tile's last query sees
            // This KV head's keys and values as f32 rows `ld` apart.
            const float *k, *v;
            int64_t ld;
            if (f16) {
                keys.resize(static_cast<size_t>(width * hd)), values.resize(static_cast<size_t>(width * hd));
                for (int64_t j = 0; j < width; ++j) {
                    const uint64_t at = static_cast<uint64_t>(j * kvDim + kvHead * hd) * 2;
                    toF32(TensorType::F16, cache.keys + at, keys.data() + j * hd, hd);
                    toF32(TensorType::F16, cache.values + at, values.data() + j * hd, hd);
                }
                k = keys.data(), v = values.data(), ld = hd;
            } else {
                k = reinterpret_cast<const float *>(cache.keys) + kvHead * hd;
                v = reinterpret_cast<const float *>(cache.values) + kvHead * hd;
                ld = kvDim;
            }
            scores.resize(static_cast<size_t>(rows * width));
            for (int64_t head = kvHead * group; head < (kvHead + 1) * group; ++head) {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<blasint>(rows),
                            static_cast<blasint>(width), static_cast<blasint>(hd), scale,
                            queries + t0 * qStride + head * hd, static_cast<blasint>(qStride), k,
                            static_cast<blasint>(ld), 0.0f, scores.data(), static_cast<blasint>(width));
                for (int64_t r = 0; r < rows; ++r) softmaxRow(scores.data() + r * width, startPos + t0 + r + 1, width);
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, static_cast<blasint>(rows),
                            static_cast<blasint>(hd), static_cast<blasint>(width), 1.0f, scores.data(),
                            static_cast<blasint>(width), v, static_cast<blasint>(ld), 0.0f,
                            out + t0 * qStride + head * hd, static_cast<blasint>(qStride));
            }
        }
    });
}

}  // namespace qd
