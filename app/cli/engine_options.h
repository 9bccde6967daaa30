#pragma once
// The options every model-running command shares (--model, --quant, --ctx, --threads,
// --weight-cache, --no-weight-cache) and the code that turns them into a loaded model.
#include "command_line.h"
#include "model/model_weights.h"

#include <QCommandLineParser>

#include <memory>

namespace qd::cli {

struct EngineOptions {
    QString modelPath;
    QuantLevel quant = QuantLevel::Auto;
    int64_t contextLength = 4096;
    int threads = 0;  // 0: one per core
    QString weightCache;  // folder of converted weights (see weight_cache.h); empty: convert at every load
};

void addEngineOptions(QCommandLineParser &parser);
// Throws qd::Error for a missing model or a malformed value.
EngineOptions readEngineOptions(const QCommandLineParser &parser);

// Opens and validates the model, then prepares its weights at the chosen level (from the weight
// cache when it holds them). Why the cache could not be used is printed on stderr.
std::shared_ptr<const ModelWeights> loadModel(const EngineOptions &options);

}  // namespace qd::cli
