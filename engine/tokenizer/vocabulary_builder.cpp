#include "tokenizer/vocabulary_builder.h"

#include "tokenizer/byte_level.h"
#include "util/error.h"

namespace qd {

namespace {

// Far above any real vocabulary; keeps a corrupt id from allocating gigabytes.
constexpr int64_t kMaxTokens = 1 << 24;

std::string quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    out += s;
    out += '"';
    return out;
}

}  // namespace

VocabularyBuilder::VocabularyBuilder(std::string source) { def_.source = std::move(source); }

void VocabularyBuilder::checkId(int64_t id, std::string_view token) const {
    if (id < 0 || id >= kMaxTokens)
        throw Error(def_.source + ": token " + quoted(token) + " has an invalid id " + std::to_string(id));
}

void VocabularyBuilder::addBpeToken(std::string_view spelled, int64_t id) {
    checkId(id, spelled);
    auto bytes = byte_level::decodeToken(spelled);
    if (!bytes)
        throw Error(def_.source + ": token " + quoted(spelled) + " (id " + std::to_string(id) +
                    ") is not spelled in the byte-level alphabet");
    if (!idBySpelling_.emplace(std::string(spelled), static_cast<int32_t>(id)).second)
        throw Error(def_.source + ": token " + quoted(spelled) + " is listed twice");
    addToken(*bytes, id, TokenKind::Bpe);
}

void VocabularyBuilder::addToken(std::string_view text, int64_t id, TokenKind kind) {
    checkId(id, text);
    const auto index = static_cast<size_t>(id);
    if (index >= present_.size()) {
        present_.resize(index + 1, false);
        def_.tokenBytes.resize(index + 1);
        def_.kinds.resize(index + 1, TokenKind::Bpe);
    }
    if (present_[index]) {
        const bool sameAddedToken = kind != TokenKind::Bpe && def_.tokenBytes[index] == text;
        if (!sameAddedToken)
            throw Error(def_.source + ": id " + std::to_string(id) + " is used by both " +
                        quoted(def_.tokenBytes[index]) + " and " + quoted(text));
    }
    present_[index] = true;
    def_.tokenBytes[index] = std::string(text);
    def_.kinds[index] = kind;
}

int32_t VocabularyBuilder::spelledId(std::string_view spelled, std::string_view where) const {
    const auto it = idBySpelling_.find(std::string(spelled));
    if (it == idBySpelling_.end())
        throw Error(def_.source + ": " + std::string(where) + ": merge refers to " + quoted(spelled) +
                    ", which is not in the vocabulary");
    return it->second;
}

void VocabularyBuilder::addMerge(std::string_view left, std::string_view right, std::string_view where) {
    const int32_t l = spelledId(left, where);
    const int32_t r = spelledId(right, where);
    const std::string joined = std::string(left) + std::string(right);
    const auto it = idBySpelling_.find(joined);
    if (it == idBySpelling_.end())
        throw Error(def_.source + ": " + std::string(where) + ": merging " + quoted(left) + " and " + quoted(right) +
                    " gives " + quoted(joined) + ", which is not in the vocabulary");
    const int32_t result = it->second;
    def_.merges.push_back({l, r, result});
}

TokenizerDefinition VocabularyBuilder::finish() {
    if (present_.empty()) throw Error(def_.source + ": the vocabulary is empty");
    for (size_t id = 0; id < present_.size(); ++id)
        if (!present_[id])
            throw Error(def_.source + ": token ids are not contiguous: no token has id " + std::to_string(id));
    def_.byteTokens.fill(-1);
    for (size_t id = 0; id < def_.tokenBytes.size(); ++id)
        if (def_.kinds[id] == TokenKind::Bpe && def_.tokenBytes[id].size() == 1)
            def_.byteTokens[static_cast<uint8_t>(def_.tokenBytes[id][0])] = static_cast<int32_t>(id);
    for (size_t b = 0; b < 256; ++b)
        if (def_.byteTokens[b] < 0)
            throw Error(def_.source + ": the vocabulary has no token for the byte " + std::to_string(b));
    return std::move(def_);
}

}  // namespace qd
