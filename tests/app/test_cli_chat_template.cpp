// qwendesk-cli chat-template, run as a process on reference cases.
#include "cli_runner.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using nlohmann::ordered_json;
using qd::test::runCli;

namespace {

const QString kModelDir = QStringLiteral(QD_TEST_DATA_DIR "/qwen2.5");

}  // namespace

class TestCliChatTemplate : public QObject {
    Q_OBJECT
private slots:
    void rendersReferenceCases();
    void reportsBadLinesAndGoesOn();
    void rejectsOtherTemplates();
};

void TestCliChatTemplate::rendersReferenceCases() {
    // Every tools case plus a spread of the others; requests are re-serialised without "text".
    std::ifstream in(QD_TEST_DATA_DIR "/qwen2.5/chat-template-cases.jsonl");
    QByteArray input;
    std::vector<std::string> expected;
    size_t index = 0;
    for (std::string line; std::getline(in, line); ++index) {
        auto c = ordered_json::parse(line);
        if (c["category"] != "tools" && index % 5 != 0) continue;
        expected.push_back(c["text"]);
        ordered_json request = {{"messages", c["messages"]}, {"add_generation_prompt", c["add_generation_prompt"]}};
        if (c.contains("tools")) request["tools"] = c["tools"];
        input += QByteArray::fromStdString(request.dump() + "\n");
    }
    QVERIFY(expected.size() > 12);

    const auto run = runCli({QStringLiteral("chat-template"), QStringLiteral("--model"), kModelDir}, input);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(static_cast<size_t>(lines.size()), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto reply = ordered_json::parse(lines[static_cast<qsizetype>(i)].toStdString());
        QCOMPARE(QByteArray::fromStdString(reply["text"].get<std::string>()), QByteArray::fromStdString(expected[i]));
    }
}

void TestCliChatTemplate::reportsBadLinesAndGoesOn() {
    const QByteArray input = "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}]}\n"
                             "not json\n"
                             "{\"messages\": [{\"role\": \"assistant\", \"content\": null}]}\n"
                             "{\"messages\": [{\"role\": \"user\", \"content\": \"b\"}], \"add_generation_prompt\": true}\n";
    const auto run = runCli({QStringLiteral("chat-template"), QStringLiteral("--model"), kModelDir}, input);
    QCOMPARE(run.exitCode, 1);
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].contains("user\\na<|im_end|>\\n\""));
    QVERIFY(lines[1].endsWith("<|im_start|>assistant\\n\"}"));
    QVERIFY2(run.err.contains("input line 2"), run.err.constData());
    QVERIFY2(run.err.contains("input line 3") && run.err.contains("no tool calls"), run.err.constData());
}

void TestCliChatTemplate::rejectsOtherTemplates() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::ifstream configIn(QD_TEST_DATA_DIR "/qwen2.5/tokenizer_config.json");
    auto config = ordered_json::parse(configIn);
    config["chat_template"] = "{% for m in messages %}{{ m.content }}{% endfor %}";
    std::ofstream(dir.filePath(QStringLiteral("tokenizer_config.json")).toStdString()) << config.dump(2);
    QVERIFY(QFile::link(kModelDir + QStringLiteral("/tokenizer.json"), dir.filePath(QStringLiteral("tokenizer.json"))));

    const auto run = runCli({QStringLiteral("chat-template"), QStringLiteral("--model"), dir.path()}, "");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("not a Qwen2.5 template"), run.err.constData());
    QVERIFY(run.out.isEmpty());

    const auto missing = runCli({QStringLiteral("chat-template")}, "");
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("--model PATH is required"));
}

QTEST_GUILESS_MAIN(TestCliChatTemplate)
#include "test_cli_chat_template.moc"
