#pragma once
// Memory of its own for the model's weights, in 2 MiB pages where the kernel allows them. Decode
// reads every weight once per token; with 4 KiB pages the TLB misses of that stream cost about a
// fifth of the memory bandwidth (2-core VM: 26.7 vs 32.5 GB/s read by two threads; Q4_0 decode
// 26-28 vs 30-33 tok/s). Linux's default transparent huge page mode ("madvise") only gives them
// to anonymous memory that asks, and file maps rarely get them, so converted weights are written
// into such memory, and mapped ones are moved into it behind their readers (moveIntoHugePages).
#include <cstddef>
#include <cstdint>
#include <span>
#include <stop_token>

namespace qd {

class HugePageBuffer {
public:
    HugePageBuffer() = default;
    // `bytes` of zero-filled memory, 2 MiB aligned; throws qd::Error when it cannot be had.
    explicit HugePageBuffer(size_t bytes);
    ~HugePageBuffer();
    HugePageBuffer(const HugePageBuffer &) = delete;
    HugePageBuffer &operator=(const HugePageBuffer &) = delete;
    HugePageBuffer(HugePageBuffer &&other) noexcept;
    HugePageBuffer &operator=(HugePageBuffer &&other) noexcept;

    uint8_t *data() const { return data_; }
    size_t size() const { return size_; }
    // Gives up the memory without unmapping it: the caller now owns the mapping at data(), size()
    // rounded up to whole huge pages.
    uint8_t *detach();

    static constexpr size_t kHugePageBytes = size_t{2} << 20;

private:
    void release();
    uint8_t *data_ = nullptr;
    size_t size_ = 0, mappedBytes_ = 0;
};

// False when the kernel has no transparent huge pages or they are switched off ("never"); then
// asking for them only costs a copy.
bool transparentHugePagesAvailable();

// Puts the file-mapped bytes of `wanted` into huge pages: every aligned 2 MiB piece of a
// read-only map in `maps` that holds a byte of a wanted span and lies wholly inside its map is
// copied into fresh anonymous memory, which mremap then moves over the piece's addresses in one
// step. Pointers into the map stay valid, and other threads reading it meanwhile see the same
// bytes throughout. Weights computed from a file map thus get the speed of huge pages without a
// load having to wait for the copy. Pieces go in the order of `wanted`; returns the bytes moved,
// fewer when `stop` is requested or memory runs out (the rest stays as it was). The moved pieces
// are anonymous memory from then on: releaseMappedPages must not be used on them.
size_t moveIntoHugePages(std::span<const std::span<const uint8_t>> maps,
                         std::span<const std::span<const uint8_t>> wanted, std::stop_token stop = {});

}  // namespace qd
