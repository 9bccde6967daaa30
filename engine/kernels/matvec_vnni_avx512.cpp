// AVX-512 VNNI kernels for Q8_0, Q4_0 and Q4_K rows times 8-bit activations. One 512-bit dot-product
// instruction multiplies two weight blocks (64 values) with their activations into 16 int32 lanes,
// 8 per block, which are exact; each block's lanes are then scaled by d_weight * d_activation.
#include "kernels/block_formats.h"
#include "kernels/block_scales_avx512.h"
#include "kernels/matvec_fast.h"
#include "kernels/row_streams.h"

// GCC 12's AVX-512 headers trip spurious -Wuninitialized warnings (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#include <algorithm>
#include <cstring>
#include <type_traits>

// Only these functions use AVX-512 BW/DQ/VL/VNNI; matmul calls them after checking the CPU.
#define QD_VNNI __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,avx512vnni,avx2,fma,f16c")))

namespace qd::detail {

namespace {

// Asks for the cache lines of the block group 2 KB ahead of `group` (possibly in the next row,
// which follows in memory). Without it each row's first gather waited for memory and decode read
// the weights at about 60% of the rate a plain streaming reader gets (0.5, 1, 2 and 4 KB tried).
template <typename Block>
QD_VNNI inline void prefetchAhead(const Block *group) {
    constexpr int kAheadBytes = 2048;
    const auto *p = reinterpret_cast<const char *>(group) + kAheadBytes;
    for (int offset = 0; offset < static_cast<int>(16 * sizeof(Block)); offset += 64)
        _mm_prefetch(p + offset, _MM_HINT_T0);
}

// Lanes 0-7 scaled by s[0], lanes 8-15 by s[1] (or 0 when the pair has only its first block):
// the two blocks of one dot-product instruction.
QD_VNNI inline __m512 pairScale(const float *s, bool both) {
    const __m512 first = _mm512_set1_ps(s[0]);
    return both ? _mm512_insertf32x8(first, _mm256_set1_ps(s[1]), 1) : _mm512_insertf32x8(first, _mm256_setzero_ps(), 1);
}

QD_VNNI inline __mmask64 pairBytes(bool both) { return both ? ~__mmask64{0} : __mmask64{0xFFFFFFFF}; }

// Weight bytes of two Q8_0 blocks (or one and zeros): vpdpbusd takes unsigned bytes on one side,
// so the kernel multiplies |w| with x carrying w's sign.
struct PairQ8_0 {
    __m512i magnitude;
    __mmask64 negative;
};

QD_VNNI inline PairQ8_0 loadPairQ8_0(const BlockQ8_0 *b, bool both) {
    const __m256i w0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(b[0].qs));
    const __m256i w1 = both ? _mm256_loadu_si256(reinterpret_cast<const __m256i *>(b[1].qs)) : _mm256_setzero_si256();
    const __m512i w = _mm512_inserti64x4(_mm512_castsi256_si512(w0), w1, 1);
    return {_mm512_abs_epi8(w), _mm512_movepi8_mask(w)};
}

// The nibbles of two Q4_0 blocks (or one and zeros) as bytes 0..15 in element order: qs is
// spread to [qs0, qs0, qs1, qs1] in 128-bit lanes, then lanes 0 and 2 keep their low nibbles and
// lanes 1 and 3 their high ones.
QD_VNNI inline __m512i loadPairQ4_0(const BlockQ4_0 *b, bool both) {
    const __m128i q0 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(b[0].qs));
    const __m128i q1 = both ? _mm_loadu_si128(reinterpret_cast<const __m128i *>(b[1].qs)) : _mm_setzero_si128();
    const __m512i pair = _mm512_castsi256_si512(_mm256_inserti128_si256(_mm256_castsi128_si256(q0), q1, 1));
    const __m512i spread = _mm512_permutexvar_epi64(_mm512_set_epi64(3, 2, 3, 2, 1, 0, 1, 0), pair);
    constexpr long long kBy4 = 0x0004000400040004;  // a shift count for each 16-bit element
    return _mm512_and_si512(_mm512_srlv_epi16(spread, _mm512_set_epi64(kBy4, kBy4, 0, 0, kBy4, kBy4, 0, 0)),
                            _mm512_set1_epi8(0x0F));
}

