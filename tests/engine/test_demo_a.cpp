// End to end: the trained demo-a model must reproduce every one of its 80 replies through the chat
// template, tokenizer, forward pass, greedy sampling and streaming detokenizer, from both file
// formats and at every quantization level.
#include "generation/generator.h"
#include "util/thread_pool.h"

#include "demo_a_cases.h"

#include <QTest>

using namespace qd;
using qd::test::demoACases;
using qd::test::kDemoA;
using Case = qd::test::DemoACase;

class DemoATest : public QObject {
    Q_OBJECT
private slots:
    void reproducesEveryReply_data();
    void reproducesEveryReply();
    void promptReuseGivesTheSameReply();
    void cancelDuringDecodeLeavesTheGeneratorUsable();

private:
    ThreadPool pool_{2};
};

void DemoATest::reproducesEveryReply_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("level");
    for (const char *model : {"demo-a-f16.gguf", "hf"})
        for (const char *level : {"auto", "f32", "bf16", "q8_0", "q4_0"})
            QTest::addRow("%s@%s", model, level) << QString::fromLatin1(model) << QString::fromLatin1(level);
}

void DemoATest::reproducesEveryReply() {
    QFETCH(QString, model);
    QFETCH(QString, level);
    QCOMPARE(demoACases().size(), size_t(80));
    const auto weights = ModelWeights::load(ModelSource::open((kDemoA + model).toStdString()),
                                            *parseQuantLevel(level.toStdString()));
    Generator generator(weights, 256, pool_);
    GenerationOptions options;
    options.sampling.temperature = 0;
    options.sampling.repetitionPenalty = 1;
    options.maxNewTokens = 64;
    int reproduced = 0;
    for (const Case &c : demoACases()) {
        const auto prompt = generator.chatPrompt(c.messages);
        QCOMPARE(prompt, c.promptIds);
        std::string reply;
        const auto stats = generator.generate(prompt, options, [&](std::string_view piece) { reply += piece; });
        QCOMPARE(stats.finish, FinishReason::Stop);
        if (reply == c.reply)
            ++reproduced;
        else
            qWarning("%s: got \"%s\", expected \"%s\"", c.id.c_str(), reply.c_str(), c.reply.c_str());
    }
    QCOMPARE(reproduced, 80);
}

void DemoATest::promptReuseGivesTheSameReply() {
    const auto weights = ModelWeights::load(ModelSource::open((kDemoA + "demo-a-f16.gguf").toStdString()), QuantLevel::Auto);
    Generator generator(weights, 256, pool_);
    GenerationOptions options;
    options.sampling.temperature = 0;
    options.maxNewTokens = 64;
    // A two-turn case: its prompt extends the first turn's prompt and reply.
    const Case *twoTurn = nullptr;
    for (const Case &c : demoACases())
        if (c.messages.size() >= 3 && c.messages[0].role == "user") twoTurn = &c;
    QVERIFY(twoTurn);
    std::vector<ChatMessage> first(twoTurn->messages.begin(), twoTurn->messages.begin() + 1);
    std::string ignored;
    const auto firstStats = generator.generate(generator.chatPrompt(first), options,
                                               [&](std::string_view piece) { ignored += piece; });
    QCOMPARE(firstStats.prefilledTokens, firstStats.promptTokens);
    std::string reply;
    const auto prompt = generator.chatPrompt(twoTurn->messages);
    const auto stats = generator.generate(prompt, options, [&](std::string_view piece) { reply += piece; });
    QVERIFY2(stats.prefilledTokens < stats.promptTokens / 2, QByteArray::number(qlonglong(stats.prefilledTokens)));
    QCOMPARE(reply, twoTurn->reply);
}

void DemoATest::cancelDuringDecodeLeavesTheGeneratorUsable() {
    const auto weights = ModelWeights::load(ModelSource::open((kDemoA + "demo-a-f16.gguf").toStdString()), QuantLevel::Auto);
    Generator generator(weights, 256, pool_);
    GenerationOptions options;
    options.sampling.temperature = 0;
    options.maxNewTokens = 64;
    const Case &c = demoACases().front();
    const auto prompt = generator.chatPrompt(c.messages);

    // The flag is raised from the stream itself, after the first piece: the next step must not run.
    std::atomic<bool> cancel{false};
    std::string partial;
    const auto stopped = generator.generate(prompt, options, [&](std::string_view piece) {
        partial += piece;
        cancel = true;
    }, &cancel);
    QCOMPARE(stopped.finish, FinishReason::Cancelled);
    QCOMPARE(stopped.generatedTokens, int64_t(1));
    QVERIFY(c.reply.starts_with(partial));

    // Raised before the prompt is processed: nothing is generated.
    const auto early = generator.generate(prompt, options, {}, &cancel);
    QCOMPARE(early.finish, FinishReason::Cancelled);
    QCOMPARE(early.generatedTokens, int64_t(0));

    std::string reply;
    const auto stats = generator.generate(prompt, options, [&](std::string_view piece) { reply += piece; });
    QCOMPARE(stats.finish, FinishReason::Stop);
    QCOMPARE(reply, c.reply);
}

QTEST_GUILESS_MAIN(DemoATest)
#include "test_demo_a.moc"
