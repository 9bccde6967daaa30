#include "chat_model.h"

#include "storage_error.h"

namespace qd::ui {

using app::Message;
using app::MessageStatus;

ChatModel::ChatModel(app::ChatController &controller, app::Database &database, QObject *parent)
    : QAbstractListModel(parent), controller_(controller), conversations_(database), tree_(database) {
    // 40 ms keeps the streaming reply smooth without re-laying out the delegate for every token.
    flush_.setInterval(40);
    flush_.setSingleShot(true);
    connect(&flush_, &QTimer::timeout, this, &ChatModel::flushText);
    connect(&controller_, &app::ChatController::replyText, this, &ChatModel::onText);
    connect(&controller_, &app::ChatController::replyFinished, this, &ChatModel::onFinished);
    connect(&controller_, &app::ChatController::contextBuilt, this,
            [this](qint64, qint64 messageId, qint64, int dropped) {
                droppedTurns_.insert(messageId, dropped);
                const int row = rowOf(messageId);
                if (row >= 0) emit dataChanged(index(row), index(row), {DroppedTurnsRole});
            });
    connect(&controller_, &app::ChatController::saveFailed, this, &ChatModel::setError);
}

int ChatModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(messages_.size()); }

const app::Siblings &ChatModel::siblingsOf(const Row &row) const {
    if (!row.siblings) {
        try {
            row.siblings = tree_.siblings(row.message.id);
        } catch (const app::StorageError &) {
            row.siblings = app::Siblings{{row.message.id}, 0};
        }
    }
    return *row.siblings;
}

QVariant ChatModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row &row = messages_.at(index.row());
    const Message &m = row.message;
    switch (role) {
    case IdRole: return m.id;
    case RoleNameRole: return app::roleName(m.role);
    case Qt::DisplayRole:
    case TextRole: return m.text;
    case BlocksRole:
        if (!row.blocks) {
            row.blocks = new MarkdownBlockModel(const_cast<ChatModel *>(this));
            row.blocks->setMarkdown(m.text);
        }
        return QVariant::fromValue<QObject *>(row.blocks);
    case StatusRole: return app::statusName(m.status);
    case ErrorTextRole: return m.errorText;
    case SiblingIndexRole: return siblingsOf(row).index + 1;
    case SiblingCountRole: return siblingsOf(row).count();
    case TokensRole: return m.stats.generatedTokens;
    case TokensPerSecondRole: return m.stats.tokensPerSecond;
    case FirstTokenMsRole: return m.stats.timeToFirstTokenMs;
    case DroppedTurnsRole: return droppedTurns_.value(m.id);
    }
    return {};
}

QHash<int, QByteArray> ChatModel::roleNames() const {
    return {{IdRole, "messageId"},
            {RoleNameRole, "role"},
            {TextRole, "text"},
            {BlocksRole, "blocks"},
            {StatusRole, "status"},
            {ErrorTextRole, "errorText"},
            {SiblingIndexRole, "siblingIndex"},
            {SiblingCountRole, "siblingCount"},
            {TokensRole, "tokens"},
            {TokensPerSecondRole, "tokensPerSecond"},
            {FirstTokenMsRole, "firstTokenMs"},
            {DroppedTurnsRole, "droppedTurns"}};
}

void ChatModel::open(qint64 conversationId) {
    if (conversationId == conversationId_ && !messages_.isEmpty()) return;
    flushText();
    conversationId_ = conversationId;
    setError({});
    reload();
    emit conversationChanged();
    emit busyChanged();
}

void ChatModel::reload() {
    beginResetModel();
    // Views may still hold the old rows' blocks until they see the reset.
    for (const Row &row : std::as_const(messages_))
        if (row.blocks) row.blocks->deleteLater();
    messages_.clear();
    if (conversationId_ != 0) {
        try {
            for (Message &m : tree_.activePath(conversationId_))
                if (m.role != app::Role::System) messages_.append({std::move(m), {}, {}});
        } catch (const app::StorageError &e) {
            setError(QString::fromUtf8(e.what()));
        }
    }
    endResetModel();
    emit countChanged();
}

bool ChatModel::busy() const { return conversationId_ != 0 && controller_.isReplying(conversationId_); }

void ChatModel::setError(const QString &error) {
    if (error_ == error) return;
    error_ = error;
    emit errorChanged();
}

void ChatModel::afterStart(const app::ReplyStart &start) {
    setError(start.refusal);
    reload();
    emit busyChanged();
    emit conversationsChanged();
}