// One row of Q8_0 or Q4_0 blocks times T inputs: each pair of weight blocks is decoded once and
// multiplied with every input, so several tokens cost little more memory traffic than one.
// The lane scales of input t for the pair at block b: ws (the weight scales) times the input's,
// or ws alone when T == 1, where they were multiplied in per group.
template <int T>
QD_VNNI inline __m512 inputPairScale(__m512 ws, const float *laneScales, int64_t b) {
    if constexpr (T == 1) return ws;
    return _mm512_mul_ps(ws, _mm512_loadu_ps(laneScales + 8 * b));
}

template <typename Block, int T>
QD_VNNI void rowTimesInputs(const Block *blocks, const QuantizedActivations *const *x, int64_t nb, float *y,
                            int64_t yStride) {
    alignas(64) float scales[16];
    __m512 acc[T];
    const int8_t *xq[T];
    const int32_t *bias[T];
    const float *laneScales[T];
#pragma GCC unroll 8
    for (int t = 0; t < T; ++t) {
        acc[t] = _mm512_setzero_ps();
        xq[t] = x[t]->q.data(), bias[t] = x[t]->nibbleBias.data(), laneScales[t] = x[t]->laneScales.data();
    }
    for (int64_t g = 0; g < nb; g += 16) {
        const int64_t count = std::min<int64_t>(16, nb - g);
        prefetchAhead(blocks + g);
        blockScalesAvx512<sizeof(Block)>(reinterpret_cast<const uint8_t *>(blocks + g), count, scales);
        // With one input the group's weight and activation scales are multiplied together once.
        if constexpr (T == 1)
            _mm512_store_ps(scales, _mm512_mul_ps(_mm512_load_ps(scales),
                                                  _mm512_maskz_loadu_ps(static_cast<__mmask16>((1u << count) - 1),
                                                                        x[0]->d.data() + g)));
        for (int64_t i = 0; i < count; i += 2) {
            const int64_t b = g + i;
            const bool both = i + 1 < count;
            const __m512 ws = pairScale(scales + i, both);
            if constexpr (sizeof(Block) == sizeof(BlockQ8_0)) {
                const PairQ8_0 w = loadPairQ8_0(blocks + b, both);
#pragma GCC unroll 8
                for (int t = 0; t < T; ++t) {
                    const __m512i xt = _mm512_maskz_loadu_epi8(pairBytes(both), xq[t] + 32 * b);
                    const __m512i xSigned = _mm512_mask_sub_epi8(xt, w.negative, _mm512_setzero_si512(), xt);
                    const __m512i dot = _mm512_dpbusd_epi32(_mm512_setzero_si512(), w.magnitude, xSigned);
                    acc[t] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot), inputPairScale<T>(ws, laneScales[t], b),
                                             acc[t]);
                }
            } else {
                const __m512i nibbles = loadPairQ4_0(blocks + b, both);
#pragma GCC unroll 8
                for (int t = 0; t < T; ++t) {
                    const __m512i xt = _mm512_maskz_loadu_epi8(pairBytes(both), xq[t] + 32 * b);
                    // Starting each lane at -8 * (sum of its 4 activations) makes it end at
                    // sum((nibble - 8) * x).
                    const __m512i start = _mm512_maskz_loadu_epi32(both ? 0xFFFF : 0x00FF, bias[t] + 8 * b);
                    const __m512i dot = _mm512_dpbusd_epi32(start, nibbles, xt);
                    acc[t] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot), inputPairScale<T>(ws, laneScales[t], b),
                                             acc[t]);
                }
            }
        }
    }
#pragma GCC unroll 8
    for (int t = 0; t < T; ++t) y[t * yStride] = _mm512_reduce_add_ps(acc[t]);
}

