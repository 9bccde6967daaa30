#include "engine_client.h"

#include "engine_worker.h"
#include "prompts.h"

#include <QMetaObject>

namespace qd::app {

EngineClient::EngineClient(QObject *parent) : QObject(parent) {
    // Called on the worker thread; the queued call runs deliver() on this object's thread, and
    // Qt discards it if this object is gone by then.
    worker_ = std::make_unique<EngineWorker>([this](EngineEvent event) {
        QMetaObject::invokeMethod(this, [this, event = std::move(event)] { deliver(event); }, Qt::QueuedConnection);
    });
}

EngineClient::~EngineClient() = default;

RequestId EngineClient::submit(EngineRequest request, Pending pending) {
    const RequestId id = ++lastId_;
    std::visit([id](auto &r) { r.id = id; }, request);
    pending_.insert(id, pending);
    worker_->post(std::move(request));
    return id;
}

void EngineClient::refuse(RequestId id, const QString &reason) {
    pending_.insert(id, {});
    QMetaObject::invokeMethod(
        this, [this, id, reason] { deliver(FinishedEvent{id, EndReason::Error, reason}); }, Qt::QueuedConnection);
}

RequestId EngineClient::loadModel(LoadModelRequest request) {
    for (auto it = pending_.cbegin(); it != pending_.cend(); ++it)
        if (it->generates) cancel(it.key());
    return submit(std::move(request), {});
}

RequestId EngineClient::unloadModel() { return submit(UnloadModelRequest{}, {}); }

RequestId EngineClient::countTokens(const QString &text) { return submit(CountTokensRequest{0, text}, {}); }

RequestId EngineClient::generate(GenerateRequest request) {
    if (request.conversationId != 0 && isGenerating(request.conversationId)) {
        const RequestId id = ++lastId_;
        refuse(id, tr("A reply is already being generated in this conversation; stop it or wait for it to finish."));
        return id;
    }
    const qint64 conversationId = request.conversationId;
    return submit(std::move(request), {conversationId, true});
}

RequestId EngineClient::summarize(const QString &document, const GenerationOptions &options) {
    SummarizeRequest request;
    request.document = document;
    request.chunkInstruction = prompts::summarizeInstruction();
    request.combineInstruction = prompts::combineSummariesInstruction();
    request.options = options;
    return submit(std::move(request), {0, true});
}

void EngineClient::cancel(RequestId id) {
    if (!pending_.contains(id)) return;
    cancelled_.insert(id);
    worker_->cancel(id);
}

bool EngineClient::isGenerating(qint64 conversationId) const {
    // A cancelled request no longer counts: its remaining events are dropped, and a new one
    // queued behind it starts within a token.
    for (auto it = pending_.cbegin(); it != pending_.cend(); ++it)
        if (it->generates && conversationId != 0 && it->conversationId == conversationId && !cancelled_.contains(it.key()))
            return true;
    return false;
}

void EngineClient::deliver(const EngineEvent &event) {
    const RequestId id = eventRequestId(event);
    if (!pending_.contains(id)) return;
    const bool isFinished = std::holds_alternative<FinishedEvent>(event);
    if (isFinished) {
        pending_.remove(id);
        cancelled_.remove(id);
    } else if (cancelled_.contains(id)) {
        return;
    }
    emitEvent(event);
}

void EngineClient::emitEvent(const EngineEvent &event) {
    struct Emitter {
        EngineClient *c;
        void operator()(const LoadProgressEvent &e) const { emit c->loadProgress(e.id, e.stage, e.fraction); }
        void operator()(const ModelLoadedEvent &e) const { emit c->modelLoaded(e.id, e.model); }
        void operator()(const TokenCountEvent &e) const { emit c->tokenCount(e.id, e.tokens); }
        void operator()(const ContextEvent &e) const { emit c->contextBuilt(e.id, e.promptTokens, e.droppedTurns); }
        void operator()(const DocumentProgressEvent &e) const {
            emit c->documentProgress(e.id, e.level, e.chunk, e.chunks, e.promptTokens);
        }
        void operator()(const TextPieceEvent &e) const { emit c->textPiece(e.id, e.text); }
        void operator()(const StatisticsEvent &e) const { emit c->statistics(e.id, e.stats); }
        void operator()(const FinishedEvent &e) const { emit c->finished(e.id, e.reason, e.error); }
    };
    std::visit(Emitter{this}, event);
}

}  // namespace qd::app
