#pragma once
// A read-only memory map of a whole file. Model files are never read into heap buffers.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>

namespace qd {

class MappedFile {
public:
    // Throws qd::Error naming the path when the file cannot be opened or mapped.
    explicit MappedFile(const std::string &path);
    ~MappedFile();
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;
    MappedFile(MappedFile &&other) noexcept;
    MappedFile &operator=(MappedFile &&other) noexcept;

    const std::string &path() const { return path_; }
    std::span<const uint8_t> bytes() const { return {data_, size_}; }
    size_t size() const { return size_; }

private:
    void release();
    std::string path_;
    const uint8_t *data_ = nullptr;
    size_t size_ = 0;
};

// Drops the pages of part of a read-only map from this process's memory. Only whole pages inside
// `data` go, so bytes around it that share a page stay; reading the bytes again faults them back in
// from the file.
void releaseMappedPages(std::span<const uint8_t> data);

// A span of a file map and where its bytes are to be copied.
struct MapCopy {
    std::span<const uint8_t> from;
    uint8_t *to = nullptr;
};

// Copies every span out of its map, releasing the map's pages as it goes so the process never
// holds a byte twice. Uses a few threads: faulting in the file's pages and the destination's
// fresh ones (the kernel zeroes them) is CPU work, and one thread copied the 868 MB Q4_0 weight
// cache entry in 0.3-2.4 s where two took 0.15-0.28 s. progress(fraction of the bytes copied), if
// set, is called now and then from the calling thread.
void copyOutOfMaps(std::span<const MapCopy> copies, const std::function<void(double)> &progress = {});

// Reads a small text file (JSON configs) into a string; throws qd::Error naming the path.
std::string readTextFile(const std::string &path);

}  // namespace qd
