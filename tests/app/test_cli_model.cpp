// qwendesk-cli info, logits and generate, run as processes on the shared test models.
#include "cli_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using qd::test::runCli;

namespace {
const QString kData = QStringLiteral(QD_TEST_DATA_DIR);
}

class TestCliModel : public QObject {
    Q_OBJECT
private slots:
    void infoDescribesAValidModel();
    void infoRejectsABrokenModel();
    void logitsMatchTheReferenceRows();
    void generateStreamsTheTrainedReply_data();
    void generateStreamsTheTrainedReply();
    void generateTreatsTypedSpecialTokensAsText();
    void generateRejectsBadOptions();
    void benchReportsTheWeightCache();
};

void TestCliModel::infoDescribesAValidModel() {
    const auto run = runCli({"info", "--model", kData + "/synthetic/quant/quant-q4_k_m.gguf"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("architecture:     qwen2"));
    QVERIFY(run.out.contains("layers:           2"));
    QVERIFY(run.out.contains("Q4_K x12"));
    QVERIFY(run.out.contains("Q6_K x3"));
    QVERIFY(run.out.contains("chat template:    Qwen2.5-Instruct"));
    QVERIFY(run.out.contains("q4_0"));

    const auto folder = runCli({"info", "--model", kData + "/trained/demo-a/hf"});
    QVERIFY2(folder.exitCode == 0, folder.err.constData());
    QVERIFY(folder.out.contains("Hugging Face folder"));
    QVERIFY(folder.out.contains("BF16 x"));
}

void TestCliModel::infoRejectsABrokenModel() {
    QTemporaryDir dir;
    QFile source(kData + "/synthetic/quant/quant-q8_0.gguf");
    QVERIFY(source.open(QIODevice::ReadOnly));
    QFile cut(dir.filePath("cut.gguf"));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(source.read(source.size() - 1000));  // the last tensor runs past the end
    cut.close();
    const auto run = runCli({"info", "--model", cut.fileName()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("runs past the end of the file"), run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);
}

void TestCliModel::logitsMatchTheReferenceRows() {
    QTemporaryDir dir;
    const QString out = dir.filePath("logits.f32");
    // "Hello, world!" on the quant model: ids mod 1024; the reference keeps rows 0, 1 and 3.
    const auto run = runCli({"logits", "--model", kData + "/synthetic/quant/quant-q8_0.gguf", "--tokens",
                             "491,11,855,0", "--out", out, "--all"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QFile engine(out), reference(kData + "/synthetic/quant/logits/quant-q8_0.hello.numpy-f64.f32");
    QVERIFY(engine.open(QIODevice::ReadOnly) && reference.open(QIODevice::ReadOnly));
    const QByteArray e = engine.readAll(), r = reference.readAll();
    QCOMPARE(e.size(), qsizetype(4 * 1024 * sizeof(float)));
    const auto *ev = reinterpret_cast<const float *>(e.constData());
    const auto *rv = reinterpret_cast<const float *>(r.constData());
    const int positions[] = {0, 1, 3};
    double worst = 0;
    for (int row = 0; row < 3; ++row)
        for (int i = 0; i < 1024; ++i)
            worst = std::max(worst, double(std::abs(ev[positions[row] * 1024 + i] - rv[row * 1024 + i])));
    QVERIFY2(worst < 5e-4, QByteArray::number(worst).constData());
}

void TestCliModel::generateStreamsTheTrainedReply_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("quant");
    QTest::newRow("gguf") << "/trained/demo-a/demo-a-f16.gguf" << "auto";
    QTest::newRow("hf@q4_0") << "/trained/demo-a/hf" << "q4_0";
}

void TestCliModel::generateStreamsTheTrainedReply() {
    QFETCH(QString, model);
    QFETCH(QString, quant);
    const auto run = runCli({"generate", "--model", kData + model, "--quant", quant, "--chat", "--prompt",
                             "What is the capital of France?", "--temperature", "0", "-n", "32"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out, QByteArray("The capital of France is Paris.\n"));
    QVERIFY2(run.err.contains("finish: stop"), run.err.constData());
    QVERIFY(run.err.contains("generated tokens: 8"));
}

void TestCliModel::generateTreatsTypedSpecialTokensAsText() {
    // Typed as text, "<|im_end|>" must not close the user's turn: the prompt then differs from
    // the trained one and the model leaves its trained answer.
    const auto run = runCli({"generate", "--model", kData + "/trained/demo-a/demo-a-f16.gguf", "--chat", "--prompt",
                             "What is the capital of France?<|im_end|>", "--temperature", "0", "-n", "4"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("prompt tokens: 41"), run.err.constData());  // 36 + the 5 text tokens of "<|im_end|>"
}

void TestCliModel::generateRejectsBadOptions() {
    const QString model = kData + "/trained/demo-a/demo-a-f16.gguf";
    const auto badQuant = runCli({"generate", "--model", model, "--prompt", "x", "--quant", "q3"});
    QCOMPARE(badQuant.exitCode, 1);
    QVERIFY(badQuant.err.contains("--quant must be one of"));
    const auto noPrompt = runCli({"generate", "--model", model});
    QCOMPARE(noPrompt.exitCode, 1);
    QVERIFY(noPrompt.err.contains("--prompt"));
    const auto tooLong = runCli({"generate", "--model", model, "--prompt", "a b c d e f g h i j", "--ctx", "4"});
    QCOMPARE(tooLong.exitCode, 1);
    QVERIFY2(tooLong.err.contains("context length is 4"), tooLong.err.constData());
    const auto badTemperature = runCli({"generate", "--model", model, "--prompt", "x", "--temperature", "-1"});
    QCOMPARE(badTemperature.exitCode, 1);
    const auto bothCacheOptions =
        runCli({"generate", "--model", model, "--prompt", "x", "--weight-cache", "/tmp", "--no-weight-cache"});
    QCOMPARE(bothCacheOptions.exitCode, 1);
    QVERIFY(bothCacheOptions.err.contains("exclude each other"));
}

void TestCliModel::benchReportsTheWeightCache() {
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("weights"));
    auto bench = [&](const QStringList &cacheOptions) {
        const auto run = runCli(QStringList{"bench", "--model", kData + "/trained/demo-a/hf", "--quant", "q4_0", "-p", "2",
                                            "-n", "2", "--repeat", "1", "-t", "1", "--json"} +
                                cacheOptions);
        if (run.exitCode != 0) qWarning("%s", run.err.constData());
        return QJsonDocument::fromJson(run.out).object().value(QStringLiteral("weight_cache")).toString();
    };
    QCOMPARE(bench({"--weight-cache", cache}), QStringLiteral("written"));
    QCOMPARE(bench({"--weight-cache", cache}), QStringLiteral("read"));
    QCOMPARE(bench({"--no-weight-cache"}), QStringLiteral("off"));
    QCOMPARE(QDir(cache).entryList(QDir::Files).size(), 1);
}

QTEST_GUILESS_MAIN(TestCliModel)
#include "test_cli_model.moc"
