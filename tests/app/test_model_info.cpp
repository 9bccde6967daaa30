// inspectModel (GGUF, Hugging Face folder, base model, broken input), RecentModels and the default
// thread count.
#include "model_info.h"
#include "recent_models.h"
#include "thread_count.h"

#include "util/error.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kDemo = QStringLiteral(QD_TEST_DATA_DIR "/trained/demo-a");

bool writeFile(const QString &path, const QByteArray &data) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

}  // namespace

class TestModelInfo : public QObject {
    Q_OBJECT

private slots:
    void describesGguf() {
        const qd::ModelInfo info = qd::inspectModel(kDemo + QStringLiteral("/demo-a-f16.gguf"));
        QCOMPARE(info.format, qd::ModelFormat::Gguf);
        QCOMPARE(info.formatName(), QStringLiteral("GGUF"));
        QCOMPARE(info.fileBytes, 25779360u);
        QCOMPARE(info.parameterCount, 9921600u);  // from the model's README
        QCOMPARE(info.layers, 4);
        QCOMPARE(info.variant, qd::ModelVariant::Instruct);
        QVERIFY(info.advice.isEmpty());
        // 2-D weights f16, 1-D tensors f32.
        QCOMPARE(info.tensorTypes.size(), 2);
        QCOMPARE(info.tensorTypes.at(0).type, QStringLiteral("F16"));
        QCOMPARE(info.tensorTypes.at(1).type, QStringLiteral("F32"));
        QCOMPARE(info.memory.size(), 5);
        // Smaller types need less memory; f32 the most.
        QVERIFY(info.memoryAt(qd::QuantLevel::F32) > info.memoryAt(qd::QuantLevel::BF16));
        QVERIFY(info.memoryAt(qd::QuantLevel::BF16) > info.memoryAt(qd::QuantLevel::Q8_0));
        QVERIFY(info.memoryAt(qd::QuantLevel::Q8_0) > info.memoryAt(qd::QuantLevel::Q4_0));
        QCOMPARE(info.memoryAt(qd::QuantLevel::Auto), info.memoryAt(qd::QuantLevel::BF16));  // f16 = 2 bytes too
    }

    void describesHuggingFaceFolder() {
        const qd::ModelInfo info = qd::inspectModel(kDemo + QStringLiteral("/hf"));
        QCOMPARE(info.format, qd::ModelFormat::HuggingFaceFolder);
        QCOMPARE(info.parameterCount, 9921600u);
        QCOMPARE(info.variant, qd::ModelVariant::Instruct);
        QCOMPARE(info.tensorTypes.size(), 1);
        QCOMPARE(info.tensorTypes.first().type, QStringLiteral("BF16"));
        QCOMPARE(info.tensorTypes.first().count, 50);
    }

