#pragma once
// Vectorized versions of dequantizeRow for the prompt path, which expands tiles of weights to f32
// before sgemm. Every decode is exact, so the values equal dequantizeRow's; only a zero may come
// out as +0 where the scalar decode gives -0. The caller has validated the shape and checked the CPU.
#include "formats/tensor_type.h"

#include <cstdint>

namespace qd::detail {

void dequantizeRowAvx512(TensorType type, const uint8_t *src, float *dst, int64_t n);

}  // namespace qd::detail
