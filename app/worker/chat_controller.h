#pragma once
// The chat flow, shared by the GUI and `qwendesk-cli chat`: a user message is stored, the
// conversation becomes a prompt (ContextBuilder, on the worker), the reply streams into storage
// through ReplyWriter as it is generated, and ends with its status and statistics. Also
// regenerate and cancel. Lives on the GUI thread; never blocks it on the engine.
#include "chat_types.h"
#include "engine_client.h"
#include "message_tree.h"
#include "conversation_store.h"
#include "reply_writer.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace qd::app {

class Database;
class Settings;

// Per-reply adjustments that are not settings (the command line's -n and --ignore-eos).
struct ReplyOverrides {
    std::optional<int64_t> maxNewTokens;
    bool ignoreEos = false;
};

struct ReplyStart {
    qint64 userMessageId = 0;   // 0 for a regenerated reply
    qint64 replyMessageId = 0;  // 0 when refused
    QString refusal;            // why nothing was started
};

class ChatController : public QObject {
    Q_OBJECT
public:
    ChatController(EngineClient &engine, Database &database, Settings &settings, QObject *parent = nullptr);

    // Adds `text` as a user message at the end of the conversation's shown branch and starts the
    // reply below it. Refused, storing nothing, while the conversation has a reply in progress.
    // Throws StorageError (unknown conversation, full disk).
    ReplyStart send(qint64 conversationId, const QString &text, const ReplyOverrides &overrides = {});
    // Answers a user message on the conversation's shown branch (such as one just made by
    // MessageTree::editUserMessage); the reply becomes the message's shown one. Refused while the
    // conversation has a reply in progress. Throws StorageError (unknown message, not a user
    // message, not on the shown branch).
    ReplyStart replyTo(qint64 userMessageId, const ReplyOverrides &overrides = {});
    // A new alternative to an assistant reply, generated from the same history.
    ReplyStart regenerate(qint64 assistantMessageId, const ReplyOverrides &overrides = {});
    void cancel(qint64 conversationId);
    bool isReplying(qint64 conversationId) const { return engine_.isGenerating(conversationId); }

signals:
    void replyStarted(qint64 conversationId, qint64 messageId);
    // The prompt is built; droppedTurns > 0 when the oldest turns did not fit the context.
    void contextBuilt(qint64 conversationId, qint64 messageId, qint64 promptTokens, int droppedTurns);
    void replyText(qint64 conversationId, qint64 messageId, const QString &text);
    void replyFinished(qint64 conversationId, qint64 messageId, qd::app::MessageStatus status, const QString &error);
    void saveFailed(const QString &message);

private:
    struct Reply {
        qint64 conversationId = 0;
        qint64 messageId = 0;
        qd::GenerationStats stats;
    };
    void startGeneration(const Conversation &conversation, const QList<Message> &history, qint64 replyId,
                         const ReplyOverrides &overrides);
    void onContext(RequestId id, qint64 promptTokens, int droppedTurns);
    void onText(RequestId id, const QString &text);
    void onStatistics(RequestId id, const qd::GenerationStats &stats);
    void onFinished(RequestId id, EndReason reason, const QString &error);
    QString refusalFor(qint64 conversationId) const;

    EngineClient &engine_;
    Settings &settings_;
    ConversationStore conversations_;
    MessageTree tree_;
    ReplyWriter writer_;
    QHash<RequestId, Reply> replies_;
};

}  // namespace qd::app
