#pragma once
// Summarizes a document of any length with map-reduce: a document that fits is summarized in one
// generation; a longer one is split into chunks that fit (DocumentSplitter), each chunk is
// summarized, and the joined summaries are summarized in turn, split again as often as needed
// until one text remains. Only the final summary is streamed. Runs on the engine worker thread.
#include "generation/generator.h"

#include <atomic>
#include <functional>
#include <string>
#include <string_view>

namespace qd::app {

struct SummaryProgress {
    int level = 0;  // 0: chunks of the document; 1 and up: groups of summaries
    int chunk = 0;  // 1-based
    int chunks = 0;
    int64_t promptTokens = 0;
};

struct SummaryInstructions {
    std::string chunk;    // placed before a piece of the document
    std::string combine;  // placed before joined summaries
};

class DocumentSummarizer {
public:
    // options.maxNewTokens bounds every summary and is kept free in the context for it.
    DocumentSummarizer(Generator &generator, const GenerationOptions &options, const std::atomic<bool> *cancel)
        : generator_(generator), options_(options), cancel_(cancel) {}

    // Returns the final generation's statistics; finish is Cancelled when cancel was set, at any
    // stage. Throws qd::Error when the context is too small for a summary to make progress.
    GenerationStats summarize(std::string_view document, const SummaryInstructions &instructions,
                              const std::function<void(const SummaryProgress &)> &onProgress,
                              const std::function<void(std::string_view)> &onFinalText);

private:
    std::vector<int32_t> promptFor(const std::string &instruction, std::string_view text) const;
    int64_t chunkBudget(const std::string &instruction) const;

    Generator &generator_;
    GenerationOptions options_;
    const std::atomic<bool> *cancel_;
};

}  // namespace qd::app
