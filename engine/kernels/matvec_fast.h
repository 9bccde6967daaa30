#pragma once
// The decode kernels of ActivationPrecision::Fast: weight rows times an input converted once to a
// reduced-precision form (quantize_activations.h), with integer or bf16 dot-product instructions.
// Each computes y[r] for r in [rowBegin, rowEnd); the caller has checked the CPU and the shape.
#include "kernels/quantize_activations.h"
#include "kernels/weight_view.h"

#include <cstdint>

namespace qd::detail {

// Q8_0, Q4_0 and Q4_K rows with AVX-512 VNNI: per block of 32, an exact int32 dot product of the
// weight integers with the 8-bit activations, scaled by both blocks' scales and summed in f32
// (for Q4_K also minus dmin * min times the activation block's sum).
void matvecRowsQ8Vnni512(const WeightView &w, const QuantizedActivations &x, float *y, int64_t rowBegin,
                         int64_t rowEnd);

// BF16 rows with AVX-512 BF16: products of bf16 weights and bf16-rounded activations, f32 sums.
void matvecRowsBf16Dot512(const WeightView &w, const uint16_t *x, float *y, int64_t rowBegin, int64_t rowEnd);

}  // namespace qd::detail
