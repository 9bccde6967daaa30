#pragma once
// Naive decoders for the kernel tests, written from the format descriptions element by element and
// in double precision, independently of engine/kernels (which decodes block by block in f32).
#include "formats/tensor_type.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace qd::testref {

inline uint16_t readU16(const uint8_t *p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }

inline double halfValue(uint16_t h) {
    const int sign = (h >> 15) ? -1 : 1;
    const int exponent = (h >> 10) & 31;
    const int mantissa = h & 1023;
    if (exponent == 31) return mantissa ? NAN : sign * INFINITY;
    if (exponent == 0) return sign * std::ldexp(mantissa, -24);
    return sign * std::ldexp(1024 + mantissa, exponent - 25);
}

inline double bf16Value(uint16_t h) {
    const uint32_t bits = static_cast<uint32_t>(h) << 16;
    float f;
    static_assert(sizeof f == sizeof bits);
    __builtin_memcpy(&f, &bits, 4);
    return f;
}

// Value i of a row stored as `type` at `row`.
inline double element(TensorType type, const uint8_t *row, int64_t i) {
    switch (type) {
    case TensorType::F32: {
        float f;
        __builtin_memcpy(&f, row + 4 * i, 4);
        return f;
    }
    case TensorType::F16: return halfValue(readU16(row + 2 * i));
    case TensorType::BF16: return bf16Value(readU16(row + 2 * i));
    case TensorType::Q8_0: {
        const uint8_t *block = row + (i / 32) * 34;
        return halfValue(readU16(block)) * static_cast<int8_t>(block[2 + i % 32]);
    }
    case TensorType::Q4_0: {
        const uint8_t *block = row + (i / 32) * 18;
        const int j = static_cast<int>(i % 32);
        const int byte = block[2 + j % 16];
        const int q = j < 16 ? (byte & 15) : (byte >> 4);
        return halfValue(readU16(block)) * (q - 8);
    }
    case TensorType::Q4_K: {
        const uint8_t *block = row + (i / 256) * 144;
        const int j = static_cast<int>(i % 256);
        const int sub = j / 32;  // sub-block 0..7
        const uint8_t *packed = block + 4;
        // 6-bit fields: sub-blocks 0-3 directly, 4-7 split into a low nibble and two high bits.
        const int scale = sub < 4 ? packed[sub] % 64 : packed[sub + 4] % 16 + (packed[sub - 4] / 64) * 16;
        const int min = sub < 4 ? packed[sub + 4] % 64 : packed[sub + 4] / 16 + (packed[sub] / 64) * 16;
        const int byte = block[16 + (sub / 2) * 32 + j % 32];
        const int q = sub % 2 == 0 ? byte % 16 : byte / 16;
        return halfValue(readU16(block)) * scale * q - halfValue(readU16(block + 2)) * min;
    }
    case TensorType::Q6_K: {
        const uint8_t *block = row + (i / 256) * 210;
        const int j = static_cast<int>(i % 256);
        const int half = j / 128, k = j % 128;
        const int quarter = k / 32, l = k % 32;
        const int lowByte = block[64 * half + l + (quarter % 2) * 32];
        const int low = quarter < 2 ? lowByte % 16 : lowByte / 16;
        const int high = (block[128 + 32 * half + l] >> (2 * quarter)) & 3;
        const int scale = static_cast<int8_t>(block[192 + 8 * half + 2 * quarter + l / 16]);
        return halfValue(readU16(block + 208)) * scale * (low + 16 * high - 32);
    }
    default: return NAN;
    }
}

inline std::vector<double> row(TensorType type, const uint8_t *data, int64_t n) {
    std::vector<double> out(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) out[static_cast<size_t>(i)] = element(type, data, i);
    return out;
}

}  // namespace qd::testref
