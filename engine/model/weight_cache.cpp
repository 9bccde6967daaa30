#include "model/weight_cache.h"

#include "formats/gguf_writer.h"
#include "util/checked_math.h"
#include "util/error.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace qd {

namespace fs = std::filesystem;

namespace {

// Bump whenever an entry's layout or the bytes the conversion produces change (a new rounding in
// quantizeRow, say): entries written by an older build then no longer match and are rebuilt.
// 2: matrices may be stored in row groups (row_groups.h).
constexpr int kFormatVersion = 2;

constexpr std::string_view kKeyMetadata = "qwendesk.weight_cache.key";
constexpr std::string_view kEntryPrefix = "weights-";
constexpr std::string_view kEntrySuffix = ".gguf";
constexpr std::string_view kTemporarySuffix = ".tmp";
constexpr std::string_view kPartialSuffix = ".partial";  // the GGUF writer's own temporary name
// A temporary file untouched for this long belongs to a process that died while writing it (a
// live writer modifies it continuously).
constexpr auto kAbandonedAfter = std::chrono::hours(1);

// The files whose bytes the converted matrices come from: the GGUF file, or every safetensors
// file of a Hugging Face folder (symbolic links resolved: the Hugging Face cache links snapshot
// files to blobs, and a new revision links to new blobs).
std::vector<std::string> tensorFilesOf(const ModelSource &source) {
    std::vector<std::string> files;
    std::error_code ec;
    if (source.format() == ModelFormat::Gguf) {
        files.push_back(fs::weakly_canonical(fs::absolute(source.path()), ec).string());
    } else {
        for (const auto &item : fs::directory_iterator(source.path(), ec))
            if (item.path().extension() == ".safetensors")
                files.push_back(fs::weakly_canonical(fs::absolute(item.path()), ec).string());
        std::sort(files.begin(), files.end());
    }
    if (ec) throw Error(source.path() + ": cannot list the model's files: " + ec.message());
    return files;
}

// What an entry must have been made from: every tensor file's path, size and modification time
// (nanoseconds), the level and the cache format. Stored in the entry and compared byte for byte.
std::string keyOf(const ModelSource &source, QuantLevel level) {
    std::string key = std::string("qwendesk weight cache ") + std::to_string(kFormatVersion) + "\nlevel " +
                      std::string(quantLevelName(level)) + "\n";
    for (const auto &file : tensorFilesOf(source)) {
        struct stat st {};
        if (::stat(file.c_str(), &st) != 0) throw Error(file + ": cannot examine: " + std::strerror(errno));
        const int64_t mtimeNs = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        key += std::string("file ") + file + "\nsize " + std::to_string(st.st_size) + "\nmtime_ns " + std::to_string(mtimeNs) + "\n";
    }
    return key;
}

uint64_t fnv1a64(std::string_view text) {
    uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

bool isEntryName(const std::string &name) {
    return name.starts_with(kEntryPrefix) && name.ends_with(kEntrySuffix);
}

bool isTemporaryName(const std::string &name) {
    return name.starts_with(kEntryPrefix) &&
           (name.ends_with(kTemporarySuffix) || name.ends_with(std::string(kTemporarySuffix) + std::string(kPartialSuffix)));
}

// A name no other writer uses at the same time: two processes loading the same model at once must
// not write into one temporary file.
std::string temporaryPathFor(const std::string &entryPath) {
    static std::atomic<uint64_t> counter{0};
    return entryPath + "." + std::to_string(::getpid()) + "-" + std::to_string(counter++) + std::string(kTemporarySuffix);
}

uint64_t bytesOf(const CachedMatrix &m) {
    uint64_t bytes = *rowBytes(m.type, m.dims.at(0));
    for (size_t i = 1; i < m.dims.size(); ++i) bytes = checkedMul(bytes, m.dims[i]).value_or(UINT64_MAX);
    return bytes;
}

// The tensor name a matrix has in an entry: a matrix in row groups is named for its layout, so
// that a file holding the other layout never matches.
std::string storedName(const CachedMatrix &m) {
    return m.layout == WeightLayout::RowGroups ? m.name + ".row_groups" : m.name;
}

// Records a use: eviction deletes the entries used least recently first.
void markUsed(const std::string &path) { ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0); }

// The bytes of `matrices` if the file is exactly what `key` and `matrices` describe, else nothing.
// May throw qd::Error for metadata of an unexpected type.
std::optional<std::vector<std::span<const uint8_t>>> matricesIfMatching(const gguf::File &file, const std::string &key,
                                                                      std::span<const CachedMatrix> matrices) {
    const auto storedKey = file.getString(kKeyMetadata);
    if (!storedKey || *storedKey != key) return std::nullopt;
    if (file.getUInt("general.alignment") != WeightCache::kAlignment) return std::nullopt;
    if (file.tensors().size() != matrices.size()) return std::nullopt;
    std::vector<std::span<const uint8_t>> data;
    for (const auto &m : matrices) {
        const gguf::TensorInfo *t = file.findTensor(storedName(m));
        if (!t || t->type != m.type || t->dims != m.dims) return std::nullopt;
        data.push_back(file.tensorData(*t));
        if (reinterpret_cast<uintptr_t>(data.back().data()) % WeightCache::kAlignment != 0) return std::nullopt;
    }
    return data;
}

}  // namespace

