#include "util/utf8.h"

namespace qd::utf8 {

int sequenceLength(uint8_t lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

static bool isContinuation(uint8_t b) { return (b & 0xC0) == 0x80; }

char32_t decode(std::string_view text, size_t &pos) {
    const auto *s = reinterpret_cast<const uint8_t *>(text.data());
    const size_t n = text.size();
    const uint8_t lead = s[pos];
    const int len = sequenceLength(lead);
    if (len == 1) {
        ++pos;
        return lead;
    }
    if (len == 0 || pos + len > n) {
        ++pos;
        return 0xFFFD;
    }
    char32_t cp = lead & (0x7F >> len);
    for (int i = 1; i < len; ++i) {
        if (!isContinuation(s[pos + i])) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[pos + i] & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        ++pos;
        return 0xFFFD;
    }
    pos += len;
    return cp;
}

void append(std::string &out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool isValid(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t start = pos;
        const char32_t cp = decode(text, pos);
        if (cp == 0xFFFD && !(pos - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD")) return false;
    }
    return true;
}

size_t completePrefixLength(std::string_view text) {
    const auto *s = reinterpret_cast<const uint8_t *>(text.data());
    const size_t n = text.size();
    // Only the last three bytes can belong to an unfinished character.
    for (size_t back = 1; back <= 3 && back <= n; ++back) {
        const uint8_t b = s[n - back];
        if (isContinuation(b)) continue;
        const int len = sequenceLength(b);
        if (len > static_cast<int>(back)) return n - back;  // started but not finished
        return n;
    }
    return n;
}

}  // namespace qd::utf8
