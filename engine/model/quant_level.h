#pragma once
// The user's "quantization level": the type the weight matrices run in, whatever the file holds.
#include "formats/tensor_type.h"

#include <optional>
#include <string_view>

namespace qd {

enum class QuantLevel { Auto, F32, BF16, Q8_0, Q4_0 };

std::optional<QuantLevel> parseQuantLevel(std::string_view name);  // "auto", "f32", "bf16", "q8_0", "q4_0"
std::string_view quantLevelName(QuantLevel level);

// The type a weight matrix stored as `fileType` runs in at `level`. Vectors (norms, biases) are
// always converted to f32 and are not affected.
TensorType matrixTypeAt(QuantLevel level, TensorType fileType);

}  // namespace qd
