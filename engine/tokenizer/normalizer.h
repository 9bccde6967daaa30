#pragma once
// Unicode NFC, the normalizer of Qwen2's tokenizer.json, applied to text before it is split.
#include <string>
#include <string_view>

namespace qd {

// The NFC form of text. Invalid UTF-8 is first replaced by U+FFFD (the tokenizer accepts any
// bytes). Returns text itself when it is plainly NFC already, otherwise a view of storage.
std::string_view normalizeNfc(std::string_view text, std::string &storage);

}  // namespace qd
