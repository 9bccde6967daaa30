#include "tokenizer/normalizer.h"

#include "tokenizer/utf8_lossy.h"
#include "util/error.h"
#include "util/utf8.h"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <utf8proc.h>

namespace qd {

namespace {

// Code points that NFC leaves alone and that never combine with what precedes them (canonical
// combining class 0, NFC_Quick_Check=Yes): text may be cut before each of them and normalized
// piecewise. Listed are the blocks that make up most text; anything else takes the slow path.
bool isInert(char32_t cp) {
    return cp < 0x300 || (cp >= 0x3000 && cp <= 0x3029) || (cp >= 0x3041 && cp <= 0x3096) ||
           (cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
           (cp >= 0xFF01 && cp <= 0xFF5E);
}

void appendNfc(std::string &out, std::string_view chunk) {
    utf8proc_uint8_t *result = nullptr;
    // An explicit length (no NULLTERM) lets U+0000 through like any other character.
    const utf8proc_ssize_t len =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(chunk.data()),
                     static_cast<utf8proc_ssize_t>(chunk.size()), &result,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (len < 0) throw Error(std::string("NFC normalization failed: ") + utf8proc_errmsg(len));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(result, &std::free);
    out.append(reinterpret_cast<const char *>(result), static_cast<size_t>(len));
}

}  // namespace

std::string_view normalizeNfc(std::string_view input, std::string &storage) {
    std::string valid;
    std::string_view text = input;
    if (!utf8::isValid(input)) {
        valid = lossyUtf8(input);
        text = valid;
    }
    std::string out;
    size_t copied = 0;    // text before this is in out
    size_t boundary = 0;  // start of the last inert code point: a place to cut
    for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        if (static_cast<uint8_t>(text[pos]) < 0x80) {
            boundary = pos++;
            continue;
        }
        if (isInert(utf8::decode(text, pos))) {
            boundary = start;
            continue;
        }
        // Normalize from the last cut up to the next inert code point.
        size_t end = pos;
        while (end < text.size()) {
            size_t next = end;
            if (isInert(utf8::decode(text, next))) break;
            end = next;
        }
        out.append(text.substr(copied, boundary - copied));
        appendNfc(out, text.substr(boundary, end - boundary));
        copied = pos = end;
    }
    if (copied == 0 && out.empty()) {
        if (valid.empty()) return input;
        storage = std::move(valid);
        return storage;
    }
    out.append(text.substr(copied));
    storage = std::move(out);
    return storage;
}

}  // namespace qd
