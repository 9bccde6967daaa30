#include "settings_model.h"

#include "model_manager.h"
#include "settings.h"
#include "storage_error.h"

#include <QLocale>

namespace qd::ui {

using namespace app::SettingKeys;

SettingsModel::SettingsModel(app::Settings &settings, const ModelManager &models, QObject *parent)
    : SettingFormModel({kQuantization, kContextLength, kThreads, kTemperature, kTopK, kTopP, kMinP, kRepetitionPenalty,
                        kMaxNewTokens, kSeed, kDefaultSystemPrompt, kTheme, kLanguage, kFontSize},
                       parent),
      settings_(settings), models_(models) {
    connect(&models_, &ModelManager::levelMemoryChanged, this, &SettingsModel::refreshAll);
    connect(this, &SettingFormModel::valueChanged, this, &SettingsModel::announce);
}

QString SettingsModel::theme() const { return settings_.theme(); }
int SettingsModel::fontSize() const { return settings_.fontSize(); }
QString SettingsModel::language() const { return settings_.language(); }

QVariant SettingsModel::storedValue(const QString &key) const { return settings_.value(key); }

bool SettingsModel::isDefault(const QString &key) const {
    const app::SettingDefinition *d = app::findSetting(key);
    return d && settings_.value(key) == d->defaultValue;
}

QString SettingsModel::store(const QString &key, const QVariant &value) {
    try {
        settings_.set(key, value);
        return {};
    } catch (const app::StorageError &e) {
        return QString::fromUtf8(e.what());
    }
}

void SettingsModel::clear(const QString &key) {
    try {
        settings_.reset(key);
    } catch (const app::StorageError &) {
        // Nothing was changed; the form keeps showing the stored value.
    }
}

void SettingsModel::announce(const QString &key) {
    if (key == kTheme) emit themeChanged();
    else if (key == kFontSize) emit fontSizeChanged();
    else if (key == kLanguage) emit languageChanged();
    else if (key == kQuantization || key == kContextLength || key == kThreads) emit loadSettingChanged();
}

QVariantList SettingsModel::choicesFor(const app::SettingDefinition &definition) const {
    QVariantList choices;
    auto add = [&choices](const QString &value, const QString &label) {
        choices.append(QVariantMap{{QStringLiteral("value"), value}, {QStringLiteral("label"), label}});
    };
    if (definition.key == kQuantization) {
        QHash<QString, qulonglong> memory;
        for (const QVariant &level : models_.levelMemory()) {
            const QVariantMap map = level.toMap();
            memory.insert(map.value(QStringLiteral("level")).toString(), map.value(QStringLiteral("bytes")).toULongLong());
        }
        for (const QString &level : definition.allowed) {
            QString label = level == QStringLiteral("auto") ? tr("As stored in the file") : level.toUpper();
            if (memory.contains(level))
                label = tr("%1 (%2 of memory)").arg(label, QLocale().formattedDataSize(qint64(memory.value(level)), 1,
                                                                                       QLocale::DataSizeSIFormat));
            add(level, label);
        }
    } else if (definition.key == kTheme) {
        add(QStringLiteral("light"), tr("Light"));
        add(QStringLiteral("dark"), tr("Dark"));
        add(QStringLiteral("system"), tr("Follow the system"));
    } else if (definition.key == kLanguage) {
        for (const QString &code : definition.allowed) {
            // Each language is named in itself, so a user who cannot read the current one finds theirs.
            const QString label = code == QStringLiteral("system")
                                      ? tr("System language")
                                      : QLocale(code).nativeLanguageName();
            add(code, label);
        }
    } else {
        return SettingFormModel::choicesFor(definition);
    }
    return choices;
}

}  // namespace qd::ui
