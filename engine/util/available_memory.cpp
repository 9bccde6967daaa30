#include "util/available_memory.h"

#include <fstream>
#include <string>

namespace qd {

std::optional<uint64_t> availableMemoryBytes() {
    std::ifstream meminfo("/proc/meminfo");
    std::string key, unit;
    uint64_t value = 0;
    while (meminfo >> key >> value >> unit)
        if (key == "MemAvailable:" && unit == "kB") return value * 1024;
    return std::nullopt;
}

}  // namespace qd
