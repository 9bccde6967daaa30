#include "request_queue.h"

#include <algorithm>

namespace qd::app {

void RequestQueue::push(EngineRequest request) {
    {
        std::lock_guard lock(mutex_);
        requests_.push_back(std::move(request));
    }
    wake_.notify_one();
}

std::optional<EngineRequest> RequestQueue::take() {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return closed_ || !requests_.empty(); });
    if (closed_) return std::nullopt;
    EngineRequest request = std::move(requests_.front());
    requests_.pop_front();
    running_ = requestId(request);
    cancel_.store(cancelledWhileQueued_.erase(running_) > 0);
    return request;
}

void RequestQueue::finishRunning() {
    std::lock_guard lock(mutex_);
    running_ = 0;
    cancel_.store(false);
}

void RequestQueue::cancel(RequestId id) {
    std::lock_guard lock(mutex_);
    if (id == 0) return;
    if (id == running_) {
        cancel_.store(true);
        return;
    }
    const bool queued = std::any_of(requests_.begin(), requests_.end(),
                                    [id](const EngineRequest &r) { return requestId(r) == id; });
    if (queued) cancelledWhileQueued_.insert(id);
}

void RequestQueue::close() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        cancel_.store(true);
    }
    wake_.notify_all();
}

}  // namespace qd::app
