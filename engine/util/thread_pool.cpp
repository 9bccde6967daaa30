#include "util/thread_pool.h"

#include <algorithm>

namespace qd {

namespace {

// Set while a thread runs a chunk, so that a nested parallelFor runs inline instead of waiting
// for workers that are busy with the outer one.
thread_local bool tInsideTask = false;

// Idle workers spin this many rounds (tens of microseconds) before sleeping: a decode step issues
// hundreds of small parallelFors back to back, and a futex sleep/wake costs more than the gap
// between them.
constexpr int kSpinRounds = 4000;

inline void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    std::this_thread::yield();
#endif
}

}  // namespace

ThreadPool::ThreadPool(int threads) {
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::min(threads, (1 << kChunkBits) - 1);
    workers_.reserve(static_cast<size_t>(threads - 1));
    for (int i = 1; i < threads; ++i) workers_.emplace_back([this] { workerLoop(); });
}

ThreadPool::~ThreadPool() {
    stopping_.store(true, std::memory_order_relaxed);
    state_.fetch_add(uint64_t{1} << kChunkBits, std::memory_order_release);
    state_.notify_all();
    for (auto &t : workers_) t.join();
}

void ThreadPool::runChunks(uint64_t generation) {
    const uint64_t parts = static_cast<uint64_t>(size());
    const uint64_t chunkMask = (uint64_t{1} << kChunkBits) - 1;
    uint64_t s = state_.load(std::memory_order_acquire);
    for (;;) {
        if ((s >> kChunkBits) != generation || (s & chunkMask) >= parts) return;
        if (!state_.compare_exchange_weak(s, s + 1, std::memory_order_acq_rel, std::memory_order_acquire)) continue;
        // The job cannot change until this chunk is counted as done, so its fields are stable.
        const auto index = static_cast<int64_t>(s & chunkMask);
        const int64_t n = end_ - begin_;
        const int64_t b = begin_ + n * index / static_cast<int64_t>(parts);
        const int64_t e = begin_ + n * (index + 1) / static_cast<int64_t>(parts);
        if (b < e) {
            tInsideTask = true;
            task_(ctx_, b, e);
            tInsideTask = false;
        }
        if (done_.fetch_add(1, std::memory_order_acq_rel) + 1 == static_cast<int>(parts)) done_.notify_all();
        s = state_.load(std::memory_order_acquire);
    }
}

void ThreadPool::run(int64_t begin, int64_t end, Task task, void *ctx) {
    if (end <= begin) return;
    if (workers_.empty() || tInsideTask || end - begin == 1) {
        task(ctx, begin, end);
        return;
    }
    std::lock_guard lock(submitMutex_);
    task_ = task;
    ctx_ = ctx;
    begin_ = begin;
    end_ = end;
    done_.store(0, std::memory_order_relaxed);
    const uint64_t generation = (state_.load(std::memory_order_relaxed) >> kChunkBits) + 1;
    state_.store(generation << kChunkBits, std::memory_order_release);
    state_.notify_all();

    runChunks(generation);

    const int parts = size();
    for (int spin = 0; spin < kSpinRounds; ++spin) {
        if (done_.load(std::memory_order_acquire) == parts) return;
        cpuRelax();
    }
    for (int d = done_.load(std::memory_order_acquire); d != parts; d = done_.load(std::memory_order_acquire))
        done_.wait(d, std::memory_order_acquire);
}

void ThreadPool::workerLoop() {
    uint64_t seen = 0;  // generation last worked on
    for (;;) {
        uint64_t s = state_.load(std::memory_order_acquire);
        for (int spin = 0; (s >> kChunkBits) == seen && spin < kSpinRounds; ++spin) {
            cpuRelax();
            s = state_.load(std::memory_order_acquire);
        }
        while ((s >> kChunkBits) == seen) {
            state_.wait(s, std::memory_order_acquire);
            s = state_.load(std::memory_order_acquire);
        }
        if (stopping_.load(std::memory_order_relaxed)) return;
        seen = s >> kChunkBits;
        runChunks(seen);
    }
}

}  // namespace qd
