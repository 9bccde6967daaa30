#include "tokenizer/tokenizer.h"

#include "formats/gguf.h"
#include "tokenizer/added_tokens.h"
#include "tokenizer/bpe.h"
#include "tokenizer/normalizer.h"
#include "tokenizer/pretokenizer.h"
#include "tokenizer/tokenizer_definition.h"
#include "tokenizer/utf8_lossy.h"
#include "util/error.h"

#include <filesystem>
#include <unordered_map>

namespace qd {

struct Tokenizer::Impl {
    explicit Impl(TokenizerDefinition d) : def(std::move(d)), bpe(def.byteTokens, def.merges) {
        // Added tokens first so that they win over a BPE token with the same bytes.
        for (size_t id = 0; id < def.tokenBytes.size(); ++id) {
            const TokenKind kind = def.kinds[id];
            if (kind == TokenKind::Added || kind == TokenKind::Special) {
                added.add(def.tokenBytes[id], static_cast<int32_t>(id));
                byText.emplace(def.tokenBytes[id], static_cast<int32_t>(id));
            }
        }
        for (size_t id = 0; id < def.tokenBytes.size(); ++id) byText.emplace(def.tokenBytes[id], static_cast<int32_t>(id));
    }

    TokenizerDefinition def;
    Bpe bpe;
    AddedTokenMatcher added;
    std::unordered_map<std::string_view, int32_t> byText;  // views into def.tokenBytes
};

Tokenizer::Tokenizer(TokenizerDefinition definition) : impl_(std::make_shared<const Impl>(std::move(definition))) {}

Tokenizer Tokenizer::fromPath(const std::string &path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path p(path);
    if (fs::is_directory(p, ec)) {
        const fs::path config = p / "tokenizer_config.json";
        const std::string configPath = fs::exists(config, ec) ? config.string() : std::string();
        if (fs::exists(p / "tokenizer.json", ec)) return fromTokenizerJson((p / "tokenizer.json").string(), configPath);
        if (fs::exists(p / "vocab.json", ec) && fs::exists(p / "merges.txt", ec))
            return fromVocabAndMerges((p / "vocab.json").string(), (p / "merges.txt").string(), configPath);
        throw Error(path + ": no tokenizer.json, nor vocab.json and merges.txt, in this folder");
    }
    if (!fs::exists(p, ec)) throw Error(path + ": no such file or folder");
    if (p.extension() == ".gguf") return fromGguf(gguf::File(path));
    const fs::path config = p.parent_path() / "tokenizer_config.json";
    return fromTokenizerJson(path, fs::exists(config, ec) ? config.string() : std::string());
}

std::vector<int32_t> Tokenizer::encode(std::string_view text) const {
    std::vector<int32_t> ids;
    size_t pos = 0;
    while (const auto match = impl_->added.findNext(text, pos)) {
        encodePlainInto(text.substr(pos, match->position - pos), ids);
        ids.push_back(match->id);
        pos = match->position + match->length;
    }
    encodePlainInto(text.substr(pos), ids);
    return ids;
}

std::vector<int32_t> Tokenizer::encodePlain(std::string_view text) const {
    std::vector<int32_t> ids;
    encodePlainInto(text, ids);
    return ids;
}

std::vector<int32_t> Tokenizer::encodePieces(std::span<const TextPiece> pieces) const {
    std::vector<int32_t> ids;
    std::string plain;  // plain text not yet encoded, possibly from several pieces
    for (const TextPiece &piece : pieces) {
        const std::string_view text = piece.text;
        size_t pos = 0;
        if (piece.parseSpecialTokens) {
            while (const auto match = impl_->added.findNext(text, pos)) {
                plain.append(text.substr(pos, match->position - pos));
                encodePlainInto(plain, ids);
                plain.clear();
                ids.push_back(match->id);
                pos = match->position + match->length;
            }
        }
        plain.append(text.substr(pos));
    }
    encodePlainInto(plain, ids);
    return ids;
}

void Tokenizer::encodePlainInto(std::string_view text, std::vector<int32_t> &ids) const {
    if (text.empty()) return;
    std::string storage;
    const std::string_view normalized = normalizeNfc(text, storage);
    for (const std::string_view word : pretokenize(normalized)) impl_->bpe.encode(word, ids);
}

std::string Tokenizer::decode(std::span<const int32_t> ids) const {
    std::string bytes;
    for (const int32_t id : ids) bytes.append(tokenBytes(id));
    return lossyUtf8(bytes);
}

std::string_view Tokenizer::tokenBytes(int32_t id) const {
    if (id < 0 || id >= size())
        throw Error(impl_->def.source + ": token id " + std::to_string(id) + " is out of range (the vocabulary has " +
                    std::to_string(size()) + " tokens)");
    return impl_->def.tokenBytes[static_cast<size_t>(id)];
}

std::optional<int32_t> Tokenizer::findToken(std::string_view tokenText) const {
    const auto it = impl_->byText.find(tokenText);
    if (it == impl_->byText.end()) return std::nullopt;
    return it->second;
}

int32_t Tokenizer::size() const { return static_cast<int32_t>(impl_->def.tokenBytes.size()); }

bool Tokenizer::isSpecial(int32_t id) const {
    if (id < 0 || id >= size()) return false;
    const TokenKind kind = impl_->def.kinds[static_cast<size_t>(id)];
    return kind == TokenKind::Special || kind == TokenKind::Filler;
}

const std::string &Tokenizer::chatTemplate() const { return impl_->def.chatTemplate; }

std::optional<int32_t> Tokenizer::eosTokenId() const { return impl_->def.eosTokenId; }

std::optional<int32_t> Tokenizer::padTokenId() const { return impl_->def.padTokenId; }

}  // namespace qd
