// The Qwen2.5 tokenizer against Hugging Face's own output (tests/data/qwen2.5), from each kind
// of source, plus decoding, streaming, template pieces and broken tokenizer files.
#include "formats/gguf.h"
#include "tokenizer/normalizer.h"
#include "tokenizer/streaming_decoder.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"
#include "util/utf8.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <atomic>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

using qd::Tokenizer;

namespace {

const std::string kQwenDir = QD_TEST_DATA_DIR "/qwen2.5";
const std::string kGgufPath = QD_TEST_DATA_DIR "/synthetic/tiny/tiny-bf16.gguf";

struct Case {
    std::string text;
    std::vector<int32_t> ids;
};

std::vector<Case> readCases(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<Case> cases;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto j = nlohmann::json::parse(line);
        cases.push_back({j.at("text").get<std::string>(), j.at("ids").get<std::vector<int32_t>>()});
    }
    return cases;
}

std::string idsText(const std::vector<int32_t> &ids) { return nlohmann::json(ids).dump(); }

std::string printable(const std::string &text) { return nlohmann::json(text).dump().substr(0, 160); }

// Number of cases where encode disagrees with Hugging Face; the first few are printed.
int countMismatches(const Tokenizer &tok, const std::vector<Case> &cases) {
    int bad = 0;
    for (const Case &c : cases) {
        const auto ids = tok.encode(c.text);
        if (ids == c.ids) continue;
        if (++bad <= 5)
            qWarning("mismatch for %s\n  got      %s\n  expected %s", printable(c.text).c_str(),
                     idsText(ids).substr(0, 300).c_str(), idsText(c.ids).substr(0, 300).c_str());
    }
    return bad;
}

// Qt's NFC, an implementation independent of the engine's. The "x" keeps a leading BOM, which
// QString::fromUtf8 would otherwise drop.
std::string nfc(const std::string &text) {
    const std::string guarded = "x" + text;
    const QString s = QString::fromUtf8(guarded.data(), static_cast<qsizetype>(guarded.size()));
    const QByteArray b = s.normalized(QString::NormalizationForm_C).toUtf8();
    return std::string(b.constData() + 1, static_cast<size_t>(b.size() - 1));
}

void writeFile(const QString &path, std::string_view content) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

std::string readFile(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Runs load, expecting a qd::Error whose message names the file.
void expectError(const std::function<void()> &load, const QString &file, const char *alsoContains = nullptr) {
    try {
        load();
    } catch (const qd::Error &e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(file), qPrintable(QStringLiteral("message does not name %1: %2").arg(file, message)));
        if (alsoContains)
            QVERIFY2(message.contains(QLatin1String(alsoContains)),
                     qPrintable(QStringLiteral("message lacks \"%1\": %2").arg(QLatin1String(alsoContains), message)));
        return;
    }
    QFAIL(qPrintable(QStringLiteral("no qd::Error for %1").arg(file)));
}

}  // namespace

class TestTokenizer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void encodeFromTokenizerJson();
    void encodeFromVocabAndMerges();
    void encodeFromGguf();
    void ggufVocabularyLayout();
    void fromPathPicksTheSource();
    void decodeGivesNfcText();
    void decodeReplacesBrokenUtf8();
    void streamingMatchesDecode();
    void streamingHoldsUnfinishedCharacters();
    void addedTokensAndMetadata();
    void encodePlainIgnoresAddedTokens();
    void chatTemplateCases();
    void encodePiecesJoinsPlainText();
    void encodePiecesKeepsUserTextPlain();
    void textWithNulAndInvalidUtf8();
    void nfcMatchesQt();
    void encodesFromSeveralThreads();
    void truncatedTokenizerJson();
    void mergeWithUnknownToken();
    void missingFiles();
    void unsupportedPipeline();
    void vocabularyProblems();

private:
    std::vector<Case> cases_;
    std::vector<Case> chatCases_;
    std::optional<Tokenizer> json_;
    std::optional<Tokenizer> vocab_;
    std::optional<Tokenizer> gguf_;
};

