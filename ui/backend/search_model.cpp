#include "search_model.h"

#include "isolated_text.h"
#include "storage_error.h"

namespace qd::ui {

namespace {
// Characters no message contains, so the markers can be found again after escaping.
const QString kOpen = QString(QChar(0xE000));
const QString kClose = QString(QChar(0xE001));
}  // namespace

SearchModel::SearchModel(app::Database &database, QObject *parent) : QAbstractListModel(parent), index_(database) {}

int SearchModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(hits_.size()); }

QVariant SearchModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const app::SearchHit &hit = hits_.at(index.row());
    switch (role) {
    case ConversationIdRole: return hit.conversationId;
    case MessageIdRole: return hit.messageId;
    case Qt::DisplayRole:
    case TitleRole: return isolatedForLayout(hit.conversationTitle);
    case SnippetRole: return snippetHtml(hit.snippet, kOpen, kClose, highlight_);
    }
    return {};
}

QHash<int, QByteArray> SearchModel::roleNames() const {
    return {{ConversationIdRole, "conversationId"}, {MessageIdRole, "messageId"}, {TitleRole, "title"},
            {SnippetRole, "snippet"}};
}

void SearchModel::setQuery(const QString &query) {
    if (query == query_) return;
    query_ = query;
    emit queryChanged();
    refresh();
}

void SearchModel::setHighlightColor(const QColor &color) {
    if (color == highlight_) return;
    highlight_ = color;
    emit highlightColorChanged();
    if (!hits_.isEmpty()) emit dataChanged(index(0), index(int(hits_.size()) - 1), {SnippetRole});
}

void SearchModel::refresh() {
    beginResetModel();
    hits_.clear();
    if (!query_.trimmed().isEmpty()) {
        try {
            hits_ = index_.search(query_, {kOpen, kClose, 50});
        } catch (const app::StorageError &) {
            // A query the index cannot run shows no hits; there is nothing else to tell the user.
        }
    }
    endResetModel();
    emit countChanged();
}

QString SearchModel::snippetHtml(const QString &snippet, const QString &open, const QString &close, const QColor &color) {
    QString html = snippet.toHtmlEscaped();
    html.replace(open, QStringLiteral("<span style=\"background-color:%1; font-weight:bold\">").arg(color.name()));
    html.replace(close, QStringLiteral("</span>"));
    return html;
}

}  // namespace qd::ui
