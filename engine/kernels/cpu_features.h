#pragma once
// Which SIMD instruction sets the running CPU offers. The engine is built for the baseline x86-64
// target; the AVX2 and AVX-512 kernels are compiled for their own targets and chosen at run time.
#include <string_view>

namespace qd {

enum class SimdLevel {
    Scalar,  // portable C++
    Avx2,    // AVX2 + FMA + F16C
    Avx512,  // AVX-512 F + F16C
};

// The fastest level this CPU (and OS) supports; detected once.
SimdLevel bestSimdLevel();
bool simdLevelSupported(SimdLevel level);
std::string_view simdLevelName(SimdLevel level);

// Extensions the fast decode kernels (ActivationPrecision::Fast) need on top of Avx512: 8-bit
// integer dot products (AVX-512 VNNI with BW, DQ and VL) and bf16 dot products (AVX-512 BF16).
bool cpuHasAvx512Vnni();
bool cpuHasAvx512Bf16();

// Intel AMX (Advanced Matrix Extensions) tiles with bf16 (and AVX-512 BF16) or int8 (and AVX-512
// VNNI) products, where the OS lets this process use the tile registers (on Linux a process must
// ask for them once; the answer is cached).
bool cpuHasAmxBf16();
bool cpuHasAmxInt8();

}  // namespace qd
