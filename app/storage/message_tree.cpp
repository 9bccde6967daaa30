#include "message_tree.h"

#include "rows.h"
#include "titles.h"

#include <QHash>

namespace qd::app {

namespace {

[[noreturn]] void notFound(qint64 id) {
    throw StorageError(StorageError::Kind::NotFound, "There is no message " + std::to_string(id));
}

void touchConversation(SqlConnection &connection, qint64 conversationId, qint64 now) {
    SqlStatement touch = connection.prepare("UPDATE conversations SET updated_at = ? WHERE id = ?");
    touch.bind(1, now).bind(2, conversationId).run();
}

// Makes `message` the shown child of its parent (or the shown first message).
void select(SqlConnection &connection, const Message &message) {
    SqlStatement update =
        message.parentId != 0
            ? connection.prepare("UPDATE messages SET selected_child_id = ?1 WHERE id = ?2")
            : connection.prepare("UPDATE conversations SET selected_root_id = ?1 WHERE id = ?2");
    update.bind(1, message.id).bind(2, message.parentId != 0 ? message.parentId : message.conversationId).run();
}

}  // namespace

Message MessageTree::addMessage(qint64 conversationId, qint64 parentId, Role role, const QString &text,
                                MessageStatus status) {
    SqlConnection &connection = db_.connection();
    SqlTransaction transaction(connection);
    QString title;
    {
        SqlStatement conversation = connection.prepare("SELECT title FROM conversations WHERE id = ?");
        conversation.bind(1, conversationId);
        if (!conversation.next())
            throw StorageError(StorageError::Kind::NotFound, "There is no conversation " + std::to_string(conversationId));
        title = conversation.text(0);
    }
    if (parentId != 0) {
        SqlStatement parent = connection.prepare("SELECT conversation_id FROM messages WHERE id = ?");
        parent.bind(1, parentId);
        if (!parent.next()) notFound(parentId);
        if (parent.int64(0) != conversationId)
            throw StorageError(StorageError::Kind::Invalid, "Message " + std::to_string(parentId) +
                                                                " belongs to another conversation");
    }
    const qint64 now = rows::nowMs();
    SqlStatement insert = connection.prepare(
        "INSERT INTO messages (conversation_id, parent_id, role, text, status, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, conversationId).bindId(2, parentId).bind(3, roleName(role)).bind(4, text);
    insert.bind(5, statusName(status)).bind(6, now).bind(7, now).run();
    Message added;
    added.id = connection.lastInsertId();
    added.conversationId = conversationId;
    added.parentId = parentId;
    select(connection, added);
    touchConversation(connection, conversationId, now);
    if (role == Role::User && title.isEmpty()) {
        SqlStatement name = connection.prepare("UPDATE conversations SET title = ? WHERE id = ?");
        name.bind(1, titleFromMessage(text)).bind(2, conversationId).run();
    }
    transaction.commit();
    return require(added.id);
}

std::optional<Message> MessageTree::message(qint64 id) {
    SqlStatement query = db_.connection().prepare("SELECT " + rows::kMessageColumns + " FROM messages WHERE id = ?");
    query.bind(1, id);
    if (!query.next()) return std::nullopt;
    return rows::readMessage(query);
}

Message MessageTree::require(qint64 id) {
    if (auto m = message(id)) return *m;
    notFound(id);
}

QList<Message> MessageTree::allMessages(qint64 conversationId) {
    // Ids grow with insertion and a parent is always inserted before its children.
    SqlStatement query = db_.connection().prepare("SELECT " + rows::kMessageColumns +
                                                  " FROM messages WHERE conversation_id = ? ORDER BY id");
    query.bind(1, conversationId);
    QList<Message> result;
    while (query.next()) result << rows::readMessage(query);
    return result;
}

QList<Message> MessageTree::activePath(qint64 conversationId) {
    qint64 selectedRoot = 0;
    {
        SqlStatement conversation = db_.connection().prepare("SELECT selected_root_id FROM conversations WHERE id = ?");
        conversation.bind(1, conversationId);
        if (!conversation.next())
            throw StorageError(StorageError::Kind::NotFound, "There is no conversation " + std::to_string(conversationId));
        selectedRoot = conversation.int64(0);
    }
    const QList<Message> all = allMessages(conversationId);
    QHash<qint64, qsizetype> byId;
    QHash<qint64, qint64> newestChild;  // parent id (0 for roots) -> newest child id
    for (qsizetype i = 0; i < all.size(); ++i) {
        byId.insert(all[i].id, i);
        newestChild.insert(all[i].parentId, all[i].id);
    }
    QList<Message> path;
    // A selection pointing nowhere (its message deleted) falls back to the newest child.
    qint64 next = byId.contains(selectedRoot) ? selectedRoot : newestChild.value(0);
    while (next != 0) {
        const Message &m = all[byId.value(next)];
        path << m;
        const qint64 chosen = m.selectedChildId;
        next = byId.contains(chosen) && all[byId.value(chosen)].parentId == m.id ? chosen : newestChild.value(m.id);
    }
    return path;
}

Siblings MessageTree::siblings(qint64 messageId) {
    const Message m = require(messageId);
    SqlStatement query = db_.connection().prepare(
        "SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS ? ORDER BY id");
    query.bind(1, m.conversationId).bindId(2, m.parentId);
    Siblings result;
    while (query.next()) {
        if (query.int64(0) == messageId) result.index = result.count();
        result.ids << query.int64(0);
    }
    return result;
}

void MessageTree::selectSibling(qint64 messageId) { select(db_.connection(), require(messageId)); }

qint64 MessageTree::stepSibling(qint64 messageId, int step) {
    const Siblings s = siblings(messageId);
    const qint64 target = s.ids[qBound(0, s.index + step, s.count() - 1)];
    selectSibling(target);
    return target;
}

Message MessageTree::editUserMessage(qint64 userMessageId, const QString &newText) {
    const Message old = require(userMessageId);
    if (old.role != Role::User)
        throw StorageError(StorageError::Kind::Invalid,
                           "Message " + std::to_string(userMessageId) + " is not a user message; only those can be edited");
    return addMessage(old.conversationId, old.parentId, Role::User, newText);
}

Message MessageTree::regenerate(qint64 assistantMessageId) {
    const Message old = require(assistantMessageId);
    if (old.role != Role::Assistant)
        throw StorageError(StorageError::Kind::Invalid,
                           "Message " + std::to_string(assistantMessageId) + " is not an assistant reply");
    return addMessage(old.conversationId, old.parentId, Role::Assistant, QString(), MessageStatus::Streaming);
}

void MessageTree::remove(qint64 messageId) {
    const Message m = require(messageId);
    SqlConnection &connection = db_.connection();
    SqlTransaction transaction(connection);
    // Selections pointing into the subtree become NULL (ON DELETE SET NULL), so the parent then
    // shows its newest remaining child.
    SqlStatement erase = connection.prepare(
        "DELETE FROM messages WHERE id IN (WITH RECURSIVE subtree(id) AS ("
        " SELECT ?1 UNION ALL SELECT m.id FROM messages m JOIN subtree ON m.parent_id = subtree.id)"
        " SELECT id FROM subtree)");
    erase.bind(1, messageId).run();
    touchConversation(connection, m.conversationId, rows::nowMs());
    transaction.commit();
}

void MessageTree::setTokenCount(qint64 messageId, int tokenCount) {
    SqlStatement update = db_.connection().prepare("UPDATE messages SET token_count = ? WHERE id = ?");
    update.bind(1, tokenCount).bind(2, messageId).run();
    if (db_.connection().changes() == 0) notFound(messageId);
}

}  // namespace qd::app
