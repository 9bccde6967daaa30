// AVX2 kernels for Q8_0 and Q4_0 rows times 8-bit activations, for CPUs without AVX-512 VNNI:
// per block, vpmaddubsw multiplies unsigned weight bytes with signed activation bytes into 16-bit
// pair sums (at most 2 * 128 * 127, so they never saturate), vpmaddwd adds those into 8 exact
// int32 lanes, which are scaled by d_weight * d_activation and summed in f32.
#include "kernels/block_formats.h"
#include "kernels/matvec_fast.h"
#include "kernels/row_streams.h"

// GCC 12's AVX headers trip spurious -Wuninitialized warnings (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

// Only these functions use AVX2/FMA/F16C; matmul calls them after checking the CPU.
#define QD_AVX2 __attribute__((target("avx2,fma,f16c")))

namespace qd::detail {

namespace {

QD_AVX2 inline float horizontalSum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

// 32 unsigned bytes times 32 signed bytes, summed in groups of 4 into 8 int32 lanes.
QD_AVX2 inline __m256i dot4(__m256i unsignedBytes, __m256i signedBytes) {
    return _mm256_madd_epi16(_mm256_maddubs_epi16(unsignedBytes, signedBytes), _mm256_set1_epi16(1));
}

QD_AVX2 float dotQ8_0(const BlockQ8_0 *blocks, const QuantizedActivations &x, int64_t nb) {
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        _mm_prefetch(reinterpret_cast<const char *>(blocks + b) + 1024, _MM_HINT_T0);
        const __m256i w = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(blocks[b].qs));
        const __m256i xq = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(x.q.data() + 32 * b));
        // |w| times x with w's sign moved onto x (x is never -128).
        const __m256i dot = dot4(_mm256_abs_epi8(w), _mm256_sign_epi8(xq, w));
        const __m256 scale = _mm256_set1_ps(_cvtsh_ss(blocks[b].d) * x.d[static_cast<size_t>(b)]);
        if (b % 2 == 0)
            acc0 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot), scale, acc0);
        else
            acc1 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot), scale, acc1);
    }
    return horizontalSum(_mm256_add_ps(acc0, acc1));
}

QD_AVX2 float dotQ4_0(const BlockQ4_0 *blocks, const QuantizedActivations &x, int64_t nb) {
    const __m256i low4 = _mm256_set1_epi8(0x0F);
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        _mm_prefetch(reinterpret_cast<const char *>(blocks + b) + 1024, _MM_HINT_T0);
        const __m128i qs = _mm_loadu_si128(reinterpret_cast<const __m128i *>(blocks[b].qs));
        // Low nibbles are elements 0-15, high nibbles 16-31.
        const __m256i nibbles = _mm256_and_si256(_mm256_set_m128i(_mm_srli_epi16(qs, 4), qs), low4);
        const __m256i xq = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(x.q.data() + 32 * b));
        // Adding -8 * (sum of each lane's 4 activations) turns nibble * x into (nibble - 8) * x.
        const __m256i bias = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(x.nibbleBias.data() + 8 * b));
        const __m256i dot = _mm256_add_epi32(dot4(nibbles, xq), bias);
        const __m256 scale = _mm256_set1_ps(_cvtsh_ss(blocks[b].d) * x.d[static_cast<size_t>(b)]);
        if (b % 2 == 0)
            acc0 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot), scale, acc0);
        else
            acc1 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot), scale, acc1);
    }
    return horizontalSum(_mm256_add_ps(acc0, acc1));
}

}  // namespace

QD_AVX2 void matvecRowsQ8Avx2(const WeightView &w, const QuantizedActivations &x, float *y, int64_t rowBegin,
                              int64_t rowEnd) {
    const int64_t stride = static_cast<int64_t>(*rowBytes(w.type, static_cast<uint64_t>(w.cols)));
    const int64_t nb = w.cols / 32;
    const RowStreams order(rowBegin, rowEnd);
    for (int64_t visit = 0; visit < order.visits(); ++visit) {
        const int64_t r = order.row(visit);
        if (r == rowEnd) continue;
        const uint8_t *row = w.data + r * stride;
        y[r] = w.type == TensorType::Q4_0 ? dotQ4_0(reinterpret_cast<const BlockQ4_0 *>(row), x, nb)
                                          : dotQ8_0(reinterpret_cast<const BlockQ8_0 *>(row), x, nb);
    }
}

}  // namespace qd::detail
