#pragma once
// UTF-8 primitives shared by the tokenizer, the detokenizer and the chat template.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace qd::utf8 {

// Length of the sequence a lead byte starts (1..4), or 0 for a byte that cannot start one.
int sequenceLength(uint8_t lead);

// Decodes the code point at text[pos]; advances pos. An invalid sequence yields U+FFFD and
// advances by one byte, so callers always make progress.
char32_t decode(std::string_view text, size_t &pos);

void append(std::string &out, char32_t cp);

bool isValid(std::string_view text);

// Length of the longest prefix of text that ends on a complete code point boundary, assuming
// text[0] starts a character: what a streaming decoder may emit now.
size_t completePrefixLength(std::string_view text);

}  // namespace qd::utf8
