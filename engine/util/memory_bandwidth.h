#pragma once
// Measures how fast this machine streams memory into the cores, with the same thread pool the
// kernels use: the physical floor of decode speed (each generated token reads every weight once).
#include <cstddef>

namespace qd {

class ThreadPool;

// Median read bandwidth in bytes per second over `passes` sweeps of a `bytes` buffer (large
// enough to defeat the caches), each thread's share timed by that thread's CPU time so that a
// loaded machine's time slices do not count as memory time.
double measureReadBandwidth(ThreadPool &pool, size_t bytes = size_t{512} << 20, int passes = 5);

}  // namespace qd
