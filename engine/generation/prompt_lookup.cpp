#include "generation/prompt_lookup.h"

#include <algorithm>

namespace qd {

size_t findPromptLookupDraft(std::span<const int32_t> context, std::span<int32_t> draft) {
    const size_t size = context.size();
    if (size < 2 || draft.empty()) return 0;
    // Walk candidate end positions from the latest back, measuring how many tokens up to each
    // agree with the context's ending. The first candidate of the longest length wins, so a match
    // long enough for a full draft ends the scan.
    const size_t maxLength = draft.size() + 1;
    size_t bestLength = 0, bestEnd = 0;
    for (size_t end = size - 1; end-- > 0;) {
        size_t length = 0;
        while (length < maxLength && length <= end && context[end - length] == context[size - 1 - length]) ++length;
        if (length > bestLength) {
            bestLength = length;
            bestEnd = end;
            if (length == maxLength) break;
        }
    }
    if (bestLength < kPromptLookupMinMatch) return 0;
    const size_t count = std::min(bestLength - 1, size - 1 - bestEnd);
    std::copy_n(context.begin() + static_cast<std::ptrdiff_t>(bestEnd + 1), count, draft.begin());
    return count;
}

}  // namespace qd
