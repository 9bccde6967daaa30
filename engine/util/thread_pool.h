#pragma once
// A fixed set of worker threads that stay alive for the life of the pool, for the kernels'
// data-parallel loops. A parallelFor wakes the workers (no thread is created per call) and splits
// the range into one contiguous chunk per thread. The caller takes part, and chunks are claimed
// rather than assigned: when the machine is busy and a worker is slow to wake, the threads that
// are running take its chunk instead of waiting for it.
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
    // Claims and runs chunks of job `generation` until none is left.
    void runChunks(uint64_t generation);
    void workerLoop();

    std::vector<std::thread> workers_;
    std::mutex submitMutex_;
    // The current job. Written only while no chunk of the previous job is running.
    Task task_ = nullptr;
    void *ctx_ = nullptr;
    int64_t begin_ = 0;
    int64_t end_ = 0;
    // Job generation (high bits) and the next unclaimed chunk (low kChunkBits bits): a chunk is
    // claimed by a compare-exchange on both at once, so a thread that wakes late can never claim a
    // chunk of a job other than the one it read.
    static constexpr int kChunkBits = 16;
    std::atomic<uint64_t> state_{0};
    std::atomic<int> done_{0};  // chunks of the current job finished
    std::atomic<bool> stopping_{false};
};

}  // namespace qd
