#include "kernels/gemm_amx.h"

#include "kernels/amx_tile_config.h"
#include "kernels/cpu_features.h"
#include "kernels/dequantize_simd.h"
#include "kernels/half.h"
#include "kernels/row_groups.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__) && defined(__linux__)
// GCC 12's AVX-512 headers trip spurious -Wuninitialized warnings (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#define QD_HAVE_AMX 1
#endif

namespace qd {

#if QD_HAVE_AMX

namespace {

// Tile registers (the intrinsics take literal numbers): 0-3 accumulate C[i][j] = weight rows
// 16i..16i+15 times token block j (0: i0 j0, 1: i0 j1, 2: i1 j0, 3: i1 j1), 4 and 5 hold the two
// weight tiles, 6 and 7 the two activation tiles.

// The tile configuration every call uses: 8 tiles of 16 rows x 64 bytes.
__attribute__((target("amx-tile"))) void loadTileConfig() {
    detail::AmxTileConfig config;
    for (int t = 0; t < 8; ++t) config.bytesPerRow[t] = 64, config.rows[t] = 16;
    _tile_loadconfig(&config);
}

// kAmxTileRows * 2 weight rows rounded to bf16, back to back (rows past the matrix are zero).
// row0 is a multiple of kRowGroupRows, so a panel is two whole row groups: each is unpacked once
// (unpacking row by row read every line of a group 16 times and cost 4x the dequantization).
__attribute__((target("avx512f,avx512bw,avx512bf16"))) void weightPanel(const WeightView &w, int64_t row0,
                                                                         int64_t rowEnd, uint16_t *panel,
                                                                         std::vector<float> &rowBuffer,
                                                                         std::vector<uint8_t> &groupScratch) {
    static_assert(2 * detail::kAmxTileRows % kRowGroupRows == 0);
    const uint64_t stride = *rowBytes(w.type, static_cast<uint64_t>(w.cols));
    rowBuffer.resize(static_cast<size_t>(w.cols));
    WeightView group;
    for (int64_t i = 0; i < 2 * detail::kAmxTileRows; ++i) {
        uint16_t *out = panel + i * w.cols;
        if (row0 + i >= rowEnd) {
            std::memset(out, 0, static_cast<size_t>(w.cols) * 2);
            continue;
        }
        if (i % kRowGroupRows == 0) group = rowGroupInRowsLayout(w, (row0 + i) / kRowGroupRows, groupScratch);
        detail::dequantizeRowAvx512(w.type, group.data + stride * static_cast<uint64_t>(i % kRowGroupRows),
                                    rowBuffer.data(), w.cols);
        for (int64_t c = 0; c < w.cols; c += 16) {
            const __m256bh half = _mm512_cvtneps_pbh(_mm512_loadu_ps(rowBuffer.data() + c));
            // A vector cast reinterprets the bits.
            _mm256_storeu_si256(reinterpret_cast<__m256i *>(out + c), (__m256i)half);
        }
    }
}

}  // namespace

namespace detail {

int64_t packedActivationsSize(int64_t tokens, int64_t cols) { return (tokens + 31) / 32 * 32 * cols; }

void packActivationsAmx(const float *x, int64_t cols, int64_t tokenBegin, int64_t tokenEnd, uint16_t *packed) {
    const int64_t runs = cols / kAmxTileDepth;
    for (int64_t t = tokenBegin; t < tokenEnd; ++t) {
        const float *row = x + t * cols;
        uint16_t *block = packed + (t / 16) * runs * 512 + (t % 16) * 2;
        for (int64_t c = 0; c < cols; c += 2) {
            // Run c / 32, pair (c % 32) / 2 of this token's 16-token block.
            uint16_t *pair = block + (c / 32) * 512 + ((c % 32) / 2) * 32;
            pair[0] = f32ToBf16(row[c]);
            pair[1] = f32ToBf16(row[c + 1]);
        }
    }
}

__attribute__((target("amx-tile,amx-bf16,avx512f,avx512bw,avx512bf16"))) void gemmRowsAmx(
    const WeightView &w, const uint16_t *packed, int64_t tokens, float *y, int64_t rowBegin, int64_t rowEnd) {
    thread_local std::vector<uint16_t> panel;
    thread_local std::vector<float> rowBuffer;
    thread_local std::vector<uint8_t> groupScratch;
    loadTileConfig();
    const int64_t runs = w.cols / kAmxTileDepth, blockPairs = (tokens + 31) / 32;
    const int64_t panelStride = w.cols * 2;  // bytes between panel rows
    panel.resize(static_cast<size_t>(2 * kAmxTileRows * w.cols));
    alignas(64) float out[4][16][16];
    for (int64_t r0 = rowBegin; r0 < rowEnd; r0 += 2 * kAmxTileRows) {
        weightPanel(w, r0, rowEnd, panel.data(), rowBuffer, groupScratch);
        const uint16_t *w0 = panel.data(), *w1 = panel.data() + kAmxTileRows * w.cols;
        for (int64_t bp = 0; bp < blockPairs; ++bp) {
            const uint16_t *x0 = packed + (2 * bp) * runs * 512, *x1 = x0 + runs * 512;
            _tile_zero(0);
            _tile_zero(1);
            _tile_zero(2);
            _tile_zero(3);
            for (int64_t run = 0; run < runs; ++run) {
                _tile_loadd(4, w0 + run * kAmxTileDepth, panelStride);
                _tile_loadd(5, w1 + run * kAmxTileDepth, panelStride);
                _tile_loadd(6, x0 + run * 512, 64);
                _tile_loadd(7, x1 + run * 512, 64);
                _tile_dpbf16ps(0, 4, 6);
                _tile_dpbf16ps(1, 4, 7);
                _tile_dpbf16ps(2, 5, 6);
                _tile_dpbf16ps(3, 5, 7);
            }
            _tile_stored(0, out[0], 64);
            _tile_stored(1, out[1], 64);
            _tile_stored(2, out[2], 64);
            _tile_stored(3, out[3], 64);
            // out[2i + j][n][t]: weight row r0 + 16i + n, token 32bp + 16j + t; y is [token][row].
            for (int i = 0; i < 2; ++i)
                for (int j = 0; j < 2; ++j)
                    for (int64_t t = 0; t < 16; ++t) {
                        const int64_t token = 32 * bp + 16 * j + t;
                        if (token >= tokens) break;
                        const int64_t first = r0 + 16 * i, count = std::min<int64_t>(16, rowEnd - first);
                        for (int64_t n = 0; n < count; ++n) y[token * w.rows + first + n] = out[2 * i + j][n][t];
                    }
        }
    }
    _tile_release();
}

}  // namespace detail

#else

namespace detail {

int64_t packedActivationsSize(int64_t, int64_t) { return 0; }
void packActivationsAmx(const float *, int64_t, int64_t, int64_t, uint16_t *) {}
void gemmRowsAmx(const WeightView &, const uint16_t *, int64_t, float *, int64_t, int64_t) {}

}  // namespace detail

#endif

}  // namespace qd
