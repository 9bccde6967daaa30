// qwendesk-cli logits: raw float32 logits for a token sequence, for comparing engines.
#include "commands.h"
#include "engine_options.h"

#include "model/transformer.h"
#include "util/error.h"
#include "util/thread_pool.h"

#include <cstdio>
#include <fstream>

namespace qd::cli {

int runLogits(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write the logits of a token sequence as little-endian float32."));
    addEngineOptions(parser);
    parser.addOption({QStringLiteral("tokens"), QStringLiteral("Comma-separated token ids."), QStringLiteral("ids")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output file."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("all"), QStringLiteral("Every position's row, not only the last.")});
    if (auto exit = parseCommandLine(parser, arguments, "logits")) return *exit;
    try {
        const EngineOptions options = readEngineOptions(parser);
        std::vector<int32_t> tokens;
        for (const QString &part : parser.value(QStringLiteral("tokens")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int id = part.trimmed().toInt(&ok);
            if (!ok) throw Error("--tokens: '" + part.toStdString() + "' is not a token id");
            tokens.push_back(id);
        }
        if (tokens.empty()) throw Error("--tokens needs at least one token id");
        const QString outPath = parser.value(QStringLiteral("out"));
        if (outPath.isEmpty()) throw Error("--out FILE is required");

        const auto weights = loadModel(options);
        ThreadPool pool(options.threads);
        const auto context = std::max<int64_t>(options.contextLength, static_cast<int64_t>(tokens.size()));
        // Logits are written for comparison with other engines and reference rows, so they come
        // from exact f32 arithmetic and an f32 KV cache, not the faster defaults.
        Transformer transformer(weights, std::min(context, weights->config().maxContext), pool,
                                {ActivationPrecision::Exact, KvPrecision::F32});
        std::vector<float> logits;
        transformer.forward(tokens, logits, parser.isSet(QStringLiteral("all")));

        std::ofstream out(outPath.toStdString(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char *>(logits.data()), static_cast<std::streamsize>(logits.size() * sizeof(float)));
        out.close();
        if (!out) throw Error(outPath.toStdString() + ": cannot write the logits");
        return 0;
    } catch (const std::exception &e) {
        return fail(e.what());
    }
}

}  // namespace qd::cli
