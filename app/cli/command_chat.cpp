// qwendesk-cli chat: one chat turn through the same path the GUI takes (engine worker thread,
// request queue, chat controller, storage). The reply streams to stdout; both messages land in
// the history of the data directory; the conversation id is printed on stderr at the end.
#include "commands.h"
#include "engine_options.h"
#include "storage_options.h"

#include "chat_controller.h"
#include "conversation_store.h"
#include "database.h"
#include "engine_client.h"
#include "settings.h"
#include "util/error.h"

#include <QEventLoop>

#include <cstdio>

namespace qd::cli {

using namespace qd::app;

int runChat(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Send MESSAGE in a conversation; the reply streams to stdout."));
    addEngineOptions(parser);
    addDataDirOption(parser);
    parser.addOptions({
        {QStringLiteral("conversation"), QStringLiteral("Continue the conversation with this id."), QStringLiteral("id")},
        {QStringLiteral("new"), QStringLiteral("Start a new conversation.")},
        {QStringList{QStringLiteral("n")}, QStringLiteral("Maximum new tokens (default: the setting)."), QStringLiteral("n")},
        {QStringLiteral("ignore-eos"), QStringLiteral("Keep generating past the end-of-turn token.")},
    });
    parser.addPositionalArgument(QStringLiteral("MESSAGE"), QStringLiteral("The user message."));
    if (auto exit = parseCommandLine(parser, arguments, "chat")) return *exit;
    try {
        const EngineOptions options = readEngineOptions(parser);
        if (parser.positionalArguments().size() != 1) throw Error("chat needs exactly one MESSAGE");
        if (parser.isSet(QStringLiteral("new")) == parser.isSet(QStringLiteral("conversation")))
            throw Error("chat needs either --conversation ID or --new");
        ReplyOverrides overrides;
        overrides.ignoreEos = parser.isSet(QStringLiteral("ignore-eos"));
        if (parser.isSet(QStringLiteral("n"))) {
            bool ok = false;
            overrides.maxNewTokens = parser.value(QStringLiteral("n")).toLongLong(&ok);
            if (!ok || *overrides.maxNewTokens < 1) throw Error("-n must be a positive number of tokens");
        }

        const auto opened = openDatabase(parser, "chat");
        Database &database = *opened;
        Settings settings(database);
        ConversationStore conversations(database);
        qint64 conversationId = 0;
        if (parser.isSet(QStringLiteral("new"))) {
            conversationId = conversations.create(options.modelPath).id;
        } else {
            bool ok = false;
            conversationId = parser.value(QStringLiteral("conversation")).toLongLong(&ok);
            if (!ok) throw Error("--conversation must be a conversation id");
            conversations.require(conversationId);
        }

        EngineClient engine;
        ChatController controller(engine, database, settings);
        QEventLoop loop;
        int exitCode = 0;
        auto stop = [&](int code, const QString &error) {
            if (!error.isEmpty()) std::fprintf(stderr, "qwendesk-cli: %s\n", qPrintable(error));
            exitCode = code;
            loop.exit();
        };
        QObject::connect(&engine, &EngineClient::finished, &loop, [&](RequestId, EndReason reason, const QString &error) {
            if (reason == EndReason::Error && !controller.isReplying(conversationId)) stop(1, error);
        });
        QObject::connect(&engine, &EngineClient::modelLoaded, &loop, [&] {
            const ReplyStart start = controller.send(conversationId, parser.positionalArguments().first(), overrides);
            if (!start.refusal.isEmpty()) stop(1, start.refusal);
        });
        QObject::connect(&controller, &ChatController::contextBuilt, &loop, [](qint64, qint64, qint64, int dropped) {
            if (dropped > 0) std::fprintf(stderr, "dropped %d oldest turns to fit the context\n", dropped);
        });
        QObject::connect(&controller, &ChatController::replyText, &loop, [](qint64, qint64, const QString &text) {
            const QByteArray utf8 = text.toUtf8();
            std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
            std::fflush(stdout);
        });
        QObject::connect(&controller, &ChatController::replyFinished, &loop,
                         [&](qint64, qint64, MessageStatus status, const QString &error) {
                             std::printf("\n");
                             std::fprintf(stderr, "conversation: %lld\n", static_cast<long long>(conversationId));
                             stop(status == MessageStatus::Error ? 1 : 0, error);
                         });
        QObject::connect(&controller, &ChatController::saveFailed, &loop, [&](const QString &error) { stop(1, error); });
        engine.loadModel(
            {0, options.modelPath, options.quant, options.contextLength, options.threads, options.weightCache});
        loop.exec();
        return exitCode;
    } catch (const std::exception &e) {
        return fail(e.what());
    }
}

}  // namespace qd::cli
