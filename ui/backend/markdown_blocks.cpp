#include "markdown_blocks.h"

#include <QRegularExpression>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

namespace qd::ui {

namespace {

constexpr qreal kTableCellPadding = 4;

// The fence that opens a code block: up to three spaces, then ``` or ~~~ (or longer), then an
// optional info string whose first word names the language.
bool openingFence(const QString &line, QString *fence, QString *language) {
    static const QRegularExpression kFence(QStringLiteral("^ {0,3}(`{3,}|~{3,})\\s*([^`\\s]*)"));
    const auto match = kFence.match(line);
    if (!match.hasMatch()) return false;
    *fence = match.captured(1);
    *language = match.captured(2);
    return true;
}

bool closingFence(const QString &line, const QString &fence) {
    const QString trimmed = line.trimmed();
    return trimmed.size() >= fence.size() && trimmed.startsWith(fence) &&
           trimmed.count(fence.at(0)) == trimmed.size();
}

void appendText(QList<MarkdownBlock> &blocks, const QStringList &lines) {
    const QString text = lines.join(QLatin1Char('\n'));
    if (!text.trimmed().isEmpty()) blocks.append({MarkdownBlock::Kind::Text, text, {}});
}

}  // namespace

QList<MarkdownBlock> splitMarkdown(const QString &markdown) {
    QList<MarkdownBlock> blocks;
    QStringList pending;
    QString fence;
    MarkdownBlock code;
    bool inCode = false;
    int codeLines = 0;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (!inCode) {
            if (openingFence(line, &fence, &code.language)) {
                appendText(blocks, pending);
                pending.clear();
                inCode = true;
                code.kind = MarkdownBlock::Kind::Code;
                code.text.clear();
                codeLines = 0;
            } else {
                pending.append(line);
            }
        } else if (closingFence(line, fence)) {
            blocks.append(code);
            inCode = false;
        } else {
            if (codeLines++ > 0) code.text += QLatin1Char('\n');
            code.text += line;
        }
    }
    if (inCode) blocks.append(code);
    else appendText(blocks, pending);
    return blocks;
}

QString markdownToHtml(const QString &markdown) {
    // Images in Markdown would make the Text fetch their URL; show the alt text instead.
    static const QRegularExpression kImage(QStringLiteral("!\\[([^\\]]*)\\]\\([^)]*\\)"));
    QString source = markdown;
    source.replace(kImage, QStringLiteral("\\1"));
    QTextDocument document;
    document.setMarkdown(source, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                                 QTextDocument::MarkdownNoHTML));
    // Tables get room between their cells' text and borders.
    for (QTextFrame *frame : document.rootFrame()->childFrames()) {
        if (auto *table = qobject_cast<QTextTable *>(frame)) {
            QTextTableFormat format = table->format();
            format.setCellPadding(kTableCellPadding);
            table->setFormat(format);
        }
    }
    // toHtml() writes the document's default font into <body>; the QML Text's own font must win.
    QString html = document.toHtml();
    static const QRegularExpression kBodyStyle(QStringLiteral("<body style=\"[^\"]*\">"));
    html.replace(kBodyStyle, QStringLiteral("<body>"));
    return html;
}

}  // namespace qd::ui
