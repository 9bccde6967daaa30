#pragma once
// Reads the sampling settings of a Hugging Face generation_config.json.
#include "sampling/sampling_params.h"

#include <string>

namespace qd {

// Keys read: do_sample, temperature, top_k, top_p, min_p, repetition_penalty. A missing or null key
// keeps the SamplingParams default. As in transformers, do_sample false (its default) means greedy
// decoding: temperature becomes 0. Throws qd::Error naming the file and key when the file is
// unreadable, not a JSON object, or a value has the wrong type or is out of range.
SamplingParams loadGenerationConfig(const std::string &path);

}  // namespace qd
