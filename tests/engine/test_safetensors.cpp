// The safetensors reader and writer: real files from tests/data, round trips, and the reference
// library's exact layout.
#include "error_text.h"

#include "formats/safetensors.h"
#include "formats/safetensors_writer.h"
#include "util/error.h"
#include "util/mapped_file.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <filesystem>
#include <functional>

namespace {

using qd::test::errorOf;

const std::string kDemo = QD_TEST_DATA_DIR "/trained/demo-a/hf/";
const std::string kSharded = QD_TEST_DATA_DIR "/synthetic/quant/quant-hf-sharded/";

bool sameBytes(const std::string &a, const std::string &b) {
    const qd::MappedFile fa(a), fb(b);
    return fa.size() == fb.size() && std::memcmp(fa.bytes().data(), fb.bytes().data(), fa.size()) == 0;
}

std::vector<uint8_t> pattern(size_t n, uint8_t seed) {
    std::vector<uint8_t> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = static_cast<uint8_t>(seed + i * 7);
    return v;
}

}  // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
private slots:
    void readsTheDemoModel() {
        const qd::safetensors::File f(kDemo + "model.safetensors");
        QCOMPARE(f.tensors().size(), size_t{50});
        QCOMPARE(f.metadata().at("format"), std::string("pt"));
        const auto *embed = f.find("model.embed_tokens.weight");
        QVERIFY(embed);
        QCOMPARE(embed->type, qd::TensorType::BF16);
        QCOMPARE(embed->shape, (std::vector<uint64_t>{151936, 64}));
        QCOMPARE(embed->data.size(), size_t{151936 * 64 * 2});
        QCOMPARE(embed->elements(), uint64_t{151936 * 64});
        QVERIFY(!f.find("lm_head.weight"));
        // File order is data order.
        for (size_t i = 1; i < f.tensors().size(); ++i)
            QVERIFY(f.tensors()[i - 1].data.data() < f.tensors()[i].data.data());
    }

    void rewritingTheDemoModelReproducesItByteForByte() {
        const std::string source = kDemo + "model.safetensors";
        const qd::safetensors::File f(source);
        std::vector<qd::safetensors::OutputTensor> out;
        // Reverse the order to show the writer, not the caller, decides the layout.
        for (auto it = f.tensors().rbegin(); it != f.tensors().rend(); ++it)
            out.push_back({it->name, it->type, it->shape, qd::producerFor(it->data)});
        QTemporaryDir dir;
        const std::string path = dir.filePath("copy.safetensors").toStdString();
        qd::safetensors::write(path, std::move(out), f.metadata());
        QVERIFY(sameBytes(source, path));
        QVERIFY(!std::filesystem::exists(path + ".partial"));
    }

    void rewritingTheShardsReproducesThemByteForByte() {
        QTemporaryDir dir;
        for (const char *shard : {"model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"}) {
            const qd::safetensors::File f(kSharded + shard);
            std::vector<qd::safetensors::OutputTensor> out;
            for (const auto &t : f.tensors()) out.push_back({t.name, t.type, t.shape, qd::producerFor(t.data)});
            const std::string path = dir.filePath(shard).toStdString();
            qd::safetensors::write(path, std::move(out), f.metadata());
            QVERIFY2(sameBytes(kSharded + shard, path), shard);
        }
    }

    void roundTripsEveryTypeInTheReferenceOrder() {
        const auto a = pattern(2 * 3 * 4, 1), b = pattern(5 * 2, 2), c = pattern(4 * 2, 3), d = pattern(0, 0);
        std::vector<qd::safetensors::OutputTensor> out = {
            {"zeta.f16", qd::TensorType::F16, {5}, qd::producerFor(b)},
            {"alpha.bf16", qd::TensorType::BF16, {2, 2}, qd::producerFor(c)},
            {"beta.f32", qd::TensorType::F32, {2, 3}, qd::producerFor(a)},
            {"empty", qd::TensorType::F32, {0, 7}, qd::producerFor(d)},
            {"quote\"name", qd::TensorType::F16, {1}, [](const qd::ByteSink &sink) {
                 const uint8_t two[2] = {9, 8};
                 sink(two);
             }},
        };
        QTemporaryDir dir;
        const std::string path = dir.filePath("t.safetensors").toStdString();
        qd::safetensors::write(path, out, {{"format", "pt"}, {"note", "ünïcode \n"}});
        const qd::safetensors::File f(path);
        QCOMPARE(f.metadata().at("note"), std::string("ünïcode \n"));
        QCOMPARE(f.tensors().size(), size_t{5});
        // F32 first, then BF16, then F16; by name within a dtype.
        QStringList order;
        for (const auto &t : f.tensors()) order << QString::fromStdString(t.name);
        QCOMPARE(order, QStringList({"beta.f32", "empty", "alpha.bf16", "quote\"name", "zeta.f16"}));
        const auto *beta = f.find("beta.f32");
        QCOMPARE(beta->shape, (std::vector<uint64_t>{2, 3}));
        QVERIFY(std::equal(beta->data.begin(), beta->data.end(), a.begin(), a.end()));
        QCOMPARE(f.find("zeta.f16")->type, qd::TensorType::F16);
        QVERIFY(std::equal(f.find("zeta.f16")->data.begin(), f.find("zeta.f16")->data.end(), b.begin(), b.end()));
        QCOMPARE(f.find("empty")->data.size(), size_t{0});
        const qd::MappedFile raw(path);
        uint64_t headerLength;
        std::memcpy(&headerLength, raw.bytes().data(), 8);
        QCOMPARE(headerLength % 8, uint64_t{0});
        QCOMPARE(std::string(reinterpret_cast<const char *>(raw.bytes().data()) + 8, 15),
                 std::string("{\"__metadata__\""));
    }

    void writerRejectsBadInputAndLeavesNoFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("bad.safetensors").toStdString();
        const auto bytes = pattern(34, 0);
        QVERIFY(errorOf([&] {
                    qd::safetensors::write(path, {{"q", qd::TensorType::Q8_0, {32}, qd::producerFor(bytes)}}, {});
                }).find("cannot be stored in safetensors") != std::string::npos);
        QVERIFY(errorOf([&] {
                    qd::safetensors::write(path, {{"short", qd::TensorType::F32, {16}, qd::producerFor(bytes)}}, {});
                }).find("its shape needs 64") != std::string::npos);
        QVERIFY(errorOf([&] {
                    qd::safetensors::write(path,
                                           {{"x", qd::TensorType::F16, {17}, qd::producerFor(bytes)},
                                            {"x", qd::TensorType::F16, {17}, qd::producerFor(bytes)}},
                                           {});
                }).find("given twice") != std::string::npos);
        QVERIFY(!std::filesystem::exists(path));
        QVERIFY(!std::filesystem::exists(path + ".partial"));
    }

    void opensASingleFileFolder() {
        const qd::safetensors::Folder folder(kDemo);
        QCOMPARE(folder.tensors().size(), size_t{50});
        QVERIFY(folder.find("model.norm.weight"));
        QCOMPARE(folder.totalBytes(), uint64_t{19848568});
    }

    void opensAShardedFolder() {
        const qd::safetensors::Folder folder(kSharded);
        const auto index = nlohmann::json::parse(qd::readTextFile(kSharded + "model.safetensors.index.json"));
        QCOMPARE(folder.tensors().size(), index["weight_map"].size());
        uint64_t dataBytes = 0;
        for (const auto &[name, shard] : index["weight_map"].items()) {
            const auto *t = folder.find(name);
            QVERIFY2(t, name.c_str());
            dataBytes += t->data.size();
        }
        QCOMPARE(dataBytes, index["metadata"]["total_size"].get<uint64_t>());
        QCOMPARE(folder.find("model.embed_tokens.weight")->shape, (std::vector<uint64_t>{1024, 256}));
    }

    void folderWithoutWeightsIsAnError() {
        QTemporaryDir dir;
        QVERIFY(errorOf([&] { qd::safetensors::Folder f(dir.path().toStdString()); })
                    .find("no model.safetensors or model.safetensors.index.json") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
