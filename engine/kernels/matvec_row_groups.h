#pragma once
// The decode kernels of ActivationPrecision::Fast for row-group matrices (row_groups.h): Q4_0 and
// Q8_0 weights times activations quantized to 8 bits per block of 32.
//
// Every output is sum over blocks b, in order, of float(i_b) * (d_w * d_x) accumulated with one
// fused multiply-add per block, where i_b is the exact int32 dot product of the block's weight and
// activation integers. Both kernels below compute exactly that sequence of f32 operations, so a
// token's outputs are bit for bit the same whichever kernel, and however many other tokens, it
// goes through: the AMX kernel verifies drafted tokens with the decode kernel's results.
#include "kernels/quantize_activations.h"
#include "kernels/weight_view.h"

#include <cstdint>

namespace qd {

// True when the CPU has AMX-INT8 and AVX-512 VNNI and the OS lets this process use the tile
// registers.
bool cpuHasAmxInt8();

namespace detail {

// Groups [groupBegin, groupEnd) of w times `tokens` inputs with AVX-512 VNNI: y is `tokens` rows
// of w.rows outputs. The caller has checked cpuHasAvx512Vnni() and the layout.
void matvecRowGroupsVnni512(const WeightView &w, const QuantizedActivations *const *x, int64_t tokens, float *y,
                            int64_t groupBegin, int64_t groupEnd);

// The same products for 1 to kMaxDecodeBatch tokens with AMX int8 tiles: packedQ holds the
// tokens' 8-bit activations back to back (tokens rows of w.cols bytes, the q of x). The caller has
// checked cpuHasAmxInt8().
void matvecRowGroupsAmx(const WeightView &w, const QuantizedActivations *const *x, const int8_t *packedQ,
                        int64_t tokens, float *y, int64_t groupBegin, int64_t groupEnd);

}  // namespace detail

}  // namespace qd
