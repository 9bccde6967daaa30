#pragma once
// A model as it is on disk: a GGUF file or a Hugging Face folder (config.json, tokenizer files,
// model.safetensors or shards). Opening validates the file structure and the configuration;
// tensors keep the file's types and point into memory maps. Names are canonical (GGUF's).
#include "model/model_config.h"
#include "formats/tensor_type.h"
#include "sampling/sampling_params.h"
#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qd {

class MappedFile;

enum class ModelFormat { Gguf, HuggingFaceFolder };

struct SourceTensor {
    std::string name;        // canonical (GGUF) name, e.g. "blk.0.attn_q.weight"
    std::string fileName;    // the name in the file, for error messages
    TensorType type = TensorType::F32;
    std::vector<uint64_t> dims;  // GGUF order: dims[0] is the contiguous row length
    std::span<const uint8_t> data;
};

class ModelSource {
public:
    // PATH is a .gguf file or a Hugging Face model folder. Throws qd::Error naming the file and problem.
    static std::shared_ptr<const ModelSource> open(const std::string &path);
    ~ModelSource();

    const std::string &path() const { return path_; }
    ModelFormat format() const { return format_; }
    const ModelConfig &config() const { return config_; }
    const Tokenizer &tokenizer() const { return *tokenizer_; }
    // Sampling defaults: a Hugging Face folder's generation_config.json; a GGUF file has none, so
    // Qwen2.5's published ones (the values of its official generation_config.json).
    const SamplingParams &defaultSampling() const { return defaultSampling_; }
    const std::vector<SourceTensor> &tensors() const { return tensors_; }
    const SourceTensor *find(std::string_view canonicalName) const;
    uint64_t fileBytes() const { return fileBytes_; }
    // The maps of the model's files, which the tensors' data point into.
    std::vector<const MappedFile *> mappedFiles() const;

private:
    ModelSource() = default;
    struct Files;
    std::unique_ptr<Files> files_;  // keeps the memory maps alive
    std::string path_;
    ModelFormat format_ = ModelFormat::Gguf;
    ModelConfig config_;
    std::unique_ptr<Tokenizer> tokenizer_;
    SamplingParams defaultSampling_;
    std::vector<SourceTensor> tensors_;
    uint64_t fileBytes_ = 0;
};

// Maps a transformers tensor name ("model.layers.3.mlp.up_proj.weight") to the canonical GGUF
// name ("blk.3.ffn_up.weight"); empty for names the model does not use.
std::string canonicalTensorName(std::string_view huggingFaceName);

}  // namespace qd
