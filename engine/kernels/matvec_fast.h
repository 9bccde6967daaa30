#pragma once
// The decode kernels of ActivationPrecision::Fast: weight rows times an input converted once to a
// reduced-precision form (quantize_activations.h), with integer or bf16 dot-product instructions.
// Each computes y[r] for r in [rowBegin, rowEnd); the caller has checked the CPU and the shape.
#include "kernels/quantize_activations.h"
#include "kernels/weight_view.h"

#include <cstdint>

namespace qd::detail {

// Q8_0, Q4_0, Q4_K and Q6_K rows with AVX-512 VNNI: per block of 32, an exact int32 dot product of the
// weight integers with the 8-bit activations, scaled by both blocks' scales and summed in f32
// (Q4_K and Q6_K scale per sub-block; Q4_K also subtracts dmin * min times the activation sum). x holds `tokens` inputs; y
// is `tokens` rows of w.rows outputs. Q8_0 and Q4_0 decode each weight block once for up to 8
// inputs.
void matvecRowsQ8Vnni512(const WeightView &w, const QuantizedActivations *const *x, int64_t tokens, float *y,
                         int64_t rowBegin, int64_t rowEnd);

// Q8_0 and Q4_0 rows with AVX2 (vpmaddubsw), one input: y[r] for r in [rowBegin, rowEnd).
void matvecRowsQ8Avx2(const WeightView &w, const QuantizedActivations &x, float *y, int64_t rowBegin, int64_t rowEnd);

// BF16 rows with AVX-512 BF16: products of bf16 weights and bf16-rounded activations, f32 sums.
// x holds `tokens` inputs of w.cols values; y is `tokens` rows of w.rows outputs.
void matvecRowsBf16Dot512(const WeightView &w, const uint16_t *x, int64_t tokens, float *y, int64_t rowBegin,
                          int64_t rowEnd);

}  // namespace qd::detail
