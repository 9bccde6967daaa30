#include "kernels/dequantize.h"

#include "kernels/block_formats.h"
#include "kernels/half.h"
#include "util/error.h"

#include <cstring>
#include <string>

namespace qd {

void checkRowShape(TensorType type, int64_t n, const char *what) {
    const auto &info = tensorTypeInfo(type);
    switch (type) {
    case TensorType::F32:
    case TensorType::F16:
    case TensorType::BF16:
    case TensorType::Q8_0:
    case TensorType::Q4_0:
    case TensorType::Q4_K:
    case TensorType::Q6_K:
        break;
    default:
        throw Error(std::string(what) + ": tensor type " + std::string(info.name) +
                    " is not supported by the compute kernels");
    }
    if (n < 0 || n % info.blockElements != 0)
        throw Error(std::string(what) + ": a row of " + std::to_string(n) + " values is not a whole number of " +
                    std::string(info.name) + " blocks of " + std::to_string(info.blockElements));
}

namespace {

void dequantizeQ8_0(const BlockQ8_0 *blocks, float *dst, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const float d = f16ToF32(blocks[b].d);
        for (int i = 0; i < 32; ++i) dst[b * 32 + i] = d * static_cast<float>(blocks[b].qs[i]);
    }
}

void dequantizeQ4_0(const BlockQ4_0 *blocks, float *dst, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const float d = f16ToF32(blocks[b].d);
        float *out = dst + b * 32;
        for (int j = 0; j < 16; ++j) {
            out[j] = d * static_cast<float>((blocks[b].qs[j] & 0x0F) - 8);
            out[j + 16] = d * static_cast<float>((blocks[b].qs[j] >> 4) - 8);
        }
    }
}

void dequantizeQ4_K(const BlockQ4_K *blocks, float *dst, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const BlockQ4_K &blk = blocks[b];
        const float d = f16ToF32(blk.d);
        const float dmin = f16ToF32(blk.dmin);
        float *out = dst + b * 256;
        for (int c = 0; c < 4; ++c) {
            int sc0, m0, sc1, m1;
            q4kScaleMin(blk.scales, 2 * c, sc0, m0);
            q4kScaleMin(blk.scales, 2 * c + 1, sc1, m1);
            // d * scale and dmin * min are exact in f32 (11-bit by 6-bit products), and so is
            // their product with a nibble, so only the final subtraction rounds.
            const float dLo = d * static_cast<float>(sc0), minLo = dmin * static_cast<float>(m0);
            const float dHi = d * static_cast<float>(sc1), minHi = dmin * static_cast<float>(m1);
            const uint8_t *q = blk.qs + 32 * c;
            for (int l = 0; l < 32; ++l) {
                out[64 * c + l] = dLo * static_cast<float>(q[l] & 0x0F) - minLo;
                out[64 * c + 32 + l] = dHi * static_cast<float>(q[l] >> 4) - minHi;
            }
        }
    }
}

void dequantizeQ6_K(const BlockQ6_K *blocks, float *dst, int64_t nb) {
    for (int64_t b = 0; b < nb; ++b) {
        const BlockQ6_K &blk = blocks[b];
        const float d = f16ToF32(blk.d);
        for (int half = 0; half < 2; ++half) {
            const uint8_t *ql = blk.ql + 64 * half;
            const uint8_t *qh = blk.qh + 32 * half;
            const int8_t *sc = blk.scales + 8 * half;
            float *out = dst + b * 256 + 128 * half;
            for (int l = 0; l < 32; ++l) {
                const int s = l / 16;
                const int q0 = ((ql[l] & 0x0F) | (((qh[l] >> 0) & 3) << 4)) - 32;
                const int q1 = ((ql[l + 32] & 0x0F) | (((qh[l] >> 2) & 3) << 4)) - 32;
                const int q2 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
                const int q3 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
                // |d| < 2^16 with 11 significant bits, |scale| <= 128, |q| <= 32: every product
                // fits in 24 bits, so it is exact in f32.
                out[l] = d * static_cast<float>(sc[s]) * static_cast<float>(q0);
                out[l + 32] = d * static_cast<float>(sc[s + 2]) * static_cast<float>(q1);
                out[l + 64] = d * static_cast<float>(sc[s + 4]) * static_cast<float>(q2);
                out[l + 96] = d * static_cast<float>(sc[s + 6]) * static_cast<float>(q3);
            }
        }
    }
}

}  // namespace

void dequantizeRow(TensorType type, const uint8_t *src, float *dst, int64_t n) {
    checkRowShape(type, n, "dequantizeRow");
    switch (type) {
    case TensorType::F32:
        std::memcpy(dst, src, static_cast<size_t>(n) * sizeof(float));
        return;
    case TensorType::F16:
        for (int64_t i = 0; i < n; ++i) {
            uint16_t h;
            std::memcpy(&h, src + 2 * i, 2);
            dst[i] = f16ToF32(h);
        }
        return;
    case TensorType::BF16:
        for (int64_t i = 0; i < n; ++i) {
            uint16_t h;
            std::memcpy(&h, src + 2 * i, 2);
            dst[i] = bf16ToF32(h);
        }
        return;
    case TensorType::Q8_0:
        dequantizeQ8_0(reinterpret_cast<const BlockQ8_0 *>(src), dst, n / 32);
        return;
    case TensorType::Q4_0:
        dequantizeQ4_0(reinterpret_cast<const BlockQ4_0 *>(src), dst, n / 32);
        return;
    case TensorType::Q4_K:
        dequantizeQ4_K(reinterpret_cast<const BlockQ4_K *>(src), dst, n / 256);
        return;
    case TensorType::Q6_K:
        dequantizeQ6_K(reinterpret_cast<const BlockQ6_K *>(src), dst, n / 256);
        return;
    default:
        return;  // checkRowShape rejected every other type
    }
}

}  // namespace qd