void TestTokenizer::initTestCase() {
    cases_ = readCases(kQwenDir + "/tokenizer-cases.jsonl");
    chatCases_ = readCases(kQwenDir + "/chat-template-cases.jsonl");
    QCOMPARE(cases_.size(), size_t(210));
    QCOMPARE(chatCases_.size(), size_t(46));
    json_ = Tokenizer::fromTokenizerJson(kQwenDir + "/tokenizer.json", kQwenDir + "/tokenizer_config.json");
    vocab_ = Tokenizer::fromVocabAndMerges(kQwenDir + "/vocab.json", kQwenDir + "/merges.txt",
                                           kQwenDir + "/tokenizer_config.json");
    gguf_ = Tokenizer::fromGguf(qd::gguf::File(kGgufPath));
}

void TestTokenizer::encodeFromTokenizerJson() { QCOMPARE(countMismatches(*json_, cases_), 0); }

void TestTokenizer::encodeFromVocabAndMerges() { QCOMPARE(countMismatches(*vocab_, cases_), 0); }

void TestTokenizer::encodeFromGguf() { QCOMPARE(countMismatches(*gguf_, cases_), 0); }

void TestTokenizer::ggufVocabularyLayout() {
    QCOMPARE(gguf_->size(), 151936);
    QCOMPARE(gguf_->tokenBytes(151665), std::string_view("[PAD151665]"));
    QVERIFY(gguf_->isSpecial(151665));
    // Fillers are never matched in text.
    const auto ids = gguf_->encode("[PAD151665]");
    QVERIFY(std::find(ids.begin(), ids.end(), 151665) == ids.end());
    QCOMPARE(gguf_->eosTokenId(), std::optional<int32_t>(151645));
    QCOMPARE(gguf_->padTokenId(), std::optional<int32_t>(151643));
    QCOMPARE(gguf_->chatTemplate(), json_->chatTemplate());
    QCOMPARE(gguf_->encode("Hello, world!"), (std::vector<int32_t>{9707, 11, 1879, 0}));
}

void TestTokenizer::fromPathPicksTheSource() {
    const Tokenizer folder = Tokenizer::fromPath(kQwenDir);
    QCOMPARE(folder.size(), 151665);
    QCOMPARE(folder.eosTokenId(), std::optional<int32_t>(151645));
    const Tokenizer file = Tokenizer::fromPath(kQwenDir + "/tokenizer.json");
    QVERIFY(!file.chatTemplate().empty());  // the sibling tokenizer_config.json is read
    QCOMPARE(Tokenizer::fromPath(kGgufPath).size(), 151936);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char *name : {"vocab.json", "merges.txt", "tokenizer_config.json"})
        QVERIFY(QFile::copy(QString::fromStdString(kQwenDir + "/" + name), dir.filePath(QLatin1String(name))));
    const Tokenizer legacy = Tokenizer::fromPath(dir.path().toStdString());
    QCOMPARE(legacy.encode(cases_[1].text), cases_[1].ids);
    QCOMPARE(legacy.findToken("<|im_end|>"), std::optional<int32_t>(151645));
}

void TestTokenizer::decodeGivesNfcText() {
    int bad = 0;
    for (const Case &c : cases_) {
        if (json_->decode(c.ids) == nfc(c.text)) continue;
        if (++bad <= 5) qWarning("decode differs for %s", printable(c.text).c_str());
    }
    QCOMPARE(bad, 0);
    for (const Case &c : chatCases_) QCOMPARE(json_->decode(c.ids), c.text);
}

void TestTokenizer::decodeReplacesBrokenUtf8() {
    // "€" is E2 82 AC; its first two bytes alone, then "A", decode as one U+FFFD then "A".
    const int32_t e2 = *json_->findToken("\xE2"), x82 = *json_->findToken("\x82"), a = *json_->findToken("A");
    const int32_t ff = *json_->findToken("\xFF");
    QCOMPARE(json_->decode(std::vector<int32_t>{e2, x82, a}), std::string("\xEF\xBF\xBD" "A"));
    QCOMPARE(json_->decode(std::vector<int32_t>{ff, ff}), std::string("\xEF\xBF\xBD\xEF\xBF\xBD"));
    QCOMPARE(json_->decode(std::vector<int32_t>{e2, x82}), std::string("\xEF\xBF\xBD"));
    QVERIFY_THROWS_EXCEPTION(qd::Error, json_->decode(std::vector<int32_t>{json_->size()}));
    QVERIFY_THROWS_EXCEPTION(qd::Error, json_->decode(std::vector<int32_t>{-1}));
}

