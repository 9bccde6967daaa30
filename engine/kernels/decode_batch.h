#pragma once
// How many tokens a forward pass may carry and still compute each of them exactly as a decode step
// would.

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace qd {

// Up to this many tokens, matmul and causalAttention compute every token's row bit for bit as
// they would for that token alone (the same kernels, the same order of sums). Speculative
// decoding relies on it: verifying drafted tokens in one batch gives the logits that decoding them
// one by one would have given, so the output cannot change.
constexpr int64_t kMaxDecodeBatch = 12;

namespace detail {

// Splits `tokens` into as few passes of at most `perPass` as possible, of nearly equal sizes, and
// calls pass(firstToken, count) for each in order. A kernel that keeps one pass's accumulators in
// registers then never runs a lone last token (9 tokens at 8 per pass would cost a whole extra
// pass over every row for one of them; 5 + 4 costs the same as 8 + 1 in sums, less in overhead).
template <typename Pass>
void forEachPass(int64_t tokens, int64_t perPass, const Pass &pass) {
    const int64_t passes = (tokens + perPass - 1) / perPass;
    for (int64_t p = 0, first = 0; p < passes; ++p) {
        const int64_t count = (tokens - first) / (passes - p);
        pass(first, count);
        first += count;
    }
}

// Calls run(std::integral_constant<int, n>{}) with n = count, clamped to 1..kMax, so that a kernel
// gets its number of tokens as a template argument (and keeps one accumulator per token in
// registers).
template <int kMax, typename Run>
void withTokenCount(int64_t count, const Run &run) {
    const auto n = static_cast<int>(std::clamp<int64_t>(count, 1, kMax));
    [&]<int... k>(std::integer_sequence<int, k...>) {
        (void)((n == k + 1 && (run(std::integral_constant<int, k + 1>{}), true)) || ...);
    }(std::make_integer_sequence<int, kMax>{});
}

}  // namespace detail

}  // namespace qd
