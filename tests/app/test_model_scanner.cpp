// Finding models on disk: a fake Hugging Face hub cache (snapshot files are symlinks into blobs/,
// as the Hub's tools lay them out) and the app's models directory.
#include "model_scanner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kDemo = QStringLiteral(QD_TEST_DATA_DIR "/trained/demo-a");

// Copies `source` into the repository's blobs/ and links snapshots/<revision>/<name> to it.
bool addToCache(const QString &repoDir, const QString &revision, const QString &name, const QString &source) {
    const QString blob = repoDir + QStringLiteral("/blobs/") + QFileInfo(source).fileName() + QStringLiteral(".blob");
    const QString snapshot = repoDir + QStringLiteral("/snapshots/") + revision;
    return QDir().mkpath(repoDir + QStringLiteral("/blobs")) && QDir().mkpath(snapshot) &&
           (QFile::exists(blob) || QFile::copy(source, blob)) &&
           QFile::link(QStringLiteral("../../blobs/") + QFileInfo(blob).fileName(), snapshot + QLatin1Char('/') + name);
}

const QStringList kHfFiles = {QStringLiteral("config.json"), QStringLiteral("generation_config.json"),
                              QStringLiteral("tokenizer.json"), QStringLiteral("tokenizer_config.json"),
                              QStringLiteral("model.safetensors")};

}  // namespace

class TestModelScanner : public QObject {
    Q_OBJECT

private slots:
    void findsModelsInHubCache() {
        QTemporaryDir dir;
        const QString hub = dir.filePath(QStringLiteral("hub"));
        const QString instruct = hub + QStringLiteral("/models--Qwen--Qwen2.5-1.5B-Instruct");
        for (const QString &name : kHfFiles)
            QVERIFY(addToCache(instruct, QStringLiteral("aaa111"), name, kDemo + QStringLiteral("/hf/") + name));
        const QString gguf = hub + QStringLiteral("/models--Qwen--Qwen2.5-1.5B-Instruct-GGUF");
        QVERIFY(addToCache(gguf, QStringLiteral("bbb222"), QStringLiteral("qwen2.5-1.5b-instruct-fp16.gguf"),
                           kDemo + QStringLiteral("/demo-a-f16.gguf")));
        // An interrupted download: the snapshot links to a blob that never arrived.
        const QString broken = hub + QStringLiteral("/models--Qwen--Qwen2.5-1.5B");
        for (const QString &name : kHfFiles.mid(0, 4))
            QVERIFY(addToCache(broken, QStringLiteral("ccc333"), name, kDemo + QStringLiteral("/hf/") + name));
        QVERIFY(QFile::link(QStringLiteral("../../blobs/missing"),
                            broken + QStringLiteral("/snapshots/ccc333/model.safetensors")));
        // Other models are not ours to list.
        QVERIFY(addToCache(hub + QStringLiteral("/models--other--model"), QStringLiteral("ddd"),
                           QStringLiteral("x.gguf"), kDemo + QStringLiteral("/demo-a-f16.gguf")));

        const QList<qd::FoundModel> found = qd::scanHuggingFaceCache(hub);
        QCOMPARE(found.size(), 2);
        const qd::FoundModel &folder = found.at(0);
        QCOMPARE(folder.format, qd::ModelFormat::HuggingFaceFolder);
        QCOMPARE(folder.origin, qd::ModelOrigin::HuggingFaceCache);
        QCOMPARE(folder.repo, QStringLiteral("Qwen/Qwen2.5-1.5B-Instruct"));
        QCOMPARE(folder.path, QDir(instruct + QStringLiteral("/snapshots/aaa111")).absolutePath());
        qint64 folderBytes = 0;
        for (const QString &name : kHfFiles) folderBytes += QFileInfo(kDemo + QStringLiteral("/hf/") + name).size();
        QCOMPARE(folder.bytes, folderBytes);  // sizes of the blobs, not of the links
        const qd::FoundModel &file = found.at(1);
        QCOMPARE(file.format, qd::ModelFormat::Gguf);
        QCOMPARE(file.repo, QStringLiteral("Qwen/Qwen2.5-1.5B-Instruct-GGUF"));
        QVERIFY(file.path.endsWith(QStringLiteral("snapshots/bbb222/qwen2.5-1.5b-instruct-fp16.gguf")));
        QCOMPARE(file.bytes, QFileInfo(kDemo + QStringLiteral("/demo-a-f16.gguf")).size());
    }

    void findsModelsInAppDirectory() {
        QTemporaryDir dir;
        const QString models = dir.filePath(QStringLiteral("models"));
        QVERIFY(QDir().mkpath(models + QStringLiteral("/Qwen2.5-1.5B-Instruct")));
        for (const QString &name : kHfFiles)
            QVERIFY(QFile::copy(kDemo + QStringLiteral("/hf/") + name,
                                models + QStringLiteral("/Qwen2.5-1.5B-Instruct/") + name));
        QVERIFY(QFile::copy(kDemo + QStringLiteral("/demo-a-f16.gguf"), models + QStringLiteral("/demo.gguf")));
        // Downloads in progress are not models yet.
        QFile part(models + QStringLiteral("/next.gguf.part"));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write("partial");
        part.close();

        const QList<qd::FoundModel> found = qd::findModels(models, dir.filePath(QStringLiteral("no-hub")));
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).path, QDir(models).absoluteFilePath(QStringLiteral("demo.gguf")));
        QCOMPARE(found.at(0).origin, qd::ModelOrigin::AppDirectory);
        QVERIFY(found.at(0).repo.isEmpty());
        QCOMPARE(found.at(1).format, qd::ModelFormat::HuggingFaceFolder);
        QVERIFY(found.at(1).path.endsWith(QStringLiteral("/Qwen2.5-1.5B-Instruct")));
        QVERIFY(qd::scanModelsDirectory(dir.filePath(QStringLiteral("missing"))).isEmpty());
    }

    void hubDirectoryFollowsEnvironment() {
        qputenv("HF_HUB_CACHE", "/cache/hub-override");
        QCOMPARE(qd::huggingFaceHubDirectory(), QStringLiteral("/cache/hub-override"));
        qunsetenv("HF_HUB_CACHE");
        qputenv("HF_HOME", "/data/hf");
        QCOMPARE(qd::huggingFaceHubDirectory(), QStringLiteral("/data/hf/hub"));
        qunsetenv("HF_HOME");
        qputenv("XDG_CACHE_HOME", "/xdg");
        QCOMPARE(qd::huggingFaceHubDirectory(), QStringLiteral("/xdg/huggingface/hub"));
        qunsetenv("XDG_CACHE_HOME");
        QCOMPARE(qd::huggingFaceHubDirectory(), QDir::homePath() + QStringLiteral("/.cache/huggingface/hub"));
    }
};

QTEST_GUILESS_MAIN(TestModelScanner)
#include "test_model_scanner.moc"
