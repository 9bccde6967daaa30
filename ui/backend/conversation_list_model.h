#pragma once
// The sidebar's conversations: pinned first, then grouped by date (Today, Yesterday, Previous 7
// days, Older) through the section role. Rename, pin, delete with undo, export.
#include "conversation_store.h"

#include <QAbstractListModel>
#include <QDate>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace qd::ui {

class ConversationListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application session")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString removedTitle READ removedTitle NOTIFY removedChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, TitleRole, PinnedRole, SectionRole, UpdatedRole };

    explicit ConversationListModel(app::Database &database, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads the list again (after a message names a conversation or a reply updates it).
    Q_INVOKABLE void reload();
    Q_INVOKABLE qint64 create();
    Q_INVOKABLE void rename(qint64 id, const QString &title);
    Q_INVOKABLE void setPinned(qint64 id, bool pinned);
    // Moves it to the trash; undoRemove() brings back the last one removed.
    Q_INVOKABLE void remove(qint64 id);
    Q_INVOKABLE void undoRemove();
    // Writes the conversation as "json" or "markdown" to the file; returns an error sentence,
    // empty on success.
    Q_INVOKABLE QString exportTo(qint64 id, const QString &format, const QUrl &file);
    Q_INVOKABLE int indexOf(qint64 id) const;
    Q_INVOKABLE QString titleOf(qint64 id) const;

    int count() const { return int(conversations_.size()); }
    QString removedTitle() const { return removedTitle_; }
    // The section a conversation updated at `updated` falls in, seen on `today`.
    static QString sectionFor(const QDate &updated, const QDate &today, bool pinned);

signals:
    void countChanged();
    void removedChanged();
    void failed(const QString &message);

private:
    app::Database &db_;
    app::ConversationStore store_;
    QList<app::Conversation> conversations_;
    qint64 removedId_ = 0;
    QString removedTitle_;
};

}  // namespace qd::ui
