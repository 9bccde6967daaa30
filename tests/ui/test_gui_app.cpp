// The real `qwendesk` executable, offscreen, on a fresh data directory, driven by --automation
// scripts: keys go through the window system path to the focused control and the shortcuts,
// and checks read the same objects the views bind to. Also the GUI thread's longest stall while
// a model generates and while a long conversation is opened and scrolled.
#include "../app/cli_runner.h"

#include "conversation_store.h"
#include "data_directory.h"
#include "database.h"
#include "message_tree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using qd::test::CliRun;
using qd::test::runCli;

namespace {

const QString kDemoModel = QStringLiteral(QD_TEST_DATA_DIR "/trained/demo-a/demo-a-f16.gguf");

QString writeScript(const QTemporaryDir &dir, const QString &name, const QJsonArray &steps) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(QJsonDocument(steps).toJson());
    return path;
}

// Runs qwendesk to the end of its script (which quits it); returns the exit code, -1 on a hang.
int runGui(const QStringList &arguments, QByteArray *log) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(QD_GUI_PATH), arguments);
    if (!process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
        *log = process.readAll();
        return -1;
    }
    *log = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString makeTinyModel(const QTemporaryDir &dir) {
    const QString path = dir.filePath(QStringLiteral("tiny.gguf"));
    const CliRun result = runCli({QStringLiteral("make-synthetic"), QStringLiteral("--shape"), QStringLiteral("tiny"),
                                     QStringLiteral("--format"), QStringLiteral("gguf"), QStringLiteral("--dtype"),
                                     QStringLiteral("f16"), QStringLiteral("--tokenizer"),
                                     QStringLiteral(QD_TEST_DATA_DIR "/qwen2.5"), QStringLiteral("--seed"),
                                     QStringLiteral("1"), QStringLiteral("--out"), path});
    return result.exitCode == 0 ? path : QString();
}

QJsonObject step(const char *kind, const QString &value) { return {{QString::fromLatin1(kind), value}}; }
QJsonObject expect(const QString &expression, const QJsonValue &value) {
    return {{QStringLiteral("expect"), expression}, {QStringLiteral("equals"), value}};
}

}  // namespace

