#include "kernels/quantize_activations.h"

#include "kernels/half.h"

#include <algorithm>
#include <cmath>

namespace qd {

void quantizeActivationsQ8(const float *x, int64_t n, QuantizedActivations &out) {
    const int64_t blocks = n / 32;
    out.q.resize(static_cast<size_t>(n));
    out.d.resize(static_cast<size_t>(blocks));
    out.nibbleBias.resize(static_cast<size_t>(n / 4));
    out.blockSum.resize(static_cast<size_t>(blocks));
    out.laneScales.assign(static_cast<size_t>((blocks + 1) / 2 * 16), 0.0f);
    for (int64_t b = 0; b < blocks; ++b) {
        const float *xb = x + 32 * b;
        float amax = 0.0f;
        for (int i = 0; i < 32; ++i) amax = std::max(amax, std::fabs(xb[i]));
        const float d = amax / 127.0f;
        const float inverse = d != 0.0f ? 1.0f / d : 0.0f;
        int8_t *qb = out.q.data() + 32 * b;
        for (int i = 0; i < 32; ++i) qb[i] = static_cast<int8_t>(std::lrintf(xb[i] * inverse));
        out.d[static_cast<size_t>(b)] = d;
        std::fill_n(out.laneScales.begin() + 8 * b, 8, d);
        int32_t sum = 0;
        for (int g = 0; g < 8; ++g) {
            const int32_t group = qb[4 * g] + qb[4 * g + 1] + qb[4 * g + 2] + qb[4 * g + 3];
            out.nibbleBias[static_cast<size_t>(8 * b + g)] = -8 * group;
            sum += group;
        }
        out.blockSum[static_cast<size_t>(b)] = sum;
    }
}

void roundActivationsBf16(const float *x, int64_t n, std::vector<uint16_t> &out) {
    out.resize(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) out[static_cast<size_t>(i)] = f32ToBf16(x[i]);
}

}  // namespace qd
