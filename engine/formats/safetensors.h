#pragma once
// Hugging Face safetensors reader over a memory map. Everything is validated when a file is
// opened: header length, JSON structure, dtypes, shapes (overflow-checked), data offsets against
// the file size, overlaps and duplicate names, so later accessors never read outside the map.
#include "formats/tensor_type.h"
#include "util/mapped_file.h"

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qd::safetensors {

struct Tensor {
    std::string name;
    TensorType type = TensorType::F32;  // F32, F16 or BF16
    std::vector<uint64_t> shape;        // as in the file: outermost dimension first
    std::span<const uint8_t> data;
    uint64_t elements() const;
};

class File {
public:
    // Opens, maps and validates; throws qd::Error naming the path, the tensor and the problem.
    explicit File(const std::string &path);

    const std::string &path() const { return map_.path(); }
    uint64_t fileSize() const { return map_.size(); }
    const MappedFile &map() const { return map_; }
    const std::map<std::string, std::string> &metadata() const { return metadata_; }
    // In file order (by data offset).
    const std::vector<Tensor> &tensors() const { return tensors_; }
    const Tensor *find(std::string_view name) const;

private:
    void parse();
    MappedFile map_;
    std::map<std::string, std::string> metadata_;
    std::vector<Tensor> tensors_;
};

// A Hugging Face model folder: model.safetensors, or model.safetensors.index.json and the shards
// its "weight_map" names (each opened once).
class Folder {
public:
    explicit Folder(const std::string &directory);

    const std::string &path() const { return path_; }
    // Every tensor of every shard, shard by shard in file order.
    const std::vector<Tensor> &tensors() const { return tensors_; }
    const Tensor *find(std::string_view name) const;
    uint64_t totalBytes() const;  // the size of all the model files together
    // Each shard's map.
    std::vector<const MappedFile *> mappedFiles() const;

private:
    void openSharded(const std::string &indexPath);
    std::string path_;
    std::vector<std::unique_ptr<File>> files_;
    std::vector<Tensor> tensors_;
    std::map<std::string, size_t, std::less<>> index_;
};

}  // namespace qd::safetensors
