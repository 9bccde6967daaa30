#pragma once
// Application settings with types, defaults and validated ranges, kept in the database. A value
// out of range is rejected with a message naming the key and the range, and never stored.
#include "database.h"
#include "setting_definitions.h"

#include <QHash>
#include <QStringList>
#include <QVariant>

namespace qd::app {

class Settings {
public:
    // Reads the stored values; a stored value that no longer validates (hand-edited, or from an
    // older version with other ranges) is ignored in favour of the default.
    explicit Settings(Database &database);

    // The stored value, or the default. Throws StorageError(Invalid) for an unknown key.
    QVariant value(const QString &key) const;
    // Validates and stores (converted to the key's type). Throws StorageError(Invalid) with the
    // message of validateSetting(), or StorageError(DiskFull/Failed); nothing changes then.
    void set(const QString &key, const QVariant &value);
    // Forgets the stored value so the default applies.
    void reset(const QString &key);

    double temperature() const { return value(SettingKeys::kTemperature).toDouble(); }
    int topK() const { return value(SettingKeys::kTopK).toInt(); }
    double topP() const { return value(SettingKeys::kTopP).toDouble(); }
    double minP() const { return value(SettingKeys::kMinP).toDouble(); }
    double repetitionPenalty() const { return value(SettingKeys::kRepetitionPenalty).toDouble(); }
    int maxNewTokens() const { return value(SettingKeys::kMaxNewTokens).toInt(); }
    int contextLength() const { return value(SettingKeys::kContextLength).toInt(); }
    QString quantization() const { return value(SettingKeys::kQuantization).toString(); }
    QString kvCacheType() const { return value(SettingKeys::kKvCacheType).toString(); }
    int threads() const { return value(SettingKeys::kThreads).toInt(); }
    qint64 seed() const { return value(SettingKeys::kSeed).toLongLong(); }
    QString defaultSystemPrompt() const { return value(SettingKeys::kDefaultSystemPrompt).toString(); }
    QString theme() const { return value(SettingKeys::kTheme).toString(); }
    QString language() const { return value(SettingKeys::kLanguage).toString(); }
    int fontSize() const { return value(SettingKeys::kFontSize).toInt(); }
    QString lastModel() const { return value(SettingKeys::kLastModel).toString(); }
    QStringList recentModels() const { return value(SettingKeys::kRecentModels).toStringList(); }

    void setTemperature(double v) { set(SettingKeys::kTemperature, v); }
    void setTopK(int v) { set(SettingKeys::kTopK, v); }
    void setTopP(double v) { set(SettingKeys::kTopP, v); }
    void setMinP(double v) { set(SettingKeys::kMinP, v); }
    void setRepetitionPenalty(double v) { set(SettingKeys::kRepetitionPenalty, v); }
    void setMaxNewTokens(int v) { set(SettingKeys::kMaxNewTokens, v); }
    void setContextLength(int v) { set(SettingKeys::kContextLength, v); }
    void setQuantization(const QString &v) { set(SettingKeys::kQuantization, v); }
    void setKvCacheType(const QString &v) { set(SettingKeys::kKvCacheType, v); }
    void setThreads(int v) { set(SettingKeys::kThreads, v); }
    void setSeed(qint64 v) { set(SettingKeys::kSeed, v); }
    void setDefaultSystemPrompt(const QString &v) { set(SettingKeys::kDefaultSystemPrompt, v); }
    void setTheme(const QString &v) { set(SettingKeys::kTheme, v); }
    void setLanguage(const QString &v) { set(SettingKeys::kLanguage, v); }
    void setFontSize(int v) { set(SettingKeys::kFontSize, v); }
    // Sets the last model and moves it to the front of the recent models (at most 10, no repeats),
    // in one transaction.
    void setLastModel(const QString &path);

private:
    void store(const QList<QPair<QString, QVariant>> &values);
    Database &db_;
    QHash<QString, QVariant> values_;  // stored values only; defaults come from the definitions
};

}  // namespace qd::app
