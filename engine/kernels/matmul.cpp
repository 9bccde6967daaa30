#include "kernels/matmul.h"

#include "kernels/blas_threads.h"
#include "kernels/decode_batch.h"
#include "kernels/dequantize.h"
#include "kernels/dequantize_simd.h"
#include "kernels/gemm_amx.h"
#include "kernels/matvec.h"
#include "kernels/matvec_fast.h"
#include "kernels/matvec_row_groups.h"
#include "kernels/quantize_activations.h"
#include "kernels/row_groups.h"
#include "util/error.h"
#include "util/thread_pool.h"

#include <cblas.h>

#include <algorithm>
#include <string>
#include <vector>

namespace qd {

namespace {

using MatvecRows = void (*)(const WeightView &, const float *, float *, int64_t, int64_t);
using DequantizeRow = void (*)(TensorType, const uint8_t *, float *, int64_t);

struct Kernels {
    MatvecRows matvec;
    DequantizeRow dequantize;  // for the sgemm tiles
};

Kernels kernelsFor(SimdLevel level) {
    if (!simdLevelSupported(level))
        throw Error("matmul: this CPU does not support the " + std::string(simdLevelName(level)) + " kernels");
    switch (level) {
    case SimdLevel::Avx512: return {detail::matvecRowsAvx512, detail::dequantizeRowAvx512};
    case SimdLevel::Avx2: return {detail::matvecRowsAvx2, dequantizeRow};
    case SimdLevel::Scalar: break;
    }
    return {detail::matvecRowsScalar, dequantizeRow};
}

// Rows of one dequantized tile: as many as there are tokens (at least 16, at most 4 MB of f32).
// Every sgemm call packs all of x again, so with many tokens tiles must be large (512 tokens x
// 1536x1536 took 24 ms on one core with 256 KB tiles, 15 ms with 3 MB ones), while with few tokens
// a tile that stays in cache is faster (4 tokens: 0.34 ms with 16-row tiles, 1.5 ms with 4 MB).
int64_t tileRows(int64_t tokens, int64_t cols) {
    constexpr int64_t kMaxTileBytes = 4 * 1024 * 1024;
    return std::max<int64_t>(16, std::min(tokens, kMaxTileBytes / (cols * 4)));
}

void gemmTiles(const WeightView &w, const float *x, int64_t tokens, float *y, ThreadPool &pool,
               DequantizeRow dequantize) {
    useSingleThreadedBlas();
    const int64_t stride = static_cast<int64_t>(*rowBytes(w.type, static_cast<uint64_t>(w.cols)));
    // Rows are split evenly across the threads first, then each thread walks its rows in tiles, so
    // the threads' shares stay equal whatever the tile size.
    pool.parallelFor(0, w.rows, [&](int64_t rowBegin, int64_t rowEnd) {
        thread_local std::vector<float> buffer;
        thread_local std::vector<uint8_t> rowScratch;
        // f32 weights need no conversion: the thread's whole share is one sgemm.
        const int64_t step = w.type == TensorType::F32 ? rowEnd - rowBegin : tileRows(tokens, w.cols);
        // (Row groups are Q4_0 or Q8_0, never F32.)
        for (int64_t r0 = rowBegin; r0 < rowEnd; r0 += step) {
            const int64_t n = std::min(step, rowEnd - r0);
            const float *tile;
            if (w.type == TensorType::F32) {
                tile = reinterpret_cast<const float *>(w.data + r0 * stride);
            } else {
                buffer.resize(static_cast<size_t>(n * w.cols));
                for (int64_t r = 0; r < n; ++r)
                    dequantize(w.type, rowInRowsLayout(w, r0 + r, rowScratch), buffer.data() + r * w.cols, w.cols);
                tile = buffer.data();
            }
            // Y[:, r0:r0+n] = X * tile^T, written into the full-width rows of y.
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<blasint>(tokens),
                        static_cast<blasint>(n), static_cast<blasint>(w.cols), 1.0f, x,
                        static_cast<blasint>(w.cols), tile, static_cast<blasint>(w.cols), 0.0f, y + r0,
                        static_cast<blasint>(w.rows));
        }
    });
}

// Up to kMaxDecodeBatch tokens (decode_batch.h) every path below computes each token as it would
// alone, so speculative verification matches decoding. It is also where the register kernels win:
// CPU time for 1536x1536 on 2 threads (bench_kernels), 8 tokens Q4_0 955 us vs 1277 us with
// sgemm, Q8_0 823 vs 1498; at 16 tokens they are even. The Q4_K, Q6_K, BF16 and float kernels
// also convert each weight once for all the tokens (Q4_K, 8 tokens: 186-191 us real time, against
// 315-327 when each token unpacked the blocks again).

// Runs kernel(rows, firstRow, token) for every token over groups of kRowGroupRows rows, so a
// group's weights stay in cache while each token passes over them. `rows` is the group in the
// Rows layout (unpacked from row groups when w has them), whose row i is row firstRow + i of w.
template <typename GroupKernel>
void perTokenInRowGroups(const WeightView &w, int64_t tokens, ThreadPool &pool, const GroupKernel &kernel) {
    pool.parallelFor(0, (w.rows + kRowGroupRows - 1) / kRowGroupRows, [&](int64_t g0, int64_t g1) {
        thread_local std::vector<uint8_t> scratch;
        for (int64_t g = g0; g < g1; ++g) {
            const WeightView rows = rowGroupInRowsLayout(w, g, scratch);
            for (int64_t t = 0; t < tokens; ++t) kernel(rows, g * kRowGroupRows, t);
        }
    });
}

// Each token's input quantized once for the integer dot-product kernels, several tokens split
// across the pool. The buffers belong to the calling thread; the pool's threads read them through
// the returned pointers while the call lasts.
const QuantizedActivations *const *quantizedInputs(const float *x, int64_t tokens, int64_t cols, ThreadPool &pool) {
    thread_local std::vector<QuantizedActivations> quantizedBuffer;
    thread_local std::vector<const QuantizedActivations *> inputsBuffer;
    // References, so the pool's threads reach this thread's buffers rather than their own.
    std::vector<QuantizedActivations> &quantized = quantizedBuffer;
    std::vector<const QuantizedActivations *> &inputs = inputsBuffer;
    quantized.resize(static_cast<size_t>(tokens));
    inputs.resize(static_cast<size_t>(tokens));
    auto quantize = [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) {
            quantizeActivationsQ8(x + t * cols, cols, quantized[static_cast<size_t>(t)]);
            inputs[static_cast<size_t>(t)] = &quantized[static_cast<size_t>(t)];
        }
    };
    pool.parallelFor(0, tokens, quantize);  // one token runs inline
    return inputs.data();
}