WeightCache::WeightCache(std::string directory, size_t maxEntries)
    : directory_(std::move(directory)), maxEntries_(std::max<size_t>(maxEntries, 1)) {}

std::string WeightCache::entryPath(const ModelSource &source, QuantLevel level) const {
    // Named after what stays the same when the model file is replaced (paths and level): a new
    // version of a model overwrites its stale entry instead of waiting to be evicted.
    std::string identity = std::to_string(kFormatVersion);
    for (const auto &file : tensorFilesOf(source)) identity += std::string("\n") + file;
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a64(identity)));
    return (fs::path(directory_) / (std::string(kEntryPrefix) + hash + "-" + std::string(quantLevelName(level)) +
                                    std::string(kEntrySuffix)))
        .string();
}

std::unique_ptr<WeightCacheEntry> WeightCache::open(const ModelSource &source, QuantLevel level,
                                                    std::span<const CachedMatrix> matrices) const {
    const std::string path = entryPath(source, level);
    const std::string key = keyOf(source, level);
    std::unique_ptr<WeightCacheEntry> entry;
    try {
        entry.reset(new WeightCacheEntry(path));
        auto data = matricesIfMatching(entry->file_, key, matrices);
        if (!data) return nullptr;  // stale, or not written by this build: it will be rewritten
        entry->matrices_ = std::move(*data);
    } catch (const std::exception &) {
        return nullptr;  // missing, unreadable or not a valid GGUF file: it will be rewritten
    }
    markUsed(path);
    return entry;
}

void WeightCache::write(const ModelSource &source, QuantLevel level, std::span<const CachedMatrix> matrices,
                        const std::function<void(size_t, const ByteSink &)> &produce) const {
    std::error_code ec;
    fs::create_directories(directory_, ec);
    if (ec) throw Error(directory_ + ": cannot create the weight cache folder: " + ec.message());

    gguf::Writer writer(kAlignment);
    writer.addString(std::string(kKeyMetadata), keyOf(source, level));
    uint64_t bytes = 0;
    for (size_t i = 0; i < matrices.size(); ++i) {
        writer.addTensor(storedName(matrices[i]), matrices[i].type, matrices[i].dims,
                         [&produce, i](const ByteSink &sink) { produce(i, sink); });
        bytes = checkedAdd(bytes, bytesOf(matrices[i])).value_or(UINT64_MAX);
    }
    // Converting into a file that fills the disk at 90% would cost the conversion twice.
    const fs::space_info space = fs::space(directory_, ec);
    if (!ec && space.available < bytes)
        throw Error(directory_ + ": not enough free space for the converted weights (" + std::to_string(bytes >> 20) +
                    " MiB needed, " + std::to_string(space.available >> 20) + " MiB free)");

    const std::string path = entryPath(source, level);
    const std::string temporary = temporaryPathFor(path);
    // The writer flushes the data to disk before its file appears under `temporary`; the rename
    // then replaces any old entry in one step, even one another process has mapped.
    writer.write(temporary);
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int err = errno;
        std::remove(temporary.c_str());
        throw Error(path + ": cannot move the weight cache file into place: " + std::strerror(err));
    }
    evictOldEntries();
    if (!open(source, level, matrices))
        throw Error(path + ": the weight cache file just written does not read back");
}

void WeightCache::evictOldEntries() const {
    struct Entry {
        fs::path path;
        fs::file_time_type used;
    };
    std::vector<Entry> entries;
    std::error_code ec;
    const auto now = fs::file_time_type::clock::now();
    for (const auto &item : fs::directory_iterator(directory_, ec)) {
        // Only regular files named as this class names them: the folder may hold anything else.
        if (!item.is_regular_file(ec) || item.is_symlink(ec)) continue;
        const std::string name = item.path().filename().string();
        const auto modified = item.last_write_time(ec);
        if (ec) continue;
        if (isEntryName(name))
            entries.push_back({item.path(), modified});
        else if (isTemporaryName(name) && now - modified > kAbandonedAfter)
            fs::remove(item.path(), ec);
    }
    if (entries.size() <= maxEntries_) return;
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.used > b.used; });
    // Deleting an entry another process has mapped is safe: its pages live until it unmaps them.
    for (size_t i = maxEntries_; i < entries.size(); ++i) fs::remove(entries[i].path, ec);
}

}  // namespace qd
