#include "conversation_store.h"

#include "rows.h"

#include <QJsonDocument>

namespace qd::app {

Conversation ConversationStore::create(const QString &model, const QString &systemPrompt) {
    const qint64 now = rows::nowMs();
    SqlStatement insert = db_.connection().prepare(
        "INSERT INTO conversations (created_at, updated_at, model, system_prompt) VALUES (?, ?, ?, ?)");
    insert.bind(1, now).bind(2, now).bind(3, model).bind(4, systemPrompt).run();
    return require(db_.connection().lastInsertId());
}

QList<Conversation> ConversationStore::list() {
    SqlStatement query = db_.connection().prepare("SELECT " + rows::kConversationColumns +
                                                  " FROM conversations c WHERE c.deleted_at IS NULL"
                                                  " ORDER BY c.pinned DESC, c.updated_at DESC, c.id DESC");
    QList<Conversation> result;
    while (query.next()) result << rows::readConversation(query);
    return result;
}

QList<Conversation> ConversationStore::trash() {
    SqlStatement query = db_.connection().prepare("SELECT " + rows::kConversationColumns +
                                                  " FROM conversations c WHERE c.deleted_at IS NOT NULL"
                                                  " ORDER BY c.deleted_at DESC, c.id DESC");
    QList<Conversation> result;
    while (query.next()) result << rows::readConversation(query);
    return result;
}

std::optional<Conversation> ConversationStore::get(qint64 id) {
    SqlStatement query =
        db_.connection().prepare("SELECT " + rows::kConversationColumns + " FROM conversations c WHERE c.id = ?");
    query.bind(1, id);
    if (!query.next()) return std::nullopt;
    return rows::readConversation(query);
}

Conversation ConversationStore::require(qint64 id) {
    if (auto c = get(id)) return *c;
    throw StorageError(StorageError::Kind::NotFound, "There is no conversation " + std::to_string(id));
}

void ConversationStore::update(qint64 id, const char *sql, const QVariant &value) {
    SqlStatement statement = db_.connection().prepare(sql);
    if (value.typeId() == QMetaType::QString)
        statement.bind(1, value.toString());
    else
        statement.bind(1, value.toLongLong());
    statement.bind(2, rows::nowMs()).bind(3, id).run();
    requireChanged(id);
}

void ConversationStore::rename(qint64 id, const QString &title) {
    const QString trimmed = title.simplified();
    if (trimmed.isEmpty()) throw StorageError(StorageError::Kind::Invalid, "A conversation title cannot be empty");
    update(id, "UPDATE conversations SET title = ?, updated_at = ? WHERE id = ?", trimmed);
}

void ConversationStore::setPinned(qint64 id, bool pinned) {
    // Pinning is not an edit: the conversation keeps its place in time.
    SqlStatement statement = db_.connection().prepare("UPDATE conversations SET pinned = ? WHERE id = ?");
    statement.bind(1, qint64(pinned)).bind(2, id).run();
    requireChanged(id);
}

void ConversationStore::setModel(qint64 id, const QString &model) {
    update(id, "UPDATE conversations SET model = ?, updated_at = ? WHERE id = ?", model);
}

void ConversationStore::setSystemPrompt(qint64 id, const QString &systemPrompt) {
    update(id, "UPDATE conversations SET system_prompt = ?, updated_at = ? WHERE id = ?",
           systemPrompt);
}

void ConversationStore::setSampling(qint64 id, const SamplingOverrides &sampling) {
    const QJsonObject json = rows::samplingToJson(sampling);
    rows::samplingFromJson(json);  // throws, naming the key and its range, before anything is stored
    update(id, "UPDATE conversations SET sampling = ?, updated_at = ? WHERE id = ?",
           QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
}

void ConversationStore::remove(qint64 id) {
    SqlStatement statement = db_.connection().prepare("UPDATE conversations SET deleted_at = ? WHERE id = ?");
    statement.bind(1, rows::nowMs()).bind(2, id).run();
    requireChanged(id);
}

void ConversationStore::restore(qint64 id) {
    SqlStatement statement = db_.connection().prepare("UPDATE conversations SET deleted_at = NULL WHERE id = ?");
    statement.bind(1, id).run();
    requireChanged(id);
}

void ConversationStore::requireChanged(qint64 id) {
    if (db_.connection().changes() == 0)
        throw StorageError(StorageError::Kind::NotFound, "There is no conversation " + std::to_string(id));
}

int ConversationStore::purgeTrash(const QDateTime &before) {
    SqlTransaction transaction(db_.connection());
    const qint64 limit = rows::toMs(before);
    // Messages first, explicitly: their parent links are checked at commit, not cascaded.
    SqlStatement messages = db_.connection().prepare(
        "DELETE FROM messages WHERE conversation_id IN "
        "(SELECT id FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at < ?)");
    messages.bind(1, limit).run();
    SqlStatement conversations =
        db_.connection().prepare("DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at < ?");
    conversations.bind(1, limit).run();
    const int purged = db_.connection().changes();
    transaction.commit();
    return purged;
}

}  // namespace qd::app
