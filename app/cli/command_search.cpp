// qwendesk-cli search: full-text search of the chat history, best hits first, with the matched
// words marked [like this] in each snippet (or JSON lines with --json).
#include "commands.h"
#include "engine_options.h"
#include "json_lines.h"
#include "storage_options.h"

#include "search_index.h"

#include <cstdio>

namespace qd::cli {

int runSearch(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Search every message and title of the chat history."));
    addDataDirOption(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Write one JSON object per hit and line.")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("Most hits to show."), QStringLiteral("n"),
                      QStringLiteral("20")});
    parser.addPositionalArgument(QStringLiteral("query"), QStringLiteral("Words to find (all must occur)."));
    if (const auto done = parseCommandLine(parser, arguments, "search")) return *done;
    const QString query = parser.positionalArguments().join(QLatin1Char(' '));
    if (query.trimmed().isEmpty()) return fail("search: give the words to find");
    app::SearchOptions options;
    bool ok = false;
    options.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || options.limit < 1) return fail("search: --limit must be a positive number");
    try {
        const auto db = openDatabase(parser, "search");
        const bool json = parser.isSet(QStringLiteral("json"));
        int rank = 0;
        for (const app::SearchHit &hit : app::SearchIndex(*db).search(query, options)) {
            ++rank;
            if (json) {
                std::printf("%s\n", dumpJson({{"rank", rank},
                                              {"conversation", hit.conversationId},
                                              {"message", hit.messageId},
                                              {"title", hit.conversationTitle.toStdString()},
                                              {"snippet", hit.snippet.toStdString()},
                                              {"score", hit.score}})
                                        .c_str());
            } else {
                std::printf("%d. conversation %lld, %s (%s): %s\n", rank, static_cast<long long>(hit.conversationId),
                            hit.messageId ? qPrintable(QStringLiteral("message %1").arg(hit.messageId)) : "title",
                            qPrintable(hit.conversationTitle), qPrintable(QString(hit.snippet).replace(QLatin1Char('\n'), QLatin1Char(' '))));
            }
        }
        return 0;
    } catch (const app::StorageError &e) {
        return fail(std::string("search: ") + e.what());
    }
}

}  // namespace qd::cli