    void recognisesBaseModelAndAdvises() {
        // The base model's tokenizer config: the Instruct template with the shorter default prompt.
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("base"));
        QVERIFY(QDir().mkpath(folder));
        for (const QString &name : {QStringLiteral("config.json"), QStringLiteral("generation_config.json"),
                                    QStringLiteral("tokenizer.json"), QStringLiteral("model.safetensors")})
            QVERIFY(QFile::link(kDemo + QStringLiteral("/hf/") + name, folder + QLatin1Char('/') + name));
        QFile config(kDemo + QStringLiteral("/hf/tokenizer_config.json"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QByteArray text = config.readAll();
        QVERIFY(text.contains("You are Qwen, created by Alibaba Cloud. You are a helpful assistant."));
        text.replace("You are Qwen, created by Alibaba Cloud. You are a helpful assistant.", "You are a helpful assistant.");
        QVERIFY(writeFile(folder + QStringLiteral("/tokenizer_config.json"), text));

        const qd::ModelInfo info = qd::inspectModel(folder);
        QCOMPARE(info.variant, qd::ModelVariant::Base);
        QVERIFY(info.advice.contains(QStringLiteral("Qwen/Qwen2.5-1.5B-Instruct")));
        QVERIFY(info.advice.contains(QStringLiteral("base model")));
        QVERIFY(qd::variantName(info.variant).contains(QStringLiteral("base")));
    }

    void rejectsWhatIsNotAModel() {
        QTemporaryDir dir;
        const QString bogus = dir.filePath(QStringLiteral("bogus.gguf"));
        QVERIFY(writeFile(bogus, "not a gguf file at all"));
        QVERIFY_THROWS_EXCEPTION(qd::Error, qd::inspectModel(bogus));
        QVERIFY_THROWS_EXCEPTION(qd::Error, qd::inspectModel(dir.filePath(QStringLiteral("missing"))));
        try {
            qd::inspectModel(bogus);
        } catch (const qd::Error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("bogus.gguf")), e.what());
        }
    }

    void recentModelsMostRecentFirstWithoutDuplicates() {
        qd::RecentModels recent(3);
        recent.add(QStringLiteral("/m/a.gguf"));
        recent.add(QStringLiteral("/m/b.gguf"));
        recent.add(QStringLiteral("/m/./a.gguf"));  // the same file as the first
        QCOMPARE(recent.paths(), (QStringList{QStringLiteral("/m/a.gguf"), QStringLiteral("/m/b.gguf")}));
        recent.add(QStringLiteral("/m/c"));
        recent.add(QStringLiteral("/m/d"));
        QCOMPARE(recent.paths(), (QStringList{QStringLiteral("/m/d"), QStringLiteral("/m/c"), QStringLiteral("/m/a.gguf")}));
        recent.add(QStringLiteral("  "));
        QCOMPARE(recent.paths().size(), 3);
        QCOMPARE(recent.mostRecent(), QStringLiteral("/m/d"));
        recent.remove(QStringLiteral("/m/c"));
        QCOMPARE(recent.paths(), (QStringList{QStringLiteral("/m/d"), QStringLiteral("/m/a.gguf")}));
    }

    void recentModelsRoundTripThroughStringList() {
        const QStringList saved = {QStringLiteral("/x"), QStringLiteral("/y"), QStringLiteral("/x"), QString(),
                                   QStringLiteral("/z"), QStringLiteral("/w")};
        const qd::RecentModels recent = qd::RecentModels::fromStringList(saved, 3);
        QCOMPARE(recent.toStringList(), (QStringList{QStringLiteral("/x"), QStringLiteral("/y"), QStringLiteral("/z")}));
        QCOMPARE(qd::RecentModels::fromStringList(recent.toStringList(), 3).toStringList(), recent.toStringList());
        QVERIFY(qd::RecentModels::fromStringList({}).paths().isEmpty());
    }

    void threadCountRule() {
        QCOMPARE(qd::threadCountFor(8, 16), 7);   // physical cores, one left free
        QCOMPARE(qd::threadCountFor(4, 8), 4);    // small machines use every core
        QCOMPARE(qd::threadCountFor(0, 6), 5);    // unknown topology: logical count
        QCOMPARE(qd::threadCountFor(0, 0), 1);
        QVERIFY(qd::defaultThreadCount() >= 1);
    }

    void countsPhysicalCoresFromTopology() {
        // Two packages; package 0 has a core with two hyper-threads; cpu5 is offline (no topology).
        QTemporaryDir dir;
        const struct { const char *cpu, *package, *core; } cpus[] = {
            {"cpu0", "0", "0"}, {"cpu1", "0", "1"}, {"cpu2", "0", "0"}, {"cpu3", "1", "0"}, {"cpu4", "1", "1"}};
        for (const auto &c : cpus) {
            const QString topology = dir.filePath(QString::fromLatin1(c.cpu) + QStringLiteral("/topology/"));
            QVERIFY(writeFile(topology + QStringLiteral("physical_package_id"), QByteArray(c.package) + '\n'));
            QVERIFY(writeFile(topology + QStringLiteral("core_id"), QByteArray(c.core) + '\n'));
        }
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("cpu5"))));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("cpufreq"))));
        QCOMPARE(qd::physicalCoreCount(qPrintable(dir.path())), 4);
        QCOMPARE(qd::physicalCoreCount(qPrintable(dir.filePath(QStringLiteral("missing")))), 0);
    }
};

QTEST_GUILESS_MAIN(TestModelInfo)
#include "test_model_info.moc"
