#include "kernels/decode_attention.h"

#include "kernels/half.h"
#include "util/thread_pool.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace qd {

namespace {

// Rows scored at once: the block's scores (group x kBlock floats) and its key and value rows stay
// in L1.
constexpr int64_t kBlock = 64;
// Fewest positions worth a span of their own: below this the merge would cost more than it saves.
constexpr int64_t kMinSpan = 64;

template <bool Half>
float loadValue(const uint8_t *row, int64_t i) {
    if constexpr (Half) {
        uint16_t h;
        std::memcpy(&h, row + 2 * i, 2);
        return f16ToF32(h);
    } else {
        float f;
        std::memcpy(&f, row + 4 * i, 4);
        return f;
    }
}

template <bool Half>
void scoresScalar(const float *queries, int64_t group, int64_t headDim, const uint8_t *keys, uint64_t stride,
                  int64_t count, float scale, float *scores) {
    for (int64_t j = 0; j < count; ++j) {
        const uint8_t *row = keys + static_cast<uint64_t>(j) * stride;
        for (int64_t g = 0; g < group; ++g) {
            float dot = 0.0f;
            for (int64_t i = 0; i < headDim; ++i) dot += queries[g * headDim + i] * loadValue<Half>(row, i);
            scores[g * count + j] = scale * dot;
        }
    }
}

template <bool Half>
void accumulateScalar(const float *weights, int64_t group, int64_t headDim, const uint8_t *values, uint64_t stride,
                      int64_t count, float *out) {
    for (int64_t j = 0; j < count; ++j) {
        const uint8_t *row = values + static_cast<uint64_t>(j) * stride;
        for (int64_t i = 0; i < headDim; ++i) {
            const float v = loadValue<Half>(row, i);
            for (int64_t g = 0; g < group; ++g) out[g * headDim + i] += weights[g * count + j] * v;
        }
    }
}

float exponentialsScalar(float *scores, int64_t count, float max) {
    float sum = 0.0f;
    for (int64_t j = 0; j < count; ++j) sum += (scores[j] = std::exp(scores[j] - max));
    return sum;
}

detail::DecodeRowKernels rowKernels(TensorType type, int64_t headDim, SimdLevel simd) {
    if (simd == SimdLevel::Avx512 && simdLevelSupported(SimdLevel::Avx512) && headDim % 16 == 0)
        return detail::decodeRowKernelsAvx512(type);
    if (simd != SimdLevel::Scalar && simdLevelSupported(SimdLevel::Avx2) && headDim % 8 == 0)
        return detail::decodeRowKernelsAvx2(type);
    if (type == TensorType::F16) return {scoresScalar<true>, accumulateScalar<true>, exponentialsScalar};
    return {scoresScalar<false>, accumulateScalar<false>, exponentialsScalar};
}

}  // namespace

void decodeAttention(const float *query, const KvRows &cache, int64_t length, const AttentionShape &shape,
                     float *out, ThreadPool &pool, SimdLevel simd) {
    const int64_t stride = shape.heads * shape.headDim;
    decodeAttention(query, stride, cache, length, 1, shape, out, pool, simd);
}

