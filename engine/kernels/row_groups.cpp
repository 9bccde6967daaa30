#include "kernels/row_groups.h"

#include "kernels/block_formats.h"

#include <algorithm>
#include <cstring>

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

void unpackRowGroupRow(TensorType type, int64_t cols, const uint8_t *group, int64_t row, uint8_t *out) {
    const int64_t blocks = cols / 32, blockBytes = 2 + valueBytesPerRow(type);
    for (int64_t b = 0; b < blocks; ++b) {
        uint8_t *block = out + b * blockBytes;
        std::memcpy(block, group + scaleOffset(type, b, row), 2);
        for (int64_t j = 0; j < valueBytesPerRow(type) / 4; ++j) {
            std::memcpy(block + 2 + 4 * j, group + wordOffset(type, b, j, row), 4);
            flipSign(block + 2 + 4 * j, type);
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
    for (int64_t r = 0; r < kRowGroupRows; ++r)
        unpackRowGroupRow(w.type, w.cols, group, r, scratch.data() + stride * static_cast<uint64_t>(r));
    return {w.type, kRowGroupRows, w.cols, scratch.data()};
}

}  // namespace qd