// A Q4_K block's 32 bytes qs[32c..32c+31] hold sub-block 2c in the low nibbles and 2c+1 in the
// high ones: [low, high] is 64 values in element order, matching the activations directly.
// One row times T inputs: each block's scales and nibbles are unpacked once for all of them (the
// unpacking, not memory, bounds this kernel, so one input at a time T inputs cost T times one),
// and each input's sums run through the same f32 operations as when it is alone.
template <int T>
QD_VNNI void dotQ4_K(const BlockQ4_K *blocks, const QuantizedActivations *const *x, int64_t nb, float *y,
                     int64_t yStride) {
    const __m512i low4 = _mm512_set1_epi8(0x0F);
    const __m512i highHalfByNibble = _mm512_inserti64x4(_mm512_setzero_si512(), _mm256_set1_epi16(4), 1);
    __m512 acc0[T], acc1[T];
    __m256 minimums[T];
    // Lanes 0-7 take sub-block scale 2c, lanes 8-15 scale 2c + 1 (the two sub-blocks of one
    // dot-product instruction), picked from the block's 8 scales in a register.
    __m512i pairOf[4];
    for (int c = 0; c < 4; ++c)
        pairOf[c] = _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_set1_epi32(2 * c)), _mm256_set1_epi32(2 * c + 1), 1);
#pragma GCC unroll 8
    for (int t = 0; t < T; ++t) acc0[t] = acc1[t] = _mm512_setzero_ps(), minimums[t] = _mm256_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        const BlockQ4_K &blk = blocks[b];
        _mm_prefetch(reinterpret_cast<const char *>(blocks + b) + 2048, _MM_HINT_T0);
        _mm_prefetch(reinterpret_cast<const char *>(blocks + b) + 2048 + 64, _MM_HINT_T0);
        _mm_prefetch(reinterpret_cast<const char *>(blocks + b) + 2048 + 128, _MM_HINT_T0);
        // The 8 scales and 8 mins (q4kScaleMin) unpacked four at a time in 32-bit words, since
        // one at a time the unpacking, not memory, bounded this kernel.
        uint32_t packed[3];
        std::memcpy(packed, blk.scales, sizeof packed);
        const uint32_t low6 = 0x3F3F3F3F, low4x4 = 0x0F0F0F0F, low2x4 = 0x03030303;
        const uint32_t scaleLo = packed[0] & low6, minLo = packed[1] & low6;
        const uint32_t scaleHi = (packed[2] & low4x4) | (((packed[0] >> 6) & low2x4) << 4);
        const uint32_t minHi = ((packed[2] >> 4) & low4x4) | (((packed[1] >> 6) & low2x4) << 4);
        const __m256 scale8 = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_set_epi32(0, 0, static_cast<int>(scaleHi), static_cast<int>(scaleLo))));
        const __m256 min8 = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_set_epi32(0, 0, static_cast<int>(minHi), static_cast<int>(minLo))));
        const __m256 weightScales = _mm256_mul_ps(scale8, _mm256_set1_ps(_cvtsh_ss(blk.d)));
        const __m256 weightMins = _mm256_mul_ps(min8, _mm256_set1_ps(_cvtsh_ss(blk.dmin)));
        // The 32 bytes in both halves (a broadcast load), the high half shifted down by a nibble.
        __m512i w[4];
        for (int c = 0; c < 4; ++c) {
            const auto *qs = reinterpret_cast<const __m256i *>(blk.qs + 32 * c);
            const __m512i bytes = _mm512_broadcast_i64x4(_mm256_loadu_si256(qs));
            w[c] = _mm512_and_si512(_mm512_srlv_epi16(bytes, highHalfByNibble), low4);
        }
