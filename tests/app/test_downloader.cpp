// Downloader against a local HTTP server (127.0.0.1 only): normal download with the Hub's redirect
// and checksum, resume after a dropped connection, a server that ignores Range, pause/resume,
// cancel, checksum mismatch, 404, a stalled server and the free-space checks.
#include "downloader.h"
#include "model_info.h"
#include "test_http_server.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using qd::test::Resource;
using qd::test::served;
using qd::test::TestHttpServer;

namespace {

QByteArray sha256Hex(const QByteArray &data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray randomBytes(qsizetype size, quint32 seed) {
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs the event loop until the downloader reports the end, or gives up after `timeoutMs`.
std::optional<qd::DownloadResult> waitForResult(qd::Downloader &downloader, int timeoutMs = 20000) {
    std::optional<qd::DownloadResult> result;
    const auto connection =
        QObject::connect(&downloader, &qd::Downloader::finished, [&](const qd::DownloadResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs)) qWarning("no result in time");
    QObject::disconnect(connection);
    return result;
}

}  // namespace

class TestDownloader : public QObject {
    Q_OBJECT

private slots:
    void init() {
        server_ = std::make_unique<TestHttpServer>();
        QVERIFY(server_->listen());
        dir_ = std::make_unique<QTemporaryDir>();
        QVERIFY(dir_->isValid());
    }
    void cleanup() {
        server_.reset();
        dir_.reset();
    }

    void downloadsThroughRedirectAndVerifiesChecksum() {
        // The real demo model, so the result can be opened as a model afterwards.
        const QByteArray model = readFile(QStringLiteral(QD_TEST_DATA_DIR "/trained/demo-a/demo-a-f16.gguf"));
        QVERIFY(!model.isEmpty());
        server_->setResource("/Qwen/repo/resolve/main/demo.gguf",
                             Resource().withEtag(sha256Hex(model)).redirectingTo("/cdn/blob"));
        server_->setResource("/cdn/blob", served(model));
        const QString destination = dir_->filePath(QStringLiteral("models/demo.gguf"));

        qd::Downloader downloader;
        QList<qd::DownloadProgress> progress;
        connect(&downloader, &qd::Downloader::progressChanged, this,
                [&](const qd::DownloadProgress &p) { progress.append(p); });
        downloader.start({{url("/Qwen/repo/resolve/main/demo.gguf"), destination, 1000}});
        const auto result = waitForResult(downloader);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error));
        QCOMPARE(result->files.size(), 1);
        QVERIFY(result->files.first().verified);
        QCOMPARE(result->files.first().sha256, sha256Hex(model));
        QCOMPARE(readFile(destination), model);
        QVERIFY(!QFile::exists(destination + QStringLiteral(".part")));
        QCOMPARE(downloader.state(), qd::Downloader::State::Done);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().receivedBytes, model.size());
        QCOMPARE(progress.last().totalBytes, model.size());  // the server's size replaced the hint
        QCOMPARE(progress.last().fileCount, 1);
        QCOMPARE(qd::inspectModel(destination).format, qd::ModelFormat::Gguf);
    }

    void reportsMissingChecksumAsUnverified() {
        const QByteArray data = randomBytes(100000, 1);
        server_->setResource("/config.json", served(data));
        qd::Downloader downloader;
        downloader.start({{url("/config.json"), dir_->filePath(QStringLiteral("config.json"))}});
        const auto result = waitForResult(downloader);
        QVERIFY(result && result->ok);
        QVERIFY(!result->files.first().verified);
        QVERIFY2(result->verificationSummary().contains(QStringLiteral("not verified")),
                 qPrintable(result->verificationSummary()));
        QVERIFY(result->verificationSummary().contains(QStringLiteral("config.json")));
    }

    void resumesAfterDroppedConnection() {
        const QByteArray data = randomBytes(4 << 20, 2);
        server_->setResource("/model.bin",
                             served(data).withEtag(sha256Hex(data)).dropping(1500000));
        const QString destination = dir_->filePath(QStringLiteral("model.bin"));
        qd::Downloader downloader;
        downloader.start({{url("/model.bin"), destination, data.size()}});
        auto result = waitForResult(downloader);
        QVERIFY(result);
        QVERIFY(!result->ok);
        QVERIFY2(result->error.contains(QStringLiteral("resume")), qPrintable(result->error));
        QVERIFY(!QFile::exists(destination));
        const qint64 partial = QFileInfo(destination + QStringLiteral(".part")).size();
        QVERIFY(partial > 0 && partial < data.size());

        downloader.resume();
        result = waitForResult(downloader);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error));
        QVERIFY(result->files.first().verified);
        QCOMPARE(readFile(destination), data);
        QCOMPARE(server_->requests().size(), 2);
        QCOMPARE(server_->requests().last().range, "bytes=" + QByteArray::number(partial) + '-');
    }

    void resumesPartialFileFromAnEarlierRun() {
        const QByteArray data = randomBytes(1 << 20, 3);
        server_->setResource("/model.bin", served(data).withEtag(sha256Hex(data)));
        const QString destination = dir_->filePath(QStringLiteral("model.bin"));
        QFile part(destination + QStringLiteral(".part"));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(data.left(300000));
        part.close();
        qd::Downloader downloader;
        downloader.start({{url("/model.bin"), destination}});
        const auto result = waitForResult(downloader);
        QVERIFY(result && result->ok);
        QVERIFY(result->files.first().verified);  // the hash covers the earlier bytes too
        QCOMPARE(readFile(destination), data);
        QCOMPARE(server_->requests().first().range, QByteArray("bytes=300000-"));
    }

    void restartsCleanlyWhenServerIgnoresRange() {
        const QByteArray data = randomBytes(2 << 20, 4);
        server_->setResource("/model.bin", served(data).withEtag(sha256Hex(data)).ignoringRange().dropping(700000));
        const QString destination = dir_->filePath(QStringLiteral("model.bin"));
        qd::Downloader downloader;
        downloader.start({{url("/model.bin"), destination}});
        QVERIFY(waitForResult(downloader).has_value());
        downloader.resume();
        const auto result = waitForResult(downloader);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error));
        QCOMPARE(readFile(destination), data);
        QVERIFY(!server_->requests().last().range.isEmpty());  // asked for the rest, got everything
    }

    void pausesAndResumes() {
        const QByteArray data = randomBytes(2 << 20, 5);
        server_->setResource("/model.bin",
                             served(data).withEtag(sha256Hex(data)).stalling(500000));
        const QString destination = dir_->filePath(QStringLiteral("model.bin"));
        qd::Downloader downloader;
        qint64 received = 0;
        connect(&downloader, &qd::Downloader::progressChanged, this,
                [&](const qd::DownloadProgress &p) { received = p.receivedBytes; });
        downloader.start({{url("/model.bin"), destination}});
        QTRY_VERIFY_WITH_TIMEOUT(received >= 500000, 10000);
        downloader.pause();
        QCOMPARE(downloader.state(), qd::Downloader::State::Paused);
        QCOMPARE(QFileInfo(destination + QStringLiteral(".part")).size(), 500000);

        downloader.resume();
        const auto result = waitForResult(downloader);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error));
        QCOMPARE(readFile(destination), data);
        QCOMPARE(server_->requests().last().range, QByteArray("bytes=500000-"));
    }

    void cancelRemovesPartialFile() {
        const QByteArray data = randomBytes(1 << 20, 6);
        server_->setResource("/model.bin", served(data).stalling(200000));
        const QString destination = dir_->filePath(QStringLiteral("model.bin"));
        qd::Downloader downloader;
        qint64 received = 0;
        connect(&downloader, &qd::Downloader::progressChanged, this,
                [&](const qd::DownloadProgress &p) { received = p.receivedBytes; });
        downloader.start({{url("/model.bin"), destination}});
        QTRY_VERIFY_WITH_TIMEOUT(received >= 200000, 10000);
        QSignalSpy finished(&downloader, &qd::Downloader::finished);
        downloader.cancel();
        QCOMPARE(finished.size(), 1);
        const auto result = finished.first().first().value<qd::DownloadResult>();
        QVERIFY(result.cancelled);
        QVERIFY(!result.ok);
        QVERIFY(!QFile::exists(destination + QStringLiteral(".part")));
        QVERIFY(!QFile::exists(destination));
    }

    void checksumMismatchRemovesData() {
        const QByteArray data = randomBytes(500000, 7);
        server_->setResource("/model.bin", served(data).withEtag(sha256Hex("something else")));
        const QString destination = dir_->filePath(QStringLiteral("model.bin"));
        qd::Downloader downloader;
        downloader.start({{url("/model.bin"), destination}});
        const auto result = waitForResult(downloader);
        QVERIFY(result);
        QVERIFY(!result->ok);
        QVERIFY2(result->error.contains(QStringLiteral("checksum mismatch")), qPrintable(result->error));
        QVERIFY(result->error.contains(QString::fromLatin1(sha256Hex(data))));
        QVERIFY(!QFile::exists(destination));
        QVERIFY(!QFile::exists(destination + QStringLiteral(".part")));
    }

    void notFound() {
        const QString destination = dir_->filePath(QStringLiteral("missing.gguf"));
        qd::Downloader downloader;
        downloader.start({{url("/Qwen/x/resolve/main/missing.gguf"), destination}});
        const auto result = waitForResult(downloader);
        QVERIFY(result);
        QVERIFY(!result->ok);
        QVERIFY2(result->error.startsWith(QStringLiteral("file not found on the server")), qPrintable(result->error));
        QVERIFY(result->error.contains(QStringLiteral("missing.gguf")));
        QVERIFY(!QFile::exists(destination + QStringLiteral(".part")));
    }

    void stalledServerTimesOut() {
        const QByteArray data = randomBytes(1 << 20, 8);
        server_->setResource("/model.bin", served(data).stalling(100000));
        const QString destination = dir_->filePath(QStringLiteral("model.bin"));
        qd::Downloader downloader;
        downloader.setStallTimeout(1000);
        QElapsedTimer clock;
        clock.start();
        downloader.start({{url("/model.bin"), destination}});
        const auto result = waitForResult(downloader, 10000);
        QVERIFY(result);
        QVERIFY(clock.elapsed() < 5000);
        QVERIFY(!result->ok);
        QVERIFY2(result->error.contains(QStringLiteral("no data from the server for 1 seconds")),
                 qPrintable(result->error));
        QCOMPARE(QFileInfo(destination + QStringLiteral(".part")).size(), 100000);  // kept for resume
    }

    void refusesWhenHintsDoNotFit() {
        server_->setResource("/model.bin", served(randomBytes(1000, 9)));
        qd::Downloader downloader;
        downloader.setAvailableBytesFunction([](const QString &) { return qint64(5000000); });
        downloader.start({{url("/model.bin"), dir_->filePath(QStringLiteral("model.bin")), 3000000000}});
        const auto result = waitForResult(downloader);
        QVERIFY(result);
        QVERIFY(!result->ok);
        QVERIFY2(result->error.contains(QStringLiteral("not enough free space")), qPrintable(result->error));
        QVERIFY(result->error.contains(QStringLiteral("3000.0 MB")));  // needed
        QVERIFY(result->error.contains(QStringLiteral("5.0 MB")));     // available
        QVERIFY(server_->requests().isEmpty());
    }

    void refusesWhenServerSizeDoesNotFit() {
        const QByteArray data = randomBytes(2000000, 10);
        server_->setResource("/model.bin", served(data).withEtag(sha256Hex(data)));
        const QString destination = dir_->filePath(QStringLiteral("model.bin"));
        qd::Downloader downloader;
        downloader.setAvailableBytesFunction([](const QString &) { return qint64(1000000); });
        downloader.start({{url("/model.bin"), destination, 10}});  // the hint passes the first check
        const auto result = waitForResult(downloader);
        QVERIFY(result);
        QVERIFY(!result->ok);
        QVERIFY2(result->error.contains(QStringLiteral("needs 2.0 MB more, only 1.0 MB is available")),
                 qPrintable(result->error));
        QVERIFY(!QFile::exists(destination));
    }

    void downloadsFolderInSequence() {
        const QString source = QStringLiteral(QD_TEST_DATA_DIR "/trained/demo-a/hf/");
        const QStringList names = {QStringLiteral("config.json"), QStringLiteral("generation_config.json"),
                                   QStringLiteral("tokenizer_config.json"), QStringLiteral("tokenizer.json"),
                                   QStringLiteral("model.safetensors")};
        QList<qd::DownloadItem> items;
        qint64 total = 0;
        for (const QString &name : names) {
            const QByteArray data = readFile(source + name);
            QVERIFY(!data.isEmpty());
            total += data.size();
            const QByteArray path = "/repo/resolve/main/" + name.toUtf8();
            // Only the large file is LFS on the Hub, with a checksum.
            const bool lfs = name == QLatin1String("model.safetensors");
            server_->setResource(path, served(data).withEtag(lfs ? sha256Hex(data) : QByteArray()));
            items.append({url(path), dir_->filePath(QStringLiteral("Model/") + name), 1000});
        }
        qd::Downloader downloader;
        QList<qd::DownloadProgress> progress;
        connect(&downloader, &qd::Downloader::progressChanged, this,
                [&](const qd::DownloadProgress &p) { progress.append(p); });
        downloader.start(items);
        const auto result = waitForResult(downloader);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error));
        QCOMPARE(result->files.size(), names.size());
        QVERIFY(result->files.last().verified);
        QVERIFY(!result->files.first().verified);
        QCOMPARE(progress.last().receivedBytes, total);
        QCOMPARE(progress.last().totalBytes, total);
        QCOMPARE(progress.last().fileIndex, static_cast<int>(names.size()) - 1);
        for (qsizetype i = 1; i < progress.size(); ++i)
            QVERIFY(progress.at(i).receivedBytes >= progress.at(i - 1).receivedBytes);
        const qd::ModelInfo info = qd::inspectModel(dir_->filePath(QStringLiteral("Model")));
        QCOMPARE(info.format, qd::ModelFormat::HuggingFaceFolder);
    }

private:
    QUrl url(const QByteArray &path) const { return QUrl(server_->baseUrl().toString() + QString::fromUtf8(path)); }

    std::unique_ptr<TestHttpServer> server_;
    std::unique_ptr<QTemporaryDir> dir_;  // a fresh one per test
};

QTEST_GUILESS_MAIN(TestDownloader)
#include "test_downloader.moc"
