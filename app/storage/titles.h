#pragma once
// Conversation titles made from the first user message, without asking the model.
#include <QString>

namespace qd::app {

// The first non-empty line, trimmed, whitespace collapsed, cut on a word boundary to at most
// maxLength characters (an ellipsis marks the cut). Text without spaces (Chinese, Japanese) is
// cut at maxLength. "New chat" when nothing is left.
QString titleFromMessage(const QString &text, int maxLength = 60);

}  // namespace qd::app
