#pragma once
// How many tokens a forward pass may carry and still compute each of them exactly as a decode step
// would.

#include <cstdint>

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

}  // namespace detail

}  // namespace qd
