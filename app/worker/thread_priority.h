#pragma once
// The engine computes in the background: its threads get a lower CPU priority than the GUI
// thread, so that on a machine with few cores the interface gets a core as soon as it needs one.

namespace qd::app {

// Lowers the calling thread's priority. On Linux the nice value belongs to the thread and the
// threads it creates later inherit it, so this also covers the model's ThreadPool. Harmless
// when refused.
void lowerCurrentThreadPriority();

}  // namespace qd::app
