#include "model/model_weights.h"

#include "kernels/dequantize.h"
#include "kernels/quantize.h"
#include "kernels/row_groups.h"
#include "model/tensor_layout.h"
#include "util/error.h"
#include "util/mapped_file.h"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>

namespace qd {

namespace {

// Row length and row count of a matrix tensor (validated by tensor_layout before this runs).
int64_t cols(const SourceTensor &t) { return static_cast<int64_t>(t.dims[0]); }
int64_t rows(const SourceTensor &t) { return t.dims.size() > 1 ? static_cast<int64_t>(t.dims[1]) : 1; }

TensorType targetType(const SourceTensor &t, QuantLevel level, const std::string &path) {
    const TensorType target = matrixTypeAt(level, t.type);
    if (!rowBytes(target, static_cast<uint64_t>(cols(t))))
        throw Error(path + ": tensor '" + t.fileName + "' cannot run at " + std::string(quantLevelName(level)) +
                    ": its row length " + std::to_string(cols(t)) + " is not a multiple of the " +
                    std::string(tensorTypeName(target)) + " block size");
    return target;
}

// A matrix whose file type differs from the type it runs at, or which runs in row groups, and
// where its converted bytes go.
struct Conversion {
    const SourceTensor *tensor;
    TensorType target;
    WeightLayout layout;
    uint8_t *destination;
};

// Converts the matrix row by row (rows already of the target type are only rearranged), handing
// the result to `sink` about a MiB at a time so that neither the cache writer nor anyone else has to
// hold more of it than that. Chunks are whole row groups when the matrix runs in them.
void convertMatrix(const Conversion &c, const ByteSink &sink) {
    const SourceTensor &t = *c.tensor;
    const int64_t n = cols(t), r = rows(t);
    const uint64_t inRowBytes = *rowBytes(t.type, static_cast<uint64_t>(n));
    const uint64_t outRowBytes = *rowBytes(c.target, static_cast<uint64_t>(n));
    const int64_t unit = c.layout == WeightLayout::RowGroups ? kRowGroupRows : 1;
    const int64_t rowsPerChunk =
        std::max<int64_t>(1, static_cast<int64_t>((uint64_t{1} << 20) / outRowBytes) / unit) * unit;
    const bool convert = t.type != c.target;  // else the rows only move into row groups
    const size_t chunkBytes = static_cast<size_t>(outRowBytes) * static_cast<size_t>(rowsPerChunk);
    std::vector<float> row(convert ? static_cast<size_t>(n) : 0);
    std::vector<uint8_t> converted(convert ? chunkBytes : 0);
    std::vector<uint8_t> groups(c.layout == WeightLayout::RowGroups ? chunkBytes : 0);
    for (int64_t first = 0; first < r; first += rowsPerChunk) {
        const int64_t count = std::min(rowsPerChunk, r - first);
        const uint8_t *rowsIn = t.data.data() + inRowBytes * static_cast<uint64_t>(first);
        if (convert) {
            for (int64_t i = 0; i < count; ++i) {
                dequantizeRow(t.type, rowsIn + inRowBytes * static_cast<uint64_t>(i), row.data(), n);
                quantizeRow(c.target, row.data(), converted.data() + outRowBytes * static_cast<uint64_t>(i), n);
            }
            rowsIn = converted.data();
        }
        const uint64_t bytes = outRowBytes * static_cast<uint64_t>(count);
        if (c.layout == WeightLayout::Rows) {
            sink({rowsIn, bytes});
            continue;
        }
        packRowGroups(c.target, count, n, rowsIn, groups.data());
        sink({groups.data(), bytes});
    }
    // Never read again: keeping the file's pages would make a load hold the matrix twice.
    releaseMappedPages(t.data);
}

// Converts the matrix into its destination, handing every chunk to `alsoTo` as well when it is set.
void convertToDestination(const Conversion &c, const ByteSink &alsoTo = {}) {
    uint64_t filled = 0;
    convertMatrix(c, [&](std::span<const uint8_t> bytes) {
        std::memcpy(c.destination + filled, bytes.data(), bytes.size());
        filled += bytes.size();
        if (alsoTo) alsoTo(bytes);
    });
}

std::string gigabytes(uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / 1e9);
    return text;
}

// The matrices the model computes with, in the order the layers use them; a tied LM head is the
// embedding itself and not listed.
std::vector<std::string> matrixNames(const ModelConfig &c) {
    std::vector<std::string> names = {"token_embd.weight"};
    if (!c.tieWordEmbeddings) names.push_back("output.weight");
    for (int64_t l = 0; l < c.numLayers; ++l)
        for (const char *m : {"attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"})
            names.push_back(std::string("blk.") + std::to_string(l) + "." + m + ".weight");
    return names;
}

}  // namespace

