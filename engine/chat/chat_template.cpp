#include "chat/chat_template.h"

#include "chat/python_json.h"
#include "chat/qwen25_template_source.h"
#include "util/error.h"

#include <algorithm>

namespace qd {

namespace {

constexpr std::string_view kInstructSystemPrompt =
    "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";
// Qwen/Qwen2.5-*-base tokenizer_config.json ships the Instruct template with this prompt in both
// places the default appears (checked against Qwen2.5-0.5B's file at Hugging Face revision
// 060db6499f32faf8b98477b0a26969ef7d8b9987; the base sizes share one tokenizer config).
constexpr std::string_view kBaseSystemPrompt = "You are a helpful assistant.";

constexpr std::string_view kToolsHeader =
    "\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\n"
    "You are provided with function signatures within <tools></tools> XML tags:\n<tools>";
constexpr std::string_view kToolsFooter =
    "\n</tools>\n\nFor each function call, return a json object with function name and arguments "
    "within <tool_call></tool_call> XML tags:\n<tool_call>\n"
    "{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n";

std::string_view trimmed(std::string_view s) {
    constexpr std::string_view kSpace = " \t\r\n";
    const size_t begin = s.find_first_not_of(kSpace);
    if (begin == std::string_view::npos) return {};
    return s.substr(begin, s.find_last_not_of(kSpace) - begin + 1);
}

std::string replaceAll(std::string text, std::string_view from, std::string_view to) {
    for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    return text;
}

// "line L, column C" of the first byte where the model's source departs from the reference.
std::string firstDifference(std::string_view source, std::string_view reference) {
    const auto mismatch = std::mismatch(source.begin(), source.end(), reference.begin(), reference.end());
    const auto offset = static_cast<size_t>(mismatch.first - source.begin());
    const std::string_view before = source.substr(0, offset);
    const size_t line = static_cast<size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
    const size_t lineStart = before.rfind('\n');
    const size_t column = offset - (lineStart == std::string_view::npos ? 0 : lineStart + 1) + 1;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Collects the rendering, merging neighbours of the same kind.
class PieceWriter {
public:
    void markup(std::string_view text) { add(text, true); }
    void content(std::string_view text) { add(text, false); }
    std::vector<TextPiece> take() { return std::move(pieces_); }

private:
    void add(std::string_view text, bool special) {
        if (text.empty()) return;
        if (!pieces_.empty() && pieces_.back().parseSpecialTokens == special)
            pieces_.back().text += text;
        else
            pieces_.push_back(TextPiece{std::string(text), special});
    }
    std::vector<TextPiece> pieces_;
};

std::string describe(const ChatMessage &message, size_t index) {
    return "chat messages[" + std::to_string(index) + "] (" + message.role + ")";
}

const std::string &requireContent(const ChatMessage &message, size_t index) {
    if (!message.content) throw Error(describe(message, index) + ": content is missing or null");
    return *message.content;
}

bool hasToolCalls(const ChatMessage &message, size_t index) {
    if (message.toolCalls.is_null()) return false;
    if (!message.toolCalls.is_array())
        throw Error(describe(message, index) + ": tool_calls must be an array or null");
    return !message.toolCalls.empty();
}

// A call is {"name", "arguments"} or {"function": {"name", "arguments"}, ...}.
void writeToolCall(PieceWriter &out, const nlohmann::ordered_json &toolCall, const std::string &where) {
    if (!toolCall.is_object()) throw Error(where + ": each tool call must be an object");
    const nlohmann::ordered_json *call = &toolCall;
    if (const auto function = toolCall.find("function"); function != toolCall.end()) {
        if (!function->is_object()) throw Error(where + ": tool call \"function\" must be an object");
        call = &*function;
    }
    const auto name = call->find("name");
    if (name == call->end() || !name->is_string()) throw Error(where + ": tool call \"name\" must be a string");
    const auto arguments = call->find("arguments");
    if (arguments == call->end()) throw Error(where + ": tool call has no \"arguments\"");
    out.markup("\n<tool_call>\n{\"name\": \"");
    out.content(name->get_ref<const std::string &>());
    out.markup("\", \"arguments\": ");
    out.content(toPythonJson(*arguments));
    out.markup("}\n</tool_call>");
}

}  // namespace

ChatTemplate ChatTemplate::fromSource(const std::string &jinjaSource) {
    const std::string_view source = trimmed(jinjaSource);
    if (source.empty()) throw Error("the model has no chat template (the template text is empty)");
    const std::string_view instruct = trimmed(qwen25InstructTemplateSource());
    if (source == instruct) return ChatTemplate(kInstructSystemPrompt);
    if (source == replaceAll(std::string(instruct), kInstructSystemPrompt, kBaseSystemPrompt))
        return ChatTemplate(kBaseSystemPrompt);
    throw Error("the model's chat template is not a Qwen2.5 template (it departs from the Qwen2.5-Instruct "
                "template at " + firstDifference(source, instruct) + "); only Qwen2.5 chat models are supported");
}

ChatTemplate ChatTemplate::qwen25Instruct() { return ChatTemplate(kInstructSystemPrompt); }

std::vector<TextPiece> ChatTemplate::renderPieces(const std::vector<ChatMessage> &messages,
                                                  const nlohmann::ordered_json &tools,
                                                  bool addGenerationPrompt) const {
    if (messages.empty()) throw Error("chat template: the conversation has no messages");
    if (!tools.is_null() && !tools.is_array()) throw Error("chat template: \"tools\" must be an array or null");
    const bool withTools = tools.is_array() && !tools.empty();
    PieceWriter out;

    // The system block: the first message if it is a system message, else the default prompt.
    out.markup("<|im_start|>system\n");
    if (messages.front().role == "system")
        out.content(requireContent(messages.front(), 0));
    else
        out.markup(defaultSystemPrompt_);
    if (withTools) {
        out.markup(kToolsHeader);
        for (const auto &tool : tools) {
            out.markup("\n");
            out.content(toPythonJson(tool));
        }
        out.markup(kToolsFooter);
    } else {
        out.markup("<|im_end|>\n");
    }

    for (size_t i = 0; i < messages.size(); ++i) {
        const ChatMessage &message = messages[i];
        const std::string &role = message.role;
        const bool isAssistant = role == "assistant";
        const bool withCalls = isAssistant && hasToolCalls(message, i);
        if (role == "user" || (role == "system" && i != 0) || (isAssistant && !withCalls)) {
            if (isAssistant && !message.content)
                throw Error(describe(message, i) + ": content is null and there are no tool calls");
            out.markup("<|im_start|>" + role + "\n");
            out.content(requireContent(message, i));
            out.markup("<|im_end|>\n");
        } else if (isAssistant) {
            out.markup("<|im_start|>assistant");
            if (message.content && !message.content->empty()) {
                out.markup("\n");
                out.content(*message.content);
            }
            for (const auto &call : message.toolCalls) writeToolCall(out, call, describe(message, i));
            out.markup("<|im_end|>\n");
        } else if (role == "tool") {
            // A run of tool results shares one user turn. Neighbours are looked up in the full
            // list, dropped roles included, exactly as the template indexes `messages`.
            if (i == 0 || messages[i - 1].role != "tool") out.markup("<|im_start|>user");
            out.markup("\n<tool_response>\n");
            out.content(requireContent(message, i));
            out.markup("\n</tool_response>");
            if (i + 1 == messages.size() || messages[i + 1].role != "tool") out.markup("<|im_end|>\n");
        }
    }
    if (addGenerationPrompt) out.markup("<|im_start|>assistant\n");
    return out.take();
}

std::string ChatTemplate::render(const std::vector<ChatMessage> &messages, const nlohmann::ordered_json &tools,
                                 bool addGenerationPrompt) const {
    std::string text;
    for (const auto &piece : renderPieces(messages, tools, addGenerationPrompt)) text += piece.text;
    return text;
}

}  // namespace qd
