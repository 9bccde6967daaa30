// AVX-512 VNNI and AMX int8 kernels for Q4_0 and Q8_0 matrices in row groups (row_groups.h). In
// both, lane r of a 512-bit vector is row r of the group, so a block of 16 rows ends as one vector
// of 16 exact int32 dot products, scaled and summed with the same f32 operations
// (accumulateBlock) whichever kernel produced them.
#include "kernels/amx_tile_config.h"
#include "kernels/decode_batch.h"
#include "kernels/matvec_row_groups.h"
#include "kernels/row_groups.h"
#include "kernels/row_streams.h"

#include <algorithm>

#if defined(__x86_64__)
// GCC 12's AVX-512 headers trip spurious -Wuninitialized warnings (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#define QD_VNNI __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,avx512vnni,avx2,fma,f16c")))
#define QD_AMX_INT8 \
    __attribute__((target("amx-tile,amx-int8,avx512f,avx512bw,avx512dq,avx512vl,avx512vnni,avx2,fma,f16c")))

namespace qd::detail {

namespace {

// The weight vectors of one block of a group (row_groups.h) as unsigned bytes, in the order of
// the block's values: vector j holds values 4j..4j+3 of every row.
template <TensorType kType>
struct BlockVectors {
    static constexpr int kCount = 8;
    __m512i v[kCount];
};

// What the stored unsigned weights carry on top of the signed value: the dot product of u = w +
// offset with x is sum(w * x) + offset * sum(x), which the block's lanes start below by.
template <TensorType kType>
constexpr int32_t kWeightOffset = kType == TensorType::Q8_0 ? 128 : 8;

template <TensorType kType>
QD_VNNI inline BlockVectors<kType> loadBlock(const uint8_t *values) {
    BlockVectors<kType> block;
    if constexpr (kType == TensorType::Q8_0) {
        for (int j = 0; j < 8; ++j) block.v[j] = _mm512_loadu_si512(values + 64 * j);
    } else {
        const __m512i low4 = _mm512_set1_epi8(0x0F);
        for (int j = 0; j < 4; ++j) {
            const __m512i bytes = _mm512_loadu_si512(values + 64 * j);
            block.v[j] = _mm512_and_si512(bytes, low4);
            block.v[j + 4] = _mm512_and_si512(_mm512_srli_epi16(bytes, 4), low4);
        }
    }
    return block;
}

// One input's share of one block column, the same for every group: its 8 quads of activations
// broadcast to all lanes, the value the dot products start from, and its scale.
struct BlockInput {
    __m512i quads[8];
    __m512i start;
    __m512 scale;
};

template <TensorType kType>
QD_VNNI inline BlockInput blockInput(const QuantizedActivations &x, int64_t b) {
    BlockInput in;
    const auto *quads = reinterpret_cast<const int32_t *>(x.q.data() + 32 * b);
    for (int j = 0; j < 8; ++j) in.quads[j] = _mm512_set1_epi32(quads[j]);
    in.start = _mm512_set1_epi32(-kWeightOffset<kType> * x.blockSum[static_cast<size_t>(b)]);
    in.scale = _mm512_set1_ps(x.d[static_cast<size_t>(b)]);
    return in;
}

// acc + float(dot) * (d_w * d_x): the only f32 arithmetic of both kernels, one fused multiply-add
// per block, so their results agree bit for bit.
QD_VNNI inline __m512 accumulateBlock(__m512 acc, __m512i dot, __m512 weightScales, __m512 activationScale) {
    return _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot), _mm512_mul_ps(weightScales, activationScale), acc);
}

// Exact int32 dot products of the block's 16 rows with the input's 32 activations, plus its start
// (two chains so the dot-product latency overlaps).
template <TensorType kType>
QD_VNNI inline __m512i blockDot(const BlockVectors<kType> &w, const BlockInput &in) {
    __m512i even = in.start, odd = _mm512_setzero_si512();
    for (int j = 0; j < 8; j += 2) {
        even = _mm512_dpbusd_epi32(even, w.v[j], in.quads[j]);
        odd = _mm512_dpbusd_epi32(odd, w.v[j + 1], in.quads[j + 1]);
    }
    return _mm512_add_epi32(even, odd);
}

