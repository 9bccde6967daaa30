#pragma once
// The row-group layout of Q4_0 and Q8_0 matrices (WeightLayout::RowGroups), made at load for the
// AVX-512 VNNI decode kernel. Each group of 16 consecutive rows is stored as a run of block
// pairs: for block columns 2p and 2p + 1,
//   64 bytes: the 16 rows' f16 scales of block 2p, then those of block 2p + 1;
//   then for each of the two blocks, 8 (Q8_0) or 4 (Q4_0) vectors of 64 bytes, in which bytes
//   4r..4r+3 belong to row r.
// Q8_0 vector j holds values 4j..4j+3 of each row's block, each stored as value + 128 (unsigned);
// Q4_0 vector j holds bytes qs[4j..4j+3] of each row's block, so its low nibbles are values
// 4j..4j+3 and its high nibbles values 16+4j..16+4j+3. One 512-bit dot-product instruction
// thus multiplies 4 values of 16 rows with the same 4 activations and leaves each row's sum in its
// own lane: no per-row reduction, one scale conversion per 16 blocks, and the int8 AMX tiles read
// the same vectors as their weight operand (matvec_row_groups_avx512.cpp). A group takes exactly
// the bytes of its 16 rows, is read front to back as one stream, and a block pair is a whole
// number of cache lines (9 for Q4_0, 17 for Q8_0).
#include "kernels/weight_view.h"

#include <cstdint>
#include <vector>

namespace qd {

constexpr int64_t kRowGroupRows = 16;

// Bytes of one block's value vectors (all 16 rows).
constexpr int64_t rowGroupValueBytes(TensorType type) { return type == TensorType::Q8_0 ? 512 : 256; }

// Where block b's 16 scales and its value vectors start inside a group.
constexpr int64_t rowGroupScalesOffset(TensorType type, int64_t b) {
    return (b / 2) * (64 + 2 * rowGroupValueBytes(type)) + (b % 2) * 32;
}
constexpr int64_t rowGroupValuesOffset(TensorType type, int64_t b) {
    return (b / 2) * (64 + 2 * rowGroupValueBytes(type)) + 64 + (b % 2) * rowGroupValueBytes(type);
}

// True when a matrix of this type and shape can be stored in row groups: Q4_0 or Q8_0 with a row
// count that is a multiple of 16 and a row length that is a multiple of 64 (whole block pairs).
bool rowGroupsSupported(TensorType type, int64_t rows, int64_t cols);

// Bytes of one group: 16 rows of rowBytes(type, cols).
uint64_t rowGroupBytes(TensorType type, int64_t cols);

// Rearranges 16 consecutive rows in the Rows layout into one group.
void packRowGroup(TensorType type, int64_t cols, const uint8_t *rows, uint8_t *group);

// Rearranges a whole matrix (rows a multiple of 16) in the Rows layout into row groups.
void packRowGroups(TensorType type, int64_t rows, int64_t cols, const uint8_t *in, uint8_t *out);

// Row `row` (0..15) of a group, written back in the Rows layout (rowBytes(type, cols) bytes).
void unpackRowGroupRow(TensorType type, int64_t cols, const uint8_t *group, int64_t row, uint8_t *out);

// Row r of w in the Rows layout: a pointer into w itself, or into `scratch` for row groups.
const uint8_t *rowInRowsLayout(const WeightView &w, int64_t r, std::vector<uint8_t> &scratch);

// Rows [16g, 16g + 16) of w (fewer at the end of a Rows matrix) as a Rows-layout view: into w
// itself, or unpacked into `scratch` for row groups. Lets the kernels that read rows run on
// row-group matrices.
WeightView rowGroupInRowsLayout(const WeightView &w, int64_t g, std::vector<uint8_t> &scratch);

}  // namespace qd
