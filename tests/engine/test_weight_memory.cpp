// The memory the weights live in: huge-page buffers, the copy out of file maps that fills them,
// and the refusal of a model that does not fit.
#include "error_text.h"

#include "model/model_weights.h"
#include "util/available_memory.h"
#include "util/huge_page_buffer.h"
#include "util/mapped_file.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <random>
#include <span>
#include <vector>

using namespace qd;

class TestWeightMemory : public QObject {
    Q_OBJECT

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

    // Spans that start and end anywhere (inside pages, across the 2 MiB pieces the copy works in),
    // checked against the file as an ifstream reads it; the map still reads the same afterwards,
    // though its pages were released. Progress only goes forward.
    void copiesSpansOfMapsExactly() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("weights.bin")).toStdString();
        constexpr size_t kFileBytes = (7u << 20) + 1234;
        {
            std::mt19937 rng(7);
            std::vector<char> bytes(kFileBytes);
            for (auto &b : bytes) b = static_cast<char>(rng());
            std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        }
        std::vector<char> expected(kFileBytes);
        std::ifstream(path, std::ios::binary).read(expected.data(), static_cast<std::streamsize>(kFileBytes));

        const MappedFile map(path);
        const std::span<const uint8_t> all = map.bytes();
        const std::pair<size_t, size_t> ranges[] = {
            {0, 1}, {1, (3u << 20) + 5}, {(3u << 20) + 5, (7u << 20) - 3}, {100, 100}, {(7u << 20) - 3, kFileBytes}};
        std::vector<std::vector<uint8_t>> copies;
        std::vector<MapCopy> jobs;
        for (auto [begin, end] : ranges) {
            copies.emplace_back(end - begin + 1, uint8_t{0x5A});  // one byte more: nothing is written past the end
            jobs.push_back({all.subspan(begin, end - begin), copies.back().data()});
        }
        std::vector<double> fractions;
        copyOutOfMaps(jobs, [&](double f) { fractions.push_back(f); });
        QVERIFY(!fractions.empty());
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QVERIFY(fractions.front() > 0.0 && fractions.back() <= 1.0);
        for (size_t i = 0; i < std::size(ranges); ++i) {
            const auto [begin, end] = ranges[i];
            QVERIFY2(std::equal(copies[i].begin(), copies[i].end() - 1,
                                reinterpret_cast<const uint8_t *>(expected.data()) + begin),
                     qPrintable(QString("range %1").arg(i)));
            QCOMPARE(copies[i].back(), uint8_t{0x5A});
        }
        QVERIFY(std::equal(all.begin(), all.end(), reinterpret_cast<const uint8_t *>(expected.data())));
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
