#pragma once
// Builds the prompt of a chat reply from a conversation: the chat template renders it, and when
// it would not leave room for the reply the oldest turns go first. The system prompt and the
// newest user message (with anything after it) always stay; when even they do not fit, the
// request is refused with the message's token count and the room there is.
#include "chat/chat_message.h"
#include "chat/chat_template.h"
#include "tokenizer/tokenizer.h"

#include <QString>

#include <cstdint>
#include <variant>
#include <vector>

namespace qd::app {

struct ContextLimits {
    int64_t contextLength = 4096;
    int64_t replyReserve = 512;  // tokens the prompt must leave free
};

struct BuiltContext {
    std::vector<int32_t> promptIds;
    int droppedTurns = 0;  // a turn: a user message and the replies that follow it
};

struct ContextRefusal {
    int64_t messageTokens = 0;  // the newest user message alone
    int64_t limitTokens = 0;    // what would fit for it next to the system prompt and template
    QString message;            // for the user, naming both numbers
};

using ContextResult = std::variant<BuiltContext, ContextRefusal>;

class ContextBuilder {
public:
    ContextBuilder(const Tokenizer &tokenizer, const ChatTemplate &chatTemplate)
        : tokenizer_(tokenizer), template_(chatTemplate) {}

    // Throws qd::Error where the chat template does (such as an empty conversation).
    ContextResult build(const std::vector<ChatMessage> &messages, const ContextLimits &limits) const;

private:
    int64_t countPrompt(const std::vector<ChatMessage> &messages) const;
    std::vector<int32_t> encodePrompt(const std::vector<ChatMessage> &messages) const;

    const Tokenizer &tokenizer_;
    const ChatTemplate &template_;
};

}  // namespace qd::app