bool ChatModel::send(const QString &text) {
    if (text.trimmed().isEmpty()) return false;
    try {
        if (conversationId_ == 0) {
            conversationId_ = conversations_.create().id;
            emit conversationChanged();
        }
        const app::ReplyStart start = controller_.send(conversationId_, text);
        afterStart(start);
        return start.refusal.isEmpty();
    } catch (const app::StorageError &e) {
        setError(QString::fromUtf8(e.what()));
        return false;
    }
}

void ChatModel::stop() {
    if (conversationId_ == 0) return;
    controller_.cancel(conversationId_);
    emit busyChanged();
}

void ChatModel::regenerate(qint64 messageId) {
    try {
        afterStart(controller_.regenerate(messageId));
    } catch (const app::StorageError &e) {
        setError(QString::fromUtf8(e.what()));
    }
}

void ChatModel::editAndResend(qint64 messageId, const QString &text) {
    if (text.trimmed().isEmpty() || busy()) return;
    try {
        const Message edited = tree_.editUserMessage(messageId, text);
        afterStart(controller_.replyTo(edited.id));
    } catch (const app::StorageError &e) {
        setError(QString::fromUtf8(e.what()));
        reload();
    }
}

void ChatModel::remove(qint64 messageId) {
    if (busy()) return;
    try {
        tree_.remove(messageId);
    } catch (const app::StorageError &e) {
        setError(QString::fromUtf8(e.what()));
    }
    reload();
}

void ChatModel::stepSibling(qint64 messageId, int step) {
    if (busy()) return;
    try {
        tree_.stepSibling(messageId, step);
    } catch (const app::StorageError &e) {
        setError(QString::fromUtf8(e.what()));
    }
    reload();
}

void ChatModel::appendExchange(const QString &userText, const QString &replyText) {
    try {
        if (conversationId_ == 0) {
            conversationId_ = conversations_.create().id;
            emit conversationChanged();
        }
        const QList<Message> path = tree_.activePath(conversationId_);
        const Message user = tree_.addMessage(conversationId_, path.isEmpty() ? 0 : path.last().id, app::Role::User, userText);
        tree_.addMessage(conversationId_, user.id, app::Role::Assistant, replyText);
    } catch (const app::StorageError &e) {
        setError(QString::fromUtf8(e.what()));
    }
    reload();
    emit conversationsChanged();
}

int ChatModel::rowOf(qint64 messageId) const {
    for (int i = int(messages_.size()) - 1; i >= 0; --i)
        if (messages_.at(i).message.id == messageId) return i;
    return -1;
}

QString ChatModel::lastReply() const {
    const int row = rowOf(lastReplyId());
    return row < 0 ? QString() : messages_.at(row).message.text + unflushed_.value(messages_.at(row).message.id);
}

qint64 ChatModel::lastReplyId() const {
    for (int i = int(messages_.size()) - 1; i >= 0; --i)
        if (messages_.at(i).message.role == app::Role::Assistant) return messages_.at(i).message.id;
    return 0;
}

void ChatModel::onText(qint64 conversationId, qint64 messageId, const QString &text) {
    if (conversationId != conversationId_) return;
    unflushed_[messageId] += text;
    if (!flush_.isActive()) flush_.start();
}

void ChatModel::flushText() {
    for (auto it = unflushed_.cbegin(); it != unflushed_.cend(); ++it) {
        const int row = rowOf(it.key());
        if (row < 0) continue;
        Row &r = messages_[row];
        r.message.text += it.value();
        if (r.blocks) r.blocks->setMarkdown(r.message.text);
        emit dataChanged(index(row), index(row), {TextRole});
    }
    unflushed_.clear();
}

void ChatModel::onFinished(qint64 conversationId, qint64 messageId, MessageStatus status, const QString &error) {
    if (conversationId == conversationId_) {
        flushText();
        const int row = rowOf(messageId);
        if (row >= 0) {
            // The stored message now has its final status and statistics.
            Row &r = messages_[row];
            if (auto stored = tree_.message(messageId)) r.message = *stored;
            if (r.blocks) r.blocks->setMarkdown(r.message.text);
            emit dataChanged(index(row), index(row));
        }
        if (status == MessageStatus::Error) setError(error);
        emit busyChanged();
    }
    emit conversationsChanged();
    emit replyFinished(messageId, app::statusName(status));
}

}  // namespace qd::ui