#pragma GCC unroll 8
        for (int t = 0; t < T; ++t) {
            const QuantizedActivations &xt = *x[t];
            const __m256 dx = _mm256_loadu_ps(xt.d.data() + 8 * b);
            const __m512 scales = _mm512_castps256_ps512(_mm256_mul_ps(weightScales, dx));
            const __m256 sums = _mm256_cvtepi32_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(xt.blockSum.data() + 8 * b)));
            minimums[t] = _mm256_fmadd_ps(weightMins, _mm256_mul_ps(dx, sums), minimums[t]);
            const int8_t *xb = xt.q.data() + 256 * b;
            for (int c = 0; c < 4; ++c) {
                const __m512i dot = _mm512_dpbusd_epi32(_mm512_setzero_si512(), w[c], _mm512_loadu_si512(xb + 64 * c));
                const __m512 pairScales = _mm512_permutexvar_ps(pairOf[c], scales);
                if (c % 2 == 0)
                    acc0[t] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot), pairScales, acc0[t]);
                else
                    acc1[t] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot), pairScales, acc1[t]);
            }
        }
    }
#pragma GCC unroll 8
    for (int t = 0; t < T; ++t)
        y[t * yStride] = _mm512_reduce_add_ps(_mm512_add_ps(acc0[t], acc1[t])) -
                         _mm512_reduce_add_ps(_mm512_zextps256_ps512(minimums[t]));
}

// A Q6_K block is two halves of 128 values; in each, byte i of ql[0..63] holds the low 4 bits of
// element i (low nibble, i < 64) and element i + 64 (high nibble), and bit pairs of qh[0..31] the
// top 2 bits (shift 0, 2, 4, 6 for elements i, i + 32, i + 64, i + 96). Each group of 16 values
// has its own signed 8-bit scale; value = d * scale * (q - 32).
// Unsigned 6-bit values of one half in element order: [0, 64) in `first`, [64, 128) in `second`.
QD_VNNI inline void unpackQ6_KHalf(const BlockQ6_K &blk, int half, __m512i &first, __m512i &second) {
    const __m512i low4 = _mm512_set1_epi8(0x0F), low2 = _mm512_set1_epi8(3);
    const __m512i ql = _mm512_loadu_si512(blk.ql + 64 * half);
    // qh in both 256-bit halves, shifted by a different amount in each (the masks drop the bits
    // that the 64-bit shifts move across bytes).
    const __m512i qh = _mm512_broadcast_i64x4(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(blk.qh + 32 * half)));
    const __m512i topFirst = _mm512_and_si512(_mm512_srlv_epi64(qh, _mm512_set_epi64(2, 2, 2, 2, 0, 0, 0, 0)), low2);
    const __m512i topSecond = _mm512_and_si512(_mm512_srlv_epi64(qh, _mm512_set_epi64(6, 6, 6, 6, 4, 4, 4, 4)), low2);
    first = _mm512_or_si512(_mm512_and_si512(ql, low4), _mm512_slli_epi64(topFirst, 4));
    second = _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi64(ql, 4), low4), _mm512_slli_epi64(topSecond, 4));
}

