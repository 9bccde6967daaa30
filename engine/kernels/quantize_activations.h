#pragma once
// A matmul input in the reduced-precision forms the fast decode kernels multiply with: 8-bit
// integers per block of 32 (the Q8_0 rule) for the integer dot-product kernels, or bfloat16 for
// the BF16 dot-product kernel. Converted once per input vector and shared by every weight row.
#include <cstdint>
#include <vector>

namespace qd {

struct QuantizedActivations {
    // Per block of 32 values: scale d = amax / 127 and q = round(x / d), so value ~ d * q with
    // |q| <= 127 (never -128, so negating q, as the signed-weight kernels do, cannot overflow).
    std::vector<int8_t> q;
    std::vector<float> d;
    // -8 times the sum of each group of 4 q values: the starting value of a 4-byte dot-product lane
    // that multiplies unsigned Q4_0 nibbles (0..15) with q, so the lane ends at sum((nibble - 8) * q).
    std::vector<int32_t> nibbleBias;
    // Sum of each block's q: what Q4_K's per-sub-block minimum multiplies.
    std::vector<int32_t> blockSum;
    // Each block's d repeated 8 times (padded with zeros to a whole number of block pairs): the
    // scales of the 16 int32 lanes of a two-block dot product, loaded rather than assembled.
    std::vector<float> laneScales;
};

// n must be a multiple of 32.
void quantizeActivationsQ8(const float *x, int64_t n, QuantizedActivations &out);

// Rounds n values to bfloat16 (nearest, ties to even).
void roundActivationsBf16(const float *x, int64_t n, std::vector<uint16_t> &out);

}  // namespace qd
