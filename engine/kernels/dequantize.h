#pragma once
// Exact conversion of one row of stored weights to f32.
#include "formats/tensor_type.h"

#include <cstdint>

namespace qd {

// Writes the n values stored at src (rowBytes(type, n) bytes) to dst. Every supported type
// (F32, F16, BF16, Q8_0, Q4_0, Q4_K, Q6_K) decodes exactly: each value is the f32 the format
// defines, with no rounding beyond it. Throws qd::Error for another type or when n is not a whole
// number of blocks.
void dequantizeRow(TensorType type, const uint8_t *src, float *dst, int64_t n);

// Throws qd::Error unless `type` is one the kernels compute with and `n` values make whole blocks;
// `what` names the caller's tensor or operation in the message.
void checkRowShape(TensorType type, int64_t n, const char *what);

}  // namespace qd
