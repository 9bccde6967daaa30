// The memory the weights live in: huge-page buffers, file maps read ahead and moved into huge
// pages under their readers, and the refusal of a model that does not fit.
#include "error_text.h"

#include "model/model_weights.h"
#include "model/transformer.h"
#include "util/available_memory.h"
#include "util/huge_page_buffer.h"
#include "util/mapped_file.h"
#include "util/thread_pool.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdint>
#include <fstream>
#include <random>
#include <span>
#include <sstream>
#include <stop_token>
#include <thread>
#include <vector>

using namespace qd;

namespace {

// A file of random bytes, and the bytes as written.
struct TestFile {
    TestFile(const QTemporaryDir &dir, size_t size)
        : path(dir.filePath(QStringLiteral("weights-%1.bin").arg(size)).toStdString()), bytes(size) {
        std::mt19937 rng(static_cast<unsigned>(size));
        for (auto &b : bytes) b = static_cast<uint8_t>(rng());
        std::ofstream(path, std::ios::binary)
            .write(reinterpret_cast<const char *>(bytes.data()), static_cast<std::streamsize>(size));
    }
    std::string path;
    std::vector<uint8_t> bytes;
};

size_t pageBytes() { return static_cast<size_t>(::sysconf(_SC_PAGESIZE)); }

std::pair<uintptr_t, size_t> pageRange(std::span<const uint8_t> span) {
    const auto first = reinterpret_cast<uintptr_t>(span.data()) / pageBytes() * pageBytes();
    const auto end = reinterpret_cast<uintptr_t>(span.data() + span.size());
    return {first, (end - first + pageBytes() - 1) / pageBytes()};
}

size_t pagesOf(std::span<const uint8_t> span) { return pageRange(span).second; }

// Pages of the span in memory now, as mincore reports them.
size_t residentPages(std::span<const uint8_t> span) {
    const auto [first, pages] = pageRange(span);
    std::vector<unsigned char> resident(pages);
    if (::mincore(reinterpret_cast<void *>(first), pages * pageBytes(), resident.data()) != 0) return 0;
    return static_cast<size_t>(std::count_if(resident.begin(), resident.end(), [](unsigned char r) { return r & 1; }));
}

// Bytes of anonymous memory in the mappings that lie inside the span, from /proc/self/smaps.
size_t anonymousBytesIn(std::span<const uint8_t> span) {
    const auto begin = reinterpret_cast<uintptr_t>(span.data()), end = begin + span.size();
    std::ifstream smaps("/proc/self/smaps");
    size_t total = 0;
    bool inside = false;
    for (std::string line; std::getline(smaps, line);) {
        unsigned long from = 0, to = 0;
        char dash = 0;
        if (std::istringstream(line) >> std::hex >> from >> dash >> to && dash == '-') {
            inside = from >= begin / pageBytes() * pageBytes() && to <= (end + pageBytes() - 1) / pageBytes() * pageBytes();
            continue;
        }
        if (inside && line.rfind("Anonymous:", 0) == 0) total += std::stoul(line.substr(10)) * 1024;
    }
    return total;
}

std::vector<float> logitsOf(const std::shared_ptr<const ModelWeights> &weights) {
    ThreadPool pool(2);
    const std::vector<int32_t> ids = {17, 4, 250, 9, 33};
    Transformer transformer(weights, static_cast<int64_t>(ids.size()), pool);
    std::vector<float> logits;
    transformer.forward(ids, logits, true);
    return logits;
}

}  // namespace

