#pragma once
// The worker's inbox: a FIFO of requests under a mutex and a condition variable, plus the one
// cancel flag the running request's Generator polls. Cancelling the running request sets that
// flag without waiting for the queue; cancelling a queued one marks it so it is skipped.
#include "engine_protocol.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <unordered_set>

namespace qd::app {

class RequestQueue {
public:
    void push(EngineRequest request);
    // Blocks until a request is available; nullopt once closed. The taken request becomes the
    // running one, and cancelFlag() tells whether it was cancelled while it waited.
    std::optional<EngineRequest> take();
    // The running request is done; cancel(id) for it becomes a no-op.
    void finishRunning();
    // Safe from any thread; unknown or finished ids are ignored.
    void cancel(RequestId id);
    // Wakes take() for good and cancels the running request.
    void close();

    const std::atomic<bool> &cancelFlag() const { return cancel_; }

private:
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<EngineRequest> requests_;
    std::unordered_set<RequestId> cancelledWhileQueued_;
    RequestId running_ = 0;
    bool closed_ = false;
    std::atomic<bool> cancel_{false};
};

}  // namespace qd::app
