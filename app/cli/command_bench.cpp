// qwendesk-cli bench: prompt-processing and generation speed of a model, with the machine's
// measured memory bandwidth so one run shows how close decode comes to its physical floor.
#include "commands.h"
#include "engine_options.h"

#include "model/transformer.h"
#include "util/error.h"
#include "util/memory_bandwidth.h"
#include "util/thread_pool.h"

#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

namespace qd::cli {

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct Spread {
    double median = 0, min = 0, max = 0;
};

Spread spreadOf(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v.front(), v.back()};
}

// CPU seconds of every thread of this process: on a shared, loaded machine the threads wait for
// cores, and work divided by CPU time per thread shows what the code does while it runs.
double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

uint64_t peakResidentBytes() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // KiB on Linux
}

// Bytes one decode step reads: every weight matrix once (the embedding only for one row unless it
// doubles as the LM head).
double bytesPerDecodedToken(const ModelWeights &w) {
    double bytes = static_cast<double>(w.weightBytes());
    if (!w.config().tieWordEmbeddings) {
        const auto &e = w.embedding();
        bytes -= static_cast<double>(*rowBytes(e.type, static_cast<uint64_t>(e.cols))) * static_cast<double>(e.rows - 1);
    }
    return bytes;
}

}  // namespace

int runBench(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measure prompt processing and generation speed."));
    addEngineOptions(parser);
    parser.addOptions({
        {QStringList{QStringLiteral("p")}, QStringLiteral("Prompt tokens."), QStringLiteral("n"), QStringLiteral("512")},
        {QStringList{QStringLiteral("n")}, QStringLiteral("Generated tokens."), QStringLiteral("n"), QStringLiteral("128")},
        {QStringLiteral("repeat"), QStringLiteral("Repetitions (medians are reported)."), QStringLiteral("n"),
         QStringLiteral("5")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object.")},
        {QStringLiteral("activations"),
         QStringLiteral("Decode activations: fast (8-bit / bf16 dot products where the CPU has them) or exact (f32)."),
         QStringLiteral("mode"), QStringLiteral("fast")},
        {QStringLiteral("kv"), QStringLiteral("KV cache precision: f16 or f32."), QStringLiteral("type"),
         QStringLiteral("f16")},
    });
    if (auto exit = parseCommandLine(parser, arguments, "bench")) return *exit;
    try {
        const EngineOptions options = readEngineOptions(parser);
        bool ok1 = false, ok2 = false, ok3 = false;
        const int64_t promptTokens = parser.value(QStringLiteral("p")).toLongLong(&ok1);
        const int64_t genTokens = parser.value(QStringLiteral("n")).toLongLong(&ok2);
        const int repeat = parser.value(QStringLiteral("repeat")).toInt(&ok3);
        if (!ok1 || !ok2 || !ok3 || promptTokens < 1 || genTokens < 1 || repeat < 1)
            throw Error("-p, -n and --repeat must be positive numbers");
        const QString activationMode = parser.value(QStringLiteral("activations"));
        if (activationMode != QLatin1String("fast") && activationMode != QLatin1String("exact"))
            throw Error("--activations must be fast or exact");
        const QString kvMode = parser.value(QStringLiteral("kv"));
        if (kvMode != QLatin1String("f16") && kvMode != QLatin1String("f32")) throw Error("--kv must be f16 or f32");
        const Transformer::Options transformerOptions{
            activationMode == QLatin1String("fast") ? ActivationPrecision::Fast : ActivationPrecision::Exact,
            kvMode == QLatin1String("f16") ? KvPrecision::F16 : KvPrecision::F32};

        const auto loadStart = Clock::now();
        const auto weights = loadModel(options);
        const double loadSeconds = secondsSince(loadStart);
        // Measured runs start once the mapped weights are in huge pages (the app computes meanwhile).
        const size_t hugePageBytes = weights->waitForHugePages();
        const double hugePagesSeconds = secondsSince(loadStart);
        ThreadPool pool(options.threads);
        constexpr int64_t kVerifyTokens = 8;
        constexpr int kTradeSamples = 4;
        const int64_t context = promptTokens + std::max(genTokens, kVerifyTokens);
        if (context > weights->config().maxContext) throw Error("-p plus -n exceeds the model's context length");
        Transformer transformer(weights, context, pool, transformerOptions);

        std::mt19937 rng(1234);
        std::uniform_int_distribution<int32_t> anyToken(0, static_cast<int32_t>(weights->config().vocabSize - 1));
        std::vector<int32_t> prompt(static_cast<size_t>(promptTokens));
        for (auto &t : prompt) t = anyToken(rng);
        std::vector<float> logits;
        std::vector<double> pp, tg, ttft, verify, step, ppCpu, tgCpu;
        const auto threads = static_cast<double>(pool.size());
        for (int r = 0; r < repeat; ++r) {
            transformer.rewind(0);
            const auto t0 = Clock::now();
            const double c0 = processCpuSeconds();
            transformer.forward(prompt, logits);
            ppCpu.push_back(static_cast<double>(promptTokens) / ((processCpuSeconds() - c0) / threads));
            const int32_t first = static_cast<int32_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
            const double prefill = secondsSince(t0);
            pp.push_back(static_cast<double>(promptTokens) / prefill);
            ttft.push_back(prefill);

            // Ordinary decode steps and batched verifications of 8 drafted tokens, alternating at
            // the same position: what prompt-lookup decoding trades. Several of each, because a
            // single step right after the prompt batch runs on caches the batch has just evicted.
            const int32_t one[1] = {first};
            std::vector<int32_t> drafted(kVerifyTokens);
            for (int sample = 0; sample < kTradeSamples; ++sample) {
                const auto s0 = Clock::now();
                transformer.forward(one, logits);
                step.push_back(secondsSince(s0));
                transformer.rewind(promptTokens);
                for (auto &t : drafted) t = anyToken(rng);
                const auto v0 = Clock::now();
                transformer.forward(drafted, logits, true);
                verify.push_back(secondsSince(v0));
                transformer.rewind(promptTokens);
            }

            // Generation from an empty context, as people compare it.
            transformer.rewind(0);
            int32_t token = first;
            const auto g0 = Clock::now();
            const double gc0 = processCpuSeconds();
            for (int64_t i = 0; i < genTokens; ++i) {
                const int32_t in[1] = {token};
                transformer.forward(in, logits);
                token = static_cast<int32_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
            }
            tg.push_back(static_cast<double>(genTokens) / secondsSince(g0));
            tgCpu.push_back(static_cast<double>(genTokens) / ((processCpuSeconds() - gc0) / threads));
        }
        const uint64_t rss = peakResidentBytes();  // before the bandwidth probe's buffer
        const double bandwidth = measureReadBandwidth(pool);
        const Spread ppS = spreadOf(pp), tgS = spreadOf(tg), ttftS = spreadOf(ttft), verifyS = spreadOf(verify),
                     stepS = spreadOf(step);
        const double floorTokS = bandwidth / bytesPerDecodedToken(*weights);
        const double fraction = tgS.median / floorTokS;

        if (parser.isSet(QStringLiteral("json"))) {
            nlohmann::ordered_json j = {
                {"model", options.modelPath.toStdString()},
                {"quant", quantLevelName(options.quant)},
                {"threads", pool.size()},
                {"n_prompt", promptTokens},
                {"n_gen", genTokens},
                {"repeat", repeat},
                {"pp_tok_s", ppS.median},
                {"pp_tok_s_min", ppS.min},
                {"pp_tok_s_max", ppS.max},
                {"tg_tok_s", tgS.median},
                {"tg_tok_s_min", tgS.min},
                {"tg_tok_s_max", tgS.max},
                {"activations", activationMode.toStdString()},
                {"kv", kvMode.toStdString()},
                // Per CPU second of each thread (medians): the speed with the cores to itself.
                {"pp_tok_s_cpu", spreadOf(ppCpu).median},
                {"tg_tok_s_cpu", spreadOf(tgCpu).median},
                {"ttft_s", ttftS.median},
                {"load_s", loadSeconds},
                // when the background move of mapped weights into huge pages ended, and its bytes
                {"huge_pages_s", hugePagesSeconds},
                {"huge_page_bytes", hugePageBytes},
                // off, not-needed, read (from the cache), written (to it) or failed (see stderr)
                {"weight_cache", weightCacheUseName(weights->cacheUse())},
                {"peak_rss_bytes", rss},
                {"weight_bytes", weights->weightBytes()},
                {"bandwidth_gbs", bandwidth / 1e9},
                {"tg_floor_tok_s", floorTokS},
                {"tg_bandwidth_fraction", fraction},
                {"decode_step_s", stepS.median},
                {"verify8_s", verifyS.median},
                {"verify8_vs_decode_step", verifyS.median / stepS.median},
            };
            std::printf("%s\n", j.dump().c_str());
        } else {
            std::printf("model            %s (%s, %d threads)\n", options.modelPath.toUtf8().constData(),
                        std::string(quantLevelName(options.quant)).c_str(), pool.size());
            std::printf("load             %.3f s, weights %.1f MB, weight cache %s\n", loadSeconds,
                        weights->weightBytes() / 1e6, std::string(weightCacheUseName(weights->cacheUse())).c_str());
            std::printf("huge pages       %.1f MB of mapped weights moved by %.3f s\n",
                        static_cast<double>(hugePageBytes) / 1e6, hugePagesSeconds);
            std::printf("prompt %-5lld     %.2f tok/s (min %.2f, max %.2f), time to first token %.3f s\n",
                        static_cast<long long>(promptTokens), ppS.median, ppS.min, ppS.max, ttftS.median);
            std::printf("generate %-5lld   %.2f tok/s (min %.2f, max %.2f)\n", static_cast<long long>(genTokens),
                        tgS.median, tgS.min, tgS.max);
            std::printf("per CPU second   prompt %.2f tok/s, generate %.2f tok/s (%d threads, %s activations)\n",
                        spreadOf(ppCpu).median, spreadOf(tgCpu).median, pool.size(),
                        activationMode.toUtf8().constData());
            std::printf("bandwidth        %.1f GB/s measured: decode floor %.2f tok/s, reached %.0f%%\n",
                        bandwidth / 1e9, floorTokS, fraction * 100);
            std::printf("verify 8 tokens  %.4f s vs one decode step %.4f s (%.2fx)\n", verifyS.median, stepS.median,
                        verifyS.median / stepS.median);
            std::printf("peak resident    %.1f MB\n", static_cast<double>(rss) / 1e6);
        }
        return 0;
    } catch (const std::exception &e) {
        return fail(e.what());
    }
}

}  // namespace qd::cli
