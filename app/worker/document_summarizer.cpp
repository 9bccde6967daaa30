#include "document_summarizer.h"

#include "document_splitter.h"
#include "util/error.h"

namespace qd::app {

namespace {
// Tokens kept spare between a chunk's own count and its count inside the prompt, where the
// instruction's last characters and the chunk's first may merge differently.
constexpr int64_t kJoinSlack = 4;
}  // namespace

std::vector<int32_t> DocumentSummarizer::promptFor(const std::string &instruction, std::string_view text) const {
    return generator_.chatPrompt({{"user", instruction + "\n\n" + std::string(text), nullptr}});
}

int64_t DocumentSummarizer::chunkBudget(const std::string &instruction) const {
    const int64_t overhead = static_cast<int64_t>(promptFor(instruction, {}).size());
    return generator_.transformer().contextLength() - options_.maxNewTokens - overhead - kJoinSlack;
}

GenerationStats DocumentSummarizer::summarize(std::string_view document, const SummaryInstructions &instructions,
                                              const std::function<void(const SummaryProgress &)> &onProgress,
                                              const std::function<void(std::string_view)> &onFinalText) {
    const DocumentSplitter splitter(generator_.tokenizer());
    const int64_t promptLimit = generator_.transformer().contextLength() - options_.maxNewTokens;
    const std::string *instruction = &instructions.chunk;
    int64_t budget = chunkBudget(*instruction);
    // A budget under twice a summary could never shrink the summaries by combining them.
    if (budget < 2 * options_.maxNewTokens || budget < 4)
        throw Error("the context (" + std::to_string(generator_.transformer().contextLength()) +
                    " tokens) is too small to summarize with replies of " + std::to_string(options_.maxNewTokens) +
                    " tokens");
    std::vector<std::string> parts = splitter.split(document, budget);
    if (parts.empty()) throw Error("the document is empty");

    for (int level = 0;; ++level) {
        const int chunks = static_cast<int>(parts.size());
        std::string joined;
        for (int i = 0; i < chunks; ++i) {
            const std::vector<int32_t> prompt = promptFor(*instruction, parts[static_cast<size_t>(i)]);
            if (static_cast<int64_t>(prompt.size()) > promptLimit)
                throw Error("a chunk's prompt has " + std::to_string(prompt.size()) + " tokens, over the limit of " +
                            std::to_string(promptLimit));
            if (onProgress) onProgress({level, i + 1, chunks, static_cast<int64_t>(prompt.size())});
            if (chunks == 1) return generator_.generate(prompt, options_, onFinalText, cancel_);
            std::string summary;
            const GenerationStats stats = generator_.generate(
                prompt, options_, [&summary](std::string_view text) { summary += text; }, cancel_);
            if (stats.finish == FinishReason::Cancelled) return stats;
            if (!joined.empty()) joined += "\n\n";
            joined += summary;
        }
        instruction = &instructions.combine;
        budget = chunkBudget(*instruction);
        std::vector<std::string> next = splitter.split(joined, budget);
        if (next.empty()) next.emplace_back();  // every summary came out empty: still end with one
        if (next.size() >= parts.size())
            throw Error("the summaries did not get shorter than the text; use a larger context");
        parts = std::move(next);
    }
}

}  // namespace qd::app
