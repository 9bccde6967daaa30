#pragma once
// What the attention tests share: a KV cache in the form the kernels read, and a double-precision
// softmax(q K^T / sqrt(d)) V for one query head.
#include "kernels/attention.h"
#include "kernels/half.h"
#include "kernels/quantize.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace qd::testref {

// An f32 cache reads the caller's k and v; an f16 cache holds them rounded, and k and v are
// rounded in place so the reference uses the values the cache holds.
struct TestKvCache {
    std::vector<uint8_t> keys16, values16;
    KvRows rows;
};

inline TestKvCache makeTestKvCache(std::vector<float> &k, std::vector<float> &v, bool f16) {
    TestKvCache cache;
    if (!f16) {
        cache.rows = {TensorType::F32, reinterpret_cast<const uint8_t *>(k.data()),
                      reinterpret_cast<const uint8_t *>(v.data())};
        return cache;
    }
    cache.keys16.resize(k.size() * 2), cache.values16.resize(v.size() * 2);
    quantizeRow(TensorType::F16, k.data(), cache.keys16.data(), static_cast<int64_t>(k.size()));
    quantizeRow(TensorType::F16, v.data(), cache.values16.data(), static_cast<int64_t>(v.size()));
    for (float &x : k) x = f16ToF32(f32ToF16(x));
    for (float &x : v) x = f16ToF32(f32ToF16(x));
    cache.rows = {TensorType::F16, cache.keys16.data(), cache.values16.data()};
    return cache;
}

// One query head (headDim values) over positions [0, visible) of k and v (rows kvDim apart,
// this head's KV head starting at kvOffset): headDim values.
inline std::vector<double> referenceAttentionHead(const float *query, const std::vector<float> &k,
                                                  const std::vector<float> &v, int64_t kvDim, int64_t kvOffset,
                                                  int64_t headDim, int64_t visible) {
    std::vector<double> scores(static_cast<size_t>(visible));
    double maxScore = -INFINITY, sum = 0;
    for (int64_t j = 0; j < visible; ++j) {
        double dot = 0;
        for (int64_t i = 0; i < headDim; ++i) dot += double(query[i]) * k[j * kvDim + kvOffset + i];
        scores[j] = dot / std::sqrt(double(headDim));
        maxScore = std::max(maxScore, scores[j]);
    }
    for (double &x : scores) sum += (x = std::exp(x - maxScore));
    std::vector<double> out(static_cast<size_t>(headDim), 0.0);
    for (int64_t i = 0; i < headDim; ++i)
        for (int64_t j = 0; j < visible; ++j) out[i] += scores[j] / sum * v[j * kvDim + kvOffset + i];
    return out;
}

}  // namespace qd::testref
