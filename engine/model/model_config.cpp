#include "model/model_config.h"

#include "formats/gguf.h"
#include "util/error.h"
#include "util/mapped_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>

namespace qd {

uint64_t ModelConfig::parameterCount() const {
    const uint64_t h = hiddenSize, f = intermediateSize, q = qDim(), kv = kvDim();
    const uint64_t perLayer = h * q + q + 2 * (h * kv + kv) + q * h + 3 * h * f + 2 * h;
    const uint64_t embedding = static_cast<uint64_t>(vocabSize) * h;
    return embedding * (tieWordEmbeddings ? 1 : 2) + perLayer * numLayers + h;
}

void ModelConfig::validate(const std::string &source) const {
    auto positive = [&](int64_t v, const char *what) {
        if (v <= 0) throw Error(source + ": " + what + " must be positive, got " + std::to_string(v));
    };
    positive(hiddenSize, "hidden size");
    positive(intermediateSize, "intermediate (FFN) size");
    positive(numLayers, "layer count");
    positive(numHeads, "attention head count");
    positive(numKvHeads, "key/value head count");
    positive(headDim, "head dimension");
    positive(vocabSize, "vocabulary size");
    positive(maxContext, "context length");
    // Generous bounds keep a hostile config from asking for absurd allocations.
    if (hiddenSize > 65536 || intermediateSize > 262144 || numLayers > 1024 || numHeads > 1024 ||
        vocabSize > 4'000'000 || maxContext > 1'048'576)
        throw Error(source + ": hyper-parameters are out of any plausible range for a Qwen2 model");
    if (numHeads % numKvHeads != 0)
        throw Error(source + ": " + std::to_string(numHeads) + " attention heads are not a multiple of " +
                    std::to_string(numKvHeads) + " key/value heads");
    if (headDim % 2 != 0) throw Error(source + ": head dimension " + std::to_string(headDim) + " is odd (RoPE needs pairs)");
    if (!(rmsNormEps > 0 && rmsNormEps < 1)) throw Error(source + ": rms_norm_eps " + std::to_string(rmsNormEps) + " is out of range");
    if (!(ropeTheta > 1)) throw Error(source + ": rope_theta " + std::to_string(ropeTheta) + " is out of range");
}

namespace {

int64_t requireInt(const nlohmann::json &j, const char *key, const std::string &path) {
    auto it = j.find(key);
    if (it == j.end()) throw Error(path + ": required key \"" + key + "\" is missing");
    if (!it->is_number_integer()) throw Error(path + ": \"" + key + "\" must be an integer");
    return it->get<int64_t>();
}

double numberOr(const nlohmann::json &j, const char *key, double fallback, const std::string &path) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_number()) throw Error(path + ": \"" + key + "\" must be a number");
    return it->get<double>();
}

}  // namespace

ModelConfig modelConfigFromHfJson(const std::string &path) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(readTextFile(path));
    } catch (const nlohmann::json::exception &e) {
        throw Error(path + ": malformed JSON: " + e.what());
    }
    if (!j.is_object()) throw Error(path + ": expected a JSON object");
    ModelConfig c;
    if (auto a = j.find("architectures"); a != j.end() && a->is_array() && !a->empty() && a->front().is_string())
        c.architecture = a->front().get<std::string>();
    if (c.architecture != "Qwen2ForCausalLM")
        throw Error(path + ": architecture \"" + c.architecture + "\" is not supported (QwenDesk runs Qwen2ForCausalLM)");
    if (auto r = j.find("rope_scaling"); r != j.end() && !r->is_null())
        throw Error(path + ": rope_scaling is set; scaled RoPE is not supported");
    if (j.value("use_sliding_window", false))
        throw Error(path + ": use_sliding_window is true; sliding-window attention is not supported");
    c.hiddenSize = requireInt(j, "hidden_size", path);
    c.intermediateSize = requireInt(j, "intermediate_size", path);
    c.numLayers = requireInt(j, "num_hidden_layers", path);
    c.numHeads = requireInt(j, "num_attention_heads", path);
    c.numKvHeads = j.contains("num_key_value_heads") ? requireInt(j, "num_key_value_heads", path) : c.numHeads;
    c.vocabSize = requireInt(j, "vocab_size", path);
    c.maxContext = requireInt(j, "max_position_embeddings", path);
    c.rmsNormEps = numberOr(j, "rms_norm_eps", 1e-6, path);
    c.ropeTheta = numberOr(j, "rope_theta", 10000.0, path);
    if (auto t = j.find("tie_word_embeddings"); t != j.end()) {
        if (!t->is_boolean()) throw Error(path + ": \"tie_word_embeddings\" must be true or false");
        c.tieWordEmbeddings = t->get<bool>();
    }
    c.headDim = c.numHeads > 0 ? c.hiddenSize / c.numHeads : 0;
    if (c.numHeads > 0 && c.hiddenSize % c.numHeads != 0)
        throw Error(path + ": hidden_size is not a multiple of num_attention_heads");
    c.validate(path);
    return c;
}

ModelConfig modelConfigFromGguf(const gguf::File &f) {
    const std::string arch(f.requireString("general.architecture"));
    if (arch != "qwen2")
        throw Error(f.path() + ": architecture \"" + arch + "\" is not supported (QwenDesk runs qwen2)");
    ModelConfig c;
    c.architecture = arch;
    c.name = std::string(f.getString("general.name").value_or(""));
    auto u = [&](const char *key) { return static_cast<int64_t>(std::min<uint64_t>(f.requireUInt(key), INT64_MAX)); };
    c.hiddenSize = u("qwen2.embedding_length");
    c.intermediateSize = u("qwen2.feed_forward_length");
    c.numLayers = u("qwen2.block_count");
    c.numHeads = u("qwen2.attention.head_count");
    c.numKvHeads = f.getUInt("qwen2.attention.head_count_kv") ? u("qwen2.attention.head_count_kv") : c.numHeads;
    c.maxContext = u("qwen2.context_length");
    c.rmsNormEps = f.requireFloat("qwen2.attention.layer_norm_rms_epsilon");
    c.ropeTheta = f.getFloat("qwen2.rope.freq_base").value_or(10000.0);
    if (c.numHeads > 0 && c.hiddenSize % c.numHeads != 0)
        throw Error(f.path() + ": embedding_length is not a multiple of head_count");
    c.headDim = c.numHeads > 0 ? c.hiddenSize / c.numHeads : 0;
    // The vocabulary size is the embedding's row count; an untied head is present as output.weight.
    const auto *embd = f.findTensor("token_embd.weight");
    if (!embd) throw Error(f.path() + ": tensor 'token_embd.weight' is missing");
    if (embd->dims.size() != 2) throw Error(f.path() + ": tensor 'token_embd.weight' is not a matrix");
    c.vocabSize = static_cast<int64_t>(std::min<uint64_t>(embd->dims[1], INT64_MAX));
    c.tieWordEmbeddings = f.findTensor("output.weight") == nullptr;
    c.validate(f.path());
    return c;
}

}  // namespace qd
