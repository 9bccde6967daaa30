// qwendesk-cli export: writes conversations as JSON (everything, for import) or Markdown (the
// shown branch, for reading), to a file or stdout.
#include "commands.h"
#include "engine_options.h"
#include "storage_options.h"

#include "chat_export.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace qd::cli {

int runExport(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Export conversations as JSON or Markdown."));
    addDataDirOption(parser);
    parser.addOption({QStringLiteral("format"), QStringLiteral("json (lossless, for import) or md (readable)."),
                      QStringLiteral("format"), QStringLiteral("json")});
    parser.addOption({QStringLiteral("conversation"),
                      QStringLiteral("Conversation id to export (repeat for several; default: all)."),
                      QStringLiteral("id")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("File to write (default: stdout)."), QStringLiteral("file")});
    if (const auto done = parseCommandLine(parser, arguments, "export")) return *done;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("md"))
        return fail("export: --format must be json or md (got '" + format.toStdString() + "')");
    QList<qint64> ids;
    for (const QString &value : parser.values(QStringLiteral("conversation"))) {
        bool ok = false;
        ids << value.toLongLong(&ok);
        if (!ok || ids.last() <= 0) return fail("export: --conversation takes a conversation id (got '" + value.toStdString() + "')");
    }
    try {
        const auto db = openDatabase(parser, "export");
        app::ChatExporter exporter(*db);
        const QByteArray data = format == QLatin1String("json") ? exporter.toJson(ids) : exporter.toMarkdown(ids);
        const QString out = parser.value(QStringLiteral("out"));
        if (out.isEmpty()) {
            std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
            return 0;
        }
        // All or nothing: an existing file is replaced only once the new one is complete.
        QSaveFile file(out);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
            return fail("export: could not write " + out.toStdString() + ": " + file.errorString().toStdString());
        return 0;
    } catch (const app::StorageError &e) {
        return fail(std::string("export: ") + e.what());
    }
}

}  // namespace qd::cli
