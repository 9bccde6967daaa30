#include "context_builder.h"

#include <QCoreApplication>

namespace qd::app {

namespace {

// Where each droppable turn starts, after the system message and before the newest user message.
struct TurnLayout {
    size_t firstTurn = 0;           // 1 when the conversation starts with a system message
    std::vector<size_t> turnStarts; // droppable turns, oldest first
    size_t keptFrom = 0;            // the newest user message: never dropped
};

TurnLayout layoutOf(const std::vector<ChatMessage> &messages) {
    TurnLayout layout;
    layout.firstTurn = !messages.empty() && messages.front().role == "system" ? 1 : 0;
    layout.keptFrom = layout.firstTurn;
    for (size_t i = messages.size(); i > layout.firstTurn; --i)
        if (messages[i - 1].role == "user") {
            layout.keptFrom = i - 1;
            break;
        }
    for (size_t i = layout.firstTurn; i < layout.keptFrom; ++i)
        if (i == layout.firstTurn || messages[i].role == "user") layout.turnStarts.push_back(i);
    return layout;
}

// The conversation without its `dropped` oldest turns.
std::vector<ChatMessage> withoutOldest(const std::vector<ChatMessage> &messages, const TurnLayout &layout,
                                       size_t dropped) {
    std::vector<ChatMessage> kept(messages.begin(), messages.begin() + static_cast<ptrdiff_t>(layout.firstTurn));
    const size_t from = dropped < layout.turnStarts.size() ? layout.turnStarts[dropped] : layout.keptFrom;
    kept.insert(kept.end(), messages.begin() + static_cast<ptrdiff_t>(from), messages.end());
    return kept;
}

}  // namespace

std::vector<int32_t> ContextBuilder::encodePrompt(const std::vector<ChatMessage> &messages) const {
    return tokenizer_.encodePieces(template_.renderPieces(messages, nullptr, true));
}

int64_t ContextBuilder::countPrompt(const std::vector<ChatMessage> &messages) const {
    return static_cast<int64_t>(encodePrompt(messages).size());
}

ContextResult ContextBuilder::build(const std::vector<ChatMessage> &messages, const ContextLimits &limits) const {
    const int64_t limit = limits.contextLength - limits.replyReserve;
    std::vector<int32_t> full = encodePrompt(messages);
    if (static_cast<int64_t>(full.size()) <= limit) return BuiltContext{std::move(full), 0};

    // Dropping more turns never makes the prompt longer, so the fewest drops that fit can be
    // found by bisection instead of rendering once per turn.
    const TurnLayout layout = layoutOf(messages);
    size_t low = 1, high = layout.turnStarts.size() + 1;  // high: "drop all" is tried last
    while (low < high) {
        const size_t mid = low + (high - low) / 2;
        if (countPrompt(withoutOldest(messages, layout, mid)) <= limit) high = mid;
        else low = mid + 1;
    }
    if (low <= layout.turnStarts.size())
        return BuiltContext{encodePrompt(withoutOldest(messages, layout, low)), static_cast<int>(low)};

    // Even the system prompt and the newest turn alone are too long: say by how much.
    std::vector<ChatMessage> minimal = withoutOldest(messages, layout, layout.turnStarts.size());
    ContextRefusal refusal;
    if (layout.firstTurn < minimal.size()) {
        ChatMessage &newest = minimal[layout.firstTurn];
        refusal.messageTokens = static_cast<int64_t>(tokenizer_.encodePlain(newest.content.value_or("")).size());
        newest.content = std::string();
    }
    refusal.limitTokens = std::max<int64_t>(0, limit - countPrompt(minimal));
    refusal.message = QCoreApplication::translate(
                          "ContextBuilder",
                          "The message is %1 tokens long, but at most %2 tokens fit: the context holds %3 "
                          "tokens and %4 are kept for the reply.")
                          .arg(refusal.messageTokens)
                          .arg(refusal.limitTokens)
                          .arg(limits.contextLength)
                          .arg(limits.replyReserve);
    return refusal;
}

}  // namespace qd::app
