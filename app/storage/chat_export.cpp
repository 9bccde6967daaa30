#include "chat_export.h"

#include "conversation_store.h"
#include "message_tree.h"
#include "rows.h"

#include <QHash>
#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace qd::app {

namespace {

QJsonValue time(const QDateTime &t) { return t.toUTC().toString(Qt::ISODateWithMs); }

QJsonValue key(const QHash<qint64, int> &keys, qint64 id) {
    return keys.contains(id) ? QJsonValue(keys.value(id)) : QJsonValue(QJsonValue::Null);
}

// Messages are numbered 1, 2, ... within their conversation, so the file does not depend on the
// database's ids and an imported conversation exports to the same text.
QJsonObject conversationJson(const Conversation &c, const QList<Message> &messages) {
    QHash<qint64, int> keys;
    for (const Message &m : messages) keys.insert(m.id, int(keys.size()) + 1);
    QJsonArray list;
    for (const Message &m : messages) {
        list.append(QJsonObject{
            {QStringLiteral("key"), keys.value(m.id)},
            {QStringLiteral("parent"), key(keys, m.parentId)},
            {QStringLiteral("role"), roleName(m.role)},
            {QStringLiteral("text"), m.text},
            {QStringLiteral("status"), statusName(m.status)},
            {QStringLiteral("error"), m.errorText},
            {QStringLiteral("createdAt"), time(m.createdAt)},
            {QStringLiteral("updatedAt"), time(m.updatedAt)},
            {QStringLiteral("tokenCount"), m.tokenCount},
            {QStringLiteral("stats"), QJsonObject{{QStringLiteral("generatedTokens"), m.stats.generatedTokens},
                                                  {QStringLiteral("tokensPerSecond"), m.stats.tokensPerSecond},
                                                  {QStringLiteral("timeToFirstTokenMs"), m.stats.timeToFirstTokenMs},
                                                  {QStringLiteral("prefillTokens"), m.stats.prefillTokens}}},
            {QStringLiteral("selectedChild"), key(keys, m.selectedChildId)},
        });
    }
    return QJsonObject{
        {QStringLiteral("title"), c.title},
        {QStringLiteral("createdAt"), time(c.createdAt)},
        {QStringLiteral("updatedAt"), time(c.updatedAt)},
        {QStringLiteral("pinned"), c.pinned},
        {QStringLiteral("model"), c.model},
        {QStringLiteral("systemPrompt"), c.systemPrompt},
        {QStringLiteral("sampling"), rows::samplingToJson(c.sampling)},
        {QStringLiteral("selectedRoot"), key(keys, c.selectedRootId)},
        {QStringLiteral("messages"), list},
    };
}

QString statusNote(const Message &m) {
    switch (m.status) {
    case MessageStatus::Complete:
        return {};
    case MessageStatus::Streaming:
        return QStringLiteral("*(still being written)*");
    case MessageStatus::Cancelled:
        return QStringLiteral("*(stopped before the end)*");
    case MessageStatus::Interrupted:
        return QStringLiteral("*(interrupted: QwenDesk closed while writing this reply)*");
    case MessageStatus::Error:
        return QStringLiteral("*(failed: %1)*").arg(m.errorText);
    }
    return {};
}

QString roleHeading(Role role) {
    switch (role) {
    case Role::System:
        return QStringLiteral("System");
    case Role::User:
        return QStringLiteral("User");
    case Role::Assistant:
        return QStringLiteral("Assistant");
    case Role::Tool:
        return QStringLiteral("Tool");
    }
    return {};
}

QString conversationMarkdown(const Conversation &c, const QList<Message> &path) {
    QString md = QStringLiteral("# %1\n\n").arg(c.title.isEmpty() ? QStringLiteral("Untitled chat") : c.title);
    md += QStringLiteral("- Created: %1\n- Updated: %2\n")
              .arg(c.createdAt.toUTC().toString(Qt::ISODate), c.updatedAt.toUTC().toString(Qt::ISODate));
    if (!c.model.isEmpty()) md += QStringLiteral("- Model: %1\n").arg(c.model);
    if (!c.systemPrompt.isEmpty()) md += QStringLiteral("- System prompt: %1\n").arg(c.systemPrompt.simplified());
    for (const Message &m : path) {
        md += QStringLiteral("\n## %1\n\n").arg(roleHeading(m.role));
        if (!m.text.isEmpty()) md += m.text.trimmed() + QLatin1String("\n");
        QStringList notes;
        if (const QString note = statusNote(m); !note.isEmpty()) notes << note;
        if (m.role == Role::Assistant && m.stats.generatedTokens > 0)
            notes << QStringLiteral("*%1 tokens, %2 tokens/s, first token after %3 ms*")
                         .arg(m.stats.generatedTokens)
                         .arg(m.stats.tokensPerSecond, 0, 'f', 1)
                         .arg(m.stats.timeToFirstTokenMs, 0, 'f', 0);
        if (!notes.isEmpty()) md += QLatin1String("\n") + notes.join(QLatin1String("\n")) + QLatin1String("\n");
    }
    return md;
}

}  // namespace

QList<qint64> ChatExporter::resolve(const QList<qint64> &conversationIds) {
    ConversationStore conversations(db_);
    if (!conversationIds.isEmpty()) {
        for (qint64 id : conversationIds) conversations.require(id);
        return conversationIds;
    }
    // Oldest first, so importing the file recreates them in the same order.
    QList<qint64> ids;
    for (const Conversation &c : conversations.list()) ids << c.id;
    std::sort(ids.begin(), ids.end());
    return ids;
}

QByteArray ChatExporter::toJson(const QList<qint64> &conversationIds) {
    ConversationStore conversations(db_);
    MessageTree tree(db_);
    QJsonArray list;
    for (qint64 id : resolve(conversationIds))
        list.append(conversationJson(conversations.require(id), tree.allMessages(id)));
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("qwendesk-conversations")},
                                     {QStringLiteral("version"), 1},
                                     {QStringLiteral("conversations"), list}})
        .toJson(QJsonDocument::Indented);
}

QByteArray ChatExporter::toMarkdown(const QList<qint64> &conversationIds) {
    ConversationStore conversations(db_);
    MessageTree tree(db_);
    QStringList parts;
    for (qint64 id : resolve(conversationIds))
        parts << conversationMarkdown(conversations.require(id), tree.activePath(id));
    return parts.join(QLatin1String("\n---\n\n")).toUtf8();
}

}  // namespace qd::app