class GuiAppTest : public QObject {
    Q_OBJECT
private slots:
    void chatStopRegenerateRenameSearchAndRestart() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("profile"));
        const QString tiny = makeTinyModel(dir);
        QVERIFY(!tiny.isEmpty());
        // Roles of ChatModel and SearchModel, as numbers (Qt::UserRole + n).
        const QString status = QStringLiteral("session.chat.data(session.chat.index(%1, 0), 261)");
        const QString siblingIndex = QStringLiteral("session.chat.data(session.chat.index(1, 0), 263)");

        const QJsonArray first{
            // demo-a's known replies are its greedy ones.
            step("eval", QStringLiteral("session.settings.setValue('temperature', 0)")),
            step("eval", QStringLiteral("session.settings.setValue('repetition_penalty', 1.0)")),
            step("wait", QStringLiteral("session.models.state === ModelManager.Ready")),
            // Started with --model and a chat open: the composer has the keyboard at once.
            expect(QStringLiteral("chatPage.composer.inputItem.activeFocus"), true),
            step("type", QStringLiteral("What is the capital of France?")),
            step("key", QStringLiteral("Return")),
            step("wait", QStringLiteral("session.chat.count === 2 && %1 === 'complete'").arg(status.arg(1))),
            expect(QStringLiteral("session.chat.lastReply()"), QStringLiteral("The capital of France is Paris.")),
            step("key", QStringLiteral("Ctrl+R")),
            step("wait", QStringLiteral("%1 === 2 && %2 === 'complete'").arg(siblingIndex, status.arg(1))),
            expect(QStringLiteral("session.chat.lastReply()"), QStringLiteral("The capital of France is Paris.")),
            // Edit and resend: a second version of the question with one answer of its own.
            step("eval", QStringLiteral("session.chat.editAndResend(session.chat.data(session.chat.index(0, 0), 257), "
                                        "'What is the capital of France?')")),
            step("wait", QStringLiteral("session.chat.count === 2 && %1 === 'complete'").arg(status.arg(1))),
            expect(QStringLiteral("session.chat.data(session.chat.index(0, 0), 263)"), 2),
            expect(QStringLiteral("session.chat.data(session.chat.index(1, 0), 264)"), 1),
            expect(QStringLiteral("session.chat.lastReply()"), QStringLiteral("The capital of France is Paris.")),
            // A random-weight model never ends its reply by itself: stop it while it streams.
            step("eval", QStringLiteral("session.models.load('%1')").arg(tiny)),
            step("wait", QStringLiteral("session.models.state === ModelManager.Ready && session.models.modelName === 'tiny'")),
            step("eval", QStringLiteral("session.settings.setValue('max_new_tokens', 4000)")),
            step("key", QStringLiteral("Ctrl+L")),
            step("type", QStringLiteral("Tell me a long story.")),
            step("key", QStringLiteral("Return")),
            step("wait", QStringLiteral("session.chat.busy && session.chat.lastReply().length > 20")),
            step("key", QStringLiteral("Escape")),
            step("wait", QStringLiteral("%1 === 'cancelled'").arg(status.arg(3))),
            step("key", QStringLiteral("F2")),
            step("type", QStringLiteral("Paris trip")),
            step("key", QStringLiteral("Return")),
            expect(QStringLiteral("session.conversations.titleOf(session.chat.conversationId)"), QStringLiteral("Paris trip")),
            expect(QStringLiteral("window.title"), QStringLiteral("Paris trip – QwenDesk")),
            step("key", QStringLiteral("Ctrl+F")),
            step("type", QStringLiteral("Paris")),
            step("wait", QStringLiteral("session.search.count > 0")),
            expect(QStringLiteral("session.search.data(session.search.index(0, 0), 259)"), QStringLiteral("Paris trip")),
            step("key", QStringLiteral("Ctrl+Q")),
        };
        QByteArray log;
        QCOMPARE(runGui({QStringLiteral("--data-dir"), data, QStringLiteral("--model"), kDemoModel,
                         QStringLiteral("--automation"), writeScript(dir, QStringLiteral("first.json"), first)},
                        &log),
                 0);

        const QJsonArray second{
            step("wait", QStringLiteral("session.conversations.count === 1")),
            expect(QStringLiteral("session.conversations.titleOf(session.conversations.data(session.conversations.index(0, 0), 257))"),
                   QStringLiteral("Paris trip")),
            step("eval", QStringLiteral("window.openConversation(session.conversations.data(session.conversations.index(0, 0), 257))")),
            expect(QStringLiteral("session.chat.count"), 4),
            expect(QStringLiteral("session.chat.data(session.chat.index(1, 0), 259)"), QStringLiteral("The capital of France is Paris.")),
            expect(status.arg(3), QStringLiteral("cancelled")),
            step("key", QStringLiteral("Ctrl+Q")),
        };
        QCOMPARE(runGui({QStringLiteral("--data-dir"), data, QStringLiteral("--automation"),
                         writeScript(dir, QStringLiteral("second.json"), second)},
                        &log),
                 0);

        // The command line sees the same conversation: both versions of the question, the three
        // answers to them, and the stopped reply with the text it got.
        const CliRun exported = runCli({QStringLiteral("export"), QStringLiteral("--data-dir"), data,
                                           QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(exported.exitCode, 0);
        const QJsonObject conversation =
            QJsonDocument::fromJson(exported.out).object().value(QStringLiteral("conversations")).toArray().at(0).toObject();
        QCOMPARE(conversation.value(QStringLiteral("title")).toString(), QStringLiteral("Paris trip"));
        const QJsonArray messages = conversation.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 7);
        QCOMPARE(messages.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("What is the capital of France?"));
        int parisReplies = 0;
        for (const QJsonValue &m : messages)
            parisReplies += m.toObject().value(QStringLiteral("text")).toString() == QStringLiteral("The capital of France is Paris.");
        QCOMPARE(parisReplies, 3);
        const QJsonObject stopped = messages.last().toObject();
        QCOMPARE(stopped.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QVERIFY(!stopped.value(QStringLiteral("text")).toString().isEmpty());
    }

    // QD_STALL_MODEL names a bigger model (such as the real 1.5B one) for the benchmark figure;
    // without it a tiny random model keeps the test quick. Sending (storing the message, showing
    // the first two rows) is measured on its own; the bound is on the GUI thread while the reply
    // streams.
    void guiThreadStallWhileGenerating() {
        QTemporaryDir dir;
        QString model = qEnvironmentVariable("QD_STALL_MODEL");
        if (model.isEmpty()) model = makeTinyModel(dir);
        QVERIFY(!model.isEmpty());
        const int tokens = qEnvironmentVariableIntValue("QD_STALL_TOKENS") > 0 ? qEnvironmentVariableIntValue("QD_STALL_TOKENS") : 300;
        const QString sendFigures = dir.filePath(QStringLiteral("send.json"));
        const QString figures = dir.filePath(QStringLiteral("stall.json"));
        const QJsonArray steps{
            step("eval", QStringLiteral("session.settings.setValue('max_new_tokens', %1)").arg(tokens)),
            step("wait", QStringLiteral("session.models.state === ModelManager.Ready")),
            step("type", QStringLiteral("Write a long text about the sea.")),
            QJsonObject{{QStringLiteral("measure"), QStringLiteral("start")}},
            step("key", QStringLiteral("Return")),
            step("wait", QStringLiteral("session.chat.busy")),
            QJsonObject{{QStringLiteral("measure"), QStringLiteral("stop")}, {QStringLiteral("out"), sendFigures}},
            QJsonObject{{QStringLiteral("measure"), QStringLiteral("start")}},
            QJsonObject{{QStringLiteral("wait"), QStringLiteral("session.chat.count === 2 && session.chat.data(session.chat.index(1, 0), 261) === 'complete'")},
                        {QStringLiteral("timeout"), 600000}},
            QJsonObject{{QStringLiteral("measure"), QStringLiteral("stop")}, {QStringLiteral("out"), figures}},
            step("key", QStringLiteral("Ctrl+Q")),
        };
        QByteArray log;
        QCOMPARE(runGui({QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("profile")), QStringLiteral("--model"),
                         model, QStringLiteral("--automation"), writeScript(dir, QStringLiteral("stall.json.script"), steps)},
                        &log),
                 0);
        QFile sendFile(sendFigures);
        QVERIFY(sendFile.open(QIODevice::ReadOnly));
        const QJsonObject send = QJsonDocument::fromJson(sendFile.readAll()).object();
        QFile file(figures);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject result = QJsonDocument::fromJson(file.readAll()).object();
        qInfo("GUI thread sending: longest stall %.1f ms", send.value(QStringLiteral("longestStallMs")).toDouble());
        qInfo("GUI thread while generating %d tokens: longest stall %.1f ms, longest frame gap %.1f ms, %d frames",
              tokens, result.value(QStringLiteral("longestStallMs")).toDouble(),
              result.value(QStringLiteral("longestFrameGapMs")).toDouble(), result.value(QStringLiteral("frames")).toInt());
        QVERIFY(result.value(QStringLiteral("frames")).toInt() > 10);
        QVERIFY2(result.value(QStringLiteral("longestStallMs")).toDouble() < 50, log.constData());
    }

    // A 2,000-message conversation, stored through the storage API, opened and scrolled through
    // from its end to its start: by flicks as a user would, then by jumps as a scroll bar drag
    // would.
    void longConversationOpensAndScrolls() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("profile"));
        qint64 conversationId = 0;
        {
            qd::app::Database database(qd::app::databasePath(qd::app::dataDirectory(data)));
            conversationId = qd::app::ConversationStore(database).create().id;
            qd::app::MessageTree tree(database);
            qint64 parent = 0;
            for (int i = 0; i < 2000; ++i) {
                const bool user = i % 2 == 0;
                const QString text = user ? QStringLiteral("Question %1: how does the tide work?").arg(i)
                                   : i % 10 == 1
                                       ? QStringLiteral("Here is an example:\n\n```cpp\nint tide(int hour) {\n    return hour % 12;\n}\n```\n\n"
                                                        "The **moon** pulls the water; see *reply %1*.").arg(i)
                                       : QStringLiteral("Reply %1. The moon's gravity pulls the oceans, and the Earth turns "
                                                        "beneath the bulge, so most coasts see two high tides a day.").arg(i);
                parent = tree.addMessage(conversationId, parent, user ? qd::app::Role::User : qd::app::Role::Assistant, text).id;
            }
        }
        const QString figures = dir.filePath(QStringLiteral("scroll.json"));
        QJsonArray steps{
            QJsonObject{{QStringLiteral("measure"), QStringLiteral("start")}},
            step("eval", QStringLiteral("window.openConversation(%1)").arg(conversationId)),
            step("wait", QStringLiteral("session.chat.count === 2000 && chatPage.messageList.atYEnd")),
        };
        for (int i = 0; i < 60; ++i) {
            steps.append(step("eval", QStringLiteral("chatPage.messageList.flick(0, 6000)")));
            steps.append(QJsonObject{{QStringLiteral("sleep"), 120}});
        }
        for (int row = 1900; row >= 0; row -= 100) {
            steps.append(step("eval", QStringLiteral("chatPage.messageList.positionViewAtIndex(%1, ListView.Beginning)").arg(row)));
            steps.append(QJsonObject{{QStringLiteral("sleep"), 50}});
        }
        steps.append(step("wait", QStringLiteral("chatPage.messageList.atYBeginning")));
        steps.append(QJsonObject{{QStringLiteral("measure"), QStringLiteral("stop")}, {QStringLiteral("out"), figures}});
        steps.append(step("key", QStringLiteral("Ctrl+Q")));
        QByteArray log;
        const int code = runGui({QStringLiteral("--data-dir"), data, QStringLiteral("--automation"),
                                 writeScript(dir, QStringLiteral("scroll.json.script"), steps)},
                                &log);
        if (code != 0) qWarning("%s", log.right(3000).constData());
        QCOMPARE(code, 0);
        QFile file(figures);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject result = QJsonDocument::fromJson(file.readAll()).object();
        qInfo("2,000 messages opened and scrolled: longest stall %.1f ms, longest frame gap %.1f ms, %d frames",
              result.value(QStringLiteral("longestStallMs")).toDouble(),
              result.value(QStringLiteral("longestFrameGapMs")).toDouble(), result.value(QStringLiteral("frames")).toInt());
        QVERIFY(result.value(QStringLiteral("frames")).toInt() > 10);
        // Generous: opening reads all 2,000 messages at once; scrolling itself must not stutter.
        QVERIFY2(result.value(QStringLiteral("longestStallMs")).toDouble() < 250, log.constData());
    }
};

QTEST_GUILESS_MAIN(GuiAppTest)
#include "test_gui_app.moc"
