#include "chat_history.h"

namespace qd::app {

std::vector<ChatMessage> promptMessages(const QString &systemPrompt, const QList<Message> &path) {
    std::vector<ChatMessage> messages;
    if (!systemPrompt.isEmpty()) messages.push_back({"system", systemPrompt.toStdString(), nullptr});
    for (const Message &m : path) {
        if (m.role == Role::Assistant && (m.status == MessageStatus::Error || m.text.isEmpty())) continue;
        messages.push_back({roleName(m.role).toStdString(), m.text.toStdString(), nullptr});
    }
    return messages;
}

}  // namespace qd::app