// ActivationPrecision::Fast at the Avx2 level: Q8_0 and Q4_0 (the AVX-512 kernels cover the
// other types).
bool fastMatvecAvx2(const WeightView &w, const float *x, int64_t tokens, float *y, ThreadPool &pool) {
    if (w.type != TensorType::Q8_0 && w.type != TensorType::Q4_0) return false;
    const auto *inputs = quantizedInputs(x, tokens, w.cols, pool);
    perTokenInRowGroups(w, tokens, pool, [&](const WeightView &rows, int64_t first, int64_t t) {
        detail::matvecRowsQ8Avx2(rows, *inputs[t], y + t * w.rows + first, 0, rows.rows);
    });
    return true;
}

// The AVX-512 VNNI kernels under ActivationPrecision::Fast: the row-group kernel for matrices in
// row groups, the row kernel for Q8_0, Q4_0, Q4_K and Q6_K rows.
enum class VnniKernel { None, Rows, RowGroups };

VnniKernel vnniKernelFor(const WeightView &w, int64_t tokens, const MatmulOptions &options) {
    if (options.activations != ActivationPrecision::Fast || options.simd != SimdLevel::Avx512 ||
        tokens > kMaxDecodeBatch || !cpuHasAvx512Vnni())
        return VnniKernel::None;
    if (w.layout == WeightLayout::RowGroups) return VnniKernel::RowGroups;
    const bool rowTypes = w.type == TensorType::Q8_0 || w.type == TensorType::Q4_0 || w.type == TensorType::Q4_K ||
                          w.type == TensorType::Q6_K;
    return rowTypes ? VnniKernel::Rows : VnniKernel::None;
}

// The tokens' 8-bit activations back to back, as the AMX tiles load them. Per calling thread, like
// quantizedInputs.
const int8_t *packedQuantizedInputs(const QuantizedActivations *const *inputs, int64_t tokens, int64_t cols) {
    thread_local std::vector<int8_t> packed;
    packed.resize(static_cast<size_t>(tokens * cols));
    for (int64_t t = 0; t < tokens; ++t) std::copy_n(inputs[t]->q.data(), cols, packed.data() + t * cols);
    return packed.data();
}

