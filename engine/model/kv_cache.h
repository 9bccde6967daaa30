#pragma once
// Keys and values of every processed position, per layer, preallocated for the context length.
// Layout per layer: [position][kv head * head dim], so one position's keys are contiguous.
#include "model/model_config.h"

#include <cstdint>
#include <memory>

namespace qd {

class KvCache {
public:
    KvCache(const ModelConfig &config, int64_t contextLength);

    int64_t capacity() const { return capacity_; }
    int64_t size() const { return size_; }
    // Positions [0, size) hold valid entries. Growing only marks entries already written.
    void setSize(int64_t size) { size_ = size; }

    float *keys(int64_t layer, int64_t position) { return keys_.get() + offset(layer, position); }
    float *values(int64_t layer, int64_t position) { return values_.get() + offset(layer, position); }
    const float *keys(int64_t layer, int64_t position) const { return keys_.get() + offset(layer, position); }
    const float *values(int64_t layer, int64_t position) const { return values_.get() + offset(layer, position); }
    uint64_t bytes() const { return 2 * floats_ * sizeof(float); }

private:
    int64_t offset(int64_t layer, int64_t position) const { return (layer * capacity_ + position) * rowFloats_; }
    int64_t capacity_ = 0;
    int64_t rowFloats_ = 0;
    int64_t size_ = 0;
    uint64_t floats_ = 0;
    // Left uninitialized on purpose: pages of positions never reached are never touched, so a
    // long context costs resident memory only as it fills.
    std::unique_ptr<float[]> keys_, values_;
};

}  // namespace qd
