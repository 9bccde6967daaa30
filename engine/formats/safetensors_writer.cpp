#include "formats/safetensors_writer.h"

#include "formats/partial_file.h"
#include "util/checked_math.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace qd::safetensors {

namespace {

// The reference library sorts by its dtype enum (declared in increasing alignment), descending.
int dtypeRank(TensorType type) {
    switch (type) {
    case TensorType::F16: return 0;
    case TensorType::BF16: return 1;
    case TensorType::F32: return 2;
    default: return -1;
    }
}

std::string quoted(const std::string &text) { return nlohmann::json(text).dump(-1, ' ', false); }

}  // namespace

void write(const std::string &path, std::vector<OutputTensor> tensors,
           const std::map<std::string, std::string> &metadata) {
    std::set<std::string> names;
    for (const auto &t : tensors) {
        if (dtypeRank(t.type) < 0)
            throw Error(path + ": tensor '" + t.name + "': type " + std::string(tensorTypeName(t.type)) +
                        " cannot be stored in safetensors (F32, F16 and BF16 can)");
        if (!names.insert(t.name).second) throw Error(path + ": tensor '" + t.name + "' is given twice");
        if (t.name == "__metadata__") throw Error(path + ": '__metadata__' cannot be a tensor name");
    }
    std::sort(tensors.begin(), tensors.end(), [](const OutputTensor &a, const OutputTensor &b) {
        if (dtypeRank(a.type) != dtypeRank(b.type)) return dtypeRank(a.type) > dtypeRank(b.type);
        return a.name < b.name;
    });

    // Built by hand so key order and number formatting are exactly the reference's.
    std::string header = "{";
    if (!metadata.empty()) {
        header += "\"__metadata__\":{";
        bool first = true;
        for (const auto &[key, value] : metadata) {
            if (!first) header += ',';
            header += quoted(key) + ":" + quoted(value);
            first = false;
        }
        header += "}";
    }
    std::vector<uint64_t> sizes;
    uint64_t offset = 0;
    for (const auto &t : tensors) {
        uint64_t bytes = tensorTypeInfo(t.type).blockBytes;
        std::string shape;
        for (uint64_t d : t.shape) {
            const auto product = checkedMul(bytes, d);
            if (!product) throw Error(path + ": tensor '" + t.name + "': size overflows");
            bytes = *product;
            if (!shape.empty()) shape += ',';
            shape += std::to_string(d);
        }
        const auto end = checkedAdd(offset, bytes);
        if (!end) throw Error(path + ": tensor '" + t.name + "': size overflows");
        if (header.size() > 1) header += ",";
        header += quoted(t.name) + ":{\"dtype\":\"" + std::string(tensorTypeName(t.type)) + "\",\"shape\":[" + shape +
                  "],\"data_offsets\":[" + std::to_string(offset) + "," + std::to_string(*end) + "]}";
        offset = *end;
        sizes.push_back(bytes);
    }
    header += "}";
    header.append((8 - header.size() % 8) % 8, ' ');

    PartialFile out(path);
    uint8_t headerLength[8];
    for (int i = 0; i < 8; ++i) headerLength[i] = static_cast<uint8_t>(uint64_t{header.size()} >> (8 * i));
    out.write(headerLength);
    out.write(std::span(reinterpret_cast<const uint8_t *>(header.data()), header.size()));
    for (size_t i = 0; i < tensors.size(); ++i) {
        uint64_t written = 0;
        tensors[i].produce([&](std::span<const uint8_t> bytes) {
            written += bytes.size();
            if (written > sizes[i])
                throw Error(path + ": tensor '" + tensors[i].name + "': more data than its shape holds");
            out.write(bytes);
        });
        if (written != sizes[i])
            throw Error(path + ": tensor '" + tensors[i].name + "': got " + std::to_string(written) +
                        " bytes of data, its shape needs " + std::to_string(sizes[i]));
    }
    out.commit();
}

}  // namespace qd::safetensors
