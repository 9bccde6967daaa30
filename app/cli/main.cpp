// qwendesk-cli: headless entry point. Dispatches to one command per file (see commands.h).
#include "commands.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>

namespace qd::cli {

// One line per command, in the order --help lists them.
static const Command kCommands[] = {
    {"help", "list the commands", nullptr},
    {"info", "validate a model and describe it", runInfo},
    {"logits", "write raw float32 logits of a token sequence", runLogits},
    {"generate", "generate text from a prompt or a conversation", runGenerate},
    {"chat", "send a message in a stored conversation and stream the reply", runChat},
    {"bench", "measure prompt processing and generation speed", runBench},
    {"chat-template", "render conversations (JSON lines) with the model's chat template", runChatTemplate},
    {"tokenize", "encode text to token ids, or decode ids (JSON lines)", runTokenize},
    {"make-synthetic", "write a random-weight Qwen2.5 model (GGUF or safetensors)", runMakeSynthetic},
    {"models", "list the models on this computer (QwenDesk folder, Hugging Face cache)", runModels},
    {"download", "download a model from Hugging Face (resumable, verified)", runDownload},
    {"history", "list the conversations of the chat history", runHistory},
    {"search", "search the chat history (ranked, with snippets)", runSearch},
    {"export", "export conversations as JSON or Markdown", runExport},
    {"import", "import conversations from a JSON export", runImport},
};

static void printUsage(FILE *to) {
    std::fprintf(to, "Usage: qwendesk-cli COMMAND [OPTIONS]\n       qwendesk-cli --version\n\nCommands:\n");
    for (const auto &c : kCommands)
        if (c.run) std::fprintf(to, "  %-16s %s\n", c.name, c.summary);
}

}  // namespace qd::cli

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("QwenDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QD_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        qd::cli::printUsage(args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        std::printf("qwendesk-cli %s\n", QD_VERSION);
        return 0;
    }
    const QString name = args.takeFirst();
    for (const auto &c : qd::cli::kCommands)
        if (c.run && name == QLatin1String(c.name)) return c.run(args);
    std::fprintf(stderr, "qwendesk-cli: unknown command '%s' (see --help)\n", qPrintable(name));
    return 2;
}
