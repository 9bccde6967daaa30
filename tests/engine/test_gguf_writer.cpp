// The GGUF writer, checked by reading its files back with the validating reader.
#include "error_text.h"

#include "formats/gguf.h"
#include "formats/gguf_writer.h"
#include "util/error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <functional>

namespace {

using qd::test::errorOf;

std::vector<uint8_t> pattern(size_t n, uint8_t seed) {
    std::vector<uint8_t> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = static_cast<uint8_t>(seed + i * 13);
    return v;
}

}  // namespace

class TestGgufWriter : public QObject {
    Q_OBJECT
private slots:
    void writesEveryValueType() {
        using qd::gguf::ValueType;
        qd::gguf::Writer w;
        w.add<uint8_t>("u8", 200);
        w.add<int8_t>("i8", -100);
        w.add<uint16_t>("u16", 60000);
        w.add<int16_t>("i16", -30000);
        w.add<uint32_t>("u32", 4000000000u);
        w.add<int32_t>("i32", -2000000000);
        w.add<uint64_t>("u64", 1ull << 60);
        w.add<int64_t>("i64", -(1ll << 60));
        w.add<float>("f32", 1e-6f);
        w.add<double>("f64", 0.1);
        w.add<bool>("yes", true);
        w.add<bool>("no", false);
        w.addString("s", "héllo");
        w.addString("empty", "");
        const std::vector<std::string> strings = {"a", "", "Ġthe", "<|im_end|>"};
        w.addStringArray("strings", strings);
        const std::vector<int32_t> ints = {1, -2, 3};
        w.addArray<int32_t>("ints", ints);
        const std::vector<uint8_t> bytes = {0, 255};
        w.addArray<uint8_t>("bytes", bytes);
        const std::vector<int64_t> longs = {-(1ll << 40), 5};
        w.addArray<int64_t>("longs", longs);
        const std::vector<float> floats = {0.5f, -2.0f};
        w.addArray<float>("floats", floats);
        const bool flags[] = {true, false};
        w.addArray<bool>("flags", flags);
        QTemporaryDir dir;
        const std::string path = dir.filePath("m.gguf").toStdString();
        w.write(path);

        const qd::gguf::File f(path);
        QCOMPARE(f.version(), 3u);
        QCOMPARE(f.metadata().size(), size_t{20});
        QCOMPARE(f.find("u8")->type, ValueType::UInt8);
        QCOMPARE(*f.getUInt("u8"), uint64_t{200});
        QCOMPARE(f.find("i8")->intValue, int64_t{-100});
        QCOMPARE(*f.getUInt("u16"), uint64_t{60000});
        QCOMPARE(f.find("i16")->intValue, int64_t{-30000});
        QCOMPARE(*f.getUInt("u32"), uint64_t{4000000000u});
        QCOMPARE(f.find("i32")->intValue, int64_t{-2000000000});
        QCOMPARE(f.find("u64")->type, ValueType::UInt64);
        QCOMPARE(*f.getUInt("u64"), uint64_t{1} << 60);
        QCOMPARE(f.find("i64")->intValue, -(int64_t{1} << 60));
        QCOMPARE(f.find("f32")->type, ValueType::Float32);
        QCOMPARE(*f.getFloat("f32"), double(1e-6f));
        QCOMPARE(f.find("f64")->type, ValueType::Float64);
        QCOMPARE(*f.getFloat("f64"), 0.1);
        QCOMPARE(*f.getBool("yes"), true);
        QCOMPARE(*f.getBool("no"), false);
        QCOMPARE(*f.getString("s"), std::string_view("héllo"));
        QCOMPARE(*f.getString("empty"), std::string_view(""));
        const auto readStrings = *f.getStringArray("strings");
        QCOMPARE(std::vector<std::string>(readStrings.begin(), readStrings.end()), strings);
        QCOMPARE(f.find("ints")->elementType, ValueType::Int32);
        QCOMPARE(*f.getIntArray("ints"), (std::vector<int64_t>{1, -2, 3}));
        QCOMPARE(*f.getIntArray("bytes"), (std::vector<int64_t>{0, 255}));
        QCOMPARE(*f.getIntArray("longs"), longs);
        QCOMPARE(*f.getFloatArray("floats"), floats);
        QCOMPARE(f.find("flags")->elementType, ValueType::Bool);
        QCOMPARE(f.find("flags")->count, uint64_t{2});
    }

