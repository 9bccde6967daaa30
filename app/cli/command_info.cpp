// qwendesk-cli info: what a model file is, after validating it as a whole.
#include "commands.h"
#include "engine_options.h"

#include "chat/chat_template.h"
#include "util/error.h"

#include <cstdio>
#include <map>

namespace qd::cli {

namespace {

std::string megabytes(uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
}

std::string chatTemplateKind(const Tokenizer &tokenizer) {
    if (tokenizer.chatTemplate().empty()) return "none";
    try {
        const auto t = ChatTemplate::fromSource(tokenizer.chatTemplate());
        return t.defaultSystemPrompt() == ChatTemplate::qwen25Instruct().defaultSystemPrompt() ? "Qwen2.5-Instruct"
                                                                                              : "Qwen2.5 base";
    } catch (const Error &) {
        return "unrecognized (chat needs the Qwen2.5 template)";
    }
}

}  // namespace

int runInfo(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Validate a model and describe it."));
    parser.addOption({QStringLiteral("model"), QStringLiteral("Model: a .gguf file or a Hugging Face folder."),
                      QStringLiteral("path")});
    if (auto exit = parseCommandLine(parser, arguments, "info")) return *exit;
    const QString path = parser.value(QStringLiteral("model"));
    if (path.isEmpty()) return usageError("info: --model PATH is required");
    try {
        const auto source = ModelSource::open(path.toStdString());
        const ModelConfig &c = source->config();
        std::map<std::string, int> types;
        for (const auto &t : source->tensors()) ++types[std::string(tensorTypeName(t.type))];
        std::printf("model:            %s\n", source->path().c_str());
        std::printf("format:           %s\n", source->format() == ModelFormat::Gguf ? "GGUF" : "Hugging Face folder");
        std::printf("name:             %s\n", c.name.c_str());
        std::printf("architecture:     %s\n", c.architecture.c_str());
        std::printf("parameters:       %.3f billion\n", static_cast<double>(c.parameterCount()) / 1e9);
        std::printf("layers:           %lld\n", static_cast<long long>(c.numLayers));
        std::printf("hidden size:      %lld\n", static_cast<long long>(c.hiddenSize));
        std::printf("FFN size:         %lld\n", static_cast<long long>(c.intermediateSize));
        std::printf("attention heads:  %lld (key/value heads: %lld, head dim: %lld)\n",
                    static_cast<long long>(c.numHeads), static_cast<long long>(c.numKvHeads),
                    static_cast<long long>(c.headDim));
        std::printf("vocabulary:       %lld rows, %d tokenizer tokens\n", static_cast<long long>(c.vocabSize),
                    source->tokenizer().size());
        std::printf("context length:   %lld\n", static_cast<long long>(c.maxContext));
        std::printf("rope theta:       %g\n", c.ropeTheta);
        std::printf("rms norm eps:     %g\n", c.rmsNormEps);
        std::printf("tied LM head:     %s\n", c.tieWordEmbeddings ? "yes" : "no");
        std::printf("chat template:    %s\n", chatTemplateKind(source->tokenizer()).c_str());
        std::printf("file size:        %s\n", megabytes(source->fileBytes()).c_str());
        std::printf("tensor types:    ");
        for (const auto &[name, count] : types) std::printf(" %s x%d", name.c_str(), count);
        std::printf("\nweight memory per quantization level:\n");
        for (QuantLevel level : {QuantLevel::Auto, QuantLevel::F32, QuantLevel::BF16, QuantLevel::Q8_0, QuantLevel::Q4_0})
            std::printf("  %-6s %s\n", std::string(quantLevelName(level)).c_str(),
                        megabytes(weightBytesAtLevel(*source, level)).c_str());
        return 0;
    } catch (const std::exception &e) {
        return fail(e.what());
    }
}

}  // namespace qd::cli
