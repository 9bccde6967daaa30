#include "search_index.h"

#include <algorithm>

namespace qd::app {

namespace {

constexpr int kSnippetTokens = 24;   // trigram tokens are characters, so about this many characters
constexpr int kScanContextBefore = 24;
constexpr int kScanSnippetLength = 72;
const QString kEllipsis = QString(QChar(0x2026));

int codePoints(const QString &word) { return int(word.toUcs4().size()); }

// A word as an FTS5 string: matched as a substring, with no query syntax in it.
QString ftsString(const QString &word) {
    QString quoted = word;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString likePattern(const QString &word) {
    QString escaped = word;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// Moves a cut position off the second half of a surrogate pair (emoji).
int safeCut(const QString &text, int position) {
    return position > 0 && position < text.size() && text.at(position).isLowSurrogate() ? position - 1 : position;
}

// The snippet for a hit found by scanning: a window around the first occurrence with every
// occurrence of every word marked. Returns how many occurrences the whole text has in `count`.
QString scanSnippet(const QString &text, const QStringList &words, const SearchOptions &options, int *count) {
    // Mark occurrences left to right, the longest word first where two start at the same place.
    QList<QPair<int, int>> marks;  // start, length
    for (int at = 0; at < text.size();) {
        int best = 0;
        for (const QString &w : words)
            if (w.size() > best && text.mid(at, w.size()).compare(w, Qt::CaseInsensitive) == 0) best = int(w.size());
        if (best > 0) {
            marks.append({at, best});
            at += best;
        } else {
            ++at;
        }
    }
    *count = int(marks.size());
    const int first = marks.isEmpty() ? 0 : marks.first().first;
    const int begin = safeCut(text, std::max(0, first - kScanContextBefore));
    const int end = safeCut(text, std::min(int(text.size()), begin + kScanSnippetLength));
    QString snippet = begin > 0 ? kEllipsis : QString();
    int at = begin;
    for (const auto &[start, length] : marks) {
        if (start < begin) continue;
        if (start + length > end) break;
        snippet += text.mid(at, start - at) + options.highlightOpen + text.mid(start, length) + options.highlightClose;
        at = start + length;
    }
    snippet += text.mid(at, end - at);
    if (end < text.size()) snippet += kEllipsis;
    return snippet;
}

}  // namespace

QList<SearchHit> SearchIndex::search(const QString &query, const SearchOptions &options) {
    const QStringList words = query.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty() || options.limit <= 0) return {};
    const bool indexable = std::all_of(words.begin(), words.end(), [](const QString &w) { return codePoints(w) >= 3; });
    return indexable ? searchIndexed(words, options) : searchScan(words, options);
}

QList<SearchHit> SearchIndex::searchIndexed(const QStringList &words, const SearchOptions &options) {
    QStringList terms;
    for (const QString &w : words) terms << ftsString(w);
    const QString match = terms.join(QLatin1Char(' '));  // FTS5 joins terms with AND

    QList<SearchHit> hits;
    SqlStatement messages = db_.connection().prepare(
        "SELECT m.conversation_id, m.id, c.title, snippet(message_search, 0, ?1, ?2, ?3, ?4), bm25(message_search)"
        " FROM message_search JOIN messages m ON m.id = message_search.rowid"
        " JOIN conversations c ON c.id = m.conversation_id"
        " WHERE message_search MATCH ?5 AND c.deleted_at IS NULL ORDER BY bm25(message_search) LIMIT ?6");
    messages.bind(1, options.highlightOpen).bind(2, options.highlightClose).bind(3, kEllipsis);
    messages.bind(4, kSnippetTokens).bind(5, match).bind(6, options.limit);
    while (messages.next())
        hits.append({messages.int64(0), messages.int64(1), messages.text(2), messages.text(3), -messages.real(4)});

    SqlStatement titles = db_.connection().prepare(
        "SELECT c.id, c.title, highlight(title_search, 0, ?1, ?2), bm25(title_search)"
        " FROM title_search JOIN conversations c ON c.id = title_search.rowid"
        " WHERE title_search MATCH ?3 AND c.deleted_at IS NULL ORDER BY bm25(title_search) LIMIT ?4");
    titles.bind(1, options.highlightOpen).bind(2, options.highlightClose).bind(3, match).bind(4, options.limit);
    while (titles.next()) hits.append({titles.int64(0), 0, titles.text(1), titles.text(2), -titles.real(3)});

    // bm25 of a short title and of a long message are comparable enough to interleave.
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit &a, const SearchHit &b) { return a.score > b.score; });
    if (hits.size() > options.limit) hits.resize(options.limit);
    return hits;
}

QList<SearchHit> SearchIndex::searchScan(const QStringList &words, const SearchOptions &options) {
    // Words too short for trigrams: scan with LIKE (case-insensitive for ASCII letters), newest
    // first, then rank by how often the words occur.
    QByteArray messageFilter, titleFilter;
    for (int i = 0; i < words.size(); ++i) {
        messageFilter += " AND m.text LIKE ?" + QByteArray::number(i + 1) + " ESCAPE '\\'";
        titleFilter += " AND c.title LIKE ?" + QByteArray::number(i + 1) + " ESCAPE '\\'";
    }
    const QByteArray limit = " LIMIT " + QByteArray::number(options.limit);

    QList<SearchHit> hits;
    auto collect = [&](SqlStatement &query, bool titleHit) {
        for (int i = 0; i < words.size(); ++i) query.bind(i + 1, likePattern(words[i]));
        while (query.next()) {
            int count = 0;
            const QString snippet = scanSnippet(query.text(3), words, options, &count);
            hits.append({query.int64(0), titleHit ? 0 : query.int64(1), query.text(2), snippet, double(count)});
        }
    };
    SqlStatement messages = db_.connection().prepare(
        "SELECT m.conversation_id, m.id, c.title, m.text FROM messages m"
        " JOIN conversations c ON c.id = m.conversation_id WHERE c.deleted_at IS NULL" +
        messageFilter + " ORDER BY m.updated_at DESC, m.id DESC" + limit);
    collect(messages, false);
    SqlStatement titles = db_.connection().prepare(
        "SELECT c.id, 0, c.title, c.title FROM conversations c WHERE c.deleted_at IS NULL" + titleFilter +
        " ORDER BY c.updated_at DESC, c.id DESC" + limit);
    collect(titles, true);

    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit &a, const SearchHit &b) { return a.score > b.score; });
    if (hits.size() > options.limit) hits.resize(options.limit);
    return hits;
}

}  // namespace qd::app
