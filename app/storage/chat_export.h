#pragma once
// Exporting conversations: JSON that keeps everything (every branch, statuses, statistics, times,
// overrides; chat_import.h reads it back) and Markdown of the shown branch, for reading.
#include "database.h"

#include <QByteArray>
#include <QList>

namespace qd::app {

class ChatExporter {
public:
    explicit ChatExporter(Database &database) : db_(database) {}

    // The listed conversations, or with an empty list every conversation not in the trash.
    // Throws StorageError(NotFound) for an unknown id.
    QByteArray toJson(const QList<qint64> &conversationIds);
    QByteArray toMarkdown(const QList<qint64> &conversationIds);

private:
    QList<qint64> resolve(const QList<qint64> &conversationIds);
    Database &db_;
};

}  // namespace qd::app
