// qwendesk-cli tokenize: encodes {"text": "..."} lines read from stdin into {"ids": [...]} lines,
// or with --decode turns {"ids": [...]} lines back into {"text": "..."}. Added tokens written in
// the text (such as "<|im_end|>") are matched, as Hugging Face's encode does.
#include "command_line.h"
#include "commands.h"
#include "json_lines.h"

#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <QCommandLineParser>

#include <iostream>

namespace qd::cli {

namespace {

nlohmann::json encodeRequest(const Tokenizer &tokenizer, const nlohmann::json &request) {
    if (!request.is_object()) throw Error("expected a JSON object");
    const auto text = request.find("text");
    if (text == request.end() || !text->is_string()) throw Error("the request has no \"text\" string");
    return {{"ids", tokenizer.encode(text->get_ref<const std::string &>())}};
}

nlohmann::json decodeRequest(const Tokenizer &tokenizer, const nlohmann::json &request) {
    if (!request.is_object()) throw Error("expected a JSON object");
    const auto ids = request.find("ids");
    if (ids == request.end() || !ids->is_array()) throw Error("the request has no \"ids\" array");
    std::vector<int32_t> values;
    values.reserve(ids->size());
    for (const auto &id : *ids) {
        if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<int64_t>() >= tokenizer.size())
            throw Error("\"ids\" holds " + id.dump() + ", which is not a token id (0.." +
                        std::to_string(tokenizer.size() - 1) + ")");
        values.push_back(static_cast<int32_t>(id.get<int64_t>()));
    }
    return {{"text", tokenizer.decode(values)}};
}

}  // namespace

int runTokenize(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Encode {\"text\": ...} JSON lines from stdin into {\"ids\": [...]}, or decode them back with --decode."));
    parser.addOption({QStringLiteral("model"),
                      QStringLiteral("Model folder, tokenizer.json or .gguf file holding the tokenizer."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("decode"), QStringLiteral("Read {\"ids\": [...]} and write {\"text\": ...}.")});
    if (auto exit = parseCommandLine(parser, arguments, "tokenize")) return *exit;
    const QString model = parser.value(QStringLiteral("model"));
    if (model.isEmpty()) return usageError("tokenize: --model PATH is required");
    try {
        const Tokenizer tokenizer = Tokenizer::fromPath(model.toStdString());
        const bool decode = parser.isSet(QStringLiteral("decode"));
        return processJsonLines(std::cin, std::cout, [&](const nlohmann::json &request) {
            return decode ? decodeRequest(tokenizer, request) : encodeRequest(tokenizer, request);
        });
    } catch (const Error &e) {
        return fail(std::string("tokenize: ") + e.what());
    }
}

}  // namespace qd::cli
