#include "chat/chat_message.h"

#include "util/error.h"

#include <string_view>

namespace qd {

static bool isRenderedRole(std::string_view role) {
    return role == "system" || role == "user" || role == "assistant" || role == "tool";
}

std::vector<ChatMessage> chatMessagesFromJson(const nlohmann::ordered_json &messages) {
    if (!messages.is_array()) throw Error("chat messages: expected a JSON array of messages");
    std::vector<ChatMessage> result;
    result.reserve(messages.size());
    for (size_t i = 0; i < messages.size(); ++i) {
        const auto &m = messages[i];
        const std::string where = "chat messages[" + std::to_string(i) + "]";
        if (!m.is_object()) throw Error(where + ": expected an object");
        const auto role = m.find("role");
        if (role == m.end() || !role->is_string()) throw Error(where + ": \"role\" must be a string");
        ChatMessage message;
        message.role = role->get<std::string>();
        if (isRenderedRole(message.role)) {
            if (const auto content = m.find("content"); content != m.end() && !content->is_null()) {
                if (!content->is_string())
                    throw Error(where + ": \"content\" must be a string or null (content parts are not supported)");
                message.content = content->get<std::string>();
            }
            if (const auto calls = m.find("tool_calls"); calls != m.end() && !calls->is_null()) {
                if (!calls->is_array()) throw Error(where + ": \"tool_calls\" must be an array or null");
                message.toolCalls = *calls;
            }
        }
        result.push_back(std::move(message));
    }
    return result;
}

}  // namespace qd