// Several matrices' units (rows or row groups) as one range split across the pool, so each
// thread's share may span several matrices: run(i, begin, end) gets matrix i's part of a share,
// counted in that matrix's own units.
template <typename UnitsOf, typename Run>
void acrossMatrices(size_t count, const UnitsOf &unitsOf, ThreadPool &pool, const Run &run) {
    int64_t total = 0;
    for (size_t i = 0; i < count; ++i) total += unitsOf(i);
    pool.parallelFor(0, total, [&](int64_t u0, int64_t u1) {
        int64_t first = 0;  // matrix i's first unit in the joint range
        for (size_t i = 0; i < count; ++i) {
            const int64_t units = unitsOf(i);
            const int64_t begin = std::max(u0, first), end = std::min(u1, first + units);
            if (begin < end) run(i, begin - first, end - first);
            first += units;
        }
    });
}

// Row-group matrices that all read the same input, in one parallel pass over all their groups:
// the VNNI decode kernel for one token, AMX tiles (where the CPU has them and options allow) or
// the VNNI kernel for a batch; both give each token exactly what it gives alone.
void rowGroupProducts(std::span<const MatmulTarget> targets, const float *x, int64_t tokens, ThreadPool &pool,
                      const MatmulOptions &options) {
    const int64_t cols = targets.front().w.cols;
    const auto *inputs = quantizedInputs(x, tokens, cols, pool);
    const bool amx = tokens > 1 && options.amx && cpuHasAmxInt8();
    const int8_t *packed = amx ? packedQuantizedInputs(inputs, tokens, cols) : nullptr;
    acrossMatrices(
        targets.size(), [&](size_t i) { return targets[i].w.rows / kRowGroupRows; }, pool,
        [&](size_t i, int64_t begin, int64_t end) {
            const MatmulTarget &t = targets[i];
            if (amx)
                detail::matvecRowGroupsAmx(t.w, inputs, packed, tokens, t.y, begin, end);
            else
                detail::matvecRowGroupsVnni512(t.w, inputs, tokens, t.y, begin, end);
        });
}

// The decode path of ActivationPrecision::Fast, when this weight type, token count and CPU have
// one: converts each token's input once and runs the dot-product kernel over all of them. Returns
// false to fall back to the exact paths.
bool fastMatvec(const WeightView &w, const float *x, int64_t tokens, float *y, ThreadPool &pool,
                const MatmulOptions &options) {
    if (options.activations != ActivationPrecision::Fast || tokens > kMaxDecodeBatch) return false;
    if (options.simd == SimdLevel::Avx2) return fastMatvecAvx2(w, x, tokens, y, pool);
    const VnniKernel vnni = vnniKernelFor(w, tokens, options);
    if (vnni == VnniKernel::RowGroups) {
        const MatmulTarget target{w, y};
        rowGroupProducts({&target, 1}, x, tokens, pool, options);
        return true;
    }
    if (vnni == VnniKernel::Rows) {
        const auto *inputs = quantizedInputs(x, tokens, w.cols, pool);
        pool.parallelFor(0, w.rows, [&](int64_t r0, int64_t r1) {
            detail::matvecRowsQ8Vnni512(w, inputs, tokens, y, r0, r1);
        });
        return true;
    }
    if (options.simd != SimdLevel::Avx512 || w.type != TensorType::BF16 || !cpuHasAvx512Bf16()) return false;
    // Per calling thread; the pool's threads reach it through this reference.
    thread_local std::vector<uint16_t> roundedBuffer;
    std::vector<uint16_t> &rounded = roundedBuffer;
    roundActivationsBf16(x, tokens * w.cols, rounded);
    pool.parallelFor(0, w.rows, [&](int64_t r0, int64_t r1) {
        detail::matvecRowsBf16Dot512(w, rounded.data(), tokens, y, r0, r1);
    });
    return true;
}

