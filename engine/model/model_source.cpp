#include "model/model_source.h"

#include "formats/gguf.h"
#include "formats/safetensors.h"
#include "model/tensor_layout.h"
#include "sampling/generation_config.h"
#include "util/error.h"

#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace qd {

struct ModelSource::Files {
    std::optional<gguf::File> gguf;
    std::optional<safetensors::Folder> folder;
};

ModelSource::~ModelSource() = default;

std::vector<const MappedFile *> ModelSource::mappedFiles() const {
    if (files_->gguf) return {&files_->gguf->map()};
    return files_->folder->mappedFiles();
}

std::string canonicalTensorName(std::string_view hf) {
    static const std::map<std::string_view, std::string_view> kTopLevel = {
        {"model.embed_tokens.weight", "token_embd.weight"},
        {"model.norm.weight", "output_norm.weight"},
        {"lm_head.weight", "output.weight"},
    };
    if (auto it = kTopLevel.find(hf); it != kTopLevel.end()) return std::string(it->second);
    static const std::map<std::string_view, std::string_view> kLayer = {
        {"self_attn.q_proj.weight", "attn_q.weight"},   {"self_attn.q_proj.bias", "attn_q.bias"},
        {"self_attn.k_proj.weight", "attn_k.weight"},   {"self_attn.k_proj.bias", "attn_k.bias"},
        {"self_attn.v_proj.weight", "attn_v.weight"},   {"self_attn.v_proj.bias", "attn_v.bias"},
        {"self_attn.o_proj.weight", "attn_output.weight"},
        {"mlp.gate_proj.weight", "ffn_gate.weight"},    {"mlp.up_proj.weight", "ffn_up.weight"},
        {"mlp.down_proj.weight", "ffn_down.weight"},
        {"input_layernorm.weight", "attn_norm.weight"}, {"post_attention_layernorm.weight", "ffn_norm.weight"},
    };
    constexpr std::string_view prefix = "model.layers.";
    if (!hf.starts_with(prefix)) return {};
    hf.remove_prefix(prefix.size());
    const size_t dot = hf.find('.');
    if (dot == 0 || dot == std::string_view::npos || dot > 4) return {};
    const std::string_view layer = hf.substr(0, dot);
    for (char ch : layer)
        if (ch < '0' || ch > '9') return {};
    auto it = kLayer.find(hf.substr(dot + 1));
    if (it == kLayer.end()) return {};
    return "blk." + std::string(layer) + "." + std::string(it->second);
}

std::shared_ptr<const ModelSource> ModelSource::open(const std::string &path) {
    namespace fs = std::filesystem;
    std::shared_ptr<ModelSource> m(new ModelSource());
    m->path_ = path;
    m->files_ = std::make_unique<Files>();
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        m->format_ = ModelFormat::HuggingFaceFolder;
        const fs::path dir(path);
        if (!fs::exists(dir / "config.json"))
            throw Error(path + ": not a Hugging Face model folder (config.json is missing)");
        m->config_ = modelConfigFromHfJson((dir / "config.json").string());
        m->config_.name = dir.filename().string();
        if (m->config_.name.empty()) m->config_.name = dir.parent_path().filename().string();
        if (fs::exists(dir / "generation_config.json"))
            m->defaultSampling_ = loadGenerationConfig((dir / "generation_config.json").string());
        m->tokenizer_ = std::make_unique<Tokenizer>(Tokenizer::fromPath(path));
        auto &folder = m->files_->folder.emplace(path);
        std::set<std::string> seen;
        for (const auto &t : folder.tensors()) {
            std::string canonical = canonicalTensorName(t.name);
            if (canonical.empty()) continue;  // e.g. rotary inv_freq buffers some exports keep
            if (!seen.insert(canonical).second) throw Error(path + ": tensor '" + t.name + "' appears twice");
            SourceTensor s;
            s.name = std::move(canonical);
            s.fileName = t.name;
            s.type = t.type;
            s.dims.assign(t.shape.rbegin(), t.shape.rend());  // [out, in] -> GGUF's [in, out]
            s.data = t.data;
            m->tensors_.push_back(std::move(s));
        }
        m->fileBytes_ = folder.totalBytes();
    } else {
        m->format_ = ModelFormat::Gguf;
        m->defaultSampling_ = SamplingParams{.temperature = 0.7f, .topK = 20, .topP = 0.8f, .repetitionPenalty = 1.1f};
        auto &file = m->files_->gguf.emplace(path);
        m->config_ = modelConfigFromGguf(file);
        if (m->config_.name.empty()) m->config_.name = fs::path(path).stem().string();
        m->tokenizer_ = std::make_unique<Tokenizer>(Tokenizer::fromGguf(file));
        for (const auto &t : file.tensors()) {
            SourceTensor s;
            s.name = t.name;
            s.fileName = t.name;
            s.type = t.type;
            s.dims = t.dims;
            s.data = file.tensorData(t);
            m->tensors_.push_back(std::move(s));
        }
        m->fileBytes_ = file.fileSize();
    }
    validateTensors(*m);
    return m;
}

const SourceTensor *ModelSource::find(std::string_view canonicalName) const {
    for (const auto &t : tensors_)
        if (t.name == canonicalName) return &t;
    return nullptr;
}

}  // namespace qd
