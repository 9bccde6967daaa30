// Loading a tokenizer from the tokenizer.ggml.* keys of a GGUF file, as llama.cpp's converter
// writes them for Qwen2 models.
#include "formats/gguf.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/vocabulary_builder.h"
#include "util/error.h"

namespace qd {

namespace {

// llama.cpp's token types.
enum GgufTokenType : int64_t { kNormal = 1, kControl = 3, kUserDefined = 4, kUnused = 5 };

// "[PAD151665]": rows that pad the vocabulary to the model's embedding size.
bool isPaddingFiller(std::string_view text) {
    if (!text.starts_with("[PAD") || !text.ends_with("]") || text.size() <= 5) return false;
    for (const char c : text.substr(4, text.size() - 5))
        if (c < '0' || c > '9') return false;
    return true;
}

std::optional<int32_t> tokenIdKey(const gguf::File &file, std::string_view key, size_t tokenCount) {
    const auto id = file.getUInt(key);
    if (!id) return std::nullopt;
    if (*id >= tokenCount)
        throw Error(file.path() + ": " + std::string(key) + " is " + std::to_string(*id) + ", past the " +
                    std::to_string(tokenCount) + " tokens");
    return static_cast<int32_t>(*id);
}

}  // namespace

Tokenizer Tokenizer::fromGguf(const gguf::File &file) {
    const std::string &path = file.path();
    const auto model = file.getString("tokenizer.ggml.model");
    if (!model) throw Error(path + ": no tokenizer (tokenizer.ggml.model is missing)");
    if (*model != "gpt2")
        throw Error(path + ": tokenizer model \"" + std::string(*model) +
                    "\" is not supported (only \"gpt2\" byte-level BPE with the \"qwen2\" pre-tokenizer)");
    const auto pre = file.getString("tokenizer.ggml.pre");
    if (pre != "qwen2")
        throw Error(path + ": pre-tokenizer \"" + std::string(pre.value_or("(none)")) +
                    "\" is not supported (only \"qwen2\")");
    const auto tokens = file.getStringArray("tokenizer.ggml.tokens");
    if (!tokens) throw Error(path + ": tokenizer.ggml.tokens is missing");
    const auto types = file.getIntArray("tokenizer.ggml.token_type");
    if (!types) throw Error(path + ": tokenizer.ggml.token_type is missing");
    if (types->size() != tokens->size())
        throw Error(path + ": tokenizer.ggml.token_type has " + std::to_string(types->size()) + " entries for " +
                    std::to_string(tokens->size()) + " tokens");
    const auto merges = file.getStringArray("tokenizer.ggml.merges");
    if (!merges) throw Error(path + ": tokenizer.ggml.merges is missing");

    VocabularyBuilder builder(path);
    for (size_t id = 0; id < tokens->size(); ++id) {
        const std::string_view text = (*tokens)[id];
        switch ((*types)[id]) {
        case kNormal: builder.addBpeToken(text, static_cast<int64_t>(id)); break;
        case kControl:
            builder.addToken(text, static_cast<int64_t>(id), isPaddingFiller(text) ? TokenKind::Filler : TokenKind::Special);
            break;
        case kUserDefined: builder.addToken(text, static_cast<int64_t>(id), TokenKind::Added); break;
        case kUnused: builder.addToken(text, static_cast<int64_t>(id), TokenKind::Filler); break;
        default:
            throw Error(path + ": token " + std::to_string(id) + " has token type " + std::to_string((*types)[id]) +
                        ", which a byte-level BPE vocabulary does not use");
        }
    }
    for (size_t i = 0; i < merges->size(); ++i) {
        const std::string_view m = (*merges)[i];
        const std::string where = "tokenizer.ggml.merges[" + std::to_string(i) + "]";
        const size_t space = m.find(' ');
        if (space == std::string_view::npos || m.find(' ', space + 1) != std::string_view::npos)
            throw Error(path + ": " + where + " \"" + std::string(m) + "\" is not two tokens separated by a space");
        builder.addMerge(m.substr(0, space), m.substr(space + 1), where);
    }
    TokenizerDefinition def = builder.finish();
    def.chatTemplate = std::string(file.getString("tokenizer.chat_template").value_or(""));
    def.eosTokenId = tokenIdKey(file, "tokenizer.ggml.eos_token_id", def.tokenBytes.size());
    def.padTokenId = tokenIdKey(file, "tokenizer.ggml.padding_token_id", def.tokenBytes.size());
    return Tokenizer(std::move(def));
}

}  // namespace qd
