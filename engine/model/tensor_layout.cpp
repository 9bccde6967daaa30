#include "model/tensor_layout.h"

#include "model/model_source.h"
#include "util/error.h"

#include <algorithm>

namespace qd {

std::vector<ExpectedTensor> expectedTensors(const ModelConfig &c) {
    const auto h = static_cast<uint64_t>(c.hiddenSize), f = static_cast<uint64_t>(c.intermediateSize);
    const auto q = static_cast<uint64_t>(c.qDim()), kv = static_cast<uint64_t>(c.kvDim());
    const auto vocab = static_cast<uint64_t>(c.vocabSize);
    std::vector<ExpectedTensor> out = {{"token_embd.weight", {h, vocab}}, {"output_norm.weight", {h}}};
    if (!c.tieWordEmbeddings) out.push_back({"output.weight", {h, vocab}});
    for (int64_t l = 0; l < c.numLayers; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        out.push_back({p + "attn_norm.weight", {h}});
        out.push_back({p + "attn_q.weight", {h, q}});
        out.push_back({p + "attn_q.bias", {q}});
        out.push_back({p + "attn_k.weight", {h, kv}});
        out.push_back({p + "attn_k.bias", {kv}});
        out.push_back({p + "attn_v.weight", {h, kv}});
        out.push_back({p + "attn_v.bias", {kv}});
        out.push_back({p + "attn_output.weight", {q, h}});
        out.push_back({p + "ffn_norm.weight", {h}});
        out.push_back({p + "ffn_gate.weight", {h, f}});
        out.push_back({p + "ffn_up.weight", {h, f}});
        out.push_back({p + "ffn_down.weight", {f, h}});
    }
    return out;
}

static std::string dimsText(const std::vector<uint64_t> &dims) {
    std::string s = "[";
    for (size_t i = 0; i < dims.size(); ++i) {
        if (i > 0) s += ", ";
        s += std::to_string(dims[i]);
    }
    return s + "]";
}

void validateTensors(const ModelSource &source) {
    const std::string &path = source.path();
    const bool folder = source.format() == ModelFormat::HuggingFaceFolder;
    for (const auto &e : expectedTensors(source.config())) {
        const SourceTensor *t = source.find(e.name);
        if (!t) throw Error(path + ": tensor '" + e.name + "' is missing");
        if (t->dims != e.dims) {
            // Report shapes the way the file writes them.
            auto fileOrder = [&](std::vector<uint64_t> d) {
                if (folder) std::reverse(d.begin(), d.end());
                return dimsText(d);
            };
            throw Error(path + ": tensor '" + t->fileName + "' has shape " + fileOrder(t->dims) + ", expected " +
                        fileOrder(e.dims) + " from the model configuration");
        }
        const auto &info = tensorTypeInfo(t->type);
        if (!info.supported)
            throw Error(path + ": tensor '" + t->fileName + "' has type " + std::string(info.name) +
                        ", which QwenDesk does not support (supported: F32, F16, BF16, Q8_0, Q4_0, Q4_K, Q6_K)");
        if (e.dims.size() == 1 && info.blockElements != 1)
            throw Error(path + ": tensor '" + t->fileName + "' is a vector stored as " + std::string(info.name) +
                        "; norms and biases must be F32, F16 or BF16");
    }
    const int32_t tokens = source.tokenizer().size();
    if (tokens > source.config().vocabSize)
        throw Error(path + ": the tokenizer has " + std::to_string(tokens) + " tokens but the model's vocabulary has only " +
                    std::to_string(source.config().vocabSize) + " rows");
}

}  // namespace qd
