#pragma once
// The thread that owns the engine. It takes requests from its RequestQueue one at a time and
// reports through an event sink called on this thread (EngineClient turns the calls into queued
// deliveries on the GUI thread). See engine_protocol.h for the protocol.
#include "engine_protocol.h"
#include "request_queue.h"

#include <functional>
#include <memory>
#include <thread>

namespace qd {
class Generator;
class ModelWeights;
class ThreadPool;
}  // namespace qd

namespace qd::app {

class EngineWorker {
public:
    using EventSink = std::function<void(EngineEvent)>;

    explicit EngineWorker(EventSink sink);
    // Cancels the running request and joins the thread (a model load in progress is finished
    // first: weight preparation cannot be interrupted).
    ~EngineWorker();
    EngineWorker(const EngineWorker &) = delete;
    EngineWorker &operator=(const EngineWorker &) = delete;

    void post(EngineRequest request) { queue_.push(std::move(request)); }
    void cancel(RequestId id) { queue_.cancel(id); }

private:
    void run();
    void handle(const LoadModelRequest &request);
    void handle(const UnloadModelRequest &request);
    void handle(const CountTokensRequest &request);
    void handle(const GenerateRequest &request);
    void handle(const SummarizeRequest &request);
    Generator &requireModel();
    void finishGeneration(RequestId id, const GenerationStats &stats);

    // One Generator per loaded model: its KV cache is what lets the next turn of a conversation
    // prefill only its new tokens.
    struct LoadedModel {
        std::shared_ptr<const ModelWeights> weights;
        std::unique_ptr<ThreadPool> pool;
        std::unique_ptr<Generator> generator;
        ~LoadedModel();
    };

    EventSink sink_;
    RequestQueue queue_;
    std::unique_ptr<LoadedModel> model_;
    std::thread thread_;  // last: starts once everything above exists
};

}  // namespace qd::app