void TestTokenizer::streamingMatchesDecode() {
    auto check = [&](const std::vector<int32_t> &ids) {
        qd::StreamingDecoder decoder(*json_);
        std::string joined;
        for (const int32_t id : ids) {
            const std::string piece = decoder.push(id);
            QVERIFY2(qd::utf8::isValid(piece), piece.c_str());
            joined += piece;
        }
        const std::string rest = decoder.finish();
        QVERIFY(qd::utf8::isValid(rest));
        joined += rest;
        QCOMPARE(joined, json_->decode(ids));
    };
    for (const Case &c : cases_) check(c.ids);
    for (const Case &c : chatCases_) check(c.ids);
}

void TestTokenizer::streamingHoldsUnfinishedCharacters() {
    const int32_t e2 = *json_->findToken("\xE2"), x82 = *json_->findToken("\x82"), xac = *json_->findToken("\xAC");
    const int32_t a = *json_->findToken("A");
    qd::StreamingDecoder decoder(*json_);
    QCOMPARE(decoder.push(e2), std::string());
    QCOMPARE(decoder.push(x82), std::string());
    QCOMPARE(decoder.push(xac), std::string("\xE2\x82\xAC"));
    // An unfinished character interrupted by ASCII can no longer complete.
    QCOMPARE(decoder.push(e2), std::string());
    QCOMPARE(decoder.push(a), std::string("\xEF\xBF\xBD" "A"));
    QCOMPARE(decoder.push(e2), std::string());
    QCOMPARE(decoder.finish(), std::string("\xEF\xBF\xBD"));
    QCOMPARE(decoder.finish(), std::string());
}

void TestTokenizer::addedTokensAndMetadata() {
    QCOMPARE(json_->size(), 151665);
    QCOMPARE(json_->findToken("<|im_end|>"), std::optional<int32_t>(151645));
    QCOMPARE(json_->findToken("<|file_sep|>"), std::optional<int32_t>(151664));
    QCOMPARE(json_->findToken("<think>"), std::nullopt);
    QCOMPARE(json_->findToken("Hello"), std::optional<int32_t>(9707));
    QVERIFY(json_->isSpecial(151643));
    QVERIFY(json_->isSpecial(151656));
    QVERIFY(!json_->isSpecial(151657));  // <tool_call> is not special in tokenizer.json
    QVERIFY(!json_->isSpecial(9707));
    QCOMPARE(json_->tokenBytes(151644), std::string_view("<|im_start|>"));
    QCOMPARE(json_->tokenBytes(220), std::string_view(" "));
    QCOMPARE(json_->eosTokenId(), std::optional<int32_t>(151645));
    QCOMPARE(json_->padTokenId(), std::optional<int32_t>(151643));
    QVERIFY(json_->chatTemplate().find("<|im_start|>") != std::string::npos);
    QCOMPARE(vocab_->eosTokenId(), std::optional<int32_t>(151645));
    QCOMPARE(vocab_->size(), 151665);
    const Tokenizer bare = Tokenizer::fromTokenizerJson(kQwenDir + "/tokenizer.json", "");
    QVERIFY(bare.chatTemplate().empty());
    QCOMPARE(bare.eosTokenId(), std::nullopt);
    QCOMPARE(bare.encode("<|im_start|>user"), (std::vector<int32_t>{151644, 872}));
}

void TestTokenizer::encodePlainIgnoresAddedTokens() {
    const auto ids = json_->encodePlain("<|im_end|><tool_call>");
    for (const int32_t id : ids) QVERIFY(id < 151643);
    QCOMPARE(json_->decode(ids), std::string("<|im_end|><tool_call>"));
    QCOMPARE(json_->encode("<|im_end|><tool_call>"), (std::vector<int32_t>{151645, 151657}));
    QVERIFY(json_->encode("").empty());
    QVERIFY(json_->encodePlain("").empty());
}

void TestTokenizer::chatTemplateCases() {
    for (const Case &c : chatCases_) {
        QCOMPARE(json_->encode(c.text), c.ids);
        const std::vector<qd::TextPiece> whole = {{c.text, true}};
        QCOMPARE(json_->encodePieces(whole), c.ids);
    }
}

