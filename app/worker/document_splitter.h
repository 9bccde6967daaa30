#pragma once
// Cuts a long text into chunks of at most a given number of tokens, at the most natural
// boundaries available: between paragraphs (blank lines), else between sentences, else (a single
// sentence longer than a chunk) at the last character that still fits.
#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qd::app {

class DocumentSplitter {
public:
    explicit DocumentSplitter(const Tokenizer &tokenizer) : tokenizer_(tokenizer) {}

    // Chunks in order, each with at most maxTokens tokens as plain text; paragraphs within a
    // chunk are joined by a blank line. Empty when the text is only whitespace.
    std::vector<std::string> split(std::string_view text, int64_t maxTokens) const;

    int64_t count(std::string_view text) const;

private:
    struct Unit {
        std::string text;
        int64_t tokens = 0;
        bool startsParagraph = false;  // joined to the previous unit by a blank line, else directly
    };
    void addParagraph(std::string_view paragraph, int64_t maxTokens, std::vector<Unit> &units) const;
    void addHardSplit(std::string_view sentence, int64_t maxTokens, std::vector<Unit> &units) const;
    std::vector<std::string> pack(const std::vector<Unit> &units, int64_t maxTokens) const;

    const Tokenizer &tokenizer_;
};

}  // namespace qd::app
