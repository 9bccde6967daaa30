#include "model/quant_level.h"

#include <array>
#include <utility>

namespace qd {

namespace {
constexpr std::array<std::pair<QuantLevel, std::string_view>, 5> kNames = {{
    {QuantLevel::Auto, "auto"},
    {QuantLevel::F32, "f32"},
    {QuantLevel::BF16, "bf16"},
    {QuantLevel::Q8_0, "q8_0"},
    {QuantLevel::Q4_0, "q4_0"},
}};
}  // namespace

std::optional<QuantLevel> parseQuantLevel(std::string_view name) {
    for (const auto &[level, text] : kNames)
        if (text == name) return level;
    return std::nullopt;
}

std::string_view quantLevelName(QuantLevel level) {
    for (const auto &[l, text] : kNames)
        if (l == level) return text;
    return "auto";
}

TensorType matrixTypeAt(QuantLevel level, TensorType fileType) {
    switch (level) {
    case QuantLevel::Auto: return fileType;
    case QuantLevel::F32: return TensorType::F32;
    case QuantLevel::BF16: return TensorType::BF16;
    case QuantLevel::Q8_0: return TensorType::Q8_0;
    case QuantLevel::Q4_0: return TensorType::Q4_0;
    }
    return fileType;
}

}  // namespace qd
