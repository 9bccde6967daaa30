#pragma once
// What a tokenizer source (tokenizer.json, vocab.json + merges.txt, GGUF) contributes, in the
// form the Tokenizer is built from. VocabularyBuilder fills and validates the token part.
#include "tokenizer/bpe.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qd {

enum class TokenKind : uint8_t {
    Bpe,      // byte-level BPE token
    Added,    // added token, matched in text, not special ("<tool_call>")
    Special,  // added token, matched in text, special ("<|im_end|>")
    Filler,   // padding row of a GGUF vocabulary ("[PAD151665]"): never matched in text
};

struct TokenizerDefinition {
    std::string source;                   // the file, for messages
    std::vector<std::string> tokenBytes;  // by id: raw bytes of BPE tokens, text of the others
    std::vector<TokenKind> kinds;         // by id
    std::array<int32_t, 256> byteTokens{};  // the single-byte token of each byte
    std::vector<Bpe::Merge> merges;         // by rank
    std::string chatTemplate;
    std::optional<int32_t> eosTokenId;
    std::optional<int32_t> padTokenId;
};

}  // namespace qd
