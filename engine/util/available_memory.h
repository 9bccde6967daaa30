#pragma once
// How much memory the system can give a process without swapping, for refusing a model that does
// not fit with a clear message instead of being killed part way through loading it.
#include <cstdint>
#include <optional>

namespace qd {

// Linux's MemAvailable (free memory plus what the kernel can reclaim, such as the file cache);
// nullopt where it cannot be read.
std::optional<uint64_t> availableMemoryBytes();

}  // namespace qd
