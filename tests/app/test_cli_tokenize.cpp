// qwendesk-cli tokenize, run as a process on reference cases.
#include "cli_runner.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using nlohmann::json;
using qd::test::outputLines;
using qd::test::runCli;

namespace {

const QString kModelDir = QStringLiteral(QD_TEST_DATA_DIR "/qwen2.5");

}  // namespace

class TestCliTokenize : public QObject {
    Q_OBJECT
private slots:
    void roundTripsReferenceCases();
    void reportsBadLinesAndGoesOn();
    void rejectsBadModelPath();
};

void TestCliTokenize::roundTripsReferenceCases() {
    // Every tenth case (control characters and U+0000 among them), in order.
    std::ifstream in(QD_TEST_DATA_DIR "/qwen2.5/tokenizer-cases.jsonl");
    QByteArray input;
    std::vector<json> cases;
    size_t index = 0;
    for (std::string line; std::getline(in, line); ++index) {
        if (index % 10 != 0) continue;
        cases.push_back(json::parse(line));
        input += QByteArray::fromStdString(json{{"text", cases.back()["text"]}}.dump() + "\n");
    }

    const auto encoded = runCli({QStringLiteral("tokenize"), QStringLiteral("--model"), kModelDir}, input);
    QVERIFY2(encoded.exitCode == 0, encoded.err.constData());
    const QList<QByteArray> idLines = outputLines(encoded);
    QCOMPARE(static_cast<size_t>(idLines.size()), cases.size());
    QByteArray decodeInput;
    for (size_t i = 0; i < cases.size(); ++i) {
        const json reply = json::parse(idLines[static_cast<qsizetype>(i)].toStdString());
        QCOMPARE(reply["ids"], cases[i]["ids"]);
        decodeInput += QByteArray::fromStdString(json{{"ids", cases[i]["ids"]}}.dump() + "\n");
    }

    const auto decoded = runCli({QStringLiteral("tokenize"), QStringLiteral("--model"), kModelDir,
                                QStringLiteral("--decode")}, decodeInput);
    QVERIFY2(decoded.exitCode == 0, decoded.err.constData());
    const QList<QByteArray> textLines = outputLines(decoded);
    QCOMPARE(static_cast<size_t>(textLines.size()), cases.size());
    for (size_t i = 0; i < cases.size(); ++i) {
        const std::string text = json::parse(textLines[static_cast<qsizetype>(i)].toStdString())["text"];
        const QString expected = QString::fromStdString(cases[i]["text"].get<std::string>());
        // decode gives the NFC form of the text.
        QCOMPARE(QString::fromStdString(text), expected.normalized(QString::NormalizationForm_C));
    }
}

void TestCliTokenize::reportsBadLinesAndGoesOn() {
    const QByteArray input = "{\"text\": \"Hello, world!\"}\n"
                             "{\"text\": \"unterminated\n"
                             "{\"ids\": [1]}\n"
                             "{\"text\": \"<|im_start|>user\"}\n";
    const auto run = runCli({QStringLiteral("tokenize"), QStringLiteral("--model"), kModelDir}, input);
    QCOMPARE(run.exitCode, 1);
    const QList<QByteArray> lines = outputLines(run);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(json::parse(lines[0].toStdString())["ids"], json({9707, 11, 1879, 0}));
    QCOMPARE(json::parse(lines[1].toStdString())["ids"], json({151644, 872}));
    QVERIFY2(run.err.contains("line 2"), run.err.constData());
    QVERIFY2(run.err.contains("line 3"), run.err.constData());

    const auto decode = runCli({QStringLiteral("tokenize"), QStringLiteral("--model"), kModelDir,
                               QStringLiteral("--decode")},
                              "{\"ids\": [9707, 999999]}\n{\"ids\": [\"x\"]}\n{\"ids\": [9707, 11]}\n");
    QCOMPARE(decode.exitCode, 1);
    const QList<QByteArray> texts = outputLines(decode);
    QCOMPARE(texts.size(), 1);
    QCOMPARE(json::parse(texts[0].toStdString())["text"], json("Hello,"));
    QVERIFY2(decode.err.contains("line 1") && decode.err.contains("line 2"), decode.err.constData());
}

void TestCliTokenize::rejectsBadModelPath() {
    const auto run = runCli({QStringLiteral("tokenize"), QStringLiteral("--model"), QStringLiteral("/nonexistent/model")},
                           "{\"text\": \"hi\"}\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("/nonexistent/model"), run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);
}

QTEST_GUILESS_MAIN(TestCliTokenize)
#include "test_cli_tokenize.moc"
