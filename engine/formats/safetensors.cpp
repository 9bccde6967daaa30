#include "formats/safetensors.h"

#include "util/checked_math.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <utility>

namespace qd::safetensors {

namespace {

static_assert(std::endian::native == std::endian::little, "safetensors files are little-endian");

constexpr uint64_t kMaxHeaderBytes = 100ull << 20;
// Legitimate headers nest three deep (header, tensor, shape) and hold tiny arrays (a shape, two
// offsets); the limits keep a hostile header from making the parser allocate far beyond its size.
constexpr size_t kMaxNesting = 8;
constexpr size_t kMaxArrayElements = 64;

using Json = nlohmann::json;

std::string shapeText(const std::vector<uint64_t> &shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

// Parses the header, rejecting duplicate keys (which nlohmann would silently collapse) and
// oversized nesting or arrays while parsing rather than afterwards.
Json parseHeader(const std::string &path, std::string_view text) {
    struct Frame {
        bool isArray;
        size_t elements = 0;
        std::set<std::string> keys;
    };
    std::vector<Frame> stack;
    auto countElement = [&] {
        if (stack.empty() || !stack.back().isArray) return;
        if (++stack.back().elements > kMaxArrayElements)
            throw Error(path + ": JSON header has an array of more than " + std::to_string(kMaxArrayElements) +
                        " elements, which no tensor entry needs");
    };
    Json::parser_callback_t callback = [&](int, Json::parse_event_t event, Json &parsed) {
        switch (event) {
        case Json::parse_event_t::object_start:
        case Json::parse_event_t::array_start:
            countElement();
            if (stack.size() >= kMaxNesting)
                throw Error(path + ": JSON header nests deeper than " + std::to_string(kMaxNesting) + " levels");
            stack.push_back({event == Json::parse_event_t::array_start, 0, {}});
            break;
        case Json::parse_event_t::object_end:
        case Json::parse_event_t::array_end: stack.pop_back(); break;
        case Json::parse_event_t::value: countElement(); break;
        case Json::parse_event_t::key: {
            const auto &key = parsed.get_ref<const std::string &>();
            if (!stack.back().keys.insert(key).second) {
                if (stack.size() == 1) throw Error(path + ": tensor '" + key + "' is listed twice in the header");
                throw Error(path + ": JSON header has the key '" + key + "' twice in one object");
            }
            break;
        }
        }
        return true;
    };
    try {
        return Json::parse(text.begin(), text.end(), callback);
    } catch (const Json::exception &e) {
        throw Error(path + ": malformed JSON header: " + e.what());
    }
}

std::optional<TensorType> dtypeType(std::string_view dtype) {
    if (dtype == "F32") return TensorType::F32;
    if (dtype == "F16") return TensorType::F16;
    if (dtype == "BF16") return TensorType::BF16;
    return std::nullopt;
}

std::optional<uint64_t> unsignedValue(const Json &v) {
    if (!v.is_number_unsigned()) return std::nullopt;
    return v.get<uint64_t>();
}

struct Entry {
    Tensor tensor;
    uint64_t begin = 0;
    uint64_t end = 0;
};

Entry parseTensor(const std::string &path, const std::string &name, const Json &entry, uint64_t dataSize) {
    const std::string where = path + ": tensor '" + name + "': ";
    if (!entry.is_object()) throw Error(where + "entry is not a JSON object");
    for (const char *field : {"dtype", "shape", "data_offsets"})
        if (!entry.contains(field)) throw Error(where + "\"" + field + "\" is missing");

    Entry e;
    e.tensor.name = name;
    const Json &dtype = entry["dtype"];
    if (!dtype.is_string()) throw Error(where + "dtype is not a string");
    const auto type = dtypeType(dtype.get_ref<const std::string &>());
    if (!type)
        throw Error(where + "dtype " + dtype.get<std::string>() + " is not supported (F32, F16 and BF16 are)");
    e.tensor.type = *type;

    const Json &shape = entry["shape"];
    if (!shape.is_array()) throw Error(where + "shape is not a list");
    uint64_t elements = 1;
    for (const Json &dim : shape) {
        const auto d = unsignedValue(dim);
        if (!d) throw Error(where + "shape " + shape.dump() + " has a dimension that is not a non-negative integer");
        const auto product = checkedMul(elements, *d);
        if (!product) throw Error(where + "shape " + shape.dump() + " has an element count that overflows");
        elements = *product;
        e.tensor.shape.push_back(*d);
    }

    const Json &offsets = entry["data_offsets"];
    if (!offsets.is_array() || offsets.size() != 2 || !unsignedValue(offsets[0]) || !unsignedValue(offsets[1]))
        throw Error(where + "data_offsets " + offsets.dump() + " is not a pair of non-negative integers");
    e.begin = offsets[0].get<uint64_t>();
    e.end = offsets[1].get<uint64_t>();
    if (e.begin > e.end) throw Error(where + "data_offsets " + offsets.dump() + " end before they begin");
    if (e.end > dataSize)
        throw Error(where + "data_offsets " + offsets.dump() + " run past the end of the file (the data section has " +
                    std::to_string(dataSize) + " bytes)");
    const auto bytes = checkedMul(elements, tensorTypeInfo(*type).blockBytes);
    if (!bytes || *bytes != e.end - e.begin)
        throw Error(where + "data_offsets " + offsets.dump() + " hold " + std::to_string(e.end - e.begin) +
                    " bytes but shape " + shapeText(e.tensor.shape) + " of " + dtype.get<std::string>() + " needs " +
                    (bytes ? std::to_string(*bytes) : std::string("more than 2^64")));
    return e;
}

}  // namespace

uint64_t Tensor::elements() const {
    uint64_t n = 1;
    for (uint64_t d : shape) n *= d;  // validated at open: cannot overflow
    return n;
}

File::File(const std::string &path) : map_(path) { parse(); }

void File::parse() {
    const std::string &p = map_.path();
    const auto bytes = map_.bytes();
    if (bytes.size() < 8)
        throw Error(p + ": not a safetensors file: " + std::to_string(bytes.size()) +
                    " bytes cannot hold the 8-byte header length");
    uint64_t headerLength;
    std::memcpy(&headerLength, bytes.data(), 8);
    if (headerLength > kMaxHeaderBytes)
        throw Error(p + ": header length " + std::to_string(headerLength) + " is over the 100 MB limit");
    if (headerLength > bytes.size() - 8)
        throw Error(p + ": truncated file: header length " + std::to_string(headerLength) +
                    " runs past the end of the file (" + std::to_string(bytes.size()) + " bytes)");
    const std::string_view headerText(reinterpret_cast<const char *>(bytes.data() + 8), headerLength);
    const Json header = parseHeader(p, headerText);
    if (!header.is_object()) throw Error(p + ": the JSON header is not an object");

    const uint64_t dataStart = 8 + headerLength;
    const uint64_t dataSize = bytes.size() - dataStart;
    std::vector<Entry> entries;
    for (const auto &[name, value] : header.items()) {
        if (name == "__metadata__") {
            if (!value.is_object()) throw Error(p + ": __metadata__ is not a JSON object");
            for (const auto &[key, text] : value.items()) {
                if (!text.is_string()) throw Error(p + ": __metadata__ '" + key + "' is not a string");
                metadata_.emplace(key, text.get<std::string>());
            }
            continue;
        }
        entries.push_back(parseTensor(p, name, value, dataSize));
    }

    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    const Entry *previous = nullptr;  // the last non-empty tensor
    for (auto &e : entries) {
        if (e.begin == e.end) continue;
        if (previous && previous->end > e.begin)
            throw Error(p + ": tensors '" + previous->tensor.name + "' and '" + e.tensor.name +
                        "' overlap in the data section");
        previous = &e;
    }
    tensors_.reserve(entries.size());
    for (auto &e : entries) {
        e.tensor.data = bytes.subspan(dataStart + e.begin, e.end - e.begin);
        tensors_.push_back(std::move(e.tensor));
    }
}

const Tensor *File::find(std::string_view name) const {
    auto it = std::find_if(tensors_.begin(), tensors_.end(), [&](const Tensor &t) { return t.name == name; });
    return it == tensors_.end() ? nullptr : &*it;
}

Folder::Folder(const std::string &directory) : path_(directory) {
    namespace fs = std::filesystem;
    const fs::path dir(directory);
    // transformers prefers the single file when a folder has both.
    if (fs::exists(dir / "model.safetensors")) {
        files_.push_back(std::make_unique<File>((dir / "model.safetensors").string()));
    } else if (fs::exists(dir / "model.safetensors.index.json")) {
        openSharded((dir / "model.safetensors.index.json").string());
    } else {
        throw Error(directory + ": no model.safetensors or model.safetensors.index.json in this folder");
    }
    std::map<std::string_view, const File *> owner;
    for (const auto &file : files_) {
        for (const Tensor &t : file->tensors()) {
            const auto [it, added] = owner.emplace(t.name, file.get());
            if (!added)
                throw Error(directory + ": tensor '" + t.name + "' is in two shards, " + it->second->path() +
                            " and " + file->path());
            index_.emplace(t.name, tensors_.size());
            tensors_.push_back(t);
        }
    }
}

void Folder::openSharded(const std::string &indexPath) {
    namespace fs = std::filesystem;
    Json index;
    try {
        index = Json::parse(readTextFile(indexPath));
    } catch (const Json::exception &e) {
        throw Error(indexPath + ": malformed JSON: " + e.what());
    }
    if (!index.is_object() || !index.contains("weight_map") || !index["weight_map"].is_object())
        throw Error(indexPath + ": no \"weight_map\" object");
    std::map<std::string, std::vector<std::string>> shards;  // shard file -> tensors listed in it
    for (const auto &[tensor, shard] : index["weight_map"].items()) {
        if (!shard.is_string()) throw Error(indexPath + ": the shard of tensor '" + tensor + "' is not a string");
        const std::string &file = shard.get_ref<const std::string &>();
        // Shards live next to the index; anything else could point outside the folder.
        if (file.empty() || file == "." || file == ".." || file.find('/') != std::string::npos)
            throw Error(indexPath + ": tensor '" + tensor + "' is mapped to '" + file +
                        "', which is not a file name in this folder");
        shards[file].push_back(tensor);
    }
    const fs::path dir = fs::path(indexPath).parent_path();
    for (const auto &[shard, listed] : shards) {
        const std::string shardPath = (dir / shard).string();
        if (!fs::exists(shardPath))
            throw Error(shardPath + ": shard named in " + indexPath + " is missing");
        files_.push_back(std::make_unique<File>(shardPath));
        for (const auto &tensor : listed)
            if (!files_.back()->find(tensor))
                throw Error(indexPath + ": tensor '" + tensor + "' is listed in shard " + shard +
                            ", which does not contain it");
    }
}

const Tensor *Folder::find(std::string_view name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &tensors_[it->second];
}

uint64_t Folder::totalBytes() const {
    uint64_t total = 0;
    for (const auto &file : files_) total += file->fileSize();
    return total;
}

std::vector<const MappedFile *> Folder::mappedFiles() const {
    std::vector<const MappedFile *> maps;
    for (const auto &file : files_) maps.push_back(&file->map());
    return maps;
}

}  // namespace qd::safetensors
