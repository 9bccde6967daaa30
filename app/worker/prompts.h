#pragma once
// Every instruction QwenDesk writes to the model on the user's behalf, in one translatable place
// (translation context "Prompts"). Each returns the text of a user message: the instruction,
// a blank line, then the user's text; instructions alone are given for the document workflow,
// which adds the text itself chunk by chunk.
#include <QString>

namespace qd::app::prompts {

// Instructions without the text (document workflow).
QString summarizeInstruction();
QString combineSummariesInstruction();

QString summarize(const QString &text);
QString translate(const QString &text, const QString &targetLanguage);
QString proofread(const QString &text);

enum class RewriteStyle { Formal, Casual, Shorter };
QString rewrite(const QString &text, RewriteStyle style);

}  // namespace qd::app::prompts
