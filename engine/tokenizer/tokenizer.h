#pragma once
// Qwen2.5's tokenizer, byte-exact with Hugging Face `tokenizers` on Qwen2.5's tokenizer.json:
// added tokens are split out of the raw text, the rest is NFC-normalized, split by Qwen2's
// pre-tokenizer and encoded with byte-level BPE. No BOS or EOS is added.
//
// A Tokenizer is immutable and cheap to copy (copies share their tables); every method may be
// called from several threads at once.
#include "tokenizer/text_piece.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qd {

namespace gguf {
class File;
}

struct TokenizerDefinition;

class Tokenizer {
public:
    // A Hugging Face model folder (tokenizer.json, or else vocab.json + merges.txt, each with
    // tokenizer_config.json when present), a tokenizer.json file (its sibling
    // tokenizer_config.json is read too) or a .gguf file. Throws qd::Error naming the file.
    static Tokenizer fromPath(const std::string &path);
    // tokenizerConfigPath may be empty: then there is no chat template and no eos/pad token.
    static Tokenizer fromTokenizerJson(const std::string &tokenizerJsonPath, const std::string &tokenizerConfigPath);
    // The added tokens come from tokenizer_config.json's added_tokens_decoder (path may be empty).
    static Tokenizer fromVocabAndMerges(const std::string &vocabJsonPath, const std::string &mergesTxtPath,
                                        const std::string &tokenizerConfigPath);
    // tokenizer.ggml.* keys; the model must be "gpt2" with pre-tokenizer "qwen2".
    static Tokenizer fromGguf(const gguf::File &file);

    // Added tokens written in the text are matched.
    std::vector<int32_t> encode(std::string_view text) const;
    // Never matches added tokens: everything is plain text.
    std::vector<int32_t> encodePlain(std::string_view text) const;
    // Template pieces match added tokens, user pieces do not. Plain text is joined across piece
    // boundaries before it is split, so the result equals encode(concatenation) whenever the user
    // pieces hold no added-token text.
    std::vector<int32_t> encodePieces(std::span<const TextPiece> pieces) const;

    // Token bytes joined; invalid UTF-8 becomes U+FFFD as in Rust's from_utf8_lossy. Added and
    // special tokens are included as their text. Throws qd::Error for an unknown id.
    std::string decode(std::span<const int32_t> ids) const;

    // Raw bytes of a token (added tokens: their text). Throws qd::Error for an unknown id.
    std::string_view tokenBytes(int32_t id) const;
    // The id whose bytes are exactly tokenText, e.g. "<|im_end|>".
    std::optional<int32_t> findToken(std::string_view tokenText) const;
    // Number of ids, added tokens and padding fillers of a GGUF vocabulary included.
    int32_t size() const;
    // Special tokens (control tokens such as "<|im_end|>", and padding fillers) are not text a
    // person wrote; "<tool_call>" and the FIM tokens of Hugging Face files are not special.
    bool isSpecial(int32_t id) const;

    // tokenizer_config.json "chat_template" or GGUF "tokenizer.chat_template"; empty if none.
    const std::string &chatTemplate() const;
    // As declared by tokenizer_config.json (eos_token, pad_token) or the GGUF
    // (tokenizer.ggml.eos_token_id, tokenizer.ggml.padding_token_id).
    std::optional<int32_t> eosTokenId() const;
    std::optional<int32_t> padTokenId() const;

private:
    struct Impl;
    explicit Tokenizer(TokenizerDefinition definition);
    void encodePlainInto(std::string_view text, std::vector<int32_t> &ids) const;
    std::shared_ptr<const Impl> impl_;
};

}  // namespace qd
