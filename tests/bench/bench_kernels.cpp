// Matrix-vector (decode) bandwidth and matrix-matrix (prompt) throughput of the kernels, attention
// and the MLP gate, at the shapes of Qwen2.5-1.5B (hidden 1536, FFN 8960), on a pool of one thread
// per core.
#include "kernels/attention.h"
#include "kernels/decode_attention.h"
#include "kernels/matmul.h"
#include "kernels/quantize.h"
#include "kernels/row_groups.h"
#include "kernels/swiglu.h"
#include "util/huge_page_buffer.h"
#include "util/thread_pool.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <random>
#include <vector>

using namespace qd;

namespace {

const TensorType kTypes[] = {TensorType::F32, TensorType::F16, TensorType::BF16, TensorType::Q8_0,
                             TensorType::Q4_0, TensorType::Q4_K, TensorType::Q6_K};

// Random weights: quantized from normal values where the engine has a quantizer, random bytes
// with a small f16 scale otherwise (the kernels' speed does not depend on the values).
std::vector<uint8_t> makeWeights(TensorType type, int64_t rows, int64_t cols) {
    std::mt19937 rng(1);
    const uint64_t stride = *rowBytes(type, static_cast<uint64_t>(cols));
    std::vector<uint8_t> data(stride * static_cast<uint64_t>(rows));
    if (type == TensorType::Q4_K || type == TensorType::Q6_K) {
        for (auto &b : data) b = static_cast<uint8_t>(rng());
        const uint16_t scale = 0x1800;  // 2^-9
        const size_t blockBytes = tensorTypeInfo(type).blockBytes;
        const size_t dOffset = type == TensorType::Q4_K ? 0 : 208;
        for (size_t off = 0; off < data.size(); off += blockBytes) {
            std::memcpy(&data[off + dOffset], &scale, 2);
            if (type == TensorType::Q4_K) std::memcpy(&data[off + 2], &scale, 2);
        }
        return data;
    }
    std::normal_distribution<float> dist(0.0f, 0.03f);
    std::vector<float> row(static_cast<size_t>(cols));
    for (int64_t r = 0; r < rows; ++r) {
        for (auto &v : row) v = dist(rng);
        quantizeRow(type, row.data(), data.data() + r * stride, cols);
    }
    return data;
}

ThreadPool &pool() {
    static ThreadPool p(0);
    return p;
}

void run(benchmark::State &state, int64_t tokens, ActivationPrecision activations = ActivationPrecision::Exact,
         WeightLayout layout = WeightLayout::Rows, bool amx = true) {
    const auto type = kTypes[state.range(0)];
    const int64_t rows = state.range(1), cols = state.range(2);
    const auto level = static_cast<SimdLevel>(state.range(3));
    if (!simdLevelSupported(level)) {
        state.SkipWithError("instruction set not supported by this CPU");
        return;
    }
    const auto weights = makeWeights(type, rows, cols);
    // In huge pages, as loads hold them (huge_page_buffer.h), and in row groups as loads store
    // Q4_0 and Q8_0 on VNNI CPUs.
    HugePageBuffer memory(weights.size());
    if (layout == WeightLayout::RowGroups)
        packRowGroups(type, rows, cols, weights.data(), memory.data());
    else
        std::memcpy(memory.data(), weights.data(), weights.size());
    std::vector<float> x(static_cast<size_t>(tokens * cols), 0.5f), y(static_cast<size_t>(tokens * rows));
    const WeightView w{type, rows, cols, memory.data(), layout};
    for (auto _ : state) {
        matmul(w, x.data(), tokens, y.data(), pool(), MatmulOptions{level, activations, amx});
        benchmark::DoNotOptimize(y.data());
    }
    state.SetLabel(std::string(tensorTypeName(type)) + " " + std::string(simdLevelName(level)) +
                   (activations == ActivationPrecision::Fast ? " fast" : "") +
                   (layout == WeightLayout::RowGroups ? " row-groups" : "") + (amx ? "" : " no-amx"));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(weights.size()));
    state.counters["GFLOP/s"] = benchmark::Counter(2.0 * static_cast<double>(rows * cols * tokens) * 1e-9,
                                                   benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Matvec(benchmark::State &state) { run(state, 1); }
// 8-bit / bf16 activations with dot-product instructions (where the CPU has them).
void BM_MatvecFast(benchmark::State &state) { run(state, 1, ActivationPrecision::Fast); }
void BM_Matmul512(benchmark::State &state) { run(state, 512); }
// A 512-token prompt with the default fast activations: AMX bf16 tiles where the CPU has them.
void BM_Matmul512Fast(benchmark::State &state) { run(state, 512, ActivationPrecision::Fast); }
void BM_MatmulFewTokens(benchmark::State &state) { run(state, state.range(4)); }
void BM_MatmulFewTokensFast(benchmark::State &state) { run(state, state.range(4), ActivationPrecision::Fast); }
// Q8_0 and Q4_0 in row groups: the decode kernel (1 token) and verification batches, with AMX
// int8 tiles where the CPU has them (range 5 = 1) or the VNNI kernel (0).
void BM_RowGroupsFast(benchmark::State &state) {
    run(state, state.range(4), ActivationPrecision::Fast, WeightLayout::RowGroups, state.range(5) != 0);
}

// Attention of one decode step (Qwen2.5-1.5B's 12 query heads over 2 KV heads of 128, f16 cache)
// over range(0) positions, for one layer; and of a prompt batch of range(1) queries after range(0)
// cached positions.
struct AttentionInputs {
    static constexpr int64_t kHeads = 12, kKvHeads = 2, kHeadDim = 128;
    std::vector<float> queries, out;
    std::vector<uint8_t> keys, values;

    AttentionInputs(int64_t positions, int64_t queryRows) {
        std::mt19937 rng(5);
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<float> kv(static_cast<size_t>(positions * kKvHeads * kHeadDim));
        for (auto *bytes : {&keys, &values}) {
            for (float &v : kv) v = normal(rng);
            bytes->resize(kv.size() * 2);
            quantizeRow(TensorType::F16, kv.data(), bytes->data(), static_cast<int64_t>(kv.size()));
        }
        queries.resize(static_cast<size_t>(queryRows * kHeads * kHeadDim));
        for (float &q : queries) q = normal(rng);
        out.resize(queries.size());
    }
    KvRows cache() const { return {TensorType::F16, keys.data(), values.data()}; }
};

void BM_DecodeAttention(benchmark::State &state) {
    const int64_t positions = state.range(0);
    AttentionInputs in(positions, 1);
    for (auto _ : state) {
        decodeAttention(in.queries.data(), in.cache(), positions, {in.kHeads, in.kKvHeads, in.kHeadDim},
                        in.out.data(), pool());
        benchmark::DoNotOptimize(in.out.data());
    }
}

void BM_CausalAttention(benchmark::State &state) {
    const int64_t cached = state.range(0), n = state.range(1);
    AttentionInputs in(cached + n, n);
    const int64_t qDim = in.kHeads * in.kHeadDim;
    for (auto _ : state) {
        causalAttention(in.queries.data(), qDim, in.cache(), n, cached, {in.kHeads, in.kKvHeads, in.kHeadDim},
                        in.out.data(), pool());
        benchmark::DoNotOptimize(in.out.data());
    }
}

// The MLP gate over range(0) tokens of 8,960 values. The gate is reset every time (the copy is
// timed too): applied over and over it would sink into subnormals, which are far slower.
void BM_Swiglu(benchmark::State &state) {
    const int64_t n = state.range(0) * 8960;
    std::mt19937 rng(9);
    std::normal_distribution<float> normal(0.0f, 2.0f);
    std::vector<float> input(static_cast<size_t>(n)), gate(input.size()), up(input.size());
    for (size_t i = 0; i < input.size(); ++i) input[i] = normal(rng), up[i] = normal(rng);
    for (auto _ : state) {
        std::copy(input.begin(), input.end(), gate.begin());
        swiglu(gate.data(), up.data(), n, pool());
        benchmark::DoNotOptimize(gate.data());
    }
}

// Cost of one parallelFor with no work: what every matmul of a decode step pays on top.
void BM_ThreadPoolDispatch(benchmark::State &state) {
    std::atomic<int64_t> sink{0};
    for (auto _ : state) pool().parallelFor(0, pool().size(), [&](int64_t b, int64_t) { sink.fetch_add(b); });
    benchmark::DoNotOptimize(sink.load());
}

void matvecShapes(benchmark::internal::Benchmark *b) {
    for (int t = 0; t < static_cast<int>(std::size(kTypes)); ++t)
        for (auto [rows, cols] : {std::pair{1536, 1536}, {8960, 1536}})
            for (int level : {0, 1, 2}) b->Args({t, rows, cols, level});
}

void fastMatvecShapes(benchmark::internal::Benchmark *b) {
    for (int t : {2, 3, 4, 5, 6})  // BF16, Q8_0, Q4_0, Q4_K, Q6_K
        for (auto [rows, cols] : {std::pair{1536, 1536}, {8960, 1536}, {151936, 1536}}) {
            b->Args({t, rows, cols, 2});
            if (t == 3 || t == 4) b->Args({t, rows, cols, 1});  // the AVX2 kernels
        }
}

void matmulShapes(benchmark::internal::Benchmark *b) {
    for (int t = 0; t < static_cast<int>(std::size(kTypes)); ++t) b->Args({t, 1536, 1536, 2});
    b->Args({3, 8960, 1536, 2});
    b->Args({3, 1536, 8960, 2});  // the FFN down projection: long rows
}

// Where the decode kernels give way to dequantize + sgemm (kMaxDecodeBatch, decode_batch.h), and how
// the tile size serves short prompts (tileRows in matmul.cpp).
void fewTokenShapes(benchmark::internal::Benchmark *b) {
    for (int t : {1, 2, 3, 4, 5, 6})  // F16, BF16, Q8_0, Q4_0, Q4_K, Q6_K
        for (int tokens : {1, 2, 3, 4, 6, 8, 12, 13, 16, 64}) b->Args({t, 1536, 1536, 2, tokens});
}

void rowGroupShapes(benchmark::internal::Benchmark *b) {
    for (int t : {3, 4})  // Q8_0, Q4_0
        for (auto [rows, cols] : {std::pair{1536, 1536}, {8960, 1536}, {1536, 8960}, {151936, 1536}})
            for (int tokens : {1, 8, 9}) {
                b->Args({t, rows, cols, 2, tokens, 1});
                if (tokens > 1) b->Args({t, rows, cols, 2, tokens, 0});
            }
    // A 256-token prompt batch on CPUs without AMX: dequantize + sgemm tiles from row groups.
    for (int t : {3, 4}) b->Args({t, 1536, 1536, 2, 256, 0});
}

}  // namespace

BENCHMARK(BM_ThreadPoolDispatch)->UseRealTime();
BENCHMARK(BM_DecodeAttention)->Arg(512)->Arg(2048)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CausalAttention)->Args({0, 256})->Args({1792, 256})->Args({512, 8})->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Swiglu)->Arg(1)->Arg(256)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Matvec)->Apply(matvecShapes)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MatvecFast)->Apply(fastMatvecShapes)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Matmul512)->Apply(matmulShapes)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Matmul512Fast)->Apply(matmulShapes)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatmulFewTokens)->Apply(fewTokenShapes)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MatmulFewTokensFast)->Apply(fewTokenShapes)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RowGroupsFast)->Apply(rowGroupShapes)->UseRealTime()->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
