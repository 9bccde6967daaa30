// The forward pass against logits computed by an independent float64 implementation, against the
// test tree's plain reference forward pass at every quantization level, and the KV-cache path
// against a full recomputation.
#include "logits_comparison.h"
#include "reference_forward.h"

#include "kernels/decode_batch.h"
#include "model/transformer.h"
#include "util/error.h"
#include "util/thread_pool.h"

#include <QFile>
#include <QTest>

#include <cstring>

#include <nlohmann/json.hpp>

using namespace qd;
using qd::test::compareRows;

namespace {

const QString kData = QStringLiteral(QD_TEST_DATA_DIR "/synthetic/");

// The tolerance classes of the reference material for f32 compute (exact weights, f32 sums).
constexpr double kMaxAbsF32 = 5e-4, kMeanAbsF32 = 5e-5;
// ... for matmul inputs rounded to bf16 (full_precision_reduced_compute) and for 8-bit quantized
// matmul inputs (quantized_q8_compute): max |d|, mean |d|, minimum Pearson r.
constexpr double kMaxAbsReduced = 0.12, kMeanAbsReduced = 0.015, kPearsonReduced = 0.9999;
constexpr double kMaxAbsQ8 = 0.25, kMeanAbsQ8 = 0.04, kPearsonQ8 = 0.999;

struct Sequence {
    std::vector<int32_t> ids;
    std::vector<int64_t> positions;
};

const nlohmann::json &manifest() {
    static const nlohmann::json m = [] {
        QFile f(kData + QStringLiteral("manifest.json"));
        if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read manifest.json");
        return nlohmann::json::parse(f.readAll().toStdString());
    }();
    return m;
}

Sequence sequence(const std::string &model, const std::string &name) {
    for (const auto &m : manifest()["models"])
        if (m["name"] == model) {
            const auto &s = m["sequences"][name];
            return {s["ids"].get<std::vector<int32_t>>(), s["positions"].get<std::vector<int64_t>>()};
        }
    qFatal("no sequence %s/%s in the manifest", model.c_str(), name.c_str());
}

std::vector<std::vector<double>> readReferenceRows(const QString &path, size_t rows, size_t vocab) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
    const QByteArray bytes = f.readAll();
    if (static_cast<size_t>(bytes.size()) != rows * vocab * sizeof(float)) qFatal("%s has the wrong size", qPrintable(path));
    std::vector<std::vector<double>> out(rows, std::vector<double>(vocab));
    const auto *values = reinterpret_cast<const float *>(bytes.constData());
    for (size_t r = 0; r < rows; ++r)
        for (size_t i = 0; i < vocab; ++i) out[r][i] = values[r * vocab + i];
    return out;
}

// Engine rows at the sequence's positions, from one batched forward pass over the whole sequence,
// by default with exact f32 arithmetic and an f32 cache (the defaults would take the fast kernels).
std::vector<std::vector<double>> engineRows(const std::shared_ptr<const ModelWeights> &weights, ThreadPool &pool,
                                            const Sequence &seq,
                                            const Transformer::Options &options = {ActivationPrecision::Exact,
                                                                                   KvPrecision::F32}) {
    Transformer transformer(weights, static_cast<int64_t>(seq.ids.size()), pool, options);
    std::vector<float> logits;
    transformer.forward(seq.ids, logits, true);
    const auto vocab = static_cast<size_t>(weights->config().vocabSize);
    std::vector<std::vector<double>> rows;
    for (int64_t p : seq.positions)
        rows.emplace_back(logits.begin() + static_cast<std::ptrdiff_t>(p * vocab),
                          logits.begin() + static_cast<std::ptrdiff_t>((p + 1) * vocab));
    return rows;
}

// Engine rows at the sequence's positions, decoding one token at a time (the decode kernels).
std::vector<std::vector<double>> decodedRows(const std::shared_ptr<const ModelWeights> &weights, ThreadPool &pool,
                                             const Sequence &seq, const Transformer::Options &options) {
    Transformer transformer(weights, static_cast<int64_t>(seq.ids.size()), pool, options);
    std::vector<float> logits;
    std::vector<std::vector<double>> rows;
    size_t next = 0;
    for (size_t p = 0; p < seq.ids.size() && next < seq.positions.size(); ++p) {
        transformer.forward(std::span(seq.ids).subspan(p, 1), logits);
        if (static_cast<int64_t>(p) == seq.positions[next]) {
            rows.emplace_back(logits.begin(), logits.end());
            ++next;
        }
    }
    return rows;
}

}  // namespace

