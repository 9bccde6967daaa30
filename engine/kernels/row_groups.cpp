#include "kernels/row_groups.h"

#include "kernels/block_formats.h"
#include "kernels/cpu_features.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace qd {

namespace {

// Bytes of one row's block values.
int64_t valueBytesPerRow(TensorType type) { return rowGroupValueBytes(type) / kRowGroupRows; }

// Where row r's 4-byte word j of block b lives in a group.
int64_t wordOffset(TensorType type, int64_t b, int64_t j, int64_t r) {
    return rowGroupValuesOffset(type, b) + j * 64 + r * 4;
}

// Where row r's f16 scale of block b lives in a group.
int64_t scaleOffset(TensorType type, int64_t b, int64_t r) { return rowGroupScalesOffset(type, b) + 2 * r; }

// Q8_0 values are stored with 128 added, as unsigned bytes; the same flip undoes it.
void flipSign(uint8_t *word, TensorType type) {
    if (type != TensorType::Q8_0) return;
    for (int i = 0; i < 4; ++i) word[i] ^= 0x80;
}

void unpackGroupRowsPortable(TensorType type, int64_t cols, const uint8_t *group, uint8_t *rows) {
    const uint64_t stride = *rowBytes(type, static_cast<uint64_t>(cols));
    for (int64_t r = 0; r < kRowGroupRows; ++r) unpackRowGroupRow(type, cols, group, r, rows + stride * r);
}

#if defined(__x86_64__)
// The same with one gather per row and block: the row's words sit 64 bytes apart, and a prompt
// unpacks every row it multiplies (one word at a time this took 4x as long as dequantizing).
__attribute__((target("avx2"))) void unpackGroupRowsAvx2(TensorType type, int64_t cols, const uint8_t *group,
                                                         uint8_t *rows) {
    const uint64_t stride = *rowBytes(type, static_cast<uint64_t>(cols));
    const int64_t blocks = cols / 32, words = valueBytesPerRow(type) / 4, blockBytes = 2 + 4 * words;
    const __m256i offsets = _mm256_setr_epi32(0, 64, 128, 192, 256, 320, 384, 448);
    const __m256i flip = _mm256_set1_epi8(type == TensorType::Q8_0 ? static_cast<char>(0x80) : 0);
    for (int64_t b = 0; b < blocks; ++b) {
        const uint8_t *values = group + wordOffset(type, b, 0, 0);
        // Block b + 4's lines: the gathers of a block wait on all of its lines at once (without
        // this the unpacking took 10% of a Q8_0 prompt, with it 7%).
        const uint8_t *ahead = group + rowGroupValuesOffset(type, b + 4);
        for (int64_t offset = 0; offset < rowGroupValueBytes(type); offset += 64)
            _mm_prefetch(reinterpret_cast<const char *>(ahead + offset), _MM_HINT_T0);
        _mm_prefetch(reinterpret_cast<const char *>(group + rowGroupScalesOffset(type, b + 4)), _MM_HINT_T0);
        for (int64_t r = 0; r < kRowGroupRows; ++r) {
            uint8_t *block = rows + stride * static_cast<uint64_t>(r) + b * blockBytes;
            std::memcpy(block, group + scaleOffset(type, b, r), 2);
            const auto *base = reinterpret_cast<const int *>(values + 4 * r);
            if (words == 8) {
                const __m256i v = _mm256_i32gather_epi32(base, offsets, 1);
                _mm256_storeu_si256(reinterpret_cast<__m256i *>(block + 2), _mm256_xor_si256(v, flip));
            } else {
                const __m128i v = _mm_i32gather_epi32(base, _mm256_castsi256_si128(offsets), 1);
                _mm_storeu_si128(reinterpret_cast<__m128i *>(block + 2), v);
            }
        }
    }
}
#endif

using UnpackGroupRows = void (*)(TensorType, int64_t, const uint8_t *, uint8_t *);

UnpackGroupRows unpackGroupRows() {
#if defined(__x86_64__)
    if (simdLevelSupported(SimdLevel::Avx2)) return unpackGroupRowsAvx2;
#endif
    return unpackGroupRowsPortable;
}

}  // namespace

