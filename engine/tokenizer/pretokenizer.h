#pragma once
// Qwen2's pre-tokenizer: splits normalized text into the pieces that BPE encodes one by one,
// exactly as the Hugging Face regex
//   (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|
//   \s*[\r\n]+|\s+(?!\S)|\s+
// does, but as a hand-written matcher over code points.
#include <string_view>
#include <vector>

namespace qd {

// text must be valid UTF-8. The pieces are views into text and together cover all of it.
std::vector<std::string_view> pretokenize(std::string_view text);

}  // namespace qd
