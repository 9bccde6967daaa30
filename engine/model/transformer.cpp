#include "model/transformer.h"

#include "kernels/attention.h"
#include "kernels/dequantize.h"
#include "kernels/row_groups.h"
#include "kernels/swiglu.h"
#include "util/error.h"
#include "util/thread_pool.h"

#include <algorithm>
#include <cmath>

namespace qd {

namespace {

// Tokens per batch: bounds activation memory on long prompts while keeping matmuls wide. With the
// AMX kernels a 512-token Q4_0 prompt ran as fast in two batches of 256 as in one of 512 (224-236
// tok/s per CPU second either way), and peak memory at a 4k context fell from 1016 to 983 MB.
constexpr int64_t kMaxBatch = 256;

void rmsNorm(const float *x, const float *weight, float *out, int64_t n, double eps) {
    double sumSquares = 0.0;
    for (int64_t i = 0; i < n; ++i) sumSquares += static_cast<double>(x[i]) * x[i];
    const auto scale = static_cast<float>(1.0 / std::sqrt(sumSquares / static_cast<double>(n) + eps));
    for (int64_t i = 0; i < n; ++i) out[i] = x[i] * scale * weight[i];
}

void addBias(float *rows, const std::vector<float> &bias, int64_t n) {
    const auto width = static_cast<int64_t>(bias.size());
    for (int64_t t = 0; t < n; ++t)
        for (int64_t i = 0; i < width; ++i) rows[t * width + i] += bias[static_cast<size_t>(i)];
}

// Rotate-half (NeoX) RoPE: element i pairs with element i + headDim/2.
void applyRope(float *head, const float *cosines, const float *sines, int64_t headDim) {
    const int64_t half = headDim / 2;
    for (int64_t i = 0; i < half; ++i) {
        const float a = head[i], b = head[i + half];
        head[i] = a * cosines[i] - b * sines[i];
        head[i + half] = a * sines[i] + b * cosines[i];
    }
}

}  // namespace

Transformer::Transformer(std::shared_ptr<const ModelWeights> weights, int64_t contextLength, ThreadPool &pool)
    : Transformer(std::move(weights), contextLength, pool, Options{}) {}

Transformer::Transformer(std::shared_ptr<const ModelWeights> weights, int64_t contextLength, ThreadPool &pool,
                         const Options &options)
    : weights_(std::move(weights)), pool_(pool), cache_(weights_->config(), contextLength, options.kv) {
    matmulOptions_.activations = options.activations;
}

void Transformer::rewind(int64_t position) { cache_.setSize(std::clamp<int64_t>(position, 0, cache_.size())); }

bool Transformer::forward(std::span<const int32_t> tokens, std::vector<float> &logits, bool allLogits,
                          const std::atomic<bool> *cancel) {
    const ModelConfig &c = weights_->config();
    const auto n = static_cast<int64_t>(tokens.size());
    if (n == 0) throw Error("no tokens to process");
    if (cache_.size() + n > cache_.capacity())
        throw Error("the prompt needs " + std::to_string(cache_.size() + n) + " tokens but the context holds " +
                    std::to_string(cache_.capacity()));
    for (int32_t id : tokens)
        if (id < 0 || id >= c.vocabSize)
            throw Error("token id " + std::to_string(id) + " is outside the vocabulary (0.." +
                        std::to_string(c.vocabSize - 1) + ")");

    const int64_t start = cache_.size();
    logits.resize(static_cast<size_t>((allLogits ? n : 1) * c.vocabSize));
    for (int64_t done = 0; done < n; done += kMaxBatch) {
        const int64_t count = std::min(kMaxBatch, n - done);
        const bool last = done + count == n;
        float *out = allLogits ? logits.data() + done * c.vocabSize : (last ? logits.data() : nullptr);
        if (!forwardBatch(tokens.subspan(static_cast<size_t>(done), static_cast<size_t>(count)), out, allLogits,
                          cancel)) {
            cache_.setSize(start);
            return false;
        }
    }
    return true;
}

bool Transformer::forwardBatch(std::span<const int32_t> tokens, float *logits, bool allLogits,
                               const std::atomic<bool> *cancel) {
    const ModelConfig &c = weights_->config();
    const ModelWeights &w = *weights_;
    const auto n = static_cast<int64_t>(tokens.size());
    const int64_t h = c.hiddenSize, qDim = c.qDim(), kvDim = c.kvDim(), f = c.intermediateSize, hd = c.headDim;
    const int64_t startPos = cache_.size();
    x_.resize(n * h), xn_.resize(n * h), proj_.resize(n * h);
    q_.resize(n * qDim), att_.resize(n * qDim), k_.resize(n * kvDim), v_.resize(n * kvDim);
    gate_.resize(n * f), up_.resize(n * f);

    // Token embeddings.
    for (int64_t t = 0; t < n; ++t)
        dequantizeRow(w.embedding().type, rowInRowsLayout(w.embedding(), tokens[t], embeddingRow_), &x_[t * h], h);

    // RoPE angles for this batch's positions, shared by every layer and head.
    ropeCos_.resize(n * hd / 2), ropeSin_.resize(n * hd / 2);
    for (int64_t t = 0; t < n; ++t)
        for (int64_t i = 0; i < hd / 2; ++i) {
            const double invFreq = std::pow(c.ropeTheta, -2.0 * static_cast<double>(i) / static_cast<double>(hd));
            const double angle = static_cast<double>(startPos + t) * invFreq;
            ropeCos_[t * hd / 2 + i] = static_cast<float>(std::cos(angle));
            ropeSin_[t * hd / 2 + i] = static_cast<float>(std::sin(angle));
        }

    for (int64_t l = 0; l < c.numLayers; ++l) {
        if (cancel && cancel->load(std::memory_order_relaxed)) return false;
        const LayerWeights &L = w.layers()[l];

        // Attention block: norm, Q/K/V with bias, RoPE, cache, attention, output projection.
        for (int64_t t = 0; t < n; ++t) rmsNorm(&x_[t * h], L.attnNorm.data(), &xn_[t * h], h, c.rmsNormEps);
        const MatmulTarget qkv[] = {{L.q, q_.data()}, {L.k, k_.data()}, {L.v, v_.data()}};
        matmulSameInput(qkv, xn_.data(), n, pool_, matmulOptions_);
        addBias(q_.data(), L.qBias, n);
        addBias(k_.data(), L.kBias, n);
        addBias(v_.data(), L.vBias, n);
        for (int64_t t = 0; t < n; ++t) {
            const float *cosines = &ropeCos_[t * hd / 2], *sines = &ropeSin_[t * hd / 2];
            for (int64_t head = 0; head < c.numHeads; ++head) applyRope(&q_[t * qDim + head * hd], cosines, sines, hd);
            for (int64_t head = 0; head < c.numKvHeads; ++head) applyRope(&k_[t * kvDim + head * hd], cosines, sines, hd);
            cache_.store(l, startPos + t, &k_[t * kvDim], &v_[t * kvDim]);
        }
        attention(l, n, startPos);
        matmul(L.output, att_.data(), n, proj_.data(), pool_, matmulOptions_);
        for (int64_t i = 0; i < n * h; ++i) x_[i] += proj_[i];

        // MLP block: norm, SwiGLU, residual.
        for (int64_t t = 0; t < n; ++t) rmsNorm(&x_[t * h], L.ffnNorm.data(), &xn_[t * h], h, c.rmsNormEps);
        const MatmulTarget gateUp[] = {{L.gate, gate_.data()}, {L.up, up_.data()}};
        matmulSameInput(gateUp, xn_.data(), n, pool_, matmulOptions_);
        swiglu(gate_.data(), up_.data(), n * f, pool_, matmulOptions_.simd);
        matmul(L.down, gate_.data(), n, proj_.data(), pool_, matmulOptions_);
        for (int64_t i = 0; i < n * h; ++i) x_[i] += proj_[i];
    }
    if (cancel && cancel->load(std::memory_order_relaxed)) return false;
    cache_.setSize(startPos + n);

    // Final norm and LM head: only the last position unless every row is wanted.
    if (logits) {
        const int64_t first = allLogits ? 0 : n - 1;
        for (int64_t t = first; t < n; ++t) rmsNorm(&x_[t * h], w.outputNorm().data(), &xn_[t * h], h, c.rmsNormEps);
        matmul(w.lmHead(), &xn_[first * h], n - first, logits, pool_, matmulOptions_);
    }
    return true;
}

void Transformer::attention(int64_t layer, int64_t n, int64_t startPos) {
    const ModelConfig &c = weights_->config();
    causalAttention(q_.data(), c.qDim(), {cache_.rowType(), cache_.keyRows(layer), cache_.valueRows(layer)}, n,
                    startPos, {c.numHeads, c.numKvHeads, c.headDim}, att_.data(), pool_);
}

}  // namespace qd