    void writesTensorsAlignedAndStreamed() {
        qd::gguf::Writer w;
        w.add<uint32_t>("general.alignment", 32);
        const auto f32 = pattern(3 * 2 * 4, 1);
        const auto q8 = pattern(2 * 34, 2);
        const auto bf16 = pattern(5 * 2, 3);
        w.addTensor("a.f32", qd::TensorType::F32, {3, 2}, qd::producerFor(f32));
        // Streamed a row at a time.
        w.addTensor("b.q8_0", qd::TensorType::Q8_0, {32, 2}, [&](const qd::ByteSink &sink) {
            sink(std::span(q8).first(34));
            sink(std::span(q8).subspan(34));
        });
        w.addTensor("c.bf16", qd::TensorType::BF16, {5}, qd::producerFor(bf16));
        QTemporaryDir dir;
        const std::string path = dir.filePath("t.gguf").toStdString();
        w.write(path);
        QVERIFY(!std::filesystem::exists(path + ".partial"));

        const qd::gguf::File f(path);
        QCOMPARE(f.tensors().size(), size_t{3});
        QCOMPARE(f.fileSize() % 32, uint64_t{0});
        const std::vector<std::pair<std::string, const std::vector<uint8_t> *>> expected = {
            {"a.f32", &f32}, {"b.q8_0", &q8}, {"c.bf16", &bf16}};
        for (const auto &[name, data] : expected) {
            const auto *t = f.findTensor(name);
            QVERIFY(t);
            QCOMPARE(t->offset % 32, uint64_t{0});
            const auto read = f.tensorData(*t);
            QVERIFY(std::equal(read.begin(), read.end(), data->begin(), data->end()));
        }
        QCOMPARE(f.findTensor("b.q8_0")->dims, (std::vector<uint64_t>{32, 2}));
        QCOMPARE(f.findTensor("b.q8_0")->type, qd::TensorType::Q8_0);
    }

    void writesWithAWiderAlignment() {
        qd::gguf::Writer w(64);
        const auto odd = pattern(3 * 4, 1);
        const auto q8 = pattern(34, 2);
        w.addTensor("odd", qd::TensorType::F32, {3}, qd::producerFor(odd));
        w.addTensor("q8", qd::TensorType::Q8_0, {32}, qd::producerFor(q8));
        QTemporaryDir dir;
        const std::string path = dir.filePath("t.gguf").toStdString();
        w.write(path);
        const qd::gguf::File f(path);
        QCOMPARE(f.getUInt("general.alignment"), std::optional<uint64_t>(64));
        for (const auto &t : f.tensors())
            QCOMPARE(reinterpret_cast<uintptr_t>(f.tensorData(t).data()) % 64, uintptr_t{0});
        const auto read = f.tensorData(*f.findTensor("q8"));
        QVERIFY(std::equal(read.begin(), read.end(), q8.begin(), q8.end()));
        QVERIFY(errorOf([] { qd::gguf::Writer{48}; }).find("not a power of two") != std::string::npos);
        QVERIFY(errorOf([] { qd::gguf::Writer{16}; }).find("at least 32") != std::string::npos);
    }

    void aFailedWriteLeavesNothing() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("t.gguf").toStdString();
        qd::gguf::Writer w;
        w.addTensor("fails", qd::TensorType::F32, {4}, [](const qd::ByteSink &sink) {
            const uint8_t some[8] = {};
            sink(some);
            throw qd::Error("generator failed");
        });
        QCOMPARE(errorOf([&] { w.write(path); }), std::string("generator failed"));
        qd::gguf::Writer shortData;
        const auto few = pattern(12, 0);
        shortData.addTensor("short", qd::TensorType::F32, {4}, qd::producerFor(few));
        QVERIFY(errorOf([&] { shortData.write(path); }).find("got 12 bytes of data, its dimensions need 16") !=
                std::string::npos);
        QVERIFY(!std::filesystem::exists(path));
        QVERIFY(!std::filesystem::exists(path + ".partial"));
    }

    void rejectsInvalidInput() {
        qd::gguf::Writer w;
        w.add<uint32_t>("k", 1);
        QVERIFY(errorOf([&] { w.addString("k", "again"); }).find("added twice") != std::string::npos);
        QVERIFY(errorOf([&] { w.add<uint32_t>("general.alignment", 64); }).find("must be 32") != std::string::npos);
        QVERIFY(errorOf([&] { w.add<uint64_t>("general.alignment", 32); }).find("must be a uint32") !=
                std::string::npos);
        const auto none = pattern(0, 0);
        const auto p = qd::producerFor(none);
        QVERIFY(errorOf([&] { w.addTensor("t", qd::TensorType::F32, {1, 1, 1, 1, 1}, p); }).find("5 dimensions") !=
                std::string::npos);
        QVERIFY(errorOf([&] { w.addTensor("t", qd::TensorType::F32, {4, 0}, p); }).find("dimension 1 is 0") !=
                std::string::npos);
        QVERIFY(errorOf([&] { w.addTensor("t", qd::TensorType::Q4_0, {48}, p); }).find("block size 32") !=
                std::string::npos);
        QVERIFY(errorOf([&] { w.addTensor("t", qd::TensorType::F32, {1ull << 40, 1ull << 40}, p); })
                    .find("size overflows") != std::string::npos);
        QVERIFY(errorOf([&] { w.addTensor(std::string(64, 'x'), qd::TensorType::F32, {1}, p); })
                    .find("names must have 1 to 63 bytes") != std::string::npos);
        w.addTensor("t", qd::TensorType::F32, {1}, p);
        QVERIFY(errorOf([&] { w.addTensor("t", qd::TensorType::F32, {1}, p); }).find("added twice") !=
                std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestGgufWriter)
#include "test_gguf_writer.moc"
