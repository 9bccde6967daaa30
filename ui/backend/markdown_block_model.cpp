#include "markdown_block_model.h"

#include <algorithm>

namespace qd::ui {

int MarkdownBlockModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(blocks_.size()); }

QVariant MarkdownBlockModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Block &b = blocks_.at(index.row());
    switch (role) {
    case KindRole: return b.block.kind == MarkdownBlock::Kind::Code ? QStringLiteral("code") : QStringLiteral("text");
    case Qt::DisplayRole:
    case TextRole: return b.block.text;
    case HtmlRole: return b.html;
    case LanguageRole: return b.block.language;
    }
    return {};
}

QHash<int, QByteArray> MarkdownBlockModel::roleNames() const {
    return {{KindRole, "kind"}, {TextRole, "text"}, {HtmlRole, "html"}, {LanguageRole, "language"}};
}

MarkdownBlockModel::Block MarkdownBlockModel::render(const MarkdownBlock &block) {
    return {block, block.kind == MarkdownBlock::Kind::Code ? QString() : markdownToHtml(block.text)};
}

void MarkdownBlockModel::setMarkdown(const QString &markdown) {
    const QList<MarkdownBlock> next = splitMarkdown(markdown);
    const int common = int(std::min(next.size(), blocks_.size()));
    for (int i = 0; i < common; ++i) {
        Block &old = blocks_[i];
        const MarkdownBlock &now = next.at(i);
        if (old.block.kind == now.kind && old.block.text == now.text && old.block.language == now.language) continue;
        // A block that turns from text into code (its fence just arrived) needs a new item.
        if (old.block.kind != now.kind) {
            beginRemoveRows({}, i, i);
            blocks_.removeAt(i);
            endRemoveRows();
            beginInsertRows({}, i, i);
            blocks_.insert(i, render(now));
            endInsertRows();
            continue;
        }
        old = render(now);
        emit dataChanged(index(i), index(i));
    }
    if (blocks_.size() > next.size()) {
        beginRemoveRows({}, int(next.size()), int(blocks_.size()) - 1);
        blocks_.resize(next.size());
        endRemoveRows();
    } else if (next.size() > blocks_.size()) {
        beginInsertRows({}, int(blocks_.size()), int(next.size()) - 1);
        for (qsizetype i = blocks_.size(); i < next.size(); ++i) blocks_.append(render(next.at(i)));
        endInsertRows();
    }
}

}  // namespace qd::ui
