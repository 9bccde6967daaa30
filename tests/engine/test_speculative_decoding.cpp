// Prompt-lookup speculative decoding must not change a single byte of output: every case runs on
// two generators, one decoding token by token and one verifying drafts, and compares the streamed
// pieces, the statistics that do not depend on speed, and the KV cache left behind.
#include "demo_a_cases.h"

#include "generation/generator.h"
#include "util/thread_pool.h"

#include <QTest>

using namespace qd;
using qd::test::demoACases;
using qd::test::kDemoA;

namespace {

struct Reply {
    std::vector<std::string> pieces;
    GenerationStats stats;
    int64_t cachedPosition = 0;  // the transformer's cache size afterwards

    std::string text() const {
        std::string all;
        for (const auto &piece : pieces) all += piece;
        return all;
    }
};

// cancelAfterPieces >= 0 raises the cancel flag from the stream once that many pieces arrived.
Reply generate(Generator &generator, std::span<const int32_t> prompt, GenerationOptions options, bool promptLookup,
               int cancelAfterPieces = -1) {
    options.promptLookup = promptLookup;
    std::atomic<bool> cancel{false};
    Reply reply;
    reply.stats = generator.generate(prompt, options, [&](std::string_view piece) {
        reply.pieces.emplace_back(piece);
        if (static_cast<int>(reply.pieces.size()) == cancelAfterPieces) cancel = true;
    }, &cancel);
    reply.cachedPosition = generator.transformer().position();
    return reply;
}

// Empty when the speculative reply is the plain one in every observable way but speed.
QByteArray differences(const Reply &plain, const Reply &speculative) {
    QByteArray out;
    if (speculative.pieces != plain.pieces)
        out += "text \"" + QByteArray::fromStdString(speculative.text()) + "\" instead of \"" +
               QByteArray::fromStdString(plain.text()) + "\"; ";
    auto compare = [&](const char *what, int64_t got, int64_t expected) {
        if (got != expected) out += QByteArray(what) + " " + QByteArray::number(qlonglong(got)) + " instead of " +
                                    QByteArray::number(qlonglong(expected)) + "; ";
    };
    compare("generated tokens", speculative.stats.generatedTokens, plain.stats.generatedTokens);
    compare("prefilled tokens", speculative.stats.prefilledTokens, plain.stats.prefilledTokens);
    compare("finish", int64_t(speculative.stats.finish), int64_t(plain.stats.finish));
    compare("cache position", speculative.cachedPosition, plain.cachedPosition);
    compare("plain drafts", plain.stats.draftedTokens, 0);
    if (speculative.stats.acceptedTokens > speculative.stats.draftedTokens) out += "more accepted than drafted; ";
    return out;
}

// Two generators on the same weights fed the same calls: one plain, one with prompt lookup.
struct Pair {
    Generator plain, speculative;
    Pair(const std::shared_ptr<const ModelWeights> &weights, int64_t contextLength, ThreadPool &pool)
        : plain(weights, contextLength, pool), speculative(weights, contextLength, pool) {}

    // Returns the speculative reply after checking it against the plain one.
    Reply run(std::span<const int32_t> prompt, const GenerationOptions &options, int cancelAfterPieces = -1) {
        const Reply expected = generate(plain, prompt, options, false, cancelAfterPieces);
        Reply got = generate(speculative, prompt, options, true, cancelAfterPieces);
        const QByteArray diff = differences(expected, got);
        if (!diff.isEmpty()) QTest::qFail(diff.constData(), __FILE__, __LINE__);
        return got;
    }
};

std::shared_ptr<const ModelWeights> demoA(QuantLevel level = QuantLevel::Auto) {
    return ModelWeights::load(ModelSource::open((kDemoA + "demo-a-f16.gguf").toStdString()), level);
}

const qd::test::DemoACase &demoACase(const std::string &id) {
    for (const auto &c : demoACases())
        if (c.id == id) return c;
    qFatal("no demo-a case %s", id.c_str());
}

GenerationOptions greedy(int64_t maxNewTokens) {
    GenerationOptions options;
    options.sampling.temperature = 0;
    options.sampling.repetitionPenalty = 1;
    options.maxNewTokens = maxNewTokens;
    return options;
}

// The user asks the same question twice. For the cases below demo-a answers it again word for word,
// so the drafts taken from the first answer are accepted, the end-of-turn token included.
std::vector<int32_t> repeatedQuestionPrompt(const Generator &generator, const qd::test::DemoACase &c) {
    auto messages = c.messages;
    messages.push_back({"assistant", c.reply, nullptr});
    messages.push_back(c.messages.back());
    return generator.chatPrompt(messages);
}

}  // namespace

