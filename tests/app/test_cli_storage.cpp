// qwendesk-cli history, search, export and import, run as processes on a profile filled through
// the storage library.
#include "cli_runner.h"
#include "storage_test_support.h"

#include "conversation_store.h"
#include "message_tree.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace qd::app;
using qd::test::CliRun;
using qd::test::outputLines;
using qd::test::runCli;
using qd::test::TempProfile;

namespace {

QJsonObject parseLine(const QByteArray &line) { return QJsonDocument::fromJson(line).object(); }

}  // namespace

class TestCliStorage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void historyListsConversations();
    void searchPrintsRankedHits();
    void exportImportRoundTrip();
    void exportsMarkdownOfOneConversation();
    void reportsErrors();
    void setsDamagedDatabaseAside();

private:
    QStringList dataDir() const { return {QStringLiteral("--data-dir"), profile_.dir.path()}; }
    TempProfile profile_;
    qint64 tokyo_ = 0;
    qint64 kernels_ = 0;
};

void TestCliStorage::initTestCase() {
    auto db = profile_.open();
    ConversationStore conversations(*db);
    MessageTree tree(*db);
    tokyo_ = conversations.create().id;
    const Message u = tree.addMessage(tokyo_, 0, Role::User, QStringLiteral("東京の天気はどうですか？"));
    tree.addMessage(tokyo_, u.id, Role::Assistant, QStringLiteral("晴れです。Sunny and warm in Tokyo."));
    QTest::qSleep(5);
    kernels_ = conversations.create().id;
    const Message k = tree.addMessage(kernels_, 0, Role::User, QStringLiteral("Explain SIMD kernels"));
    const Message r = tree.addMessage(kernels_, k.id, Role::Assistant, QStringLiteral("Kernels process many values at once."));
    tree.regenerate(r.id);
}

void TestCliStorage::historyListsConversations() {
    const CliRun run = runCli(QStringList{QStringLiteral("history"), QStringLiteral("--json")} + dataDir());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QByteArray> lines = outputLines(run);
    QCOMPARE(lines.size(), 2);
    const QJsonObject newest = parseLine(lines[0]);
    QCOMPARE(newest.value(QLatin1String("id")).toInteger(), kernels_);
    QCOMPARE(newest.value(QLatin1String("title")).toString(), QStringLiteral("Explain SIMD kernels"));
    QCOMPARE(newest.value(QLatin1String("messages")).toInt(), 3);
    QVERIFY(!newest.value(QLatin1String("updated")).toString().isEmpty());
    QCOMPARE(parseLine(lines[1]).value(QLatin1String("title")).toString(), QStringLiteral("東京の天気はどうですか？"));

    const CliRun plain = runCli(QStringList{QStringLiteral("history")} + dataDir());
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(plain.out.startsWith(QByteArray::number(kernels_) + '\t'));
    QVERIFY(plain.out.contains(QStringLiteral("東京の天気").toUtf8()));
}

