#include "reply_writer.h"

#include "message_tree.h"
#include "rows.h"

namespace qd::app {

ReplyWriter::ReplyWriter(Database &database, int flushIntervalMs, QObject *parent)
    : QObject(parent), db_(database), intervalMs_(flushIntervalMs) {
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, [this] {
        // Called from the event loop, where an exception cannot go; report it instead. The text
        // stays pending and is tried again with the next piece.
        try {
            flush();
        } catch (const StorageError &e) {
            emit saveFailed(QString::fromStdString(e.what()));
        }
    });
}

ReplyWriter::~ReplyWriter() {
    try {
        flush();
    } catch (const StorageError &) {
        // Nothing can be reported any more; the reply is left as a crash would leave it.
    }
}

qint64 ReplyWriter::beginAssistantReply(qint64 conversationId, qint64 parentId) {
    const Message reply = MessageTree(db_).addMessage(conversationId, parentId, Role::Assistant, QString(),
                                                      MessageStatus::Streaming);
    resumeReply(reply.id);
    return reply.id;
}

void ReplyWriter::resumeReply(qint64 messageId) {
    Pending &pending = pending_[messageId];
    pending.sinceWrite.start();
}

void ReplyWriter::appendToReply(qint64 messageId, const QString &text) {
    const auto it = pending_.find(messageId);
    if (it == pending_.end())
        throw StorageError(StorageError::Kind::Invalid,
                           "Reply " + std::to_string(messageId) + " was not begun or is already finished");
    it->text += text;
    const qint64 waited = it->sinceWrite.elapsed();
    if (waited >= intervalMs_)
        write(messageId, *it);
    else if (!timer_.isActive())
        timer_.start(int(intervalMs_ - waited));
}

void ReplyWriter::flush() {
    timer_.stop();
    for (auto it = pending_.begin(); it != pending_.end(); ++it)
        if (!it->text.isEmpty()) write(it.key(), *it);
}

void ReplyWriter::write(qint64 messageId, Pending &pending) {
    SqlStatement update = db_.connection().prepare(
        "UPDATE messages SET text = text || ?, updated_at = ? WHERE id = ? AND status = 'streaming'");
    update.bind(1, pending.text).bind(2, rows::nowMs()).bind(3, messageId).run();
    // Only cleared once written: after a failure (a full disk) nothing is lost from memory.
    pending.text.clear();
    pending.sinceWrite.start();
}

void ReplyWriter::finishReply(qint64 messageId, MessageStatus status, const GenerationStats &stats,
                              const QString &errorText) {
    if (status == MessageStatus::Streaming)
        throw StorageError(StorageError::Kind::Invalid, "A finished reply cannot keep the status streaming");
    const auto it = pending_.find(messageId);
    const QString rest = it != pending_.end() ? it->text : QString();
    SqlConnection &connection = db_.connection();
    SqlTransaction transaction(connection);
    const qint64 now = rows::nowMs();
    SqlStatement update = connection.prepare(
        "UPDATE messages SET text = text || ?, status = ?, error_text = ?, updated_at = ?, token_count = ?,"
        " generated_tokens = ?, tokens_per_second = ?, time_to_first_token_ms = ?, prefill_tokens = ?"
        " WHERE id = ?");
    update.bind(1, rest).bind(2, statusName(status)).bind(3, errorText).bind(4, now);
    update.bind(5, stats.generatedTokens).bind(6, stats.generatedTokens).bind(7, stats.tokensPerSecond);
    update.bind(8, stats.timeToFirstTokenMs).bind(9, stats.prefillTokens).bind(10, messageId).run();
    if (connection.changes() == 0)
        throw StorageError(StorageError::Kind::NotFound, "There is no message " + std::to_string(messageId));
    SqlStatement touch = connection.prepare(
        "UPDATE conversations SET updated_at = ? WHERE id = (SELECT conversation_id FROM messages WHERE id = ?)");
    touch.bind(1, now).bind(2, messageId).run();
    transaction.commit();
    if (it != pending_.end()) pending_.erase(it);
    if (pending_.isEmpty()) timer_.stop();
}

int ReplyWriter::pendingCharacters(qint64 messageId) const { return int(pending_.value(messageId).text.size()); }

}  // namespace qd::app