void TestTokenizer::encodePiecesJoinsPlainText() {
    // Cut each rendered conversation into template pieces (with the special tokens) and user
    // pieces (plain text between them, itself cut in two): the ids must not change.
    std::vector<std::string> specials;
    for (int32_t id = 151643; id < json_->size(); ++id) specials.emplace_back(json_->tokenBytes(id));
    for (const Case &c : chatCases_) {
        std::vector<qd::TextPiece> pieces;
        size_t pos = 0;
        while (pos < c.text.size()) {
            size_t next = std::string::npos, length = 0;
            for (const auto &s : specials) {
                const size_t at = c.text.find(s, pos);
                if (at < next) next = at, length = s.size();
            }
            const std::string plain = c.text.substr(pos, next - pos);
            // Cut on a character boundary roughly in the middle.
            size_t cut = plain.size() / 2;
            while (cut > 0 && (static_cast<uint8_t>(plain[cut]) & 0xC0) == 0x80) --cut;
            pieces.push_back({plain.substr(0, cut), false});
            pieces.push_back({plain.substr(cut), true});
            if (next == std::string::npos) break;
            pieces.push_back({c.text.substr(next, length), true});
            pos = next + length;
        }
        QCOMPARE(json_->encodePieces(pieces), c.ids);
    }
}

void TestTokenizer::encodePiecesKeepsUserTextPlain() {
    const std::vector<qd::TextPiece> pieces = {
        {"<|im_start|>user\n", true}, {"hi<|im_end|>", false}, {"<|im_end|>\n", true}};
    const auto ids = json_->encodePieces(pieces);
    QCOMPARE(std::count(ids.begin(), ids.end(), 151645), 1);
    QCOMPARE(ids.front(), 151644);
    QCOMPARE(json_->decode(ids), std::string("<|im_start|>user\nhi<|im_end|><|im_end|>\n"));
    auto expected = json_->encode("<|im_start|>user\n");
    const auto user = json_->encodePlain("hi<|im_end|>");
    expected.insert(expected.end(), user.begin(), user.end());
    expected.push_back(151645);
    expected.push_back(198);
    QCOMPARE(ids, expected);
}

void TestTokenizer::textWithNulAndInvalidUtf8() {
    const std::string withNul("a\0b", 3);
    QCOMPARE(json_->encode(withNul), (std::vector<int32_t>{64, 188, 65}));
    QCOMPARE(json_->decode(json_->encode(withNul)), withNul);
    // Invalid bytes are read as U+FFFD, as a lossy UTF-8 conversion would.
    QCOMPARE(json_->encode("x\xFFy"), json_->encode("x\xEF\xBF\xBDy"));
}

void TestTokenizer::nfcMatchesQt() {
    // The normalizer cuts text before code points that never combine; these compose across
    // such places or right after them (jamo onto a syllable, dakuten onto kana, accents).
    std::vector<std::string> texts = {
        "e\u0301 cafe\u0301!", "\u1100\u1161\u11A8", "\uAC00\u11A8x", "\u304B\u3099\u30AB\u3099",
        "A\u030A\u0323", "\u037E\u0387;", "\u4E00\u0301\u3000\u0308", "\uFF21\u0301", "\u0300start",
        "x\u0323\u0307y\u0307\u0323", "\u0F73\u0FB2\u0F80", "\u00E9\u0301", std::string("\0\u0301", 3)};
    for (const Case &c : cases_) texts.push_back(c.text);
    for (const std::string &text : texts) {
        std::string storage;
        QCOMPARE(std::string(qd::normalizeNfc(text, storage)), nfc(text));
    }
}

void TestTokenizer::encodesFromSeveralThreads() {
    // The BPE cache is shared; a fresh tokenizer makes the threads fill it at the same time.
    const Tokenizer tok = Tokenizer::fromVocabAndMerges(kQwenDir + "/vocab.json", kQwenDir + "/merges.txt",
                                                        kQwenDir + "/tokenizer_config.json");
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (const Case &c : cases_)
                if (tok.encode(c.text) != c.ids) ++mismatches;
        });
    for (auto &thread : threads) thread.join();
    QCOMPARE(mismatches.load(), 0);
}

