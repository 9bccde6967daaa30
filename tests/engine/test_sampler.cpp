// The sampler's filters, determinism and distribution, and generation_config.json loading.
#include "error_text.h"

#include "sampling/generation_config.h"
#include "sampling/sampler.h"
#include "util/error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <set>

namespace {

using qd::test::errorOf;

std::vector<float> logitsFromProbs(std::initializer_list<double> probs) {
    std::vector<float> logits;
    for (double p : probs) logits.push_back(static_cast<float>(std::log(p)));
    return logits;
}

std::vector<float> randomLogits(size_t n, uint64_t seed) {
    qd::SplitMix64 rng(seed);
    std::vector<float> logits(n);
    for (float &l : logits) l = static_cast<float>(rng.nextDouble() * 20.0 - 10.0);
    return logits;
}

qd::SamplingParams sampling(float temperature, int topK, float topP, float minP, uint64_t seed = 1) {
    qd::SamplingParams p;
    p.temperature = temperature;
    p.topK = topK;
    p.topP = topP;
    p.minP = minP;
    p.repetitionPenalty = 1.0f;
    p.seed = seed;
    return p;
}

// Draws `count` tokens from fresh copies of the same logits.
std::vector<int32_t> drawMany(qd::Sampler &sampler, const std::vector<float> &logits, int count) {
    std::vector<int32_t> tokens;
    for (int i = 0; i < count; ++i) {
        auto copy = logits;
        tokens.push_back(sampler.sample(copy, {}));
    }
    return tokens;
}

std::set<int32_t> distinct(const std::vector<int32_t> &tokens) { return {tokens.begin(), tokens.end()}; }

std::string writeFile(const QTemporaryDir &dir, const std::string &name, const std::string &text) {
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path) << text;
    return path;
}

}  // namespace

class TestSampler : public QObject {
    Q_OBJECT
private slots:
    void greedyIsArgmax();
    void topKStaysInSet();
    void topPStaysInSet();
    void topPOnLargeVocabulary();
    void minPStaysInSet();
    void repetitionPenaltyMath();
    void seededRunsRepeat();
    void frequenciesMatchProbabilities();
    void rejectsBadInput();
    void loadsGenerationConfig();
    void rejectsBadGenerationConfig();
};

void TestSampler::greedyIsArgmax() {
    const auto logits = randomLogits(151936, 7);
    const auto expected = std::max_element(logits.begin(), logits.end()) - logits.begin();
    qd::Sampler sampler(sampling(0.0f, 0, 1.0f, 0.0f));
    QCOMPARE(drawMany(sampler, logits, 3), std::vector<int32_t>(3, static_cast<int32_t>(expected)));

    std::vector<float> ties = {1.0f, 3.0f, -2.0f, 3.0f};
    QCOMPARE(sampler.sample(ties, {}), 1);
}

void TestSampler::topKStaysInSet() {
    qd::Sampler sampler(sampling(1.5f, 5, 1.0f, 0.0f));
    auto logits = randomLogits(1000, 3);
    auto sorted = logits;
    std::sort(sorted.begin(), sorted.end(), std::greater<float>());
    std::set<int32_t> top5;
    for (size_t i = 0; i < logits.size(); ++i)
        if (logits[i] >= sorted[4]) top5.insert(static_cast<int32_t>(i));
    QCOMPARE(top5.size(), size_t{5});
    const auto seen = distinct(drawMany(sampler, logits, 5000));
    QCOMPARE(seen, top5);  // never outside, and with 5000 draws at T=1.5 every member shows up

    // Ties with the k-th score are kept, as in transformers.
    qd::Sampler tieSampler(sampling(1.0f, 2, 1.0f, 0.0f));
    QCOMPARE(distinct(drawMany(tieSampler, {3.0f, 2.0f, 2.0f, 1.0f}, 2000)), (std::set<int32_t>{0, 1, 2}));
}

void TestSampler::topPStaysInSet() {
    const auto logits = logitsFromProbs({0.05, 0.5, 0.15, 0.3});
    qd::Sampler sampler(sampling(1.0f, 0, 0.75f, 0.0f));
    QCOMPARE(distinct(drawMany(sampler, logits, 3000)), (std::set<int32_t>{1, 3}));
    // Reaching top_p exactly needs the next token; a tiny top_p still keeps one.
    qd::Sampler wide(sampling(1.0f, 0, 0.81f, 0.0f));
    QCOMPARE(distinct(drawMany(wide, logits, 3000)), (std::set<int32_t>{1, 2, 3}));
    qd::Sampler narrow(sampling(1.0f, 0, 0.01f, 0.0f));
    QCOMPARE(distinct(drawMany(narrow, logits, 500)), (std::set<int32_t>{1}));
}