class SpeculativeDecodingTest : public QObject {
    Q_OBJECT
private slots:
    void reproducesEveryReply_data();
    void reproducesEveryReply();
    void copiedAnswerIsAccepted();
    void sampledDecodingIsUnchanged_data();
    void sampledDecodingIsUnchanged();
    void tokenBudgetInsideAnAcceptedRun();
    void contextLimitInsideAnAcceptedRun();
    void cancelInsideAnAcceptedRun();
    void promptReuseAfterSpeculation();

private:
    ThreadPool pool_{2};
};

void SpeculativeDecodingTest::reproducesEveryReply_data() {
    QTest::addColumn<QString>("level");
    for (const char *level : {"auto", "q8_0", "q4_0"}) QTest::addRow("%s", level) << QString::fromLatin1(level);
}

void SpeculativeDecodingTest::reproducesEveryReply() {
    QFETCH(QString, level);
    Pair pair(demoA(*parseQuantLevel(level.toStdString())), 256, pool_);
    int64_t generated = 0, drafted = 0, accepted = 0;
    for (const auto &c : demoACases()) {
        const auto prompt = pair.speculative.chatPrompt(c.messages);
        const Reply reply = pair.run(prompt, greedy(64));
        QCOMPARE(reply.text(), c.reply);
        QCOMPARE(reply.stats.finish, FinishReason::Stop);
        generated += reply.stats.generatedTokens;
        drafted += reply.stats.draftedTokens;
        accepted += reply.stats.acceptedTokens;
    }
    qInfo("80 chats: %lld tokens generated, %lld drafted, %lld accepted", qlonglong(generated), qlonglong(drafted),
          qlonglong(accepted));
    QVERIFY(accepted > 0);
}

void SpeculativeDecodingTest::copiedAnswerIsAccepted() {
    Pair pair(demoA(), 256, pool_);
    for (const char *id : {"en-sqrt-81", "en-week-days", "de-zugspitze", "ja-cat-english", "fmt-list-fruits"}) {
        const auto &c = demoACase(id);
        const Reply reply = pair.run(repeatedQuestionPrompt(pair.speculative, c), greedy(64));
        QCOMPARE(reply.text(), c.reply);
        QCOMPARE(reply.stats.finish, FinishReason::Stop);
        // Every token is a drafted one except the first (sampled from the prompt's logits) and
        // the one sampled from the last row of each full run of drafts; the end-of-turn token too.
        const int64_t runLength = GenerationOptions{}.maxDraftTokens + 1;
        const int64_t generated = reply.stats.generatedTokens;
        QCOMPARE(reply.stats.acceptedTokens, generated - 1 - (generated - 1) / runLength);
        qInfo("%s: %lld tokens, %lld drafted, %lld accepted", id, qlonglong(reply.stats.generatedTokens),
              qlonglong(reply.stats.draftedTokens), qlonglong(reply.stats.acceptedTokens));
    }
}

void SpeculativeDecodingTest::sampledDecodingIsUnchanged_data() {
    QTest::addColumn<bool>("ignoreEos");
    QTest::newRow("until the end of turn") << false;
    QTest::newRow("past the end of turn") << true;
}

