#pragma once
// GPT-2's byte-level alphabet: every byte is spelled as a printable code point, so vocab.json,
// merges.txt and GGUF token lists can hold arbitrary bytes as text. The engine works on raw
// bytes; this mapping is only needed to read those files.
#include <optional>
#include <string>
#include <string_view>

namespace qd::byte_level {

// Raw bytes of a token spelled in the byte-level alphabet; nullopt when the text is not valid
// UTF-8 or uses a code point outside the alphabet.
std::optional<std::string> decodeToken(std::string_view spelled);

}  // namespace qd::byte_level
