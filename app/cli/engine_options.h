#pragma once
// The options every model-running command shares (--model, --quant, --ctx, --threads) and the
// code that turns them into a loaded model.
#include "model/model_weights.h"

#include <QCommandLineParser>

#include <memory>
#include <optional>
#include <string>

namespace qd::cli {

struct EngineOptions {
    QString modelPath;
    QuantLevel quant = QuantLevel::Auto;
    int64_t contextLength = 4096;
    int threads = 0;  // 0: one per core
};

void addEngineOptions(QCommandLineParser &parser);
// Throws qd::Error for a missing model or a malformed value.
EngineOptions readEngineOptions(const QCommandLineParser &parser);

// Parses `arguments` (the command's own). Returns the exit code when the command should stop
// here (0 after --help, 2 after printing a usage error), nullopt to go on.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, const char *command);

// Opens and validates the model, then prepares its weights at the chosen level.
std::shared_ptr<const ModelWeights> loadModel(const EngineOptions &options);

// Reports an error as one line on stderr and returns the exit code to use.
int fail(const std::string &message);

}  // namespace qd::cli
