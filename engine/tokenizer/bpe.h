#pragma once
// Byte-level BPE: a pre-token's bytes start as one token each and adjacent pairs are merged,
// lowest merge rank first (leftmost on ties), as Hugging Face's BPE model does. Results are
// cached per pre-token; the cache is bounded and shared by threads.
#include <array>
#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace qd {

class Bpe {
public:
    struct Merge {
        int32_t left;
        int32_t right;
        int32_t result;
    };

    // byteTokens[b] is the id of the token made of the single byte b. merges are in rank order;
    // a pair listed twice keeps its last rank, as in Hugging Face.
    Bpe(const std::array<int32_t, 256> &byteTokens, std::span<const Merge> merges);

    // Appends the ids of one pre-token to out.
    void encode(std::string_view bytes, std::vector<int32_t> &out) const;

private:
    struct Rule {
        int32_t rank;
        int32_t result;
    };
    // Open-addressing table from an id pair to its merge; probed on every merge step.
    class PairTable {
    public:
        void reserve(size_t count);
        void assign(int32_t left, int32_t right, Rule rule);
        const Rule *find(int32_t left, int32_t right) const;

    private:
        struct Slot {
            uint64_t key = kEmpty;
            Rule rule{};
        };
        static constexpr uint64_t kEmpty = ~uint64_t{0};
        size_t slotOf(uint64_t key) const;
        std::vector<Slot> slots_;
        size_t mask_ = 0;
    };

    struct StringHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    void mergeWord(std::string_view bytes, std::vector<int32_t> &out) const;

    std::array<int32_t, 256> byteTokens_;
    PairTable pairs_;

    static constexpr size_t kCacheEntries = 65536;
    static constexpr size_t kCacheMaxWordBytes = 256;
    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::string, std::vector<int32_t>, StringHash, std::equal_to<>> cache_;
};

}  // namespace qd
