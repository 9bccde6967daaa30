#include "settings.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace qd::app {

namespace {

// Values are stored as JSON (wrapped in a one-element array, so any JSON value can be written).
QString encode(const QVariant &value) {
    return QString::fromUtf8(QJsonDocument(QJsonArray{QJsonValue::fromVariant(value)}).toJson(QJsonDocument::Compact));
}

QVariant decode(const QString &text) {
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    return document.isArray() && document.array().size() == 1 ? document.array().first().toVariant() : QVariant();
}

const SettingDefinition &definition(const QString &key) {
    if (const SettingDefinition *d = findSetting(key)) return *d;
    throw StorageError(StorageError::Kind::Invalid, key.toStdString() + " is not a setting");
}

}  // namespace

Settings::Settings(Database &database) : db_(database) {
    SqlStatement query = db_.connection().prepare("SELECT key, value FROM settings");
    while (query.next()) {
        QString error;
        const QVariant value = validateSetting(query.text(0), decode(query.text(1)), &error);
        if (error.isEmpty()) values_.insert(query.text(0), value);
    }
}

QVariant Settings::value(const QString &key) const {
    const SettingDefinition &d = definition(key);
    return values_.value(key, d.defaultValue);
}

void Settings::set(const QString &key, const QVariant &value) {
    definition(key);
    QString error;
    const QVariant checked = validateSetting(key, value, &error);
    if (!error.isEmpty()) throw StorageError(StorageError::Kind::Invalid, error.toStdString());
    store({{key, checked}});
}

void Settings::reset(const QString &key) {
    definition(key);
    SqlStatement erase = db_.connection().prepare("DELETE FROM settings WHERE key = ?");
    erase.bind(1, key).run();
    values_.remove(key);
}

void Settings::setLastModel(const QString &path) {
    QString error;
    const QVariant checked = validateSetting(SettingKeys::kLastModel, path, &error);
    if (!error.isEmpty()) throw StorageError(StorageError::Kind::Invalid, error.toStdString());
    QStringList recent = recentModels();
    recent.removeAll(path);
    recent.prepend(path);
    const int limit = definition(SettingKeys::kRecentModels).maxLength;
    if (recent.size() > limit) recent.resize(limit);
    store({{SettingKeys::kLastModel, checked}, {SettingKeys::kRecentModels, recent}});
}

void Settings::store(const QList<QPair<QString, QVariant>> &values) {
    SqlConnection &connection = db_.connection();
    SqlTransaction transaction(connection);
    for (const auto &[key, value] : values) {
        SqlStatement upsert = connection.prepare(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        upsert.bind(1, key).bind(2, encode(value)).run();
    }
    transaction.commit();
    // The cache changes only once the database has.
    for (const auto &[key, value] : values) values_.insert(key, value);
}

}  // namespace qd::app
