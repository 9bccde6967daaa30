#include "sampling/sampler.h"

#include "util/error.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>

namespace qd {

namespace {

constexpr float kMinusInf = -std::numeric_limits<float>::infinity();

}  // namespace

Sampler::Sampler(SamplingParams params) : params_(params), rng_(params.seed) { validate(params_); }

int32_t Sampler::sample(std::span<float> logits, std::span<const int32_t> context) {
    if (logits.empty()) throw Error("sampler: the logits are empty");
    if (logits.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max()))
        throw Error("sampler: the vocabulary is too large");
    if (params_.repetitionPenalty != 1.0f) applyRepetitionPenalty(logits, context);

    // One pass both validates and finds the greedy answer (first maximum = lowest id).
    size_t best = 0;
    for (size_t i = 0; i < logits.size(); ++i) {
        const float l = logits[i];
        if (std::isnan(l) || l == std::numeric_limits<float>::infinity())
            throw Error("sampler: logit of token " + std::to_string(i) + " is " + std::to_string(l));
        if (l > logits[best]) best = i;
    }
    if (logits[best] == kMinusInf) throw Error("sampler: every logit is -inf, no token can be chosen");
    if (params_.temperature == 0.0f) return static_cast<int32_t>(best);

    if (params_.temperature != 1.0f)
        for (float &l : logits) l /= params_.temperature;
    collectCandidates(logits);
    if (params_.topP < 1.0f) keepTopP();
    if (params_.minP > 0.0f) keepMinP();
    return draw();
}

void Sampler::applyRepetitionPenalty(std::span<float> logits, std::span<const int32_t> context) {
    for (const int32_t id : context) {
        if (id < 0 || static_cast<size_t>(id) >= logits.size())
            throw Error("sampler: context token id " + std::to_string(id) + " is outside the vocabulary of " +
                        std::to_string(logits.size()));
    }
    seen_.resize(logits.size(), 0);
    for (const int32_t id : context) {
        auto &mark = seen_[static_cast<size_t>(id)];
        if (mark) continue;
        mark = 1;
        float &l = logits[static_cast<size_t>(id)];
        l = l < 0 ? l * params_.repetitionPenalty : l / params_.repetitionPenalty;
    }
    for (const int32_t id : context) seen_[static_cast<size_t>(id)] = 0;
}

// Top-k keeps every token scoring at least the k-th best score (ties at the edge stay, as in
// transformers). Tokens at -inf have probability zero and are never candidates.
void Sampler::collectCandidates(std::span<const float> logits) {
    candidates_.clear();
    float threshold = kMinusInf;
    const auto k = static_cast<size_t>(params_.topK);
    if (k > 0 && k < logits.size()) {
        scratch_.assign(logits.begin(), logits.end());
        const auto kth = scratch_.begin() + static_cast<std::ptrdiff_t>(k - 1);
        std::nth_element(scratch_.begin(), kth, scratch_.end(), std::greater<float>());
        threshold = *kth;
    }
    for (size_t i = 0; i < logits.size(); ++i) {
        if (logits[i] >= threshold && logits[i] != kMinusInf)
            candidates_.push_back({logits[i], static_cast<int32_t>(i)});
    }
}

// The smallest set of most probable tokens whose probability reaches top_p (at least one token),
// found by quickselect on probability mass: expected linear time, and only the kept set is sorted.
void Sampler::keepTopP() {
    const float maxLogit = std::max_element(candidates_.begin(), candidates_.end(),
                                            [](const Candidate &a, const Candidate &b) { return a.logit < b.logit; })
                               ->logit;
    double total = 0;
    for (auto &c : candidates_) {
        c.weight = static_cast<float>(std::exp(static_cast<double>(c.logit) - maxLogit));
        total += c.weight;
    }
    // Most probable first; ties by lowest id, so the result never depends on the algorithm.
    const auto morePromising = [](const Candidate &a, const Candidate &b) {
        return a.logit > b.logit || (a.logit == b.logit && a.id < b.id);
    };
    // Invariant: [begin, first) ranks above the rest and holds less than top_p; the token at which
    // the running sum reaches top_p is in [first, last). Rounding that leaves the sum short ends
    // at the last token: everything is kept.
    double need = static_cast<double>(params_.topP) * total;
    auto first = candidates_.begin();
    auto last = candidates_.end();
    while (last - first > 1) {
        const auto mid = first + (last - first) / 2;
        std::nth_element(first, mid, last, morePromising);
        double mass = 0;
        for (auto it = first; it != mid; ++it) mass += it->weight;
        if (mass >= need) {
            last = mid;
        } else {
            need -= mass;
            first = mid;
        }
    }
    candidates_.erase(first + 1, candidates_.end());
    std::sort(candidates_.begin(), candidates_.end(), morePromising);
}

// prob < min_p * max_prob  <=>  logit < max_logit + log(min_p): no softmax needed.
void Sampler::keepMinP() {
    float maxLogit = kMinusInf;
    for (const auto &c : candidates_) maxLogit = std::max(maxLogit, c.logit);
    const double cutoff = static_cast<double>(maxLogit) + std::log(static_cast<double>(params_.minP));
    std::erase_if(candidates_, [cutoff](const Candidate &c) { return static_cast<double>(c.logit) < cutoff; });
}

int32_t Sampler::draw() {
    float maxLogit = kMinusInf;
    for (const auto &c : candidates_) maxLogit = std::max(maxLogit, c.logit);
    weights_.clear();
    double total = 0;
    for (const auto &c : candidates_) {
        weights_.push_back(std::exp(static_cast<double>(c.logit) - maxLogit));
        total += weights_.back();
    }
    const double u = rng_.nextDouble() * total;
    double cumulative = 0;
    for (size_t i = 0; i < candidates_.size(); ++i) {
        cumulative += weights_[i];
        if (u < cumulative) return candidates_[i].id;
    }
    return candidates_.back().id;  // u within rounding of the total
}

}  // namespace qd
