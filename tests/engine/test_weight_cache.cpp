// The weight cache: a load at a converting level writes an entry, the next load maps it and
// computes exactly what a fresh conversion computes; a changed source, a damaged or foreign entry
// and an unusable folder never give wrong weights, only a slower load.
#include "model/model_weights.h"
#include "model/transformer.h"
#include "util/thread_pool.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

using namespace qd;
namespace fs = std::filesystem;

namespace {

const std::string kData = QD_TEST_DATA_DIR;
const std::string kTinyGguf = kData + "/synthetic/tiny/tiny-bf16.gguf";
const std::string kDemoHf = kData + "/trained/demo-a/hf";

struct Loaded {
    std::shared_ptr<const ModelWeights> weights;
    std::vector<std::string> warnings;
};

// The shared test models are opened once: opening (above all the tokenizer) dominates the time
// under the sanitizers, and the cache examines the files again at every load anyway.
std::shared_ptr<const ModelSource> sourceOf(const std::string &model) {
    static std::map<std::string, std::shared_ptr<const ModelSource>> opened;
    if (model != kTinyGguf && model != kDemoHf) return ModelSource::open(model);
    auto &source = opened[model];
    if (!source) source = ModelSource::open(model);
    return source;
}

Loaded load(const std::string &model, QuantLevel level, const std::string &cacheDir, size_t maxEntries = 3) {
    Loaded result;
    WeightLoadOptions options;
    options.cacheDirectory = cacheDir;
    options.maxCacheEntries = maxEntries;
    options.warning = [&](const std::string &message) { result.warnings.push_back(message); };
    result.weights = ModelWeights::load(sourceOf(model), level, options);
    return result;
}

// Logits of every position of a short sequence, with exact f32 arithmetic.
std::vector<float> logitsOf(const std::shared_ptr<const ModelWeights> &weights) {
    ThreadPool pool(2);
    const std::vector<int32_t> ids = {9707, 11, 1879, 0, 151644, 872};
    std::vector<int32_t> inVocab;
    for (int32_t id : ids) inVocab.push_back(id % static_cast<int32_t>(weights->config().vocabSize));
    Transformer transformer(weights, static_cast<int64_t>(inVocab.size()), pool,
                            {ActivationPrecision::Exact, KvPrecision::F32});
    std::vector<float> logits;
    transformer.forward(inVocab, logits, true);
    return logits;
}

bool bitIdentical(const std::vector<float> &a, const std::vector<float> &b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

// Every matrix byte for byte: as strong as equal logits and much cheaper under the sanitizers.
bool sameMatrices(const ModelWeights &a, const ModelWeights &b) {
    auto same = [](const WeightView &x, const WeightView &y) {
        const uint64_t bytes = *rowBytes(x.type, static_cast<uint64_t>(x.cols)) * static_cast<uint64_t>(x.rows);
        return x.type == y.type && x.rows == y.rows && x.cols == y.cols && std::memcmp(x.data, y.data, bytes) == 0;
    };
    if (!same(a.embedding(), b.embedding()) || !same(a.lmHead(), b.lmHead())) return false;
    for (size_t l = 0; l < a.layers().size(); ++l) {
        const LayerWeights &x = a.layers()[l], &y = b.layers()[l];
        for (auto m : {&LayerWeights::q, &LayerWeights::k, &LayerWeights::v, &LayerWeights::output, &LayerWeights::gate,
                       &LayerWeights::up, &LayerWeights::down})
            if (!same(x.*m, y.*m)) return false;
    }
    return true;
}

std::vector<std::string> filesIn(const std::string &dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto &item : fs::directory_iterator(dir, ec)) names.push_back(item.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// The one entry file of the folder (and nothing else: no temporary file left behind).
std::string onlyEntry(const std::string &dir) {
    const auto names = filesIn(dir);
    if (names.size() != 1 || !names[0].starts_with("weights-") || !names[0].ends_with(".gguf")) {
        std::string all;
        for (const auto &n : names) all += n + " ";
        qFatal("expected exactly one cache entry in %s, found: %s", dir.c_str(), all.c_str());
    }
    return dir + "/" + names[0];
}

std::vector<uint8_t> readBytes(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string &path, const std::vector<uint8_t> &bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

class TestWeightCache : public QObject {
    Q_OBJECT

private slots:
    void secondLoadReadsWhatTheFirstConverted_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("level");
        QTest::newRow("gguf bf16 at q8_0") << QString::fromStdString(kTinyGguf) << "q8_0";
        QTest::newRow("gguf bf16 at q4_0") << QString::fromStdString(kTinyGguf) << "q4_0";
        QTest::newRow("hf bf16 at q4_0") << QString::fromStdString(kDemoHf) << "q4_0";
        QTest::newRow("hf bf16 at f32") << QString::fromStdString(kDemoHf) << "f32";
    }
    void secondLoadReadsWhatTheFirstConverted() {
        QFETCH(QString, model);
        QFETCH(QString, level);
        const QuantLevel quant = *parseQuantLevel(level.toStdString());
        QTemporaryDir dir;
        const std::string cache = dir.path().toStdString() + "/weights";

        const auto uncached = load(model.toStdString(), quant, "");
        QCOMPARE(uncached.weights->cacheUse(), WeightCacheUse::Off);
        const auto expected = logitsOf(uncached.weights);

        const auto first = load(model.toStdString(), quant, cache);
        QCOMPARE(first.weights->cacheUse(), WeightCacheUse::Written);
        QVERIFY(first.warnings.empty());
        const std::string entry = onlyEntry(cache);
        QVERIFY(bitIdentical(logitsOf(first.weights), expected));

        const auto second = load(model.toStdString(), quant, cache);
        QCOMPARE(second.weights->cacheUse(), WeightCacheUse::Read);
        QVERIFY(second.warnings.empty());
        QCOMPARE(onlyEntry(cache), entry);
        QCOMPARE(second.weights->weightBytes(), uncached.weights->weightBytes());
        QVERIFY(bitIdentical(logitsOf(second.weights), expected));
        QVERIFY(sameMatrices(*second.weights, *uncached.weights));
        // The weights are the mapped file's pages, aligned for the kernels.
        const auto *q = second.weights->layers()[0].q.data;
        QCOMPARE(reinterpret_cast<uintptr_t>(q) % WeightCache::kAlignment, uintptr_t{0});
    }

    void nothingToConvertWritesNothing() {
        QTemporaryDir dir;
        const std::string cache = dir.path().toStdString() + "/weights";
        const auto loaded = load(kTinyGguf, QuantLevel::BF16, cache);
        QCOMPARE(loaded.weights->cacheUse(), WeightCacheUse::NotNeeded);
        QVERIFY(filesIn(cache).empty());
    }

    void changedSourceIsConvertedAgain() {
        QTemporaryDir dir;
        const std::string model = dir.path().toStdString() + "/model.gguf";
        const std::string cache = dir.path().toStdString() + "/weights";
        fs::copy_file(kTinyGguf, model);
        const auto expected = load(model, QuantLevel::Q8_0, "").weights;
        QCOMPARE(load(model, QuantLevel::Q8_0, cache).weights->cacheUse(), WeightCacheUse::Written);
        QCOMPARE(load(model, QuantLevel::Q8_0, cache).weights->cacheUse(), WeightCacheUse::Read);

        // A new modification time alone...
        fs::last_write_time(model, fs::last_write_time(model) - std::chrono::seconds(10));
        QCOMPARE(load(model, QuantLevel::Q8_0, cache).weights->cacheUse(), WeightCacheUse::Written);
        QCOMPARE(load(model, QuantLevel::Q8_0, cache).weights->cacheUse(), WeightCacheUse::Read);

        // ...or a new size alone (trailing bytes a GGUF reader ignores, the time put back).
        const auto modified = fs::last_write_time(model);
        std::ofstream(model, std::ios::binary | std::ios::app).write("\0\0\0\0", 4);
        fs::last_write_time(model, modified);
        const auto resized = load(model, QuantLevel::Q8_0, cache);
        QCOMPARE(resized.weights->cacheUse(), WeightCacheUse::Written);
        QVERIFY(sameMatrices(*resized.weights, *expected));
        onlyEntry(cache);  // the stale entry was replaced, not kept beside the new one
    }

    void damagedEntryIsRebuilt_data() {
        QTest::addColumn<QString>("damage");
        QTest::newRow("empty") << "empty";
        QTest::newRow("truncated header") << "truncated header";
        QTest::newRow("truncated data") << "truncated data";
        QTest::newRow("garbage") << "garbage";
        QTest::newRow("wrong key") << "wrong key";
        QTest::newRow("other level's entry") << "other level";
        QTest::newRow("wrong tensor type") << "wrong tensor type";
    }
    void damagedEntryIsRebuilt() {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        const std::string cache = dir.path().toStdString() + "/weights";
        const auto expected = load(kTinyGguf, QuantLevel::Q4_0, "").weights;
        load(kTinyGguf, QuantLevel::Q4_0, cache);
        const std::string entry = onlyEntry(cache);
        std::vector<uint8_t> bytes = readBytes(entry);

        if (damage == "empty") {
            bytes.clear();
        } else if (damage == "truncated header") {
            bytes.resize(100);
        } else if (damage == "truncated data") {
            bytes.resize(bytes.size() - 1000);
        } else if (damage == "garbage") {
            uint32_t state = 12345;
            for (size_t i = 4; i < bytes.size(); ++i) bytes[i] = static_cast<uint8_t>((state = state * 1103515245u + 12345u) >> 24);
        } else if (damage == "wrong key") {
            const std::string needle = "mtime_ns ";
            auto at = std::search(bytes.begin(), bytes.end(), needle.begin(), needle.end());
            QVERIFY(at != bytes.end());
            at[static_cast<std::ptrdiff_t>(needle.size())] ^= 1;  // one digit of the time differs
        } else if (damage == "other level") {
            QTemporaryDir other;
            load(kTinyGguf, QuantLevel::Q8_0, other.path().toStdString());
            bytes = readBytes(onlyEntry(other.path().toStdString()));
        } else if (damage == "wrong tensor type") {
            // The first tensor description's type field: q4_0 (2) becomes q8_0 (8). The file stays
            // a valid GGUF only if the sizes still fit, so it may also fail as truncated; either
            // way it must not be used.
            // (Named for its layout when the load keeps Q4_0 in row groups.)
            const std::string name = WeightLoadOptions{}.rowGroups ? "token_embd.weight.row_groups" : "token_embd.weight";
            auto at = std::search(bytes.begin(), bytes.end(), name.begin(), name.end());
            QVERIFY(at != bytes.end());
            const auto typeField = at + static_cast<std::ptrdiff_t>(name.size() + 4 + 2 * 8);
            QCOMPARE(int(*typeField), 2);
            *typeField = 8;
        }
        writeBytes(entry, bytes);

        const auto rebuilt = load(kTinyGguf, QuantLevel::Q4_0, cache);
        QCOMPARE(rebuilt.weights->cacheUse(), WeightCacheUse::Written);
        QVERIFY(rebuilt.warnings.empty());
        QVERIFY(sameMatrices(*rebuilt.weights, *expected));
        QCOMPARE(onlyEntry(cache), entry);
        const auto mapped = load(kTinyGguf, QuantLevel::Q4_0, cache);
        QCOMPARE(mapped.weights->cacheUse(), WeightCacheUse::Read);
        QVERIFY(sameMatrices(*mapped.weights, *expected));
    }

    void unusableFolderStillLoads() {
        QTemporaryDir dir;
        const auto expected = load(kTinyGguf, QuantLevel::Q4_0, "").weights;
        // A folder that cannot be created (its parent is a file), whoever runs the test.
        const std::string file = dir.path().toStdString() + "/file";
        writeBytes(file, {1, 2, 3});
        const auto loaded = load(kTinyGguf, QuantLevel::Q4_0, file + "/weights");
        QCOMPARE(loaded.weights->cacheUse(), WeightCacheUse::Failed);
        QCOMPARE(loaded.warnings.size(), size_t{1});
        QVERIFY2(loaded.warnings[0].find(file) != std::string::npos, loaded.warnings[0].c_str());
        QVERIFY(sameMatrices(*loaded.weights, *expected));
    }

    void entryThatCannotBeReplacedStillLoads() {
        QTemporaryDir dir;
        const std::string cache = dir.path().toStdString() + "/weights";
        const auto expected = load(kTinyGguf, QuantLevel::Q4_0, "").weights;
        load(kTinyGguf, QuantLevel::Q4_0, cache);
        const std::string entry = onlyEntry(cache);
        // A folder under the entry's name: the finished file cannot be renamed over it.
        fs::remove(entry);
        fs::create_directories(entry + "/inside");
        const auto loaded = load(kTinyGguf, QuantLevel::Q4_0, cache);
        QCOMPARE(loaded.weights->cacheUse(), WeightCacheUse::Failed);
        QCOMPARE(loaded.warnings.size(), size_t{1});
        QVERIFY(sameMatrices(*loaded.weights, *expected));
        QCOMPARE(onlyEntry(cache), entry);  // the temporary file is gone
        QVERIFY(fs::is_directory(entry + "/inside"));
    }

    void oldestEntriesAreEvicted() {
        QTemporaryDir dir;
        const std::string cache = dir.path().toStdString() + "/weights";
        load(kTinyGguf, QuantLevel::Q8_0, cache, 2);
        const std::string q8 = onlyEntry(cache);
        const std::string aside = dir.path().toStdString() + "/aside";
        fs::rename(q8, aside);  // out of the folder, so that onlyEntry finds the next one
        load(kTinyGguf, QuantLevel::Q4_0, cache, 2);
        const std::string q4 = onlyEntry(cache);
        fs::rename(aside, q8);
        // q4_0 was used long ago, q8_0 recently: a third entry pushes q4_0 out.
        const auto now = fs::file_time_type::clock::now();
        fs::last_write_time(q4, now - std::chrono::hours(3));
        fs::last_write_time(q8, now - std::chrono::hours(2));
        // Files the cache did not make are never deleted, and neither are recent temporary files;
        // an abandoned temporary file is.
        writeBytes(cache + "/notes.txt", {1});
        writeBytes(q8 + ".1-0.tmp", {1});
        writeBytes(q8 + ".2-0.tmp.partial", {1});
        fs::last_write_time(q8 + ".2-0.tmp.partial", now - std::chrono::hours(2));

        QCOMPARE(load(kDemoHf, QuantLevel::Q4_0, cache, 2).weights->cacheUse(), WeightCacheUse::Written);
        QVERIFY(!fs::exists(q4));
        QVERIFY(fs::exists(q8));
        QVERIFY(fs::exists(cache + "/notes.txt"));
        QVERIFY(fs::exists(q8 + ".1-0.tmp"));
        QVERIFY(!fs::exists(q8 + ".2-0.tmp.partial"));
        QCOMPARE(filesIn(cache).size(), size_t{4});  // two entries, the notes, the recent temporary file
    }

    void readUseCountsAsRecent() {
        QTemporaryDir dir;
        const std::string cache = dir.path().toStdString() + "/weights";
        load(kTinyGguf, QuantLevel::Q8_0, cache);
        const std::string entry = onlyEntry(cache);
        const auto old = fs::file_time_type::clock::now() - std::chrono::hours(5);
        fs::last_write_time(entry, old);
        QCOMPARE(load(kTinyGguf, QuantLevel::Q8_0, cache).weights->cacheUse(), WeightCacheUse::Read);
        QVERIFY(fs::last_write_time(entry) > old + std::chrono::hours(4));
    }
};

QTEST_APPLESS_MAIN(TestWeightCache)
#include "test_weight_cache.moc"
