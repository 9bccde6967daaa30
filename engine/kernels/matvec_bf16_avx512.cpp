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

// One row times T inputs (rows of x, xStride apart), each weight vector loaded once for all of
// them. Every input has its own two accumulators, fed in the same order whatever T is, so a
// token's result does not depend on the others in its batch; T independent chains also keep the
// dot-product unit busy where one input's two chains wait on its latency.
template <int T>
QD_BF16DOT void dotsBf16(const uint16_t *w, const uint16_t *x, int64_t xStride, int64_t n, float *y, int64_t yStride) {
    constexpr __mmask32 kAll = 0xFFFFFFFF;
    __m512 acc0[T], acc1[T];
#pragma GCC unroll 8
    for (int t = 0; t < T; ++t) acc0[t] = acc1[t] = _mm512_setzero_ps();
    int64_t i = 0;
    for (; i + 64 <= n; i += 64) {
        // 2 KB ahead, into the next row at the end of this one: the rows follow each other.
        _mm_prefetch(reinterpret_cast<const char *>(w + i) + 2048, _MM_HINT_T0);
        _mm_prefetch(reinterpret_cast<const char *>(w + i) + 2048 + 64, _MM_HINT_T0);
        const __m512i w0 = _mm512_loadu_si512(w + i), w1 = _mm512_loadu_si512(w + i + 32);
#pragma GCC unroll 8
        for (int t = 0; t < T; ++t) {
            const uint16_t *xt = x + t * xStride + i;
            acc0[t] = _mm512_dpbf16_ps(acc0[t], (__m512bh)w0, (__m512bh)_mm512_loadu_si512(xt));
            acc1[t] = _mm512_dpbf16_ps(acc1[t], (__m512bh)w1, (__m512bh)_mm512_loadu_si512(xt + 32));
        }
    }
    for (; i < n; i += 32) {
        const int64_t left = n - i;
        const __mmask32 mask = left >= 32 ? kAll : static_cast<__mmask32>((1u << left) - 1);
#pragma GCC unroll 8
        for (int t = 0; t < T; ++t) acc0[t] = dot32(acc0[t], w + i, x + t * xStride + i, mask);
    }
#pragma GCC unroll 8
    for (int t = 0; t < T; ++t) y[t * yStride] = _mm512_reduce_add_ps(_mm512_add_ps(acc0[t], acc1[t]));
}

// Inputs per pass over a row: two accumulators each, 16 of the 32 vector registers at 8.
constexpr int kTokensPerPass = 8;

}  // namespace

QD_BF16DOT void matvecRowsBf16Dot512(const WeightView &w, const uint16_t *x, int64_t tokens, float *y,
                                     int64_t rowBegin, int64_t rowEnd) {
    const auto *rows = reinterpret_cast<const uint16_t *>(w.data);
    // Every input over a row while it is in cache.
    forEachRowPass(rowBegin, rowEnd, tokens, kTokensPerPass, [&](int64_t r, int64_t t0, int64_t count) {
        const uint16_t *row = rows + r * w.cols, *xt = x + t0 * w.cols;
        float *out = y + t0 * w.rows + r;
        withTokenCount<kTokensPerPass>(count, [&](auto n) { dotsBf16<n.value>(row, xt, w.cols, w.cols, out, w.rows); });
    });
}

}  // namespace qd::detail
