#pragma once
// The GUI thread's handle on the engine. Every call returns at once: it only posts a request to
// the worker thread (see engine_protocol.h). Events come back as signals on this object's thread,
// tagged with the request id; events of a request cancelled here are dropped except its
// `finished`, so a stale piece of text never reaches a later request.
#include "engine_protocol.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

namespace qd::app {

class EngineWorker;

class EngineClient : public QObject {
    Q_OBJECT
public:
    explicit EngineClient(QObject *parent = nullptr);
    ~EngineClient() override;  // cancels what runs and joins the worker thread

    // The request's id field is assigned here; the returned id names its events.
    // Loading cancels the generations still running or queued first.
    RequestId loadModel(LoadModelRequest request);
    RequestId unloadModel();
    RequestId countTokens(const QString &text);
    // Refused, with finished(id, Error, reason) right away, while another generation for the
    // same conversation is in flight.
    RequestId generate(GenerateRequest request);
    // Summarizes with the translated instructions of prompts.h.
    RequestId summarize(const QString &document, const GenerationOptions &options);
    // Stops a running request within one token; a queued one never starts. Its remaining events
    // except finished(id, Cancelled) are dropped.
    void cancel(RequestId id);

    // A generation for the conversation is in flight and not cancelled.
    bool isGenerating(qint64 conversationId) const;
    bool isPending(RequestId id) const { return pending_.contains(id); }

signals:
    void loadProgress(qd::app::RequestId id, qd::app::LoadStage stage, double fraction);
    void modelLoaded(qd::app::RequestId id, const qd::app::ModelInfo &model);
    void tokenCount(qd::app::RequestId id, qint64 tokens);
    void contextBuilt(qd::app::RequestId id, qint64 promptTokens, int droppedTurns);
    void documentProgress(qd::app::RequestId id, int level, int chunk, int chunks, qint64 promptTokens);
    void textPiece(qd::app::RequestId id, const QString &text);
    void statistics(qd::app::RequestId id, const qd::GenerationStats &stats);
    void finished(qd::app::RequestId id, qd::app::EndReason reason, const QString &error);

private:
    struct Pending {
        qint64 conversationId = 0;
        bool generates = false;  // generate or summarize: what a model load cancels
    };
    RequestId submit(EngineRequest request, Pending pending);
    void refuse(RequestId id, const QString &reason);
    void deliver(const EngineEvent &event);
    void emitEvent(const EngineEvent &event);

    RequestId lastId_ = 0;
    QHash<RequestId, Pending> pending_;  // sent and not yet finished
    QSet<RequestId> cancelled_;
    std::unique_ptr<EngineWorker> worker_;
};

}  // namespace qd::app
