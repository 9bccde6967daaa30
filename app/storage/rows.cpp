#include "rows.h"

#include "setting_definitions.h"

#include <QJsonDocument>

namespace qd::app::rows {

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QDateTime fromMs(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }

qint64 toMs(const QDateTime &time) { return time.toMSecsSinceEpoch(); }

const QByteArray kMessageColumns =
    "id, conversation_id, parent_id, role, text, status, error_text, created_at, updated_at, token_count, "
    "generated_tokens, tokens_per_second, time_to_first_token_ms, prefill_tokens, selected_child_id";

const QByteArray kConversationColumns =
    "c.id, c.title, c.created_at, c.updated_at, c.pinned, c.model, c.system_prompt, c.sampling, c.deleted_at, "
    "c.selected_root_id, (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id)";

Message readMessage(const SqlStatement &row) {
    Message m;
    m.id = row.int64(0);
    m.conversationId = row.int64(1);
    m.parentId = row.int64(2);  // NULL reads as 0
    m.role = roleFromName(row.text(3)).value_or(Role::User);  // the schema's CHECK allows no other
    m.text = row.text(4);
    m.status = statusFromName(row.text(5)).value_or(MessageStatus::Complete);
    m.errorText = row.text(6);
    m.createdAt = fromMs(row.int64(7));
    m.updatedAt = fromMs(row.int64(8));
    m.tokenCount = int(row.int64(9));
    m.stats.generatedTokens = int(row.int64(10));
    m.stats.tokensPerSecond = row.real(11);
    m.stats.timeToFirstTokenMs = row.real(12);
    m.stats.prefillTokens = int(row.int64(13));
    m.selectedChildId = row.int64(14);
    return m;
}

Conversation readConversation(const SqlStatement &row) {
    Conversation c;
    c.id = row.int64(0);
    c.title = row.text(1);
    c.createdAt = fromMs(row.int64(2));
    c.updatedAt = fromMs(row.int64(3));
    c.pinned = row.int64(4) != 0;
    c.model = row.text(5);
    c.systemPrompt = row.text(6);
    // Written only by samplingToJson after validation; a damaged value reads as no overrides.
    try {
        c.sampling = samplingFromJson(QJsonDocument::fromJson(row.text(7).toUtf8()).object());
    } catch (const StorageError &) {
        c.sampling = {};
    }
    if (!row.isNull(8)) c.deletedAt = fromMs(row.int64(8));
    c.selectedRootId = row.int64(9);
    c.messageCount = int(row.int64(10));
    return c;
}

QJsonObject samplingToJson(const SamplingOverrides &s) {
    QJsonObject o;
    if (s.temperature) o[SettingKeys::kTemperature] = *s.temperature;
    if (s.topK) o[SettingKeys::kTopK] = *s.topK;
    if (s.topP) o[SettingKeys::kTopP] = *s.topP;
    if (s.minP) o[SettingKeys::kMinP] = *s.minP;
    if (s.repetitionPenalty) o[SettingKeys::kRepetitionPenalty] = *s.repetitionPenalty;
    if (s.maxNewTokens) o[SettingKeys::kMaxNewTokens] = *s.maxNewTokens;
    if (s.seed) o[SettingKeys::kSeed] = *s.seed;
    return o;
}

SamplingOverrides samplingFromJson(const QJsonObject &object) {
    SamplingOverrides s;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &key = it.key();
        QString error;
        const QVariant value = validateSetting(key, it.value().toVariant(), &error);
        if (!error.isEmpty()) throw StorageError(StorageError::Kind::Invalid, error.toStdString());
        if (key == SettingKeys::kTemperature) s.temperature = value.toDouble();
        else if (key == SettingKeys::kTopK) s.topK = value.toInt();
        else if (key == SettingKeys::kTopP) s.topP = value.toDouble();
        else if (key == SettingKeys::kMinP) s.minP = value.toDouble();
        else if (key == SettingKeys::kRepetitionPenalty) s.repetitionPenalty = value.toDouble();
        else if (key == SettingKeys::kMaxNewTokens) s.maxNewTokens = value.toInt();
        else if (key == SettingKeys::kSeed) s.seed = value.toLongLong();
        else
            throw StorageError(StorageError::Kind::Invalid,
                               "\"" + key.toStdString() + "\" is not a sampling setting a conversation can override");
    }
    return s;
}

}  // namespace qd::app::rows
