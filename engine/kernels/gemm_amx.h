#pragma once
// Prompt-sized matrix products on Intel AMX (Advanced Matrix Extensions): weights and activations
// rounded to bf16 and multiplied in 16x16 tiles with f32 sums. One tile instruction does 8,192
// multiply-adds, so a 512-token prompt stops being bound by f32 sgemm.
#include "kernels/cpu_features.h"
#include "kernels/weight_view.h"

#include <cstdint>
#include <vector>

namespace qd {

namespace detail {

// Rows of weights per tile.
constexpr int64_t kAmxTileRows = 16;
// Values of K per tile row: 32 bf16 (64 bytes).
constexpr int64_t kAmxTileDepth = 32;

// Activations rounded to bf16 and rearranged into the tiles the kernel loads: for each block of
// 16 tokens and each run of 32 columns, 16 rows of column pairs, each row holding that pair for
// the 16 tokens. The token count is padded to a multiple of 32; the padding must be zero.
// Values of the packed form of `tokens` rows of `cols` (a multiple of kAmxTileDepth) columns.
int64_t packedActivationsSize(int64_t tokens, int64_t cols);
// Packs rows [tokenBegin, tokenEnd) of x (rows of cols f32 values) into `packed`.
void packActivationsAmx(const float *x, int64_t cols, int64_t tokenBegin, int64_t tokenEnd, uint16_t *packed);

// y[t * w.rows + r] = sum_c bf16(W[r][c]) * bf16(x[t][c]) for r in [rowBegin, rowEnd) and every
// token, from activations packed by packActivationsAmx. The caller has checked cpuHasAmxBf16()
// and that w.cols is a multiple of kAmxTileDepth.
void gemmRowsAmx(const WeightView &w, const uint16_t *packed, int64_t tokens, float *y, int64_t rowBegin,
                 int64_t rowEnd);

}  // namespace detail

}  // namespace qd
