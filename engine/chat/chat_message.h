#pragma once
// One turn of a conversation as the chat template sees it (OpenAI / transformers message shape).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace qd {

struct ChatMessage {
    std::string role;
    std::optional<std::string> content;  // null or absent in the JSON: nullopt
    nlohmann::ordered_json toolCalls;    // the "tool_calls" array, or null
};

// Converts a JSON array of message objects. Every message needs a string "role". For the roles the
// template renders (system, user, assistant, tool) "content" must be a string, null or absent and
// "tool_calls" an array, null or absent; messages with other roles are kept with only their role,
// since the template still looks at their position. Extra keys are ignored. Throws qd::Error
// naming the message index and key on any other shape.
std::vector<ChatMessage> chatMessagesFromJson(const nlohmann::ordered_json &messages);

}  // namespace qd
