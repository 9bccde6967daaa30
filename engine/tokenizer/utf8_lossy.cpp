#include "tokenizer/utf8_lossy.h"

#include <cstdint>

namespace qd {

namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

int expectedLength(uint8_t lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

// The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
bool acceptsSecond(uint8_t lead, uint8_t b) {
    switch (lead) {
    case 0xE0: return b >= 0xA0 && b <= 0xBF;
    case 0xED: return b >= 0x80 && b <= 0x9F;
    case 0xF0: return b >= 0x90 && b <= 0xBF;
    case 0xF4: return b >= 0x80 && b <= 0x8F;
    default: return b >= 0x80 && b <= 0xBF;
    }
}

struct Prefix {
    size_t length;  // bytes that fit a valid character; at least 1
    bool complete;
};

// The longest run at bytes[pos] that is a prefix of a valid UTF-8 character.
Prefix validPrefix(std::string_view bytes, size_t pos) {
    const auto *s = reinterpret_cast<const uint8_t *>(bytes.data());
    const int need = expectedLength(s[pos]);
    if (need == 0) return {1, false};
    size_t len = 1;
    while (len < static_cast<size_t>(need) && pos + len < bytes.size()) {
        const uint8_t b = s[pos + len];
        const bool ok = len == 1 ? acceptsSecond(s[pos], b) : (b & 0xC0) == 0x80;
        if (!ok) break;
        ++len;
    }
    return {len, len == static_cast<size_t>(need)};
}

}  // namespace

std::string lossyUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    size_t pos = 0;
    while (pos < bytes.size()) {
        if (static_cast<uint8_t>(bytes[pos]) < 0x80) {
            out.push_back(bytes[pos++]);
            continue;
        }
        const Prefix p = validPrefix(bytes, pos);
        if (p.complete)
            out.append(bytes.substr(pos, p.length));
        else
            out.append(kReplacement);
        pos += p.length;
    }
    return out;
}

size_t unfinishedTailLength(std::string_view bytes) {
    const size_t n = bytes.size();
    for (size_t back = 1; back <= 3 && back <= n; ++back) {
        const auto b = static_cast<uint8_t>(bytes[n - back]);
        if ((b & 0xC0) == 0x80) continue;
        const Prefix p = validPrefix(bytes, n - back);
        return !p.complete && p.length == back && expectedLength(b) > 0 ? back : 0;
    }
    return 0;
}

}  // namespace qd
