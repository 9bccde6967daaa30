#include "kernels/attention.h"

#include "kernels/blas_threads.h"
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

void causalAttention(const float *queries, int64_t qStride, const float *keys, const float *values, int64_t kvStride,
                     int64_t n, int64_t startPos, const AttentionShape &shape, float *out, ThreadPool &pool) {
    useSingleThreadedBlas();
    const int64_t hd = shape.headDim, group = shape.heads / shape.kvHeads;
    const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
    const int64_t tiles = (n + kQueryTile - 1) / kQueryTile;
    pool.parallelFor(0, tiles * shape.heads, [&](int64_t begin, int64_t end) {
        thread_local std::vector<float> scores;
        for (int64_t item = begin; item < end; ++item) {
            const int64_t head = item % shape.heads, t0 = (item / shape.heads) * kQueryTile;
            const int64_t rows = std::min(kQueryTile, n - t0);
            const int64_t width = startPos + t0 + rows;  // positions the tile's last query sees
            const int64_t kvOffset = (head / group) * hd;
            scores.resize(static_cast<size_t>(rows * width));
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<blasint>(rows),
                        static_cast<blasint>(width), static_cast<blasint>(hd), scale,
                        queries + t0 * qStride + head * hd, static_cast<blasint>(qStride), keys + kvOffset,
                        static_cast<blasint>(kvStride), 0.0f, scores.data(), static_cast<blasint>(width));
            for (int64_t r = 0; r < rows; ++r) softmaxRow(scores.data() + r * width, startPos + t0 + r + 1, width);
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, static_cast<blasint>(rows), static_cast<blasint>(hd),
                        static_cast<blasint>(width), 1.0f, scores.data(), static_cast<blasint>(width),
                        values + kvOffset, static_cast<blasint>(kvStride), 0.0f, out + t0 * qStride + head * hd,
                        static_cast<blasint>(qStride));
        }
    });
}

}  // namespace qd
