#include "formats/tensor_type.h"

#include <array>

namespace qd {

namespace {
constexpr std::array kTypes = {
    TensorTypeInfo{TensorType::F32, "F32", 1, 4, true},
    TensorTypeInfo{TensorType::F16, "F16", 1, 2, true},
    TensorTypeInfo{TensorType::Q4_0, "Q4_0", 32, 18, true},
    TensorTypeInfo{TensorType::Q4_1, "Q4_1", 32, 20, false},
    TensorTypeInfo{TensorType::Q5_0, "Q5_0", 32, 22, false},
    TensorTypeInfo{TensorType::Q5_1, "Q5_1", 32, 24, false},
    TensorTypeInfo{TensorType::Q8_0, "Q8_0", 32, 34, true},
    TensorTypeInfo{TensorType::Q8_1, "Q8_1", 32, 36, false},
    TensorTypeInfo{TensorType::Q2_K, "Q2_K", 256, 84, false},
    TensorTypeInfo{TensorType::Q3_K, "Q3_K", 256, 110, false},
    TensorTypeInfo{TensorType::Q4_K, "Q4_K", 256, 144, true},
    TensorTypeInfo{TensorType::Q5_K, "Q5_K", 256, 176, false},
    TensorTypeInfo{TensorType::Q6_K, "Q6_K", 256, 210, true},
    TensorTypeInfo{TensorType::Q8_K, "Q8_K", 256, 292, false},
    TensorTypeInfo{TensorType::BF16, "BF16", 1, 2, true},
};
}  // namespace

std::optional<TensorTypeInfo> tensorTypeInfo(uint32_t id) {
    for (const auto &t : kTypes)
        if (static_cast<uint32_t>(t.type) == id) return t;
    return std::nullopt;
}

const TensorTypeInfo &tensorTypeInfo(TensorType type) {
    for (const auto &t : kTypes)
        if (t.type == type) return t;
    return kTypes[0];  // unreachable: every enumerator is listed above
}

std::string_view tensorTypeName(TensorType type) { return tensorTypeInfo(type).name; }

std::optional<uint64_t> rowBytes(TensorType type, uint64_t elements) {
    const auto &info = tensorTypeInfo(type);
    if (elements % info.blockElements != 0) return std::nullopt;
    return elements / info.blockElements * info.blockBytes;
}

}  // namespace qd
