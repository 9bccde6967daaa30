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

    // A second, independent map of the same file (the one opened, even if its path now names
    // another), so that what one owner does to its pages never reaches the other's.
    MappedFile mapAgain() const;

private:
    MappedFile(std::string path, int fd);
    void map();
    void release();
    std::string path_;
    int fd_ = -1;  // kept open for mapAgain
    const uint8_t *data_ = nullptr;
    size_t size_ = 0;
};

// Drops the pages of part of a read-only map from this process's memory. Only whole pages inside
// `data` go, so bytes around it that share a page stay; reading the bytes again faults them back in
// from the file.
void releaseMappedPages(std::span<const uint8_t> data);

// Faults in every page of the spans (parts of file maps) ahead of use, in 2 MiB pieces on a few
// threads: one call per piece instead of a fault per 4 KiB page, and reading a file that is not in
// the page cache yet goes faster with several reads in flight. progress(fraction of the bytes), if
// set, is called now and then from the calling thread, and with 1.0 once every page is in.
void populateMappedPages(std::span<const std::span<const uint8_t>> spans,
                         const std::function<void(double)> &progress = {});

// Reads a small text file (JSON configs) into a string; throws qd::Error naming the path.
std::string readTextFile(const std::string &path);

}  // namespace qd
