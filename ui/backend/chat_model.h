#pragma once
// The open conversation's shown branch as a list model for the message ListView: each message
// with its Markdown blocks, branch position ("2/3"), statistics and status. Sending, stopping,
// regenerating, editing and deleting go through the app core's ChatController and MessageTree;
// the streaming reply's text is batched into one view update per frame-ish interval, and its
// blocks change in place (MarkdownBlockModel).
#include "chat_controller.h"
#include "markdown_block_model.h"

#include <QAbstractListModel>
#include <QHash>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace qd::ui {

class ChatModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application session")
    Q_PROPERTY(qint64 conversationId READ conversationId NOTIFY conversationChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        RoleNameRole,
        TextRole,
        BlocksRole,
        StatusRole,
        ErrorTextRole,
        SiblingIndexRole,
        SiblingCountRole,
        TokensRole,
        TokensPerSecondRole,
        FirstTokenMsRole,
        DroppedTurnsRole,
    };

    ChatModel(app::ChatController &controller, app::Database &database, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Shows a conversation (0: none; the next send() starts one).
    Q_INVOKABLE void open(qint64 conversationId);
    // Sends a user message; starts a conversation first when none is open. False when refused
    // (error says why).
    Q_INVOKABLE bool send(const QString &text);
    Q_INVOKABLE void stop();
    Q_INVOKABLE void regenerate(qint64 messageId);
    // A new user message beside the old one, answered afresh; the old branch stays reachable.
    Q_INVOKABLE void editAndResend(qint64 messageId, const QString &text);
    Q_INVOKABLE void remove(qint64 messageId);
    Q_INVOKABLE void stepSibling(qint64 messageId, int step);
    // Stores a finished exchange that did not come from the chat flow (a document summary).
    Q_INVOKABLE void appendExchange(const QString &userText, const QString &replyText);
    Q_INVOKABLE int rowOf(qint64 messageId) const;
    // The text of the last assistant reply shown (automation and tests).
    Q_INVOKABLE QString lastReply() const;
    // The id of the last assistant reply shown, 0 when there is none.
    Q_INVOKABLE qint64 lastReplyId() const;

    qint64 conversationId() const { return conversationId_; }
    bool busy() const;
    QString error() const { return error_; }
    int count() const { return int(messages_.size()); }

signals:
    void conversationChanged();
    void busyChanged();
    void errorChanged();
    void countChanged();
    // A conversation was created, named or updated: the sidebar should read its list again.
    void conversationsChanged();
    void replyFinished(qint64 messageId, const QString &status);

private:
    struct Row {
        app::Message message;
        mutable MarkdownBlockModel *blocks = nullptr;  // a child of this model, made on first use
        mutable std::optional<app::Siblings> siblings;
    };
    void reload();
    void setError(const QString &error);
    void afterStart(const app::ReplyStart &start);
    void onText(qint64 conversationId, qint64 messageId, const QString &text);
    void onFinished(qint64 conversationId, qint64 messageId, app::MessageStatus status, const QString &error);
    void flushText();
    const app::Siblings &siblingsOf(const Row &row) const;

    app::ChatController &controller_;
    app::ConversationStore conversations_;
    mutable app::MessageTree tree_;
    qint64 conversationId_ = 0;
    QList<Row> messages_;
    QHash<qint64, int> droppedTurns_;  // per reply, from the prompt the engine built
    QString error_;
    QTimer flush_;                     // batches streamed text into one view update
    QHash<qint64, QString> unflushed_;
};

}  // namespace qd::ui
