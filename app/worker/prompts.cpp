#include "prompts.h"

#include <QCoreApplication>

// Each string is a literal inside QCoreApplication::translate so that lupdate finds it.

namespace qd::app::prompts {

namespace {
QString withText(const QString &instruction, const QString &text) { return instruction + QStringLiteral("\n\n") + text; }
}  // namespace

QString summarizeInstruction() {
    return QCoreApplication::translate("Prompts", "Summarize the following text. Keep the main points, names and numbers, and write the summary in "
              "the language of the text.");
}

QString combineSummariesInstruction() {
    return QCoreApplication::translate("Prompts", "The following are summaries of consecutive parts of one document. Combine them into a single "
              "summary of the whole document, keeping the main points in order.");
}

QString summarize(const QString &text) { return withText(summarizeInstruction(), text); }

QString translate(const QString &text, const QString &targetLanguage) {
    return withText(QCoreApplication::translate("Prompts", "Translate the following text into %1. Reply with the translation only.").arg(targetLanguage),
                    text);
}

QString proofread(const QString &text) {
    return withText(QCoreApplication::translate("Prompts", "Proofread the following text. Correct spelling, grammar and punctuation without changing "
                       "its meaning or style, and reply with the corrected text only."),
                    text);
}

QString rewrite(const QString &text, RewriteStyle style) {
    switch (style) {
    case RewriteStyle::Formal:
        return withText(QCoreApplication::translate("Prompts", "Rewrite the following text in a formal tone. Reply with the rewritten text only."), text);
    case RewriteStyle::Casual:
        return withText(QCoreApplication::translate("Prompts", "Rewrite the following text in a casual, friendly tone. Reply with the rewritten text only."),
                        text);
    case RewriteStyle::Shorter:
        return withText(QCoreApplication::translate("Prompts", "Rewrite the following text to be shorter, keeping its meaning. Reply with the rewritten "
                           "text only."),
                        text);
    }
    return text;
}

}  // namespace qd::app::prompts
