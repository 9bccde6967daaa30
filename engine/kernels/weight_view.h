#pragma once
// A weight matrix as the kernels see it: stored bytes, not owned.
#include "formats/tensor_type.h"

#include <cstdint>

namespace qd {

// How a matrix's blocks are arranged in memory.
enum class WeightLayout : uint8_t {
    // Row-major, each row rowBytes(type, cols) bytes with no padding: a GGUF tensor with
    // ne = [cols, rows], or a transformers [rows, cols] tensor.
    Rows,
    // Q4_0 and Q8_0 only: groups of 16 rows interleaved for the AVX-512 VNNI and AMX kernels
    // (row_groups.h). The same bytes as Rows, in another order.
    RowGroups,
};

// `rows` rows of `cols` values of `type`, arranged as `layout` says.
struct WeightView {
    TensorType type = TensorType::F32;
    int64_t rows = 0;
    int64_t cols = 0;
    const uint8_t *data = nullptr;
    WeightLayout layout = WeightLayout::Rows;
};

}  // namespace qd
