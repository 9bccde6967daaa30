// qwendesk-cli download: fetches a catalog model into <data dir>/models, with progress on stderr.
#include "commands.h"
#include "engine_options.h"

#include "catalog.h"
#include "data_directory.h"
#include "download_endpoint.h"
#include "download_plan.h"
#include "downloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>

#include <cstdio>
#include <unistd.h>

namespace qd::cli {

namespace {

QString megabytes(qint64 bytes) { return QString::number(static_cast<double>(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB"); }

void printCatalog() {
    std::printf("Models to download (--file ID):\n");
    for (const CatalogEntry &entry : Catalog::builtIn().entries())
        std::printf("  %-36s %8s, about %s of memory%s\n    %s\n", qPrintable(entry.id),
                    qPrintable(megabytes(entry.totalBytes())), qPrintable(megabytes(entry.ramBytes)),
                    entry.recommended ? " (recommended)" : "", qPrintable(entry.title));
}

}  // namespace

int runDownload(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Download a model from Hugging Face into <data dir>/models. An interrupted download resumes when the "
        "command is run again."));
    parser.addOption({QStringLiteral("data-dir"), QStringLiteral("QwenDesk data folder (default: the user's)."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("file"), QStringLiteral("The catalog entry to download (see --list)."),
                      QStringLiteral("id")});
    parser.addOption({QStringLiteral("base-url"),
                      QStringLiteral("Download server (default: $HF_ENDPOINT, else https://huggingface.co)."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("timeout"), QStringLiteral("Give up after this many seconds without data."),
                      QStringLiteral("seconds"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("list"), QStringLiteral("List the catalog and exit.")});
    if (auto exit = parseCommandLine(parser, arguments, "download")) return *exit;
    if (parser.isSet(QStringLiteral("list"))) {
        printCatalog();
        return 0;
    }
    const QString id = parser.value(QStringLiteral("file"));
    if (id.isEmpty()) return fail("download: --file ID is required (see --list)");
    const auto entry = Catalog::builtIn().find(id);
    if (!entry) return fail("download: no catalog entry '" + id.toStdString() + "' (see --list)");
    bool ok = false;
    const double timeout = parser.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || timeout <= 0 || timeout > 3600) return fail("download: --timeout must be 1 to 3600 seconds");

    QString modelsDir;
    try {
        modelsDir = QDir(app::dataDirectory(parser.value(QStringLiteral("data-dir")))).filePath(QStringLiteral("models"));
    } catch (const std::exception &e) {
        return fail(std::string("download: ") + e.what());
    }
    const DownloadPlan plan =
        planDownload(*entry, downloadBaseUrl(parser.value(QStringLiteral("base-url"))), modelsDir);

    Downloader downloader;
    downloader.setStallTimeout(static_cast<int>(timeout * 1000));
    // On a terminal one line is redrawn; elsewhere (logs, pipes) a line every few seconds.
    const bool terminal = isatty(fileno(stderr));
    QElapsedTimer sinceLine;
    sinceLine.start();
    QObject::connect(&downloader, &Downloader::progressChanged, [&](const DownloadProgress &p) {
        if (!terminal && sinceLine.elapsed() < 3000) return;
        sinceLine.restart();
        std::fprintf(stderr, "%s%s (%d/%d): %s of %s, %.1f MB/s%s", terminal ? "\r\033[K" : "",
                     qPrintable(p.fileName), p.fileIndex + 1, p.fileCount, qPrintable(megabytes(p.receivedBytes)),
                     qPrintable(megabytes(p.totalBytes)), p.bytesPerSecond / 1e6, terminal ? "" : "\n");
    });
    DownloadResult result;
    QEventLoop loop;
    QObject::connect(&downloader, &Downloader::finished, [&](const DownloadResult &r) {
        result = r;
        loop.quit();
    });
    downloader.start(plan.items);
    loop.exec();
    if (terminal) std::fputs("\n", stderr);
    if (!result.ok) return fail("download: " + result.error.toStdString());
    std::fprintf(stderr, "checksum: %s\n", qPrintable(result.verificationSummary()));
    std::printf("%s\n", qPrintable(plan.modelPath));
    return 0;
}

}  // namespace qd::cli
