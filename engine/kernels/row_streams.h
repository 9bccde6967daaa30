#pragma once
// The order in which a decode kernel visits its share of weight rows.
#include <cstdint>

namespace qd::detail {

// A decode step is bound by how fast the weights arrive from memory, and the hardware prefetchers
// keep more cache-line fetches in flight for several sequential streams than for one. So a
// kernel splits its rows [begin, end) into kRowStreams runs of consecutive rows and visits one row
// of each run in turn: Q4_0 decode of the 1.5B shape went from about 19.5 to 26 tokens per CPU
// second with 4 runs (2 threads; 8 and 16 runs were slower again).
class RowStreams {
public:
    static constexpr int64_t kRowStreams = 4;

    RowStreams(int64_t begin, int64_t end, int64_t runs = kRowStreams)
        : begin_(begin), end_(end), runs_(runs), perRun_((end - begin + runs - 1) / runs) {}

    // Visits are numbered 0 .. visits() - 1; a visit past the last row gives `end`.
    int64_t visits() const { return perRun_ * runs_; }
    int64_t row(int64_t visit) const {
        const int64_t r = begin_ + (visit % runs_) * perRun_ + visit / runs_;
        return r < end_ ? r : end_;
    }

private:
    int64_t begin_, end_, runs_, perRun_;
};

}  // namespace qd::detail
