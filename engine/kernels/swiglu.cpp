#include "kernels/swiglu.h"

#include "util/thread_pool.h"

#include <cmath>

#if defined(__x86_64__)
// GCC 12's AVX headers trip spurious -Wuninitialized warnings (GCC bug 105593).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#include "kernels/vector_exp.h"
#endif

namespace qd {

namespace {

void swigluScalar(float *gate, const float *up, int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) gate[i] = gate[i] / (1.0f + std::exp(-gate[i])) * up[i];
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma"))) void swigluAvx2(float *gate, const float *up, int64_t begin, int64_t end) {
    const __m256 one = _mm256_set1_ps(1.0f);
    int64_t i = begin;
    for (; i + 8 <= end; i += 8) {
        const __m256 g = _mm256_loadu_ps(gate + i);
        const __m256 expMinus = detail::exponential(_mm256_sub_ps(_mm256_setzero_ps(), g));
        // g / (1 + e^-g): where e^-g is infinite the quotient is -0, as silu's limit is.
        const __m256 silu = _mm256_div_ps(g, _mm256_add_ps(one, expMinus));
        _mm256_storeu_ps(gate + i, _mm256_mul_ps(silu, _mm256_loadu_ps(up + i)));
    }
    swigluScalar(gate, up, i, end);
}
#endif

}  // namespace

void swiglu(float *gate, const float *up, int64_t n, ThreadPool &pool, SimdLevel simd) {
    pool.parallelFor(0, n, [&](int64_t begin, int64_t end) {
#if defined(__x86_64__)
        if (simd != SimdLevel::Scalar) return swigluAvx2(gate, up, begin, end);
#endif
        swigluScalar(gate, up, begin, end);
    });
}

}  // namespace qd
