// AVX-512 matrix-vector kernels: 16 lanes, each weight block decoded to f32 in registers (exactly,
// as dequantize.cpp defines it) and multiplied into per-row accumulators.
#include "kernels/block_formats.h"
#include "kernels/block_scales_avx512.h"
#include "kernels/half.h"
#include "kernels/matvec.h"
#include "kernels/row_streams.h"

// GCC 12's AVX-512 headers build "undefined" vectors from self-initialized locals, which trips
// -Wuninitialized / -Wmaybe-uninitialized once the intrinsics are inlined (GCC bug 105593); the
// warnings are spurious.
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#include <algorithm>

// Compiled for the baseline target; only these functions use AVX-512, and matmul calls them only
// after checking the CPU, so the rest of the program never contains instructions it can't run.
#define QD_AVX512 __attribute__((target("avx512f,avx2,fma,f16c")))

namespace qd::detail {

namespace {

QD_AVX512 inline float loadHalf(uint16_t h) { return _cvtsh_ss(h); }

struct LoadF32 {
    using Element = float;
    QD_AVX512 static __m512 lanes(const float *p) { return _mm512_loadu_ps(p); }
    static float one(float v) { return v; }
};

struct LoadF16 {
    using Element = uint16_t;
    QD_AVX512 static __m512 lanes(const uint16_t *p) {
        return _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(p)));
    }
    QD_AVX512 static float one(uint16_t h) { return loadHalf(h); }
};

struct LoadBf16 {
    using Element = uint16_t;
    QD_AVX512 static __m512 lanes(const uint16_t *p) {
        const __m512i wide = _mm512_cvtepu16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(p)));
        return _mm512_castsi512_ps(_mm512_slli_epi32(wide, 16));
    }
    static float one(uint16_t h) { return bf16ToF32(h); }
};

// Dot products of one row with T inputs (rows of x, xStride apart) for every float storage
// format: the loader turns stored values into f32 lanes once for all the inputs. Each input has
// its own two accumulators, fed in the same order whatever T is, so its result does not depend on
// the others in its batch (speculative verification must match decoding).
template <typename Load, int T>
QD_AVX512 void dots(const typename Load::Element *w, const float *x, int64_t xStride, int64_t n, float *y,
                    int64_t yStride) {
    __m512 acc0[T], acc1[T];
#pragma GCC unroll 8
    for (int t = 0; t < T; ++t) acc0[t] = acc1[t] = _mm512_setzero_ps();
    int64_t i = 0;
    for (; i + 32 <= n; i += 32) {
        // 2 KB ahead, into the next row at the end of this one (rows follow each other in memory),
        // as the quantized kernels do: F16 decode of the 1.5B shape went from 6.9 to 8.6 tok/s.
        const auto *ahead = reinterpret_cast<const char *>(w + i) + 2048;
        for (size_t offset = 0; offset < 32 * sizeof(*w); offset += 64) _mm_prefetch(ahead + offset, _MM_HINT_T0);
        const __m512 w0 = Load::lanes(w + i), w1 = Load::lanes(w + i + 16);
#pragma GCC unroll 8
        for (int t = 0; t < T; ++t) {
            acc0[t] = _mm512_fmadd_ps(w0, _mm512_loadu_ps(x + t * xStride + i), acc0[t]);
            acc1[t] = _mm512_fmadd_ps(w1, _mm512_loadu_ps(x + t * xStride + i + 16), acc1[t]);
        }
    }
    const int64_t vectorEnd = i + 16 <= n ? i + 16 : i;
    const __m512 wLast = vectorEnd > i ? Load::lanes(w + i) : _mm512_setzero_ps();
#pragma GCC unroll 8
    for (int t = 0; t < T; ++t) {
        const float *xt = x + t * xStride;
        if (vectorEnd > i) acc0[t] = _mm512_fmadd_ps(wLast, _mm512_loadu_ps(xt + i), acc0[t]);
        float sum = _mm512_reduce_add_ps(_mm512_add_ps(acc0[t], acc1[t]));
        for (int64_t j = vectorEnd; j < n; ++j) sum += Load::one(w[j]) * xt[j];
        y[t * yStride] = sum;
    }
}

