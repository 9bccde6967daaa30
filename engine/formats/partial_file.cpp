#include "formats/partial_file.h"

#include "util/error.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>
#include <utility>

namespace qd {

PartialFile::PartialFile(std::string path) : path_(std::move(path)), partialPath_(path_ + ".partial") {
    file_ = std::fopen(partialPath_.c_str(), "wb");
    if (!file_) throw Error(partialPath_ + ": cannot create: " + std::strerror(errno));
}

PartialFile::~PartialFile() {
    if (file_) {
        std::fclose(file_);
        std::remove(partialPath_.c_str());
    }
}

void PartialFile::write(std::span<const uint8_t> bytes) {
    if (bytes.empty()) return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
        throw Error(partialPath_ + ": write failed: " + std::strerror(errno));
    position_ += bytes.size();
}

void PartialFile::writeZeros(uint64_t count) {
    static constexpr std::array<uint8_t, 64> kZeros{};
    while (count > 0) {
        const uint64_t n = std::min<uint64_t>(count, kZeros.size());
        write(std::span(kZeros.data(), n));
        count -= n;
    }
}

void PartialFile::commit() {
    // Data must be on disk before the rename makes the file visible under its final name.
    const bool flushed = std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
    const int flushErrno = errno;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!flushed || !closed) {
        std::remove(partialPath_.c_str());
        throw Error(partialPath_ + ": write failed: " + std::strerror(flushed ? errno : flushErrno));
    }
    if (std::rename(partialPath_.c_str(), path_.c_str()) != 0) {
        const int err = errno;
        std::remove(partialPath_.c_str());
        throw Error(path_ + ": cannot move the finished file into place: " + std::strerror(err));
    }
}

}  // namespace qd
