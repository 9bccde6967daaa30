#pragma once
// The order in which a decode kernel visits its share of weight rows.
#include "kernels/decode_batch.h"

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

// Visits the rows [rowBegin, rowEnd) in RowStreams order and, at each row, the tokens in passes
// (forEachPass), calling run(row, firstToken, count): every pass of a row runs while the row is
// in cache.
template <typename Run>
void forEachRowPass(int64_t rowBegin, int64_t rowEnd, int64_t tokens, int64_t perPass, const Run &run) {
    const RowStreams order(rowBegin, rowEnd);
    for (int64_t visit = 0; visit < order.visits(); ++visit) {
        const int64_t r = order.row(visit);
        if (r == rowEnd) continue;
        forEachPass(tokens, perPass, [&](int64_t first, int64_t count) { run(r, first, count); });
    }
}

}  // namespace qd::detail