template <typename Load>
QD_AVX512 float dot(const typename Load::Element *w, const float *x, int64_t n) {
    float y;
    dots<Load, 1>(w, x, 0, n, &y, 0);
    return y;
}

QD_AVX512 float dotQ8_0(const BlockQ8_0 *blocks, const float *x, int64_t nb) {
    alignas(64) float scales[16];
    __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
    for (int64_t g = 0; g < nb; g += 16) {
        blockScalesAvx512<sizeof(BlockQ8_0)>(reinterpret_cast<const uint8_t *>(blocks + g), nb - g, scales);
        const int64_t groupEnd = std::min(nb, g + 16);
        for (int64_t b = g; b < groupEnd; ++b) {
            const __m512 d = _mm512_set1_ps(scales[b - g]);
            const auto *q = reinterpret_cast<const __m128i *>(blocks[b].qs);
            const __m512 w0 = _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(q))), d);
            const __m512 w1 = _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(q + 1))), d);
            acc0 = _mm512_fmadd_ps(w0, _mm512_loadu_ps(x + 32 * b), acc0);
            acc1 = _mm512_fmadd_ps(w1, _mm512_loadu_ps(x + 32 * b + 16), acc1);
        }
    }
    return _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
}

QD_AVX512 float dotQ4_0(const BlockQ4_0 *blocks, const float *x, int64_t nb) {
    const __m512i low4 = _mm512_set1_epi32(0x0F);
    alignas(64) float scales[16], offsets[16];
    __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
    for (int64_t g = 0; g < nb; g += 16) {
        blockScalesAvx512<sizeof(BlockQ4_0)>(reinterpret_cast<const uint8_t *>(blocks + g), nb - g, scales);
        _mm512_store_ps(offsets, _mm512_mul_ps(_mm512_load_ps(scales), _mm512_set1_ps(8.0f)));
        const int64_t groupEnd = std::min(nb, g + 16);
        for (int64_t b = g; b < groupEnd; ++b) {
            // d * (q - 8) as q * d - 8d: both products are exact, so the fused form rounds nowhere.
            const __m512 d = _mm512_set1_ps(scales[b - g]), offset = _mm512_set1_ps(offsets[b - g]);
            const __m512i bytes =
                _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(blocks[b].qs)));
            const __m512 lo = _mm512_cvtepi32_ps(_mm512_and_si512(bytes, low4));
            const __m512 hi = _mm512_cvtepi32_ps(_mm512_srli_epi32(bytes, 4));
            acc0 = _mm512_fmadd_ps(_mm512_fmsub_ps(lo, d, offset), _mm512_loadu_ps(x + 32 * b), acc0);
            acc1 = _mm512_fmadd_ps(_mm512_fmsub_ps(hi, d, offset), _mm512_loadu_ps(x + 32 * b + 16), acc1);
        }
    }
    return _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
}

