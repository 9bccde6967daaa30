#pragma once
// The matrix product the transformer's linear layers use: activations (f32) times a stored weight
// matrix, transposed.
#include "kernels/cpu_features.h"
#include "kernels/weight_view.h"

#include <cstdint>
#include <span>

namespace qd {

class ThreadPool;

// How products treat the activations.
enum class ActivationPrecision {
    // f32 activations, weights decoded exactly, f32 sums: the portable reference.
    Exact,
    // Q8_0, Q4_0, Q4_K and Q6_K weights multiply activations quantized to 8 bits per block of 32 (Q8_0
    // rule) with integer dot products; BF16 weights multiply activations rounded to bf16 with bf16
    // dot products. At the Avx512 level where the CPU has AVX-512 VNNI / BF16 (Q8_0 and Q4_0
    // matrices in row groups, row_groups.h, through their own kernel, matvec_row_groups.h); at the
    // Avx2 level for Q8_0 and Q4_0; every other case computes as Exact. Prompts (more than kMaxDecodeBatch
    // tokens) on CPUs with AMX-BF16 multiply weights and activations rounded to bf16 in AMX tiles
    // (gemm_amx.h), any weight type; elsewhere prompts compute as Exact.
    Fast,
};

// How a product is computed; the defaults are the exact-f32 behaviour.
struct MatmulOptions {
    // Instruction set of the decode kernels; tests force each one. Must be supported by the CPU.
    SimdLevel simd = bestSimdLevel();
    ActivationPrecision activations = ActivationPrecision::Exact;
    // Whether ActivationPrecision::Fast may use AMX tiles where the CPU has them (prompts; batches
    // of row-group matrices). Tests turn it off to reach the kernels of CPUs without them.
    bool amx = true;
};

// y[t * w.rows + r] = sum_c x[t * w.cols + c] * W[r][c] for t in [0, tokens), r in [0, w.rows).
// Weights are dequantized exactly; products and sums are f32 (except for ActivationPrecision::Fast).
// x is `tokens` rows of w.cols values, y `tokens` rows of w.rows values; they must not overlap.
// Up to kMaxDecodeBatch tokens (decode_batch.h) each token is a matrix-vector product with the
// weights decoded in registers, bit for bit what that token alone gives, rows split across the
// pool (row-group matrices under ActivationPrecision::Fast: AVX-512 VNNI, or AMX int8 tiles for
// several tokens, matvec_row_groups.h); more tokens go to AMX tiles (ActivationPrecision::Fast, where the CPU has them) or
// dequantize tiles of weight rows and multiply them with OpenBLAS sgemm, tiles split across the
// pool (OpenBLAS itself is set to one thread; see matmul.cpp).
// Throws qd::Error for an unsupported weight type, a row length that is not a whole number of
// blocks, a negative size, or a SIMD level the CPU lacks.
void matmul(const WeightView &w, const float *x, int64_t tokens, float *y, ThreadPool &pool,
            const MatmulOptions &options = {});

// One matrix of a matmulSameInput: y receives tokens rows of w.rows values.
struct MatmulTarget {
    WeightView w;
    float *y;
};

// matmul(t.w, x, tokens, t.y) for every target, all reading the same x (Q, K and V of a layer; its
// gate and up projections), with the same results. Where the VNNI decode kernel takes every
// target, x is quantized once and the pool makes one pass over all their rows (fewer, larger
// parallel sections per decode step); otherwise the targets run one after another.
void matmulSameInput(std::span<const MatmulTarget> targets, const float *x, int64_t tokens, ThreadPool &pool,
                     const MatmulOptions &options = {});

}  // namespace qd
