#pragma once
// Search over conversation titles and message text for the sidebar, with the matched words
// highlighted in each snippet (HTML for a RichText Label; the rest of the text is escaped).
#include "search_index.h"

#include <QAbstractListModel>
#include <QColor>
#include <QtQml/qqmlregistration.h>

namespace qd::ui {

class SearchModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application session")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QColor highlightColor READ highlightColor WRITE setHighlightColor NOTIFY highlightColorChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role { ConversationIdRole = Qt::UserRole + 1, MessageIdRole, TitleRole, SnippetRole };

    explicit SearchModel(app::Database &database, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString query() const { return query_; }
    void setQuery(const QString &query);
    QColor highlightColor() const { return highlight_; }
    void setHighlightColor(const QColor &color);
    int count() const { return int(hits_.size()); }
    // Runs the query again (the history changed).
    Q_INVOKABLE void refresh();

    // The snippet as HTML: escaped text, the parts between the markers in bold on `color`.
    static QString snippetHtml(const QString &snippet, const QString &open, const QString &close, const QColor &color);

signals:
    void queryChanged();
    void highlightColorChanged();
    void countChanged();

private:
    app::SearchIndex index_;
    QString query_;
    QColor highlight_{Qt::yellow};
    QList<app::SearchHit> hits_;
};

}  // namespace qd::ui
