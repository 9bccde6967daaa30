#include "tokenizer/bpe.h"

#include <functional>
#include <queue>

namespace qd {

namespace {

uint64_t pairKey(int32_t left, int32_t right) {
    return (uint64_t(uint32_t(left)) << 32) | uint32_t(right);
}

}  // namespace

void Bpe::PairTable::reserve(size_t count) {
    size_t capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
}

size_t Bpe::PairTable::slotOf(uint64_t key) const {
    // A 64-bit finalizer mixes both ids into the low bits used as the index.
    key ^= key >> 33;
    key *= 0xFF51AFD7ED558CCDull;
    key ^= key >> 33;
    return key & mask_;
}

void Bpe::PairTable::assign(int32_t left, int32_t right, Rule rule) {
    const uint64_t key = pairKey(left, right);
    for (size_t i = slotOf(key);; i = (i + 1) & mask_) {
        if (slots_[i].key == kEmpty || slots_[i].key == key) {
            slots_[i] = {key, rule};
            return;
        }
    }
}

const Bpe::Rule *Bpe::PairTable::find(int32_t left, int32_t right) const {
    const uint64_t key = pairKey(left, right);
    for (size_t i = slotOf(key);; i = (i + 1) & mask_) {
        if (slots_[i].key == key) return &slots_[i].rule;
        if (slots_[i].key == kEmpty) return nullptr;
    }
}

Bpe::Bpe(const std::array<int32_t, 256> &byteTokens, std::span<const Merge> merges) : byteTokens_(byteTokens) {
    pairs_.reserve(merges.size());
    for (size_t rank = 0; rank < merges.size(); ++rank)
        pairs_.assign(merges[rank].left, merges[rank].right, {static_cast<int32_t>(rank), merges[rank].result});
}

void Bpe::encode(std::string_view bytes, std::vector<int32_t> &out) const {
    if (bytes.size() > kCacheMaxWordBytes) {
        mergeWord(bytes, out);
        return;
    }
    {
        std::lock_guard lock(cacheMutex_);
        if (auto it = cache_.find(bytes); it != cache_.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    const size_t first = out.size();
    mergeWord(bytes, out);
    std::vector<int32_t> ids(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
    std::lock_guard lock(cacheMutex_);
    // Dropping everything when full is crude but keeps memory bounded and favours recent text.
    if (cache_.size() >= kCacheEntries) cache_.clear();
    cache_.emplace(std::string(bytes), std::move(ids));
}

void Bpe::mergeWord(std::string_view bytes, std::vector<int32_t> &out) const {
    const int32_t n = static_cast<int32_t>(bytes.size());
    // Symbols form a doubly linked list over positions; a merge absorbs the right neighbour.
    std::vector<int32_t> ids(n), prev(n), next(n);
    for (int32_t i = 0; i < n; ++i) {
        ids[i] = byteTokens_[static_cast<uint8_t>(bytes[i])];
        prev[i] = i - 1;
        next[i] = i + 1 < n ? i + 1 : -1;
    }
    // Candidates keyed by (rank, position) so the smallest rank, then the leftmost, comes first.
    std::priority_queue<uint64_t, std::vector<uint64_t>, std::greater<>> queue;
    auto consider = [&](int32_t pos) {
        if (pos < 0 || next[pos] < 0) return;
        if (const Rule *r = pairs_.find(ids[pos], ids[next[pos]]))
            queue.push((uint64_t(uint32_t(r->rank)) << 32) | uint32_t(pos));
    };
    for (int32_t i = 0; i + 1 < n; ++i) consider(i);
    while (!queue.empty()) {
        const uint64_t top = queue.top();
        queue.pop();
        const auto rank = static_cast<int32_t>(top >> 32);
        const auto pos = static_cast<int32_t>(top & 0xFFFFFFFFu);
        // Stale entries: the symbol was absorbed, or its pair changed since it was queued.
        if (ids[pos] < 0 || next[pos] < 0) continue;
        const Rule *r = pairs_.find(ids[pos], ids[next[pos]]);
        if (!r || r->rank != rank) continue;
        const int32_t gone = next[pos];
        ids[pos] = r->result;
        ids[gone] = -1;
        next[pos] = next[gone];
        if (next[pos] >= 0) prev[next[pos]] = pos;
        consider(prev[pos]);
        consider(pos);
    }
    for (int32_t i = 0; i >= 0 && i < n; i = next[i]) out.push_back(ids[i]);
}

}  // namespace qd
