#pragma once
// A read-only memory map of a whole file. Model files are never read into heap buffers.
#include <cstddef>
#include <cstdint>
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

// Reads a small text file (JSON configs) into a string; throws qd::Error naming the path.
std::string readTextFile(const std::string &path);

}  // namespace qd
