#pragma once
// The matrix-vector kernels behind matmul's decode path, one per instruction set. Each computes
// y[r] = dot(dequantized row r, x) for r in [rowBegin, rowEnd), in f32, decoding the weights
// exactly in registers. The shape has been validated by the caller.
#include "kernels/weight_view.h"

#include <cstdint>

namespace qd::detail {

void matvecRowsScalar(const WeightView &w, const float *x, float *y, int64_t rowBegin, int64_t rowEnd);
void matvecRowsAvx2(const WeightView &w, const float *x, float *y, int64_t rowBegin, int64_t rowEnd);
void matvecRowsAvx512(const WeightView &w, const float *x, float *y, int64_t rowBegin, int64_t rowEnd);

// F32, F16 or BF16 rows [rowBegin, rowEnd) times `tokens` inputs (rows of x), each row's values
// converted once for all of them: y is `tokens` rows of w.rows outputs, and each equals what
// matvecRowsAvx512 gives for that input alone.
void matvecFloatRowsAvx512(const WeightView &w, const float *x, int64_t tokens, float *y, int64_t rowBegin,
                           int64_t rowEnd);

}  // namespace qd::detail
