#include "util/memory_bandwidth.h"

#include "util/thread_pool.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace qd {

namespace {

// Four independent 32-byte sums keep several wide loads in flight (GCC vector extensions: the
// compiler uses whatever vector width the build targets). The result is used so the loop stays.
using Lanes = uint64_t __attribute__((vector_size(32)));

uint64_t sumWords(const uint64_t *words, size_t count) {
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

}  // namespace

double measureReadBandwidth(ThreadPool &pool, size_t bytes, int passes) {
    const size_t words = bytes / sizeof(uint64_t);
    std::unique_ptr<uint64_t[]> buffer(new uint64_t[words]);
    // Touch every page from the threads that will read it, so the memory is really there.
    pool.parallelFor(0, static_cast<int64_t>(words), [&](int64_t begin, int64_t end) {
        std::memset(buffer.get() + begin, 1, static_cast<size_t>(end - begin) * sizeof(uint64_t));
    });
    std::vector<double> rates;
    std::vector<uint64_t> sinks(static_cast<size_t>(pool.size()));
    for (int p = 0; p < passes; ++p) {
        const auto start = std::chrono::steady_clock::now();
        pool.parallelFor(0, static_cast<int64_t>(words), [&](int64_t begin, int64_t end) {
            const uint64_t s = sumWords(buffer.get() + begin, static_cast<size_t>(end - begin));
            sinks[static_cast<size_t>(begin * pool.size() / static_cast<int64_t>(words))] += s;
        });
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        rates.push_back(static_cast<double>(words * sizeof(uint64_t)) / seconds);
    }
    std::nth_element(rates.begin(), rates.begin() + rates.size() / 2, rates.end());
    // The sinks feed a volatile store so the reads cannot be optimised away.
    volatile uint64_t keep = 0;
    for (uint64_t s : sinks) keep = keep + s;
    return rates[rates.size() / 2];
}

}  // namespace qd