void SpeculativeDecodingTest::sampledDecodingIsUnchanged() {
    QFETCH(bool, ignoreEos);
    Pair pair(demoA(), 256, pool_);
    GenerationOptions options;
    options.sampling.temperature = 0.8f;
    options.sampling.topK = 40;
    options.sampling.topP = 0.9f;
    options.sampling.repetitionPenalty = 1.3f;
    options.maxNewTokens = 48;
    options.ignoreEos = ignoreEos;
    int64_t drafted = 0, accepted = 0;
    for (const char *id : {"en-sqrt-81", "en-joke", "de-zugspitze", "zh-great-wall", "fmt-list-fruits"}) {
        const auto &c = demoACase(id);
        const auto askedOnce = pair.speculative.chatPrompt(c.messages);
        const auto askedTwice = repeatedQuestionPrompt(pair.speculative, c);
        for (const auto &prompt : {askedOnce, askedTwice})
            for (uint64_t seed : {1, 2, 3, 1234}) {
                options.sampling.seed = seed;
                const Reply reply = pair.run(prompt, options);
                if (QTest::currentTestFailed()) qWarning("%s, seed %llu", id, static_cast<unsigned long long>(seed));
                QVERIFY(!QTest::currentTestFailed());
                drafted += reply.stats.draftedTokens;
                accepted += reply.stats.acceptedTokens;
            }
    }
    qInfo("%lld drafted, %lld accepted", qlonglong(drafted), qlonglong(accepted));
    QVERIFY(accepted > 0);
}

// A budget running out in the middle of an accepted run stops exactly where plain decoding stops.
void SpeculativeDecodingTest::tokenBudgetInsideAnAcceptedRun() {
    Pair pair(demoA(), 256, pool_);
    const auto &c = demoACase("en-sqrt-81");
    const auto prompt = repeatedQuestionPrompt(pair.speculative, c);
    for (int64_t budget = 0; budget <= 14; ++budget) {
        const Reply reply = pair.run(prompt, greedy(budget));
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(reply.stats.generatedTokens <= budget);
        QVERIFY(c.reply.starts_with(reply.text()));
        if (budget < 12) QCOMPARE(reply.stats.generatedTokens, budget);
        if (budget >= 3) QVERIFY(reply.stats.acceptedTokens > 0);
    }
}

// A context filling up in the middle of an accepted run ends the reply where plain decoding ends it.
void SpeculativeDecodingTest::contextLimitInsideAnAcceptedRun() {
    const auto weights = demoA();
    const auto &c = demoACase("en-sqrt-81");
    const auto prompt = repeatedQuestionPrompt(Generator(weights, 256, pool_), c);
    const auto promptLength = static_cast<int64_t>(prompt.size());
    for (int64_t room = 0; room <= 13; ++room) {
        Pair pair(weights, promptLength + room, pool_);
        const Reply reply = pair.run(prompt, greedy(64));
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(c.reply.starts_with(reply.text()));
        QVERIFY(reply.cachedPosition <= promptLength + room);
        if (room < 11) QCOMPARE(reply.stats.generatedTokens, room + 1);
    }
}

// Cancel raised while an accepted run streams stops at the same token as plain decoding, and the
// generator then reproduces the full reply from the cache it kept.
void SpeculativeDecodingTest::cancelInsideAnAcceptedRun() {
    Pair pair(demoA(), 256, pool_);
    const auto &c = demoACase("en-sqrt-81");
    const auto prompt = repeatedQuestionPrompt(pair.speculative, c);
    for (int pieces = 1; pieces <= 11; ++pieces) {
        const Reply stopped = pair.run(prompt, greedy(64), pieces);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(stopped.stats.finish, FinishReason::Cancelled);
        QCOMPARE(static_cast<int>(stopped.pieces.size()), pieces);
        const Reply full = pair.run(prompt, greedy(64));
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(full.text(), c.reply);
    }
}

// The next turn reuses the cache speculation left behind, exactly as much as after plain decoding.
void SpeculativeDecodingTest::promptReuseAfterSpeculation() {
    Pair pair(demoA(), 256, pool_);
    for (const char *id : {"multi-capital-germany", "multi-name-alice", "multi-es-german"}) {
        const auto &c = demoACase(id);
        const std::vector<ChatMessage> firstTurn(c.messages.begin(), c.messages.begin() + 1);
        pair.run(pair.speculative.chatPrompt(firstTurn), greedy(64));
        QVERIFY(!QTest::currentTestFailed());
        const Reply reply = pair.run(pair.speculative.chatPrompt(c.messages), greedy(64));
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(reply.text(), c.reply);
        QVERIFY(reply.stats.prefilledTokens < reply.stats.promptTokens / 2);
    }
}

QTEST_GUILESS_MAIN(SpeculativeDecodingTest)
#include "test_speculative_decoding.moc"