class ForwardTest : public QObject {
    Q_OBJECT
private slots:
    void matchesIndependentReferenceLogits_data();
    void matchesIndependentReferenceLogits();
    void fastPromptMatchesIndependentReferenceLogits_data();
    void fastPromptMatchesIndependentReferenceLogits();
    void decodeMatchesIndependentReferenceLogits_data();
    void decodeMatchesIndependentReferenceLogits();
    void matchesPlainReferenceAtEveryLevel_data();
    void matchesPlainReferenceAtEveryLevel();
    void kvCachePathEqualsFullRecomputation();
    void smallBatchEqualsDecodingOneByOne_data();
    void smallBatchEqualsDecodingOneByOne();
    void contextOverflowIsRefused();
    void tokenOutsideVocabularyIsRefused();
    void cancelLeavesTheCacheAsItWas();

private:
    ThreadPool pool_{2};
};

void ForwardTest::matchesIndependentReferenceLogits_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("referenceWeights");  // which numpy-f64 rows apply
    QTest::addColumn<QString>("model");
    struct Row { const char *file, *level, *reference, *model; };
    const Row rows[] = {
        {"quant/quant-f32.gguf", "auto", "quant", "quant"},
        {"quant/quant-f32.gguf", "bf16", "quant", "quant"},  // the weights are bf16-exact
        {"quant/quant-f32.gguf", "q8_0", "quant-q8_0", "quant"},
        {"quant/quant-f32.gguf", "q4_0", "quant-q4_0", "quant"},
        {"quant/quant-bf16.gguf", "auto", "quant", "quant"},
        {"quant/quant-bf16.gguf", "f32", "quant", "quant"},
        {"quant/quant-q8_0.gguf", "auto", "quant-q8_0", "quant"},
        {"quant/quant-q8_0.gguf", "f32", "quant-q8_0", "quant"},
        {"quant/quant-q4_0.gguf", "auto", "quant-q4_0", "quant"},
        {"quant/quant-q4_k_m.gguf", "auto", "quant-q4_k_m", "quant"},
        {"quant/quant-q4_k_m.gguf", "f32", "quant-q4_k_m", "quant"},
        {"quant/quant-q6_k.gguf", "auto", "quant-q6_k", "quant"},
        {"quant/quant-hf-sharded", "auto", "quant", "quant"},
        {"quant/quant-hf-sharded", "f32", "quant", "quant"},
        {"quant/quant-hf-sharded", "q8_0", "quant-q8_0", "quant"},
        {"quant/quant-hf-sharded", "q4_0", "quant-q4_0", "quant"},
        {"tiny/tiny-bf16.gguf", "auto", "tiny", "tiny"},
        {"tiny/tiny-bf16.gguf", "f32", "tiny", "tiny"},
    };
    for (const Row &r : rows)
        QTest::addRow("%s@%s", r.file, r.level) << QString::fromLatin1(r.file) << QString::fromLatin1(r.level)
                                                << QString::fromLatin1(r.reference) << QString::fromLatin1(r.model);
}

void ForwardTest::matchesIndependentReferenceLogits() {
    QFETCH(QString, file);
    QFETCH(QString, level);
    QFETCH(QString, referenceWeights);
    QFETCH(QString, model);
    const auto weights = ModelWeights::load(ModelSource::open((kData + file).toStdString()),
                                            *parseQuantLevel(level.toStdString()));
    const auto vocab = static_cast<size_t>(weights->config().vocabSize);
    // The tiny model keeps only two sequences' reference rows in the repository.
    const QStringList sequences = model == QLatin1String("tiny") ? QStringList{"hello", "chat64"}
                                                                : QStringList{"hello", "chat64", "random300"};
    for (const QString &name : sequences) {
        const Sequence seq = sequence(model.toStdString(), name.toStdString());
        const auto reference = readReferenceRows(
            kData + model + QStringLiteral("/logits/") + referenceWeights + QLatin1Char('.') + name +
                QStringLiteral(".numpy-f64.f32"),
            seq.positions.size(), vocab);
        const auto agreement = compareRows(engineRows(weights, pool_, seq), reference);
        const QByteArray what = (name + QStringLiteral(": max %1 mean %2").arg(agreement.maxAbs).arg(agreement.meanAbs)).toUtf8();
        QVERIFY2(agreement.maxAbs <= kMaxAbsF32, what.constData());
        QVERIFY2(agreement.meanAbs <= kMeanAbsF32, what.constData());
    }
}

