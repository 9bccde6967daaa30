#include "setting_definitions.h"

#include <QLocale>

#include <cmath>

namespace qd::app {

namespace {

QString formatNumber(const QVariant &v, QMetaType::Type type) {
    return type == QMetaType::Double ? QString::number(v.toDouble(), 'g', 10) : QString::number(v.toLongLong());
}

QString shown(const QVariant &value) {
    const QString text = value.toString();
    return text.size() > 40 ? text.left(40) + QChar(0x2026) : text;
}

}  // namespace

const QList<SettingDefinition> &settingDefinitions() {
    using namespace SettingKeys;
    // Sampling defaults are Qwen2.5-Instruct's generation_config.json.
    static const QList<SettingDefinition> kDefinitions = {
        {kTemperature, QMetaType::Double, 0.7, 0.0, 2.0, {}, 0, QStringLiteral("Sampling temperature; 0 is greedy")},
        {kTopK, QMetaType::Int, 20, 0, 1000, {}, 0, QStringLiteral("Keep the k most likely tokens; 0 keeps all")},
        {kTopP, QMetaType::Double, 0.8, 0.0, 1.0, {}, 0, QStringLiteral("Nucleus sampling probability mass")},
        {kMinP, QMetaType::Double, 0.0, 0.0, 1.0, {}, 0,
         QStringLiteral("Drop tokens less likely than this fraction of the most likely one")},
        {kRepetitionPenalty, QMetaType::Double, 1.05, 1.0, 2.0, {}, 0, QStringLiteral("Penalty for repeated tokens")},
        {kMaxNewTokens, QMetaType::Int, 2048, 1, 32768, {}, 0, QStringLiteral("Longest reply, in tokens")},
        {kContextLength, QMetaType::Int, 4096, 256, 32768, {}, 0, QStringLiteral("Context window, in tokens")},
        {kQuantization, QMetaType::QString, QStringLiteral("auto"), {}, {},
         {QStringLiteral("auto"), QStringLiteral("f32"), QStringLiteral("bf16"), QStringLiteral("q8_0"),
          QStringLiteral("q4_0")},
         0, QStringLiteral("Weight format to run at")},
        {kKvCacheType, QMetaType::QString, QStringLiteral("f16"), {}, {}, {QStringLiteral("f16"), QStringLiteral("f32")},
         0, QStringLiteral("Precision of the attention cache")},
        {kThreads, QMetaType::Int, 0, 0, 1024, {}, 0, QStringLiteral("Worker threads; 0 uses one per core")},
        {kSeed, QMetaType::LongLong, qint64(-1), qint64(-1), qint64(4294967295LL), {}, 0,
         QStringLiteral("Random seed; -1 picks a new one for every reply")},
        {kDefaultSystemPrompt, QMetaType::QString,
         QStringLiteral("You are Qwen, created by Alibaba Cloud. You are a helpful assistant."), {}, {}, {}, 20000,
         QStringLiteral("System prompt of new conversations")},
        {kTheme, QMetaType::QString, QStringLiteral("system"), {}, {},
         {QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("system")}, 0, QStringLiteral("Colour theme")},
        {kLanguage, QMetaType::QString, QStringLiteral("system"), {}, {},
         {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("zh_CN"), QStringLiteral("ja"),
          QStringLiteral("ko"), QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es"), QStringLiteral("ru"),
          QStringLiteral("ar")},
         0, QStringLiteral("Language of the interface; system follows the desktop")},
        {kFontSize, QMetaType::Int, 11, 8, 32, {}, 0, QStringLiteral("Text size of the chat, in points")},
        {kLastModel, QMetaType::QString, QString(), {}, {}, {}, 4096, QStringLiteral("Model loaded last")},
        {kRecentModels, QMetaType::QStringList, QStringList(), {}, {}, {}, 10,
         QStringLiteral("Models loaded recently, newest first")},
    };
    return kDefinitions;
}

const SettingDefinition *findSetting(const QString &key) {
    for (const SettingDefinition &d : settingDefinitions())
        if (d.key == key) return &d;
    return nullptr;
}

QVariant validateSetting(const QString &key, const QVariant &value, QString *error) {
    error->clear();
    const SettingDefinition *d = findSetting(key);
    if (!d) {
        *error = QStringLiteral("%1 is not a setting").arg(key);
        return {};
    }
    switch (d->type) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Double: {
        const QString range = QStringLiteral("from %1 to %2").arg(formatNumber(d->minimum, d->type),
                                                                  formatNumber(d->maximum, d->type));
        const bool integer = d->type != QMetaType::Double;
        const QString kind = integer ? QStringLiteral("a whole number") : QStringLiteral("a number");
        bool ok = false;
        const double number = value.typeId() == QMetaType::QString ? QLocale::c().toDouble(value.toString(), &ok)
                                                                     : value.toDouble(&ok);
        const bool numeric = ok && std::isfinite(number) && (!integer || number == std::floor(number)) &&
                             value.typeId() != QMetaType::Bool;
        if (!numeric || number < d->minimum.toDouble() || number > d->maximum.toDouble()) {
            *error = QStringLiteral("%1 must be %2 %3 (got %4)").arg(key, kind, range, shown(value));
            return {};
        }
        if (d->type == QMetaType::Int) return int(number);
        if (d->type == QMetaType::LongLong) return qint64(number);
        return number;
    }
    case QMetaType::QString: {
        if (value.typeId() != QMetaType::QString) {
            *error = QStringLiteral("%1 must be text").arg(key);
            return {};
        }
        const QString text = value.toString();
        if (!d->allowed.isEmpty() && !d->allowed.contains(text)) {
            *error = QStringLiteral("%1 must be one of %2 (got %3)")
                         .arg(key, d->allowed.join(QStringLiteral(", ")), shown(text));
            return {};
        }
        if (d->maxLength > 0 && text.size() > d->maxLength) {
            *error = QStringLiteral("%1 must be at most %2 characters long (got %3)")
                         .arg(key).arg(d->maxLength).arg(text.size());
            return {};
        }
        return text;
    }
    case QMetaType::QStringList: {
        if (!value.canConvert<QStringList>() || value.typeId() == QMetaType::QString) {
            *error = QStringLiteral("%1 must be a list of text").arg(key);
            return {};
        }
        const QStringList list = value.toStringList();
        if (d->maxLength > 0 && list.size() > d->maxLength) {
            *error = QStringLiteral("%1 must hold at most %2 entries (got %3)").arg(key).arg(d->maxLength).arg(list.size());
            return {};
        }
        return list;
    }
    default:
        *error = QStringLiteral("%1 has a type settings do not support").arg(key);
        return {};
    }
}

}  // namespace qd::app
