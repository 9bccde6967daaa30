#include "storage_options.h"

#include "data_directory.h"

#include <cstdio>

namespace qd::cli {

void addDataDirOption(QCommandLineParser &parser) {
    parser.addOption({QStringLiteral("data-dir"),
                      QStringLiteral("Folder of the chat history and settings (default: the application data folder)."),
                      QStringLiteral("dir")});
}

std::unique_ptr<app::Database> openDatabase(const QCommandLineParser &parser, const char *command) {
    const QString dir = app::dataDirectory(parser.value(QStringLiteral("data-dir")));
    auto db = std::make_unique<app::Database>(app::databasePath(dir));
    if (!db->openReport().notice.isEmpty())
        std::fprintf(stderr, "qwendesk-cli %s: %s\n", command, qPrintable(db->openReport().notice));
    return db;
}

}  // namespace qd::cli
