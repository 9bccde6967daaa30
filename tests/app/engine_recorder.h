#pragma once
// Records every event an EngineClient delivers, in order, with the time it arrived, and waits
// for a request to finish while the test's event loop runs.
#include "engine_client.h"

#include <QElapsedTimer>
#include <QList>
#include <QTest>

namespace qd::test {

struct RecordedEvent {
    app::RequestId id = 0;
    QString kind;  // "progress", "loaded", "count", "context", "document", "piece", "stats", "finished"
    QString text;  // piece text, or the error of finished
    app::EndReason reason = app::EndReason::Stop;
    qint64 number = 0;  // token count, prompt tokens, or document chunk
    int secondNumber = 0;  // dropped turns, or document chunks
    int level = 0;
    GenerationStats stats;
    qint64 atMs = 0;
};

class EngineRecorder {
public:
    explicit EngineRecorder(app::EngineClient &client) {
        clock_.start();
        using C = app::EngineClient;
        QObject::connect(&client, &C::loadProgress, [this](app::RequestId id, app::LoadStage, double) { add(id, "progress"); });
        QObject::connect(&client, &C::modelLoaded, [this](app::RequestId id, const app::ModelInfo &) { add(id, "loaded"); });
        QObject::connect(&client, &C::tokenCount, [this](app::RequestId id, qint64 n) { add(id, "count").number = n; });
        QObject::connect(&client, &C::contextBuilt, [this](app::RequestId id, qint64 tokens, int dropped) {
            auto &e = add(id, "context");
            e.number = tokens;
            e.secondNumber = dropped;
        });
        QObject::connect(&client, &C::documentProgress,
                         [this](app::RequestId id, int level, int chunk, int chunks, qint64 promptTokens) {
                             auto &e = add(id, "document");
                             e.level = level;
                             e.number = chunk;
                             e.secondNumber = chunks;
                             e.stats.promptTokens = promptTokens;
                         });
        QObject::connect(&client, &C::textPiece, [this](app::RequestId id, const QString &t) { add(id, "piece").text = t; });
        QObject::connect(&client, &C::statistics, [this](app::RequestId id, const GenerationStats &s) { add(id, "stats").stats = s; });
        QObject::connect(&client, &C::finished, [this](app::RequestId id, app::EndReason reason, const QString &error) {
            auto &e = add(id, "finished");
            e.reason = reason;
            e.text = error;
        });
    }

    const QList<RecordedEvent> &events() const { return events_; }
    QList<RecordedEvent> of(app::RequestId id, const QString &kind = {}) const {
        QList<RecordedEvent> out;
        for (const auto &e : events_)
            if (e.id == id && (kind.isEmpty() || e.kind == kind)) out.append(e);
        return out;
    }
    QString textOf(app::RequestId id) const {
        QString text;
        for (const auto &e : of(id, QStringLiteral("piece"))) text += e.text;
        return text;
    }
    bool isFinished(app::RequestId id) const { return !of(id, QStringLiteral("finished")).isEmpty(); }
    RecordedEvent finished(app::RequestId id) const { return of(id, QStringLiteral("finished")).value(0); }
    bool waitFinished(app::RequestId id, int timeoutMs = 120000) const {
        return QTest::qWaitFor([&] { return isFinished(id); }, timeoutMs);
    }
    qint64 nowMs() const { return clock_.elapsed(); }

private:
    RecordedEvent &add(app::RequestId id, const char *kind) {
        RecordedEvent e;
        e.id = id;
        e.kind = QLatin1String(kind);
        e.atMs = clock_.elapsed();
        events_.append(e);
        return events_.last();
    }
    QElapsedTimer clock_;
    QList<RecordedEvent> events_;
};

}  // namespace qd::test
