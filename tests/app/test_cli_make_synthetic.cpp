// qwendesk-cli make-synthetic, run as a process: the models it writes load and run in the engine.
#include "cli_runner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using qd::test::runCli;

namespace {
const QString kTokenizer = QStringLiteral(QD_TEST_DATA_DIR "/qwen2.5");

QStringList makeArgs(const QString &format, const QString &dtype, const QString &out) {
    return {"make-synthetic", "--shape", "tiny", "--format", format, "--dtype", dtype,
            "--tokenizer", kTokenizer, "--seed", "5", "--out", out};
}
}  // namespace

class TestCliMakeSynthetic : public QObject {
    Q_OBJECT
private slots:
    void ggufModelRunsInTheEngine() {
        QTemporaryDir dir;
        const QString model = dir.filePath("tiny-q4_0.gguf");
        const auto made = runCli(makeArgs("gguf", "q4_0", model));
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const auto info = runCli({"info", "--model", model});
        QVERIFY2(info.exitCode == 0, info.err.constData());
        QVERIFY(info.out.contains("Q4_0 x15"));
        QVERIFY(info.out.contains("chat template:    Qwen2.5-Instruct"));
        const QString logits = dir.filePath("logits.f32");
        const auto run = runCli({"logits", "--model", model, "--tokens", "9707,11,1879,0", "--out", logits});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile f(logits);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 0 && bytes.size() % (151936 * 4) == 0);
        const auto *v = reinterpret_cast<const float *>(bytes.constData());
        for (qsizetype i = 0; i < bytes.size() / 4; ++i) QVERIFY(std::isfinite(v[i]));
    }

    void safetensorsFolderLoads() {
        QTemporaryDir dir;
        const QString model = dir.filePath("tiny-hf");
        const auto made = runCli(makeArgs("safetensors", "bf16", model));
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const auto info = runCli({"info", "--model", model});
        QVERIFY2(info.exitCode == 0, info.err.constData());
        QVERIFY(info.out.contains("BF16 x"));
    }

    void rejectsBadOptions() {
        QTemporaryDir dir;
        const QString out = dir.filePath("x");
        const auto quantized = runCli(makeArgs("safetensors", "q8_0", out));
        QCOMPARE(quantized.exitCode, 1);
        QVERIFY(quantized.err.contains("Q8_0 needs the GGUF format"));
        QVERIFY(!QFile::exists(out));
        auto badShape = makeArgs("gguf", "f32", out);
        badShape[2] = "huge";
        const auto shape = runCli(badShape);
        QCOMPARE(shape.exitCode, 2);
        QVERIFY(shape.err.contains("--shape must be tiny or qwen2.5-1.5b"));
        const auto missing = runCli({"make-synthetic", "--shape", "tiny"});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("--format is required"));
        auto badDtype = makeArgs("gguf", "q5_k", out);
        QCOMPARE(runCli(badDtype).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliMakeSynthetic)
#include "test_cli_make_synthetic.moc"
