#pragma once
// Finds added tokens ("<|im_start|>", "<tool_call>", ...) written in raw text, the way Hugging
// Face does before normalization: the leftmost occurrence wins, and of those starting there the
// longest.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qd {

class AddedTokenMatcher {
public:
    struct Match {
        size_t position;
        size_t length;
        int32_t id;
    };

    void add(std::string text, int32_t id);
    std::optional<Match> findNext(std::string_view text, size_t from) const;

private:
    struct Entry {
        std::string text;
        int32_t id;
    };
    // Tokens grouped by first byte, longest first; most bytes of a text start no token at all.
    std::array<std::vector<Entry>, 256> byFirstByte_;
};

}  // namespace qd
