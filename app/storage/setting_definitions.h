#pragma once
// The table of settings: key, type, default, range or allowed values. The GUI builds its
// controls from it; Settings and the per-conversation sampling overrides validate against it.
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace qd::app {

namespace SettingKeys {
inline const QString kTemperature = QStringLiteral("temperature");
inline const QString kTopK = QStringLiteral("top_k");
inline const QString kTopP = QStringLiteral("top_p");
inline const QString kMinP = QStringLiteral("min_p");
inline const QString kRepetitionPenalty = QStringLiteral("repetition_penalty");
inline const QString kMaxNewTokens = QStringLiteral("max_new_tokens");
inline const QString kContextLength = QStringLiteral("context_length");
inline const QString kQuantization = QStringLiteral("quantization");
inline const QString kKvCacheType = QStringLiteral("kv_cache_type");
inline const QString kThreads = QStringLiteral("threads");
inline const QString kSeed = QStringLiteral("seed");
inline const QString kDefaultSystemPrompt = QStringLiteral("default_system_prompt");
inline const QString kTheme = QStringLiteral("theme");
inline const QString kLanguage = QStringLiteral("language");
inline const QString kFontSize = QStringLiteral("font_size");
inline const QString kLastModel = QStringLiteral("last_model");
inline const QString kRecentModels = QStringLiteral("recent_models");
}  // namespace SettingKeys

struct SettingDefinition {
    QString key;
    QMetaType::Type type;   // Int, LongLong, Double, QString or QStringList
    QVariant defaultValue;
    QVariant minimum;       // numbers only; null when unbounded
    QVariant maximum;
    QStringList allowed;    // strings only; empty when any string is allowed
    int maxLength = 0;      // strings: characters; string lists: entries; 0 when unbounded
    QString description;
};

const QList<SettingDefinition> &settingDefinitions();
// nullptr for an unknown key.
const SettingDefinition *findSetting(const QString &key);

// Converts `value` to the key's type and checks it. Returns the converted value, or sets `error`
// to a message naming the key and what it accepts (e.g. "temperature must be a number from 0 to
// 2 (got 3.5)") and returns a null QVariant.
QVariant validateSetting(const QString &key, const QVariant &value, QString *error);

}  // namespace qd::app
