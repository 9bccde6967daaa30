// The engine worker's queue: ordering, cancel latency, no event leaking from a cancelled request
// into the next, refusals, and the GUI thread never waiting on the engine.
#include "engine_recorder.h"

#include <QTimer>
#include <QtTest>

using namespace qd::app;
using qd::test::EngineRecorder;

namespace {

const QString kTiny = QStringLiteral(QD_TEST_DATA_DIR "/synthetic/tiny/tiny-bf16.gguf");

LoadModelRequest tinyModel() {
    LoadModelRequest load;
    load.path = kTiny;
    load.contextLength = 4096;
    load.threads = 1;  // leaves a core for the test's own (GUI) thread
    return load;
}

GenerateRequest endless(qint64 conversationId, int64_t tokens = 100000) {
    GenerateRequest r;
    r.conversationId = conversationId;
    r.messages = {{"user", "Tell me a long story.", nullptr}};
    r.options.maxNewTokens = tokens;
    r.options.ignoreEos = true;
    r.options.sampling.temperature = 0;
    r.replyReserve = 64;
    return r;
}

}  // namespace

class TestWorkerQueue : public QObject {
    Q_OBJECT
private slots:
    void requestsRunInOrderAndEndWithFinished();
    void cancelTakesEffectWithinAboutOneToken();
    void noEventOfACancelledRequestReachesTheNext();
    void secondGenerateForTheSameConversationIsRefused();
    void loadingCancelsTheRunningGeneration();
    void guiThreadIsNeverBlocked();
};

void TestWorkerQueue::requestsRunInOrderAndEndWithFinished() {
    EngineClient client;
    EngineRecorder rec(client);
    const RequestId load = client.loadModel(tinyModel());
    const RequestId count = client.countTokens(QStringLiteral("Hello, world!"));
    const RequestId gen = client.generate(endless(1, 12));
    const RequestId count2 = client.countTokens(QStringLiteral("one two three"));
    QVERIFY(rec.waitFinished(count2));
    // Events grouped by request in submission order; finished last in each group.
    QList<RequestId> order;
    for (const auto &e : rec.events()) {
        if (order.isEmpty() || order.last() != e.id) order.append(e.id);
        if (e.kind != QLatin1String("finished")) QVERIFY2(!rec.isFinished(e.id) || e.atMs <= rec.finished(e.id).atMs, "event after finished");
    }
    QCOMPARE(order, (QList<RequestId>{load, count, gen, count2}));
    for (RequestId id : order) {
        QCOMPARE(rec.of(id, "finished").size(), qsizetype(1));
        QCOMPARE(rec.of(id).last().kind, QStringLiteral("finished"));
    }
    QCOMPARE(rec.of(load, "loaded").size(), 1);
    QVERIFY(rec.of(load, "progress").size() >= 2);
    QCOMPARE(rec.of(count, "count").value(0).number, qint64(4));  // "Hello" "," " world" "!"
    QCOMPARE(rec.finished(gen).reason, EndReason::Length);
    QCOMPARE(rec.of(gen, "stats").value(0).stats.generatedTokens, qint64(12));
}

void TestWorkerQueue::cancelTakesEffectWithinAboutOneToken() {
    EngineClient client;
    EngineRecorder rec(client);
    client.loadModel(tinyModel());
    const RequestId gen = client.generate(endless(1));
    QVERIFY(QTest::qWaitFor([&] { return rec.of(gen, "piece").size() >= 40; }, 60000));
    const auto pieces = rec.of(gen, "piece");
    const double msPerToken = double(pieces.last().atMs - pieces[9].atMs) / double(pieces.size() - 10);
    const qint64 cancelledAt = rec.nowMs();
    client.cancel(gen);
    QVERIFY(rec.waitFinished(gen, 10000));
    const qint64 latency = rec.finished(gen).atMs - cancelledAt;
    qInfo("cancel latency: %lld ms (one token: %.1f ms)", static_cast<long long>(latency), msPerToken);
    QCOMPARE(rec.finished(gen).reason, EndReason::Cancelled);
    QVERIFY2(latency <= std::max(100.0, 5 * msPerToken), QByteArray::number(latency).constData());
}