QD_AVX512 float dotQ4_K(const BlockQ4_K *blocks, const float *x, int64_t nb) {
    const __m512i low4 = _mm512_set1_epi32(0x0F);
    __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        const BlockQ4_K &blk = blocks[b];
        const float d = loadHalf(blk.d), dmin = loadHalf(blk.dmin);
        const float *xb = x + 256 * b;
        for (int c = 0; c < 4; ++c) {
            int sc0, m0, sc1, m1;
            q4kScaleMin(blk.scales, 2 * c, sc0, m0);
            q4kScaleMin(blk.scales, 2 * c + 1, sc1, m1);
            const __m512 dLo = _mm512_set1_ps(d * static_cast<float>(sc0));
            const __m512 minLo = _mm512_set1_ps(dmin * static_cast<float>(m0));
            const __m512 dHi = _mm512_set1_ps(d * static_cast<float>(sc1));
            const __m512 minHi = _mm512_set1_ps(dmin * static_cast<float>(m1));
            for (int h = 0; h < 2; ++h) {
                const __m512i bytes =
                    _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(blk.qs + 32 * c + 16 * h)));
                // d*scale*q is exact, so the fused multiply-subtract rounds exactly where the
                // scalar decode does.
                const __m512 wLo = _mm512_fmsub_ps(_mm512_cvtepi32_ps(_mm512_and_si512(bytes, low4)), dLo, minLo);
                const __m512 wHi = _mm512_fmsub_ps(_mm512_cvtepi32_ps(_mm512_srli_epi32(bytes, 4)), dHi, minHi);
                acc0 = _mm512_fmadd_ps(wLo, _mm512_loadu_ps(xb + 64 * c + 16 * h), acc0);
                acc1 = _mm512_fmadd_ps(wHi, _mm512_loadu_ps(xb + 64 * c + 32 + 16 * h), acc1);
            }
        }
    }
    return _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
}

QD_AVX512 float dotQ6_K(const BlockQ6_K *blocks, const float *x, int64_t nb) {
    const __m512i low4 = _mm512_set1_epi8(0x0F);
    const __m512i low2 = _mm512_set1_epi8(3);
    // qh is broadcast to both 256-bit halves; shifting the halves by different amounts lines its
    // bit pairs up with ql's bytes: bytes 0-31 of ql are elements 0-31 of a half, bytes 32-63
    // elements 32-63 (low nibbles) or 64-95 / 96-127 (high nibbles).
    const __m512i shiftLowNibbles = _mm512_set_epi64(2, 2, 2, 2, 0, 0, 0, 0);
    const __m512i shiftHighNibbles = _mm512_set_epi64(6, 6, 6, 6, 4, 4, 4, 4);
    alignas(64) uint8_t q[128];
    // The 16 sub-block factors d*scale and 32*d*scale, computed together and then broadcast from
    // memory (a broadcast from a register would compete with the byte widening for one port).
    alignas(64) float ds[16], ds32[16];
    __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        const BlockQ6_K &blk = blocks[b];
        const __m512 scales = _mm512_mul_ps(
            _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(blk.scales)))),
            _mm512_set1_ps(loadHalf(blk.d)));
        _mm512_store_ps(ds, scales);
        _mm512_store_ps(ds32, _mm512_mul_ps(scales, _mm512_set1_ps(32.0f)));
        for (int half = 0; half < 2; ++half) {
            const __m512i ql = _mm512_loadu_si512(blk.ql + 64 * half);
            const __m512i qh = _mm512_broadcast_i64x4(_mm256_loadu_si256(reinterpret_cast<const __m256i *>(blk.qh + 32 * half)));
            // The 64-bit shifts move bits across byte boundaries; the masks drop them again.
            const __m512i hiA = _mm512_and_si512(_mm512_srlv_epi64(qh, shiftLowNibbles), low2);
            const __m512i hiB = _mm512_and_si512(_mm512_srlv_epi64(qh, shiftHighNibbles), low2);
            _mm512_store_si512(q, _mm512_or_si512(_mm512_and_si512(ql, low4), _mm512_slli_epi64(hiA, 4)));
            _mm512_store_si512(q + 64, _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi64(ql, 4), low4),
                                                       _mm512_slli_epi64(hiB, 4)));
            const float *xh = x + 256 * b + 128 * half;
            for (int k = 0; k < 8; ++k) {
                // d*scale*(q - 32) as q * ds - 32 ds: with q < 64, |scale| <= 128 and an 11-bit
                // d, q * ds has at most 24 significant bits, so the fused form is exact.
                const __m512 qf = _mm512_cvtepi32_ps(_mm512_cvtepu8_epi32(_mm_load_si128(reinterpret_cast<const __m128i *>(q + 16 * k))));
                const __m512 w = _mm512_fmsub_ps(qf, _mm512_set1_ps(ds[8 * half + k]), _mm512_set1_ps(ds32[8 * half + k]));
                if (k % 2 == 0)
                    acc0 = _mm512_fmadd_ps(w, _mm512_loadu_ps(xh + 16 * k), acc0);
                else
                    acc1 = _mm512_fmadd_ps(w, _mm512_loadu_ps(xh + 16 * k), acc1);
            }
        }
    }
    return _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
}

}  // namespace

