// qwendesk-cli make-synthetic: a random-weight Qwen2.5 model with the real tensor names, shapes
// and metadata, as a GGUF file or a Hugging Face folder.
#include "commands.h"
#include "engine_options.h"

#include "model/synthetic_model.h"

#include <cstdio>
#include <map>

namespace qd::cli {

int runMakeSynthetic(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write a Qwen2.5 model with random weights."));
    parser.addOptions({
        {QStringLiteral("shape"), QStringLiteral("tiny or qwen2.5-1.5b."), QStringLiteral("name")},
        {QStringLiteral("format"), QStringLiteral("gguf (a file) or safetensors (a folder)."), QStringLiteral("format")},
        {QStringLiteral("dtype"), QStringLiteral("Type of the 2-D weights: f32, f16, bf16, q8_0 or q4_0 (GGUF only)."),
         QStringLiteral("type")},
        {QStringLiteral("tokenizer"), QStringLiteral("Folder with tokenizer.json (and tokenizer_config.json)."),
         QStringLiteral("dir")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 0)."), QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("out"), QStringLiteral("The .gguf file or the folder to write."), QStringLiteral("path")},
    });
    if (auto exit = parseCommandLine(parser, arguments, "make-synthetic")) return *exit;
    auto usage = [](const std::string &message) {
        std::fprintf(stderr, "qwendesk-cli make-synthetic: %s\n", message.c_str());
        return 2;
    };
    for (const char *required : {"shape", "format", "dtype", "tokenizer", "out"})
        if (parser.value(QLatin1String(required)).isEmpty())
            return usage(std::string("--") + required + " is required");

    synthetic::Options options;
    const auto shape = synthetic::findShape(parser.value(QStringLiteral("shape")).toStdString());
    if (!shape) return usage("--shape must be tiny or qwen2.5-1.5b");
    options.shape = *shape;
    const QString format = parser.value(QStringLiteral("format"));
    if (format == QLatin1String("gguf")) options.format = synthetic::Format::Gguf;
    else if (format == QLatin1String("safetensors")) options.format = synthetic::Format::Safetensors;
    else return usage("--format must be gguf or safetensors");
    static const std::map<QString, TensorType> kTypes = {
        {QStringLiteral("f32"), TensorType::F32},   {QStringLiteral("f16"), TensorType::F16},
        {QStringLiteral("bf16"), TensorType::BF16}, {QStringLiteral("q8_0"), TensorType::Q8_0},
        {QStringLiteral("q4_0"), TensorType::Q4_0},
    };
    const auto type = kTypes.find(parser.value(QStringLiteral("dtype")));
    if (type == kTypes.end()) return usage("--dtype must be f32, f16, bf16, q8_0 or q4_0");
    options.dtype = type->second;
    bool seedOk = false;
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!seedOk) return usage("--seed must be a non-negative integer");
    options.tokenizerDir = parser.value(QStringLiteral("tokenizer")).toStdString();
    options.out = parser.value(QStringLiteral("out")).toStdString();
    try {
        synthetic::makeModel(options);
        return 0;
    } catch (const std::exception &e) {
        return fail(e.what());
    }
}

}  // namespace qd::cli
