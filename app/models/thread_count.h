#pragma once
// The number of compute threads to use when the user has not chosen one.
namespace qd {

// Physical cores (hyper-threads add little to memory-bound matrix-vector work), one left free on
// machines with more than four so the interface stays responsive. At least 1.
int defaultThreadCount();

// The same rule applied to given counts; physicalCores <= 0 means unknown, and logicalCores is used.
int threadCountFor(int physicalCores, int logicalCores);

// Physical cores counted from the Linux sysfs CPU topology under `sysCpuDir`
// (/sys/devices/system/cpu), or 0 when it cannot be read.
int physicalCoreCount(const char *sysCpuDir = "/sys/devices/system/cpu");

}  // namespace qd
