#include "tokenizer/added_tokens.h"

#include <algorithm>

namespace qd {

void AddedTokenMatcher::add(std::string text, int32_t id) {
    if (text.empty()) return;  // an empty token would match everywhere
    auto &bucket = byFirstByte_[static_cast<uint8_t>(text[0])];
    bucket.push_back({std::move(text), id});
    std::stable_sort(bucket.begin(), bucket.end(),
                     [](const Entry &a, const Entry &b) { return a.text.size() > b.text.size(); });
}

std::optional<AddedTokenMatcher::Match> AddedTokenMatcher::findNext(std::string_view text, size_t from) const {
    for (size_t pos = from; pos < text.size(); ++pos) {
        const auto &bucket = byFirstByte_[static_cast<uint8_t>(text[pos])];
        for (const Entry &e : bucket)
            if (text.compare(pos, e.text.size(), e.text) == 0) return Match{pos, e.text.size(), e.id};
    }
    return std::nullopt;
}

}  // namespace qd
