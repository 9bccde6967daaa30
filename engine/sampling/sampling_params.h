#pragma once
// How the next token is chosen from the logits, with Hugging Face transformers semantics.
#include <cstdint>

namespace qd {

// Defaults are transformers' GenerationConfig defaults for sampling.
struct SamplingParams {
    float temperature = 1.0f;        // 0: greedy (argmax, lowest id on ties)
    int topK = 50;                   // 0: off
    float topP = 1.0f;               // 1: off
    float minP = 0.0f;               // 0: off
    float repetitionPenalty = 1.0f;  // 1: off
    uint64_t seed = 0;
};

// Throws qd::Error naming the first setting out of range: temperature >= 0, topK >= 0,
// 0 < topP <= 1, 0 <= minP <= 1, repetitionPenalty > 0 (all finite).
void validate(const SamplingParams &params);

}  // namespace qd
