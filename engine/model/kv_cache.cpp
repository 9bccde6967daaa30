#include "model/kv_cache.h"

#include "kernels/quantize.h"
#include "util/error.h"

namespace qd {

KvCache::KvCache(const ModelConfig &config, int64_t contextLength, KvPrecision precision)
    : capacity_(contextLength),
      rowValues_(config.kvDim()),
      rowType_(precision == KvPrecision::F16 ? TensorType::F16 : TensorType::F32),
      valueBytes_(precision == KvPrecision::F16 ? 2 : 4) {
    if (contextLength <= 0 || contextLength > config.maxContext)
        throw Error("context length " + std::to_string(contextLength) + " is outside 1.." +
                    std::to_string(config.maxContext) + " (the model's maximum)");
    entries_ = static_cast<uint64_t>(config.numLayers * contextLength * rowValues_);
    keys_.reset(new uint8_t[entries_ * valueBytes_]);
    values_.reset(new uint8_t[entries_ * valueBytes_]);
}

void KvCache::store(int64_t layer, int64_t position, const float *keys, const float *values) {
    quantizeRow(rowType_, keys, keys_.get() + offset(layer, position), rowValues_);
    quantizeRow(rowType_, values, values_.get() + offset(layer, position), rowValues_);
}

}  // namespace qd
