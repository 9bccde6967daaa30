#include "sampling/generation_config.h"

#include "util/error.h"
#include "util/mapped_file.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace qd {

namespace {

const nlohmann::json *findSet(const nlohmann::json &config, const char *key) {
    const auto it = config.find(key);
    return it == config.end() || it->is_null() ? nullptr : &*it;
}

void readFloat(const nlohmann::json &config, const char *key, const std::string &path, float &out) {
    if (const auto *v = findSet(config, key)) {
        if (!v->is_number()) throw Error(path + ": \"" + key + "\" must be a number");
        out = v->get<float>();
    }
}

}  // namespace

SamplingParams loadGenerationConfig(const std::string &path) {
    nlohmann::json config;
    try {
        config = nlohmann::json::parse(readTextFile(path));
    } catch (const nlohmann::json::parse_error &e) {
        throw Error(path + ": not valid JSON: " + e.what());
    }
    if (!config.is_object()) throw Error(path + ": expected a JSON object");

    SamplingParams params;
    readFloat(config, "temperature", path, params.temperature);
    readFloat(config, "top_p", path, params.topP);
    readFloat(config, "min_p", path, params.minP);
    readFloat(config, "repetition_penalty", path, params.repetitionPenalty);
    if (const auto *v = findSet(config, "top_k")) {
        if (!v->is_number_integer() || v->get<int64_t>() < 0 || v->get<int64_t>() > std::numeric_limits<int>::max())
            throw Error(path + ": \"top_k\" must be a non-negative integer");
        params.topK = v->get<int>();
    }
    bool doSample = false;
    if (const auto *v = findSet(config, "do_sample")) {
        if (!v->is_boolean()) throw Error(path + ": \"do_sample\" must be true or false");
        doSample = v->get<bool>();
    }
    if (!doSample) params.temperature = 0.0f;
    try {
        validate(params);
    } catch (const Error &e) {
        throw Error(path + ": " + e.what());
    }
    return params;
}

}  // namespace qd
