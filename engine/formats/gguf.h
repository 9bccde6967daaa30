#pragma once
// GGUF v2/v3 reader over a memory map. Everything is validated when the file is opened: every
// length, count, dimension and offset is checked against the file size with overflow-checked
// arithmetic, so later accessors never read outside the map.
#include "formats/tensor_type.h"
#include "util/mapped_file.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qd::gguf {

enum class ValueType : uint32_t {
    UInt8 = 0, Int8 = 1, UInt16 = 2, Int16 = 3, UInt32 = 4, Int32 = 5, Float32 = 6,
    Bool = 7, String = 8, Array = 9, UInt64 = 10, Int64 = 11, Float64 = 12,
};

std::string_view valueTypeName(ValueType type);

// One metadata value. Scalars are kept decoded; arrays keep their element type and point into
// the map (string arrays are split into views once, at open).
struct Value {
    ValueType type = ValueType::UInt8;
    // Scalars
    uint64_t uintValue = 0;   // unsigned integers and bool
    int64_t intValue = 0;     // signed integers
    double floatValue = 0.0;  // floats
    std::string_view stringValue;
    // Arrays
    ValueType elementType = ValueType::UInt8;
    uint64_t count = 0;
    const uint8_t *elements = nullptr;       // numeric arrays: packed little-endian elements
    std::vector<std::string_view> strings;   // string arrays
};

struct TensorInfo {
    std::string name;
    std::vector<uint64_t> dims;  // GGUF order: dims[0] is the row length (contiguous)
    TensorType type = TensorType::F32;
    uint64_t offset = 0;  // from the start of the data section
    uint64_t bytes = 0;
    uint64_t elements() const;
};

class File {
public:
    // Opens, maps and validates; throws qd::Error naming the path and the problem.
    explicit File(const std::string &path);

    const std::string &path() const { return map_.path(); }
    uint32_t version() const { return version_; }
    uint64_t fileSize() const { return map_.size(); }
    const MappedFile &map() const { return map_; }

    // Metadata
    const std::map<std::string, Value, std::less<>> &metadata() const { return metadata_; }
    const Value *find(std::string_view key) const;
    // Typed getters: nullopt when the key is absent; qd::Error when present with the wrong type.
    std::optional<uint64_t> getUInt(std::string_view key) const;  // any non-negative integer type
    std::optional<double> getFloat(std::string_view key) const;   // float32/float64
    std::optional<bool> getBool(std::string_view key) const;
    std::optional<std::string_view> getString(std::string_view key) const;
    // Array getters: nullopt when absent; qd::Error when present with another element type.
    std::optional<std::span<const std::string_view>> getStringArray(std::string_view key) const;
    std::optional<std::vector<int64_t>> getIntArray(std::string_view key) const;    // any integer elements
    std::optional<std::vector<float>> getFloatArray(std::string_view key) const;    // float32 elements
    // As above but missing keys are an error naming the key.
    uint64_t requireUInt(std::string_view key) const;
    double requireFloat(std::string_view key) const;
    std::string_view requireString(std::string_view key) const;

    // Tensors
    const std::vector<TensorInfo> &tensors() const { return tensors_; }
    const TensorInfo *findTensor(std::string_view name) const;
    std::span<const uint8_t> tensorData(const TensorInfo &tensor) const;

private:
    void parse();
    MappedFile map_;
    uint32_t version_ = 0;
    uint64_t dataOffset_ = 0;
    std::map<std::string, Value, std::less<>> metadata_;
    std::vector<TensorInfo> tensors_;
    std::map<std::string, size_t, std::less<>> tensorIndex_;
};

}  // namespace qd::gguf
