#include "chat_controller.h"

#include "chat_history.h"
#include "generation_settings.h"
#include "settings.h"
#include "storage_error.h"

namespace qd::app {

namespace {

MessageStatus statusOf(EndReason reason) {
    switch (reason) {
    case EndReason::Stop:
    case EndReason::Length: return MessageStatus::Complete;
    case EndReason::Cancelled: return MessageStatus::Cancelled;
    case EndReason::Error: return MessageStatus::Error;
    }
    return MessageStatus::Error;
}

GenerationStats storedStats(const qd::GenerationStats &s) {
    GenerationStats stored;
    stored.generatedTokens = int(s.generatedTokens);
    stored.tokensPerSecond = s.decodeTokensPerSecond;
    stored.timeToFirstTokenMs = s.timeToFirstTokenSeconds * 1000.0;
    stored.prefillTokens = int(s.prefilledTokens);
    return stored;
}

}  // namespace

ChatController::ChatController(EngineClient &engine, Database &database, Settings &settings, QObject *parent)
    : QObject(parent), engine_(engine), settings_(settings), conversations_(database), tree_(database),
      writer_(database) {
    connect(&engine_, &EngineClient::contextBuilt, this, &ChatController::onContext);
    connect(&engine_, &EngineClient::textPiece, this, &ChatController::onText);
    connect(&engine_, &EngineClient::statistics, this, &ChatController::onStatistics);
    connect(&engine_, &EngineClient::finished, this, &ChatController::onFinished);
    connect(&writer_, &ReplyWriter::saveFailed, this, &ChatController::saveFailed);
}

QString ChatController::refusalFor(qint64 conversationId) const {
    if (!isReplying(conversationId)) return {};
    return tr("A reply is already being generated in this conversation; stop it or wait for it to finish.");
}

ReplyStart ChatController::send(qint64 conversationId, const QString &text, const ReplyOverrides &overrides) {
    ReplyStart start;
    start.refusal = refusalFor(conversationId);
    if (!start.refusal.isEmpty()) return start;
    const Conversation conversation = conversations_.require(conversationId);
    QList<Message> history = tree_.activePath(conversationId);
    const Message user = tree_.addMessage(conversationId, history.isEmpty() ? 0 : history.last().id, Role::User, text);
    history.append(user);
    start.userMessageId = user.id;
    start.replyMessageId = writer_.beginAssistantReply(conversationId, user.id);
    startGeneration(conversation, history, start.replyMessageId, overrides);
    return start;
}

ReplyStart ChatController::replyTo(qint64 userMessageId, const ReplyOverrides &overrides) {
    ReplyStart start;
    const Message user = tree_.require(userMessageId);
    if (user.role != Role::User)
        throw StorageError(StorageError::Kind::Invalid, "Message " + std::to_string(userMessageId) + " is not a user message");
    start.refusal = refusalFor(user.conversationId);
    if (!start.refusal.isEmpty()) return start;
    const Conversation conversation = conversations_.require(user.conversationId);
    // The history is the shown branch up to and including the message.
    QList<Message> history = tree_.activePath(user.conversationId);
    while (!history.isEmpty() && history.last().id != user.id) history.removeLast();
    if (history.isEmpty())
        throw StorageError(StorageError::Kind::Invalid,
                           "Message " + std::to_string(userMessageId) + " is not on the shown branch");
    start.userMessageId = user.id;
    start.replyMessageId = writer_.beginAssistantReply(user.conversationId, user.id);
    startGeneration(conversation, history, start.replyMessageId, overrides);
    return start;
}

ReplyStart ChatController::regenerate(qint64 assistantMessageId, const ReplyOverrides &overrides) {
    ReplyStart start;
    const Message old = tree_.require(assistantMessageId);
    start.refusal = refusalFor(old.conversationId);
    if (!start.refusal.isEmpty()) return start;
    const Conversation conversation = conversations_.require(old.conversationId);
    const Message reply = tree_.regenerate(assistantMessageId);
    writer_.resumeReply(reply.id);
    // The shown branch now ends with the new, empty reply: the history is what comes before it.
    QList<Message> history = tree_.activePath(old.conversationId);
    while (!history.isEmpty() && history.last().id != reply.parentId) history.removeLast();
    start.replyMessageId = reply.id;
    startGeneration(conversation, history, reply.id, overrides);
    return start;
}

void ChatController::startGeneration(const Conversation &conversation, const QList<Message> &history,
                                     qint64 replyId, const ReplyOverrides &overrides) {
    GenerateRequest request;
    request.conversationId = conversation.id;
    const QString system = conversation.systemPrompt.isEmpty() ? settings_.defaultSystemPrompt() : conversation.systemPrompt;
    request.messages = promptMessages(system, history);
    request.options = generationOptions(settings_, conversation.sampling);
    if (overrides.maxNewTokens) request.options.maxNewTokens = *overrides.maxNewTokens;
    request.options.ignoreEos = overrides.ignoreEos;
    request.replyReserve = request.options.maxNewTokens;
    const RequestId id = engine_.generate(std::move(request));
    replies_.insert(id, {conversation.id, replyId, {}});
    emit replyStarted(conversation.id, replyId);
}

void ChatController::cancel(qint64 conversationId) {
    for (auto it = replies_.cbegin(); it != replies_.cend(); ++it)
        if (it->conversationId == conversationId) engine_.cancel(it.key());
}

void ChatController::onContext(RequestId id, qint64 promptTokens, int droppedTurns) {
    const auto it = replies_.constFind(id);
    if (it != replies_.cend()) emit contextBuilt(it->conversationId, it->messageId, promptTokens, droppedTurns);
}

void ChatController::onText(RequestId id, const QString &text) {
    const auto it = replies_.constFind(id);
    if (it == replies_.cend()) return;
    try {
        writer_.appendToReply(it->messageId, text);
    } catch (const StorageError &e) {
        emit saveFailed(QString::fromUtf8(e.what()));
    }
    emit replyText(it->conversationId, it->messageId, text);
}

void ChatController::onStatistics(RequestId id, const qd::GenerationStats &stats) {
    if (const auto it = replies_.find(id); it != replies_.end()) it->stats = stats;
}

void ChatController::onFinished(RequestId id, EndReason reason, const QString &error) {
    const auto it = replies_.constFind(id);
    if (it == replies_.cend()) return;
    const Reply reply = *it;
    replies_.erase(it);
    const MessageStatus status = statusOf(reason);
    try {
        writer_.finishReply(reply.messageId, status, storedStats(reply.stats), error);
    } catch (const StorageError &e) {
        emit saveFailed(QString::fromUtf8(e.what()));
    }
    emit replyFinished(reply.conversationId, reply.messageId, status, error);
}

}  // namespace qd::app
