// qwendesk-cli import: adds the conversations of a JSON export to the chat history, all or none.
#include "commands.h"
#include "engine_options.h"
#include "storage_options.h"

#include "chat_import.h"

#include <QFile>

#include <cstdio>

namespace qd::cli {

int runImport(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Import conversations from a JSON export."));
    addDataDirOption(parser);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("JSON file written by export."));
    if (const auto done = parseCommandLine(parser, arguments, "import")) return *done;
    if (parser.positionalArguments().size() != 1) return fail("import: give exactly one FILE");
    const QString path = parser.positionalArguments().first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail("import: could not read " + path.toStdString() + ": " + file.errorString().toStdString());
    try {
        const auto db = openDatabase(parser, "import");
        const QList<qint64> ids = app::ChatImporter(*db).fromJson(file.readAll());
        QStringList list;
        for (qint64 id : ids) list << QString::number(id);
        std::printf("imported %lld conversation%s: %s\n", static_cast<long long>(ids.size()), ids.size() == 1 ? "" : "s",
                    qPrintable(list.join(QStringLiteral(", "))));
        return 0;
    } catch (const app::StorageError &e) {
        return fail("import: " + path.toStdString() + ": " + e.what());
    }
}

}  // namespace qd::cli
