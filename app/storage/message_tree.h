#pragma once
// The messages of a conversation as a tree: every message has a parent (none for the first), and
// each parent remembers which child is shown. Regenerating a reply adds a sibling assistant
// message; editing a user message adds a sibling user message, so nothing is ever overwritten.
// The shown branch ("active path") follows the selected child from the selected first message.
#include "chat_types.h"
#include "database.h"

#include <QList>
#include <optional>

namespace qd::app {

class MessageTree {
public:
    explicit MessageTree(Database &database) : db_(database) {}

    // Appends a message under `parentId` (0: a first message) and selects it, so it becomes the
    // end of the active path. The first user message of an untitled conversation names it.
    Message addMessage(qint64 conversationId, qint64 parentId, Role role, const QString &text,
                       MessageStatus status = MessageStatus::Complete);

    std::optional<Message> message(qint64 id);
    Message require(qint64 id);  // throws StorageError(NotFound)

    // The shown branch, first message first.
    QList<Message> activePath(qint64 conversationId);
    // Every message of every branch, parents before children (oldest first).
    QList<Message> allMessages(qint64 conversationId);

    Siblings siblings(qint64 messageId);
    // Shows `messageId` (and, below it, the children last selected there).
    void selectSibling(qint64 messageId);
    // Shows the previous/next alternative of `messageId`; returns the id now shown. Stays put
    // at either end.
    qint64 stepSibling(qint64 messageId, int step);

    // A new user message beside `userMessageId` with the new text, selected. What followed the
    // old one stays reachable through siblings().
    Message editUserMessage(qint64 userMessageId, const QString &newText);
    // A new, empty assistant message beside `assistantMessageId` with status Streaming, selected;
    // fill it with ReplyWriter.
    Message regenerate(qint64 assistantMessageId);

    // Deletes the message and everything below it. The parent then shows its newest other child.
    void remove(qint64 messageId);

    void setTokenCount(qint64 messageId, int tokenCount);

private:
    Database &db_;
};

}  // namespace qd::app