// Asks for the block pair kAheadPairs after the one starting at block b (b even), so the next
// pairs are on their way while this one is multiplied. (Called once per pair rather than
// skipping odd blocks inside: GCC 12 dropped the prefetches behind that test.)
template <TensorType kType>
QD_VNNI inline void prefetchAhead(const uint8_t *group, int64_t b) {
    constexpr int64_t kAheadPairs = 4;  // 1.2 KB (Q4_0) or 2.2 KB (Q8_0) ahead; 2 and 8 were slower
    constexpr int64_t kPairBytes = 64 + 2 * rowGroupValueBytes(kType);
    const uint8_t *ahead = group + (b / 2 + kAheadPairs) * kPairBytes;
    for (int64_t offset = 0; offset < kPairBytes; offset += 64)
        _mm_prefetch(reinterpret_cast<const char *>(ahead + offset), _MM_HINT_T0);
}

inline const uint8_t *groupAt(const WeightView &w, int64_t g) {
    return w.data + rowGroupBytes(w.type, w.cols) * static_cast<uint64_t>(g);
}

// Up to kStreams groups read side by side (one visit of a RowStreams order over groups), and
// where each one's outputs go.
template <int kStreams>
struct StreamVisit {
    const uint8_t *groups[kStreams];
    float *out[kStreams];
    int count = 0;
};

// Calls run(visit) for the groups [groupBegin, groupEnd) of w taken kStreams at a time, each
// from its own run of consecutive groups.
template <int kStreams, typename Run>
inline void forEachStreamVisit(const WeightView &w, float *y, int64_t groupBegin, int64_t groupEnd, const Run &run) {
    const RowStreams order(groupBegin, groupEnd, kStreams);
    for (int64_t first = 0; first < order.visits(); first += kStreams) {
        StreamVisit<kStreams> visit;
        for (int s = 0; s < kStreams; ++s) {
            const int64_t g = order.row(first + s);
            if (g == groupEnd) continue;
            visit.groups[visit.count] = groupAt(w, g);
            visit.out[visit.count++] = y + g * kRowGroupRows;
        }
        if (visit.count > 0) run(visit);
    }
}

template <TensorType kType>
QD_VNNI inline __m512 weightScales(const uint8_t *group, int64_t b) {
    return _mm512_cvtph_ps(
        _mm256_load_si256(reinterpret_cast<const __m256i *>(group + rowGroupScalesOffset(kType, b))));
}

template <TensorType kType>
QD_VNNI inline const uint8_t *blockValues(const uint8_t *group, int64_t b) {
    return group + rowGroupValuesOffset(kType, b);
}

// S groups times T inputs, block by block: each block's weights are loaded once for all the
// inputs, each input's block once for all the groups, and the S groups are S sequential streams
// from memory (see row_streams.h).
template <TensorType kType, int T, int S>
QD_VNNI void groupsTimesInputs(const uint8_t *const *groups, int64_t nb, const QuantizedActivations *const *x,
                               float *const *y, int64_t yStride) {
    __m512 acc[S][T];
    for (int s = 0; s < S; ++s)
        for (int t = 0; t < T; ++t) acc[s][t] = _mm512_setzero_ps();
    for (int64_t b = 0; b < nb; ++b) {
        BlockInput in[T];
        for (int t = 0; t < T; ++t) in[t] = blockInput<kType>(*x[t], b);
        for (int s = 0; s < S; ++s) {
            if (b % 2 == 0) prefetchAhead<kType>(groups[s], b);
            const BlockVectors<kType> w = loadBlock<kType>(blockValues<kType>(groups[s], b));
            const __m512 ws = weightScales<kType>(groups[s], b);
            for (int t = 0; t < T; ++t) acc[s][t] = accumulateBlock(acc[s][t], blockDot<kType>(w, in[t]), ws, in[t].scale);
        }
    }
    for (int s = 0; s < S; ++s)
        for (int t = 0; t < T; ++t) _mm512_storeu_ps(y[s] + t * yStride, acc[s][t]);
}

// Inputs per pass over a group: their accumulators and the block's weights stay in registers.
constexpr int64_t kTokensPerPass = 4;

// Groups [groupBegin, groupEnd) times up to kTokensPerPass inputs. One input (a decode step) reads
// the groups as 4 streams, like the row kernels; several read one group at a time, so that the
// accumulators stay in registers.
template <TensorType kType, int T>
QD_VNNI void groupRangeTimesInputs(const WeightView &w, const QuantizedActivations *const *x, float *y,
                                   int64_t groupBegin, int64_t groupEnd) {
    constexpr int kStreams = T == 1 ? RowStreams::kRowStreams : 1;
    const int64_t nb = w.cols / 32;
    forEachStreamVisit<kStreams>(w, y, groupBegin, groupEnd, [&](const StreamVisit<kStreams> &v) {
        switch (v.count) {
        case 1: groupsTimesInputs<kType, T, 1>(v.groups, nb, x, v.out, w.rows); break;
        case 2: groupsTimesInputs<kType, T, 2>(v.groups, nb, x, v.out, w.rows); break;
        case 3: groupsTimesInputs<kType, T, 3>(v.groups, nb, x, v.out, w.rows); break;
        default: groupsTimesInputs<kType, T, 4>(v.groups, nb, x, v.out, w.rows); break;
        }
    });
}

