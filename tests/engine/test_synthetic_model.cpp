// Synthetic Qwen2.5 models: names, shapes, types and metadata against the real model's, read back
// with the validating readers, and determinism from the seed.
#include "error_text.h"

#include "formats/gguf.h"
#include "formats/safetensors.h"
#include "model/synthetic_model.h"
#include "util/error.h"
#include "util/mapped_file.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <map>

namespace {

using qd::test::errorOf;

const std::string kTokenizer = QD_TEST_DATA_DIR "/qwen2.5";
const std::string kReferenceTiny = QD_TEST_DATA_DIR "/synthetic/tiny/tiny-bf16.gguf";

bool sameBytes(const std::string &a, const std::string &b) {
    const qd::MappedFile fa(a), fb(b);
    return fa.size() == fb.size() && std::memcmp(fa.bytes().data(), fb.bytes().data(), fa.size()) == 0;
}

qd::synthetic::Options tinyOptions(qd::synthetic::Format format, qd::TensorType dtype, uint64_t seed,
                                   const std::string &out) {
    qd::synthetic::Options o;
    o.shape = *qd::synthetic::findShape("tiny");
    o.format = format;
    o.dtype = dtype;
    o.tokenizerDir = kTokenizer;
    o.seed = seed;
    o.out = out;
    return o;
}

// name -> dims in GGUF order, for the tiny shape.
std::map<std::string, std::vector<uint64_t>> expectedGgufTensors() {
    std::map<std::string, std::vector<uint64_t>> t = {{"token_embd.weight", {64, 151936}}, {"output_norm.weight", {64}}};
    for (int l = 0; l < 2; ++l) {
        const std::string b = "blk." + std::to_string(l) + ".";
        t[b + "attn_norm.weight"] = {64};
        t[b + "attn_q.weight"] = {64, 64};
        t[b + "attn_q.bias"] = {64};
        t[b + "attn_k.weight"] = {64, 32};
        t[b + "attn_k.bias"] = {32};
        t[b + "attn_v.weight"] = {64, 32};
        t[b + "attn_v.bias"] = {32};
        t[b + "attn_output.weight"] = {64, 64};
        t[b + "ffn_norm.weight"] = {64};
        t[b + "ffn_gate.weight"] = {64, 128};
        t[b + "ffn_up.weight"] = {64, 128};
        t[b + "ffn_down.weight"] = {128, 64};
    }
    return t;
}

// name -> shape (outermost first) for the tiny shape's Hugging Face names.
std::map<std::string, std::vector<uint64_t>> expectedHfTensors() {
    std::map<std::string, std::vector<uint64_t>> t = {{"model.embed_tokens.weight", {151936, 64}},
                                                      {"model.norm.weight", {64}}};
    for (int l = 0; l < 2; ++l) {
        const std::string b = "model.layers." + std::to_string(l) + ".";
        t[b + "input_layernorm.weight"] = {64};
        t[b + "post_attention_layernorm.weight"] = {64};
        t[b + "self_attn.q_proj.weight"] = {64, 64};
        t[b + "self_attn.q_proj.bias"] = {64};
        t[b + "self_attn.k_proj.weight"] = {32, 64};
        t[b + "self_attn.k_proj.bias"] = {32};
        t[b + "self_attn.v_proj.weight"] = {32, 64};
        t[b + "self_attn.v_proj.bias"] = {32};
        t[b + "self_attn.o_proj.weight"] = {64, 64};
        t[b + "mlp.gate_proj.weight"] = {128, 64};
        t[b + "mlp.up_proj.weight"] = {128, 64};
        t[b + "mlp.down_proj.weight"] = {64, 128};
    }
    return t;
}

// Mean and standard deviation of an F32 tensor.
std::pair<double, double> moments(std::span<const uint8_t> data) {
    const size_t n = data.size() / 4;
    double sum = 0, sq = 0;
    for (size_t i = 0; i < n; ++i) {
        float v;
        std::memcpy(&v, data.data() + 4 * i, 4);
        sum += v;
        sq += double(v) * v;
    }
    const double mean = sum / n;
    return {mean, std::sqrt(sq / n - mean * mean)};
}

}  // namespace

class TestSyntheticModel : public QObject {
    Q_OBJECT
private slots:
    void configMatchesTheOfficialFile() {
        const auto shape = qd::synthetic::findShape("qwen2.5-1.5b");
        QVERIFY(shape);
        QCOMPARE(qd::synthetic::configJson(*shape, qd::TensorType::BF16, 151643, 151645),
                 qd::readTextFile(kTokenizer + "/config.json"));
        QVERIFY(!qd::synthetic::findShape("qwen2.5-7b"));
    }

