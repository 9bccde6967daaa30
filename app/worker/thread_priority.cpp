#include "thread_priority.h"

#if defined(__linux__)
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#endif

namespace qd::app {

namespace {

// Weight 110 against the GUI thread's 1024 (nice 0): the engine keeps every idle cycle, and gives
// way within a scheduler tick when the interface has work.
constexpr int kEngineNice = 10;

}  // namespace

void lowerCurrentThreadPriority() {
#if defined(__linux__)
    const auto thread = static_cast<id_t>(gettid());
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, thread);
    if (errno == 0 && current < kEngineNice) (void)setpriority(PRIO_PROCESS, thread, kEngineNice);
#endif
}

}  // namespace qd::app