template <TensorType kType>
QD_VNNI void groupsTimesInputs(const WeightView &w, const QuantizedActivations *const *x, int64_t tokens, float *y,
                               int64_t groupBegin, int64_t groupEnd) {
    for (int64_t t0 = 0; t0 < tokens; t0 += kTokensPerPass) {
        const auto *xt = x + t0;
        float *out = y + t0 * w.rows;
        switch (std::min(kTokensPerPass, tokens - t0)) {
        case 1: groupRangeTimesInputs<kType, 1>(w, xt, out, groupBegin, groupEnd); break;
        case 2: groupRangeTimesInputs<kType, 2>(w, xt, out, groupBegin, groupEnd); break;
        case 3: groupRangeTimesInputs<kType, 3>(w, xt, out, groupBegin, groupEnd); break;
        default: groupRangeTimesInputs<kType, 4>(w, xt, out, groupBegin, groupEnd); break;
        }
    }
}

// AMX tiles: 0-2 accumulate one block's int32 dot products (tokens x 16 rows) for up to 3 groups,
// 3-5 hold those groups' weights of the block (8 rows of 4 values x 16 weight rows), 6 the
// tokens' 32 activations of the block, shared by the groups.
constexpr int kAmxGroups = 3;

QD_AMX_INT8 void loadRowGroupTileConfig(int64_t tokens) {
    AmxTileConfig config;
    for (int g = 0; g < kAmxGroups; ++g) {
        config.rows[g] = static_cast<uint8_t>(tokens), config.bytesPerRow[g] = 64;
        config.rows[3 + g] = 8, config.bytesPerRow[3 + g] = 64;
    }
    config.rows[6] = static_cast<uint8_t>(tokens), config.bytesPerRow[6] = 32;
    _tile_loadconfig(&config);
}

// Q4_0 nibbles of block b of a group spread to bytes, the weight tile AMX multiplies.
QD_AMX_INT8 inline void spreadQ4_0Block(const uint8_t *group, int64_t b, uint8_t *tile) {
    const BlockVectors<TensorType::Q4_0> w = loadBlock<TensorType::Q4_0>(blockValues<TensorType::Q4_0>(group, b));
    for (int j = 0; j < 8; ++j) _mm512_store_si512(tile + 64 * j, w.v[j]);
}

// The weight tile of block b of a group: Q8_0 vectors as stored, Q4_0 the spread block.
template <TensorType kType>
QD_AMX_INT8 inline const uint8_t *weightTile(const uint8_t *group, int64_t b, const uint8_t *spread) {
    if constexpr (kType == TensorType::Q8_0) return blockValues<kType>(group, b);
    return spread;
}

// S groups (1 to kAmxGroups, also S memory streams) times T inputs, block by block: the groups'
// products are independent tile instructions the unit can overlap. Q4_0 blocks are spread one
// block ahead, so a tile load never waits on stores just made.
template <TensorType kType, int T, int S>
QD_AMX_INT8 void groupsTimesInputsAmx(const uint8_t *const *groups, int64_t nb, const QuantizedActivations *const *x,
                                      const int8_t *packedQ, int64_t cols, float *const *y, int64_t yStride) {
    constexpr bool kSpread = kType == TensorType::Q4_0;
    alignas(64) int32_t dots[S][T][16];
    alignas(64) uint8_t spread[2][S][kSpread ? 512 : 1];
    __m512 acc[S][T];
    for (int s = 0; s < S; ++s) {
        for (int t = 0; t < T; ++t) acc[s][t] = _mm512_setzero_ps();
        if constexpr (kSpread) spreadQ4_0Block(groups[s], 0, spread[0][s]);
    }
    for (int64_t b = 0; b < nb; ++b) {
        for (int s = 0; s < S; ++s)
            if (b % 2 == 0) prefetchAhead<kType>(groups[s], b);
        const auto &tiles = spread[b % 2];
        _tile_loadd(6, packedQ + 32 * b, cols);
        _tile_zero(0);
        _tile_loadd(3, weightTile<kType>(groups[0], b, tiles[0]), 64);
        _tile_dpbsud(0, 6, 3);
        if constexpr (S > 1) {
            _tile_zero(1);
            _tile_loadd(4, weightTile<kType>(groups[1], b, tiles[1]), 64);
            _tile_dpbsud(1, 6, 4);
        }
        if constexpr (S > 2) {
            _tile_zero(2);
            _tile_loadd(5, weightTile<kType>(groups[2], b, tiles[2]), 64);
            _tile_dpbsud(2, 6, 5);
        }
        if constexpr (kSpread)
            if (b + 1 < nb)
                for (int s = 0; s < S; ++s) spreadQ4_0Block(groups[s], b + 1, spread[(b + 1) % 2][s]);
        _tile_stored(0, dots[0], 64);
        if constexpr (S > 1) _tile_stored(1, dots[1], 64);
        if constexpr (S > 2) _tile_stored(2, dots[2], 64);
        for (int s = 0; s < S; ++s) {
            const __m512 ws = weightScales<kType>(groups[s], b);
            for (int t = 0; t < T; ++t) {
                const int32_t start = -kWeightOffset<kType> * x[t]->blockSum[static_cast<size_t>(b)];
                const __m512i dot = _mm512_add_epi32(_mm512_load_si512(dots[s][t]), _mm512_set1_epi32(start));
                acc[s][t] = accumulateBlock(acc[s][t], dot, ws, _mm512_set1_ps(x[t]->d[static_cast<size_t>(b)]));
            }
        }
    }
    for (int s = 0; s < S; ++s)
        for (int t = 0; t < T; ++t) _mm512_storeu_ps(y[s] + t * yStride, acc[s][t]);
}

