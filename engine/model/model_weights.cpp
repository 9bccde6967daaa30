#include "model/model_weights.h"

#include "kernels/dequantize.h"
#include "kernels/quantize.h"
#include "model/tensor_layout.h"
#include "util/error.h"

#include <cstring>

namespace qd {

namespace {

// Row length and row count of a matrix tensor (validated by tensor_layout before this runs).
int64_t cols(const SourceTensor &t) { return static_cast<int64_t>(t.dims[0]); }
int64_t rows(const SourceTensor &t) { return t.dims.size() > 1 ? static_cast<int64_t>(t.dims[1]) : 1; }

TensorType targetType(const SourceTensor &t, QuantLevel level, const std::string &path) {
    const TensorType target = matrixTypeAt(level, t.type);
    if (!rowBytes(target, static_cast<uint64_t>(cols(t))))
        throw Error(path + ": tensor '" + t.fileName + "' cannot run at " + std::string(quantLevelName(level)) +
                    ": its row length " + std::to_string(cols(t)) + " is not a multiple of the " +
                    std::string(tensorTypeName(target)) + " block size");
    return target;
}

}  // namespace

WeightView ModelWeights::prepareMatrix(const SourceTensor &t) {
    const TensorType target = targetType(t, level_, source_->path());
    const int64_t n = cols(t), r = rows(t);
    const uint64_t outRowBytes = *rowBytes(target, static_cast<uint64_t>(n));
    weightBytes_ += outRowBytes * static_cast<uint64_t>(r);
    if (target == t.type) return WeightView{target, r, n, t.data.data()};

    const uint64_t inRowBytes = *rowBytes(t.type, static_cast<uint64_t>(n));
    auto buffer = std::make_unique<uint8_t[]>(outRowBytes * static_cast<uint64_t>(r));
    std::vector<float> row(static_cast<size_t>(n));
    for (int64_t i = 0; i < r; ++i) {
        dequantizeRow(t.type, t.data.data() + inRowBytes * i, row.data(), n);
        quantizeRow(target, row.data(), buffer.get() + outRowBytes * i, n);
    }
    WeightView view{target, r, n, buffer.get()};
    buffers_.push_back(std::move(buffer));
    return view;
}

std::vector<float> ModelWeights::prepareVector(const SourceTensor &t) const {
    std::vector<float> v(static_cast<size_t>(cols(t)));
    dequantizeRow(t.type, t.data.data(), v.data(), cols(t));
    return v;
}

std::shared_ptr<const ModelWeights> ModelWeights::load(std::shared_ptr<const ModelSource> source, QuantLevel level,
                                                       const std::function<void(double)> &progress) {
    std::shared_ptr<ModelWeights> w(new ModelWeights());
    w->source_ = std::move(source);
    w->level_ = level;
    const ModelSource &src = *w->source_;
    const ModelConfig &c = src.config();
    auto tensor = [&](const std::string &name) -> const SourceTensor & {
        const SourceTensor *t = src.find(name);
        if (!t) throw Error(src.path() + ": tensor '" + name + "' is missing");
        return *t;
    };
    const double steps = static_cast<double>(c.numLayers + 2);
    w->embedding_ = w->prepareMatrix(tensor("token_embd.weight"));
    w->lmHead_ = c.tieWordEmbeddings ? w->embedding_ : w->prepareMatrix(tensor("output.weight"));
    w->outputNorm_ = w->prepareVector(tensor("output_norm.weight"));
    if (progress) progress(1.0 / steps);
    for (int64_t l = 0; l < c.numLayers; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        LayerWeights L;
        L.attnNorm = w->prepareVector(tensor(p + "attn_norm.weight"));
        L.ffnNorm = w->prepareVector(tensor(p + "ffn_norm.weight"));
        L.qBias = w->prepareVector(tensor(p + "attn_q.bias"));
        L.kBias = w->prepareVector(tensor(p + "attn_k.bias"));
        L.vBias = w->prepareVector(tensor(p + "attn_v.bias"));
        L.q = w->prepareMatrix(tensor(p + "attn_q.weight"));
        L.k = w->prepareMatrix(tensor(p + "attn_k.weight"));
        L.v = w->prepareMatrix(tensor(p + "attn_v.weight"));
        L.output = w->prepareMatrix(tensor(p + "attn_output.weight"));
        L.gate = w->prepareMatrix(tensor(p + "ffn_gate.weight"));
        L.up = w->prepareMatrix(tensor(p + "ffn_up.weight"));
        L.down = w->prepareMatrix(tensor(p + "ffn_down.weight"));
        w->layers_.push_back(std::move(L));
        if (progress) progress(static_cast<double>(l + 2) / steps);
    }
    const uint64_t vectorFloats = static_cast<uint64_t>(c.hiddenSize) * (1 + 2 * c.numLayers) +
                                  static_cast<uint64_t>(c.qDim() + 2 * c.kvDim()) * c.numLayers;
    w->weightBytes_ += vectorFloats * sizeof(float);
    if (progress) progress(1.0);
    return w;
}

uint64_t weightBytesAtLevel(const ModelSource &source, QuantLevel level) {
    uint64_t total = 0;
    for (const auto &e : expectedTensors(source.config())) {
        const SourceTensor *t = source.find(e.name);
        if (!t) continue;
        if (e.dims.size() == 1) {
            total += e.dims[0] * sizeof(float);
            continue;
        }
        const auto bytes = rowBytes(matrixTypeAt(level, t->type), e.dims[0]);
        total += bytes ? *bytes * e.dims[1] : 0;
    }
    return total;
}

}  // namespace qd
