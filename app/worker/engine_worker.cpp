#include "engine_worker.h"

#include "context_builder.h"
#include "document_summarizer.h"
#include "thread_priority.h"
#include "generation/generator.h"
#include "model/model_source.h"
#include "model/model_weights.h"
#include "util/error.h"
#include "util/thread_pool.h"

#include <QCoreApplication>

#include <algorithm>

namespace qd::app {

namespace {

// Shares of the whole load each stage is shown as taking.
constexpr double kOpenShare = 0.1;
constexpr double kWeightsShare = 0.85;

EndReason endReasonOf(FinishReason finish) {
    switch (finish) {
    case FinishReason::Stop: return EndReason::Stop;
    case FinishReason::Length: return EndReason::Length;
    case FinishReason::Cancelled: return EndReason::Cancelled;
    }
    return EndReason::Stop;
}

}  // namespace

EngineWorker::LoadedModel::~LoadedModel() = default;

EngineWorker::EngineWorker(EventSink sink) : sink_(std::move(sink)), thread_([this] { run(); }) {}

EngineWorker::~EngineWorker() {
    queue_.close();
    thread_.join();
}

void EngineWorker::run() {
    // Measured on 2 cores: at equal priority a decode step's threads kept the GUI thread waiting
    // for a core for up to 64 ms at a time.
    lowerCurrentThreadPriority();
    while (auto request = queue_.take()) {
        const RequestId id = requestId(*request);
        if (queue_.cancelFlag().load()) {
            sink_(FinishedEvent{id, EndReason::Cancelled, {}});
        } else {
            try {
                std::visit([this](const auto &r) { handle(r); }, *request);
            } catch (const std::exception &e) {
                sink_(FinishedEvent{id, EndReason::Error, QString::fromUtf8(e.what())});
            }
        }
        queue_.finishRunning();
    }
}

Generator &EngineWorker::requireModel() {
    if (!model_) throw Error(QCoreApplication::translate("EngineWorker", "No model is loaded.").toStdString());
    return *model_->generator;
}

void EngineWorker::handle(const LoadModelRequest &request) {
    model_.reset();  // free the old model's memory before the new one takes its own
    double shown = -1;
    auto progress = [&](LoadStage stage, double fraction) {
        // At most one event per percent: a 1.5B model has hundreds of tensors.
        if (fraction < 1.0 && fraction - shown < 0.01) return;
        shown = fraction;
        sink_(LoadProgressEvent{request.id, stage, fraction});
    };
    progress(LoadStage::Opening, 0.0);
    auto source = ModelSource::open(request.path.toStdString());
    progress(LoadStage::PreparingWeights, kOpenShare);
    WeightLoadOptions options;
    options.progress = [&](double f) {
        progress(LoadStage::PreparingWeights, kOpenShare + kWeightsShare * std::clamp(f, 0.0, 1.0));
    };
    options.cacheDirectory = request.weightCache.toStdString();
    // The load goes on without the cache; the log says why the next one will not be faster.
    options.warning = [](const std::string &message) { qWarning("%s", message.c_str()); };
    auto weights = ModelWeights::load(std::move(source), request.quant, options);
    progress(LoadStage::CreatingContext, kOpenShare + kWeightsShare);
    auto loaded = std::make_unique<LoadedModel>();
    loaded->pool = std::make_unique<ThreadPool>(request.threads);
    const int64_t contextLength = std::min(request.contextLength, weights->config().maxContext);
    loaded->generator = std::make_unique<Generator>(weights, contextLength, *loaded->pool);
    loaded->weights = std::move(weights);
    model_ = std::move(loaded);
    progress(LoadStage::CreatingContext, 1.0);

    ModelInfo info;
    info.path = request.path;
    info.quant = QString::fromUtf8(quantLevelName(model_->weights->level()));
    info.contextLength = contextLength;
    info.layers = static_cast<int>(model_->weights->layers().size());
    info.weightBytes = model_->weights->weightBytes();
    sink_(ModelLoadedEvent{request.id, info});
    sink_(FinishedEvent{request.id, EndReason::Stop, {}});
}

void EngineWorker::handle(const UnloadModelRequest &request) {
    model_.reset();
    sink_(FinishedEvent{request.id, EndReason::Stop, {}});
}

void EngineWorker::handle(const CountTokensRequest &request) {
    const auto ids = requireModel().tokenizer().encodePlain(request.text.toStdString());
    sink_(TokenCountEvent{request.id, static_cast<int64_t>(ids.size())});
    sink_(FinishedEvent{request.id, EndReason::Stop, {}});
}

void EngineWorker::finishGeneration(RequestId id, const GenerationStats &stats) {
    sink_(StatisticsEvent{id, stats});
    sink_(FinishedEvent{id, endReasonOf(stats.finish), {}});
}

void EngineWorker::handle(const GenerateRequest &request) {
    Generator &generator = requireModel();
    const int64_t contextLength = generator.transformer().contextLength();
    // Never reserve so much for the reply that the conversation has no room left.
    const ContextLimits limits{contextLength, std::clamp<int64_t>(request.replyReserve, 1, contextLength / 4)};
    const ContextResult context =
        ContextBuilder(generator.tokenizer(), generator.chatTemplate()).build(request.messages, limits);
    if (const auto *refusal = std::get_if<ContextRefusal>(&context)) {
        sink_(FinishedEvent{request.id, EndReason::Error, refusal->message});
        return;
    }
    const auto &built = std::get<BuiltContext>(context);
    sink_(ContextEvent{request.id, static_cast<int64_t>(built.promptIds.size()), built.droppedTurns});
    const GenerationStats stats = generator.generate(
        built.promptIds, request.options,
        [&](std::string_view text) { sink_(TextPieceEvent{request.id, QString::fromUtf8(text.data(), qsizetype(text.size()))}); },
        &queue_.cancelFlag());
    finishGeneration(request.id, stats);
}

void EngineWorker::handle(const SummarizeRequest &request) {
    DocumentSummarizer summarizer(requireModel(), request.options, &queue_.cancelFlag());
    const GenerationStats stats = summarizer.summarize(
        request.document.toStdString(),
        {request.chunkInstruction.toStdString(), request.combineInstruction.toStdString()},
        [&](const SummaryProgress &p) {
            sink_(DocumentProgressEvent{request.id, p.level, p.chunk, p.chunks, p.promptTokens});
        },
        [&](std::string_view text) { sink_(TextPieceEvent{request.id, QString::fromUtf8(text.data(), qsizetype(text.size()))}); });
    finishGeneration(request.id, stats);
}

}  // namespace qd::app
