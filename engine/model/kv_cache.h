#pragma once
// Keys and values of every processed position, per layer, preallocated for the context length.
// Layout per layer: [position][kv head * head dim], so one position's keys are contiguous. Entries
// are f16 (half the memory; attention converts them back to f32) or f32.
#include "formats/tensor_type.h"
#include "model/model_config.h"

#include <cstdint>
#include <memory>

namespace qd {

enum class KvPrecision { F16, F32 };

class KvCache {
public:
    KvCache(const ModelConfig &config, int64_t contextLength, KvPrecision precision = KvPrecision::F16);

    int64_t capacity() const { return capacity_; }
    int64_t size() const { return size_; }
    // Positions [0, size) hold valid entries. Growing only marks entries already written.
    void setSize(int64_t size) { size_ = size; }

    // Writes one position's kvDim keys and values (rounded to f16 in an f16 cache).
    void store(int64_t layer, int64_t position, const float *keys, const float *values);
    // F16 or F32: the type of the rows below.
    TensorType rowType() const { return rowType_; }
    // Position 0 of a layer; position p starts p * kvDim values later.
    const uint8_t *keyRows(int64_t layer) const { return keys_.get() + offset(layer, 0); }
    const uint8_t *valueRows(int64_t layer) const { return values_.get() + offset(layer, 0); }
    uint64_t bytes() const { return 2 * entries_ * valueBytes_; }

private:
    uint64_t offset(int64_t layer, int64_t position) const {
        return static_cast<uint64_t>((layer * capacity_ + position) * rowValues_) * valueBytes_;
    }
    int64_t capacity_ = 0;
    int64_t rowValues_ = 0;
    int64_t size_ = 0;
    TensorType rowType_ = TensorType::F16;
    uint64_t valueBytes_ = 2;
    uint64_t entries_ = 0;
    // Left uninitialized on purpose: pages of positions never reached are never touched, so a
    // long context costs resident memory only as it fills.
    std::unique_ptr<uint8_t[]> keys_, values_;
};

}  // namespace qd
