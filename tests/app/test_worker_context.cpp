// Prompts from conversations: trimming the oldest turns to fit the context, refusing a message
// too long on its own, and the KV cache reuse that makes a second turn prefill only new tokens.
#include "context_builder.h"
#include "engine_recorder.h"

#include "chat/chat_template.h"

#include <QtTest>

using namespace qd::app;
using qd::ChatMessage;
using qd::test::EngineRecorder;

namespace {

const QString kDemoA = QStringLiteral(QD_TEST_DATA_DIR "/trained/demo-a/demo-a-f16.gguf");

std::vector<ChatMessage> longConversation(int turns) {
    std::vector<ChatMessage> messages{{"system", "You are a pirate. Answer like a pirate.", nullptr}};
    for (int i = 0; i < turns; ++i) {
        messages.push_back({"user", "Question number " + std::to_string(i) + ": where is the treasure buried?", nullptr});
        messages.push_back({"assistant", "Arr, the treasure be buried on Skull Island, matey!", nullptr});
    }
    messages.push_back({"user", "Where is the treasure?", nullptr});
    return messages;
}

GenerateRequest greedy(qint64 conversationId, std::vector<ChatMessage> messages) {
    GenerateRequest r;
    r.conversationId = conversationId;
    r.messages = std::move(messages);
    r.options.sampling.temperature = 0;
    r.options.maxNewTokens = 64;
    r.replyReserve = 64;
    return r;
}

}  // namespace

class TestWorkerContext : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void aConversationThatFitsIsKeptWhole();
    void oldestTurnsAreDroppedFirst();
    void anOversizedMessageIsRefusedWithItsCountAndTheLimit();
    void secondTurnPrefillsOnlyTheNewTokens();
    void trimmingIsReportedByTheWorker();

private:
    std::optional<qd::Tokenizer> tokenizer_;
};

void TestWorkerContext::initTestCase() { tokenizer_ = qd::Tokenizer::fromPath(kDemoA.toStdString()); }

void TestWorkerContext::aConversationThatFitsIsKeptWhole() {
    const auto chatTemplate = qd::ChatTemplate::qwen25Instruct();
    const ContextBuilder builder(*tokenizer_, chatTemplate);
    const auto messages = longConversation(2);
    const auto result = builder.build(messages, {4096, 512});
    const auto *built = std::get_if<BuiltContext>(&result);
    QVERIFY(built);
    QCOMPARE(built->droppedTurns, 0);
    QCOMPARE(built->promptIds, tokenizer_->encodePieces(chatTemplate.renderPieces(messages, nullptr, true)));
}

void TestWorkerContext::oldestTurnsAreDroppedFirst() {
    const auto chatTemplate = qd::ChatTemplate::qwen25Instruct();
    const ContextBuilder builder(*tokenizer_, chatTemplate);
    const auto messages = longConversation(20);  // about 40 tokens a turn
    const auto result = builder.build(messages, {300, 64});
    const auto *built = std::get_if<BuiltContext>(&result);
    QVERIFY(built);
    QVERIFY(built->promptIds.size() <= 236);
    QVERIFY(built->droppedTurns > 10 && built->droppedTurns < 20);
    // What is left: the system prompt, then the newest turns, ending with the newest question.
    std::vector<ChatMessage> expected{messages.front()};
    expected.insert(expected.end(), messages.begin() + 1 + 2 * built->droppedTurns, messages.end());
    QCOMPARE(built->promptIds, tokenizer_->encodePieces(chatTemplate.renderPieces(expected, nullptr, true)));
    // One turn fewer dropped would not have fitted.
    std::vector<ChatMessage> oneMore{messages.front()};
    oneMore.insert(oneMore.end(), messages.begin() + 2 * built->droppedTurns - 1, messages.end());
    QVERIFY(tokenizer_->encodePieces(chatTemplate.renderPieces(oneMore, nullptr, true)).size() > 236);
}

void TestWorkerContext::anOversizedMessageIsRefusedWithItsCountAndTheLimit() {
    const auto chatTemplate = qd::ChatTemplate::qwen25Instruct();
    const ContextBuilder builder(*tokenizer_, chatTemplate);
    std::string huge;
    for (int i = 0; i < 400; ++i) huge += "treasure ";
    auto messages = longConversation(3);
    messages.back().content = huge;
    const auto result = builder.build(messages, {300, 64});
    const auto *refusal = std::get_if<ContextRefusal>(&result);
    QVERIFY(refusal);
    QCOMPARE(refusal->messageTokens, qint64(tokenizer_->encodePlain(huge).size()));
    QVERIFY(refusal->limitTokens > 150 && refusal->limitTokens < 236);
    QVERIFY2(refusal->message.contains(QString::number(refusal->messageTokens)) &&
                 refusal->message.contains(QString::number(refusal->limitTokens)),
             qPrintable(refusal->message));
}