void TestWorkerQueue::noEventOfACancelledRequestReachesTheNext() {
    EngineClient client;
    EngineRecorder rec(client);
    client.loadModel(tinyModel());
    const RequestId first = client.generate(endless(1));
    QVERIFY(QTest::qWaitFor([&] { return rec.of(first, "piece").size() >= 5; }, 60000));
    client.cancel(first);
    const int firstPieces = int(rec.of(first, "piece").size());
    GenerateRequest next = endless(1, 8);  // the same conversation: a cancelled reply no longer makes it busy
    next.messages = {{"user", "Something else entirely.", nullptr}};
    const RequestId second = client.generate(next);
    QVERIFY(rec.waitFinished(second));
    QCOMPARE(rec.finished(first).reason, EndReason::Cancelled);
    QCOMPARE(int(rec.of(first, "piece").size()), firstPieces);  // nothing after the cancel
    QCOMPARE(rec.finished(second).reason, EndReason::Length);
    QCOMPARE(rec.of(second, "stats").value(0).stats.generatedTokens, qint64(8));
    // Every event after the cancel but the first's finished belongs to the second.
    bool afterFirstFinished = false;
    for (const auto &e : rec.events()) {
        if (e.id == first && e.kind == QLatin1String("finished")) afterFirstFinished = true;
        else if (afterFirstFinished) QCOMPARE(e.id, second);
    }
}

void TestWorkerQueue::secondGenerateForTheSameConversationIsRefused() {
    EngineClient client;
    EngineRecorder rec(client);
    client.loadModel(tinyModel());
    const RequestId running = client.generate(endless(7));
    QVERIFY(client.isGenerating(7));
    const RequestId refused = client.generate(endless(7, 4));
    const RequestId other = client.generate(endless(8, 4));  // another conversation queues normally
    QVERIFY(rec.waitFinished(refused, 5000));
    QCOMPARE(rec.finished(refused).reason, EndReason::Error);
    QVERIFY2(rec.finished(refused).text.contains(QStringLiteral("already being generated")),
             qPrintable(rec.finished(refused).text));
    QVERIFY(rec.of(refused, "piece").isEmpty());
    client.cancel(running);
    QVERIFY(rec.waitFinished(other));
    QCOMPARE(rec.finished(other).reason, EndReason::Length);
    QVERIFY(!client.isGenerating(7));
}

void TestWorkerQueue::loadingCancelsTheRunningGeneration() {
    EngineClient client;
    EngineRecorder rec(client);
    client.loadModel(tinyModel());
    const RequestId gen = client.generate(endless(1));
    QVERIFY(QTest::qWaitFor([&] { return !rec.of(gen, "piece").isEmpty(); }, 60000));
    const RequestId reload = client.loadModel(tinyModel());
    QVERIFY(rec.waitFinished(reload));
    QCOMPARE(rec.finished(gen).reason, EndReason::Cancelled);
    QCOMPARE(rec.finished(reload).reason, EndReason::Stop);
}

void TestWorkerQueue::guiThreadIsNeverBlocked() {
    EngineClient client;
    EngineRecorder rec(client);
    QElapsedTimer clock;
    qint64 last = 0, longest = 0;
    QTimer frame;
    frame.setInterval(16);
    frame.setTimerType(Qt::PreciseTimer);
    QObject::connect(&frame, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    clock.start();
    frame.start();
    client.loadModel(tinyModel());
    const RequestId gen = client.generate(endless(1, 300));
    QVERIFY(rec.waitFinished(gen));
    frame.stop();
    qInfo("longest gap between 16 ms ticks while loading and generating: %lld ms (%lld pieces)",
          static_cast<long long>(longest), static_cast<long long>(rec.of(gen, "piece").size()));
    QCOMPARE(rec.finished(gen).reason, EndReason::Length);
    QVERIFY2(longest < 50, QByteArray::number(longest).constData());
}

QTEST_GUILESS_MAIN(TestWorkerQueue)
#include "test_worker_queue.moc"
