// Loading-time quantization reproduces llama-quantize's Q8_0 and Q4_0 files byte for byte from the
// unquantized weights (tests/data/synthetic/quant).
#include "formats/gguf.h"
#include "kernels/quantize.h"

#include <QtTest>

#include <cstring>
#include <vector>

using namespace qd;

class TestQuantizeGguf : public QObject {
    Q_OBJECT

private slots:
    void reproducesQuantizedFile_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("type");
        QTest::newRow("q8_0") << "quant-q8_0.gguf" << static_cast<int>(TensorType::Q8_0);
        QTest::newRow("q4_0") << "quant-q4_0.gguf" << static_cast<int>(TensorType::Q4_0);
    }

    void reproducesQuantizedFile() {
        QFETCH(QString, file);
        QFETCH(int, type);
        const std::string dir = QD_TEST_DATA_DIR "/synthetic/quant/";
        const gguf::File source(dir + "quant-f32.gguf");
        const gguf::File quantized(dir + file.toStdString());
        QCOMPARE(quantized.tensors().size(), source.tensors().size());

        int matrices = 0;
        for (const auto &q : quantized.tensors()) {
            const gguf::TensorInfo *f = source.findTensor(q.name);
            QVERIFY2(f, q.name.c_str());
            QCOMPARE(f->type, TensorType::F32);
            QCOMPARE(f->dims, q.dims);
            if (q.dims.size() == 1) {  // norms and biases stay F32
                QCOMPARE(q.type, TensorType::F32);
                continue;
            }
            QCOMPARE(static_cast<int>(q.type), type);
            ++matrices;
            const auto in = source.tensorData(*f);
            const auto want = quantized.tensorData(q);
            const int64_t cols = static_cast<int64_t>(q.dims[0]);
            const int64_t rows = static_cast<int64_t>(q.elements()) / cols;
            const uint64_t rowSize = *rowBytes(q.type, static_cast<uint64_t>(cols));
            QCOMPARE(want.size(), rowSize * static_cast<uint64_t>(rows));
            std::vector<float> row(static_cast<size_t>(cols));
            std::vector<uint8_t> got(rowSize);
            for (int64_t r = 0; r < rows; ++r) {
                std::memcpy(row.data(), in.data() + r * cols * 4, static_cast<size_t>(cols) * 4);
                quantizeRow(q.type, row.data(), got.data(), cols);
                if (std::memcmp(got.data(), want.data() + r * rowSize, rowSize) != 0)
                    QFAIL(qPrintable(QString("%1 row %2 differs").arg(q.name.c_str()).arg(r)));
            }
        }
        QCOMPARE(matrices, 15);  // token_embd + 7 matrices in each of 2 layers
    }
};

QTEST_APPLESS_MAIN(TestQuantizeGguf)
#include "test_quantize_gguf.moc"
