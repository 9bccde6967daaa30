#pragma once
// An output file that appears under its final name only when complete: bytes go to
// `path + ".partial"`, and commit() renames it into place. Destroying an uncommitted PartialFile
// deletes the partial file, so a failed or interrupted write never leaves a truncated model.
#include <cstdint>
#include <cstdio>
#include <span>
#include <string>

namespace qd {

class PartialFile {
public:
    // Throws qd::Error naming the path when the partial file cannot be created.
    explicit PartialFile(std::string path);
    ~PartialFile();
    PartialFile(const PartialFile &) = delete;
    PartialFile &operator=(const PartialFile &) = delete;

    void write(std::span<const uint8_t> bytes);
    void writeZeros(uint64_t count);
    uint64_t position() const { return position_; }
    // Flushes, closes and renames to the final path.
    void commit();

private:
    std::string path_;
    std::string partialPath_;
    std::FILE *file_ = nullptr;
    uint64_t position_ = 0;
};

}  // namespace qd
