#include "util/memory_bandwidth.h"

#include "util/huge_page_buffer.h"
#include "util/thread_pool.h"

#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <thread>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace qd {

namespace {

// Four independent 32-byte sums keep several wide loads in flight. The result is used so the
// loop stays.
using Lanes = uint64_t __attribute__((vector_size(32)));

uint64_t sumWordsPortable(const uint64_t *words, size_t count) {
    Lanes a{}, b{}, c{}, d{};
    size_t i = 0;
    for (; i + 16 <= count; i += 16) {
        Lanes w0, w1, w2, w3;
        std::memcpy(&w0, words + i, sizeof w0);
        std::memcpy(&w1, words + i + 4, sizeof w1);
        std::memcpy(&w2, words + i + 8, sizeof w2);
        std::memcpy(&w3, words + i + 12, sizeof w3);
        a += w0, b += w1, c += w2, d += w3;
    }
    const Lanes all = a + b + c + d;
    uint64_t total = all[0] + all[1] + all[2] + all[3];
    for (; i < count; ++i) total += words[i];
    return total;
}

#if defined(__x86_64__)
// The baseline build splits the sums above into 16-byte loads, which on one core stream about a
// third less than the 32-byte loads the decode kernels issue (measured: 7.7 vs 11 GB/s per core).
// Like the decode kernels it prefetches a kilobyte ahead: two threads read 32.5 GB/s that way
// against 28.2 without.
__attribute__((target("avx2"))) uint64_t sumWordsAvx2(const uint64_t *words, size_t count) {
    constexpr size_t kPrefetchBytes = 1024;
    __m256i a = _mm256_setzero_si256(), b = a, c = a, d = a;
    size_t i = 0;
    for (; i + 16 <= count; i += 16) {
        // Prefetches never fault, so running past the end of the buffer is harmless.
        const char *ahead = reinterpret_cast<const char *>(words + i) + kPrefetchBytes;
        _mm_prefetch(ahead, _MM_HINT_T0);
        _mm_prefetch(ahead + 64, _MM_HINT_T0);
        a = _mm256_add_epi64(a, _mm256_loadu_si256(reinterpret_cast<const __m256i *>(words + i)));
        b = _mm256_add_epi64(b, _mm256_loadu_si256(reinterpret_cast<const __m256i *>(words + i + 4)));
        c = _mm256_add_epi64(c, _mm256_loadu_si256(reinterpret_cast<const __m256i *>(words + i + 8)));
        d = _mm256_add_epi64(d, _mm256_loadu_si256(reinterpret_cast<const __m256i *>(words + i + 12)));
    }
    alignas(32) uint64_t lanes[4];
    _mm256_store_si256(reinterpret_cast<__m256i *>(lanes), _mm256_add_epi64(_mm256_add_epi64(a, b), _mm256_add_epi64(c, d)));
    uint64_t total = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    for (; i < count; ++i) total += words[i];
    return total;
}
#endif

// Neither inlined nor specialised for the piece size: GCC 12 then misreads the tail loops (a false
// -Waggressive-loop-optimizations).
__attribute__((noipa)) uint64_t sumWords(const uint64_t *words, size_t count) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) return sumWordsAvx2(words, count);
#endif
    return sumWordsPortable(words, count);
}

// Reads `count` words as 4 interleaved runs, 1 KB of each in turn: the order in which the decode
// kernels read weight rows (kernels/row_streams.h). The hardware prefetchers keep more fetches in
// flight for several streams than for one sweep, which read 20.7 GB/s where Q4_0 decode reached
// the equivalent of 23 GB/s.
uint64_t sumWordsInRuns(const uint64_t *words, size_t count) {
    constexpr size_t kRuns = 4, kPieceWords = 128;
    const size_t perRun = count / kRuns / kPieceWords * kPieceWords;
    uint64_t total = 0;
    for (size_t i = 0; i < perRun; i += kPieceWords)
        for (size_t run = 0; run < kRuns; ++run) total += sumWords(words + run * perRun + i, kPieceWords);
    return total + sumWords(words + kRuns * perRun, count - kRuns * perRun);
}

double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace

double measureReadBandwidth(ThreadPool &pool, size_t bytes, int passes) {
    const size_t words = bytes / sizeof(uint64_t);
    // In huge pages like the weights (huge_page_buffer.h), or the probe would see TLB misses that
    // decode does not have.
    const HugePageBuffer memory(words * sizeof(uint64_t));
    auto *buffer = reinterpret_cast<uint64_t *>(memory.data());
    // Touch every page from the threads that will read it, so the memory is really there.
    pool.parallelFor(0, static_cast<int64_t>(words), [&](int64_t begin, int64_t end) {
        std::memset(buffer + begin, 1, static_cast<size_t>(end - begin) * sizeof(uint64_t));
    });
    struct Share {
        std::thread::id thread;
        double bytes = 0, seconds = 0;
    };
    std::vector<double> rates;
    const auto chunks = static_cast<size_t>(pool.size());
    std::vector<uint64_t> sinks(chunks);
    std::vector<Share> shares(chunks);
    for (int p = 0; p < passes; ++p) {
        // Each thread's rate is its bytes over its own CPU time, and the threads' rates add up: on a
        // busy machine other processes take turns on the cores, and wall time would count their
        // turns as if the memory were slow (2.6-4 GB/s measured that way under load, against
        // 15-22 GB/s while the threads actually run). A thread that ran two chunks counts once.
        pool.parallelFor(0, static_cast<int64_t>(words), [&](int64_t begin, int64_t end) {
            const double start = threadCpuSeconds();
            const uint64_t s = sumWordsInRuns(buffer + begin, static_cast<size_t>(end - begin));
            const double seconds = threadCpuSeconds() - start;
            const auto chunk = static_cast<size_t>(begin * pool.size() / static_cast<int64_t>(words));
            sinks[chunk] += s;
            shares[chunk] = {std::this_thread::get_id(), static_cast<double>(end - begin) * sizeof(uint64_t), seconds};
        });
        double total = 0;
        for (size_t i = 0; i < chunks; ++i) {
            if (shares[i].seconds <= 0) continue;
            double bytesOfThread = 0, secondsOfThread = 0;
            for (size_t j = i; j < chunks; ++j)
                if (shares[j].thread == shares[i].thread) {
                    bytesOfThread += shares[j].bytes, secondsOfThread += shares[j].seconds;
                    if (j != i) shares[j].seconds = 0;
                }
            total += bytesOfThread / std::max(secondsOfThread, 1e-9);
        }
        rates.push_back(total);
        std::fill(shares.begin(), shares.end(), Share{});
    }
    std::nth_element(rates.begin(), rates.begin() + rates.size() / 2, rates.end());
    // The sinks feed a volatile store so the reads cannot be optimised away.
    volatile uint64_t keep = 0;
    for (uint64_t s : sinks) keep = keep + s;
    return rates[rates.size() / 2];
}

}  // namespace qd
