#include "model/kv_cache.h"

#include "util/error.h"

namespace qd {

KvCache::KvCache(const ModelConfig &config, int64_t contextLength)
    : capacity_(contextLength), rowFloats_(config.kvDim()) {
    if (contextLength <= 0 || contextLength > config.maxContext)
        throw Error("context length " + std::to_string(contextLength) + " is outside 1.." +
                    std::to_string(config.maxContext) + " (the model's maximum)");
    floats_ = static_cast<uint64_t>(config.numLayers * contextLength * rowFloats_);
    keys_.reset(new float[floats_]);
    values_.reset(new float[floats_]);
}

}  // namespace qd
