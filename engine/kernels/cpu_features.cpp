#include "kernels/cpu_features.h"

namespace qd {

bool simdLevelSupported(SimdLevel level) {
    switch (level) {
    case SimdLevel::Scalar:
        return true;
#if defined(__x86_64__)
    // __builtin_cpu_supports also checks that the OS saves the wide registers (XGETBV).
    case SimdLevel::Avx2:
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
    case SimdLevel::Avx512:
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("f16c");
#else
    case SimdLevel::Avx2:
    case SimdLevel::Avx512:
        return false;
#endif
    }
    return false;
}

SimdLevel bestSimdLevel() {
    static const SimdLevel best = simdLevelSupported(SimdLevel::Avx512) ? SimdLevel::Avx512
                                  : simdLevelSupported(SimdLevel::Avx2) ? SimdLevel::Avx2
                                                                        : SimdLevel::Scalar;
    return best;
}

bool cpuHasAvx512Vnni() {
#if defined(__x86_64__)
    static const bool has = simdLevelSupported(SimdLevel::Avx512) && __builtin_cpu_supports("avx512bw") &&
                            __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl") &&
                            __builtin_cpu_supports("avx512vnni");
    return has;
#else
    return false;
#endif
}

bool cpuHasAvx512Bf16() {
#if defined(__x86_64__)
    static const bool has = simdLevelSupported(SimdLevel::Avx512) && __builtin_cpu_supports("avx512bw") &&
                            __builtin_cpu_supports("avx512bf16");
    return has;
#else
    return false;
#endif
}

std::string_view simdLevelName(SimdLevel level) {
    switch (level) {
    case SimdLevel::Scalar: return "scalar";
    case SimdLevel::Avx2: return "avx2";
    case SimdLevel::Avx512: return "avx512";
    }
    return "unknown";
}

}  // namespace qd