template <TensorType kType, int T>
QD_AMX_INT8 void groupsTimesInputsAmx(const WeightView &w, const QuantizedActivations *const *x,
                                      const int8_t *packedQ, float *y, int64_t groupBegin, int64_t groupEnd) {
    const int64_t nb = w.cols / 32;
    forEachStreamVisit<kAmxGroups>(w, y, groupBegin, groupEnd, [&](const StreamVisit<kAmxGroups> &v) {
        switch (v.count) {
        case 1: groupsTimesInputsAmx<kType, T, 1>(v.groups, nb, x, packedQ, w.cols, v.out, w.rows); break;
        case 2: groupsTimesInputsAmx<kType, T, 2>(v.groups, nb, x, packedQ, w.cols, v.out, w.rows); break;
        default: groupsTimesInputsAmx<kType, T, 3>(v.groups, nb, x, packedQ, w.cols, v.out, w.rows); break;
        }
    });
}

// One instance per batch size, up to kMaxDecodeBatch.
static_assert(kMaxDecodeBatch <= 16, "a tile holds at most 16 tokens' rows");

template <TensorType kType>
QD_AMX_INT8 void dispatchAmx(const WeightView &w, const QuantizedActivations *const *x, const int8_t *packedQ,
                             int64_t tokens, float *y, int64_t groupBegin, int64_t groupEnd) {
    withTokenCount<kMaxDecodeBatch>(tokens, [&](auto n) {
        groupsTimesInputsAmx<kType, n.value>(w, x, packedQ, y, groupBegin, groupEnd);
    });
}

}  // namespace

QD_VNNI void matvecRowGroupsVnni512(const WeightView &w, const QuantizedActivations *const *x, int64_t tokens,
                                    float *y, int64_t groupBegin, int64_t groupEnd) {
    if (w.type == TensorType::Q4_0) return groupsTimesInputs<TensorType::Q4_0>(w, x, tokens, y, groupBegin, groupEnd);
    groupsTimesInputs<TensorType::Q8_0>(w, x, tokens, y, groupBegin, groupEnd);
}

QD_AMX_INT8 void matvecRowGroupsAmx(const WeightView &w, const QuantizedActivations *const *x, const int8_t *packedQ,
                                    int64_t tokens, float *y, int64_t groupBegin, int64_t groupEnd) {
    loadRowGroupTileConfig(tokens);
    if (w.type == TensorType::Q4_0)
        dispatchAmx<TensorType::Q4_0>(w, x, packedQ, tokens, y, groupBegin, groupEnd);
    else
        dispatchAmx<TensorType::Q8_0>(w, x, packedQ, tokens, y, groupBegin, groupEnd);
    _tile_release();
}

}  // namespace qd::detail

#else

namespace qd::detail {

void matvecRowGroupsVnni512(const WeightView &, const QuantizedActivations *const *, int64_t, float *, int64_t,
                            int64_t) {}
void matvecRowGroupsAmx(const WeightView &, const QuantizedActivations *const *, const int8_t *, int64_t, float *,
                        int64_t, int64_t) {}

}  // namespace qd::detail

#endif
