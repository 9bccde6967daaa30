#pragma once
// Full-text search over message texts and conversation titles (FTS5, trigram tokenizer, so
// Chinese and Japanese match without word segmentation). Queries with a word shorter than three
// characters, which trigrams cannot index, fall back to a substring scan.
#include "database.h"

#include <QList>
#include <QString>

namespace qd::app {

struct SearchHit {
    qint64 conversationId = 0;
    qint64 messageId = 0;  // 0: the hit is the conversation title
    QString conversationTitle;
    QString snippet;  // the matched words wrapped in the highlight markers
    double score = 0; // higher is better; hits come best first
};

struct SearchOptions {
    QString highlightOpen = QStringLiteral("[");
    QString highlightClose = QStringLiteral("]");
    int limit = 50;
};

class SearchIndex {
public:
    explicit SearchIndex(Database &database) : db_(database) {}

    // Every whitespace-separated word must occur (case-insensitively for Latin letters).
    // Trashed conversations are left out.
    QList<SearchHit> search(const QString &query, const SearchOptions &options = {});

private:
    QList<SearchHit> searchIndexed(const QStringList &words, const SearchOptions &options);
    QList<SearchHit> searchScan(const QStringList &words, const SearchOptions &options);
    Database &db_;
};

}  // namespace qd::app
