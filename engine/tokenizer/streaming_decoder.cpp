#include "tokenizer/streaming_decoder.h"

#include "tokenizer/utf8_lossy.h"

namespace qd {

StreamingDecoder::StreamingDecoder(const Tokenizer &tokenizer) : tokenizer_(tokenizer) {}

std::string StreamingDecoder::push(int32_t id) {
    pending_.append(tokenizer_.tokenBytes(id));
    // The held-back tail starts a character, so the text before it decodes exactly as it would
    // inside the whole sequence.
    const size_t ready = pending_.size() - unfinishedTailLength(pending_);
    std::string text = lossyUtf8(std::string_view(pending_).substr(0, ready));
    pending_.erase(0, ready);
    return text;
}

std::string StreamingDecoder::finish() {
    std::string text = lossyUtf8(pending_);
    pending_.clear();
    return text;
}

}  // namespace qd
