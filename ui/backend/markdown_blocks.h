#pragma once
// A reply split into what the message delegate draws: Markdown text (rendered to HTML here, so
// the view never parses model output itself) and fenced code blocks (drawn in a monospace box
// with a Copy button). Model output never loads anything: raw HTML is not interpreted and
// images become their alt text.
#include <QList>
#include <QString>

namespace qd::ui {

struct MarkdownBlock {
    enum class Kind { Text, Code };
    Kind kind = Kind::Text;
    QString text;      // Markdown source, or the code itself
    QString language;  // code only; empty when the fence names none
};

// Splits at ``` and ~~~ fences; an unclosed fence (a reply still streaming) runs to the end.
QList<MarkdownBlock> splitMarkdown(const QString &markdown);

// GitHub-flavoured Markdown to HTML for a QML Text in RichText mode, with images and raw HTML
// left out.
QString markdownToHtml(const QString &markdown);

}  // namespace qd::ui
