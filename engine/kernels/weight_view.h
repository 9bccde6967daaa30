#pragma once
// A weight matrix as the kernels see it: stored bytes, not owned.
#include "formats/tensor_type.h"

#include <cstdint>

namespace qd {

// `rows` rows of `cols` values, row-major, each row rowBytes(type, cols) bytes with no padding:
// a GGUF tensor with ne = [cols, rows], or a transformers [rows, cols] tensor.
struct WeightView {
    TensorType type = TensorType::F32;
    int64_t rows = 0;
    int64_t cols = 0;
    const uint8_t *data = nullptr;
};

}  // namespace qd
