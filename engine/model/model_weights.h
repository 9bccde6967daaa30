#pragma once
// A model's weights ready to compute with, at the chosen quantization level. Matrices whose file
// type is already the level's type (and that keep the file's row layout) are used where the
// file's map has them; the rest are converted (or rearranged into row groups) at load into memory
// of huge pages (huge_page_buffer.h), and with a cache folder also written to a cache file whose
// map the next load uses instead of converting again (see weight_cache.h). Mapped matrices are
// moved into huge pages in the background once the load has returned, so a load only waits for
// the file's pages to be read. Norms and biases are held as f32.
#include "kernels/matmul.h"
#include "model/model_source.h"
#include "model/quant_level.h"
#include "model/weight_cache.h"
#include "util/available_memory.h"
#include "util/huge_page_buffer.h"
#include "util/mapped_file.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace qd {

struct LayerWeights {
    std::vector<float> attnNorm, ffnNorm;
    std::vector<float> qBias, kBias, vBias;
    WeightView q, k, v, output;  // attention projections: rows = output features
    WeightView gate, up, down;   // SwiGLU MLP
};

// What a load did with the weight cache.
enum class WeightCacheUse {
    Off,        // no cache folder given: the matrices that needed it were converted in memory
    NotNeeded,  // every matrix already has the level's type: nothing to convert or cache
    Read,       // the converted matrices were read from the cache, nothing was converted
    Written,    // converted and written to a new cache entry
    Failed,     // converted in memory: the cache could not be read or written (see `warning`)
};
std::string_view weightCacheUseName(WeightCacheUse use);  // "off", "not-needed", "read", "written", "failed"

struct WeightLoadOptions {
    std::function<void(double)> progress;  // fraction of the preparation done; may be empty
    std::string cacheDirectory;            // empty: no cache, matrices are converted at every load
    size_t maxCacheEntries = WeightCache::kDefaultMaxEntries;
    // Why the cache could not be used (the load succeeds anyway); may be empty.
    std::function<void(const std::string &)> warning;
    // Q4_0 and Q8_0 matrices (with a multiple of 16 rows) stored in row groups (row_groups.h):
    // the layout of the AVX-512 VNNI and AMX kernels, so the default where the CPU has VNNI. Every
    // kernel computes with either layout.
    bool rowGroups = cpuHasAvx512Vnni();
    // Memory the weights may take; a level whose weights need more is refused with an error
    // saying how much it needs. Empty: no limit (the system's figure could not be read).
    std::optional<uint64_t> availableMemory = availableMemoryBytes();
};

class ModelWeights {
public:
    // progress(fraction) is called as tensors are prepared; may be empty.
    static std::shared_ptr<const ModelWeights> load(std::shared_ptr<const ModelSource> source, QuantLevel level,
                                                    const std::function<void(double)> &progress = {});
    static std::shared_ptr<const ModelWeights> load(std::shared_ptr<const ModelSource> source, QuantLevel level,
                                                    const WeightLoadOptions &options);

    const ModelSource &source() const { return *source_; }
    const ModelConfig &config() const { return source_->config(); }
    QuantLevel level() const { return level_; }
    const WeightView &embedding() const { return embedding_; }
    const WeightView &lmHead() const { return lmHead_; }  // the embedding itself when tied
    const std::vector<float> &outputNorm() const { return outputNorm_; }
    const std::vector<LayerWeights> &layers() const { return layers_; }
    // Bytes of weights that compute reads.
    uint64_t weightBytes() const { return weightBytes_; }
    WeightCacheUse cacheUse() const { return cacheUse_; }
    // Waits until the background move of mapped matrices into huge pages has ended (at once when
    // there is none) and returns the bytes it moved. Benchmarks wait; the app need not.
    size_t waitForHugePages() const;

private:
    ModelWeights() = default;
    std::vector<float> prepareVector(const SourceTensor &tensor) const;

    std::shared_ptr<const ModelSource> source_;
    QuantLevel level_ = QuantLevel::Auto;
    WeightView embedding_, lmHead_;
    std::vector<float> outputNorm_;
    std::vector<LayerWeights> layers_;
    std::vector<MappedFile> maps_;  // the matrices used as the model's files store them
    HugePageBuffer memory_;  // the matrices converted by this load
    std::unique_ptr<WeightCacheEntry> cacheEntry_;  // the matrices read from the weight cache
    WeightCacheUse cacheUse_ = WeightCacheUse::Off;
    uint64_t weightBytes_ = 0;
    std::atomic<size_t> bytesInHugePages_{0};
    std::atomic<bool> hugePagesDone_{true};
    // Last, so it is stopped and joined before the maps it works on go.
    std::jthread hugePageMover_;
};

// Bytes the weight matrices and vectors take at `level`, without loading anything.
uint64_t weightBytesAtLevel(const ModelSource &source, QuantLevel level);

}  // namespace qd
