#include "kernels/quantize_activations.h"

#include "kernels/cpu_features.h"
#include "kernels/half.h"

#include <algorithm>
#include <cmath>

#if defined(__x86_64__)
// GCC 12's AVX-512 headers trip spurious -Wuninitialized warnings (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#endif

namespace qd {

namespace {

// One block of 32: d = amax / 127 and q = round-to-nearest-even(x * (1 / d)), returns d.
float quantizeBlockScalar(const float *x, int8_t *q) {
    float amax = 0.0f;
    for (int i = 0; i < 32; ++i) amax = std::max(amax, std::fabs(x[i]));
    const float d = amax / 127.0f;
    const float inverse = d != 0.0f ? 1.0f / d : 0.0f;
    for (int i = 0; i < 32; ++i) q[i] = static_cast<int8_t>(std::lrintf(x[i] * inverse));
    return d;
}

#if defined(__x86_64__)
// The same arithmetic in two vectors (cvtps rounds to nearest even, as lrintf does): a decode step
// quantizes about 200 inputs, and the scalar loop was 1-2% of it.
__attribute__((target("avx512f"))) float quantizeBlockAvx512(const float *x, int8_t *q) {
    const __m512 a = _mm512_loadu_ps(x), b = _mm512_loadu_ps(x + 16);
    const float amax = _mm512_reduce_max_ps(_mm512_max_ps(_mm512_abs_ps(a), _mm512_abs_ps(b)));
    const float d = amax / 127.0f;
    const __m512 inverse = _mm512_set1_ps(d != 0.0f ? 1.0f / d : 0.0f);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(q), _mm512_cvtsepi32_epi8(_mm512_cvtps_epi32(_mm512_mul_ps(a, inverse))));
    _mm_storeu_si128(reinterpret_cast<__m128i *>(q + 16),
                     _mm512_cvtsepi32_epi8(_mm512_cvtps_epi32(_mm512_mul_ps(b, inverse))));
    return d;
}
#endif

using QuantizeBlock = float (*)(const float *, int8_t *);

QuantizeBlock quantizeBlock() {
#if defined(__x86_64__)
    if (simdLevelSupported(SimdLevel::Avx512)) return quantizeBlockAvx512;
#endif
    return quantizeBlockScalar;
}

}  // namespace

void quantizeActivationsQ8(const float *x, int64_t n, QuantizedActivations &out) {
    static const QuantizeBlock quantize = quantizeBlock();
    const int64_t blocks = n / 32;
    out.q.resize(static_cast<size_t>(n));
    out.d.resize(static_cast<size_t>(blocks));
    out.nibbleBias.resize(static_cast<size_t>(n / 4));
    out.blockSum.resize(static_cast<size_t>(blocks));
    out.laneScales.assign(static_cast<size_t>((blocks + 1) / 2 * 16), 0.0f);
    for (int64_t b = 0; b < blocks; ++b) {
        int8_t *qb = out.q.data() + 32 * b;
        const float d = quantize(x + 32 * b, qb);
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
