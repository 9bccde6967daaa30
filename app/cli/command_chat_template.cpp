// qwendesk-cli chat-template: renders conversations with the model's chat template, one JSON
// request per input line ({"messages": [...], "add_generation_prompt": bool, "tools": [...]}),
// one {"text": "..."} per output line.
#include "command_line.h"
#include "commands.h"
#include "json_lines.h"

#include "chat/chat_template.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <QCommandLineParser>

#include <iostream>

namespace qd::cli {

namespace {

nlohmann::json renderRequest(const ChatTemplate &chatTemplate, const nlohmann::ordered_json &request) {
    if (!request.is_object()) throw Error("expected a JSON object");
    const auto messages = request.find("messages");
    if (messages == request.end()) throw Error("the request has no \"messages\"");
    bool addGenerationPrompt = false;
    if (const auto add = request.find("add_generation_prompt"); add != request.end() && !add->is_null()) {
        if (!add->is_boolean()) throw Error("\"add_generation_prompt\" must be true or false");
        addGenerationPrompt = add->get<bool>();
    }
    const nlohmann::ordered_json tools = request.value("tools", nlohmann::ordered_json());
    return {{"text", chatTemplate.render(chatMessagesFromJson(*messages), tools, addGenerationPrompt)}};
}

}  // namespace

int runChatTemplate(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Render conversations read as JSON lines from stdin with the model's chat template."));
    parser.addOption({QStringLiteral("model"),
                      QStringLiteral("Model folder, tokenizer.json or .gguf file holding the chat template."),
                      QStringLiteral("path")});
    if (auto exit = parseCommandLine(parser, arguments, "chat-template")) return *exit;
    const QString model = parser.value(QStringLiteral("model"));
    if (model.isEmpty()) return usageError("chat-template: --model PATH is required");
    try {
        const std::string path = model.toStdString();
        const Tokenizer tokenizer = Tokenizer::fromPath(path);
        const ChatTemplate chatTemplate = [&] {
            try {
                return ChatTemplate::fromSource(tokenizer.chatTemplate());
            } catch (const Error &e) {
                throw Error(path + ": " + e.what());
            }
        }();
        return processOrderedJsonLines(std::cin, std::cout, [&](const nlohmann::ordered_json &request) {
            return renderRequest(chatTemplate, request);
        });
    } catch (const Error &e) {
        return fail(std::string("chat-template: ") + e.what());
    }
}

}  // namespace qd::cli
