#include "util/thread_pool.h"

#include <algorithm>

namespace qd {

namespace {

// Set while a thread runs a chunk, so that a nested parallelFor runs inline instead of waiting
// for workers that are busy with the outer one.
thread_local bool tInsideTask = false;

// Workers and the caller spin this many rounds before sleeping: a decode step issues hundreds of
// small parallelFors back to back, and a futex sleep/wake costs more than the gap between them.
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
    workers_.reserve(static_cast<size_t>(threads - 1));
    for (int i = 1; i < threads; ++i) workers_.emplace_back([this, i] { workerLoop(i); });
}

ThreadPool::~ThreadPool() {
    stopping_.store(true, std::memory_order_relaxed);
    generation_.fetch_add(1, std::memory_order_release);
    generation_.notify_all();
    for (auto &t : workers_) t.join();
}

void ThreadPool::runChunk(int index) {
    const int64_t n = end_ - begin_;
    const int64_t parts = size();
    const int64_t b = begin_ + n * index / parts;
    const int64_t e = begin_ + n * (index + 1) / parts;
    if (b < e) {
        tInsideTask = true;
        task_(ctx_, b, e);
        tInsideTask = false;
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
    pending_.store(static_cast<int>(workers_.size()), std::memory_order_relaxed);
    generation_.fetch_add(1, std::memory_order_release);
    generation_.notify_all();

    runChunk(0);

    for (int spin = 0; spin < kSpinRounds; ++spin) {
        if (pending_.load(std::memory_order_acquire) == 0) return;
        cpuRelax();
    }
    for (int left = pending_.load(std::memory_order_acquire); left != 0;
         left = pending_.load(std::memory_order_acquire))
        pending_.wait(left, std::memory_order_acquire);
}

void ThreadPool::workerLoop(int index) {
    uint64_t seen = 0;
    for (;;) {
        uint64_t now = generation_.load(std::memory_order_acquire);
        for (int spin = 0; now == seen && spin < kSpinRounds; ++spin) {
            cpuRelax();
            now = generation_.load(std::memory_order_acquire);
        }
        while (now == seen) {
            generation_.wait(seen, std::memory_order_acquire);
            now = generation_.load(std::memory_order_acquire);
        }
        seen = now;
        if (stopping_.load(std::memory_order_relaxed)) return;
        runChunk(index);
        if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) pending_.notify_one();
    }
}

}  // namespace qd
