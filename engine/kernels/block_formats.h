#pragma once
// The quantized block layouts of GGUF, byte for byte as ggml stores them. A row of a quantized
// tensor is a plain array of these blocks. All f16 fields are IEEE binary16 bit patterns.
#include <cstddef>
#include <cstdint>

namespace qd {

// 32 values: value[i] = d * qs[i].
struct BlockQ8_0 {
    uint16_t d;
    int8_t qs[32];
};
static_assert(sizeof(BlockQ8_0) == 34);

// 32 values: value[i] = d * (nibble[i] - 8); qs[j] holds element j in its low nibble and element
// j + 16 in its high nibble.
struct BlockQ4_0 {
    uint16_t d;
    uint8_t qs[16];
};
static_assert(sizeof(BlockQ4_0) == 18);

// 256 values in 8 sub-blocks of 32, each with a 6-bit scale and a 6-bit min:
// value = d * scale[s] * nibble - dmin * min[s]. Sub-blocks 2c and 2c+1 share the 32 bytes
// qs[32c .. 32c+31]: sub-block 2c in the low nibbles, 2c+1 in the high nibbles.
struct BlockQ4_K {
    uint16_t d;
    uint16_t dmin;
    uint8_t scales[12];  // 8 scales and 8 mins of 6 bits, packed; see q4kScaleMin
    uint8_t qs[128];
};
static_assert(sizeof(BlockQ4_K) == 144);

// 256 values in 16 sub-blocks of 16 with signed 8-bit scales: value = d * scales[s] * (q - 32),
// q a 6-bit value whose low 4 bits are in ql and high 2 bits in qh. Each half of 128 values
// uses 64 bytes of ql and 32 of qh: for l in 0..31, ql[l] holds elements l (low nibble) and
// l + 64 (high nibble), ql[l + 32] holds l + 32 and l + 96, and qh[l] holds the high bits of
// l, l + 32, l + 64, l + 96 in bit pairs 0-1, 2-3, 4-5, 6-7. Sub-block s covers elements 16s..16s+15.
struct BlockQ6_K {
    uint8_t ql[128];
    uint8_t qh[64];
    int8_t scales[16];
    uint16_t d;
};
static_assert(sizeof(BlockQ6_K) == 210);

// Scale and min of Q4_K sub-block j (0..7): the first four keep their 6 bits in the low bits of
// bytes 0-3 (scales) and 4-7 (mins); the last four keep their low 4 bits in the nibbles of
// bytes 8-11 and their top 2 bits in the spare top bits of bytes 0-7.
inline void q4kScaleMin(const uint8_t *packed, int j, int &scale, int &min) {
    if (j < 4) {
        scale = packed[j] & 63;
        min = packed[j + 4] & 63;
    } else {
        scale = (packed[j + 4] & 0x0F) | ((packed[j - 4] >> 6) << 4);
        min = (packed[j + 4] >> 4) | ((packed[j] >> 6) << 4);
    }
}

}  // namespace qd