// Token-by-token decoding with the default options (fast activations, f16 KV cache) within the
// class of what they round (bf16 inputs and f16 KV for BF16 weights, 8-bit inputs for the
// quantized ones), and with exact activations and an f32 cache within the f32 class.
void ForwardTest::fastPromptMatchesIndependentReferenceLogits_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("referenceWeights");
    QTest::addColumn<QString>("model");
    struct Row { const char *file, *reference, *model; };
    const Row rows[] = {
        {"quant/quant-q8_0.gguf", "quant-q8_0", "quant"},
        {"quant/quant-q4_0.gguf", "quant-q4_0", "quant"},
        {"quant/quant-bf16.gguf", "quant", "quant"},
        {"quant/quant-q4_k_m.gguf", "quant-q4_k_m", "quant"},
        {"tiny/tiny-bf16.gguf", "tiny", "tiny"},
    };
    for (const Row &r : rows)
        QTest::addRow("%s", r.file) << QString::fromLatin1(r.file) << QString::fromLatin1(r.reference)
                                    << QString::fromLatin1(r.model);
}

// A prompt in one batch with the default (fast) options: on CPUs with AMX its products round
// weights and activations to bf16, which must stay within the reduced-compute class.
void ForwardTest::fastPromptMatchesIndependentReferenceLogits() {
    QFETCH(QString, file);
    QFETCH(QString, referenceWeights);
    QFETCH(QString, model);
    const auto weights = ModelWeights::load(ModelSource::open((kData + file).toStdString()), QuantLevel::Auto);
    const auto vocab = static_cast<size_t>(weights->config().vocabSize);
    // random300 (two batches' worth of attention) exists for the quant model only.
    const QStringList names = model == QLatin1String("quant") ? QStringList{"chat64", "random300"} : QStringList{"chat64"};
    for (const QString &name : names) {
        const Sequence seq = sequence(model.toStdString(), name.toStdString());
        const auto reference = readReferenceRows(
            kData + model + QStringLiteral("/logits/") + referenceWeights + QLatin1Char('.') + name +
                QStringLiteral(".numpy-f64.f32"),
            seq.positions.size(), vocab);
        const auto a = compareRows(engineRows(weights, pool_, seq, Transformer::Options{}), reference);
        const QByteArray what =
            (name + QStringLiteral(": max %1 mean %2 r %3").arg(a.maxAbs).arg(a.meanAbs).arg(a.pearson, 0, 'g', 8)).toUtf8();
        QVERIFY2(a.maxAbs <= kMaxAbsReduced && a.meanAbs <= kMeanAbsReduced && a.pearson >= kPearsonReduced,
                 what.constData());
        qInfo("%s", what.constData());
    }
}

void ForwardTest::decodeMatchesIndependentReferenceLogits_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("referenceWeights");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("fast");
    struct Row { const char *file, *level, *reference, *model; };
    const Row rows[] = {
        {"quant/quant-q8_0.gguf", "auto", "quant-q8_0", "quant"},
        {"quant/quant-q4_0.gguf", "auto", "quant-q4_0", "quant"},
        {"quant/quant-f32.gguf", "q4_0", "quant-q4_0", "quant"},
        {"quant/quant-bf16.gguf", "auto", "quant", "quant"},
        {"quant/quant-q4_k_m.gguf", "auto", "quant-q4_k_m", "quant"},
        {"tiny/tiny-bf16.gguf", "auto", "tiny", "tiny"},
    };
    for (const Row &r : rows)
        for (bool fast : {false, true})
            QTest::addRow("%s@%s/%s", r.file, r.level, fast ? "fast" : "exact")
                << QString::fromLatin1(r.file) << QString::fromLatin1(r.level) << QString::fromLatin1(r.reference)
                << QString::fromLatin1(r.model) << fast;
}

