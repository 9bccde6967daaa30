#pragma once
// Random-weight Qwen2.5 models with exactly the real model's tensor names, shapes and metadata, for
// testing loaders and for benchmarking at full size without downloading anything. Weights are
// generated and written a row at a time, so even the 1.5B shape never sits in memory as f32.
#include "formats/tensor_type.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qd::synthetic {

struct Shape {
    std::string_view name;
    uint64_t hidden;
    uint64_t layers;
    uint64_t heads;
    uint64_t kvHeads;
    uint64_t ffn;
    uint64_t vocab;
    uint64_t context;
    uint64_t maxWindowLayers;  // config.json's max_window_layers
    double ropeTheta;
    double rmsEps;
};

// "tiny" or "qwen2.5-1.5b"; nullopt for another name.
std::optional<Shape> findShape(std::string_view name);

enum class Format { Gguf, Safetensors };

struct Options {
    Shape shape;
    Format format = Format::Gguf;
    TensorType dtype = TensorType::BF16;  // of the 2-D weights: F32, F16, BF16, Q8_0 or Q4_0
    std::string tokenizerDir;             // holds tokenizer.json (+ tokenizer_config.json, generation_config.json)
    uint64_t seed = 0;
    std::string out;                      // a .gguf file, or the folder to create for safetensors
};

// Writes the model. GGUF: llama.cpp's Qwen2 names and metadata, 1-D tensors F32, 2-D tensors in
// `dtype`. Safetensors: a Hugging Face folder (model.safetensors in `dtype`, config.json and the
// tokenizer files). Every value is a bfloat16 number, so all dtypes made from one seed hold the
// same weights up to the dtype's own rounding. Throws qd::Error naming the file and problem.
void makeModel(const Options &options);

// The Hugging Face config.json text for a shape: the official Qwen2.5 key set and formatting.
std::string configJson(const Shape &shape, TensorType dtype, uint32_t bosTokenId, uint32_t eosTokenId);

}  // namespace qd::synthetic
