#include "formats/gguf_writer.h"

#include "formats/partial_file.h"
#include "util/checked_math.h"
#include "util/error.h"

namespace qd::gguf {

namespace {
constexpr uint32_t kVersion = 3;
constexpr size_t kMaxDims = 4;
constexpr size_t kMaxNameLength = 63;  // ggml's name buffer holds 64 bytes with the terminator

void appendTo(std::vector<uint8_t> &out, const void *data, size_t size) {
    const auto *p = static_cast<const uint8_t *>(data);
    out.insert(out.end(), p, p + size);
}
}  // namespace

Writer::Writer(uint32_t alignment) : alignment_(alignment) {
    if (alignment < kAlignment || (alignment & (alignment - 1)) != 0)
        throw Error(std::string("GGUF alignment ") + std::to_string(alignment) + " is not a power of two of at least " +
                    std::to_string(kAlignment));
    if (alignment != kAlignment) add<uint32_t>("general.alignment", alignment);
}

void Writer::appendString(std::string_view text) {
    appendScalar(static_cast<uint64_t>(text.size()));
    appendTo(metadata_, text.data(), text.size());
}

void Writer::beginKey(const std::string &key, ValueType type) {
    if (!keys_.insert(key).second) throw Error("GGUF metadata key '" + key + "' added twice");
    // The reader takes the data alignment from this key; the writer always aligns to alignment_.
    if (key == "general.alignment" && type != ValueType::UInt32)
        throw Error("GGUF metadata 'general.alignment' must be a uint32");
    appendString(key);
    appendScalar(static_cast<uint32_t>(type));
    ++metadataCount_;
}

void Writer::addString(const std::string &key, std::string_view value) {
    beginKey(key, ValueType::String);
    appendString(value);
}

void Writer::addStringArray(const std::string &key, std::span<const std::string> values) {
    beginKey(key, ValueType::Array);
    appendScalar(static_cast<uint32_t>(ValueType::String));
    appendScalar(static_cast<uint64_t>(values.size()));
    for (const auto &v : values) appendString(v);
}

void Writer::addTensor(std::string name, TensorType type, std::vector<uint64_t> dims, TensorProducer produce) {
    const std::string what = "GGUF tensor '" + name + "': ";
    if (name.empty() || name.size() > kMaxNameLength)
        throw Error(what + "names must have 1 to " + std::to_string(kMaxNameLength) + " bytes");
    if (dims.empty() || dims.size() > kMaxDims)
        throw Error(what + std::to_string(dims.size()) + " dimensions (1 to 4 are valid)");
    const auto &info = tensorTypeInfo(type);
    if (dims[0] % info.blockElements != 0)
        throw Error(what + "row length " + std::to_string(dims[0]) + " is not a multiple of the " +
                    std::string(info.name) + " block size " + std::to_string(info.blockElements));
    uint64_t blocks = 1;
    for (size_t i = 0; i < dims.size(); ++i) {
        if (dims[i] == 0) throw Error(what + "dimension " + std::to_string(i) + " is 0");
        const auto product = checkedMul(blocks, i == 0 ? dims[0] / info.blockElements : dims[i]);
        if (!product) throw Error(what + "size overflows");
        blocks = *product;
    }
    const auto bytes = checkedMul(blocks, info.blockBytes);
    if (!bytes) throw Error(what + "size overflows");
    if (!tensorNames_.insert(name).second) throw Error(what + "added twice");
    tensors_.push_back({std::move(name), type, std::move(dims), *bytes, std::move(produce)});
}

void Writer::write(const std::string &path) const {
    auto padding = [this](uint64_t size) { return (alignment_ - size % alignment_) % alignment_; };

    std::vector<uint8_t> header;
    auto put = [&header](auto value) { appendTo(header, &value, sizeof(value)); };
    appendTo(header, "GGUF", 4);
    put(kVersion);
    put(static_cast<uint64_t>(tensors_.size()));
    put(metadataCount_);
    appendTo(header, metadata_.data(), metadata_.size());
    uint64_t offset = 0;
    for (const auto &t : tensors_) {
        put(static_cast<uint64_t>(t.name.size()));
        appendTo(header, t.name.data(), t.name.size());
        put(static_cast<uint32_t>(t.dims.size()));
        for (uint64_t d : t.dims) put(d);
        put(static_cast<uint32_t>(t.type));
        put(offset);
        const auto padded = checkedAdd(t.bytes, padding(t.bytes));
        const auto next = padded ? checkedAdd(offset, *padded) : std::nullopt;
        if (!next) throw Error(path + ": tensor data exceeds 2^64 bytes");
        offset = *next;
    }
    header.resize(header.size() + padding(header.size()), 0);

    PartialFile out(path);
    out.write(header);
    for (const auto &t : tensors_) {
        uint64_t written = 0;
        t.produce([&](std::span<const uint8_t> bytes) {
            written += bytes.size();
            if (written > t.bytes) throw Error(path + ": tensor '" + t.name + "': more data than its dimensions hold");
            out.write(bytes);
        });
        if (written != t.bytes)
            throw Error(path + ": tensor '" + t.name + "': got " + std::to_string(written) +
                        " bytes of data, its dimensions need " + std::to_string(t.bytes));
        out.writeZeros(padding(t.bytes));
    }
    out.commit();
}

}  // namespace qd::gguf
