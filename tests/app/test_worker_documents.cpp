// The document workflow: splitting at paragraph, sentence and hard boundaries, and a 200 KB text
// summarized by map-reduce with progress and cancel (random weights: the mechanics are tested).
#include "document_splitter.h"
#include "engine_recorder.h"

#include <QtTest>

using namespace qd::app;
using qd::test::EngineRecorder;

namespace {

const QString kTiny = QStringLiteral(QD_TEST_DATA_DIR "/synthetic/tiny/tiny-bf16.gguf");

QString bigDocument() {
    QString text;
    for (int p = 0; text.size() < 200 * 1024; ++p) {
        for (int s = 0; s < 6; ++s)
            text += QStringLiteral("Paragraph %1 sentence %2 tells of ships, harbours and the long trade routes. ").arg(p).arg(s);
        text += QStringLiteral("\n\n");
    }
    return text;
}

}  // namespace

class TestWorkerDocuments : public QObject {
    Q_OBJECT
private slots:
    void splitsAtTheMostNaturalBoundary();
    void summarizesALongDocumentChunkByChunk();
    void cancelStopsTheSummaryPromptly();
};

void TestWorkerDocuments::splitsAtTheMostNaturalBoundary() {
    const auto tokenizer = qd::Tokenizer::fromPath(kTiny.toStdString());
    const DocumentSplitter splitter(tokenizer);
    const std::string a = "First paragraph here.", b = "Second paragraph. It has two sentences.";
    QCOMPARE(splitter.split(a + "\n\n" + b, 100), (std::vector<std::string>{a + "\n\n" + b}));
    QCOMPARE(splitter.split(a + "\n\n" + b, 10), (std::vector<std::string>{a, b}));
    QCOMPARE(splitter.split(a + "\n\n" + b, 6), (std::vector<std::string>{a, "Second paragraph. ", "It has two sentences."}));
    const std::string unbroken(500, 'z');
    const auto hard = splitter.split(unbroken, 20);
    QVERIFY(hard.size() > 1);
    std::string joined;
    for (const auto &chunk : hard) {
        QVERIFY(splitter.count(chunk) <= 20);
        joined += chunk;
    }
    QCOMPARE(joined, unbroken);
}

void TestWorkerDocuments::summarizesALongDocumentChunkByChunk() {
    EngineClient client;
    EngineRecorder rec(client);
    LoadModelRequest load;
    load.path = kTiny;
    load.contextLength = 2048;
    client.loadModel(load);
    qd::GenerationOptions options;
    options.maxNewTokens = 16;
    options.sampling.temperature = 0;
    const RequestId id = client.summarize(bigDocument(), options);
    QVERIFY(rec.waitFinished(id, 300000));
    QVERIFY2(rec.finished(id).reason != EndReason::Error, qPrintable(rec.finished(id).text));
    const auto progress = rec.of(id, "document");
    QVERIFY(!progress.isEmpty());
    const int chunks = progress.first().secondNumber;
    qInfo("%d chunks, %lld progress events", chunks, static_cast<long long>(progress.size()));
    QVERIFY(chunks > 20);  // about 45k tokens in chunks of under 2k
    for (int i = 0; i < chunks; ++i) {
        QCOMPARE(progress[i].level, 0);
        QCOMPARE(progress[i].number, qint64(i + 1));
        QCOMPARE(progress[i].secondNumber, chunks);
    }
    for (const auto &p : progress) QVERIFY(p.stats.promptTokens <= 2048 - 16);
    QVERIFY(progress.last().level >= 1);
    QCOMPARE(progress.last().secondNumber, 1);
    QVERIFY(!rec.textOf(id).isEmpty());
}

void TestWorkerDocuments::cancelStopsTheSummaryPromptly() {
    EngineClient client;
    EngineRecorder rec(client);
    LoadModelRequest load;
    load.path = kTiny;
    load.contextLength = 2048;
    client.loadModel(load);
    qd::GenerationOptions options;
    options.maxNewTokens = 16;
    const RequestId id = client.summarize(bigDocument(), options);
    QVERIFY(QTest::qWaitFor([&] { return rec.of(id, "document").size() >= 3; }, 120000));
    const qint64 cancelledAt = rec.nowMs();
    client.cancel(id);
    QVERIFY(rec.waitFinished(id, 10000));
    qInfo("summary cancelled after %lld ms", static_cast<long long>(rec.finished(id).atMs - cancelledAt));
    QCOMPARE(rec.finished(id).reason, EndReason::Cancelled);
    QVERIFY(rec.finished(id).atMs - cancelledAt < 2000);
    QVERIFY(rec.of(id, "document").size() <= 4);
}

QTEST_GUILESS_MAIN(TestWorkerDocuments)
#include "test_worker_documents.moc"
