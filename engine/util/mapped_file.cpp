#include "util/mapped_file.h"

#include "util/error.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/mman.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

namespace qd {

MappedFile::MappedFile(const std::string &path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw Error(path + ": cannot open: " + std::strerror(errno));
    map();
}

MappedFile::MappedFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {
    if (fd_ < 0) throw Error(path_ + ": cannot open again: " + std::strerror(errno));
    map();
}

MappedFile MappedFile::mapAgain() const { return MappedFile(path_, ::fcntl(fd_, F_DUPFD_CLOEXEC, 0)); }

void MappedFile::map() {
    struct stat st {};
    if (::fstat(fd_, &st) != 0) {
        const int err = errno;
        release();
        throw Error(path_ + ": cannot stat: " + std::strerror(err));
    }
    if (!S_ISREG(st.st_mode)) {
        release();
        throw Error(path_ + ": not a regular file");
    }
    size_ = static_cast<size_t>(st.st_size);
    if (size_ > 0) {
        void *p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
        if (p == MAP_FAILED) {
            const int err = errno;
            release();
            throw Error(path_ + ": cannot map into memory: " + std::strerror(err));
        }
        data_ = static_cast<const uint8_t *>(p);
    }
}

MappedFile::~MappedFile() { release(); }

MappedFile::MappedFile(MappedFile &&other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)), data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

MappedFile &MappedFile::operator=(MappedFile &&other) noexcept {
    if (this != &other) {
        release();
        path_ = std::move(other.path_);
        fd_ = std::exchange(other.fd_, -1);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

void MappedFile::release() {
    if (data_) ::munmap(const_cast<uint8_t *>(data_), size_);
    if (fd_ >= 0) ::close(fd_);
    data_ = nullptr;
    size_ = 0;
    fd_ = -1;
}

namespace {

uintptr_t pageSize() { return static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE)); }

// Faults in every page that holds a byte of `data` with one call (Linux 5.14 and later; older
// kernels refuse it, and the first reads then fault page by page).
void populate(std::span<const uint8_t> data) {
    const auto begin = reinterpret_cast<uintptr_t>(data.data());
    const uintptr_t first = begin / pageSize() * pageSize();
    ::madvise(reinterpret_cast<void *>(first), begin + data.size() - first, MADV_POPULATE_READ);
}

}  // namespace

void releaseMappedPages(std::span<const uint8_t> data) {
    const auto begin = reinterpret_cast<uintptr_t>(data.data());
    const uintptr_t first = (begin + pageSize() - 1) / pageSize() * pageSize();
    const uintptr_t last = (begin + data.size()) / pageSize() * pageSize();
    if (last > first) ::madvise(reinterpret_cast<void *>(first), last - first, MADV_DONTNEED);
}

void populateMappedPages(std::span<const std::span<const uint8_t>> spans,
                         const std::function<void(double)> &progress) {
    constexpr uintptr_t kPieceBytes = uintptr_t{2} << 20;
    std::vector<std::span<const uint8_t>> pieces;
    for (const auto &span : spans) {
        const auto begin = reinterpret_cast<uintptr_t>(span.data()), end = begin + span.size();
        for (uintptr_t at = begin; at < end;) {
            const uintptr_t next = std::min(end, (at / kPieceBytes + 1) * kPieceBytes);
            pieces.push_back(span.subspan(at - begin, next - at));
            at = next;
        }
    }
    std::atomic<size_t> nextPiece{0}, donePieces{0};
    // Only the calling thread reports, counting every thread's pieces: pieces are 2 MiB (but the
    // last of each span), so the count done is close enough.
    auto work = [&](bool reporting) {
        for (size_t i; (i = nextPiece.fetch_add(1)) < pieces.size();) {
            populate(pieces[i]);
            const size_t done = donePieces.fetch_add(1) + 1;
            if (reporting) progress(static_cast<double>(done) / static_cast<double>(pieces.size()));
        }
    };
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    std::vector<std::jthread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work, false);
    work(static_cast<bool>(progress));
    // The helpers may have taken the last pieces, or all of them (a small file): the end is
    // reported once they are done.
    helpers.clear();
    if (progress) progress(1.0);
}

std::string readTextFile(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot open: " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw Error(path + ": read error");
    return ss.str();
}

}  // namespace qd
