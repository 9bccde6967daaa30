// qwendesk-cli generate: stream a completion or a chat reply to stdout, statistics to stderr.
#include "commands.h"
#include "engine_options.h"

#include "generation/generator.h"
#include "util/error.h"
#include "util/mapped_file.h"
#include "util/thread_pool.h"

#include <sys/resource.h>

#include <csignal>
#include <cstdio>

namespace qd::cli {

namespace {

std::atomic<bool> interrupted{false};

double peakResidentMegabytes() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) * 1024.0 / 1e6;  // ru_maxrss is in KiB on Linux
}

// Command-line sampling options override the model's generation defaults one by one.
SamplingParams samplingFrom(const QCommandLineParser &parser, const ModelSource &source) {
    SamplingParams p = source.defaultSampling();
    auto number = [&](const char *name, auto &field) {
        if (!parser.isSet(QLatin1String(name))) return;
        bool ok = false;
        const double v = parser.value(QLatin1String(name)).toDouble(&ok);
        if (!ok) throw Error(std::string("--") + name + " must be a number");
        field = static_cast<std::remove_reference_t<decltype(field)>>(v);
    };
    number("temperature", p.temperature);
    number("top-k", p.topK);
    number("top-p", p.topP);
    number("min-p", p.minP);
    number("repeat-penalty", p.repetitionPenalty);
    number("seed", p.seed);
    // Pure greedy means argmax of the model's own logits: no penalty unless asked for.
    if (p.temperature == 0.0f && !parser.isSet(QStringLiteral("repeat-penalty"))) p.repetitionPenalty = 1.0f;
    validate(p);
    return p;
}

std::vector<ChatMessage> conversationFrom(const QCommandLineParser &parser) {
    if (parser.isSet(QStringLiteral("messages"))) {
        const std::string path = parser.value(QStringLiteral("messages")).toStdString();
        nlohmann::ordered_json json;
        try {
            json = nlohmann::ordered_json::parse(readTextFile(path));
        } catch (const nlohmann::json::exception &e) {
            throw Error(path + ": malformed JSON: " + e.what());
        }
        try {
            return chatMessagesFromJson(json);
        } catch (const Error &e) {
            throw Error(path + ": " + e.what());
        }
    }
    std::vector<ChatMessage> messages;
    if (parser.isSet(QStringLiteral("system")))
        messages.push_back({"system", parser.value(QStringLiteral("system")).toStdString(), nullptr});
    messages.push_back({"user", parser.value(QStringLiteral("prompt")).toStdString(), nullptr});
    return messages;
}

}  // namespace

int runGenerate(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Generate text; the reply streams to stdout."));
    addEngineOptions(parser);
    parser.addOptions({
        {QStringLiteral("prompt"), QStringLiteral("Prompt text (raw unless --chat)."), QStringLiteral("text")},
        {QStringLiteral("messages"), QStringLiteral("JSON file with a conversation; implies --chat."), QStringLiteral("file")},
        {QStringLiteral("chat"), QStringLiteral("Wrap the prompt in the model's chat template.")},
        {QStringLiteral("system"), QStringLiteral("System prompt (with --chat)."), QStringLiteral("text")},
        {QStringLiteral("temperature"), QStringLiteral("Sampling temperature; 0 is greedy."), QStringLiteral("t")},
        {QStringLiteral("top-k"), QStringLiteral("Top-k (0: off)."), QStringLiteral("k")},
        {QStringLiteral("top-p"), QStringLiteral("Top-p (1: off)."), QStringLiteral("p")},
        {QStringLiteral("min-p"), QStringLiteral("Min-p (0: off)."), QStringLiteral("p")},
        {QStringLiteral("repeat-penalty"), QStringLiteral("Repetition penalty (1: off)."), QStringLiteral("r")},
        {QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("s")},
        {QStringList{QStringLiteral("n")}, QStringLiteral("Maximum new tokens."), QStringLiteral("n"), QStringLiteral("512")},
        {QStringLiteral("ignore-eos"), QStringLiteral("Keep generating past the end-of-turn token.")},
        {QStringLiteral("no-prompt-lookup"),
         QStringLiteral("Decode one token at a time, without drafts copied from the context.")},
    });
    if (auto exit = parseCommandLine(parser, arguments, "generate")) return *exit;
    try {
        const EngineOptions options = readEngineOptions(parser);
        const bool chat = parser.isSet(QStringLiteral("chat")) || parser.isSet(QStringLiteral("messages"));
        if (!parser.isSet(QStringLiteral("prompt")) && !parser.isSet(QStringLiteral("messages")))
            throw Error("generate needs --prompt TEXT or --messages FILE");
        if (parser.isSet(QStringLiteral("system")) && !chat) throw Error("--system needs --chat");
        bool ok = false;
        GenerationOptions generation;
        generation.maxNewTokens = parser.value(QStringLiteral("n")).toLongLong(&ok);
        if (!ok || generation.maxNewTokens < 0) throw Error("-n must be a non-negative number of tokens");
        generation.ignoreEos = parser.isSet(QStringLiteral("ignore-eos"));
        generation.promptLookup = !parser.isSet(QStringLiteral("no-prompt-lookup"));

        const auto weights = loadModel(options);
        generation.sampling = samplingFrom(parser, weights->source());
        ThreadPool pool(options.threads);
        Generator generator(weights, std::min(options.contextLength, weights->config().maxContext), pool);
        const std::vector<int32_t> prompt =
            chat ? generator.chatPrompt(conversationFrom(parser))
                 : generator.tokenizer().encode(parser.value(QStringLiteral("prompt")).toStdString());

        std::signal(SIGINT, [](int) { interrupted = true; });
        const GenerationStats stats = generator.generate(
            prompt, generation,
            [](std::string_view text) {
                std::fwrite(text.data(), 1, text.size(), stdout);
                std::fflush(stdout);
            },
            &interrupted);
        std::printf("\n");
        std::fprintf(stderr,
                     "prompt tokens: %lld, generated tokens: %lld, drafted tokens: %lld, accepted tokens: %lld, "
                     "time to first token: %.3f s, prefill: %.2f tok/s, decode: %.2f tok/s, "
                     "peak resident memory: %.1f MB, finish: %s\n",
                     static_cast<long long>(stats.promptTokens), static_cast<long long>(stats.generatedTokens),
                     static_cast<long long>(stats.draftedTokens), static_cast<long long>(stats.acceptedTokens),
                     stats.timeToFirstTokenSeconds, stats.prefillTokensPerSecond, stats.decodeTokensPerSecond,
                     peakResidentMegabytes(), std::string(finishReasonName(stats.finish)).c_str());
        return 0;
    } catch (const std::exception &e) {
        return fail(e.what());
    }
}

}  // namespace qd::cli
