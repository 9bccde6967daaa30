#pragma once
// What the matrix-product tests compare against: a double-precision product of independently
// decoded weights (kernel_reference.h) and the inputs the kernel multiplies.
#include "kernel_reference.h"
#include "kernels/quantize_activations.h"

#include <QString>

#include <cmath>
#include <cstdint>
#include <vector>

namespace qd::testref {

// Where y (a row of weightRows.size() outputs per input) differs from the double-precision product
// of the weight rows and the inputs by more than `relative` times the sum of the terms' sizes:
// f32 sums in any order stay within a few units of f32 rounding of that. Empty when it never does.
inline QString differenceFromDoubleProduct(const std::vector<float> &y, const std::vector<std::vector<double>> &weightRows,
                                    const std::vector<std::vector<double>> &inputs, double relative) {
    const size_t rows = weightRows.size();
    for (size_t k = 0; k < inputs.size(); ++k)
        for (size_t r = 0; r < rows; ++r) {
            double sum = 0, magnitude = 0;
            for (size_t c = 0; c < inputs[k].size(); ++c) {
                const double term = weightRows[r][c] * inputs[k][c];
                sum += term;
                magnitude += std::fabs(term);
            }
            const double got = y[k * rows + r];
            if (!(std::fabs(got - sum) <= relative * magnitude + 1e-30))
                return QString("row %1 token %2: %3 vs %4 (magnitude %5)").arg(r).arg(k).arg(got).arg(sum).arg(magnitude);
        }
    return {};
}

// The rows of a weight matrix decoded exactly, as doubles.
inline std::vector<std::vector<double>> decodedRows(TensorType type, const std::vector<uint8_t> &weights, int rows, int cols) {
    const int64_t stride = static_cast<int64_t>(*rowBytes(type, static_cast<uint64_t>(cols)));
    std::vector<std::vector<double>> out;
    for (int r = 0; r < rows; ++r) {
        const auto w = testref::row(type, weights.data() + r * stride, cols);
        out.emplace_back(w.begin(), w.end());
    }
    return out;
}

// tokens rows of cols inputs, each value passed through `convert`.
template <typename Convert>
std::vector<std::vector<double>> inputRows(const std::vector<float> &x, int tokens, int cols, Convert convert) {
    std::vector<std::vector<double>> out(static_cast<size_t>(tokens), std::vector<double>(static_cast<size_t>(cols)));
    for (int k = 0; k < tokens; ++k)
        for (int c = 0; c < cols; ++c) out[k][c] = convert(x[k * cols + c]);
    return out;
}


// The inputs the 8-bit kernels multiply: each token's values quantized per block of 32 (the
// engine's quantizeActivationsQ8, tested on its own in test_matmul), as doubles.
inline std::vector<std::vector<double>> quantizedInputRows(const std::vector<float> &x, int tokens, int cols) {
    std::vector<std::vector<double>> out;
    for (int k = 0; k < tokens; ++k) {
        QuantizedActivations q;
        quantizeActivationsQ8(x.data() + k * cols, cols, q);
        auto &row = out.emplace_back(static_cast<size_t>(cols));
        for (int c = 0; c < cols; ++c) row[c] = static_cast<double>(q.d[c / 32]) * q.q[c];
    }
    return out;
}

}  // namespace qd::testref