void ForwardTest::decodeMatchesIndependentReferenceLogits() {
    QFETCH(QString, file);
    QFETCH(QString, level);
    QFETCH(QString, referenceWeights);
    QFETCH(QString, model);
    QFETCH(bool, fast);
    const auto weights = ModelWeights::load(ModelSource::open((kData + file).toStdString()),
                                            *parseQuantLevel(level.toStdString()));
    const auto vocab = static_cast<size_t>(weights->config().vocabSize);
    const bool bf16 = file.contains(QLatin1String("bf16"));
    for (const QString &name : {QStringLiteral("hello"), QStringLiteral("chat64")}) {
        const Sequence seq = sequence(model.toStdString(), name.toStdString());
        const auto reference = readReferenceRows(
            kData + model + QStringLiteral("/logits/") + referenceWeights + QLatin1Char('.') + name +
                QStringLiteral(".numpy-f64.f32"),
            seq.positions.size(), vocab);
        const auto a = compareRows(
            decodedRows(weights, pool_, seq,
                        fast ? Transformer::Options{} : Transformer::Options{ActivationPrecision::Exact, KvPrecision::F32}),
            reference);
        const QByteArray what =
            (name + QStringLiteral(": max %1 mean %2 r %3").arg(a.maxAbs).arg(a.meanAbs).arg(a.pearson, 0, 'g', 8)).toUtf8();
        if (!fast) {
            QVERIFY2(a.maxAbs <= kMaxAbsF32 && a.meanAbs <= kMeanAbsF32, what.constData());
        } else if (bf16) {
            QVERIFY2(a.maxAbs <= kMaxAbsReduced && a.meanAbs <= kMeanAbsReduced && a.pearson >= kPearsonReduced,
                     what.constData());
        } else {
            QVERIFY2(a.maxAbs <= kMaxAbsQ8 && a.meanAbs <= kMeanAbsQ8 && a.pearson >= kPearsonQ8, what.constData());
        }
        qInfo("%s", what.constData());
    }
}

void ForwardTest::matchesPlainReferenceAtEveryLevel_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("level");
    for (const char *level : {"auto", "f32", "bf16", "q8_0", "q4_0"})
        QTest::addRow("quant-f32@%s", level) << QStringLiteral("quant/quant-f32.gguf") << QString::fromLatin1(level);
    QTest::addRow("quant-q4_k_m@auto") << QStringLiteral("quant/quant-q4_k_m.gguf") << QStringLiteral("auto");
    QTest::addRow("quant-q6_k@auto") << QStringLiteral("quant/quant-q6_k.gguf") << QStringLiteral("auto");
}

void ForwardTest::matchesPlainReferenceAtEveryLevel() {
    QFETCH(QString, file);
    QFETCH(QString, level);
    const auto weights = ModelWeights::load(ModelSource::open((kData + file).toStdString()),
                                            *parseQuantLevel(level.toStdString()));
    const Sequence seq = sequence("quant", "chat64");
    const auto reference = qd::test::referenceLogits(*weights, seq.ids, seq.positions);
    const auto agreement = compareRows(engineRows(weights, pool_, seq), reference);
    QVERIFY2(agreement.maxAbs <= kMaxAbsF32, QByteArray::number(agreement.maxAbs).constData());
    QVERIFY2(agreement.meanAbs <= kMeanAbsF32, QByteArray::number(agreement.meanAbs).constData());
}

void ForwardTest::kvCachePathEqualsFullRecomputation() {
    const auto weights = ModelWeights::load(ModelSource::open((kData + "quant/quant-q4_0.gguf").toStdString()),
                                            QuantLevel::Auto);
    const Sequence seq = sequence("quant", "chat64");
    const auto vocab = static_cast<size_t>(weights->config().vocabSize);
    Transformer full(weights, 64, pool_, {ActivationPrecision::Exact, KvPrecision::F32});
    std::vector<float> all;
    full.forward(seq.ids, all, true);

    // A 40-token prompt in one batch, then one token at a time, both with exact arithmetic and an
    // f32 cache.
    Transformer stepwise(weights, 64, pool_, {ActivationPrecision::Exact, KvPrecision::F32});
    std::vector<float> logits;
    stepwise.forward(std::span(seq.ids).first(40), logits);
    double worst = 0;
    for (size_t p = 39; p < seq.ids.size(); ++p) {
        if (p > 39) stepwise.forward(std::span(seq.ids).subspan(p, 1), logits);
        for (size_t i = 0; i < vocab; ++i) worst = std::max(worst, std::abs(double(logits[i]) - all[p * vocab + i]));
    }
    QCOMPARE(stepwise.position(), int64_t(64));
    QVERIFY2(worst < 1e-4, QByteArray::number(worst).constData());

    // Rewinding to a shared prefix and continuing gives the same rows again.
    stepwise.rewind(50);
    stepwise.forward(std::span(seq.ids).subspan(50), logits, true);
    double worstAfterRewind = 0;
    for (size_t p = 50; p < seq.ids.size(); ++p)
        for (size_t i = 0; i < vocab; ++i)
            worstAfterRewind = std::max(worstAfterRewind, std::abs(double(logits[(p - 50) * vocab + i]) - all[p * vocab + i]));
    QVERIFY2(worstAfterRewind < 1e-4, QByteArray::number(worstAfterRewind).constData());
}