    void tinyGgufHasTheReferenceHeader() {
        // Same tensors, metadata and layout as the project's reference tiny model: only the
        // weights differ, so the whole header is identical byte for byte.
        QTemporaryDir dir;
        const std::string path = dir.filePath("tiny.gguf").toStdString();
        qd::synthetic::makeModel(tinyOptions(qd::synthetic::Format::Gguf, qd::TensorType::BF16, 1234, path));
        const qd::gguf::File made(path), reference(kReferenceTiny);
        QCOMPARE(made.fileSize(), reference.fileSize());
        uint64_t dataSection = 0;
        for (const auto &t : reference.tensors()) dataSection = std::max(dataSection, (t.offset + t.bytes + 31) / 32 * 32);
        const uint64_t header = reference.fileSize() - dataSection;
        QVERIFY(header > 5000000);  // the vocabulary, merges and chat template
        const qd::MappedFile a(path), b(kReferenceTiny);
        QVERIFY(std::memcmp(a.bytes().data(), b.bytes().data(), header) == 0);
    }

    void tinyGgufTensorsAndMetadata() {
        QTemporaryDir dir;
        for (auto dtype : {qd::TensorType::F32, qd::TensorType::F16, qd::TensorType::Q8_0, qd::TensorType::Q4_0}) {
            const std::string path = dir.filePath("t.gguf").toStdString();
            qd::synthetic::makeModel(tinyOptions(qd::synthetic::Format::Gguf, dtype, 7, path));
            const qd::gguf::File f(path);
            const auto expected = expectedGgufTensors();
            QCOMPARE(f.tensors().size(), expected.size());
            for (const auto &[name, dims] : expected) {
                const auto *t = f.findTensor(name);
                QVERIFY2(t, name.c_str());
                QCOMPARE(t->dims, dims);
                QCOMPARE(t->type, dims.size() == 1 ? qd::TensorType::F32 : dtype);
            }
            QCOMPARE(f.requireString("general.architecture"), std::string_view("qwen2"));
            QCOMPARE(f.requireUInt("qwen2.block_count"), uint64_t{2});
            QCOMPARE(f.requireUInt("qwen2.embedding_length"), uint64_t{64});
            QCOMPARE(f.requireUInt("qwen2.feed_forward_length"), uint64_t{128});
            QCOMPARE(f.requireUInt("qwen2.attention.head_count"), uint64_t{4});
            QCOMPARE(f.requireUInt("qwen2.attention.head_count_kv"), uint64_t{2});
            QCOMPARE(f.requireUInt("qwen2.context_length"), uint64_t{32768});
            QCOMPARE(f.requireFloat("qwen2.rope.freq_base"), 1e6);
            QCOMPARE(float(f.requireFloat("qwen2.attention.layer_norm_rms_epsilon")), 1e-6f);
            const std::map<qd::TensorType, uint64_t> fileTypes = {
                {qd::TensorType::F32, 0}, {qd::TensorType::F16, 1}, {qd::TensorType::Q8_0, 7}, {qd::TensorType::Q4_0, 2}};
            QCOMPARE(f.requireUInt("general.file_type"), fileTypes.at(dtype));
            QCOMPARE(f.requireUInt("tokenizer.ggml.eos_token_id"), uint64_t{151645});
            QCOMPARE(f.requireUInt("tokenizer.ggml.bos_token_id"), uint64_t{151643});
            QCOMPARE(f.requireUInt("tokenizer.ggml.padding_token_id"), uint64_t{151643});
            QCOMPARE(*f.getBool("tokenizer.ggml.add_bos_token"), false);
            const auto tokens = *f.getStringArray("tokenizer.ggml.tokens");
            QCOMPARE(tokens.size(), size_t{151936});
            QCOMPARE(tokens[9707], std::string_view("Hello"));
            QCOMPARE(tokens[151645], std::string_view("<|im_end|>"));
            QCOMPARE(tokens[151935], std::string_view("[PAD151935]"));
            const auto types = *f.getIntArray("tokenizer.ggml.token_type");
            QCOMPARE(types[0], int64_t{1});
            QCOMPARE(types[151643], int64_t{3});
            QCOMPARE(types[151657], int64_t{4});  // <tool_call>: added, not special
            QCOMPARE(types[151659], int64_t{3});  // <|fim_prefix|>: looks special
            QCOMPARE(types[151665], int64_t{5});
            QCOMPARE(f.getStringArray("tokenizer.ggml.merges")->size(), size_t{151387});
            QVERIFY(f.requireString("tokenizer.chat_template").starts_with("{%- if tools %}"));
        }
    }

