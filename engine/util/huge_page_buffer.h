#pragma once
// Memory of its own for the model's weights, in 2 MiB pages where the kernel allows them. Decode
// reads every weight once per token; with 4 KiB pages the TLB misses of that stream cost about a
// fifth of the memory bandwidth (2-core VM: 26.7 vs 32.5 GB/s read by two threads; Q4_0 decode
// 26-28 vs 30-33 tok/s). Linux's default transparent huge page mode ("madvise") only gives them
// to anonymous memory that asks, and file maps rarely get them, so the weights are copied out of
// the model file's map instead of being computed from it.
#include <cstddef>
#include <cstdint>

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

    static constexpr size_t kHugePageBytes = size_t{2} << 20;

private:
    void release();
    uint8_t *data_ = nullptr;
    size_t size_ = 0, mappedBytes_ = 0;
};

}  // namespace qd
