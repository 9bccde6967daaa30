#pragma once
// Prompt lookup: drafts for speculative decoding taken from the context itself, without a second
// model. A reply that copies its prompt (a summary, a proofreading, a rewrite) tends to continue
// the way the same words continued earlier, so the tokens that followed the latest earlier
// occurrence of the context's ending are a good guess for the next ones.
#include <cstddef>
#include <cstdint>
#include <span>

namespace qd {

// The shortest recurring ending that drafts anything. A single token ("the", a comma) recurs
// everywhere and would mostly draft wrong guesses.
constexpr size_t kPromptLookupMinMatch = 2;

// Finds the latest earlier occurrence of the last n tokens of `context`, for the largest n from
// draft.size() + 1 down to kPromptLookupMinMatch, and copies the n - 1 tokens that followed it into
// `draft` (fewer at the end of the context). Returns how many: 0 when no ending recurs.
//
// The draft is one token shorter than the match because every drafted token widens the verifying
// forward pass (8 drafts cost 1.3 to 3.9 decode steps on two cores, by weight type): two tokens
// recur by chance in any text ("of the") and earn one guess, while a reply that has been copying
// for a while matches many tokens and is trusted with many. Replaying replies over the measured cost, this rule kept
// unrelated text at plain decoding's cost (fixed 8-token drafts after any 2- or 3-token match cost
// 5 to 12% more) and proofreading at about 0.6 of it.
// One backward scan over the context: microseconds for thousands of tokens.
size_t findPromptLookupDraft(std::span<const int32_t> context, std::span<int32_t> draft);

}  // namespace qd
