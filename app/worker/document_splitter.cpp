#include "document_splitter.h"

#include "util/error.h"

#include <algorithm>

namespace qd::app {

namespace {

bool isBlank(std::string_view line) { return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos; }

std::string_view trimNewlines(std::string_view text) {
    const size_t begin = text.find_first_not_of("\r\n");
    if (begin == std::string_view::npos) return {};
    return text.substr(begin, text.find_last_not_of("\r\n") - begin + 1);
}

// Paragraphs: runs of lines separated by blank lines.
std::vector<std::string_view> paragraphsOf(std::string_view text) {
    std::vector<std::string_view> paragraphs;
    size_t start = 0, pos = 0;
    auto close = [&](size_t end) {
        if (const auto p = trimNewlines(text.substr(start, end - start)); !isBlank(p)) paragraphs.push_back(p);
    };
    while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        if (isBlank(text.substr(pos, eol - pos))) {
            close(pos);
            start = eol + 1;
        }
        pos = eol + 1;
    }
    if (start < text.size()) close(text.size());
    return paragraphs;
}

// Sentences keep their trailing whitespace, so joining them gives back the paragraph exactly.
// A sentence ends after . ! ? followed by whitespace, after a CJK full stop, ! or ?, or at a line end.
std::vector<std::string_view> sentencesOf(std::string_view paragraph) {
    static constexpr std::string_view kWideEnds[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"};
    std::vector<std::string_view> sentences;
    size_t start = 0, i = 0;
    auto isSpace = [&](size_t at) { return at < paragraph.size() && std::string_view(" \t\r\n").find(paragraph[at]) != std::string_view::npos; };
    while (i < paragraph.size()) {
        size_t end = 0;
        const char c = paragraph[i];
        if ((c == '.' || c == '!' || c == '?') && isSpace(i + 1)) end = i + 1;
        else if (c == '\n') end = i + 1;
        else
            for (auto wide : kWideEnds)
                if (paragraph.substr(i, wide.size()) == wide) end = i + wide.size();
        if (end == 0) {
            ++i;
            continue;
        }
        while (isSpace(end)) ++end;
        sentences.push_back(paragraph.substr(start, end - start));
        start = i = end;
    }
    if (start < paragraph.size()) sentences.push_back(paragraph.substr(start));
    return sentences;
}

// The largest length <= limit that does not cut a UTF-8 sequence.
size_t characterBoundary(std::string_view text, size_t limit) {
    while (limit > 0 && limit < text.size() && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
    return limit;
}

}  // namespace

int64_t DocumentSplitter::count(std::string_view text) const {
    return static_cast<int64_t>(tokenizer_.encodePlain(text).size());
}

std::vector<std::string> DocumentSplitter::split(std::string_view text, int64_t maxTokens) const {
    if (maxTokens < 4) throw Error("a chunk must hold at least 4 tokens (one character)");
    std::vector<Unit> units;
    for (const std::string_view paragraph : paragraphsOf(text)) addParagraph(paragraph, maxTokens, units);
    return pack(units, maxTokens);
}

void DocumentSplitter::addParagraph(std::string_view paragraph, int64_t maxTokens, std::vector<Unit> &units) const {
    if (const int64_t tokens = count(paragraph); tokens <= maxTokens) {
        units.push_back({std::string(paragraph), tokens, true});
        return;
    }
    const size_t first = units.size();
    for (const std::string_view sentence : sentencesOf(paragraph)) {
        if (const int64_t tokens = count(sentence); tokens <= maxTokens) units.push_back({std::string(sentence), tokens, false});
        else addHardSplit(sentence, maxTokens, units);
    }
    if (units.size() > first) units[first].startsParagraph = true;
}

void DocumentSplitter::addHardSplit(std::string_view sentence, int64_t maxTokens, std::vector<Unit> &units) const {
    while (!sentence.empty()) {
        // Bisect on the byte length for the longest prefix that fits.
        size_t low = 1, high = sentence.size();
        while (low < high) {
            const size_t mid = low + (high - low + 1) / 2;
            if (count(sentence.substr(0, characterBoundary(sentence, mid))) <= maxTokens) low = mid;
            else high = mid - 1;
        }
        size_t length = characterBoundary(sentence, low);
        if (length == 0) length = characterBoundary(sentence, std::min<size_t>(4, sentence.size()));  // one character: at most 4 tokens
        const std::string_view piece = sentence.substr(0, length);
        units.push_back({std::string(piece), count(piece), false});
        sentence.remove_prefix(length);
    }
}

std::vector<std::string> DocumentSplitter::pack(const std::vector<Unit> &units, int64_t maxTokens) const {
    std::vector<std::string> chunks;
    std::string chunk;
    int64_t estimate = 0;  // sum of the units' own counts: close to, but not exactly, the chunk's
    size_t firstInChunk = 0;
    for (size_t i = 0; i < units.size(); ++i) {
        const Unit &unit = units[i];
        const int64_t joinTokens = chunk.empty() || !unit.startsParagraph ? 0 : 1;
        if (!chunk.empty() && estimate + joinTokens + unit.tokens > maxTokens) {
            chunks.push_back(std::move(chunk));
            chunk.clear();
            estimate = 0;
            firstInChunk = i;
        }
        std::string candidate = chunk;
        if (!candidate.empty() && unit.startsParagraph) candidate += "\n\n";
        candidate += unit.text;
        // Tokens are not quite additive across a join (a couple at most each); near the limit,
        // check the real count before growing.
        const int64_t slack = 8 + 2 * static_cast<int64_t>(i - firstInChunk);
        if (i > firstInChunk && estimate + joinTokens + unit.tokens > maxTokens - slack && count(candidate) > maxTokens) {
            chunks.push_back(std::move(chunk));
            chunk = unit.text;
            estimate = unit.tokens;
            firstInChunk = i;
            continue;
        }
        chunk = std::move(candidate);
        estimate += joinTokens + unit.tokens;
    }
    if (!chunk.empty()) chunks.push_back(std::move(chunk));
    return chunks;
}

}  // namespace qd::app
