#pragma once
// A model's weights ready to compute with, at the chosen quantization level. Matrices whose file
// type is already the level's type point straight into the memory map; the rest are converted
// once, at load, into buffers this object owns. Norms and biases are held as f32.
#include "kernels/matmul.h"
#include "model/model_source.h"
#include "model/quant_level.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace qd {

struct LayerWeights {
    std::vector<float> attnNorm, ffnNorm;
    std::vector<float> qBias, kBias, vBias;
    WeightView q, k, v, output;  // attention projections: rows = output features
    WeightView gate, up, down;   // SwiGLU MLP
};

class ModelWeights {
public:
    // progress(fraction) is called as tensors are prepared; may be empty.
    static std::shared_ptr<const ModelWeights> load(std::shared_ptr<const ModelSource> source, QuantLevel level,
                                                    const std::function<void(double)> &progress = {});

    const ModelSource &source() const { return *source_; }
    const ModelConfig &config() const { return source_->config(); }
    QuantLevel level() const { return level_; }
    const WeightView &embedding() const { return embedding_; }
    const WeightView &lmHead() const { return lmHead_; }  // the embedding itself when tied
    const std::vector<float> &outputNorm() const { return outputNorm_; }
    const std::vector<LayerWeights> &layers() const { return layers_; }
    // Bytes of weights that compute reads: converted buffers plus the mapped tensors used as they are.
    uint64_t weightBytes() const { return weightBytes_; }

private:
    ModelWeights() = default;
    WeightView prepareMatrix(const SourceTensor &tensor);
    std::vector<float> prepareVector(const SourceTensor &tensor) const;

    std::shared_ptr<const ModelSource> source_;
    QuantLevel level_ = QuantLevel::Auto;
    WeightView embedding_, lmHead_;
    std::vector<float> outputNorm_;
    std::vector<LayerWeights> layers_;
    std::vector<std::unique_ptr<uint8_t[]>> buffers_;
    uint64_t weightBytes_ = 0;
};

// Bytes the weight matrices and vectors take at `level`, without loading anything.
uint64_t weightBytesAtLevel(const ModelSource &source, QuantLevel level);

}  // namespace qd
