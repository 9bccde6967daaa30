// qwendesk-cli models and download, run as a separate process; downloads come from a loopback
// test server.
#include "test_http_server.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include "cli_runner.h"

#include <QTemporaryDir>
#include <QTest>

using qd::test::served;
using qd::test::TestHttpServer;

namespace {

const QString kGguf = QStringLiteral(QD_TEST_DATA_DIR "/trained/demo-a/demo-a-f16.gguf");

// Runs the CLI with the test's hub cache and no HF_ENDPOINT from the environment.
qd::test::CliRun runCli(const QStringList &arguments, const QString &hubCache) {
    QProcessEnvironment environment = qd::test::cliEnvironment();
    environment.insert(QStringLiteral("HF_HUB_CACHE"), hubCache);
    environment.remove(QStringLiteral("HF_ENDPOINT"));
    return qd::test::runCli(arguments, {}, environment, 60000);
}

}  // namespace

class TestCliModels : public QObject {
    Q_OBJECT

private slots:
    void listsModelsInDataDirAndCache() {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("data/models"))));
        QVERIFY(QFile::copy(kGguf, dir.filePath(QStringLiteral("data/models/demo.gguf"))));
        QFile bogus(dir.filePath(QStringLiteral("data/models/broken.gguf")));
        QVERIFY(bogus.open(QIODevice::WriteOnly));
        bogus.write("not a model");
        bogus.close();
        const QString snapshot = dir.filePath(QStringLiteral("hub/models--Qwen--Qwen2.5-1.5B-Instruct-GGUF/snapshots/r1"));
        QVERIFY(QDir().mkpath(snapshot));
        QVERIFY(QFile::link(kGguf, snapshot + QStringLiteral("/qwen2.5-1.5b-instruct-fp16.gguf")));

        const auto run = runCli({QStringLiteral("models"), QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data"))},
                               dir.filePath(QStringLiteral("hub")));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("demo.gguf\n  found in:      QwenDesk models folder"), run.out.constData());
        QVERIFY(run.out.contains("format:        GGUF, 25.8 MB"));
        QVERIFY(run.out.contains("tensor types:  F16 x"));
        QVERIFY(run.out.contains("Qwen2.5-Instruct (chat)"));
        QVERIFY(run.out.contains("broken.gguf\n  found in:      QwenDesk models folder\n  not usable:"));
        QVERIFY(run.out.contains("Hugging Face cache (Qwen/Qwen2.5-1.5B-Instruct-GGUF)"));
        QCOMPARE(run.out.count("format:        GGUF"), 2);
    }

    void downloadsCatalogEntry() {
        TestHttpServer server;
        QVERIFY(server.listen());
        QFile file(kGguf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray model = file.readAll();
        const QByteArray sha = QCryptographicHash::hash(model, QCryptographicHash::Sha256).toHex();
        server.setResource("/mirror/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/qwen2.5-1.5b-instruct-q4_0.gguf",
                           served(model).withEtag(sha));
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const auto run = runCli({QStringLiteral("download"), QStringLiteral("--data-dir"), data, QStringLiteral("--file"),
                                QStringLiteral("qwen2.5-1.5b-instruct-q4_0"), QStringLiteral("--base-url"),
                                server.baseUrl().toString() + QStringLiteral("/mirror")},
                               dir.filePath(QStringLiteral("hub")));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString expected = data + QStringLiteral("/models/qwen2.5-1.5b-instruct-q4_0.gguf");
        QCOMPARE(run.out.trimmed(), expected.toUtf8());
        QVERIFY2(run.err.contains("every file matched the server's SHA-256"), run.err.constData());
        QFile downloaded(expected);
        QVERIFY(downloaded.open(QIODevice::ReadOnly));
        QCOMPARE(downloaded.readAll(), model);
    }

    void reportsDownloadErrors() {
        TestHttpServer server;
        QVERIFY(server.listen());
        QTemporaryDir dir;
        const QStringList common = {QStringLiteral("download"), QStringLiteral("--data-dir"), dir.path()};
        auto run = runCli(common + QStringList{QStringLiteral("--file"), QStringLiteral("qwen2.5-1.5b-instruct-q8_0"),
                                              QStringLiteral("--base-url"), server.baseUrl().toString()},
                         dir.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("download: file not found on the server"), run.err.constData());
        run = runCli(common + QStringList{QStringLiteral("--file"), QStringLiteral("nope")}, dir.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("no catalog entry 'nope'"));
        run = runCli(common + QStringList{QStringLiteral("--list")}, dir.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("qwen2.5-1.5b-instruct-q4_k_m"));
        QVERIFY(run.out.contains("(recommended)"));
    }
};

QTEST_GUILESS_MAIN(TestCliModels)
#include "test_cli_models.moc"