// Prompts on CPUs with AMX under ActivationPrecision::Fast: bf16 tiles (gemm_amx.h). The
// activations are packed once, split by tokens across the pool, then each thread multiplies its
// share of weight rows, in panels of 32, with all of them.
bool amxGemm(const WeightView &w, const float *x, int64_t tokens, float *y, ThreadPool &pool,
             const MatmulOptions &options) {
    if (options.activations != ActivationPrecision::Fast || options.simd != SimdLevel::Avx512 || !options.amx ||
        w.cols % detail::kAmxTileDepth != 0 || !cpuHasAmxBf16())
        return false;
    thread_local std::vector<uint16_t> packedBuffer;
    std::vector<uint16_t> &packed = packedBuffer;
    packed.assign(static_cast<size_t>(detail::packedActivationsSize(tokens, w.cols)), 0);
    pool.parallelFor(0, tokens, [&](int64_t t0, int64_t t1) { detail::packActivationsAmx(x, w.cols, t0, t1, packed.data()); });
    constexpr int64_t kPanel = 2 * detail::kAmxTileRows;
    pool.parallelFor(0, (w.rows + kPanel - 1) / kPanel, [&](int64_t p0, int64_t p1) {
        detail::gemmRowsAmx(w, packed.data(), tokens, y, p0 * kPanel, std::min(w.rows, p1 * kPanel));
    });
    return true;
}

void checkShape(const WeightView &w, int64_t tokens) {
    checkRowShape(w.type, w.cols, "matmul");
    if (w.layout == WeightLayout::RowGroups && !rowGroupsSupported(w.type, w.rows, w.cols))
        throw Error("matmul: a " + std::string(tensorTypeName(w.type)) + " matrix of " + std::to_string(w.rows) +
                    " rows cannot be in row groups");
    if (w.rows < 0 || tokens < 0)
        throw Error("matmul: negative size (" + std::to_string(w.rows) + " rows, " + std::to_string(tokens) +
                    " tokens)");
}

}  // namespace

void matmulSameInput(std::span<const MatmulTarget> targets, const float *x, int64_t tokens, ThreadPool &pool,
                     const MatmulOptions &options) {
    const auto allTake = [&](VnniKernel kernel) {
        return std::all_of(targets.begin(), targets.end(), [&](const MatmulTarget &t) {
            return t.w.cols == targets.front().w.cols && vnniKernelFor(t.w, tokens, options) == kernel;
        });
    };
    const bool rowGroups = allTake(VnniKernel::RowGroups), rows = !rowGroups && allTake(VnniKernel::Rows);
    if ((!rowGroups && !rows) || targets.empty() || tokens == 0 || targets.front().w.cols == 0) {
        for (const MatmulTarget &t : targets) matmul(t.w, x, tokens, t.y, pool, options);
        return;
    }
    for (const MatmulTarget &t : targets) checkShape(t.w, tokens);
    if (rowGroups) return rowGroupProducts(targets, x, tokens, pool, options);
    const auto *inputs = quantizedInputs(x, tokens, targets.front().w.cols, pool);
    acrossMatrices(
        targets.size(), [&](size_t i) { return targets[i].w.rows; }, pool,
        [&](size_t i, int64_t begin, int64_t end) {
            detail::matvecRowsQ8Vnni512(targets[i].w, inputs, tokens, targets[i].y, begin, end);
        });
}

void matmul(const WeightView &w, const float *x, int64_t tokens, float *y, ThreadPool &pool,
            const MatmulOptions &options) {
    checkShape(w, tokens);
    const Kernels kernels = kernelsFor(options.simd);
    if (w.rows == 0 || tokens == 0) return;
    if (w.cols == 0) {
        std::fill(y, y + tokens * w.rows, 0.0f);
        return;
    }
    if (fastMatvec(w, x, tokens, y, pool, options)) return;
    if (tokens > kMaxDecodeBatch) {
        if (amxGemm(w, x, tokens, y, pool, options)) return;
        gemmTiles(w, x, tokens, y, pool, kernels.dequantize);
        return;
    }
    if (tokens == 1 && w.layout == WeightLayout::Rows) {
        pool.parallelFor(0, w.rows, [&](int64_t r0, int64_t r1) { kernels.matvec(w, x, y, r0, r1); });
        return;
    }
    const bool floatType = w.type == TensorType::F32 || w.type == TensorType::F16 || w.type == TensorType::BF16;
    if (floatType && options.simd == SimdLevel::Avx512) {
        pool.parallelFor(0, w.rows,
                         [&](int64_t r0, int64_t r1) { detail::matvecFloatRowsAvx512(w, x, tokens, y, r0, r1); });
        return;
    }
    perTokenInRowGroups(w, tokens, pool, [&](const WeightView &rows, int64_t first, int64_t t) {
        kernels.matvec(rows, x + t * w.cols, y + t * w.rows + first, 0, rows.rows);
    });
}

}  // namespace qd
