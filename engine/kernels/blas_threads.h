#pragma once
// OpenBLAS would start its own threads for every call and compete with the thread pool's threads
// for the same cores, so every caller sets it to one thread first; the pool provides the
// parallelism and the thread count stays one setting of the application's.
namespace qd {

// Idempotent and cheap after the first call.
void useSingleThreadedBlas();

}  // namespace qd