void TestSampler::topPOnLargeVocabulary() {
    // A flat-ish distribution over a real vocabulary size makes the nucleus run to thousands of
    // tokens, past the first sorted prefix.
    const auto logits = randomLogits(151936, 11);
    std::vector<int32_t> order(logits.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return logits[a] > logits[b]; });
    const float maxLogit = logits[order[0]];
    double total = 0;
    for (float l : logits) total += std::exp(static_cast<double>(l) - maxLogit);
    std::set<int32_t> nucleus;
    double cumulative = 0;
    for (int32_t id : order) {
        nucleus.insert(id);
        cumulative += std::exp(static_cast<double>(logits[id]) - maxLogit) / total;
        if (cumulative >= 0.5) break;
    }
    QVERIFY(nucleus.size() > 1000);
    qd::Sampler sampler(sampling(1.0f, 0, 0.5f, 0.0f));
    for (int32_t token : drawMany(sampler, logits, 300)) QVERIFY(nucleus.count(token));
}

void TestSampler::minPStaysInSet() {
    const auto logits = logitsFromProbs({0.1, 0.4, 0.2, 0.3});
    qd::Sampler sampler(sampling(1.0f, 0, 1.0f, 0.6f));  // keeps prob >= 0.24
    QCOMPARE(distinct(drawMany(sampler, logits, 3000)), (std::set<int32_t>{1, 3}));
    qd::Sampler looser(sampling(1.0f, 0, 1.0f, 0.4f));  // keeps prob >= 0.16
    QCOMPARE(distinct(drawMany(looser, logits, 3000)), (std::set<int32_t>{1, 2, 3}));
}

void TestSampler::repetitionPenaltyMath() {
    auto params = sampling(0.0f, 0, 1.0f, 0.0f);
    params.repetitionPenalty = 1.5f;
    qd::Sampler sampler(params);
    std::vector<float> logits = {2.0f, -1.0f, 0.5f, 3.0f, 0.0f};
    const std::vector<int32_t> context = {0, 1, 1, 4, 0};  // repeats are penalised once
    QCOMPARE(sampler.sample(logits, context), 3);
    QCOMPARE(logits[0], 2.0f / 1.5f);
    QCOMPARE(logits[1], -1.0f * 1.5f);
    QCOMPARE(logits[2], 0.5f);
    QCOMPARE(logits[3], 3.0f);
    QCOMPARE(logits[4], 0.0f);

    // Applied before the greedy choice: the repeated leader loses.
    params.repetitionPenalty = 1.1f;
    qd::Sampler greedy(params);
    std::vector<float> close = {2.0f, 1.9f};
    const std::vector<int32_t> repeated = {0};
    QCOMPARE(greedy.sample(close, repeated), 1);
}

void TestSampler::seededRunsRepeat() {
    const auto logits = randomLogits(151936, 5);
    auto params = sampling(0.9f, 40, 0.95f, 0.02f, 42);
    params.repetitionPenalty = 1.1f;
    const auto run = [&](uint64_t seed) {
        params.seed = seed;
        qd::Sampler sampler(params);
        std::vector<int32_t> context = {1, 2, 3};
        for (int i = 0; i < 200; ++i) {
            auto copy = logits;
            context.push_back(sampler.sample(copy, context));
        }
        return context;
    };
    const auto first = run(42);
    QCOMPARE(run(42), first);
    QVERIFY(run(43) != first);
    QVERIFY(distinct(first).size() > 10);
}

void TestSampler::frequenciesMatchProbabilities() {
    const std::vector<double> probs = {0.1, 0.2, 0.3, 0.4};
    const auto logits = logitsFromProbs({0.1, 0.2, 0.3, 0.4});
    qd::Sampler sampler(sampling(1.0f, 0, 1.0f, 0.0f, 2024));
    constexpr int kDraws = 20000;
    std::vector<int> counts(probs.size(), 0);
    for (int32_t token : drawMany(sampler, logits, kDraws)) ++counts[static_cast<size_t>(token)];
    double chiSquare = 0;
    for (size_t i = 0; i < probs.size(); ++i) {
        const double expected = probs[i] * kDraws;
        chiSquare += (counts[i] - expected) * (counts[i] - expected) / expected;
    }
    // 3 degrees of freedom: 16.3 is the 0.1% tail. The seed is fixed, so this cannot flake.
    QVERIFY2(chiSquare < 16.3, std::to_string(chiSquare).c_str());

    // Temperature sharpens: at T=0.5 the probabilities go as p^2.
    qd::Sampler cold(sampling(0.5f, 0, 1.0f, 0.0f, 99));
    std::vector<int> coldCounts(probs.size(), 0);
    for (int32_t token : drawMany(cold, logits, kDraws)) ++coldCounts[static_cast<size_t>(token)];
    const double norm = 0.01 + 0.04 + 0.09 + 0.16;
    double coldChi = 0;
    for (size_t i = 0; i < probs.size(); ++i) {
        const double expected = probs[i] * probs[i] / norm * kDraws;
        coldChi += (coldCounts[i] - expected) * (coldCounts[i] - expected) / expected;
    }
    QVERIFY2(coldChi < 16.3, std::to_string(coldChi).c_str());
}