// Q6_K row times T inputs of 8-bit activations, each block unpacked once for all of them (as for
// Q4_K). Each 64 values are one dot-product instruction whose lane l (4 values) lies in group
// 4c + l / 4 of the block and in activation block 2c + l / 8; the lanes start at -32 times the
// sum of their activations (4x the Q4_0 bias), so they end at sum((q - 32) * x).
template <int T>
QD_VNNI void dotQ6_K(const BlockQ6_K *blocks, const QuantizedActivations *const *x, int64_t nb, float *y,
                     int64_t yStride) {
    const __m512i groupOfLane = _mm512_set_epi32(3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0);
    __m512 acc0[T], acc1[T];
#pragma GCC unroll 8
    for (int t = 0; t < T; ++t) acc0[t] = acc1[t] = _mm512_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        const BlockQ6_K &blk = blocks[b];
        const auto *ahead = reinterpret_cast<const char *>(blocks + b) + 2048;
        for (int offset = 0; offset < static_cast<int>(sizeof(BlockQ6_K)); offset += 64) _mm_prefetch(ahead + offset, _MM_HINT_T0);
        const __m512 groupScales = _mm512_mul_ps(
            _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(blk.scales)))),
            _mm512_set1_ps(_cvtsh_ss(blk.d)));
        for (int half = 0; half < 2; ++half) {
            __m512i values[2];
            unpackQ6_KHalf(blk, half, values[0], values[1]);
            for (int k = 0; k < 2; ++k) {
                const int c = 2 * half + k;
                const int64_t e = 256 * b + 64 * c;  // first element of these 64
                const __m512 weightScale = _mm512_permutexvar_ps(_mm512_add_epi32(groupOfLane, _mm512_set1_epi32(4 * c)), groupScales);
#pragma GCC unroll 8
                for (int t = 0; t < T; ++t) {
                    const QuantizedActivations &xt = *x[t];
                    const __m512i start = _mm512_slli_epi32(_mm512_loadu_si512(xt.nibbleBias.data() + e / 4), 2);
                    const __m512i dot = _mm512_dpbusd_epi32(start, values[k], _mm512_loadu_si512(xt.q.data() + e));
                    const __m512 laneScale = _mm512_mul_ps(weightScale, _mm512_loadu_ps(xt.laneScales.data() + e / 4));
                    if (k == 0)
                        acc0[t] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot), laneScale, acc0[t]);
                    else
                        acc1[t] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot), laneScale, acc1[t]);
                }
            }
        }
    }
#pragma GCC unroll 8
    for (int t = 0; t < T; ++t) y[t * yStride] = _mm512_reduce_add_ps(_mm512_add_ps(acc0[t], acc1[t]));
}

// One row of any of the four block types times T inputs.
template <typename Block, int T>
QD_VNNI inline void rowDots(const Block *row, const QuantizedActivations *const *x, int64_t nb, float *y,
                            int64_t yStride) {
    if constexpr (std::is_same_v<Block, BlockQ4_K>)
        dotQ4_K<T>(row, x, nb, y, yStride);
    else if constexpr (std::is_same_v<Block, BlockQ6_K>)
        dotQ6_K<T>(row, x, nb, y, yStride);
    else
        rowTimesInputs<Block, T>(row, x, nb, y, yStride);
}

// Inputs per pass over a row: their accumulators stay in registers beside the block's weights.
constexpr int kTokensPerPass = 8;

// Rows [rowBegin, rowEnd): every input over a row while it is in cache, kTokensPerPass or fewer
// at a time.
template <typename Block>
QD_VNNI void rowsTimesInputs(const WeightView &w, const QuantizedActivations *const *x, int64_t tokens, float *y,
                             int64_t rowBegin, int64_t rowEnd) {
    const int64_t stride = static_cast<int64_t>(*rowBytes(w.type, static_cast<uint64_t>(w.cols)));
    const int64_t nb = w.cols / tensorTypeInfo(w.type).blockElements;
    forEachRowPass(rowBegin, rowEnd, tokens, kTokensPerPass, [&](int64_t r, int64_t t0, int64_t count) {
        const auto *row = reinterpret_cast<const Block *>(w.data + r * stride);
        float *out = y + t0 * w.rows + r;
        withTokenCount<kTokensPerPass>(count, [&](auto n) { rowDots<Block, n.value>(row, x + t0, nb, out, w.rows); });
    });
}

}  // namespace

QD_VNNI void matvecRowsQ8Vnni512(const WeightView &w, const QuantizedActivations *const *x, int64_t tokens, float *y,
                                 int64_t rowBegin, int64_t rowEnd) {
    if (w.type == TensorType::Q4_0) return rowsTimesInputs<BlockQ4_0>(w, x, tokens, y, rowBegin, rowEnd);
    if (w.type == TensorType::Q8_0) return rowsTimesInputs<BlockQ8_0>(w, x, tokens, y, rowBegin, rowEnd);
    if (w.type == TensorType::Q4_K) return rowsTimesInputs<BlockQ4_K>(w, x, tokens, y, rowBegin, rowEnd);
    rowsTimesInputs<BlockQ6_K>(w, x, tokens, y, rowBegin, rowEnd);
}

}  // namespace qd::detail
