#pragma once
// Internal to qd_storage: reading conversation and message rows, and time conversions.
#include "chat_types.h"
#include "sqlite_connection.h"

#include <QByteArray>
#include <QJsonObject>

namespace qd::app::rows {

qint64 nowMs();
QDateTime fromMs(qint64 ms);  // UTC
qint64 toMs(const QDateTime &time);

// Column lists for SELECT; read*() expect exactly these columns first.
extern const QByteArray kMessageColumns;       // from "messages"
extern const QByteArray kConversationColumns;  // from "conversations c"
Message readMessage(const SqlStatement &row);
Conversation readConversation(const SqlStatement &row);

// Sampling overrides as stored (and exported): a JSON object with the settings' keys.
QJsonObject samplingToJson(const SamplingOverrides &sampling);
// Throws StorageError(Invalid) for an unknown key or a value out of its setting's range.
SamplingOverrides samplingFromJson(const QJsonObject &object);

}  // namespace qd::app::rows
