// qwendesk-cli chat end to end (worker thread, queue, storage), and a reply that survives the
// process being killed while it streams.
#include "cli_runner.h"

#include "database.h"
#include "data_directory.h"
#include "message_tree.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace qd::app;
using qd::test::runCli;

namespace {
const QString kData = QStringLiteral(QD_TEST_DATA_DIR);
}

class TestWorkerChat : public QObject {
    Q_OBJECT
private slots:
    void chatAnswersAndKeepsTheHistory();
    void aKilledReplyIsKeptAsInterrupted();
};

void TestWorkerChat::chatAnswersAndKeepsTheHistory() {
    QTemporaryDir dir;
    const QString model = kData + "/trained/demo-a/demo-a-f16.gguf";
    const auto first = runCli({"chat", "--data-dir", dir.path(), "--model", model, "--new", "What is the capital of France?"});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QCOMPARE(first.out, QByteArray("The capital of France is Paris.\n"));
    QVERIFY2(first.err.contains("conversation: 1"), first.err.constData());
    const auto second = runCli({"chat", "--data-dir", dir.path(), "--model", model, "--conversation", "1", "And of Germany?"});
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QCOMPARE(second.out, QByteArray("The capital of Germany is Berlin.\n"));

    Database database(databasePath(dir.path()));
    const QList<Message> path = MessageTree(database).activePath(1);
    QCOMPARE(path.size(), qsizetype(4));
    QCOMPARE(path[0].text, QStringLiteral("What is the capital of France?"));
    QCOMPARE(path[1].text, QStringLiteral("The capital of France is Paris."));
    QCOMPARE(path[1].status, MessageStatus::Complete);
    QCOMPARE(path[3].text, QStringLiteral("The capital of Germany is Berlin."));
    QVERIFY(path[3].stats.prefillTokens > 0);

    const auto missing = runCli({"chat", "--data-dir", dir.path(), "--model", model, "Hi"});
    QCOMPARE(missing.exitCode, 1);
}

void TestWorkerChat::aKilledReplyIsKeptAsInterrupted() {
    QTemporaryDir dir;
    QProcess chat;
    chat.start(QStringLiteral(QD_CLI_PATH), {"chat", "--data-dir", dir.path(), "--model",
                                             kData + "/synthetic/tiny/tiny-bf16.gguf", "--new", "--ignore-eos", "-n",
                                             "100000", "Tell me a very long story."});
    QByteArray streamed;
    QElapsedTimer sinceText;
    QVERIFY(QTest::qWaitFor([&] {
        chat.waitForReadyRead(50);
        streamed += chat.readAllStandardOutput();
        if (streamed.size() < 200) return false;
        if (!sinceText.isValid()) sinceText.start();
        return sinceText.elapsed() > 1000;  // past the writer's 250 ms flushes
    }, 60000));
    chat.kill();  // SIGKILL: no chance to finish the reply
    QVERIFY(chat.waitForFinished(10000));
    streamed += chat.readAllStandardOutput();

    Database database(databasePath(dir.path()));
    QCOMPARE(database.openReport().interruptedReplies, 1);
    auto check = database.connection().prepare("PRAGMA integrity_check");
    QVERIFY(check.next());
    QCOMPARE(check.text(0), QStringLiteral("ok"));
    const QList<Message> path = MessageTree(database).activePath(1);
    QCOMPARE(path.size(), qsizetype(2));
    QCOMPARE(path[0].text, QStringLiteral("Tell me a very long story."));
    QCOMPARE(path[0].status, MessageStatus::Complete);
    QCOMPARE(path[1].status, MessageStatus::Interrupted);
    qInfo("streamed %lld bytes, %lld saved before the kill", static_cast<long long>(streamed.size()),
          static_cast<long long>(path[1].text.toUtf8().size()));
    QVERIFY(path[1].text.size() > 50);
    QVERIFY(streamed.startsWith(path[1].text.toUtf8()));
}

QTEST_GUILESS_MAIN(TestWorkerChat)
#include "test_worker_chat.moc"
