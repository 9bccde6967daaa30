// Tokenizer throughput: encoding a ~1 MB mixed-language text and a 300 KB document (the size of
// a long paste), plus text whose words are all new (BPE without its cache) and decoding.
#include "tokenizer/tokenizer.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <random>
#include <string>

namespace {

const qd::Tokenizer &tokenizer() {
    static const qd::Tokenizer t = qd::Tokenizer::fromTokenizerJson(QD_TEST_DATA_DIR "/qwen2.5/tokenizer.json", "");
    return t;
}

std::vector<std::string> corpusTexts() {
    std::ifstream in(QD_TEST_DATA_DIR "/qwen2.5/tokenizer-cases.jsonl", std::ios::binary);
    std::vector<std::string> texts;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
    return texts;
}

std::string repeatUpTo(const std::vector<std::string> &texts, size_t bytes) {
    std::string out;
    while (out.size() < bytes)
        for (const auto &t : texts) out += t + "\n";
    return out;
}

// Every corpus case: English, code, CJK, Arabic, Indic, emoji, whitespace runs, ...
const std::string &mixedText() {
    static const std::string text = repeatUpTo(corpusTexts(), 1 << 20);
    return text;
}

// The corpus's long English and multilingual essays, as a pasted document would be.
const std::string &documentText() {
    static const std::string text = [] {
        std::vector<std::string> essays;
        for (auto &t : corpusTexts())
            if (t.size() >= 5000 && t.find("abab") == std::string::npos) essays.push_back(t);
        return repeatUpTo(essays, 300 * 1024);
    }();
    return text;
}

// Random lowercase words, nearly all distinct, so almost every one is merged from scratch.
const std::string &newWordsText() {
    static const std::string text = [] {
        std::mt19937 rng(42);
        std::uniform_int_distribution<int> letter('a', 'z'), length(3, 12);
        std::string out;
        while (out.size() < 300 * 1024) {
            out += ' ';
            for (int n = length(rng); n > 0; --n) out += static_cast<char>(letter(rng));
        }
        return out;
    }();
    return text;
}

void encode(benchmark::State &state, const std::string &text) {
    const auto &tok = tokenizer();
    size_t tokens = 0;
    for (auto _ : state) {
        auto ids = tok.encode(text);
        tokens = ids.size();
        benchmark::DoNotOptimize(ids.data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
    state.counters["tokens"] = static_cast<double>(tokens);
}

void BM_EncodeMixed1MB(benchmark::State &state) { encode(state, mixedText()); }
void BM_EncodeDocument300KB(benchmark::State &state) { encode(state, documentText()); }
void BM_EncodeNewWords300KB(benchmark::State &state) { encode(state, newWordsText()); }

void BM_DecodeMixed1MB(benchmark::State &state) {
    const auto &tok = tokenizer();
    const auto ids = tok.encode(mixedText());
    for (auto _ : state) benchmark::DoNotOptimize(tok.decode(ids).data());
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * mixedText().size()));
}

}  // namespace

BENCHMARK(BM_EncodeMixed1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeDocument300KB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeNewWords300KB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeMixed1MB)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