void ForwardTest::smallBatchEqualsDecodingOneByOne_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("fast");
    for (const char *file : {"quant/quant-f32.gguf", "quant/quant-bf16.gguf", "quant/quant-q8_0.gguf",
                             "quant/quant-q4_0.gguf", "quant/quant-q4_k_m.gguf", "quant/quant-q6_k.gguf"})
        for (bool fast : {false, true})
            QTest::addRow("%s/%s", file, fast ? "fast" : "exact") << QString::fromLatin1(file) << fast;
}

// Speculative decoding verifies up to kMaxDecodeBatch drafted tokens in one forward pass: every
// row of logits must be bit for bit what decoding those tokens one at a time gives.
void ForwardTest::smallBatchEqualsDecodingOneByOne() {
    QFETCH(QString, file);
    QFETCH(bool, fast);
    const auto weights = ModelWeights::load(ModelSource::open((kData + file).toStdString()), QuantLevel::Auto);
    const Transformer::Options options =
        fast ? Transformer::Options{} : Transformer::Options{ActivationPrecision::Exact, KvPrecision::F32};
    const Sequence seq = sequence("quant", "chat64");
    const auto vocab = static_cast<size_t>(weights->config().vocabSize);
    const auto prompt = std::span(seq.ids).first(40);
    const auto drafted = std::span(seq.ids).subspan(40, kMaxDecodeBatch);

    Transformer stepwise(weights, 64, pool_, options);
    std::vector<float> logits, expected;
    stepwise.forward(prompt, logits);
    for (size_t i = 0; i < drafted.size(); ++i) {
        stepwise.forward(drafted.subspan(i, 1), logits);
        expected.insert(expected.end(), logits.begin(), logits.end());
    }

    Transformer batched(weights, 64, pool_, options);
    batched.forward(prompt, logits);
    for (size_t n = 2; n <= drafted.size(); ++n) {
        batched.rewind(static_cast<int64_t>(prompt.size()));
        batched.forward(drafted.first(n), logits, true);
        QCOMPARE(logits.size(), n * vocab);
        QVERIFY2(std::memcmp(logits.data(), expected.data(), logits.size() * sizeof(float)) == 0,
                 qPrintable(QStringLiteral("a batch of %1 differs from decoding one by one").arg(n)));
    }
}

void ForwardTest::contextOverflowIsRefused() {
    const auto weights = ModelWeights::load(ModelSource::open((kData + "quant/quant-q8_0.gguf").toStdString()),
                                            QuantLevel::Auto);
    Transformer transformer(weights, 8, pool_);
    std::vector<float> logits;
    const std::vector<int32_t> tokens(9, 5);
    try {
        transformer.forward(tokens, logits);
        QFAIL("an over-long prompt was accepted");
    } catch (const Error &e) {
        QVERIFY2(std::string(e.what()).find("needs 9 tokens but the context holds 8") != std::string::npos, e.what());
    }
    QCOMPARE(transformer.position(), int64_t(0));
}

void ForwardTest::tokenOutsideVocabularyIsRefused() {
    const auto weights = ModelWeights::load(ModelSource::open((kData + "quant/quant-q8_0.gguf").toStdString()),
                                            QuantLevel::Auto);
    Transformer transformer(weights, 8, pool_);
    std::vector<float> logits;
    const std::vector<int32_t> tokens = {1, 1024};
    QVERIFY_THROWS_EXCEPTION(Error, transformer.forward(tokens, logits));
}

void ForwardTest::cancelLeavesTheCacheAsItWas() {
    const auto weights = ModelWeights::load(ModelSource::open((kData + "quant/quant-q8_0.gguf").toStdString()),
                                            QuantLevel::Auto);
    Transformer transformer(weights, 64, pool_);
    std::vector<float> logits;
    const std::vector<int32_t> tokens = {1, 2, 3, 4};
    QVERIFY(transformer.forward(tokens, logits));
    const std::atomic<bool> cancelled{true};
    QVERIFY(!transformer.forward(tokens, logits, false, &cancelled));
    QCOMPARE(transformer.position(), int64_t(4));
    QVERIFY(transformer.forward(tokens, logits));
    QCOMPARE(transformer.position(), int64_t(8));
}

QTEST_GUILESS_MAIN(ForwardTest)
#include "test_forward.moc"
