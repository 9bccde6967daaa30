#pragma once
// The Qwen2 forward pass with a KV cache. Prompts run as a batch (matrix-matrix products), then
// one token at a time. The steps read top to bottom in transformer.cpp; the arithmetic-heavy
// kernels live behind kernels/matmul.h.
#include "model/kv_cache.h"
#include "model/model_weights.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace qd {

class ThreadPool;

class Transformer {
public:
    // The defaults trade a little precision for speed and memory: 8-bit / bf16 activations in the
    // decode kernels (see MatmulOptions) and an f16 KV cache. Exact and F32 keep every product and
    // cached value in f32 with exactly decoded weights.
    struct Options {
        ActivationPrecision activations = ActivationPrecision::Fast;
        KvPrecision kv = KvPrecision::F16;
    };
    Transformer(std::shared_ptr<const ModelWeights> weights, int64_t contextLength, ThreadPool &pool);
    Transformer(std::shared_ptr<const ModelWeights> weights, int64_t contextLength, ThreadPool &pool,
                const Options &options);

    const ModelWeights &weights() const { return *weights_; }
    int64_t contextLength() const { return cache_.capacity(); }
    // Tokens whose keys and values are in the cache.
    int64_t position() const { return cache_.size(); }
    // Forgets every position from `position` on (keeps a shared prompt prefix).
    void rewind(int64_t position);

    // Runs `tokens` at positions [position(), position() + n) and appends them to the cache.
    // logits receives the last token's row, or one row per token with allLogits. Returns false,
    // with the cache as it was, when `cancel` becomes true before the work is done. Throws
    // qd::Error when the tokens would not fit the context or an id is outside the vocabulary.
    bool forward(std::span<const int32_t> tokens, std::vector<float> &logits, bool allLogits = false,
                 const std::atomic<bool> *cancel = nullptr);

private:
    bool forwardBatch(std::span<const int32_t> tokens, float *logits, bool allLogits, const std::atomic<bool> *cancel);
    void attention(int64_t layer, int64_t n, int64_t startPos);

    std::shared_ptr<const ModelWeights> weights_;
    ThreadPool &pool_;
    MatmulOptions matmulOptions_;
    KvCache cache_;
    // Activations of one batch, row-major [token][feature].
    std::vector<float> x_, xn_, q_, k_, v_, att_, gate_, up_, proj_;
    std::vector<float> ropeCos_, ropeSin_;
    std::vector<uint8_t> embeddingRow_;  // an embedding row unpacked from row groups
};

}  // namespace qd
