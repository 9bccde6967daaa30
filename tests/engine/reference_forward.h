#pragma once
// A plain, independent Qwen2 forward pass for tests: weights dequantized to double, every
// position recomputed from scratch (no KV cache), no threads, no batching. Slow and obvious on
// purpose; the engine's Transformer is checked against it.
#include "model/model_weights.h"

#include <cstdint>
#include <vector>

namespace qd::test {

// Logits (vocabSize values per row) after the tokens at the given positions, computed from the
// weights exactly as they are held at the model's quantization level.
std::vector<std::vector<double>> referenceLogits(const ModelWeights &weights, const std::vector<int32_t> &tokens,
                                                 const std::vector<int64_t> &positions);

}  // namespace qd::test
