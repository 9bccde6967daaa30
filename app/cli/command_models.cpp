// qwendesk-cli models: the models already on this computer (the QwenDesk models folder and the
// Hugging Face cache), each validated and described in a few lines.
#include "commands.h"
#include "engine_options.h"

#include "data_directory.h"
#include "model_info.h"
#include "model_scanner.h"

#include <QDir>

#include <cstdio>

namespace qd::cli {

namespace {

QString megabytes(uint64_t bytes) { return QString::number(static_cast<double>(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB"); }

void printModel(const FoundModel &found) {
    std::printf("%s\n", qPrintable(found.path));
    std::printf("  found in:      %s%s\n", qPrintable(originName(found.origin)),
                found.repo.isEmpty() ? "" : qPrintable(QStringLiteral(" (") + found.repo + QLatin1Char(')')));
    try {
        const ModelInfo info = inspectModel(found.path);
        QStringList types;
        for (const TensorTypeCount &t : info.tensorTypes) types.append(t.type + QStringLiteral(" x") + QString::number(t.count));
        std::printf("  format:        %s, %s\n", qPrintable(info.formatName()), qPrintable(megabytes(info.fileBytes)));
        std::printf("  tensor types:  %s\n", qPrintable(types.join(QStringLiteral(", "))));
        std::printf("  parameters:    %.3f billion\n", static_cast<double>(info.parameterCount) / 1e9);
        std::printf("  model:         %s\n", qPrintable(variantName(info.variant)));
        if (!info.advice.isEmpty()) std::printf("  note:          %s\n", qPrintable(info.advice));
    } catch (const std::exception &e) {
        std::printf("  not usable:    %s\n", e.what());
    }
}

}  // namespace

int runModels(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the models on this computer: <data dir>/models and the Hugging Face cache (HF_HUB_CACHE, "
        "HF_HOME/hub or ~/.cache/huggingface/hub)."));
    parser.addOption({QStringLiteral("data-dir"), QStringLiteral("QwenDesk data folder (default: the user's)."),
                      QStringLiteral("dir")});
    if (auto exit = parseCommandLine(parser, arguments, "models")) return *exit;
    try {
        const QString modelsDir =
            QDir(app::dataDirectory(parser.value(QStringLiteral("data-dir")))).filePath(QStringLiteral("models"));
        const QString hubDir = huggingFaceHubDirectory();
        const QList<FoundModel> found = findModels(modelsDir, hubDir);
        if (found.isEmpty()) {
            std::printf("No models found in %s or %s.\nDownload one with: qwendesk-cli download --file ID\n",
                        qPrintable(modelsDir), qPrintable(hubDir));
            return 0;
        }
        for (const FoundModel &model : found) printModel(model);
        return 0;
    } catch (const std::exception &e) {
        return fail(std::string("models: ") + e.what());
    }
}

}  // namespace qd::cli
