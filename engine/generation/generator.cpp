#include "generation/generator.h"

#include "generation/prompt_lookup.h"
#include "kernels/decode_batch.h"
#include "tokenizer/streaming_decoder.h"
#include "util/error.h"

#include <algorithm>
#include <array>
#include <chrono>

namespace qd {

namespace {
using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
}  // namespace

std::string_view finishReasonName(FinishReason reason) {
    switch (reason) {
    case FinishReason::Stop: return "stop";
    case FinishReason::Length: return "length";
    case FinishReason::Cancelled: return "cancelled";
    }
    return "stop";
}

Generator::Generator(std::shared_ptr<const ModelWeights> weights, int64_t contextLength, ThreadPool &pool)
    : weights_(std::move(weights)), transformer_(weights_, contextLength, pool) {
    try {
        chatTemplate_ = ChatTemplate::fromSource(tokenizer().chatTemplate());
    } catch (const Error &e) {
        chatTemplateError_ = weights_->source().path() + ": " + e.what();
    }
    // Qwen2.5 ends a turn with <|im_end|>; base models may end a document with <|endoftext|>.
    for (const char *text : {"<|im_end|>", "<|endoftext|>"})
        if (auto id = tokenizer().findToken(text)) stopTokens_.push_back(*id);
}

const ChatTemplate &Generator::chatTemplate() const {
    if (!chatTemplate_) throw Error(chatTemplateError_);
    return *chatTemplate_;
}

std::vector<int32_t> Generator::chatPrompt(const std::vector<ChatMessage> &messages,
                                           const nlohmann::ordered_json &tools) const {
    const auto pieces = chatTemplate().renderPieces(messages, tools, true);
    return tokenizer().encodePieces(pieces);
}

bool Generator::isStopToken(int32_t id) const {
    return std::find(stopTokens_.begin(), stopTokens_.end(), id) != stopTokens_.end();
}

GenerationStats Generator::generate(std::span<const int32_t> prompt, const GenerationOptions &options,
                                    const std::function<void(std::string_view)> &onText,
                                    const std::atomic<bool> *cancel) {
    if (prompt.empty()) throw Error("the prompt is empty");
    if (static_cast<int64_t>(prompt.size()) > transformer_.contextLength())
        throw Error("the prompt has " + std::to_string(prompt.size()) + " tokens but the context length is " +
                    std::to_string(transformer_.contextLength()));
    GenerationStats stats;
    stats.promptTokens = static_cast<int64_t>(prompt.size());
    const auto started = Clock::now();

    // Reuse the cached prefix; at least the last prompt token is recomputed to get its logits.
    const auto common = std::mismatch(cachedTokens_.begin(), cachedTokens_.end(), prompt.begin(), prompt.end());
    const auto reused = std::min<int64_t>(common.first - cachedTokens_.begin(), stats.promptTokens - 1);
    transformer_.rewind(reused);
    cachedTokens_.resize(static_cast<size_t>(reused));
    stats.prefilledTokens = stats.promptTokens - reused;
    if (!transformer_.forward(prompt.subspan(static_cast<size_t>(reused)), logits_, false, cancel)) {
        stats.finish = FinishReason::Cancelled;
        return stats;
    }
    cachedTokens_.assign(prompt.begin(), prompt.end());
    const double prefillSeconds = secondsSince(started);
    stats.prefillTokensPerSecond = static_cast<double>(stats.prefilledTokens) / std::max(prefillSeconds, 1e-9);

    Sampler sampler(options.sampling);
    StreamingDecoder decoder(tokenizer());
    std::vector<int32_t> context(prompt.begin(), prompt.end());
    const auto vocab = static_cast<size_t>(weights_->config().vocabSize);
    const int64_t maxDraft =
        options.promptLookup ? std::clamp<int64_t>(options.maxDraftTokens, 0, kMaxDecodeBatch - 1) : 0;
    // The last forward pass ran batch[0], the last sampled token, then `drafted` drafts; logits_
    // holds one row per token, and `row` is the one the next token is sampled from.
    std::array<int32_t, kMaxDecodeBatch> batch{};
    size_t drafted = 0, row = 0;
    auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    const auto decodeStarted = Clock::now();
    stats.finish = FinishReason::Length;
    while (stats.generatedTokens < options.maxNewTokens) {
        if (cancelled()) {
            stats.finish = FinishReason::Cancelled;
            break;
        }
        const int32_t id = sampler.sample(std::span(logits_).subspan(row * vocab, vocab), context);
        if (stats.generatedTokens == 0) stats.timeToFirstTokenSeconds = secondsSince(started);
        ++stats.generatedTokens;
        context.push_back(id);
        // A draft equal to the sampled token is already in the cache and its row holds the next logits.
        const bool accepted = row < drafted && batch[row + 1] == id;
        if (accepted) ++stats.acceptedTokens;
        if (!options.ignoreEos && isStopToken(id)) {
            stats.finish = FinishReason::Stop;
            break;
        }
        if (const std::string text = decoder.push(id); !text.empty() && onText) onText(text);
        if (stats.generatedTokens == options.maxNewTokens) break;
        if (accepted) {
            // Plain decoding would run this token now, and a cancel raised meanwhile would stop it
            // before it reaches the cache; keep the cache exactly as it would be.
            if (cancelled()) {
                stats.finish = FinishReason::Cancelled;
                break;
            }
            cachedTokens_.push_back(id);
            ++row;
            continue;
        }
        // Forget the rejected drafts, then run the sampled token with new drafts after it.
        transformer_.rewind(static_cast<int64_t>(cachedTokens_.size()));
        // The context is full: the reply ends here (a next step would have nowhere to go).
        if (transformer_.position() >= transformer_.contextLength()) break;
        // Rows past the token budget or the context would never be sampled.
        const int64_t room = std::min({maxDraft, options.maxNewTokens - stats.generatedTokens - 1,
                                       transformer_.contextLength() - transformer_.position() - 1});
        batch[0] = id;
        drafted = room > 0 ? findPromptLookupDraft(context, std::span(batch).subspan(1, static_cast<size_t>(room))) : 0;
        stats.draftedTokens += static_cast<int64_t>(drafted);
        if (!transformer_.forward(std::span(batch).first(drafted + 1), logits_, true, cancel)) {
            stats.finish = FinishReason::Cancelled;
            break;
        }
        cachedTokens_.push_back(id);
        row = 0;
    }
    // Drafts past the end of the reply leave the cache as plain decoding would have.
    transformer_.rewind(static_cast<int64_t>(cachedTokens_.size()));
    if (const std::string rest = decoder.finish(); !rest.empty() && onText) onText(rest);
    const double decodeSeconds = secondsSince(decodeStarted);
    if (stats.generatedTokens > 1)
        stats.decodeTokensPerSecond = static_cast<double>(stats.generatedTokens - 1) / std::max(decodeSeconds, 1e-9);
    return stats;
}

}  // namespace qd
