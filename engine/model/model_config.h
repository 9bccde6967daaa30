#pragma once
// Qwen2 hyper-parameters, read from a Hugging Face config.json or from GGUF qwen2.* metadata.
// Nothing about a particular model size is hard-coded.
#include <cstdint>
#include <string>

namespace qd {

namespace gguf { class File; }

struct ModelConfig {
    std::string architecture;  // "Qwen2ForCausalLM" / GGUF "qwen2"
    std::string name;          // general.name or the folder name, for display
    int64_t hiddenSize = 0;
    int64_t intermediateSize = 0;
    int64_t numLayers = 0;
    int64_t numHeads = 0;
    int64_t numKvHeads = 0;
    int64_t headDim = 0;
    int64_t vocabSize = 0;
    int64_t maxContext = 0;
    double rmsNormEps = 1e-6;
    double ropeTheta = 10000.0;
    bool tieWordEmbeddings = false;

    int64_t qDim() const { return numHeads * headDim; }
    int64_t kvDim() const { return numKvHeads * headDim; }
    // Parameter count of the transformer, the LM head counted once when tied.
    uint64_t parameterCount() const;

    // Throws qd::Error (prefixed with `source`) when a value is missing, non-positive or inconsistent.
    void validate(const std::string &source) const;
};

ModelConfig modelConfigFromHfJson(const std::string &configJsonPath);
ModelConfig modelConfigFromGguf(const gguf::File &file);

}  // namespace qd
