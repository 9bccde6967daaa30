#include "chat_import.h"

#include "rows.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace qd::app {

namespace {

[[noreturn]] void invalid(const QString &where, const QString &what) {
    throw StorageError(StorageError::Kind::Invalid, (where + QLatin1String(": ") + what).toStdString());
}

QString text(const QJsonObject &o, const char *name, const QString &where) {
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isUndefined()) return {};
    if (!v.isString()) invalid(where, QStringLiteral("\"%1\" must be text").arg(QLatin1String(name)));
    return v.toString();
}

double number(const QJsonObject &o, const char *name, const QString &where, double minimum = 0) {
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isUndefined()) return 0;
    if (!v.isDouble() || v.toDouble() < minimum)
        invalid(where, QStringLiteral("\"%1\" must be a number of at least %2").arg(QLatin1String(name)).arg(minimum));
    return v.toDouble();
}

qint64 time(const QJsonObject &o, const char *name, const QString &where) {
    const QDateTime t = QDateTime::fromString(text(o, name, where), Qt::ISODateWithMs);
    if (!t.isValid()) invalid(where, QStringLiteral("\"%1\" must be an ISO 8601 time").arg(QLatin1String(name)));
    return rows::toMs(t);
}

// A message key given as "parent"/"selectedChild"/"selectedRoot": null, or an earlier key.
int reference(const QJsonObject &o, const char *name, const QString &where) {
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isNull() || v.isUndefined()) return 0;
    if (!v.isDouble() || v.toDouble() < 1 || v.toDouble() != double(v.toInt()))
        invalid(where, QStringLiteral("\"%1\" must be a message key or null").arg(QLatin1String(name)));
    return v.toInt();
}

class ConversationImport {
public:
    ConversationImport(SqlConnection &connection, const QJsonObject &json, const QString &where)
        : connection_(connection), json_(json), where_(where) {}

    qint64 run() {
        insertConversation();
        const QJsonValue messages = json_.value(QLatin1String("messages"));
        if (!messages.isArray()) invalid(where_, QStringLiteral("\"messages\" must be a list"));
        const QJsonArray list = messages.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) insertMessage(list[i], where_ + QStringLiteral(", message %1").arg(i + 1));
        // Selections may point forward, so they are set once every message exists.
        for (auto it = selectedChild_.begin(); it != selectedChild_.end(); ++it) {
            SqlStatement select = connection_.prepare("UPDATE messages SET selected_child_id = ? WHERE id = ?");
            select.bind(1, resolve(it.value(), where_)).bind(2, it.key()).run();
        }
        if (const int root = reference(json_, "selectedRoot", where_); root != 0) {
            SqlStatement select = connection_.prepare("UPDATE conversations SET selected_root_id = ? WHERE id = ?");
            select.bind(1, resolve(root, where_)).bind(2, id_).run();
        }
        return id_;
    }

