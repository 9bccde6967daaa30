// Hostile model files: every malformed variant must be rejected with a qd::Error that names the
// file and the specific problem, without crashing (this runs under AddressSanitizer) and without
// any single allocation larger than the file being rejected. Each variant is made here by
// mutating a valid file written with the project's own writers.
#include "formats/gguf.h"
#include "formats/gguf_writer.h"
#include "formats/safetensors.h"
#include "util/error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <new>

// Replacing the global allocation functions lets the test see the largest single request.
namespace {
std::atomic<size_t> gLargestAllocation{0};

void *allocate(size_t size) {
    size_t seen = gLargestAllocation.load(std::memory_order_relaxed);
    while (size > seen && !gLargestAllocation.compare_exchange_weak(seen, size, std::memory_order_relaxed)) {
    }
    if (void *p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
}  // namespace

void *operator new(size_t size) { return allocate(size); }
void *operator new[](size_t size) { return allocate(size); }
void operator delete(void *p) noexcept { std::free(p); }
void operator delete[](void *p) noexcept { std::free(p); }
void operator delete(void *p, size_t) noexcept { std::free(p); }
void operator delete[](void *p, size_t) noexcept { std::free(p); }

namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<uint8_t>;

Bytes readAll(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

void writeAll(const std::string &path, const Bytes &bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void writeText(const std::string &path, const std::string &text) { writeAll(path, Bytes(text.begin(), text.end())); }

// Position of the only occurrence of `needle`.
size_t findUnique(const Bytes &bytes, std::string_view needle) {
    const auto at = std::search(bytes.begin(), bytes.end(), needle.begin(), needle.end());
    if (at == bytes.end() || std::search(at + 1, bytes.end(), needle.begin(), needle.end()) != bytes.end())
        qFatal("test file layout changed: '%s' is not unique", std::string(needle).c_str());
    return static_cast<size_t>(at - bytes.begin());
}

template <typename T>
void put(Bytes &bytes, size_t at, T value) {
    std::memcpy(bytes.data() + at, &value, sizeof(T));
}

// --- The valid GGUF every GGUF variant starts from. ---
//   tensor.a F32 [8, 2] at 0, tensor.b F32 [8] at 64, tensor.c Q8_0 [32, 2] at 96.
// A 1 MB metadata string makes the file large enough that trusting an unbacked count for a
// reservation shows up as an allocation beyond the file size.
Bytes validGguf(const std::string &path, size_t blobBytes) {
    static const Bytes data = [] {
        Bytes d(64 + 32 + 68);
        for (size_t i = 0; i < d.size(); ++i) d[i] = static_cast<uint8_t>(i * 37);
        return d;
    }();
    qd::gguf::Writer w;
    w.add<uint32_t>("general.alignment", 32);
    w.addString("aaaa.name", "qwen2");
    w.add<bool>("aaaa.flag", true);
    const std::vector<std::string> list = {"x", "yy"};
    w.addStringArray("aaaa.list", list);
    const std::vector<int32_t> ints = {1, 2, 3};
    w.addArray<int32_t>("aaaa.ints", ints);
    w.add<uint32_t>("aaaa.one", 1);
    w.add<uint32_t>("aaaa.two", 2);
    w.addString("aaaa.blob", std::string(blobBytes, 'z'));
    const std::span<const uint8_t> all(data);
    w.addTensor("tensor.a", qd::TensorType::F32, {8, 2}, qd::producerFor(all.subspan(0, 64)));
    w.addTensor("tensor.b", qd::TensorType::F32, {8}, qd::producerFor(all.subspan(64, 32)));
    w.addTensor("tensor.c", qd::TensorType::Q8_0, {32, 2}, qd::producerFor(all.subspan(96, 68)));
    w.write(path);
    return readAll(path);
}

// Where a key's value type field is (the value follows it).
size_t typeOf(const Bytes &b, std::string_view key) { return findUnique(b, key) + key.size(); }
// Where a tensor description's dimension count is (dims, type and offset follow).
size_t infoOf(const Bytes &b, std::string_view name) { return findUnique(b, name) + name.size(); }

// --- The valid safetensors layout every safetensors variant is a textual edit of. ---
const std::string kValidHeader =
    R"({"__metadata__":{"format":"pt"},"alpha":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},)"
    R"("beta":{"dtype":"BF16","shape":[4],"data_offsets":[16,24]}})";

Bytes safetensorsBytes(const std::string &header, size_t dataBytes = 24) {
    Bytes b(8 + header.size() + dataBytes);
    put<uint64_t>(b, 0, header.size());
    std::memcpy(b.data() + 8, header.data(), header.size());
    for (size_t i = 0; i < dataBytes; ++i) b[8 + header.size() + i] = static_cast<uint8_t>(i);
    return b;
}

std::string replaced(std::string text, const std::string &from, const std::string &to) {
    const size_t at = text.find(from);
    if (at == std::string::npos) qFatal("'%s' not in the header", from.c_str());
    return text.replace(at, from.size(), to);
}

enum class Opener { Gguf, Safetensors, Folder };

struct Case {
    std::string name;
    Opener opener;
    std::string expected;  // a substring specific to this problem
    // Writes the variant into the given empty folder and returns what to open.
    std::function<std::string(const std::string &dir, const Bytes &gguf)> make;
};

Case ggufCase(std::string name, std::string expected, std::function<void(Bytes &)> mutate) {
    return {std::move(name), Opener::Gguf, std::move(expected), [mutate](const std::string &dir, const Bytes &gguf) {
                Bytes b = gguf;
                mutate(b);
                writeAll(dir + "/model.gguf", b);
                return dir + "/model.gguf";
            }};
}

Case safetensorsCase(std::string name, std::string expected, std::function<Bytes()> make) {
    return {std::move(name), Opener::Safetensors, std::move(expected), [make](const std::string &dir, const Bytes &) {
                writeAll(dir + "/model.safetensors", make());
                return dir + "/model.safetensors";
            }};
}

Case headerCase(std::string name, std::string expected, std::string header, size_t dataBytes = 24) {
    return safetensorsCase(std::move(name), std::move(expected),
                           [header, dataBytes] { return safetensorsBytes(header, dataBytes); });
}

// A sharded folder: shard 1 holds alpha and beta; `shards` adds more (file name -> header).
Case folderCase(std::string name, std::string expected, std::string index,
                std::vector<std::pair<std::string, std::string>> shards = {}) {
    return {std::move(name), Opener::Folder, std::move(expected),
            [index, shards](const std::string &dir, const Bytes &) {
                writeAll(dir + "/model-00001-of-00002.safetensors", safetensorsBytes(kValidHeader));
                for (const auto &[file, header] : shards) writeAll(dir + "/" + file, safetensorsBytes(header));
                writeText(dir + "/model.safetensors.index.json", index);
                return dir;
            }};
}

std::vector<Case> hostileCases() {
    std::vector<Case> cases = {
        // GGUF header
        ggufCase("gguf bad magic", "not a GGUF file", [](Bytes &b) { b[3] = 'X'; }),
        ggufCase("gguf unsupported version", "unsupported GGUF version 99", [](Bytes &b) { put<uint32_t>(b, 4, 99); }),
        ggufCase("gguf huge tensor count", "tensor count 1152921504606846976 cannot fit",
                 [](Bytes &b) { put<uint64_t>(b, 8, 1ull << 60); }),
        ggufCase("gguf huge metadata count", "metadata count 1152921504606846976 cannot fit",
                 [](Bytes &b) { put<uint64_t>(b, 16, 1ull << 60); }),
        // A count that passes the size bound but is not backed by data: it must not be trusted
        // for a reservation.
        ggufCase("gguf tensor count not backed by data", "truncated file: tensor name runs past the end",
                 [](Bytes &b) {
                     b.resize(infoOf(b, "tensor.c") + 32);  // cut right after the last tensor description
                     put<uint64_t>(b, 8, (b.size() - 24) / 24);
                 }),
        // Metadata
        ggufCase("gguf key length past EOF", "metadata key: string length 1099511627776 runs past the end",
                 [](Bytes &b) { put<uint64_t>(b, 24, 1ull << 40); }),
        ggufCase("gguf string value length past EOF", "value of 'aaaa.name': string length 1099511627776 runs past",
                 [](Bytes &b) { put<uint64_t>(b, typeOf(b, "aaaa.name") + 4, 1ull << 40); }),
        ggufCase("gguf numeric array count past EOF", "array of 1099511627776 int32 values runs past the end",
                 [](Bytes &b) { put<uint64_t>(b, typeOf(b, "aaaa.ints") + 8, 1ull << 40); }),
        ggufCase("gguf string array count past EOF", "array of 1099511627776 strings cannot fit",
                 [](Bytes &b) { put<uint64_t>(b, typeOf(b, "aaaa.list") + 8, 1ull << 40); }),
        ggufCase("gguf string array count not backed by data", "element of 'aaaa.list'",
                 [](Bytes &b) {
                     const size_t at = typeOf(b, "aaaa.list") + 8;
                     put<uint64_t>(b, at, (b.size() - at - 8) / 8);
                 }),
        ggufCase("gguf unknown value type", "metadata 'aaaa.one': unknown value type 77",
                 [](Bytes &b) { put<uint32_t>(b, typeOf(b, "aaaa.one"), 77); }),
        ggufCase("gguf unknown array element type", "metadata 'aaaa.ints': unknown array element type 42",
                 [](Bytes &b) { put<uint32_t>(b, typeOf(b, "aaaa.ints") + 4, 42); }),
        ggufCase("gguf nested array", "metadata 'aaaa.ints': nested arrays are not supported",
                 [](Bytes &b) { put<uint32_t>(b, typeOf(b, "aaaa.ints") + 4, 9); }),
        ggufCase("gguf bool neither 0 nor 1", "metadata 'aaaa.flag': bool value 7",
                 [](Bytes &b) { b[typeOf(b, "aaaa.flag") + 4] = 7; }),
        ggufCase("gguf duplicate key", "metadata key 'aaaa.one' appears twice",
                 [](Bytes &b) { std::memcpy(&b[findUnique(b, "aaaa.two")], "aaaa.one", 8); }),
        ggufCase("gguf alignment not a power of two", "general.alignment must be a power of two",
                 [](Bytes &b) { put<uint32_t>(b, typeOf(b, "general.alignment") + 4, 48); }),
        // Tensor descriptions
        ggufCase("gguf unknown tensor type", "tensor 'tensor.b': unknown tensor type 99",
                 [](Bytes &b) { put<uint32_t>(b, infoOf(b, "tensor.b") + 12, 99); }),
        ggufCase("gguf 5 dimensions", "tensor 'tensor.a': 5 dimensions",
                 [](Bytes &b) { put<uint32_t>(b, infoOf(b, "tensor.a"), 5); }),
        ggufCase("gguf 0 dimensions", "tensor 'tensor.a': 0 dimensions",
                 [](Bytes &b) { put<uint32_t>(b, infoOf(b, "tensor.a"), 0); }),
        ggufCase("gguf dimension 0", "tensor 'tensor.a': dimension 1 is 0",
                 [](Bytes &b) { put<uint64_t>(b, infoOf(b, "tensor.a") + 12, 0); }),
        ggufCase("gguf dimension product overflows", "tensor 'tensor.a': element count overflows",
                 [](Bytes &b) {
                     put<uint64_t>(b, infoOf(b, "tensor.a") + 4, 1ull << 40);
                     put<uint64_t>(b, infoOf(b, "tensor.a") + 12, 1ull << 40);
                 }),
        ggufCase("gguf row not whole blocks", "tensor 'tensor.c': row length 48 is not a multiple of the Q8_0 block",
                 [](Bytes &b) { put<uint64_t>(b, infoOf(b, "tensor.c") + 4, 48); }),
        ggufCase("gguf duplicate tensor name", "tensor 'tensor.a' appears twice",
                 [](Bytes &b) { b[findUnique(b, "tensor.b") + 7] = 'a'; }),
        // Offsets
        ggufCase("gguf offset past EOF", "tensor 'tensor.c' (68 bytes at offset 1048576) runs past the end",
                 [](Bytes &b) { put<uint64_t>(b, infoOf(b, "tensor.c") + 24, 1 << 20); }),
        ggufCase("gguf offset overflows", "tensor 'tensor.c' (68 bytes at offset 18446744073709551584) runs past",
                 [](Bytes &b) { put<uint64_t>(b, infoOf(b, "tensor.c") + 24, ~uint64_t{31}); }),
        ggufCase("gguf misaligned offset", "tensor 'tensor.b': offset 68 is not aligned to 32",
                 [](Bytes &b) { put<uint64_t>(b, infoOf(b, "tensor.b") + 16, 68); }),
        ggufCase("gguf overlapping tensors", "tensors 'tensor.a' and 'tensor.b' overlap",
                 [](Bytes &b) { put<uint64_t>(b, infoOf(b, "tensor.b") + 16, 32); }),
        // Truncation at several points
        ggufCase("gguf cut inside the magic", "not a GGUF file", [](Bytes &b) { b.resize(3); }),
        ggufCase("gguf cut inside the counts", "truncated file: tensor count runs past the end",
                 [](Bytes &b) { b.resize(12); }),
        ggufCase("gguf cut inside the metadata", "truncated file: value of 'aaaa.one' runs past the end",
                 [](Bytes &b) { b.resize(typeOf(b, "aaaa.one") + 6); }),
        ggufCase("gguf cut inside the tensor descriptions", "truncated file: tensor offset runs past the end",
                 [](Bytes &b) { b.resize(infoOf(b, "tensor.b") + 18); }),
        ggufCase("gguf cut inside the tensor data", "tensor 'tensor.c' (68 bytes at offset 96) runs past the end",
                 [](Bytes &b) { b.resize(b.size() - 40); }),

        // safetensors: header length
        safetensorsCase("safetensors shorter than the length field", "cannot hold the 8-byte header length",
                        [] { return Bytes{1, 2, 3}; }),
        safetensorsCase("safetensors header length past EOF", "header length 5000 runs past the end of the file",
                        [] {
                            Bytes b = safetensorsBytes(kValidHeader);
                            put<uint64_t>(b, 0, 5000);
                            return b;
                        }),
        safetensorsCase("safetensors header length huge", "header length 4611686018427387904 is over the 100 MB limit",
                        [] {
                            Bytes b = safetensorsBytes(kValidHeader);
                            put<uint64_t>(b, 0, 1ull << 62);
                            return b;
                        }),
        // JSON
        headerCase("safetensors malformed JSON", "malformed JSON header", kValidHeader.substr(0, 60)),
        headerCase("safetensors header not an object", "the JSON header is not an object", "[1,2]"),
        headerCase("safetensors invalid UTF-8", "malformed JSON header", replaced(kValidHeader, "alpha", "al\xff\xfe")),
        headerCase("safetensors deep nesting", "JSON header nests deeper than 8 levels",
                   std::string(1000, '[') + std::string(1000, ']')),
        headerCase("safetensors oversized array", "an array of more than 64 elements",
                   replaced(kValidHeader, "[2,2]", "[1" + [] {
                       std::string s;
                       for (int i = 0; i < 200; ++i) s += ",1";
                       return s;
                   }() + "]")),
        headerCase("safetensors duplicate tensor name", "tensor 'alpha' is listed twice",
                   replaced(kValidHeader, "\"beta\"", "\"alpha\"")),
        headerCase("safetensors duplicate field", "has the key 'dtype' twice",
                   replaced(kValidHeader, "\"dtype\":\"BF16\"", "\"dtype\":\"BF16\",\"dtype\":\"F32\"")),
        headerCase("safetensors metadata not strings", "__metadata__ 'format' is not a string",
                   replaced(kValidHeader, "\"pt\"", "7")),
        // Tensor entries
        headerCase("safetensors unknown dtype", "tensor 'beta': dtype Q9_X is not supported",
                   replaced(kValidHeader, "BF16", "Q9_X")),
        headerCase("safetensors unsupported dtype", "tensor 'beta': dtype I64 is not supported",
                   replaced(kValidHeader, "BF16", "I64")),
        headerCase("safetensors missing field", "tensor 'beta': \"data_offsets\" is missing",
                   replaced(kValidHeader, ",\"data_offsets\":[16,24]", "")),
        headerCase("safetensors negative dimension", "tensor 'alpha': shape [-2,2] has a dimension that is not",
                   replaced(kValidHeader, "[2,2]", "[-2,2]")),
        headerCase("safetensors shape overflows", "tensor 'alpha': shape [4294967296,4294967296,16] has an element count that overflows",
                   replaced(kValidHeader, "[2,2]", "[4294967296,4294967296,16]")),
        headerCase("safetensors wrong dtype size", "tensor 'alpha': data_offsets [0,16] hold 16 bytes but shape [2, 2] of F16 needs 8",
                   replaced(kValidHeader, "F32", "F16")),
        headerCase("safetensors offsets past EOF", "tensor 'beta': data_offsets [16,1000] run past the end of the file",
                   replaced(kValidHeader, "[16,24]", "[16,1000]")),
        headerCase("safetensors reversed offsets", "tensor 'beta': data_offsets [24,16] end before they begin",
                   replaced(kValidHeader, "[16,24]", "[24,16]")),
        headerCase("safetensors offsets not integers", "tensor 'beta': data_offsets [16.5,24] is not a pair",
                   replaced(kValidHeader, "[16,24]", "[16.5,24]")),
        headerCase("safetensors overlapping offsets", "tensors 'alpha' and 'beta' overlap",
                   replaced(replaced(kValidHeader, "[16,24]", "[8,16]"), "[2,2]", "[2,2]"), 24),
        headerCase("safetensors truncated data", "tensor 'beta': data_offsets [16,24] run past the end", kValidHeader,
                   20),

        // Hugging Face folders
        folderCase("folder index names a missing shard", "model-00002-of-00002.safetensors: shard named in",
                   R"({"weight_map":{"alpha":"model-00001-of-00002.safetensors","gamma":"model-00002-of-00002.safetensors"}})"),
        folderCase("folder index tensor not in its shard", "tensor 'zeta' is listed in shard model-00001-of-00002.safetensors",
                   R"({"weight_map":{"alpha":"model-00001-of-00002.safetensors","zeta":"model-00001-of-00002.safetensors"}})"),
        folderCase("folder tensor in two shards", "tensor 'alpha' is in two shards",
                   R"({"weight_map":{"alpha":"model-00001-of-00002.safetensors","beta":"model-00002-of-00002.safetensors"}})",
                   {{"model-00002-of-00002.safetensors", kValidHeader}}),
        folderCase("folder shard outside the folder", "is mapped to '../model-00001-of-00002.safetensors', which is not a file name",
                   R"({"weight_map":{"alpha":"../model-00001-of-00002.safetensors"}})"),
        folderCase("folder malformed index", "model.safetensors.index.json: malformed JSON",
                   R"({"weight_map":{"alpha":)"),
        folderCase("folder index without weight_map", "no \"weight_map\" object", R"({"metadata":{}})"),
        folderCase("folder hostile shard", "model-00002-of-00002.safetensors: tensor 'beta': dtype Q9_X is not supported",
                   R"({"weight_map":{"alpha":"model-00001-of-00002.safetensors","gamma":"model-00002-of-00002.safetensors"}})",
                   {{"model-00002-of-00002.safetensors", replaced(replaced(kValidHeader, "BF16", "Q9_X"), "alpha", "gamma")}}),
    };
    return cases;
}

// The file size, with a fixed allowance for messages, paths and stream buffers.
uint64_t allocationLimit(uint64_t fileBytes) { return std::max<uint64_t>(fileBytes, 16 * 1024); }

uint64_t bytesOnDisk(const std::string &path) {
    if (!fs::is_directory(path)) return fs::file_size(path);
    uint64_t total = 0;
    for (const auto &entry : fs::directory_iterator(path)) total += entry.file_size();
    return total;
}

void open(Opener opener, const std::string &path) {
    switch (opener) {
    case Opener::Gguf: qd::gguf::File{path}; break;
    case Opener::Safetensors: qd::safetensors::File{path}; break;
    case Opener::Folder: qd::safetensors::Folder{path}; break;
    }
}

}  // namespace

class TestHostileFiles : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    Bytes gguf_;       // with the 1 MB string, for the table
    Bytes smallGguf_;  // without it, for cutting at every byte
    std::vector<Case> cases_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        gguf_ = validGguf(dir_.filePath("valid.gguf").toStdString(), 1 << 20);
        smallGguf_ = validGguf(dir_.filePath("small.gguf").toStdString(), 0);
        cases_ = hostileCases();
    }

    // The replaced operator new sees the engine's allocations (also under AddressSanitizer).
    void allocationHookIsActive() {
        gLargestAllocation = 0;
        const std::string path = dir_.filePath("valid.gguf").toStdString();
        const qd::gguf::File g(path);
        QVERIFY(gLargestAllocation >= sizeof(qd::gguf::TensorInfo));
    }

    // The starting points are valid, so each variant fails for its own mutation only.
    void startingFilesAreValid() {
        const std::string d = dir_.path().toStdString();
        const qd::gguf::File g(d + "/valid.gguf");
        QCOMPARE(g.tensors().size(), size_t{3});
        QCOMPARE(g.findTensor("tensor.c")->offset, uint64_t{96});
        writeAll(d + "/valid.safetensors", safetensorsBytes(kValidHeader));
        const qd::safetensors::File s(d + "/valid.safetensors");
        QCOMPARE(s.tensors().size(), size_t{2});
        fs::create_directory(d + "/valid-folder");
        writeAll(d + "/valid-folder/a.safetensors", safetensorsBytes(kValidHeader));
        writeAll(d + "/valid-folder/b.safetensors",
                 safetensorsBytes(replaced(replaced(kValidHeader, "alpha", "gamma"), "beta", "delta")));
        writeText(d + "/valid-folder/model.safetensors.index.json",
                  R"({"weight_map":{"alpha":"a.safetensors","beta":"a.safetensors","gamma":"b.safetensors"}})");
        const qd::safetensors::Folder f(d + "/valid-folder");
        QCOMPARE(f.tensors().size(), size_t{4});
    }

    void rejects_data() {
        QTest::addColumn<int>("index");
        QVERIFY(hostileCases().size() >= 20);
        const auto all = hostileCases();
        for (size_t i = 0; i < all.size(); ++i) QTest::newRow(all[i].name.c_str()) << static_cast<int>(i);
    }

    void rejects() {
        QFETCH(int, index);
        const Case &c = cases_[static_cast<size_t>(index)];
        const std::string caseDir = dir_.filePath(QString::number(index)).toStdString();
        fs::create_directory(caseDir);
        const std::string path = c.make(caseDir, gguf_);
        const uint64_t fileBytes = bytesOnDisk(path);

        std::string message;
        gLargestAllocation = 0;
        try {
            open(c.opener, path);
        } catch (const qd::Error &e) {
            message = e.what();
        }
        const size_t largest = gLargestAllocation;
        QVERIFY2(!message.empty(), "accepted");
        QVERIFY2(message.find(c.expected) != std::string::npos, message.c_str());
        // Folder errors name the folder or the file inside it.
        QVERIFY2(message.starts_with(caseDir), message.c_str());
        QVERIFY2(largest <= allocationLimit(fileBytes),
                 qPrintable(QStringLiteral("allocated %1 bytes for a %2-byte file").arg(largest).arg(fileBytes)));
    }

    // Every prefix of the valid files is rejected cleanly, never read past its end.
    void rejectsEveryTruncation() {
        const std::string d = dir_.path().toStdString();
        const std::vector<std::pair<Opener, Bytes>> files = {{Opener::Gguf, smallGguf_},
                                                             {Opener::Safetensors, safetensorsBytes(kValidHeader)}};
        for (const auto &[opener, full] : files) {
            const std::string path = d + "/cut";
            // Cutting only the writer's zero padding after the last tensor leaves a valid file.
            size_t contentEnd = full.size();
            while (full[contentEnd - 1] == 0) --contentEnd;
            for (size_t size = 0; size < contentEnd; ++size) {
                writeAll(path, Bytes(full.begin(), full.begin() + static_cast<ptrdiff_t>(size)));
                gLargestAllocation = 0;
                bool rejected = false;
                try {
                    open(opener, path);
                } catch (const qd::Error &) {
                    rejected = true;
                }
                QVERIFY2(rejected, qPrintable(QStringLiteral("a cut at %1 bytes was accepted").arg(size)));
                QVERIFY(gLargestAllocation <= allocationLimit(size));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHostileFiles)
#include "test_hostile_files.moc"
