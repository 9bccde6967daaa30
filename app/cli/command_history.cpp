// qwendesk-cli history: lists the conversations of the chat history, newest first (pinned ones
// on top): id, last change, message count and title, or one JSON object per line with --json.
#include "commands.h"
#include "engine_options.h"
#include "json_lines.h"
#include "storage_options.h"

#include "conversation_store.h"

#include <cstdio>

namespace qd::cli {

int runHistory(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the conversations of the chat history."));
    addDataDirOption(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Write one JSON object per conversation and line.")});
    if (const auto done = parseCommandLine(parser, arguments, "history")) return *done;
    if (!parser.positionalArguments().isEmpty()) return fail("history: unexpected argument " + parser.positionalArguments().first().toStdString());
    try {
        const auto db = openDatabase(parser, "history");
        const bool json = parser.isSet(QStringLiteral("json"));
        for (const app::Conversation &c : app::ConversationStore(*db).list()) {
            const std::string updated = c.updatedAt.toString(Qt::ISODate).toStdString();
            if (json) {
                std::printf("%s\n", dumpJson({{"id", c.id},
                                              {"title", c.title.toStdString()},
                                              {"updated", updated},
                                              {"messages", c.messageCount},
                                              {"pinned", c.pinned}})
                                        .c_str());
            } else {
                std::printf("%lld\t%s\t%d\t%s%s\n", static_cast<long long>(c.id), updated.c_str(), c.messageCount,
                            c.pinned ? "[pinned] " : "", qPrintable(c.title));
            }
        }
        return 0;
    } catch (const app::StorageError &e) {
        return fail(std::string("history: ") + e.what());
    }
}

}  // namespace qd::cli