private:
    void insertConversation() {
        const QJsonValue sampling = json_.value(QLatin1String("sampling"));
        if (!sampling.isUndefined() && !sampling.isObject())
            invalid(where_, QStringLiteral("\"sampling\" must be an object"));
        SamplingOverrides overrides;
        try {
            overrides = rows::samplingFromJson(sampling.toObject());
        } catch (const StorageError &e) {
            invalid(where_, QString::fromStdString(e.what()));
        }
        SqlStatement insert = connection_.prepare(
            "INSERT INTO conversations (title, created_at, updated_at, pinned, model, system_prompt, sampling)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, text(json_, "title", where_)).bind(2, time(json_, "createdAt", where_));
        insert.bind(3, time(json_, "updatedAt", where_)).bind(4, qint64(json_.value(QLatin1String("pinned")).toBool()));
        insert.bind(5, text(json_, "model", where_)).bind(6, text(json_, "systemPrompt", where_));
        insert.bind(7, QString::fromUtf8(QJsonDocument(rows::samplingToJson(overrides)).toJson(QJsonDocument::Compact)));
        insert.run();
        id_ = connection_.lastInsertId();
    }

    void insertMessage(const QJsonValue &value, const QString &where) {
        if (!value.isObject()) invalid(where, QStringLiteral("must be an object"));
        const QJsonObject m = value.toObject();
        const int key = reference(m, "key", where);
        if (key == 0 || ids_.contains(key)) invalid(where, QStringLiteral("\"key\" must be a new positive number"));
        const int parent = reference(m, "parent", where);
        if (parent != 0 && !ids_.contains(parent))
            invalid(where, QStringLiteral("\"parent\" %1 is not an earlier message").arg(parent));
        const auto role = roleFromName(text(m, "role", where));
        if (!role) invalid(where, QStringLiteral("\"role\" must be system, user, assistant or tool"));
        auto status = statusFromName(text(m, "status", where).isEmpty() ? QStringLiteral("complete")
                                                                         : text(m, "status", where));
        if (!status) invalid(where, QStringLiteral("\"status\" must be complete, cancelled, interrupted or error"));
        // A reply exported while it was being written was cut short as far as this file goes.
        if (*status == MessageStatus::Streaming) status = MessageStatus::Interrupted;
        const QJsonObject stats = m.value(QLatin1String("stats")).toObject();

        SqlStatement insert = connection_.prepare(
            "INSERT INTO messages (conversation_id, parent_id, role, text, status, error_text, created_at, updated_at,"
            " token_count, generated_tokens, tokens_per_second, time_to_first_token_ms, prefill_tokens)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, id_).bindId(2, ids_.value(parent)).bind(3, roleName(*role)).bind(4, text(m, "text", where));
        insert.bind(5, statusName(*status)).bind(6, text(m, "error", where)).bind(7, time(m, "createdAt", where));
        insert.bind(8, time(m, "updatedAt", where)).bind(9, qint64(number(m, "tokenCount", where)));
        insert.bind(10, qint64(number(stats, "generatedTokens", where))).bind(11, number(stats, "tokensPerSecond", where));
        insert.bind(12, number(stats, "timeToFirstTokenMs", where)).bind(13, qint64(number(stats, "prefillTokens", where)));
        insert.run();
        const qint64 id = connection_.lastInsertId();
        ids_.insert(key, id);
        if (const int child = reference(m, "selectedChild", where); child != 0) selectedChild_.insert(id, child);
    }

    qint64 resolve(int key, const QString &where) const {
        if (!ids_.contains(key)) invalid(where, QStringLiteral("selection %1 is not a message of the conversation").arg(key));
        return ids_.value(key);
    }

    SqlConnection &connection_;
    const QJsonObject json_;
    const QString where_;
    qint64 id_ = 0;
    QHash<int, qint64> ids_;            // key in the file -> new id
    QHash<qint64, int> selectedChild_;  // new id -> key of its selected child
};

}  // namespace

QList<qint64> ChatImporter::fromJson(const QByteArray &json) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (document.isNull())
        throw StorageError(StorageError::Kind::Invalid, "Not a JSON file: " + error.errorString().toStdString() +
                                                            " at offset " + std::to_string(error.offset));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("qwendesk-conversations"))
        throw StorageError(StorageError::Kind::Invalid, "Not a QwenDesk conversation export (no \"format\": "
                                                        "\"qwendesk-conversations\")");
    if (root.value(QLatin1String("version")).toInt() != 1)
        throw StorageError(StorageError::Kind::Invalid, "This export was written by a newer QwenDesk (format version " +
                                                            std::to_string(root.value(QLatin1String("version")).toInt()) +
                                                            "); this version reads version 1");
    const QJsonArray conversations = root.value(QLatin1String("conversations")).toArray();
    SqlConnection &connection = db_.connection();
    SqlTransaction transaction(connection);
    QList<qint64> ids;
    for (qsizetype i = 0; i < conversations.size(); ++i) {
        const QString where = QStringLiteral("conversation %1").arg(i + 1);
        if (!conversations[i].isObject()) invalid(where, QStringLiteral("must be an object"));
        ids << ConversationImport(connection, conversations[i].toObject(), where).run();
    }
    transaction.commit();
    return ids;
}

}  // namespace qd::app
