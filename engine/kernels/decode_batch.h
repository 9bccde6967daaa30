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

}  // namespace qd
