#pragma once
// A fixed set of worker threads that stay alive for the life of the pool, for the kernels'
// data-parallel loops. A parallelFor wakes the workers (no thread is created per call), splits
// the range into one contiguous chunk per thread and runs the first chunk on the calling thread.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace qd {

class ThreadPool {
public:
    // `threads` counts the caller too: ThreadPool(1) has no workers and runs everything inline.
    // 0 means one per hardware thread.
    explicit ThreadPool(int threads = 0);
    ~ThreadPool();
    ThreadPool(const ThreadPool &) = delete;
    ThreadPool &operator=(const ThreadPool &) = delete;

    int size() const { return static_cast<int>(workers_.size()) + 1; }

    // Calls fn(chunkBegin, chunkEnd) for size() contiguous chunks of [begin, end) whose lengths
    // differ by at most one (empty chunks are skipped), and returns when all have run. fn must not
    // throw. Calls from several threads are serialized; a call made from inside fn runs inline.
    template <typename Fn>
    void parallelFor(int64_t begin, int64_t end, Fn &&fn) {
        using F = std::remove_reference_t<Fn>;
        run(begin, end, [](void *ctx, int64_t b, int64_t e) { (*static_cast<F *>(ctx))(b, e); },
            const_cast<void *>(static_cast<const void *>(&fn)));
    }

private:
    using Task = void (*)(void *ctx, int64_t begin, int64_t end);
    void run(int64_t begin, int64_t end, Task task, void *ctx);
    void runChunk(int index);
    void workerLoop(int index);

    std::vector<std::thread> workers_;
    std::mutex submitMutex_;
    // The current job, published to workers by bumping generation_.
    Task task_ = nullptr;
    void *ctx_ = nullptr;
    int64_t begin_ = 0;
    int64_t end_ = 0;
    std::atomic<uint64_t> generation_{0};
    std::atomic<int> pending_{0};
    std::atomic<bool> stopping_{false};
};

}  // namespace qd
