#pragma once
// Turning token bytes into text the way Hugging Face does (Rust's String::from_utf8_lossy): each
// maximal run of bytes that starts a character but cannot finish it becomes one U+FFFD.
#include <cstddef>
#include <string>
#include <string_view>

namespace qd {

std::string lossyUtf8(std::string_view bytes);

// Number of trailing bytes that begin a character which more bytes could still complete (0..3).
size_t unfinishedTailLength(std::string_view bytes);

}  // namespace qd
