#pragma once
// Random weight rows for the kernel tests: random bytes in every quantized block, with the f16
// scale fields replaced by random finite values of moderate size so that products stay finite.
#include "formats/tensor_type.h"

#include <cstdint>
#include <random>
#include <vector>

namespace qd::testdata {

// A random finite f16 between about 2^-10 and 2^2 in magnitude, either sign.
inline uint16_t randomHalf(std::mt19937 &rng) {
    const uint32_t sign = rng() & 1;
    const uint32_t exponent = 5 + rng() % 12;
    const uint32_t mantissa = rng() % 1024;
    return static_cast<uint16_t>((sign << 15) | (exponent << 10) | mantissa);
}

inline void putHalf(uint8_t *p, uint16_t h) {
    p[0] = static_cast<uint8_t>(h & 0xFF);
    p[1] = static_cast<uint8_t>(h >> 8);
}

inline std::vector<uint8_t> randomRows(TensorType type, int64_t rows, int64_t cols, std::mt19937 &rng) {
    const auto &info = tensorTypeInfo(type);
    const int64_t blocks = rows * cols / info.blockElements;
    std::vector<uint8_t> data(static_cast<size_t>(blocks * info.blockBytes));
    for (auto &b : data) b = static_cast<uint8_t>(rng());
    for (int64_t b = 0; b < blocks; ++b) {
        uint8_t *block = data.data() + b * info.blockBytes;
        switch (type) {
        case TensorType::F32: {
            const float f = std::uniform_real_distribution<float>(-2.0f, 2.0f)(rng);
            __builtin_memcpy(block, &f, 4);
            break;
        }
        case TensorType::F16: putHalf(block, randomHalf(rng)); break;
        case TensorType::BF16: {
            const float f = std::uniform_real_distribution<float>(-2.0f, 2.0f)(rng);
            uint32_t bits;
            __builtin_memcpy(&bits, &f, 4);
            putHalf(block, static_cast<uint16_t>(bits >> 16));
            break;
        }
        case TensorType::Q8_0:
        case TensorType::Q4_0: putHalf(block, randomHalf(rng)); break;
        case TensorType::Q4_K:
            putHalf(block, randomHalf(rng));
            putHalf(block + 2, randomHalf(rng));
            break;
        case TensorType::Q6_K: putHalf(block + 208, randomHalf(rng)); break;
        default: break;
        }
    }
    return data;
}

inline std::vector<float> randomFloats(int64_t n, std::mt19937 &rng, float scale = 1.0f) {
    std::normal_distribution<float> dist(0.0f, scale);
    std::vector<float> v(static_cast<size_t>(n));
    for (auto &x : v) x = dist(rng);
    return v;
}

}  // namespace qd::testdata
