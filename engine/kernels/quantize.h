#pragma once
// Conversion of f32 rows to a storage type, for quantizing a model while it loads.
#include "formats/tensor_type.h"

#include <cstdint>

namespace qd {

// Writes the n values of src in `target` format to dst (rowBytes(target, n) bytes). Targets:
// F32; F16 and BF16 (round to nearest even, NaN stays NaN); Q8_0 and Q4_0 by the reference rule
// of llama-quantize, so a model quantized here holds the same bytes as one quantized by it:
//   Q8_0, per block of 32: d = amax / 127, q = round(x * (1/d)) (halves away from zero);
//   Q4_0, per block of 32: d = m / -8 with m the first value of largest magnitude,
//         q = min(15, trunc(x * (1/d) + 8.5));
// both compute 1/d from the f32 d (not the f16 one stored) and store d as f16.
// Throws qd::Error for another target or when n is not a whole number of blocks.
void quantizeRow(TensorType target, const float *src, uint8_t *dst, int64_t n);

}  // namespace qd
