#pragma once
// Conversations: create, list, rename, pin, per-conversation model, system prompt and sampling,
// and deletion through a trash (soft delete, restore, purge).
#include "chat_types.h"
#include "database.h"

#include <QList>
#include <optional>

namespace qd::app {

class ConversationStore {
public:
    explicit ConversationStore(Database &database) : db_(database) {}

    // A new, empty conversation; its title is set from the first user message added.
    Conversation create(const QString &model = {}, const QString &systemPrompt = {});
    // Conversations not in the trash, pinned first, then most recently updated first.
    QList<Conversation> list();
    // Conversations in the trash, most recently deleted first.
    QList<Conversation> trash();
    // Any conversation, trashed or not; nullopt when there is none with this id.
    std::optional<Conversation> get(qint64 id);
    // Throws StorageError(NotFound) when the id is unknown.
    Conversation require(qint64 id);

    void rename(qint64 id, const QString &title);
    void setPinned(qint64 id, bool pinned);
    void setModel(qint64 id, const QString &model);
    void setSystemPrompt(qint64 id, const QString &systemPrompt);
    // Each value is checked against the range of the matching setting (see settings.h).
    void setSampling(qint64 id, const SamplingOverrides &sampling);

    // Moves to the trash: hidden from list() and search, restorable.
    void remove(qint64 id);
    void restore(qint64 id);
    // Deletes for good, with all messages, the trashed conversations deleted before `before`.
    // Returns how many were purged.
    int purgeTrash(const QDateTime &before);

private:
    void update(qint64 id, const char *sql, const QVariant &value);
    void requireChanged(qint64 id);
    Database &db_;
};

}  // namespace qd::app
