#pragma once
// Turns ids into text as they are generated. Pieces never split a UTF-8 character: the bytes of
// an unfinished character are held back until it completes, or become U+FFFD once they no longer
// can (or at finish). The pieces joined equal Tokenizer::decode of all the ids.
#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <string>

namespace qd {

class StreamingDecoder {
public:
    explicit StreamingDecoder(const Tokenizer &tokenizer);

    // The text that id completes; may be empty. Throws qd::Error for an unknown id.
    std::string push(int32_t id);
    // Whatever is still held back, then starts afresh.
    std::string finish();

private:
    Tokenizer tokenizer_;
    std::string pending_;  // bytes not yet emitted: at most an unfinished character
};

}  // namespace qd
