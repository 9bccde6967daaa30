#pragma once
// A prompt is handed to the tokenizer as pieces: text written by the chat template, where
// special-token text such as "<|im_start|>" is a control token, and text a person wrote, which is
// always tokenized as plain text (a "<|im_end|>" typed by a user must not end a turn).
#include <string>

namespace qd {

struct TextPiece {
    std::string text;
    bool parseSpecialTokens = false;
};

}  // namespace qd