std::string_view weightCacheUseName(WeightCacheUse use) {
    switch (use) {
    case WeightCacheUse::Off: return "off";
    case WeightCacheUse::NotNeeded: return "not-needed";
    case WeightCacheUse::Read: return "read";
    case WeightCacheUse::Written: return "written";
    case WeightCacheUse::Failed: return "failed";
    }
    return "unknown";
}

std::vector<float> ModelWeights::prepareVector(const SourceTensor &t) const {
    std::vector<float> v(static_cast<size_t>(cols(t)));
    dequantizeRow(t.type, t.data.data(), v.data(), cols(t));
    return v;
}

std::shared_ptr<const ModelWeights> ModelWeights::load(std::shared_ptr<const ModelSource> source, QuantLevel level,
                                                       const std::function<void(double)> &progress) {
    WeightLoadOptions options;
    options.progress = progress;
    return load(std::move(source), level, options);
}

std::shared_ptr<const ModelWeights> ModelWeights::load(std::shared_ptr<const ModelSource> source, QuantLevel level,
                                                       const WeightLoadOptions &options) {
    std::shared_ptr<ModelWeights> w(new ModelWeights());
    w->source_ = std::move(source);
    w->level_ = level;
    const ModelSource &src = *w->source_;
    const ModelConfig &c = src.config();
    auto tensor = [&](const std::string &name) -> const SourceTensor & {
        const SourceTensor *t = src.find(name);
        if (!t) throw Error(src.path() + ": tensor '" + name + "' is missing");
        return *t;
    };
    auto report = [&](double fraction) {
        if (options.progress) options.progress(fraction);
    };

    // Matrices the file stores as they run are used from a map of the file; the others are
    // converted into one buffer of huge pages, 64-byte aligned for the kernels' widest loads, or
    // read from the weight cache's map. The maps of the model's files are the weights' own: their
    // pages are moved into huge pages under them, which must never happen to the source's maps,
    // whose pages conversions (and the end of this load) release.
    std::map<std::string, WeightView> views;
    const std::vector<const MappedFile *> sourceMaps = src.mappedFiles();
    std::vector<std::optional<MappedFile>> ownMaps(sourceMaps.size());
    auto inOwnMap = [&](std::span<const uint8_t> data) {
        for (size_t m = 0; m < sourceMaps.size(); ++m) {
            const std::span<const uint8_t> bytes = sourceMaps[m]->bytes();
            if (data.data() < bytes.data() || data.data() + data.size() > bytes.data() + bytes.size()) continue;
            if (!ownMaps[m]) ownMaps[m] = sourceMaps[m]->mapAgain();
            if (ownMaps[m]->size() != bytes.size())
                throw Error(sourceMaps[m]->path() + ": the file changed while the model was loading");
            return ownMaps[m]->bytes().subspan(static_cast<size_t>(data.data() - bytes.data()), data.size());
        }
        throw Error(src.path() + ": a tensor lies outside the model's files");  // cannot happen
    };
    std::vector<std::span<const uint8_t>> mapped;  // matrices used from a map, in the layers' order
    std::vector<Conversion> conversions;
    std::vector<std::string> convertedNames;
    std::vector<size_t> offsets;  // of conversions[i] in the buffer
    size_t totalBytes = 0, convertedBytes = 0;
    for (const auto &name : matrixNames(c)) {
        const SourceTensor &t = tensor(name);
        const TensorType target = targetType(t, level, src.path());
        const WeightLayout layout = options.rowGroups && rowGroupsSupported(target, rows(t), cols(t))
                                        ? WeightLayout::RowGroups
                                        : WeightLayout::Rows;
        WeightView &view = views[name] = WeightView{target, rows(t), cols(t), nullptr, layout};
        const uint64_t bytes = *rowBytes(target, static_cast<uint64_t>(cols(t))) * static_cast<uint64_t>(rows(t));
        w->weightBytes_ += bytes;
        totalBytes += static_cast<size_t>(bytes);
        if (target == t.type && layout == WeightLayout::Rows) {
            mapped.push_back(inOwnMap(t.data));
            view.data = mapped.back().data();
        } else {
            conversions.push_back({&t, target, layout, nullptr});
            convertedNames.push_back(name);
            offsets.push_back(convertedBytes);
            convertedBytes += static_cast<size_t>((bytes + 63) / 64 * 64);
        }
    }
    // Every byte ends up resident, mapped or converted.
    if (options.availableMemory && totalBytes > *options.availableMemory)
        throw Error(src.path() + ": the weights need " + gigabytes(totalBytes) + " of memory at " +
                    std::string(quantLevelName(level)) + ", but only " + gigabytes(*options.availableMemory) +
                    " is available: choose a smaller quantization level or close other programs");
    std::vector<std::span<const uint8_t>> maps;  // those the mapped matrices lie in
    for (auto &map : ownMaps)
        if (map) maps.push_back(map->bytes());

    // Progress: reading the mapped matrices' pages (their share of all the bytes), then the
    // conversions or the cache entry's pages.
    uint64_t mappedBytes = 0;
    for (const auto &span : mapped) mappedBytes += span.size();
    const double mappedShare = totalBytes > 0 ? static_cast<double>(mappedBytes) / static_cast<double>(totalBytes) : 0.0;
    auto reportConversion = [&](double fraction) { report(mappedShare + (1.0 - mappedShare) * fraction); };
    populateMappedPages(mapped, [&](double fraction) { report(mappedShare * fraction); });

    auto allocateConversions = [&] {
        w->memory_ = HugePageBuffer(convertedBytes);
        for (size_t i = 0; i < conversions.size(); ++i) {
            conversions[i].destination = w->memory_.data() + offsets[i];
            views.at(convertedNames[i]).data = conversions[i].destination;
        }
    };
    auto convertInMemory = [&] {
        allocateConversions();
        for (size_t i = 0; i < conversions.size(); ++i) {
            convertToDestination(conversions[i]);
            reportConversion(static_cast<double>(i + 1) / static_cast<double>(conversions.size()));
        }
    };
    if (conversions.empty()) {
        w->cacheUse_ = WeightCacheUse::NotNeeded;
    } else if (options.cacheDirectory.empty()) {
        w->cacheUse_ = WeightCacheUse::Off;
        convertInMemory();
    } else {
        std::vector<CachedMatrix> cached;
        for (size_t i = 0; i < conversions.size(); ++i)
            cached.push_back({convertedNames[i], conversions[i].target, conversions[i].tensor->dims, conversions[i].layout});
        const WeightCache cache(options.cacheDirectory, options.maxCacheEntries);
        try {
            if (auto entry = cache.open(src, level, cached)) {
                std::vector<std::span<const uint8_t>> fromCache;
                for (size_t i = 0; i < conversions.size(); ++i) {
                    fromCache.push_back(entry->matrix(i));
                    views.at(convertedNames[i]).data = entry->matrix(i).data();
                }
                populateMappedPages(fromCache, reportConversion);
                mapped.insert(mapped.end(), fromCache.begin(), fromCache.end());
                maps.push_back(entry->bytes());
                w->cacheEntry_ = std::move(entry);
                w->cacheUse_ = WeightCacheUse::Read;
            } else {
                allocateConversions();
                cache.write(src, level, cached, [&](size_t i, const ByteSink &sink) {
                    convertToDestination(conversions[i], sink);
                    reportConversion(static_cast<double>(i + 1) / static_cast<double>(conversions.size()));
                });
                w->cacheUse_ = WeightCacheUse::Written;
            }
        } catch (const std::exception &e) {
            // The cache only saves time: whatever went wrong with it, convert as without one.
            if (options.warning) options.warning(std::string("weight cache not used: ") + e.what());
            w->cacheUse_ = WeightCacheUse::Failed;
            convertInMemory();
        }
    }

    w->embedding_ = views.at("token_embd.weight");
    w->lmHead_ = c.tieWordEmbeddings ? w->embedding_ : views.at("output.weight");
    w->outputNorm_ = w->prepareVector(tensor("output_norm.weight"));
    for (int64_t l = 0; l < c.numLayers; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        LayerWeights L;
        L.attnNorm = w->prepareVector(tensor(p + "attn_norm.weight"));
        L.ffnNorm = w->prepareVector(tensor(p + "ffn_norm.weight"));
        L.qBias = w->prepareVector(tensor(p + "attn_q.bias"));
        L.kBias = w->prepareVector(tensor(p + "attn_k.bias"));
        L.vBias = w->prepareVector(tensor(p + "attn_v.bias"));
        L.q = views.at(p + "attn_q.weight");
        L.k = views.at(p + "attn_k.weight");
        L.v = views.at(p + "attn_v.weight");
        L.output = views.at(p + "attn_output.weight");
        L.gate = views.at(p + "ffn_gate.weight");
        L.up = views.at(p + "ffn_up.weight");
        L.down = views.at(p + "ffn_down.weight");
        w->layers_.push_back(std::move(L));
    }
    const uint64_t vectorFloats = static_cast<uint64_t>(c.hiddenSize) * (1 + 2 * c.numLayers) +
                                  static_cast<uint64_t>(c.qDim() + 2 * c.kvDim()) * c.numLayers;
    w->weightBytes_ += vectorFloats * sizeof(float);
    // Nothing computes from the source's maps any more (metadata and vectors read, conversions
    // done); their pages would only add to this process's memory.
    for (const MappedFile *map : sourceMaps) releaseMappedPages(map->bytes());
    for (auto &map : ownMaps)
        if (map) w->maps_.push_back(std::move(*map));
    if (!mapped.empty()) {
        w->hugePagesDone_ = false;
        w->hugePageMover_ = std::jthread([weights = w.get(), maps = std::move(maps), mapped = std::move(mapped)](
                                             std::stop_token stop) {
            // Only on otherwise idle cores: a reply computed meanwhile keeps both cores (its threads
            // wait for each other at every step, so losing one to the move stalled decode 8-fold).
            const sched_param idle{};
            pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
            weights->bytesInHugePages_ = moveIntoHugePages(maps, mapped, stop);
            weights->hugePagesDone_ = true;
            weights->hugePagesDone_.notify_all();
        });
    }
    report(1.0);
    return w;
}

size_t ModelWeights::waitForHugePages() const {
    hugePagesDone_.wait(false);
    return bytesInHugePages_;
}

uint64_t weightBytesAtLevel(const ModelSource &source, QuantLevel level) {
    uint64_t total = 0;
    for (const auto &e : expectedTensors(source.config())) {
        const SourceTensor *t = source.find(e.name);
        if (!t) continue;
        if (e.dims.size() == 1) {
            total += e.dims[0] * sizeof(float);
            continue;
        }
        const auto bytes = rowBytes(matrixTypeAt(level, t->type), e.dims[0]);
        total += bytes ? *bytes * e.dims[1] : 0;
    }
    return total;
}

}  // namespace qd
