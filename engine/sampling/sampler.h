#pragma once
// Picks the next token from a row of logits: repetition penalty, then temperature, top-k, top-p,
// min-p, softmax and a seeded draw, in the order and with the meaning transformers gives them.
#include "sampling/sampling_params.h"
#include "sampling/splitmix64.h"

#include <cstdint>
#include <span>
#include <vector>

namespace qd {

class Sampler {
public:
    // Throws qd::Error when a setting is out of range (see validate).
    explicit Sampler(SamplingParams params);

    const SamplingParams &params() const { return params_; }

    // logits: one score per vocabulary entry; used as scratch (penalty and temperature are
    // applied in place). context: every token id so far, prompt and generated; each distinct id
    // is penalised once. Successive calls continue one random sequence, so the same seed,
    // settings and inputs give the same tokens. Throws qd::Error on empty logits, a NaN or +inf
    // logit, all logits -inf, or a context id outside the vocabulary.
    int32_t sample(std::span<float> logits, std::span<const int32_t> context);

private:
    struct Candidate {
        float logit;
        int32_t id;
        float weight = 0;  // exp(logit - max logit), filled in by keepTopP
    };
    void applyRepetitionPenalty(std::span<float> logits, std::span<const int32_t> context);
    void collectCandidates(std::span<const float> logits);
    void keepTopP();
    void keepMinP();
    int32_t draw();

    SamplingParams params_;
    SplitMix64 rng_;
    // Reused between calls so a step allocates nothing once warmed up.
    std::vector<uint8_t> seen_;
    std::vector<float> scratch_;
    std::vector<Candidate> candidates_;
    std::vector<double> weights_;
};

}  // namespace qd
