// AVX-512 BF16 kernel: bf16 weight rows times bf16-rounded activations with the dot-product
// instruction, which multiplies pairs of bf16 values and adds them into f32 lanes.
#include "kernels/matvec_fast.h"
#include "kernels/row_streams.h"

// GCC 12's AVX-512 headers trip spurious -Wuninitialized warnings (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#include <algorithm>

// Only these functions use AVX-512 BF16; matmul calls them after checking the CPU.
#define QD_BF16DOT __attribute__((target("avx512f,avx512bw,avx512bf16,avx2,fma,f16c")))

namespace qd::detail {

namespace {

QD_BF16DOT inline __m512 dot32(__m512 acc, const uint16_t *w, const uint16_t *x, __mmask32 mask) {
    // A vector cast reinterprets the bits; std::bit_cast would be a baseline-target function
    // returning a 512-bit vector.
    return _mm512_dpbf16_ps(acc, (__m512bh)_mm512_maskz_loadu_epi16(mask, w), (__m512bh)_mm512_maskz_loadu_epi16(mask, x));
}

QD_BF16DOT float dotBf16(const uint16_t *w, const uint16_t *x, int64_t n) {
    constexpr __mmask32 kAll = 0xFFFFFFFF;
    __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
    int64_t i = 0;
    for (; i + 64 <= n; i += 64) {
        // 2 KB ahead, into the next row at the end of this one: the rows follow each other.
        _mm_prefetch(reinterpret_cast<const char *>(w + i) + 2048, _MM_HINT_T0);
        _mm_prefetch(reinterpret_cast<const char *>(w + i) + 2048 + 64, _MM_HINT_T0);
        acc0 = dot32(acc0, w + i, x + i, kAll);
        acc1 = dot32(acc1, w + i + 32, x + i + 32, kAll);
    }
    for (; i < n; i += 32) {
        const int64_t left = n - i;
        acc0 = dot32(acc0, w + i, x + i, left >= 32 ? kAll : static_cast<__mmask32>((1u << left) - 1));
    }
    return _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
}

}  // namespace

QD_BF16DOT void matvecRowsBf16Dot512(const WeightView &w, const uint16_t *x, int64_t tokens, float *y,
                                     int64_t rowBegin, int64_t rowEnd) {
    const auto *rows = reinterpret_cast<const uint16_t *>(w.data);
    // Every input over a row while it is in cache.
    const RowStreams order(rowBegin, rowEnd);
    for (int64_t visit = 0; visit < order.visits(); ++visit) {
        const int64_t r = order.row(visit);
        if (r == rowEnd) continue;
        for (int64_t t = 0; t < tokens; ++t) y[t * w.rows + r] = dotBf16(rows + r * w.cols, x + t * w.cols, w.cols);
    }
}

}  // namespace qd::detail
