#include "model/synthetic_model.h"

#include "formats/gguf_writer.h"
#include "formats/partial_file.h"
#include "formats/safetensors_writer.h"
#include "kernels/half.h"
#include "kernels/quantize.h"
#include "util/error.h"
#include "util/mapped_file.h"
#include "util/thread_pool.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <vector>

namespace qd::synthetic {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr std::array kShapes = {
    Shape{"tiny", 64, 2, 4, 2, 128, 151936, 32768, 2, 1e6, 1e-6},
    Shape{"qwen2.5-1.5b", 1536, 28, 12, 2, 8960, 151936, 32768, 21, 1e6, 1e-6},
};

uint64_t splitmix64(uint64_t &state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// xoshiro256** with normals by Marsaglia's polar method: small, fast, and fully specified here,
// so a seed gives the same model on every platform and standard library.
class Random {
public:
    explicit Random(uint64_t seed) {
        for (auto &s : state_) s = splitmix64(seed);
    }

    uint64_t next() {
        const uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    double normal() {
        if (hasSpare_) {
            hasSpare_ = false;
            return spare_;
        }
        double u, v, s;
        do {
            u = static_cast<double>(next() >> 11) * 0x1p-52 - 1.0;  // [-1, 1)
            v = static_cast<double>(next() >> 11) * 0x1p-52 - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double m = std::sqrt(-2.0 * std::log(s) / s);
        spare_ = v * m;
        hasSpare_ = true;
        return u * m;
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<uint64_t, 4> state_{};
    bool hasSpare_ = false;
    double spare_ = 0.0;
};

enum class Kind { Weight, Norm, Bias };

struct TensorSpec {
    std::string ggufName;
    std::string hfName;
    Kind kind;
    std::vector<uint64_t> dims;  // GGUF order: dims[0] is the row length (a weight's fan-in)
};

// In the order llama.cpp's converter writes them.
std::vector<TensorSpec> tensorSpecs(const Shape &s) {
    const uint64_t headDim = s.hidden / s.heads;
    const uint64_t q = s.heads * headDim, kv = s.kvHeads * headDim;
    std::vector<TensorSpec> specs = {{"token_embd.weight", "model.embed_tokens.weight", Kind::Weight, {s.hidden, s.vocab}}};
    for (uint64_t l = 0; l < s.layers; ++l) {
        const std::string g = "blk." + std::to_string(l) + ".", h = "model.layers." + std::to_string(l) + ".";
        const std::vector<TensorSpec> layer = {
            {g + "attn_norm.weight", h + "input_layernorm.weight", Kind::Norm, {s.hidden}},
            {g + "attn_q.weight", h + "self_attn.q_proj.weight", Kind::Weight, {s.hidden, q}},
            {g + "attn_q.bias", h + "self_attn.q_proj.bias", Kind::Bias, {q}},
            {g + "attn_k.weight", h + "self_attn.k_proj.weight", Kind::Weight, {s.hidden, kv}},
            {g + "attn_k.bias", h + "self_attn.k_proj.bias", Kind::Bias, {kv}},
            {g + "attn_v.weight", h + "self_attn.v_proj.weight", Kind::Weight, {s.hidden, kv}},
            {g + "attn_v.bias", h + "self_attn.v_proj.bias", Kind::Bias, {kv}},
            {g + "attn_output.weight", h + "self_attn.o_proj.weight", Kind::Weight, {q, s.hidden}},
            {g + "ffn_norm.weight", h + "post_attention_layernorm.weight", Kind::Norm, {s.hidden}},
            {g + "ffn_gate.weight", h + "mlp.gate_proj.weight", Kind::Weight, {s.hidden, s.ffn}},
            {g + "ffn_up.weight", h + "mlp.up_proj.weight", Kind::Weight, {s.hidden, s.ffn}},
            {g + "ffn_down.weight", h + "mlp.down_proj.weight", Kind::Weight, {s.ffn, s.hidden}},
        };
        specs.insert(specs.end(), layer.begin(), layer.end());
    }
    specs.push_back({"output_norm.weight", "model.norm.weight", Kind::Norm, {s.hidden}});
    return specs;
}

// Each row has its own random stream, keyed by the tensor's name and the row, so its values do
// not depend on the format, the dtype, which other tensors exist or how rows are spread over
// threads.
uint64_t rowSeed(uint64_t seed, std::string_view tensor, uint64_t row) {
    uint64_t hash = 0xCBF29CE484222325ull;  // FNV-1a
    for (char ch : tensor) hash = (hash ^ static_cast<uint8_t>(ch)) * 0x100000001B3ull;
    uint64_t state = seed ^ hash;
    state = splitmix64(state) ^ row;
    return splitmix64(state);
}

// Rows are generated in parallel a batch at a time and handed to the sink in order.
TensorProducer producer(const TensorSpec &spec, uint64_t seed, TensorType type, ThreadPool &pool) {
    return [spec, seed, type, &pool](const ByteSink &sink) {
        const uint64_t cols = spec.dims[0], rows = spec.dims.size() > 1 ? spec.dims[1] : 1;
        // Weights N(0, 1/fan_in); norms 1 + 0.2 N(0,1); biases 0.5 N(0,1).
        const double scale = spec.kind == Kind::Weight ? 1.0 / std::sqrt(static_cast<double>(cols))
                             : spec.kind == Kind::Norm ? 0.2
                                                       : 0.5;
        const double offset = spec.kind == Kind::Norm ? 1.0 : 0.0;
        const uint64_t bytesPerRow = *rowBytes(type, cols);
        const uint64_t batchRows = std::clamp<uint64_t>((uint64_t{4} << 20) / (cols * sizeof(float)), 1, rows);
        std::vector<uint8_t> batch(batchRows * bytesPerRow);
        for (uint64_t first = 0; first < rows; first += batchRows) {
            const uint64_t count = std::min(batchRows, rows - first);
            pool.parallelFor(0, static_cast<int64_t>(count), [&](int64_t begin, int64_t end) {
                std::vector<float> values(cols);
                for (int64_t i = begin; i < end; ++i) {
                    Random random(rowSeed(seed, spec.ggufName, first + static_cast<uint64_t>(i)));
                    // Every value is a bfloat16 number, so all dtypes hold the same weights.
                    for (auto &v : values)
                        v = bf16ToF32(f32ToBf16(static_cast<float>(offset + scale * random.normal())));
                    quantizeRow(type, values.data(), batch.data() + static_cast<uint64_t>(i) * bytesPerRow,
                                static_cast<int64_t>(cols));
                }
            });
            sink(std::span(batch).first(count * bytesPerRow));
        }
    };
}

// What llama.cpp's converter derives from a Hugging Face tokenizer for the gpt2 (byte-level BPE)
// vocabulary: one token per id up to the model's vocab size, with token types.
struct Vocabulary {
    std::vector<std::string> tokens;
    std::vector<int32_t> types;
    std::vector<std::string> merges;
    uint32_t bos = 0;  // also the padding token
    uint32_t eos = 0;
    std::string chatTemplate;
};

constexpr int32_t kNormal = 1, kControl = 3, kUserDefined = 4, kUnused = 5;

Json readJson(const std::string &path) {
    try {
        return Json::parse(readTextFile(path));
    } catch (const Json::exception &e) {
        throw Error(path + ": malformed JSON: " + e.what());
    }
}

Vocabulary readVocabulary(const std::string &dir, uint64_t vocabSize) {
    const std::string path = (fs::path(dir) / "tokenizer.json").string();
    const Json tokenizer = readJson(path);
    const Json *model = tokenizer.contains("model") ? &tokenizer["model"] : nullptr;
    if (!model || !model->contains("vocab") || !(*model)["vocab"].is_object() || !model->contains("merges") ||
        !(*model)["merges"].is_array())
        throw Error(path + ": not a BPE tokenizer (model.vocab or model.merges is missing)");

    Vocabulary v;
    v.tokens.resize(vocabSize);
    v.types.assign(vocabSize, kUnused);
    std::vector<bool> filled(vocabSize, false);
    auto place = [&](const std::string &token, const Json &id, int32_t type) {
        if (!id.is_number_unsigned() || id.get<uint64_t>() >= vocabSize)
            throw Error(path + ": token '" + token + "' has id " + id.dump() + ", outside the model's " +
                        std::to_string(vocabSize) + " rows");
        const auto i = id.get<uint64_t>();
        v.tokens[i] = token;
        v.types[i] = type;
        filled[i] = true;
    };
    for (const auto &[token, id] : (*model)["vocab"].items()) place(token, id, kNormal);
    for (const Json &added : tokenizer.value("added_tokens", Json::array())) {
        if (!added.contains("content") || !added["content"].is_string() || !added.contains("id"))
            throw Error(path + ": an added token has no content or id");
        const auto &content = added["content"].get_ref<const std::string &>();
        // Like the converter: special tokens, and ones that look special (<|...|>), are control.
        const bool looksSpecial = content.starts_with("<|") && content.ends_with("|>");
        place(content, added["id"], added.value("special", false) || looksSpecial ? kControl : kUserDefined);
    }
    for (uint64_t i = 0; i < vocabSize; ++i)
        if (!filled[i]) v.tokens[i] = "[PAD" + std::to_string(i) + "]";

    for (const Json &merge : (*model)["merges"]) {
        // Older tokenizer.json files store "a b", newer ones ["a", "b"].
        if (merge.is_string()) v.merges.push_back(merge.get<std::string>());
        else if (merge.is_array() && merge.size() == 2 && merge[0].is_string() && merge[1].is_string())
            v.merges.push_back(merge[0].get<std::string>() + " " + merge[1].get<std::string>());
        else throw Error(path + ": merge " + merge.dump() + " is neither \"a b\" nor [\"a\", \"b\"]");
    }

    auto idOf = [&](std::string_view token) {
        for (uint64_t i = 0; i < vocabSize; ++i)
            if (v.tokens[i] == token && v.types[i] == kControl) return static_cast<uint32_t>(i);
        throw Error(path + ": the special token " + std::string(token) + " is missing");
    };
    v.bos = idOf("<|endoftext|>");
    v.eos = idOf("<|im_end|>");

    const fs::path configPath = fs::path(dir) / "tokenizer_config.json";
    if (fs::exists(configPath)) {
        const Json config = readJson(configPath.string());
        if (config.contains("chat_template") && config["chat_template"].is_string())
            v.chatTemplate = config["chat_template"].get<std::string>();
    }
    return v;
}

uint32_t ggufFileType(TensorType t) {
    switch (t) {
    case TensorType::F32: return 0;
    case TensorType::F16: return 1;
    case TensorType::Q4_0: return 2;
    case TensorType::Q8_0: return 7;
    case TensorType::BF16: return 32;
    default: throw Error("no GGUF file type for " + std::string(tensorTypeName(t)));
    }
}

void writeGguf(const Options &o, const std::vector<TensorSpec> &specs, const Vocabulary &v, ThreadPool &pool) {
    const Shape &s = o.shape;
    gguf::Writer w;
    w.addString("general.architecture", "qwen2");
    w.addString("general.type", "model");
    w.addString("general.name", "synthetic qwen2 " + std::string(s.name));
    w.add<uint32_t>("general.file_type", ggufFileType(o.dtype));
    w.add<uint32_t>("general.quantization_version", 2);
    w.add<uint32_t>("general.alignment", gguf::Writer::kAlignment);
    w.add<uint32_t>("qwen2.block_count", static_cast<uint32_t>(s.layers));
    w.add<uint32_t>("qwen2.context_length", static_cast<uint32_t>(s.context));
    w.add<uint32_t>("qwen2.embedding_length", static_cast<uint32_t>(s.hidden));
    w.add<uint32_t>("qwen2.feed_forward_length", static_cast<uint32_t>(s.ffn));
    w.add<uint32_t>("qwen2.attention.head_count", static_cast<uint32_t>(s.heads));
    w.add<uint32_t>("qwen2.attention.head_count_kv", static_cast<uint32_t>(s.kvHeads));
    w.add<float>("qwen2.rope.freq_base", static_cast<float>(s.ropeTheta));
    w.add<float>("qwen2.attention.layer_norm_rms_epsilon", static_cast<float>(s.rmsEps));
    w.addString("tokenizer.ggml.model", "gpt2");
    w.addString("tokenizer.ggml.pre", "qwen2");
    w.addStringArray("tokenizer.ggml.tokens", v.tokens);
    w.addArray<int32_t>("tokenizer.ggml.token_type", v.types);
    w.addStringArray("tokenizer.ggml.merges", v.merges);
    w.add<uint32_t>("tokenizer.ggml.eos_token_id", v.eos);
    w.add<uint32_t>("tokenizer.ggml.padding_token_id", v.bos);
    w.add<uint32_t>("tokenizer.ggml.bos_token_id", v.bos);
    w.add<bool>("tokenizer.ggml.add_bos_token", false);
    if (!v.chatTemplate.empty()) w.addString("tokenizer.chat_template", v.chatTemplate);
    for (const auto &spec : specs) {
        // As llama.cpp's converter: 1-D tensors stay F32.
        const TensorType type = spec.dims.size() == 1 ? TensorType::F32 : o.dtype;
        w.addTensor(spec.ggufName, type, spec.dims, producer(spec, o.seed, type, pool));
    }
    w.write(o.out);
}

void writeTextFile(const std::string &path, const std::string &text) {
    PartialFile out(path);
    out.write(std::span(reinterpret_cast<const uint8_t *>(text.data()), text.size()));
    out.commit();
}

void writeFolder(const Options &o, const std::vector<TensorSpec> &specs, const Vocabulary &v, ThreadPool &pool) {
    const fs::path dir(o.out);
    try {
        fs::create_directories(dir);
        for (const char *name : {"tokenizer.json", "tokenizer_config.json", "generation_config.json"}) {
            const fs::path from = fs::path(o.tokenizerDir) / name;
            if (fs::exists(from)) fs::copy_file(from, dir / name, fs::copy_options::overwrite_existing);
        }
    } catch (const fs::filesystem_error &e) {
        throw Error(o.out + ": " + e.what());
    }
    writeTextFile((dir / "config.json").string(), configJson(o.shape, o.dtype, v.bos, v.eos));
    std::vector<safetensors::OutputTensor> tensors;
    for (const auto &spec : specs)
        tensors.push_back({spec.hfName, o.dtype, {spec.dims.rbegin(), spec.dims.rend()},  // [out, in]
                           producer(spec, o.seed, o.dtype, pool)});
    safetensors::write((dir / "model.safetensors").string(), std::move(tensors), {{"format", "pt"}});
}

}  // namespace

std::optional<Shape> findShape(std::string_view name) {
    for (const auto &s : kShapes)
        if (s.name == name) return s;
    return std::nullopt;
}

std::string configJson(const Shape &s, TensorType dtype, uint32_t bosTokenId, uint32_t eosTokenId) {
    const char *torchDtype = dtype == TensorType::F32 ? "float32" : dtype == TensorType::F16 ? "float16" : "bfloat16";
    // nlohmann sorts keys, as the official file is sorted; dump(2) matches its formatting.
    const Json config = {
        {"architectures", {"Qwen2ForCausalLM"}},
        {"attention_dropout", 0.0},
        {"bos_token_id", bosTokenId},
        {"eos_token_id", eosTokenId},
        {"hidden_act", "silu"},
        {"hidden_size", s.hidden},
        {"initializer_range", 0.02},
        {"intermediate_size", s.ffn},
        {"max_position_embeddings", s.context},
        {"max_window_layers", s.maxWindowLayers},
        {"model_type", "qwen2"},
        {"num_attention_heads", s.heads},
        {"num_hidden_layers", s.layers},
        {"num_key_value_heads", s.kvHeads},
        {"rms_norm_eps", s.rmsEps},
        {"rope_theta", s.ropeTheta},
        {"sliding_window", s.context},
        {"tie_word_embeddings", true},
        {"torch_dtype", torchDtype},
        {"transformers_version", "4.43.1"},
        {"use_cache", true},
        {"use_sliding_window", false},
        {"vocab_size", s.vocab},
    };
    return config.dump(2) + "\n";
}

void makeModel(const Options &o) {
    const auto t = o.dtype;
    if (t != TensorType::F32 && t != TensorType::F16 && t != TensorType::BF16 && t != TensorType::Q8_0 &&
        t != TensorType::Q4_0)
        throw Error(o.out + ": dtype " + std::string(tensorTypeName(t)) + " is not one of f32, f16, bf16, q8_0, q4_0");
    if (o.format == Format::Safetensors && (t == TensorType::Q8_0 || t == TensorType::Q4_0))
        throw Error(o.out + ": safetensors holds F32, F16 or BF16 weights; " + std::string(tensorTypeName(t)) +
                    " needs the GGUF format");
    const Vocabulary vocabulary = readVocabulary(o.tokenizerDir, o.shape.vocab);
    const auto specs = tensorSpecs(o.shape);
    ThreadPool pool;
    if (o.format == Format::Gguf) writeGguf(o, specs, vocabulary, pool);
    else writeFolder(o, specs, vocabulary, pool);
}

}  // namespace qd::synthetic