QD_AVX512 void matvecRowsAvx512(const WeightView &w, const float *x, float *y, int64_t rowBegin, int64_t rowEnd) {
    const int64_t stride = static_cast<int64_t>(*rowBytes(w.type, static_cast<uint64_t>(w.cols)));
    const int64_t n = w.cols;
    const RowStreams order(rowBegin, rowEnd);
    for (int64_t visit = 0; visit < order.visits(); ++visit) {
        const int64_t r = order.row(visit);
        if (r == rowEnd) continue;
        const uint8_t *row = w.data + r * stride;
        switch (w.type) {
        case TensorType::F32: y[r] = dot<LoadF32>(reinterpret_cast<const float *>(row), x, n); break;
        case TensorType::F16: y[r] = dot<LoadF16>(reinterpret_cast<const uint16_t *>(row), x, n); break;
        case TensorType::BF16: y[r] = dot<LoadBf16>(reinterpret_cast<const uint16_t *>(row), x, n); break;
        case TensorType::Q8_0: y[r] = dotQ8_0(reinterpret_cast<const BlockQ8_0 *>(row), x, n / 32); break;
        case TensorType::Q4_0: y[r] = dotQ4_0(reinterpret_cast<const BlockQ4_0 *>(row), x, n / 32); break;
        case TensorType::Q4_K: y[r] = dotQ4_K(reinterpret_cast<const BlockQ4_K *>(row), x, n / 256); break;
        case TensorType::Q6_K: y[r] = dotQ6_K(reinterpret_cast<const BlockQ6_K *>(row), x, n / 256); break;
        default: break;  // matmul validated the type
        }
    }
}

namespace {

// Inputs per pass over a row: two accumulators each, 16 of the 32 vector registers at 8.
constexpr int kFloatTokensPerPass = 8;

template <typename Load>
QD_AVX512 void floatRowsTimesInputs(const WeightView &w, const float *x, int64_t tokens, float *y, int64_t rowBegin,
                                    int64_t rowEnd) {
    const auto *rows = reinterpret_cast<const typename Load::Element *>(w.data);
    forEachRowPass(rowBegin, rowEnd, tokens, kFloatTokensPerPass, [&](int64_t r, int64_t t0, int64_t count) {
        const auto *row = rows + r * w.cols;
        const float *xt = x + t0 * w.cols;
        float *out = y + t0 * w.rows + r;
        withTokenCount<kFloatTokensPerPass>(count, [&](auto n) { dots<Load, n.value>(row, xt, w.cols, w.cols, out, w.rows); });
    });
}

}  // namespace

QD_AVX512 void matvecFloatRowsAvx512(const WeightView &w, const float *x, int64_t tokens, float *y, int64_t rowBegin,
                                     int64_t rowEnd) {
    switch (w.type) {
    case TensorType::F32: return floatRowsTimesInputs<LoadF32>(w, x, tokens, y, rowBegin, rowEnd);
    case TensorType::F16: return floatRowsTimesInputs<LoadF16>(w, x, tokens, y, rowBegin, rowEnd);
    case TensorType::BF16: return floatRowsTimesInputs<LoadBf16>(w, x, tokens, y, rowBegin, rowEnd);
    default: break;  // matmul only sends float types
    }
}

}  // namespace qd::detail
