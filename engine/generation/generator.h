#pragma once
// Streaming text generation over one Transformer: builds chat prompts, reuses the KV cache for a
// prompt that extends what was computed last time, samples, detokenizes piece by piece and stops
// on an end-of-turn token, the token budget, a full context or cancel. With prompt lookup it
// verifies tokens drafted from the context several at a time; the output stays exactly the same.
#include "chat/chat_template.h"
#include "model/transformer.h"
#include "sampling/sampler.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qd {

enum class FinishReason { Stop, Length, Cancelled };
std::string_view finishReasonName(FinishReason reason);  // "stop", "length", "cancelled"

struct GenerationOptions {
    SamplingParams sampling;
    int64_t maxNewTokens = 512;
    bool ignoreEos = false;  // keep going to maxNewTokens (benchmarks on random weights)
    // Speculative decoding with drafts copied from the context (see prompt_lookup.h): replies that
    // repeat earlier text come faster, and every token is still sampled exactly as without it.
    bool promptLookup = true;
    int64_t maxDraftTokens = 8;  // per forward pass, at most kMaxDecodeBatch - 1
};

struct GenerationStats {
    int64_t promptTokens = 0;
    int64_t prefilledTokens = 0;  // prompt tokens actually computed (the rest came from the cache)
    int64_t generatedTokens = 0;
    int64_t draftedTokens = 0;   // proposed by prompt lookup and run through the model
    int64_t acceptedTokens = 0;  // drafts that turned out to be the sampled token
    double timeToFirstTokenSeconds = 0;
    double prefillTokensPerSecond = 0;
    double decodeTokensPerSecond = 0;
    FinishReason finish = FinishReason::Stop;
};

class Generator {
public:
    Generator(std::shared_ptr<const ModelWeights> weights, int64_t contextLength, ThreadPool &pool);

    const Tokenizer &tokenizer() const { return weights_->source().tokenizer(); }
    const Transformer &transformer() const { return transformer_; }
    // The model's chat template; throws qd::Error when the model has none or an unknown one.
    const ChatTemplate &chatTemplate() const;
    // Prompt ids of a conversation, ending with the generation prompt. Message contents are
    // tokenized as plain text.
    std::vector<int32_t> chatPrompt(const std::vector<ChatMessage> &messages,
                                    const nlohmann::ordered_json &tools = nullptr) const;

    // onText receives each complete piece of UTF-8 text as it is decoded (the end-of-turn token
    // itself is not shown). Throws qd::Error when the prompt does not fit the context.
    GenerationStats generate(std::span<const int32_t> prompt, const GenerationOptions &options,
                             const std::function<void(std::string_view)> &onText,
                             const std::atomic<bool> *cancel = nullptr);

private:
    bool isStopToken(int32_t id) const;

    std::shared_ptr<const ModelWeights> weights_;
    Transformer transformer_;
    std::optional<ChatTemplate> chatTemplate_;
    std::string chatTemplateError_;
    std::vector<int32_t> stopTokens_;
    std::vector<int32_t> cachedTokens_;  // the ids whose keys and values the transformer holds
    std::vector<float> logits_;
};

}  // namespace qd
