#include "util/huge_page_buffer.h"

#include "util/error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <sys/mman.h>
#include <utility>
#include <vector>

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

uint8_t *HugePageBuffer::detach() {
    size_ = mappedBytes_ = 0;
    return std::exchange(data_, nullptr);
}

void HugePageBuffer::release() {
    if (data_) ::munmap(data_, mappedBytes_);
    data_ = nullptr;
    size_ = mappedBytes_ = 0;
}

bool transparentHugePagesAvailable() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string modes;
    std::getline(in, modes);
    return in && modes.find("[never]") == std::string::npos;
}

namespace {

// Start addresses of the aligned pieces that hold a byte of `wanted` and lie inside its map, each
// once, in the order of `wanted`.
std::vector<uintptr_t> piecesToMove(std::span<const std::span<const uint8_t>> maps,
                                    std::span<const std::span<const uint8_t>> wanted) {
    constexpr uintptr_t kPiece = HugePageBuffer::kHugePageBytes;
    std::vector<uintptr_t> pieces;
    for (const auto &span : wanted) {
        const auto begin = reinterpret_cast<uintptr_t>(span.data()), end = begin + span.size();
        const auto map = std::find_if(maps.begin(), maps.end(), [&](std::span<const uint8_t> m) {
            return span.data() >= m.data() && span.data() + span.size() <= m.data() + m.size();
        });
        if (span.empty() || map == maps.end()) continue;
        const auto mapBegin = reinterpret_cast<uintptr_t>(map->data()), mapEnd = mapBegin + map->size();
        for (uintptr_t at = begin / kPiece * kPiece; at < end; at += kPiece)
            if (at >= mapBegin && at + kPiece <= mapEnd && std::find(pieces.begin(), pieces.end(), at) == pieces.end())
                pieces.push_back(at);
    }
    return pieces;
}

}  // namespace

size_t moveIntoHugePages(std::span<const std::span<const uint8_t>> maps,
                         std::span<const std::span<const uint8_t>> wanted, std::stop_token stop) {
    if (!transparentHugePagesAvailable()) return 0;
    constexpr size_t kPiece = HugePageBuffer::kHugePageBytes;
    size_t moved = 0;
    for (const uintptr_t at : piecesToMove(maps, wanted)) {
        if (stop.stop_requested()) break;
        auto *piece = reinterpret_cast<uint8_t *>(at);
        uint8_t *copy = nullptr;
        try {
            HugePageBuffer buffer(kPiece);
            std::memcpy(buffer.data(), piece, kPiece);
            copy = buffer.detach();
        } catch (const Error &) {
            break;  // out of memory: the rest stays file-backed
        }
        ::mprotect(copy, kPiece, PROT_READ);  // read-only, as the map was
        if (::mremap(copy, kPiece, kPiece, MREMAP_MAYMOVE | MREMAP_FIXED, piece) == MAP_FAILED) {
            ::munmap(copy, kPiece);
            break;
        }
        moved += kPiece;
    }
    return moved;
}

}  // namespace qd
