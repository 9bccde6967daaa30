#include "conversation_list_model.h"

#include "chat_export.h"
#include "isolated_text.h"
#include "storage_error.h"

#include <QFile>

namespace qd::ui {

ConversationListModel::ConversationListModel(app::Database &database, QObject *parent)
    : QAbstractListModel(parent), db_(database), store_(database) {
    reload();
}

int ConversationListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(conversations_.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const app::Conversation &c = conversations_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return c.title.isEmpty() ? tr("New chat") : isolatedForLayout(c.title);
    case IdRole: return c.id;
    case PinnedRole: return c.pinned;
    case SectionRole: return sectionFor(c.updatedAt.toLocalTime().date(), QDate::currentDate(), c.pinned);
    case UpdatedRole: return c.updatedAt;
    }
    return {};
}

QHash<int, QByteArray> ConversationListModel::roleNames() const {
    return {{IdRole, "conversationId"}, {TitleRole, "title"}, {PinnedRole, "pinned"},
            {SectionRole, "section"},   {UpdatedRole, "updated"}};
}

QString ConversationListModel::sectionFor(const QDate &updated, const QDate &today, bool pinned) {
    if (pinned) return tr("Pinned");
    const qint64 days = updated.daysTo(today);
    if (days <= 0) return tr("Today");
    if (days == 1) return tr("Yesterday");
    if (days <= 7) return tr("Previous 7 days");
    return tr("Older");
}

void ConversationListModel::reload() {
    beginResetModel();
    try {
        conversations_ = store_.list();
    } catch (const app::StorageError &e) {
        conversations_.clear();
        emit failed(QString::fromUtf8(e.what()));
    }
    endResetModel();
    emit countChanged();
}

qint64 ConversationListModel::create() {
    try {
        const qint64 id = store_.create().id;
        reload();
        return id;
    } catch (const app::StorageError &e) {
        emit failed(QString::fromUtf8(e.what()));
        return 0;
    }
}

void ConversationListModel::rename(qint64 id, const QString &title) {
    if (title.trimmed().isEmpty()) return;
    try {
        store_.rename(id, title.trimmed());
    } catch (const app::StorageError &e) {
        emit failed(QString::fromUtf8(e.what()));
    }
    reload();
}

void ConversationListModel::setPinned(qint64 id, bool pinned) {
    try {
        store_.setPinned(id, pinned);
    } catch (const app::StorageError &e) {
        emit failed(QString::fromUtf8(e.what()));
    }
    reload();
}

void ConversationListModel::remove(qint64 id) {
    try {
        removedTitle_ = titleOf(id);
        store_.remove(id);
        removedId_ = id;
    } catch (const app::StorageError &e) {
        emit failed(QString::fromUtf8(e.what()));
    }
    emit removedChanged();
    reload();
}

void ConversationListModel::undoRemove() {
    if (removedId_ == 0) return;
    try {
        store_.restore(removedId_);
    } catch (const app::StorageError &e) {
        emit failed(QString::fromUtf8(e.what()));
    }
    removedId_ = 0;
    removedTitle_.clear();
    emit removedChanged();
    reload();
}

QString ConversationListModel::exportTo(qint64 id, const QString &format, const QUrl &file) {
    try {
        app::ChatExporter exporter(db_);
        const QByteArray data = format == QStringLiteral("markdown") ? exporter.toMarkdown({id}) : exporter.toJson({id});
        QFile out(file.isLocalFile() ? file.toLocalFile() : file.toString());
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(data) != data.size())
            return tr("Could not write %1: %2").arg(out.fileName(), out.errorString());
        return {};
    } catch (const app::StorageError &e) {
        return QString::fromUtf8(e.what());
    }
}

int ConversationListModel::indexOf(qint64 id) const {
    for (int i = 0; i < conversations_.size(); ++i)
        if (conversations_.at(i).id == id) return i;
    return -1;
}

QString ConversationListModel::titleOf(qint64 id) const {
    const int row = indexOf(id);
    return row < 0 ? QString() : data(index(row), TitleRole).toString();
}

}  // namespace qd::ui
