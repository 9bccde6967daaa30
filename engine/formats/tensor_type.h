#pragma once
// Element types of model tensors, numbered as GGUF (ggml) numbers them; safetensors dtypes map
// onto the same enum. Block-quantized types store `blockElements` values in `blockBytes` bytes.
#include <cstdint>
#include <optional>
#include <string_view>

namespace qd {

enum class TensorType : uint32_t {
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q4_1 = 3,
    Q5_0 = 6,
    Q5_1 = 7,
    Q8_0 = 8,
    Q8_1 = 9,
    Q2_K = 10,
    Q3_K = 11,
    Q4_K = 12,
    Q5_K = 13,
    Q6_K = 14,
    Q8_K = 15,
    BF16 = 30,
};

struct TensorTypeInfo {
    TensorType type;
    std::string_view name;
    uint32_t blockElements;
    uint32_t blockBytes;
    bool supported;  // the engine can compute with it
};

// Information for a raw GGUF type id, or nullopt for an id this engine does not know at all.
std::optional<TensorTypeInfo> tensorTypeInfo(uint32_t id);
const TensorTypeInfo &tensorTypeInfo(TensorType type);
std::string_view tensorTypeName(TensorType type);

// Bytes a row of `elements` values takes, or nullopt if elements is not a whole number of blocks.
std::optional<uint64_t> rowBytes(TensorType type, uint64_t elements);

}  // namespace qd
