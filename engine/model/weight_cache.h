#pragma once
// A folder of weight matrices already converted to a quantization level, so that the next load of
// the same model at the same level reads them instead of converting again (tens of seconds for a
// 1.5B model). One entry is one GGUF file holding the converted matrices of one (source, level),
// and those rearranged into row groups (row_groups.h); matrices the model already stores in the
// level's type and layout are not in it (loads use those from the model's own file). The file
// records the key it was made for (every tensor file's absolute path, size and modification time,
// the level and the cache format), and an entry whose key, tensors or structure do not match
// exactly is ignored and replaced; nothing read from the file is trusted unchecked.
//
// Entries are written to a temporary file in the same folder, flushed to disk, and renamed into
// place, so a crash never leaves a half-written entry under its final name. The folder keeps the
// `maxEntries` most recently used entries and deletes older ones: a count, not a byte budget,
// because an entry is as large as the model at that level and a user switches between a few
// (model, level) pairs, so a count bounds the disk use to a few model sizes without having to guess
// the disk's size.
#include "formats/gguf.h"
#include "formats/tensor_producer.h"
#include "kernels/weight_view.h"
#include "model/model_source.h"
#include "model/quant_level.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace qd {

// A converted matrix as an entry holds it: canonical name, the type it runs at, GGUF dimensions,
// and how its blocks are arranged.
struct CachedMatrix {
    std::string name;
    TensorType type = TensorType::F32;
    std::vector<uint64_t> dims;
    WeightLayout layout = WeightLayout::Rows;
};

// An entry that matched its key and matrices, memory-mapped: the spans stay valid while it lives.
class WeightCacheEntry {
public:
    const std::string &path() const { return file_.path(); }
    // The whole entry file as mapped.
    std::span<const uint8_t> bytes() const { return file_.map().bytes(); }
    // The bytes of matrices[i] of the list the entry was opened or written with.
    std::span<const uint8_t> matrix(size_t i) const { return matrices_.at(i); }

private:
    friend class WeightCache;
    explicit WeightCacheEntry(const std::string &path) : file_(path) {}
    gguf::File file_;
    std::vector<std::span<const uint8_t>> matrices_;
};

class WeightCache {
public:
    static constexpr size_t kDefaultMaxEntries = 3;
    // Alignment of the matrices inside an entry, so the kernels' widest loads find them aligned.
    static constexpr uint32_t kAlignment = 64;

    explicit WeightCache(std::string directory, size_t maxEntries = kDefaultMaxEntries);

    const std::string &directory() const { return directory_; }

    // The entry for this source and level if one exists and holds exactly `matrices`; nullptr when
    // there is none or it is stale, truncated or otherwise not what it should be. A hit counts as a
    // use for the eviction order. Throws qd::Error only when the source's files cannot be examined.
    std::unique_ptr<WeightCacheEntry> open(const ModelSource &source, QuantLevel level,
                                           std::span<const CachedMatrix> matrices) const;

    // Writes the entry, asking `produce(i, sink)` for the bytes of matrices[i] (streamed, so the
    // converted model is never held in memory as well), checks that it opens as an entry for these
    // matrices, and evicts the oldest entries. Throws qd::Error naming the problem (no space,
    // read-only folder...); then nothing is left in the folder.
    void write(const ModelSource &source, QuantLevel level, std::span<const CachedMatrix> matrices,
               const std::function<void(size_t, const ByteSink &)> &produce) const;

private:
    std::string entryPath(const ModelSource &source, QuantLevel level) const;
    void evictOldEntries() const;

    std::string directory_;
    size_t maxEntries_;
};

}  // namespace qd
