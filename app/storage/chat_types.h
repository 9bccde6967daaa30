#pragma once
// Plain values the storage layer hands out: conversations, messages and their statistics.
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace qd::app {

enum class Role { System, User, Assistant, Tool };
// Streaming: still being written. A reply left Streaming by a crash becomes Interrupted when the
// database is next opened.
enum class MessageStatus { Complete, Streaming, Cancelled, Interrupted, Error };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);
QString statusName(MessageStatus status);
std::optional<MessageStatus> statusFromName(const QString &name);

struct GenerationStats {
    int generatedTokens = 0;
    double tokensPerSecond = 0;
    double timeToFirstTokenMs = 0;
    int prefillTokens = 0;

    bool operator==(const GenerationStats &) const = default;
};

// Per-conversation sampling settings; an empty field means "use the global setting".
struct SamplingOverrides {
    std::optional<double> temperature;
    std::optional<int> topK;
    std::optional<double> topP;
    std::optional<double> minP;
    std::optional<double> repetitionPenalty;
    std::optional<int> maxNewTokens;
    std::optional<qint64> seed;

    bool isEmpty() const { return *this == SamplingOverrides{}; }
    bool operator==(const SamplingOverrides &) const = default;
};

struct Message {
    qint64 id = 0;
    qint64 conversationId = 0;
    qint64 parentId = 0;  // 0: first message of a branch
    Role role = Role::User;
    QString text;
    MessageStatus status = MessageStatus::Complete;
    QString errorText;  // why a reply ended with status Error
    QDateTime createdAt;
    QDateTime updatedAt;
    int tokenCount = 0;
    GenerationStats stats;  // assistant replies only
    qint64 selectedChildId = 0;  // the child shown below this message; 0: the newest one
};

struct Conversation {
    qint64 id = 0;
    QString title;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool pinned = false;
    QString model;
    QString systemPrompt;  // empty: the default system prompt setting
    SamplingOverrides sampling;
    QDateTime deletedAt;  // null unless moved to the trash (restorable until purged)
    qint64 selectedRootId = 0;  // the first message shown; 0: the newest one
    int messageCount = 0;
};

// The alternatives at one point of the tree, for "< 2/3 >" paging.
struct Siblings {
    QList<qint64> ids;  // oldest first
    int index = 0;      // position of the message asked about
    int count() const { return int(ids.size()); }
};

}  // namespace qd::app