void decodeAttention(const float *queries, int64_t queryStride, const KvRows &cache, int64_t firstLength,
                     int64_t tokens, const AttentionShape &shape, float *out, ThreadPool &pool, SimdLevel simd) {
    const int64_t hd = shape.headDim, group = shape.heads / shape.kvHeads;
    const uint64_t valueBytes = cache.type == TensorType::F16 ? 2 : 4;
    const uint64_t stride = static_cast<uint64_t>(shape.kvHeads * hd) * valueBytes;
    const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
    const detail::DecodeRowKernels kernels = rowKernels(cache.type, hd, simd);

    // Each token splits its positions into spans per KV head exactly as a decode step of it alone
    // does: enough that every thread gets work (twice over, so a thread that wakes late on a busy
    // machine costs less), but none shorter than kMinSpan. Every (token, KV head, span) item then
    // goes into one parallel pass.
    struct Split {
        int64_t spans, spanLength, firstItem;
    };
    const int64_t wanted = (2 * pool.size() + shape.kvHeads - 1) / shape.kvHeads;
    std::vector<Split> splits;
    int64_t items = 0;
    for (int64_t t = 0; t < tokens; ++t) {
        const int64_t length = firstLength + t;
        const int64_t spans = std::clamp<int64_t>(length / kMinSpan, 1, std::max<int64_t>(wanted, 1));
        splits.push_back({spans, (length + spans - 1) / spans, items});
        items += shape.kvHeads * spans;
    }
    // Per item and query head of the group: running max, running sum, then the unnormalized
    // output row.
    const int64_t partialSize = group * (hd + 2);
    std::vector<float> partials(static_cast<size_t>(items * partialSize));

    pool.parallelFor(0, items, [&](int64_t begin, int64_t end) {
        thread_local std::vector<float> scores;
        scores.resize(static_cast<size_t>(group * kBlock));
        for (int64_t item = begin; item < end; ++item) {
            // The token whose items include this one: the last to start at or before it.
            const auto t = std::upper_bound(splits.begin(), splits.end(), item,
                                            [](int64_t i, const Split &split) { return i < split.firstItem; }) -
                           splits.begin() - 1;
            const Split &split = splits[static_cast<size_t>(t)];
            const int64_t local = item - split.firstItem;
            const int64_t kvHead = local / split.spans, first = (local % split.spans) * split.spanLength;
            const int64_t last = std::min(firstLength + t, first + split.spanLength);
            float *maxima = partials.data() + item * partialSize, *sums = maxima + group, *acc = sums + group;
            std::fill(maxima, maxima + group, -std::numeric_limits<float>::infinity());
            std::fill(sums, acc + group * hd, 0.0f);
            const float *query = queries + t * queryStride + kvHead * group * hd;
            const uint64_t headOffset = static_cast<uint64_t>(kvHead * hd) * valueBytes;
            for (int64_t b = first; b < last; b += kBlock) {
                const int64_t count = std::min(kBlock, last - b);
                const uint64_t at = static_cast<uint64_t>(b) * stride + headOffset;
                kernels.scores(query, group, hd, cache.keys + at, stride, count, scale, scores.data());
                // Online softmax: rescale what the span has so far to the new maximum.
                for (int64_t g = 0; g < group; ++g) {
                    float *s = scores.data() + g * count;
                    const float blockMax = *std::max_element(s, s + count);
                    const float newMax = std::max(maxima[g], blockMax);
                    const float factor = std::exp(maxima[g] - newMax);
                    maxima[g] = newMax;
                    sums[g] = sums[g] * factor + kernels.exponentials(s, count, newMax);
                    if (factor != 1.0f)
                        for (int64_t i = 0; i < hd; ++i) acc[g * hd + i] *= factor;
                }
                kernels.accumulate(scores.data(), group, hd, cache.values + at, stride, count, acc);
            }
        }
    });

    // Merge the spans of every query head of a token, each scaled to the common maximum.
    auto merge = [&](int64_t t) {
        const Split &split = splits[static_cast<size_t>(t)];
        for (int64_t head = 0; head < shape.heads; ++head) {
            const int64_t kvHead = head / group, g = head % group;
            auto partial = [&](int64_t span) {
                return partials.data() + (split.firstItem + kvHead * split.spans + span) * partialSize;
            };
            float overallMax = -std::numeric_limits<float>::infinity();
            for (int64_t s = 0; s < split.spans; ++s) overallMax = std::max(overallMax, partial(s)[g]);
            float *o = out + t * queryStride + head * hd;
            std::fill(o, o + hd, 0.0f);
            float total = 0.0f;
            for (int64_t s = 0; s < split.spans; ++s) {
                const float *p = partial(s);
                const float weight = std::exp(p[g] - overallMax);
                total += weight * p[group + g];
                const float *acc = p + 2 * group + g * hd;
                for (int64_t i = 0; i < hd; ++i) o[i] += weight * acc[i];
            }
            const float inverse = 1.0f / total;
            for (int64_t i = 0; i < hd; ++i) o[i] *= inverse;
        }
    };
    pool.parallelFor(0, tokens, [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) merge(t);
    });
}

}  // namespace qd
