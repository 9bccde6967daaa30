#pragma once
// The protocol between the GUI thread and the engine worker thread, in one place.
//
// Threads. One worker thread (EngineWorker) owns everything the engine needs: the model source,
// its weights, the thread pool and one Generator per loaded model. Nothing else touches them.
// The GUI thread (EngineClient) only posts requests and receives events.
//
// Transport. Requests go into a FIFO guarded by a mutex and a condition variable (RequestQueue);
// the worker sleeps on it and takes one request at a time. Events go back as Qt queued calls
// onto the EngineClient's thread, so slots connected to EngineClient run on the GUI thread.
// A plain queue rather than queued signals towards the worker because the worker's loop blocks
// inside the engine for seconds at a time and could not service a Qt event loop anyway.
//
// Who sends what. Only EngineClient creates requests and gives them ids (increasing, never 0).
// Only EngineWorker creates events. Cancel is not a request: EngineClient::cancel() sets the
// std::atomic<bool> the Generator polls between tokens (and inside a prompt batch), so it takes
// effect within one token even when other requests wait in the queue; a request cancelled before
// it starts is skipped. Loading a model cancels the running and queued generations first. A
// second generation for a conversation that still has one in flight is refused at once (its
// Finished event carries EndReason::Error and the reason).
//
// Ordering guarantees.
//  1. Requests run one at a time, in the order they were sent.
//  2. Every request ends with exactly one FinishedEvent, its last event.
//  3. A request's events arrive in the order they were produced, and all of them before any
//     event of a later request.
//  4. Every event names its request id. After cancel(id) EngineClient drops that request's
//     remaining events except its FinishedEvent, so no stale text reaches a later request.
#include "chat/chat_message.h"
#include "generation/generator.h"
#include "model/quant_level.h"

#include <QString>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace qd::app {

using RequestId = quint64;

// ---- requests (GUI thread -> worker) ----

struct LoadModelRequest {
    RequestId id = 0;
    QString path;  // a .gguf file or a Hugging Face folder
    QuantLevel quant = QuantLevel::Auto;
    int64_t contextLength = 4096;  // capped at the model's own maximum
    int threads = 0;               // 0: one per core
    QString weightCache;  // folder of converted weights (see weight_cache.h); empty: convert at every load
};

struct UnloadModelRequest {
    RequestId id = 0;
};

// Counts the tokens of plain text (as a message body is tokenized).
struct CountTokensRequest {
    RequestId id = 0;
    QString text;
};

// A chat reply. The worker builds the prompt with ContextBuilder: oldest turns are dropped when
// the conversation does not fit contextLength - replyReserve.
struct GenerateRequest {
    RequestId id = 0;
    qint64 conversationId = 0;  // 0: not tied to a conversation (never refused as busy)
    std::vector<ChatMessage> messages;
    int64_t replyReserve = 512;  // tokens kept free for the reply
    GenerationOptions options;
};

// Summarizes a document of any length: one request when it fits, otherwise chunks at paragraph
// (then sentence, then hard) boundaries, a summary each, then summaries of the summaries until
// one remains. The instructions come translated from prompts.h.
struct SummarizeRequest {
    RequestId id = 0;
    QString document;
    QString chunkInstruction;    // prompts::summarize()
    QString combineInstruction;  // prompts::combineSummaries()
    GenerationOptions options;   // maxNewTokens bounds every summary and is the reply reserve
};

using EngineRequest =
    std::variant<LoadModelRequest, UnloadModelRequest, CountTokensRequest, GenerateRequest, SummarizeRequest>;

RequestId requestId(const EngineRequest &request);

// ---- events (worker -> GUI thread) ----

enum class LoadStage { Opening, PreparingWeights, CreatingContext };

struct LoadProgressEvent {
    RequestId id = 0;
    LoadStage stage = LoadStage::Opening;
    double fraction = 0;  // of the whole load, 0..1, never decreasing
};

struct ModelInfo {
    QString path;
    QString quant;  // the level the weights run at
    int64_t contextLength = 0;
    int layers = 0;
    uint64_t weightBytes = 0;
};

struct ModelLoadedEvent {
    RequestId id = 0;
    ModelInfo model;
};

struct TokenCountEvent {
    RequestId id = 0;
    int64_t tokens = 0;
};

// The prompt of a GenerateRequest, before any text.
struct ContextEvent {
    RequestId id = 0;
    int64_t promptTokens = 0;
    int droppedTurns = 0;  // oldest turns left out so that the prompt fits
};

// SummarizeRequest: one summary is about to be generated. Level 0 summarizes the document's
// chunks; level 1 and up summarize the summaries of the level below.
struct DocumentProgressEvent {
    RequestId id = 0;
    int level = 0;
    int chunk = 0;  // 1-based
    int chunks = 0;
    int64_t promptTokens = 0;
};

// Reply text, valid UTF-8 (a character split across tokens arrives whole).
struct TextPieceEvent {
    RequestId id = 0;
    QString text;
};

// After a generation (for SummarizeRequest: the final summary). prefilledTokens counts the
// prompt tokens computed; the rest were reused from the KV cache.
struct StatisticsEvent {
    RequestId id = 0;
    GenerationStats stats;
};

enum class EndReason { Stop, Length, Cancelled, Error };
QString endReasonName(EndReason reason);  // "stop", "length", "cancelled", "error"

struct FinishedEvent {
    RequestId id = 0;
    EndReason reason = EndReason::Stop;
    QString error;  // a sentence for the user when reason is Error
};

using EngineEvent = std::variant<LoadProgressEvent, ModelLoadedEvent, TokenCountEvent, ContextEvent,
                                 DocumentProgressEvent, TextPieceEvent, StatisticsEvent, FinishedEvent>;

RequestId eventRequestId(const EngineEvent &event);

}  // namespace qd::app
