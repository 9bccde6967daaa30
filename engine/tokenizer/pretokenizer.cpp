#include "tokenizer/pretokenizer.h"

#include "util/utf8.h"

#include <array>
#include <cstdint>
#include <utf8proc.h>

namespace qd {

namespace {

enum : uint8_t {
    kLetter = 1,
    kNumber = 2,
    kSpace = 4,    // \s: the Unicode White_Space property
    kLineEnd = 8,  // \r or \n (also kSpace)
};

uint8_t classifyNonAscii(char32_t cp) {
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return kLetter;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return kNumber;
    default: break;
    }
    const bool space = cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
                       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    return space ? kSpace : 0;
}

struct AsciiClasses {
    std::array<uint8_t, 128> table{};
    AsciiClasses() {
        for (char32_t c = 'a'; c <= 'z'; ++c) table[c] = table[c - 'a' + 'A'] = kLetter;
        for (char32_t c = '0'; c <= '9'; ++c) table[c] = kNumber;
        for (char32_t c : {U'\t', U'\v', U'\f', U' '}) table[c] = kSpace;
        table['\r'] = table['\n'] = kSpace | kLineEnd;
    }
};

uint8_t classify(char32_t cp) {
    static const AsciiClasses ascii;
    return cp < 128 ? ascii.table[cp] : classifyNonAscii(cp);
}

bool isOther(uint8_t cls) { return (cls & (kLetter | kNumber | kSpace)) == 0; }

// Case folding as the (?i) of the contractions sees it: ASCII, plus LONG S (U+017F), which folds
// to 's'. No other code point folds to one of the letters s, t, r, e, v, m, l, d.
char32_t foldCase(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + ('a' - 'A');
    return c == 0x17F ? U's' : c;
}

// The text decoded once, so the matcher can look ahead and back off freely.
struct CodePoints {
    std::vector<char32_t> cps;
    std::vector<uint8_t> classes;
    std::vector<size_t> offsets;  // byte offset of each code point, plus the end

    explicit CodePoints(std::string_view text) {
        cps.reserve(text.size());
        classes.reserve(text.size());
        offsets.reserve(text.size() + 1);
        size_t pos = 0;
        while (pos < text.size()) {
            offsets.push_back(pos);
            const char32_t cp = utf8::decode(text, pos);
            cps.push_back(cp);
            classes.push_back(classify(cp));
        }
        offsets.push_back(pos);
    }
    size_t size() const { return cps.size(); }
};

class Matcher {
public:
    explicit Matcher(const CodePoints &t) : cps_(t.cps), cls_(t.classes), n_(t.size()) {}

    // End (exclusive) of the match starting at i; one of the alternatives always matches.
    size_t matchAt(size_t i) const {
        if (const size_t end = contraction(i)) return end;
        if (cls_[i] & kLetter) return letterRun(i);
        if (!(cls_[i] & (kLetter | kNumber | kLineEnd)) && i + 1 < n_ && (cls_[i + 1] & kLetter))
            return letterRun(i + 1);
        if (cls_[i] & kNumber) return i + 1;
        // " ?[^\s\p{L}\p{N}]+[\r\n]*"
        size_t j = cps_[i] == U' ' ? i + 1 : i;
        if (j < n_ && isOther(cls_[j])) {
            while (j < n_ && isOther(cls_[j])) ++j;
            while (j < n_ && (cls_[j] & kLineEnd)) ++j;
            return j;
        }
        // Only white space is left here.
        size_t spaceEnd = i;
        size_t lastLineEnd = n_;
        for (; spaceEnd < n_ && (cls_[spaceEnd] & kSpace); ++spaceEnd)
            if (cls_[spaceEnd] & kLineEnd) lastLineEnd = spaceEnd;
        if (lastLineEnd != n_) return lastLineEnd + 1;  // "\s*[\r\n]+"
        // "\s+(?!\S)" leaves the last space to the following word; "\s+" takes a lone one.
        if (spaceEnd < n_ && spaceEnd - i >= 2) return spaceEnd - 1;
        return spaceEnd;
    }

private:
    // "(?i:'s|'t|'re|'ve|'m|'ll|'d)"; returns 0 when there is none at i.
    size_t contraction(size_t i) const {
        if (cps_[i] != U'\'' || i + 1 >= n_) return 0;
        const char32_t a = foldCase(cps_[i + 1]);
        if (a == U's' || a == U't' || a == U'm' || a == U'd') return i + 2;
        if (i + 2 >= n_) return 0;
        const char32_t b = foldCase(cps_[i + 2]);
        if ((a == U'r' && b == U'e') || (a == U'v' && b == U'e') || (a == U'l' && b == U'l')) return i + 3;
        return 0;
    }

    size_t letterRun(size_t j) const {
        while (j < n_ && (cls_[j] & kLetter)) ++j;
        return j;
    }

    const std::vector<char32_t> &cps_;
    const std::vector<uint8_t> &cls_;
    size_t n_;
};

}  // namespace

std::vector<std::string_view> pretokenize(std::string_view text) {
    const CodePoints points(text);
    const Matcher matcher(points);
    std::vector<std::string_view> pieces;
    pieces.reserve(points.size() / 3 + 1);
    for (size_t i = 0; i < points.size();) {
        const size_t end = matcher.matchAt(i);
        pieces.push_back(text.substr(points.offsets[i], points.offsets[end] - points.offsets[i]));
        i = end;
    }
    return pieces;
}

}  // namespace qd
