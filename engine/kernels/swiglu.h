#pragma once
// The gate of Qwen2.5's MLP: gate[i] = silu(gate[i]) * up[i], with silu(x) = x / (1 + e^-x).
#include "kernels/cpu_features.h"

#include <cstdint>

namespace qd {

class ThreadPool;

// Over n values, split across the pool: a prompt batch has 8,960 per token and layer, and one
// thread's scalar expf loop held the other core idle (Q4_0 512-token prompt: 208-218 -> 232-240
// tok/s). `simd` picks the kernel (tests force each one); it must be supported by the CPU.
void swiglu(float *gate, const float *up, int64_t n, ThreadPool &pool, SimdLevel simd = bestSimdLevel());

}  // namespace qd