    void weightsHaveTheRequestedDistributions() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("f32.gguf").toStdString();
        qd::synthetic::makeModel(tinyOptions(qd::synthetic::Format::Gguf, qd::TensorType::F32, 3, path));
        const qd::gguf::File f(path);
        const auto [embedMean, embedStd] = moments(f.tensorData(*f.findTensor("token_embd.weight")));
        QVERIFY(std::abs(embedMean) < 0.002);
        QVERIFY(std::abs(embedStd - 1.0 / 8) < 0.002);  // 1/sqrt(fan_in 64)
        const auto [downMean, downStd] = moments(f.tensorData(*f.findTensor("blk.1.ffn_down.weight")));
        QVERIFY(std::abs(downStd - 1.0 / std::sqrt(128.0)) < 0.005);
        (void)downMean;
        double normMean = 0, biasStd = 0;
        for (int l = 0; l < 2; ++l) {
            normMean += moments(f.tensorData(*f.findTensor("blk." + std::to_string(l) + ".attn_norm.weight"))).first;
            biasStd += moments(f.tensorData(*f.findTensor("blk." + std::to_string(l) + ".attn_q.bias"))).second;
        }
        QVERIFY(std::abs(normMean / 2 - 1.0) < 0.1);
        QVERIFY(std::abs(biasStd / 2 - 0.5) < 0.1);
    }

    void tinySafetensorsFolder() {
        QTemporaryDir dir;
        const std::string out = dir.filePath("tiny-hf").toStdString();
        qd::synthetic::makeModel(tinyOptions(qd::synthetic::Format::Safetensors, qd::TensorType::BF16, 1234, out));
        const qd::safetensors::Folder folder(out);
        const auto expected = expectedHfTensors();
        QCOMPARE(folder.tensors().size(), expected.size());
        for (const auto &[name, shape] : expected) {
            const auto *t = folder.find(name);
            QVERIFY2(t, name.c_str());
            QCOMPARE(t->shape, shape);
            QCOMPARE(t->type, qd::TensorType::BF16);
        }
        for (const char *file : {"tokenizer.json", "tokenizer_config.json", "generation_config.json"})
            QVERIFY(sameBytes(out + "/" + file, kTokenizer + "/" + file));
        const auto config = nlohmann::json::parse(qd::readTextFile(out + "/config.json"));
        QCOMPARE(config["hidden_size"].get<int>(), 64);
        QCOMPARE(config["num_hidden_layers"].get<int>(), 2);
        QCOMPARE(config["torch_dtype"].get<std::string>(), std::string("bfloat16"));

        // The same seed gives the same numbers in both formats.
        const std::string gguf = dir.filePath("tiny.gguf").toStdString();
        qd::synthetic::makeModel(tinyOptions(qd::synthetic::Format::Gguf, qd::TensorType::BF16, 1234, gguf));
        const qd::gguf::File g(gguf);
        const auto a = g.tensorData(*g.findTensor("blk.1.ffn_down.weight"));
        const auto b = folder.find("model.layers.1.mlp.down_proj.weight")->data;
        QVERIFY(std::equal(a.begin(), a.end(), b.begin(), b.end()));
    }

    void theSeedDeterminesTheBytes() {
        QTemporaryDir dir;
        for (auto format : {qd::synthetic::Format::Gguf, qd::synthetic::Format::Safetensors}) {
            const bool isGguf = format == qd::synthetic::Format::Gguf;
            const auto path = [&](const char *name) {
                return dir.filePath(name).toStdString() + (isGguf ? ".gguf" : "");
            };
            const auto file = [&](const char *name) { return isGguf ? path(name) : path(name) + "/model.safetensors"; };
            qd::synthetic::makeModel(tinyOptions(format, qd::TensorType::F16, 42, path("a")));
            qd::synthetic::makeModel(tinyOptions(format, qd::TensorType::F16, 42, path("b")));
            qd::synthetic::makeModel(tinyOptions(format, qd::TensorType::F16, 43, path("c")));
            QVERIFY(sameBytes(file("a"), file("b")));
            QVERIFY(!sameBytes(file("a"), file("c")));
        }
    }

    void quantizedSafetensorsIsAnError() {
        QTemporaryDir dir;
        const std::string out = dir.filePath("q").toStdString();
        QVERIFY(errorOf([&] {
                    qd::synthetic::makeModel(
                        tinyOptions(qd::synthetic::Format::Safetensors, qd::TensorType::Q8_0, 1, out));
                }).find("Q8_0 needs the GGUF format") != std::string::npos);
        QVERIFY(!QFileInfo::exists(QString::fromStdString(out)));
    }

    void missingTokenizerIsAnError() {
        QTemporaryDir dir;
        auto o = tinyOptions(qd::synthetic::Format::Gguf, qd::TensorType::F32, 1, dir.filePath("x.gguf").toStdString());
        o.tokenizerDir = dir.path().toStdString();
        QVERIFY(errorOf([&] { qd::synthetic::makeModel(o); }).find("tokenizer.json: cannot open") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSyntheticModel)
#include "test_synthetic_model.moc"