bool rowGroupsSupported(TensorType type, int64_t rows, int64_t cols) {
    return (type == TensorType::Q4_0 || type == TensorType::Q8_0) && rows > 0 && rows % kRowGroupRows == 0 &&
           cols > 0 && cols % 64 == 0;
}

uint64_t rowGroupBytes(TensorType type, int64_t cols) {
    return *rowBytes(type, static_cast<uint64_t>(cols)) * kRowGroupRows;
}

void packRowGroup(TensorType type, int64_t cols, const uint8_t *rows, uint8_t *group) {
    const int64_t blocks = cols / 32, blockBytes = 2 + valueBytesPerRow(type);
    const int64_t stride = blocks * blockBytes;
    for (int64_t r = 0; r < kRowGroupRows; ++r)
        for (int64_t b = 0; b < blocks; ++b) {
            const uint8_t *block = rows + r * stride + b * blockBytes;
            std::memcpy(group + scaleOffset(type, b, r), block, 2);
            for (int64_t j = 0; j < valueBytesPerRow(type) / 4; ++j) {
                uint8_t *word = group + wordOffset(type, b, j, r);
                std::memcpy(word, block + 2 + 4 * j, 4);
                flipSign(word, type);
            }
        }
}

void packRowGroups(TensorType type, int64_t rows, int64_t cols, const uint8_t *in, uint8_t *out) {
    const uint64_t groupBytes = rowGroupBytes(type, cols);
    for (int64_t g = 0; g < rows / kRowGroupRows; ++g)
        packRowGroup(type, cols, in + groupBytes * static_cast<uint64_t>(g), out + groupBytes * static_cast<uint64_t>(g));
}

void unpackRowGroupRow(TensorType type, int64_t cols, const uint8_t *group, int64_t row, uint8_t *out) {
    // Word by word with the offsets stepped by hand: a prompt unpacks every row it multiplies.
    const int64_t blocks = cols / 32, words = valueBytesPerRow(type) / 4, blockBytes = 2 + 4 * words;
    const uint32_t flip = type == TensorType::Q8_0 ? 0x80808080u : 0u;
    for (int64_t b = 0; b < blocks; ++b) {
        uint8_t *block = out + b * blockBytes;
        std::memcpy(block, group + scaleOffset(type, b, row), 2);
        const uint8_t *values = group + wordOffset(type, b, 0, row);
        for (int64_t j = 0; j < words; ++j) {
            uint32_t word;
            std::memcpy(&word, values + 64 * j, 4);
            word ^= flip;
            std::memcpy(block + 2 + 4 * j, &word, 4);
        }
    }
}

const uint8_t *rowInRowsLayout(const WeightView &w, int64_t r, std::vector<uint8_t> &scratch) {
    const uint64_t stride = *rowBytes(w.type, static_cast<uint64_t>(w.cols));
    if (w.layout == WeightLayout::Rows) return w.data + stride * static_cast<uint64_t>(r);
    scratch.resize(stride);
    const uint8_t *group = w.data + rowGroupBytes(w.type, w.cols) * static_cast<uint64_t>(r / kRowGroupRows);
    unpackRowGroupRow(w.type, w.cols, group, r % kRowGroupRows, scratch.data());
    return scratch.data();
}

WeightView rowGroupInRowsLayout(const WeightView &w, int64_t g, std::vector<uint8_t> &scratch) {
    const uint64_t stride = *rowBytes(w.type, static_cast<uint64_t>(w.cols));
    const int64_t first = g * kRowGroupRows, count = std::min(kRowGroupRows, w.rows - first);
    if (w.layout == WeightLayout::Rows) return {w.type, count, w.cols, w.data + stride * static_cast<uint64_t>(first)};
    scratch.resize(stride * kRowGroupRows);
    const uint8_t *group = w.data + rowGroupBytes(w.type, w.cols) * static_cast<uint64_t>(g);
    static const UnpackGroupRows unpackRows = unpackGroupRows();
    unpackRows(w.type, w.cols, group, scratch.data());
    return {w.type, kRowGroupRows, w.cols, scratch.data()};
}

}  // namespace qd