void TestSampler::rejectsBadInput() {
    qd::Sampler sampler(sampling(1.0f, 0, 1.0f, 0.0f));
    std::vector<float> withNan = {0.0f, std::nanf(""), 1.0f};
    QVERIFY(errorOf([&] { sampler.sample(withNan, {}); }).find("token 1") != std::string::npos);
    std::vector<float> masked(3, -std::numeric_limits<float>::infinity());
    QVERIFY(errorOf([&] { sampler.sample(masked, {}); }).find("-inf") != std::string::npos);
    auto params = sampling(1.0f, 0, 1.0f, 0.0f);
    params.repetitionPenalty = 1.2f;
    qd::Sampler penalising(params);
    std::vector<float> logits = {0.0f, 1.0f};
    const std::vector<int32_t> badContext = {1, 2};
    QVERIFY(errorOf([&] { penalising.sample(logits, badContext); }).find("context token id 2") != std::string::npos);
    QVERIFY(errorOf([] { qd::Sampler(sampling(1.0f, 0, 0.0f, 0.0f)); }).find("top_p") != std::string::npos);
    QVERIFY(errorOf([] { qd::Sampler(sampling(-1.0f, 0, 1.0f, 0.0f)); }).find("temperature") != std::string::npos);

    // -inf tokens are never drawn.
    std::vector<float> partlyMasked = {-std::numeric_limits<float>::infinity(), 0.0f, 0.0f};
    QVERIFY(!distinct(drawMany(sampler, partlyMasked, 500)).count(0));
}

void TestSampler::loadsGenerationConfig() {
    const auto params = qd::loadGenerationConfig(QD_TEST_DATA_DIR "/qwen2.5/generation_config.json");
    QCOMPARE(params.temperature, 0.7f);
    QCOMPARE(params.topP, 0.8f);
    QCOMPARE(params.topK, 20);
    QCOMPARE(params.minP, 0.0f);
    QCOMPARE(params.repetitionPenalty, 1.1f);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto defaults = qd::loadGenerationConfig(writeFile(dir, "d.json", R"({"do_sample": true, "min_p": null})"));
    QCOMPARE(defaults.temperature, 1.0f);
    QCOMPARE(defaults.topK, 50);
    QCOMPARE(defaults.topP, 1.0f);
    QCOMPARE(defaults.minP, 0.0f);
    QCOMPARE(defaults.repetitionPenalty, 1.0f);
    // Without do_sample transformers decodes greedily.
    QCOMPARE(qd::loadGenerationConfig(writeFile(dir, "g.json", R"({"temperature": 0.7})")).temperature, 0.0f);
}

void TestSampler::rejectsBadGenerationConfig() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto check = [&](const std::string &text, const std::string &expected) {
        const std::string path = writeFile(dir, "c.json", text);
        const std::string error = errorOf([&] { qd::loadGenerationConfig(path); });
        QVERIFY2(error.find(path) != std::string::npos && error.find(expected) != std::string::npos, error.c_str());
    };
    check("{\"top_k\": 20,", "not valid JSON");
    check("[1, 2]", "expected a JSON object");
    check(R"({"temperature": "hot"})", "\"temperature\" must be a number");
    check(R"({"top_k": 2.5})", "\"top_k\" must be a non-negative integer");
    check(R"({"top_k": -1})", "\"top_k\" must be a non-negative integer");
    check(R"({"do_sample": "yes"})", "\"do_sample\" must be true or false");
    check(R"({"do_sample": true, "top_p": 1.5})", "top_p");
    const std::string missing = errorOf([&] { qd::loadGenerationConfig(dir.filePath("none.json").toStdString()); });
    QVERIFY2(missing.find("none.json: cannot open") != std::string::npos, missing.c_str());
}

QTEST_APPLESS_MAIN(TestSampler)
#include "test_sampler.moc"
