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

// Code points below U+0300 are stable under NFC, so valid UTF-8 whose bytes are all below the
// lead byte 0xCC (U+0300) can skip the normalizer.
bool isTriviallyNfc(std::string_view text) {
    for (char c : text)
        if (static_cast<uint8_t>(c) >= 0xCC) return false;
    return true;
}

}  // namespace

std::string_view normalizeNfc(std::string_view text, std::string &storage) {
    if (!utf8::isValid(text)) {
        storage = lossyUtf8(text);
        text = storage;
    }
    if (isTriviallyNfc(text)) return text;
    utf8proc_uint8_t *out = nullptr;
    // An explicit length (no NULLTERM) lets U+0000 through like any other character.
    const utf8proc_ssize_t len =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &out,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (len < 0) throw Error(std::string("NFC normalization failed: ") + utf8proc_errmsg(len));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
    storage.assign(reinterpret_cast<const char *>(out), static_cast<size_t>(len));
    return storage;
}

}  // namespace qd
