// The row-group layout of Q4_0 and Q8_0 matrices (row_groups.h): packing keeps every byte, the
// layout is the documented one, and every matmul path gives with it what it gives with rows.
#include "kernel_reference.h"
#include "kernel_test_data.h"
#include "kernels/decode_batch.h"
#include "kernels/matmul.h"
#include "kernels/quantize_activations.h"
#include "kernels/row_groups.h"
#include "product_reference.h"
#include "util/error.h"
#include "util/thread_pool.h"

#include <QtTest>

#include <cstring>
#include <random>

using namespace qd;
using namespace qd::testref;

namespace {

std::vector<uint8_t> packed(TensorType type, int64_t rows, int64_t cols, const std::vector<uint8_t> &data) {
    std::vector<uint8_t> groups(data.size());
    packRowGroups(type, rows, cols, data.data(), groups.data());
    return groups;
}

}  // namespace

class TestRowGroups : public QObject {
    Q_OBJECT

private slots:
    void unpackingRestoresEveryRow_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("cols");
        for (TensorType t : {TensorType::Q4_0, TensorType::Q8_0})
            for (int cols : {64, 448, 1536})
                QTest::addRow("%s/c%d", tensorTypeName(t).data(), cols) << static_cast<int>(t) << cols;
    }

    void unpackingRestoresEveryRow() {
        QFETCH(int, type);
        QFETCH(int, cols);
        const auto t = static_cast<TensorType>(type);
        constexpr int rows = 48;
        std::mt19937 rng(static_cast<unsigned>(type + cols));
        const auto data = testdata::randomRows(t, rows, cols, rng);
        const auto groups = packed(t, rows, cols, data);
        QCOMPARE(groups.size(), data.size());
        const WeightView w{t, rows, cols, groups.data(), WeightLayout::RowGroups};
        const uint64_t stride = *rowBytes(t, static_cast<uint64_t>(cols));
        std::vector<uint8_t> scratch;
        for (int r = 0; r < rows; ++r)
            QVERIFY2(std::memcmp(rowInRowsLayout(w, r, scratch), data.data() + stride * r, stride) == 0,
                     qPrintable(QString("row %1").arg(r)));
        for (int g = 0; g < rows / kRowGroupRows; ++g) {
            const WeightView group = rowGroupInRowsLayout(w, g, scratch);
            QCOMPARE(group.rows, kRowGroupRows);
            QCOMPARE(group.layout, WeightLayout::Rows);
            QVERIFY(std::memcmp(group.data, data.data() + stride * kRowGroupRows * g, stride * kRowGroupRows) == 0);
        }
    }

    // The bytes are where row_groups.h says: block pairs of [32 scales][2 x value vectors], lane r
    // of vector j holding row r's values 4j..4j+3 (Q8_0, plus 128) or qs bytes 4j..4j+3 (Q4_0).
    void layoutIsTheDocumentedOne_data() {
        QTest::addColumn<int>("type");
        QTest::newRow("Q4_0") << static_cast<int>(TensorType::Q4_0);
        QTest::newRow("Q8_0") << static_cast<int>(TensorType::Q8_0);
    }

    void layoutIsTheDocumentedOne() {
        QFETCH(int, type);
        const auto t = static_cast<TensorType>(type);
        constexpr int rows = 16, cols = 128;  // 4 blocks: two pairs
        std::mt19937 rng(3);
        const auto data = testdata::randomRows(t, rows, cols, rng);
        const auto group = packed(t, rows, cols, data);
        const bool q8 = t == TensorType::Q8_0;
        const int blockBytes = q8 ? 34 : 18, vectors = q8 ? 8 : 4, pairBytes = 64 + 2 * 64 * vectors;
        for (int b = 0; b < cols / 32; ++b)
            for (int r = 0; r < rows; ++r) {
                const uint8_t *block = data.data() + (r * (cols / 32) + b) * blockBytes;
                const uint8_t *scales = group.data() + (b / 2) * pairBytes + (b % 2) * 32;
                QCOMPARE(readU16(scales + 2 * r), readU16(block));
                const uint8_t *values = group.data() + (b / 2) * pairBytes + 64 + (b % 2) * 64 * vectors;
                for (int j = 0; j < vectors; ++j)
                    for (int i = 0; i < 4; ++i) {
                        const uint8_t stored = values[64 * j + 4 * r + i];
                        const uint8_t expected = q8 ? static_cast<uint8_t>(block[2 + 4 * j + i] + 128) : block[2 + 4 * j + i];
                        QCOMPARE(stored, expected);
                    }
            }
    }

    // Every path of matmul with the matrix in row groups. The exact kernels read rows unpacked
    // from the groups, so they must give bit for bit what the Rows layout gives; the row-group
    // kernel (Fast, AVX-512 VNNI) is checked against the double product of the 8-bit activations
    // it multiplies, and any batch of up to kMaxDecodeBatch tokens, through AMX tiles or not, bit
    // for bit against the same tokens one at a time.
    void everyPathComputesWithRowGroups_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("simd");
        QTest::addColumn<bool>("fast");
        QTest::addColumn<bool>("amx");
        QTest::addColumn<int>("tokens");
        for (TensorType t : {TensorType::Q4_0, TensorType::Q8_0})
            for (SimdLevel s : {SimdLevel::Scalar, SimdLevel::Avx2, SimdLevel::Avx512})
                for (bool fast : {false, true})
                    for (bool amx : {false, true})
                        for (int tokens : {1, 2, 5, 12, 13, 40}) {
                            if (amx && (s != SimdLevel::Avx512 || !fast)) continue;  // only Fast at Avx512 uses AMX
                            QTest::addRow("%s/%s/%s/%s/t%d", tensorTypeName(t).data(), simdLevelName(s).data(),
                                          fast ? "fast" : "exact", amx ? "amx" : "no-amx", tokens)
                                << static_cast<int>(t) << static_cast<int>(s) << fast << amx << tokens;
                        }
    }

    void everyPathComputesWithRowGroups() {
        QFETCH(int, type);
        QFETCH(int, simd);
        QFETCH(bool, fast);
        QFETCH(bool, amx);
        QFETCH(int, tokens);
        const auto t = static_cast<TensorType>(type);
        const auto level = static_cast<SimdLevel>(simd);
        if (!simdLevelSupported(level)) QSKIP("this CPU lacks the instruction set");
        constexpr int rows = 80, cols = 320;  // 5 groups: the threads' shares end inside no group
        std::mt19937 rng(static_cast<unsigned>(type * 100 + simd * 10 + tokens));
        const auto data = testdata::randomRows(t, rows, cols, rng);
        const auto groups = packed(t, rows, cols, data);
        const auto x = testdata::randomFloats(int64_t{tokens} * cols, rng);
        const MatmulOptions options{level, fast ? ActivationPrecision::Fast : ActivationPrecision::Exact, amx};
        ThreadPool pool(3);
        std::vector<float> withGroups(static_cast<size_t>(tokens * rows), NAN), withRows(withGroups.size(), NAN);
        matmul(WeightView{t, rows, cols, groups.data(), WeightLayout::RowGroups}, x.data(), tokens, withGroups.data(),
               pool, options);
        const bool rowGroupKernel = fast && level == SimdLevel::Avx512 && cpuHasAvx512Vnni() && tokens <= kMaxDecodeBatch;
        if (!rowGroupKernel) {
            matmul(WeightView{t, rows, cols, data.data()}, x.data(), tokens, withRows.data(), pool, options);
            QVERIFY(std::memcmp(withGroups.data(), withRows.data(), withRows.size() * sizeof(float)) == 0);
            return;
        }
        const QString difference = differenceFromDoubleProduct(withGroups, decodedRows(t, data, rows, cols),
                                                               quantizedInputRows(x, tokens, cols), 2e-5);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        for (int k = 0; k < tokens; ++k) {
            std::vector<float> single(static_cast<size_t>(rows), NAN);
            matmul(WeightView{t, rows, cols, groups.data(), WeightLayout::RowGroups}, x.data() + k * cols, 1,
                   single.data(), pool, options);
            QVERIFY2(std::memcmp(single.data(), withGroups.data() + k * rows, single.size() * sizeof(float)) == 0,
                     qPrintable(QString("token %1 differs from computing it alone").arg(k)));
        }
    }

    // Several row-group matrices over one input, fused into one pass, give what separate calls give.
    void sameInputEqualsSeparateProducts() {
        constexpr int cols = 256;
        const int rowCounts[] = {48, 16, 64};
        const TensorType types[] = {TensorType::Q4_0, TensorType::Q8_0, TensorType::Q4_0};
        ThreadPool pool(3);
        for (int tokens : {1, 4, 9}) {
            std::mt19937 rng(static_cast<unsigned>(tokens));
            const auto x = testdata::randomFloats(int64_t{tokens} * cols, rng);
            const MatmulOptions options{bestSimdLevel(), ActivationPrecision::Fast};
            std::vector<std::vector<uint8_t>> groups;
            std::vector<std::vector<float>> joint, separate;
            std::vector<MatmulTarget> targets;
            for (int i = 0; i < 3; ++i) {
                groups.push_back(packed(types[i], rowCounts[i], cols, testdata::randomRows(types[i], rowCounts[i], cols, rng)));
                joint.emplace_back(static_cast<size_t>(tokens * rowCounts[i]), NAN);
                separate.emplace_back(joint.back().size(), NAN);
            }
            for (int i = 0; i < 3; ++i) {
                const WeightView w{types[i], rowCounts[i], cols, groups[i].data(), WeightLayout::RowGroups};
                matmul(w, x.data(), tokens, separate[i].data(), pool, options);
                targets.push_back({w, joint[i].data()});
            }
            matmulSameInput(targets, x.data(), tokens, pool, options);
            for (int i = 0; i < 3; ++i)
                QVERIFY2(std::memcmp(joint[i].data(), separate[i].data(), joint[i].size() * sizeof(float)) == 0,
                         qPrintable(QString("%1 tokens: matrix %2 differs").arg(tokens).arg(i)));
        }
    }

    void rejectsShapesWithoutWholeGroups() {
        QVERIFY(rowGroupsSupported(TensorType::Q4_0, 32, 64));
        QVERIFY(!rowGroupsSupported(TensorType::Q4_0, 24, 64));  // not whole groups of rows
        QVERIFY(!rowGroupsSupported(TensorType::Q8_0, 16, 96));  // an odd number of blocks
        QVERIFY(!rowGroupsSupported(TensorType::Q4_K, 16, 256));
        ThreadPool pool(2);
        std::vector<uint8_t> w(4096);
        std::vector<float> x(512), y(512);
        QVERIFY_THROWS_EXCEPTION(Error, matmul(WeightView{TensorType::Q4_0, 24, 64, w.data(), WeightLayout::RowGroups},
                                               x.data(), 1, y.data(), pool));
    }
};

QTEST_APPLESS_MAIN(TestRowGroups)
#include "test_row_groups.moc"
