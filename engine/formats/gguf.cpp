#include "formats/gguf.h"

#include "util/checked_math.h"
#include "util/error.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <utility>

namespace qd::gguf {

namespace {

constexpr uint64_t kMaxDims = 4;               // ggml tensors have at most four dimensions
constexpr uint64_t kDefaultAlignment = 32;

// Sequential little-endian reader that refuses to step past the end of the map.
class Cursor {
public:
    Cursor(std::span<const uint8_t> bytes, const std::string &path) : bytes_(bytes), path_(path) {}

    uint64_t position() const { return pos_; }
    uint64_t remaining() const { return bytes_.size() - pos_; }

    [[noreturn]] void fail(const std::string &what) const {
        throw Error(path_ + ": " + what + " (at byte " + std::to_string(pos_) + " of " +
                    std::to_string(bytes_.size()) + ")");
    }

    const uint8_t *take(uint64_t n, const char *what) {
        if (n > remaining()) fail(std::string("truncated file: ") + what + " runs past the end");
        const uint8_t *p = bytes_.data() + pos_;
        pos_ += n;
        return p;
    }

    template <typename T>
    T read(const char *what) {
        T v;
        std::memcpy(&v, take(sizeof(T), what), sizeof(T));
        return v;
    }

    std::string_view readString(const char *what) {
        const uint64_t len = read<uint64_t>(what);
        if (len > remaining())
            fail(std::string(what) + ": string length " + std::to_string(len) + " runs past the end of the file");
        return {reinterpret_cast<const char *>(take(len, what)), static_cast<size_t>(len)};
    }

private:
    std::span<const uint8_t> bytes_;
    const std::string &path_;
    uint64_t pos_ = 0;
};

uint64_t scalarSize(ValueType t) {
    switch (t) {
    case ValueType::UInt8: case ValueType::Int8: case ValueType::Bool: return 1;
    case ValueType::UInt16: case ValueType::Int16: return 2;
    case ValueType::UInt32: case ValueType::Int32: case ValueType::Float32: return 4;
    case ValueType::UInt64: case ValueType::Int64: case ValueType::Float64: return 8;
    case ValueType::String: case ValueType::Array: return 0;
    }
    return 0;
}

bool isKnownValueType(uint32_t t) { return t <= static_cast<uint32_t>(ValueType::Float64); }

void readScalar(Cursor &c, ValueType t, Value &v, const std::string &key) {
    const std::string what = "value of '" + key + "'";
    switch (t) {
    case ValueType::UInt8: v.uintValue = c.read<uint8_t>(what.c_str()); break;
    case ValueType::UInt16: v.uintValue = c.read<uint16_t>(what.c_str()); break;
    case ValueType::UInt32: v.uintValue = c.read<uint32_t>(what.c_str()); break;
    case ValueType::UInt64: v.uintValue = c.read<uint64_t>(what.c_str()); break;
    case ValueType::Int8: v.intValue = c.read<int8_t>(what.c_str()); break;
    case ValueType::Int16: v.intValue = c.read<int16_t>(what.c_str()); break;
    case ValueType::Int32: v.intValue = c.read<int32_t>(what.c_str()); break;
    case ValueType::Int64: v.intValue = c.read<int64_t>(what.c_str()); break;
    case ValueType::Float32: v.floatValue = c.read<float>(what.c_str()); break;
    case ValueType::Float64: v.floatValue = c.read<double>(what.c_str()); break;
    case ValueType::Bool: {
        const uint8_t b = c.read<uint8_t>(what.c_str());
        if (b > 1) c.fail("metadata '" + key + "': bool value " + std::to_string(b) + " is neither 0 nor 1");
        v.uintValue = b;
        break;
    }
    case ValueType::String: v.stringValue = c.readString(what.c_str()); break;
    case ValueType::Array: break;
    }
}

Value readValue(Cursor &c, ValueType t, const std::string &key) {
    Value v;
    v.type = t;
    if (t != ValueType::Array) {
        readScalar(c, t, v, key);
        return v;
    }
    const uint32_t elem = c.read<uint32_t>("array element type");
    if (!isKnownValueType(elem))
        c.fail("metadata '" + key + "': unknown array element type " + std::to_string(elem));
    v.elementType = static_cast<ValueType>(elem);
    if (v.elementType == ValueType::Array) c.fail("metadata '" + key + "': nested arrays are not supported");
    v.count = c.read<uint64_t>("array length");
    if (v.elementType == ValueType::String) {
        // Each string needs at least its 8-byte length: bound the count before allocating.
        if (v.count > c.remaining() / 8)
            c.fail("metadata '" + key + "': array of " + std::to_string(v.count) + " strings cannot fit in the file");
        // Walk the strings once before reserving: a view takes twice the 8 bytes a string needs
        // at least on disk, so a count that merely fits could still ask for twice the file size.
        const std::string element = "element of '" + key + "'";
        Cursor scan = c;
        for (uint64_t i = 0; i < v.count; ++i) scan.readString(element.c_str());
        v.strings.reserve(v.count);
        for (uint64_t i = 0; i < v.count; ++i) v.strings.push_back(c.readString(element.c_str()));
    } else {
        const auto bytes = checkedMul(v.count, scalarSize(v.elementType));
        if (!bytes || *bytes > c.remaining())
            c.fail("metadata '" + key + "': array of " + std::to_string(v.count) + " " +
                   std::string(valueTypeName(v.elementType)) + " values runs past the end of the file");
        v.elements = c.take(*bytes, key.c_str());
    }
    return v;
}

template <typename T>
T loadElement(const uint8_t *p, uint64_t i) {
    T v;
    std::memcpy(&v, p + i * sizeof(T), sizeof(T));
    return v;
}

}  // namespace

std::string_view valueTypeName(ValueType type) {
    switch (type) {
    case ValueType::UInt8: return "uint8";
    case ValueType::Int8: return "int8";
    case ValueType::UInt16: return "uint16";
    case ValueType::Int16: return "int16";
    case ValueType::UInt32: return "uint32";
    case ValueType::Int32: return "int32";
    case ValueType::Float32: return "float32";
    case ValueType::Bool: return "bool";
    case ValueType::String: return "string";
    case ValueType::Array: return "array";
    case ValueType::UInt64: return "uint64";
    case ValueType::Int64: return "int64";
    case ValueType::Float64: return "float64";
    }
    return "unknown";
}

uint64_t TensorInfo::elements() const {
    uint64_t n = 1;
    for (uint64_t d : dims) n *= d;  // validated at open: cannot overflow
    return n;
}

File::File(const std::string &path) : map_(path) { parse(); }

void File::parse() {
    const std::string &p = map_.path();
    Cursor c(map_.bytes(), p);
    if (map_.size() < 4 || std::memcmp(map_.bytes().data(), "GGUF", 4) != 0)
        throw Error(p + ": not a GGUF file (the first four bytes are not \"GGUF\")");
    c.take(4, "magic");
    version_ = c.read<uint32_t>("version");
    if (version_ != 2 && version_ != 3)
        throw Error(p + ": unsupported GGUF version " + std::to_string(version_) + " (2 and 3 are supported)");
    const uint64_t tensorCount = c.read<uint64_t>("tensor count");
    const uint64_t kvCount = c.read<uint64_t>("metadata count");
    // A key-value pair takes at least 12 bytes, a tensor description at least 24.
    if (kvCount > c.remaining() / 12)
        c.fail("metadata count " + std::to_string(kvCount) + " cannot fit in the file");
    if (tensorCount > c.remaining() / 24)
        c.fail("tensor count " + std::to_string(tensorCount) + " cannot fit in the file");

    for (uint64_t i = 0; i < kvCount; ++i) {
        const std::string key(c.readString("metadata key"));
        const uint32_t type = c.read<uint32_t>("metadata value type");
        if (!isKnownValueType(type)) c.fail("metadata '" + key + "': unknown value type " + std::to_string(type));
        Value v = readValue(c, static_cast<ValueType>(type), key);
        if (!metadata_.emplace(key, std::move(v)).second) c.fail("metadata key '" + key + "' appears twice");
    }

    uint64_t alignment = kDefaultAlignment;
    if (const Value *a = find("general.alignment")) {
        if (a->type != ValueType::UInt32 || a->uintValue == 0 || (a->uintValue & (a->uintValue - 1)) != 0)
            throw Error(p + ": general.alignment must be a power of two stored as uint32");
        alignment = a->uintValue;
    }

    // No reserve(tensorCount): a TensorInfo is larger than its minimal encoding, so reserving a
    // count that merely fits in the file could allocate more than the file holds.
    for (uint64_t i = 0; i < tensorCount; ++i) {
        TensorInfo t;
        t.name = std::string(c.readString("tensor name"));
        const uint32_t nDims = c.read<uint32_t>("tensor dimension count");
        if (nDims == 0 || nDims > kMaxDims)
            c.fail("tensor '" + t.name + "': " + std::to_string(nDims) + " dimensions (1 to 4 are valid)");
        uint64_t elements = 1;
        for (uint32_t d = 0; d < nDims; ++d) {
            const uint64_t dim = c.read<uint64_t>("tensor dimension");
            if (dim == 0 || dim > (uint64_t{1} << 40))
                c.fail("tensor '" + t.name + "': dimension " + std::to_string(d) + " is " + std::to_string(dim));
            const auto product = checkedMul(elements, dim);
            if (!product) c.fail("tensor '" + t.name + "': element count overflows");
            elements = *product;
            t.dims.push_back(dim);
        }
        const uint32_t typeId = c.read<uint32_t>("tensor type");
        const auto info = tensorTypeInfo(typeId);
        if (!info) c.fail("tensor '" + t.name + "': unknown tensor type " + std::to_string(typeId));
        t.type = info->type;
        if (t.dims[0] % info->blockElements != 0)
            c.fail("tensor '" + t.name + "': row length " + std::to_string(t.dims[0]) + " is not a multiple of the " +
                   std::string(info->name) + " block size " + std::to_string(info->blockElements));
        const auto bytes = checkedMul(elements / info->blockElements, info->blockBytes);
        if (!bytes) c.fail("tensor '" + t.name + "': byte size overflows");
        t.bytes = *bytes;
        t.offset = c.read<uint64_t>("tensor offset");
        if (t.offset % alignment != 0)
            c.fail("tensor '" + t.name + "': offset " + std::to_string(t.offset) + " is not aligned to " +
                   std::to_string(alignment));
        if (!tensorIndex_.emplace(t.name, tensors_.size()).second) c.fail("tensor '" + t.name + "' appears twice");
        tensors_.push_back(std::move(t));
    }

    const uint64_t headerEnd = c.position();
    dataOffset_ = (headerEnd + alignment - 1) / alignment * alignment;
    if (dataOffset_ > map_.size() && !tensors_.empty())
        throw Error(p + ": truncated file: the tensor data section starts past the end of the file");
    const uint64_t dataSize = map_.size() > dataOffset_ ? map_.size() - dataOffset_ : 0;

    // Every tensor lies inside the file and no two overlap.
    std::vector<std::pair<uint64_t, const TensorInfo *>> spans;
    for (const auto &t : tensors_) {
        const auto end = checkedAdd(t.offset, t.bytes);
        if (!end || *end > dataSize)
            throw Error(p + ": tensor '" + t.name + "' (" + std::to_string(t.bytes) + " bytes at offset " +
                        std::to_string(t.offset) + ") runs past the end of the file");
        spans.emplace_back(t.offset, &t);
    }
    std::sort(spans.begin(), spans.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (size_t i = 1; i < spans.size(); ++i) {
        const TensorInfo &prev = *spans[i - 1].second;
        if (prev.offset + prev.bytes > spans[i].first)
            throw Error(p + ": tensors '" + prev.name + "' and '" + spans[i].second->name + "' overlap");
    }
}

const Value *File::find(std::string_view key) const {
    auto it = metadata_.find(key);
    return it == metadata_.end() ? nullptr : &it->second;
}

namespace {
[[noreturn]] void wrongType(const std::string &path, std::string_view key, const Value &v, const char *expected) {
    throw Error(path + ": metadata '" + std::string(key) + "' is " + std::string(valueTypeName(v.type)) +
                ", expected " + expected);
}
bool isUnsigned(ValueType t) {
    return t == ValueType::UInt8 || t == ValueType::UInt16 || t == ValueType::UInt32 || t == ValueType::UInt64;
}
bool isSigned(ValueType t) {
    return t == ValueType::Int8 || t == ValueType::Int16 || t == ValueType::Int32 || t == ValueType::Int64;
}
}  // namespace

std::optional<uint64_t> File::getUInt(std::string_view key) const {
    const Value *v = find(key);
    if (!v) return std::nullopt;
    if (isUnsigned(v->type)) return v->uintValue;
    if (isSigned(v->type) && v->intValue >= 0) return static_cast<uint64_t>(v->intValue);
    wrongType(path(), key, *v, "a non-negative integer");
}

std::optional<double> File::getFloat(std::string_view key) const {
    const Value *v = find(key);
    if (!v) return std::nullopt;
    if (v->type == ValueType::Float32 || v->type == ValueType::Float64) return v->floatValue;
    wrongType(path(), key, *v, "a float");
}

std::optional<bool> File::getBool(std::string_view key) const {
    const Value *v = find(key);
    if (!v) return std::nullopt;
    if (v->type == ValueType::Bool) return v->uintValue != 0;
    wrongType(path(), key, *v, "a bool");
}

std::optional<std::string_view> File::getString(std::string_view key) const {
    const Value *v = find(key);
    if (!v) return std::nullopt;
    if (v->type == ValueType::String) return v->stringValue;
    wrongType(path(), key, *v, "a string");
}

std::optional<std::span<const std::string_view>> File::getStringArray(std::string_view key) const {
    const Value *v = find(key);
    if (!v) return std::nullopt;
    if (v->type == ValueType::Array && v->elementType == ValueType::String)
        return std::span<const std::string_view>(v->strings);
    wrongType(path(), key, *v, "an array of strings");
}

std::optional<std::vector<int64_t>> File::getIntArray(std::string_view key) const {
    const Value *v = find(key);
    if (!v) return std::nullopt;
    if (v->type != ValueType::Array || !(isSigned(v->elementType) || isUnsigned(v->elementType)))
        wrongType(path(), key, *v, "an array of integers");
    std::vector<int64_t> out(v->count);
    for (uint64_t i = 0; i < v->count; ++i) {
        switch (v->elementType) {
        case ValueType::UInt8: out[i] = loadElement<uint8_t>(v->elements, i); break;
        case ValueType::Int8: out[i] = loadElement<int8_t>(v->elements, i); break;
        case ValueType::UInt16: out[i] = loadElement<uint16_t>(v->elements, i); break;
        case ValueType::Int16: out[i] = loadElement<int16_t>(v->elements, i); break;
        case ValueType::UInt32: out[i] = loadElement<uint32_t>(v->elements, i); break;
        case ValueType::Int32: out[i] = loadElement<int32_t>(v->elements, i); break;
        case ValueType::UInt64: out[i] = static_cast<int64_t>(loadElement<uint64_t>(v->elements, i)); break;
        case ValueType::Int64: out[i] = loadElement<int64_t>(v->elements, i); break;
        default: break;
        }
    }
    return out;
}

std::optional<std::vector<float>> File::getFloatArray(std::string_view key) const {
    const Value *v = find(key);
    if (!v) return std::nullopt;
    if (v->type != ValueType::Array || v->elementType != ValueType::Float32)
        wrongType(path(), key, *v, "an array of float32");
    std::vector<float> out(v->count);
    for (uint64_t i = 0; i < v->count; ++i) out[i] = loadElement<float>(v->elements, i);
    return out;
}

uint64_t File::requireUInt(std::string_view key) const {
    if (auto v = getUInt(key)) return *v;
    throw Error(path() + ": required metadata '" + std::string(key) + "' is missing");
}

double File::requireFloat(std::string_view key) const {
    if (auto v = getFloat(key)) return *v;
    throw Error(path() + ": required metadata '" + std::string(key) + "' is missing");
}

std::string_view File::requireString(std::string_view key) const {
    if (auto v = getString(key)) return *v;
    throw Error(path() + ": required metadata '" + std::string(key) + "' is missing");
}

const TensorInfo *File::findTensor(std::string_view name) const {
    auto it = tensorIndex_.find(name);
    return it == tensorIndex_.end() ? nullptr : &tensors_[it->second];
}

std::span<const uint8_t> File::tensorData(const TensorInfo &tensor) const {
    return map_.bytes().subspan(dataOffset_ + tensor.offset, tensor.bytes);
}

}  // namespace qd::gguf
