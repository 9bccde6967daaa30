#include "engine_options.h"

#include "data_directory.h"
#include "util/error.h"

#include <cstdio>

namespace qd::cli {

void addEngineOptions(QCommandLineParser &parser) {
    parser.addOption({QStringLiteral("model"), QStringLiteral("Model: a .gguf file or a Hugging Face folder."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("quant"),
                      QStringLiteral("Quantization level: auto (the file's types), f32, bf16, q8_0, q4_0."),
                      QStringLiteral("level"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("ctx"), QStringLiteral("Context length in tokens."), QStringLiteral("n"),
                      QStringLiteral("4096")});
    parser.addOption({QStringList{QStringLiteral("t"), QStringLiteral("threads")}, QStringLiteral("Worker threads (0: one per core)."),
                      QStringLiteral("n"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("weight-cache"),
                      QStringLiteral("Keep the weights converted to --quant in DIR and map them at the next load "
                                     "(default: the user's cache folder)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("no-weight-cache"),
                      QStringLiteral("Convert the weights at every load, without reading or writing the cache.")});
}

EngineOptions readEngineOptions(const QCommandLineParser &parser) {
    EngineOptions o;
    o.modelPath = parser.value(QStringLiteral("model"));
    if (o.modelPath.isEmpty()) throw Error("--model PATH is required");
    const auto quant = parseQuantLevel(parser.value(QStringLiteral("quant")).toStdString());
    if (!quant)
        throw Error("--quant must be one of auto, f32, bf16, q8_0, q4_0 (got '" +
                    parser.value(QStringLiteral("quant")).toStdString() + "')");
    o.quant = *quant;
    bool ok = false;
    o.contextLength = parser.value(QStringLiteral("ctx")).toLongLong(&ok);
    if (!ok || o.contextLength <= 0) throw Error("--ctx must be a positive number of tokens");
    o.threads = parser.value(QStringLiteral("threads")).toInt(&ok);
    if (!ok || o.threads < 0 || o.threads > 1024) throw Error("--threads must be a number from 0 to 1024");
    const bool noCache = parser.isSet(QStringLiteral("no-weight-cache"));
    if (noCache && parser.isSet(QStringLiteral("weight-cache")))
        throw Error("--weight-cache and --no-weight-cache exclude each other");
    if (!noCache)
        o.weightCache = parser.isSet(QStringLiteral("weight-cache")) ? parser.value(QStringLiteral("weight-cache"))
                                                                     : app::weightCacheDirectory({});
    return o;
}

std::shared_ptr<const ModelWeights> loadModel(const EngineOptions &options) {
    auto source = ModelSource::open(options.modelPath.toStdString());
    WeightLoadOptions load;
    load.cacheDirectory = options.weightCache.toStdString();
    load.warning = [](const std::string &message) { std::fprintf(stderr, "qwendesk-cli: %s\n", message.c_str()); };
    return ModelWeights::load(std::move(source), options.quant, load);
}

}  // namespace qd::cli