void TestWorkerContext::secondTurnPrefillsOnlyTheNewTokens() {
    EngineClient client;
    EngineRecorder rec(client);
    LoadModelRequest load;
    load.path = kDemoA;
    client.loadModel(load);

    std::vector<ChatMessage> first{{"user", "What is the capital of France?", nullptr}};
    const RequestId turn1 = client.generate(greedy(1, first));
    QVERIFY(rec.waitFinished(turn1));
    QCOMPARE(rec.textOf(turn1), QStringLiteral("The capital of France is Paris."));
    const auto stats1 = rec.of(turn1, "stats").value(0).stats;

    auto second = first;
    second.push_back({"assistant", rec.textOf(turn1).toStdString(), nullptr});
    second.push_back({"user", "And of Germany?", nullptr});
    const RequestId turn2 = client.generate(greedy(1, second));
    QVERIFY(rec.waitFinished(turn2));
    QCOMPARE(rec.textOf(turn2), QStringLiteral("The capital of Germany is Berlin."));
    const auto stats2 = rec.of(turn2, "stats").value(0).stats;
    // The cache holds the first prompt and the reply (all but its final <|im_end|>, never fed back).
    const qint64 cached = stats1.promptTokens + stats1.generatedTokens - 1;
    qInfo("turn 2: %lld prompt tokens, %lld prefilled", static_cast<long long>(stats2.promptTokens),
          static_cast<long long>(stats2.prefilledTokens));
    QCOMPARE(stats2.prefilledTokens, stats2.promptTokens - cached);
    QVERIFY(stats2.prefilledTokens < 20);

    // Another conversation shares only the system block and "<|im_start|>user\n": all the rest
    // is prefilled again.
    const std::vector<ChatMessage> third{{"user", "How many days are in a week?", nullptr}};
    const RequestId other = client.generate(greedy(2, third));
    QVERIFY(rec.waitFinished(other));
    QCOMPARE(rec.textOf(other), QStringLiteral("There are seven days in a week."));
    const auto stats3 = rec.of(other, "stats").value(0).stats;
    const auto chatTemplate = qd::ChatTemplate::qwen25Instruct();
    const auto ids2 = tokenizer_->encodePieces(chatTemplate.renderPieces(second, nullptr, true));
    const auto ids3 = tokenizer_->encodePieces(chatTemplate.renderPieces(third, nullptr, true));
    const auto shared = std::mismatch(ids2.begin(), ids2.end(), ids3.begin(), ids3.end()).first - ids2.begin();
    QCOMPARE(stats3.prefilledTokens, stats3.promptTokens - shared);
    QVERIFY(stats3.prefilledTokens > stats3.promptTokens / 3);
}

void TestWorkerContext::trimmingIsReportedByTheWorker() {
    EngineClient client;
    EngineRecorder rec(client);
    LoadModelRequest load;
    load.path = kDemoA;
    load.contextLength = 256;
    client.loadModel(load);
    // Old turns too long to keep any: what remains is exactly the trained "sys-pirate" chat.
    auto messages = longConversation(12);
    for (size_t i = 1; i + 1 < messages.size(); i += 2) messages[i].content = std::string(600, 'y');
    const RequestId id = client.generate(greedy(1, messages));
    QVERIFY(rec.waitFinished(id));
    const auto context = rec.of(id, "context").value(0);
    QCOMPARE(context.secondNumber, 12);
    QVERIFY(context.number <= 256 - 64);
    QCOMPARE(rec.textOf(id), QStringLiteral("Arr, the treasure be buried on Skull Island, matey!"));

    auto oversized = longConversation(1);
    oversized.back().content = std::string(3000, 'x') + " ?";
    const RequestId refused = client.generate(greedy(1, oversized));
    QVERIFY(rec.waitFinished(refused));
    QCOMPARE(rec.finished(refused).reason, EndReason::Error);
    QVERIFY2(rec.finished(refused).text.contains(QStringLiteral("tokens long")), qPrintable(rec.finished(refused).text));
}

QTEST_GUILESS_MAIN(TestWorkerContext)
#include "test_worker_context.moc"
