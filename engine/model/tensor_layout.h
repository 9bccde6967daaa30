#pragma once
// The tensors a Qwen2 model of a given configuration must have, with their shapes, and the check
// that a model source has exactly those (every one present, right shape, a usable type).
#include "model/model_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qd {

class ModelSource;

struct ExpectedTensor {
    std::string name;            // canonical (GGUF) name
    std::vector<uint64_t> dims;  // GGUF order: {row length, rows} for matrices
};

std::vector<ExpectedTensor> expectedTensors(const ModelConfig &config);

// Throws qd::Error naming the file, the tensor and the problem.
void validateTensors(const ModelSource &source);

}  // namespace qd
