#pragma once
// The Qwen2.5 chat template (ChatML with the Qwen tool-calling format), implemented directly
// rather than through a Jinja interpreter: the model family ships one fixed template, and only
// that template is accepted.
#include "chat/chat_message.h"
#include "tokenizer/text_piece.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace qd {

class ChatTemplate {
public:
    // Recognises a model's Jinja template source (tokenizer_config.json "chat_template" or GGUF
    // tokenizer.chat_template): Qwen2.5-Instruct's, or the Qwen2.5 base models', which differs
    // only in its default system prompt. Leading and trailing whitespace are ignored. Anything
    // else, including an empty source, throws qd::Error: another template would render prompts
    // this model was not trained on, so there is no silent fallback.
    static ChatTemplate fromSource(const std::string &jinjaSource);
    static ChatTemplate qwen25Instruct();

    // Renders as the Jinja template does. Template text comes as pieces with
    // parseSpecialTokens=true; message contents, tool-call names and tool JSON as pieces with
    // parseSpecialTokens=false, so a "<|im_end|>" a person typed stays text. Adjacent pieces of
    // the same kind are merged and empty pieces left out. tools: an array (empty = no tools) or
    // null. Throws qd::Error where the Jinja template fails (no messages, a null content it would
    // concatenate, an assistant message with neither content nor tool calls) and on malformed
    // tools or tool calls.
    std::vector<TextPiece> renderPieces(const std::vector<ChatMessage> &messages,
                                        const nlohmann::ordered_json &tools,
                                        bool addGenerationPrompt) const;
    // The concatenation of renderPieces: exactly the Jinja rendering.
    std::string render(const std::vector<ChatMessage> &messages, const nlohmann::ordered_json &tools,
                       bool addGenerationPrompt) const;

    // The system prompt used when the conversation does not start with a system message.
    std::string_view defaultSystemPrompt() const { return defaultSystemPrompt_; }

private:
    explicit ChatTemplate(std::string_view defaultSystemPrompt)
        : defaultSystemPrompt_(defaultSystemPrompt) {}
    std::string_view defaultSystemPrompt_;
};

}  // namespace qd
