#pragma once
// One message's Markdown blocks (see markdown_blocks.h) as a list model for the delegate's
// Repeater. setMarkdown() changes only the blocks that differ, so while a reply streams the
// view keeps its items and re-lays out just the block that grew, instead of rebuilding the
// whole message on every update.
#include "markdown_blocks.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace qd::ui {

class MarkdownBlockModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by ChatModel for each message")
public:
    enum Role { KindRole = Qt::UserRole + 1, TextRole, HtmlRole, LanguageRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setMarkdown(const QString &markdown);

private:
    struct Block {
        MarkdownBlock block;
        QString html;  // text blocks only
    };
    static Block render(const MarkdownBlock &block);

    QList<Block> blocks_;
};

}  // namespace qd::ui
