#pragma once
// Collects the tokens and merges a loader reads and checks them, so every source gets the same
// errors: ids must be unique and contiguous from 0, BPE tokens must be byte-level strings with a
// token for every byte, and each merge must join two known tokens into a known token.
#include "tokenizer/tokenizer_definition.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace qd {

class VocabularyBuilder {
public:
    // source names the file in error messages.
    explicit VocabularyBuilder(std::string source);

    // A BPE token as vocab.json spells it (GPT-2 byte-level alphabet).
    void addBpeToken(std::string_view spelled, int64_t id);
    // Added tokens, control tokens and fillers: text is taken as is. An added token may reuse a
    // BPE token's id when it has the same bytes.
    void addToken(std::string_view text, int64_t id, TokenKind kind);
    // Merges come after all BPE tokens, in rank order; where says which line or entry it is.
    void addMerge(std::string_view left, std::string_view right, std::string_view where);

    TokenizerDefinition finish();

private:
    void checkId(int64_t id, std::string_view token) const;
    int32_t spelledId(std::string_view spelled, std::string_view where) const;

    TokenizerDefinition def_;
    std::unordered_map<std::string, int32_t> idBySpelling_;
    std::vector<bool> present_;
};

}  // namespace qd
