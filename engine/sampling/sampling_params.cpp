#include "sampling/sampling_params.h"

#include "util/error.h"

#include <cmath>
#include <string>

namespace qd {

void validate(const SamplingParams &params) {
    const auto fail = [](const char *name, double value, const char *rule) {
        throw Error(std::string("sampling: ") + name + " = " + std::to_string(value) + " is out of range (" + rule + ")");
    };
    if (!std::isfinite(params.temperature) || params.temperature < 0) fail("temperature", params.temperature, "must be >= 0");
    if (params.topK < 0) fail("top_k", params.topK, "must be >= 0; 0 turns it off");
    if (!(params.topP > 0 && params.topP <= 1)) fail("top_p", params.topP, "must be in (0, 1]");
    if (!(params.minP >= 0 && params.minP <= 1)) fail("min_p", params.minP, "must be in [0, 1]");
    if (!std::isfinite(params.repetitionPenalty) || params.repetitionPenalty <= 0)
        fail("repetition_penalty", params.repetitionPenalty, "must be > 0");
}

}  // namespace qd
