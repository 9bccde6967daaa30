#pragma once
// Memory aligned to 64 bytes (a cache line, an AVX-512 vector, an AMX tile row), uninitialized.
#include <cstddef>
#include <memory>
#include <new>

namespace qd {

struct AlignedDelete {
    void operator()(std::byte *p) const { ::operator delete[](p, std::align_val_t{64}); }
};

template <typename T>
class AlignedBuffer {
public:
    AlignedBuffer() = default;
    explicit AlignedBuffer(size_t count) { resizeDiscarding(count); }

    T *data() { return reinterpret_cast<T *>(bytes_.get()); }
    const T *data() const { return reinterpret_cast<const T *>(bytes_.get()); }
    size_t size() const { return count_; }

    // Room for `count` elements; what was there is not kept when the buffer grows.
    void resizeDiscarding(size_t count) {
        if (count > capacity_) {
            bytes_.reset(new (std::align_val_t{64}) std::byte[count * sizeof(T)]);
            capacity_ = count;
        }
        count_ = count;
    }

private:
    std::unique_ptr<std::byte[], AlignedDelete> bytes_;
    size_t count_ = 0, capacity_ = 0;
};

}  // namespace qd
