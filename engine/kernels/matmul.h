#pragma once
// The matrix product the transformer's linear layers use: activations (f32) times a stored weight
// matrix, transposed.
#include "kernels/cpu_features.h"
#include "kernels/weight_view.h"

#include <cstdint>

namespace qd {

class ThreadPool;

// How a product is computed. New modes (for example 8-bit activations for integer dot-product
// kernels) are added as fields whose defaults keep the current exact-f32 behaviour.
struct MatmulOptions {
    // Instruction set of the decode kernels; tests force each one. Must be supported by the CPU.
    SimdLevel simd = bestSimdLevel();
};

// y[t * w.rows + r] = sum_c x[t * w.cols + c] * W[r][c] for t in [0, tokens), r in [0, w.rows).
// Weights are dequantized exactly; products and sums are f32. x is `tokens` rows of w.cols values,
// y `tokens` rows of w.rows values; they must not overlap.
// One token is a matrix-vector product with the weights decoded in registers, rows split across
// the pool; more tokens dequantize tiles of weight rows and multiply them with OpenBLAS sgemm, tiles
// split across the pool (OpenBLAS itself is set to one thread; see matmul.cpp).
// Throws qd::Error for an unsupported weight type, a row length that is not a whole number of
// blocks, a negative size, or a SIMD level the CPU lacks.
void matmul(const WeightView &w, const float *x, int64_t tokens, float *y, ThreadPool &pool,
            const MatmulOptions &options = {});

}  // namespace qd
