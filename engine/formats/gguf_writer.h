#pragma once
// Builds a GGUF v3 file: metadata of any value type, then tensors described by type and
// dimensions whose bytes are streamed from producers, each aligned to 32 bytes (GGUF's default)
// or to a larger power of two. The file is written to `path + ".partial"` and renamed into place
// only when complete.
#include "formats/gguf.h"
#include "formats/tensor_producer.h"
#include "formats/tensor_type.h"
#include "util/error.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace qd::gguf {

class Writer {
public:
    static constexpr uint32_t kAlignment = 32;  // GGUF's default

    // Another alignment (a power of two, at least kAlignment) is recorded in 'general.alignment',
    // which readers need to find the tensors; e.g. 64 for data that SIMD kernels read in place.
    explicit Writer(uint32_t alignment = kAlignment);

    // Scalars: the GGUF value type follows T (bool, [u]int8..64_t, float, double).
    template <typename T>
    void add(const std::string &key, T value);
    void addString(const std::string &key, std::string_view value);
    template <typename T>
    void addArray(const std::string &key, std::span<const T> values);
    void addStringArray(const std::string &key, std::span<const std::string> values);

    // dims in GGUF order (dims[0] is the row length). The producer must deliver exactly the
    // tensor's byte size. Throws qd::Error for invalid dimensions or a repeated name.
    void addTensor(std::string name, TensorType type, std::vector<uint64_t> dims, TensorProducer produce);

    // Throws qd::Error naming the path (and the tensor); nothing is left under `path` on failure.
    void write(const std::string &path) const;

private:
    template <typename T>
    static constexpr ValueType valueTypeOf();
    template <typename T>
    void appendScalar(T value);
    void appendString(std::string_view text);
    void beginKey(const std::string &key, ValueType type);

    struct PendingTensor {
        std::string name;
        TensorType type;
        std::vector<uint64_t> dims;
        uint64_t bytes;
        TensorProducer produce;
    };
    uint32_t alignment_;
    std::vector<uint8_t> metadata_;  // encoded key/value pairs, in the order added
    uint64_t metadataCount_ = 0;
    std::set<std::string, std::less<>> keys_;
    std::vector<PendingTensor> tensors_;
    std::set<std::string, std::less<>> tensorNames_;
};

template <typename T>
constexpr ValueType Writer::valueTypeOf() {
    if constexpr (std::is_same_v<T, bool>) return ValueType::Bool;
    else if constexpr (std::is_same_v<T, uint8_t>) return ValueType::UInt8;
    else if constexpr (std::is_same_v<T, int8_t>) return ValueType::Int8;
    else if constexpr (std::is_same_v<T, uint16_t>) return ValueType::UInt16;
    else if constexpr (std::is_same_v<T, int16_t>) return ValueType::Int16;
    else if constexpr (std::is_same_v<T, uint32_t>) return ValueType::UInt32;
    else if constexpr (std::is_same_v<T, int32_t>) return ValueType::Int32;
    else if constexpr (std::is_same_v<T, uint64_t>) return ValueType::UInt64;
    else if constexpr (std::is_same_v<T, int64_t>) return ValueType::Int64;
    else if constexpr (std::is_same_v<T, float>) return ValueType::Float32;
    else if constexpr (std::is_same_v<T, double>) return ValueType::Float64;
    else static_assert(sizeof(T) == 0, "no GGUF value type for this C++ type");
}

template <typename T>
void Writer::appendScalar(T value) {
    static_assert(std::endian::native == std::endian::little, "GGUF is written little-endian");
    if constexpr (std::is_same_v<T, bool>) {
        metadata_.push_back(value ? 1 : 0);
    } else {
        uint8_t raw[sizeof(T)];
        std::memcpy(raw, &value, sizeof(T));
        metadata_.insert(metadata_.end(), raw, raw + sizeof(T));
    }
}

template <typename T>
void Writer::add(const std::string &key, T value) {
    if constexpr (std::is_same_v<T, uint32_t>)
        if (key == "general.alignment" && value != alignment_)
            throw Error("GGUF metadata 'general.alignment' must be " + std::to_string(alignment_) + ", the writer's alignment");
    beginKey(key, valueTypeOf<T>());
    appendScalar(value);
}

template <typename T>
void Writer::addArray(const std::string &key, std::span<const T> values) {
    beginKey(key, ValueType::Array);
    appendScalar(static_cast<uint32_t>(valueTypeOf<T>()));
    appendScalar(static_cast<uint64_t>(values.size()));
    for (const T &v : values) appendScalar(v);
}

}  // namespace qd::gguf
