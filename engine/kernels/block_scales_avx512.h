#pragma once
// The f16 scales of Q8_0 / Q4_0 blocks for the AVX-512 decode kernels (exact and VNNI).
#include <cstdint>

// GCC 12's AVX-512 headers trip spurious -Wuninitialized warnings (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

namespace qd::detail {

// The f16 scales of up to 16 consecutive blocks of kBlockBytes (each at the start of its block),
// converted to f32 together; lanes past `count` are 0. A gather and one conversion cost less than
// 16 scalar conversions plus broadcasts from registers, which all compete with the byte widening
// for the same port. AVX-512 F only, so both kernel files' targets can inline it.
template <int kBlockBytes>
__attribute__((target("avx512f,avx2,fma,f16c"))) inline void blockScalesAvx512(const uint8_t *first, int64_t count,
                                                                                float *out) {
    const __m512i offsets = _mm512_mullo_epi32(
        _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0), _mm512_set1_epi32(kBlockBytes));
    const auto mask = static_cast<__mmask16>(count >= 16 ? 0xFFFF : (1u << count) - 1);
    // Each lane reads 4 bytes: the scale and the two bytes after it, inside the block.
    const __m512i raw = _mm512_mask_i32gather_epi32(_mm512_setzero_si512(), mask, offsets, first, 1);
    _mm512_store_ps(out, _mm512_cvtph_ps(_mm512_cvtepi32_epi16(raw)));
}

}  // namespace qd::detail
