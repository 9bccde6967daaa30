#include "kernels/cpu_features.h"

#if defined(__x86_64__) && defined(__linux__)
#include <cpuid.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

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

namespace {

// AMX feature bits of CPUID leaf 7 (EDX), and whether the OS lets this process use the tiles.
constexpr unsigned kAmxBf16Bit = 22, kAmxTileBit = 24, kAmxInt8Bit = 25;

bool cpuAndOsOfferAmx(unsigned featureBit) {
#if defined(__x86_64__) && defined(__linux__)
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    if (!((edx >> featureBit) & 1) || !((edx >> kAmxTileBit) & 1)) return false;
    // XCR0 bits 17 and 18: the OS saves the tile configuration and the tile data.
    unsigned xcr0Low, xcr0High;
    __asm__("xgetbv" : "=a"(xcr0Low), "=d"(xcr0High) : "c"(0));
    if (((xcr0Low >> 17) & 3) != 3) return false;
    // Linux hands out the 8 KB of tile state only to processes that ask (ARCH_REQ_XCOMP_PERM for
    // XFEATURE_XTILEDATA); the permission covers every thread of the process, and asking again
    // is harmless.
    constexpr int kArchReqXcompPerm = 0x1023, kXfeatureXtiledata = 18;
    return syscall(SYS_arch_prctl, kArchReqXcompPerm, kXfeatureXtiledata) == 0;
#else
    (void)featureBit;
    return false;
#endif
}

}  // namespace

bool cpuHasAmxBf16() {
    static const bool has = cpuHasAvx512Bf16() && cpuAndOsOfferAmx(kAmxBf16Bit);
    return has;
}

bool cpuHasAmxInt8() {
    static const bool has = cpuHasAvx512Vnni() && cpuAndOsOfferAmx(kAmxInt8Bit);
    return has;
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
