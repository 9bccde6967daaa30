#include "kernels/quantize.h"

#include "kernels/block_formats.h"
#include "kernels/dequantize.h"
#include "kernels/half.h"
#include "util/error.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace qd {

namespace {

void quantizeQ8_0(const float *src, BlockQ8_0 *blocks, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const float *x = src + b * 32;
        float amax = 0.0f;
        for (int i = 0; i < 32; ++i) amax = std::max(amax, std::fabs(x[i]));
        const float d = amax / 127.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        blocks[b].d = f32ToF16(d);
        for (int i = 0; i < 32; ++i) blocks[b].qs[i] = static_cast<int8_t>(std::round(x[i] * id));
    }
}

void quantizeQ4_0(const float *src, BlockQ4_0 *blocks, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const float *x = src + b * 32;
        // The signed value of largest magnitude (the first one on a tie) maps to q = 0, so the
        // block's full 16 levels reach it on its own side.
        float amax = 0.0f, extreme = 0.0f;
        for (int i = 0; i < 32; ++i) {
            if (std::fabs(x[i]) > amax) {
                amax = std::fabs(x[i]);
                extreme = x[i];
            }
        }
        const float d = extreme / -8.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        blocks[b].d = f32ToF16(d);
        for (int j = 0; j < 16; ++j) {
            // x * id lies in [-8, 8], so the truncation is of a value in [0.5, 16.5].
            const int lo = std::min(15, static_cast<int>(x[j] * id + 8.5f));
            const int hi = std::min(15, static_cast<int>(x[j + 16] * id + 8.5f));
            blocks[b].qs[j] = static_cast<uint8_t>(lo | (hi << 4));
        }
    }
}

}  // namespace

void quantizeRow(TensorType target, const float *src, uint8_t *dst, int64_t n) {
    checkRowShape(target, n, "quantizeRow");
    switch (target) {
    case TensorType::F32:
        std::memcpy(dst, src, static_cast<size_t>(n) * sizeof(float));
        return;
    case TensorType::F16:
        for (int64_t i = 0; i < n; ++i) {
            const uint16_t h = f32ToF16(src[i]);
            std::memcpy(dst + 2 * i, &h, 2);
        }
        return;
    case TensorType::BF16:
        for (int64_t i = 0; i < n; ++i) {
            const uint16_t h = f32ToBf16(src[i]);
            std::memcpy(dst + 2 * i, &h, 2);
        }
        return;
    case TensorType::Q8_0:
        quantizeQ8_0(src, reinterpret_cast<BlockQ8_0 *>(dst), n / 32);
        return;
    case TensorType::Q4_0:
        quantizeQ4_0(src, reinterpret_cast<BlockQ4_0 *>(dst), n / 32);
        return;
    default:
        throw Error("quantizeRow: quantizing to " + std::string(tensorTypeName(target)) + " is not supported");
    }
}

}  // namespace qd