void TestTokenizer::truncatedTokenizerJson() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tokenizer.json"));
    const std::string full = readFile(kQwenDir + "/tokenizer.json");
    writeFile(path, std::string_view(full).substr(0, full.size() / 2));
    expectError([&] { Tokenizer::fromTokenizerJson(path.toStdString(), ""); }, path, "not valid JSON");
    writeFile(path, "");
    expectError([&] { Tokenizer::fromPath(path.toStdString()); }, path);
    const QString config = dir.filePath(QStringLiteral("tokenizer_config.json"));
    writeFile(config, "{\"eos_token\": \"<|im_end|>\"");
    expectError([&] { Tokenizer::fromTokenizerJson(kQwenDir + "/tokenizer.json", config.toStdString()); }, config);
}

void TestTokenizer::mergeWithUnknownToken() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString merges = dir.filePath(QStringLiteral("merges.txt"));
    writeFile(merges, "\xC4\xA0 \xC4\xA0\nnot_a_token x\n");
    expectError([&] { Tokenizer::fromVocabAndMerges(kQwenDir + "/vocab.json", merges.toStdString(), ""); }, merges,
                "line 2");
    writeFile(merges, "a b c\n");
    expectError([&] { Tokenizer::fromVocabAndMerges(kQwenDir + "/vocab.json", merges.toStdString(), ""); }, merges,
                "line 1");
    // The same in tokenizer.json: a merge whose result is missing from the vocabulary.
    auto root = nlohmann::json::parse(readFile(kQwenDir + "/tokenizer.json"));
    root["model"]["merges"].push_back("Hello world");
    const QString path = dir.filePath(QStringLiteral("tokenizer.json"));
    writeFile(path, root.dump());
    expectError([&] { Tokenizer::fromTokenizerJson(path.toStdString(), ""); }, path, "Helloworld");
}

void TestTokenizer::missingFiles() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("nope.json"));
    expectError([&] { Tokenizer::fromTokenizerJson(missing.toStdString(), ""); }, missing);
    expectError([&] { Tokenizer::fromPath(missing.toStdString()); }, missing);
    expectError([&] { Tokenizer::fromPath(dir.path().toStdString()); }, dir.path());
    expectError([&] {
        Tokenizer::fromVocabAndMerges(kQwenDir + "/vocab.json", missing.toStdString(), "");
    }, missing);
    expectError([&] {
        Tokenizer::fromTokenizerJson(kQwenDir + "/tokenizer.json", missing.toStdString());
    }, missing);
}

void TestTokenizer::unsupportedPipeline() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto root = nlohmann::json::parse(readFile(kQwenDir + "/tokenizer.json"));
    root["pre_tokenizer"] = {{"type", "Whitespace"}};
    const QString path = dir.filePath(QStringLiteral("tokenizer.json"));
    writeFile(path, root.dump());
    expectError([&] { Tokenizer::fromTokenizerJson(path.toStdString(), ""); }, path, "pre-tokenizer");
}

void TestTokenizer::vocabularyProblems() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString vocab = dir.filePath(QStringLiteral("vocab.json"));
    const QString merges = dir.filePath(QStringLiteral("merges.txt"));
    writeFile(merges, "");
    writeFile(vocab, R"({"a": 0, "b": 2})");
    expectError([&] { Tokenizer::fromVocabAndMerges(vocab.toStdString(), merges.toStdString(), ""); }, vocab,
                "not contiguous");
    writeFile(vocab, R"({"a": 0, "b": 1})");
    expectError([&] { Tokenizer::fromVocabAndMerges(vocab.toStdString(), merges.toStdString(), ""); }, vocab,
                "no token for the byte");
    writeFile(vocab, R"({"a": 0, "b": "one"})");
    expectError([&] { Tokenizer::fromVocabAndMerges(vocab.toStdString(), merges.toStdString(), ""); }, vocab);
    writeFile(vocab, R"({"a b": 0})");
    expectError([&] { Tokenizer::fromVocabAndMerges(vocab.toStdString(), merges.toStdString(), ""); }, vocab,
                "byte-level");
    writeFile(vocab, "[1, 2]");
    expectError([&] { Tokenizer::fromVocabAndMerges(vocab.toStdString(), merges.toStdString(), ""); }, vocab);
}

QTEST_GUILESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
