#pragma once
// Saves a streaming reply while it grows. Text is buffered and written at most every
// flushInterval (250 ms), so a crash loses at most that much plus the time to the next piece;
// a timer writes what is pending when the pieces stop coming (needs an event loop; without one,
// the next append or finish writes it).
#include "chat_types.h"
#include "database.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace qd::app {

class ReplyWriter : public QObject {
    Q_OBJECT
public:
    explicit ReplyWriter(Database &database, int flushIntervalMs = 250, QObject *parent = nullptr);
    ~ReplyWriter() override;  // writes pending text; replies stay Streaming (as after a crash)

    // A new, empty assistant message under `parentId`, status Streaming, selected.
    qint64 beginAssistantReply(qint64 conversationId, qint64 parentId);
    // Starts filling an existing Streaming message (such as the one MessageTree::regenerate made).
    void resumeReply(qint64 messageId);
    void appendToReply(qint64 messageId, const QString &text);
    // Writes pending text now.
    void flush();
    // Writes the rest of the text with the final status and statistics; the reply is done.
    void finishReply(qint64 messageId, MessageStatus status, const GenerationStats &stats,
                     const QString &errorText = {});

    // Text appended but not yet written (for tests and diagnostics).
    int pendingCharacters(qint64 messageId) const;

signals:
    // A timed write failed (such as a full disk); the text stays pending and is tried again.
    void saveFailed(const QString &message);

private:
    struct Pending {
        QString text;
        QElapsedTimer sinceWrite;
    };
    void write(qint64 messageId, Pending &pending);

    Database &db_;
    int intervalMs_;
    QHash<qint64, Pending> pending_;
    QTimer timer_;
};

}  // namespace qd::app
