#include "util/huge_page_buffer.h"

#include "util/error.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <sys/mman.h>
#include <utility>

namespace qd {

HugePageBuffer::HugePageBuffer(size_t bytes) {
    if (bytes == 0) return;
    const size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    // One huge page more than needed, so an aligned start can be cut out of it.
    const size_t reserved = rounded + kHugePageBytes;
    void *p = ::mmap(nullptr, reserved, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        throw Error("cannot allocate " + std::to_string(bytes >> 20) + " MiB for the model's weights: " +
                    std::strerror(errno));
    auto *start = static_cast<uint8_t *>(p);
    const auto address = reinterpret_cast<uintptr_t>(start);
    auto *aligned = reinterpret_cast<uint8_t *>((address + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes);
    if (aligned > start) ::munmap(start, static_cast<size_t>(aligned - start));
    const size_t tail = static_cast<size_t>(start + reserved - (aligned + rounded));
    if (tail > 0) ::munmap(aligned + rounded, tail);
    // Fails harmlessly (EINVAL) on kernels without transparent huge pages: the memory still works.
    ::madvise(aligned, rounded, MADV_HUGEPAGE);
    data_ = aligned;
    size_ = bytes;
    mappedBytes_ = rounded;
}

HugePageBuffer::~HugePageBuffer() { release(); }

HugePageBuffer::HugePageBuffer(HugePageBuffer &&other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)),
      mappedBytes_(std::exchange(other.mappedBytes_, 0)) {}

HugePageBuffer &HugePageBuffer::operator=(HugePageBuffer &&other) noexcept {
    if (this != &other) {
        release();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        mappedBytes_ = std::exchange(other.mappedBytes_, 0);
    }
    return *this;
}

void HugePageBuffer::release() {
    if (data_) ::munmap(data_, mappedBytes_);
    data_ = nullptr;
    size_ = mappedBytes_ = 0;
}

}  // namespace qd
