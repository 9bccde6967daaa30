#include "kernels/dequantize.h"
#include "kernels/matvec.h"

#include <algorithm>

namespace qd::detail {

void matvecRowsScalar(const WeightView &w, const float *x, float *y, int64_t rowBegin, int64_t rowEnd) {
    const int64_t rowBytesCount = static_cast<int64_t>(*rowBytes(w.type, static_cast<uint64_t>(w.cols)));
    const auto &info = tensorTypeInfo(w.type);
    // Chunks of 256 values are whole blocks of every type (a row is a whole number of blocks).
    constexpr int64_t kChunk = 256;
    float buffer[kChunk];
    for (int64_t r = rowBegin; r < rowEnd; ++r) {
        const uint8_t *row = w.data + r * rowBytesCount;
        float sums[4] = {0, 0, 0, 0};
        for (int64_t c = 0; c < w.cols; c += kChunk) {
            const int64_t n = std::min(kChunk, w.cols - c);
            dequantizeRow(w.type, row + c / info.blockElements * info.blockBytes, buffer, n);
            int64_t i = 0;
            for (; i + 4 <= n; i += 4)
                for (int k = 0; k < 4; ++k) sums[k] += buffer[i + k] * x[c + i + k];
            for (; i < n; ++i) sums[0] += buffer[i] * x[c + i];
        }
        y[r] = (sums[0] + sums[1]) + (sums[2] + sums[3]);
    }
}

}  // namespace qd::detail