void TestCliStorage::searchPrintsRankedHits() {
    CliRun run = runCli(QStringList{QStringLiteral("search"), QStringLiteral("--json")} + dataDir() +
                        QStringList{QStringLiteral("天気")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QList<QByteArray> lines = outputLines(run);
    QCOMPARE(lines.size(), 2);  // the message and the title made from it
    for (const QByteArray &line : lines) {
        const QJsonObject hit = parseLine(line);
        QCOMPARE(hit.value(QLatin1String("conversation")).toInteger(), tokyo_);
        QVERIFY(hit.value(QLatin1String("snippet")).toString().contains(QStringLiteral("[天気]")));
    }
    QCOMPARE(parseLine(lines[0]).value(QLatin1String("rank")).toInt(), 1);

    run = runCli(QStringList{QStringLiteral("search")} + dataDir() + QStringList{QStringLiteral("kernels")});
    QCOMPARE(run.exitCode, 0);
    lines = outputLines(run);
    QVERIFY(lines.size() >= 2);
    QVERIFY2(lines[0].startsWith("1. conversation " + QByteArray::number(kernels_)), lines[0].constData());
    QVERIFY(run.out.contains("[Kernels]") || run.out.contains("[kernels]"));

    run = runCli(QStringList{QStringLiteral("search")} + dataDir() + QStringList{QStringLiteral("nowhere-to-be-found")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.isEmpty());
}

void TestCliStorage::exportImportRoundTrip() {
    QTemporaryDir scratch;
    const QString file = scratch.filePath(QStringLiteral("all.json"));
    CliRun run = runCli(QStringList{QStringLiteral("export"), QStringLiteral("--out"), file} + dataDir());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QFile exported(file);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QByteArray json = exported.readAll();
    QVERIFY(json.contains("\"streaming\"") || json.contains("\"interrupted\""));

    TempProfile other;
    const QStringList otherDir{QStringLiteral("--data-dir"), other.dir.path()};
    run = runCli(QStringList{QStringLiteral("import")} + otherDir + QStringList{file});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.startsWith("imported 2 conversations"), run.out.constData());
    run = runCli(QStringList{QStringLiteral("export")} + otherDir);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // The reply left streaming is interrupted once imported, as after a crash; the rest is equal.
    QByteArray expected = json;
    expected.replace("\"streaming\"", "\"interrupted\"");
    QCOMPARE(run.out, expected);
}

void TestCliStorage::exportsMarkdownOfOneConversation() {
    const CliRun run = runCli(QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("md"),
                                          QStringLiteral("--conversation"), QString::number(tokyo_)} +
                              dataDir());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString md = QString::fromUtf8(run.out);
    QVERIFY2(md.startsWith(QStringLiteral("# 東京の天気はどうですか？\n")), qPrintable(md));
    QVERIFY(md.contains(QStringLiteral("## Assistant\n\n晴れです。Sunny and warm in Tokyo.\n")));
    QVERIFY(!md.contains(QLatin1String("SIMD")));
}

void TestCliStorage::reportsErrors() {
    CliRun run = runCli(QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("pdf")} + dataDir());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("--format must be json or md"), run.err.constData());
    run = runCli(QStringList{QStringLiteral("export"), QStringLiteral("--conversation"), QStringLiteral("999")} + dataDir());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("no conversation 999"), run.err.constData());

    QTemporaryDir scratch;
    const QString bad = scratch.filePath(QStringLiteral("bad.json"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"qwendesk-conversations","version":1,"conversations":[{"messages":"no"}]})");
    file.close();
    run = runCli(QStringList{QStringLiteral("import")} + dataDir() + QStringList{bad});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("conversation 1"), run.err.constData());
    run = runCli(QStringList{QStringLiteral("import")} + dataDir() + QStringList{scratch.filePath(QStringLiteral("missing.json"))});
    QCOMPARE(run.exitCode, 1);
    run = runCli(QStringList{QStringLiteral("search")} + dataDir());
    QCOMPARE(run.exitCode, 1);

    // Nothing was added by the failed import.
    run = runCli(QStringList{QStringLiteral("history")} + dataDir());
    QCOMPARE(outputLines(run).size(), 2);
}

void TestCliStorage::setsDamagedDatabaseAside() {
    TempProfile damaged;
    QFile file(damaged.dbPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'Z'));
    file.close();
    const CliRun run = runCli({QStringLiteral("history"), QStringLiteral("--data-dir"), damaged.dir.path()});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("could not be read") && run.err.contains(".corrupt-"), run.err.constData());
    const QStringList kept = QDir(damaged.dir.path()).entryList({QStringLiteral("qwendesk.sqlite3.corrupt-*")});
    QCOMPARE(kept.size(), 1);
    QFile aside(damaged.dir.filePath(kept.first()));
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), QByteArray(4096, 'Z'));
}

QTEST_GUILESS_MAIN(TestCliStorage)
#include "test_cli_storage.moc"
