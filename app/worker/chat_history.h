#pragma once
// What the model is shown of a stored conversation: the system prompt, then the messages of the
// active path up to the one being replied to. Replies that failed or are still empty say nothing
// the model should continue from, so they are left out; cancelled and interrupted replies keep
// the text they got.
#include "chat/chat_message.h"
#include "chat_types.h"

#include <QList>

#include <vector>

namespace qd::app {

// systemPrompt: empty leaves the chat template's default in place.
std::vector<ChatMessage> promptMessages(const QString &systemPrompt, const QList<Message> &path);

}  // namespace qd::app
