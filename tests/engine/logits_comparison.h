#pragma once
// Agreement between an engine's logits and reference rows, as the reference material defines it:
// max |Δ|, mean |Δ| and Pearson r over all rows at once.
#include <cmath>
#include <cstddef>
#include <vector>

namespace qd::test {

struct Agreement {
    double maxAbs = 0, meanAbs = 0, pearson = 0;
};

inline Agreement compareRows(const std::vector<std::vector<double>> &engine, const std::vector<std::vector<double>> &ref) {
    Agreement a;
    double sumAbs = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    size_t n = 0;
    for (size_t r = 0; r < ref.size(); ++r)
        for (size_t i = 0; i < ref[r].size(); ++i) {
            const double x = engine[r][i], y = ref[r][i], d = std::abs(x - y);
            a.maxAbs = std::max(a.maxAbs, d);
            sumAbs += d;
            sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
            ++n;
        }
    const double N = static_cast<double>(n);
    a.meanAbs = sumAbs / N;
    a.pearson = (N * sxy - sx * sy) / std::sqrt((N * sxx - sx * sx) * (N * syy - sy * sy));
    return a;
}

}  // namespace qd::test