class TestWeightMemory : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void hugePageBufferIsAlignedZeroedAndWritable_data() {
        QTest::addColumn<qulonglong>("bytes");
        for (qulonglong bytes : {1ull, 4096ull, (2ull << 20) - 1, 2ull << 20, (5ull << 20) + 3})
            QTest::newRow(qPrintable(QString::number(bytes))) << bytes;
    }

    void hugePageBufferIsAlignedZeroedAndWritable() {
        QFETCH(qulonglong, bytes);
        HugePageBuffer buffer(bytes);
        QCOMPARE(buffer.size(), static_cast<size_t>(bytes));
        QCOMPARE(reinterpret_cast<uintptr_t>(buffer.data()) % HugePageBuffer::kHugePageBytes, uintptr_t{0});
        QVERIFY(std::all_of(buffer.data(), buffer.data() + bytes, [](uint8_t b) { return b == 0; }));
        std::fill(buffer.data(), buffer.data() + bytes, uint8_t{0xA5});
        QCOMPARE(buffer.data()[bytes - 1], uint8_t{0xA5});

        HugePageBuffer moved(std::move(buffer));
        QCOMPARE(moved.size(), static_cast<size_t>(bytes));
        QCOMPARE(moved.data()[0], uint8_t{0xA5});
        QCOMPARE(buffer.data(), nullptr);  // gave its memory to `moved`
    }

    void emptyHugePageBufferHoldsNothing() {
        const HugePageBuffer buffer(0);
        QCOMPARE(buffer.size(), size_t{0});
        QCOMPARE(buffer.data(), nullptr);
    }

    // Spans that start and end anywhere (inside pages, across the 2 MiB pieces the work is split
    // in) are resident afterwards, though their pages had been dropped, and read as the file does.
    // Progress only goes forward and ends at 1, whichever threads read the last pieces.
    void populatedSpansAreResidentAndUnchanged() {
        const TestFile file(dir_, (7u << 20) + 1234);
        const MappedFile map(file.path);
        const std::span<const uint8_t> all = map.bytes();
        releaseMappedPages(all);
        const std::vector<std::span<const uint8_t>> spans = {
            all.subspan(1, (3u << 20) + 4), all.subspan((3u << 20) + 5, (4u << 20) - 8), all.subspan((7u << 20) - 3)};
        std::vector<double> fractions;
        populateMappedPages(spans, [&](double f) { fractions.push_back(f); });
        QVERIFY(!fractions.empty());
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QVERIFY(fractions.front() > 0.0);
        QCOMPARE(fractions.back(), 1.0);
        for (const auto &span : spans) QCOMPARE(residentPages(span), pagesOf(span));
        QVERIFY(std::equal(all.begin(), all.end(), file.bytes.begin()));
    }

    // The pieces holding wanted bytes become anonymous memory (smaps says so) with the same bytes,
    // while another thread keeps reading the map; pieces that reach outside the map stay.
    void movedPiecesKeepTheirBytesWhileBeingRead() {
        const TestFile file(dir_, (9u << 20) + 1234);
        const MappedFile map(file.path);
        const std::span<const uint8_t> all = map.bytes();
        const std::vector<std::span<const uint8_t>> maps = {all};
        const std::vector<std::span<const uint8_t>> wanted = {all.subspan(100, 5u << 20), all.subspan(all.size() - 10)};

        std::atomic<bool> done{false};
        std::atomic<int> passes{0}, mismatches{0};
        std::thread reader([&] {
            while (!done) {
                if (!std::equal(all.begin(), all.end(), file.bytes.begin())) ++mismatches;
                ++passes;
            }
        });
        while (passes == 0) std::this_thread::yield();  // the reader is under way
        const size_t moved = moveIntoHugePages(maps, wanted);
        done = true;
        reader.join();
        QCOMPARE(mismatches.load(), 0);
        QVERIFY(std::equal(all.begin(), all.end(), file.bytes.begin()));

        // Whole aligned pieces inside the map that hold a byte of the first span (the second lies
        // in the map's last, partial piece).
        const auto begin = reinterpret_cast<uintptr_t>(all.data()), end = begin + all.size();
        constexpr uintptr_t kPiece = HugePageBuffer::kHugePageBytes;
        size_t expected = 0;
        for (uintptr_t at = (begin + 100) / kPiece * kPiece; at < begin + 100 + (5u << 20); at += kPiece)
            if (at >= begin && at + kPiece <= end) expected += kPiece;
        if (!transparentHugePagesAvailable()) expected = 0;
        QCOMPARE(moved, expected);
        QCOMPARE(anonymousBytesIn(all), expected);
    }

    void spansOutsideEveryMapAndStoppedMovesAreLeftAlone() {
        const TestFile file(dir_, 5u << 20);
        const MappedFile map(file.path);
        const std::vector<std::span<const uint8_t>> maps = {map.bytes()};
        std::vector<uint8_t> elsewhere(3u << 20);
        const std::vector<std::span<const uint8_t>> outside = {elsewhere};
        QCOMPARE(moveIntoHugePages(maps, outside), size_t{0});
        std::stop_source stop;
        stop.request_stop();
        const std::vector<std::span<const uint8_t>> wanted = {map.bytes()};
        QCOMPARE(moveIntoHugePages(maps, wanted, stop.get_token()), size_t{0});
        QCOMPARE(anonymousBytesIn(map.bytes()), size_t{0});
    }

    // A second map reads the file the first one opened, even once its path names another, and
    // moving its pages leaves the first map as it was.
    void secondMapIsOfTheSameFileAndIndependent() {
        const TestFile file(dir_, (5u << 20) + 77);
        const MappedFile first(file.path);
        const TestFile other(dir_, (3u << 20) + 1);
        QVERIFY(std::rename(other.path.c_str(), file.path.c_str()) == 0);
        const MappedFile second = first.mapAgain();
        QCOMPARE(second.size(), file.bytes.size());
        QVERIFY(second.bytes().data() != first.bytes().data());
        QVERIFY(std::equal(second.bytes().begin(), second.bytes().end(), file.bytes.begin()));
        const std::vector<std::span<const uint8_t>> maps = {second.bytes()};
        moveIntoHugePages(maps, maps);
        QCOMPARE(anonymousBytesIn(first.bytes()), size_t{0});
        QVERIFY(std::equal(first.bytes().begin(), first.bytes().end(), file.bytes.begin()));
        QVERIFY(std::equal(second.bytes().begin(), second.bytes().end(), file.bytes.begin()));
    }

    // Weights used from the model file's map compute the same while and after they move into huge
    // pages (the move starts when the load returns).
    void loadedWeightsComputeTheSameAsTheyMove() {
        const auto source = ModelSource::open(std::string(QD_TEST_DATA_DIR) + "/synthetic/tiny/tiny-bf16.gguf");
        const auto weights = ModelWeights::load(source, QuantLevel::Auto, WeightLoadOptions{});
        QCOMPARE(weights->cacheUse(), WeightCacheUse::NotNeeded);
        const std::vector<float> during = logitsOf(weights);
        const size_t moved = weights->waitForHugePages();
        QVERIFY(moved > 0 || !transparentHugePagesAvailable());
        // The embedding (19 MB here) is among what moved; the source's own map, which other loads
        // of the same source convert from and release pages of, never changes.
        const WeightView &e = weights->embedding();
        const std::span<const uint8_t> embedding(e.data, *rowBytes(e.type, static_cast<uint64_t>(e.cols)) * e.rows);
        QCOMPARE(anonymousBytesIn(embedding) > 0, moved > 0);
        QCOMPARE(anonymousBytesIn(source->mappedFiles().front()->bytes()), size_t{0});
        const std::vector<float> after = logitsOf(weights);
        QVERIFY(during == after);
    }

    void systemMemoryIsReadable() {
        const auto available = availableMemoryBytes();
        QVERIFY(available.has_value());
        QVERIFY(*available > (uint64_t{16} << 20));  // nobody runs the tests in less than 16 MB
    }

    // Load progress goes forward from the copies to the conversions and ends at 1, whether the
    // matrices are copied as they are (auto) or converted (q8_0).
    void loadProgressGoesForward_data() {
        QTest::addColumn<QString>("level");
        QTest::newRow("auto") << "auto";
        QTest::newRow("q8_0") << "q8_0";
    }

    void loadProgressGoesForward() {
        QFETCH(QString, level);
        const auto source = ModelSource::open(std::string(QD_TEST_DATA_DIR) + "/synthetic/tiny/tiny-bf16.gguf");
        std::vector<double> fractions;
        WeightLoadOptions options;
        options.progress = [&](double f) { fractions.push_back(f); };
        ModelWeights::load(source, *parseQuantLevel(level.toStdString()), options);
        QVERIFY(fractions.size() >= 2);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QVERIFY(fractions.front() >= 0.0);
        QCOMPARE(fractions.back(), 1.0);
    }

    // A level whose weights need more memory than there is fails before allocating, saying what it
    // needs; with enough (or no known limit) the same load succeeds.
    void modelThatDoesNotFitIsRefused() {
        const auto source = ModelSource::open(std::string(QD_TEST_DATA_DIR) + "/synthetic/tiny/tiny-bf16.gguf");
        WeightLoadOptions options;
        options.availableMemory = 1000;
        const std::string error = test::errorOf([&] { ModelWeights::load(source, QuantLevel::F32, options); });
        QVERIFY2(error.find("the weights need") != std::string::npos &&
                     error.find("GB of memory at f32, but only 0.0 GB is available") != std::string::npos,
                 error.c_str());

        options.availableMemory.reset();
        const auto weights = ModelWeights::load(source, QuantLevel::F32, options);
        options.availableMemory = weights->weightBytes() * 2;
        QVERIFY(ModelWeights::load(source, QuantLevel::F32, options) != nullptr);
    }
};

QTEST_GUILESS_MAIN(TestWeightMemory)
#include "test_weight_memory.moc"
