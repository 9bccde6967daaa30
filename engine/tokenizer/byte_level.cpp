#include "tokenizer/byte_level.h"

#include "util/utf8.h"

#include <array>

namespace qd::byte_level {

namespace {

// Printable Latin-1 bytes stand for themselves; the others (controls, space, DEL, NBSP, soft
// hyphen) are moved, in byte order, to U+0100 upwards.
bool isSelfSpelled(unsigned b) {
    return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
}

// Code point -> byte; every code point of the alphabet is below U+0144.
struct Alphabet {
    std::array<int16_t, 0x144> toByte{};
    Alphabet() {
        toByte.fill(-1);
        unsigned next = 0x100;
        for (unsigned b = 0; b < 256; ++b) toByte[isSelfSpelled(b) ? b : next++] = static_cast<int16_t>(b);
    }
};

}  // namespace

std::optional<std::string> decodeToken(std::string_view spelled) {
    static const Alphabet alphabet;
    std::string bytes;
    bytes.reserve(spelled.size());
    size_t pos = 0;
    while (pos < spelled.size()) {
        const char32_t cp = utf8::decode(spelled, pos);  // invalid UTF-8 gives U+FFFD, rejected below
        if (cp >= alphabet.toByte.size() || alphabet.toByte[cp] < 0) return std::nullopt;
        bytes.push_back(static_cast<char>(alphabet.toByte[cp]));
    }
    return bytes;
}

}  // namespace qd::byte_level
