#include "setting_form_model.h"

#include "storage_error.h"

namespace qd::ui {

SettingFormModel::SettingFormModel(QStringList keys, QObject *parent) : QAbstractListModel(parent), keys_(std::move(keys)) {}

int SettingFormModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(keys_.size()); }

QString SettingFormModel::labelFor(const QString &key) {
    using namespace app::SettingKeys;
    static const QHash<QString, const char *> kLabels = {
        {kTemperature, QT_TR_NOOP("Temperature")},
        {kTopK, QT_TR_NOOP("Top-k")},
        {kTopP, QT_TR_NOOP("Top-p")},
        {kMinP, QT_TR_NOOP("Min-p")},
        {kRepetitionPenalty, QT_TR_NOOP("Repetition penalty")},
        {kMaxNewTokens, QT_TR_NOOP("Max new tokens")},
        {kContextLength, QT_TR_NOOP("Context length")},
        {kQuantization, QT_TR_NOOP("Quantization")},
        {kThreads, QT_TR_NOOP("Threads")},
        {kSeed, QT_TR_NOOP("Seed")},
        {kDefaultSystemPrompt, QT_TR_NOOP("System prompt")},
        {kTheme, QT_TR_NOOP("Theme")},
        {kLanguage, QT_TR_NOOP("Language")},
        {kFontSize, QT_TR_NOOP("Font size")},
    };
    const char *label = kLabels.value(key);
    return label ? tr(label) : key;
}

namespace {

QString descriptionFor(const QString &key) {
    using namespace app::SettingKeys;
    static const QHash<QString, const char *> kDescriptions = {
        {kTemperature, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "Higher is more varied; 0 always picks the likeliest word.")},
        {kTopK, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "Choose among this many likeliest tokens; 0 keeps all.")},
        {kTopP, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "Choose among the likeliest tokens that add up to this probability.")},
        {kMinP, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "Leave out tokens less likely than this share of the likeliest one.")},
        {kRepetitionPenalty, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "Above 1 discourages repeating the same words.")},
        {kMaxNewTokens, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "The longest reply, in tokens.")},
        {kContextLength, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "How much of the conversation the model sees, in tokens. Applies when the model is loaded again.")},
        {kQuantization, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "Smaller levels need less memory and run faster, a little less accurately. Applies when the model is loaded again.")},
        {kThreads, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "Processor threads for the model; 0 picks a good number.")},
        {kSeed, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "The same seed gives the same reply; -1 picks a new one every time.")},
        {kDefaultSystemPrompt, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "Instructions the model gets before every conversation.")},
        {kTheme, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "Light, dark, or the same as your desktop.")},
        {kLanguage, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "Applies after QwenDesk is restarted.")},
        {kFontSize, QT_TRANSLATE_NOOP("qd::ui::SettingFormModel", "Text size of the chat, in points.")},
    };
    const char *text = kDescriptions.value(key);
    return text ? SettingFormModel::tr(text) : QString();
}

QString kindOf(const app::SettingDefinition &d) {
    switch (d.type) {
    case QMetaType::Double: return QStringLiteral("number");
    case QMetaType::Int:
    case QMetaType::LongLong: return QStringLiteral("integer");
    default: return d.allowed.isEmpty() ? QStringLiteral("text") : QStringLiteral("choice");
    }
}

double stepOf(const app::SettingDefinition &d) {
    if (d.type != QMetaType::Double) return 1;
    return d.maximum.toDouble() - d.minimum.toDouble() <= 1.0 ? 0.01 : 0.05;
}

}  // namespace

QVariant SettingFormModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const QString &key = keys_.at(index.row());
    const app::SettingDefinition *d = app::findSetting(key);
    switch (role) {
    case KeyRole: return key;
    case Qt::DisplayRole:
    case LabelRole: return labelFor(key);
    case DescriptionRole: return descriptionFor(key);
    case KindRole: return d ? kindOf(*d) : QStringLiteral("text");
    case ValueRole: return storedValue(key);
    case MinimumRole: return d ? d->minimum : QVariant();
    case MaximumRole: return d ? d->maximum : QVariant();
    case StepRole: return d ? stepOf(*d) : 1.0;
    case ChoicesRole: return d ? choicesFor(*d) : QVariantList();
    case IsDefaultRole: return isDefault(key);
    }
    return {};
}

QHash<int, QByteArray> SettingFormModel::roleNames() const {
    return {{KeyRole, "key"},         {LabelRole, "label"},     {DescriptionRole, "description"},
            {KindRole, "kind"},       {ValueRole, "value"},     {MinimumRole, "minimum"},
            {MaximumRole, "maximum"}, {StepRole, "step"},       {ChoicesRole, "choices"},
            {IsDefaultRole, "isDefault"}};
}

QVariantList SettingFormModel::choicesFor(const app::SettingDefinition &definition) const {
    QVariantList choices;
    for (const QString &value : definition.allowed)
        choices.append(QVariantMap{{QStringLiteral("value"), value}, {QStringLiteral("label"), value}});
    return choices;
}

QString SettingFormModel::setValue(const QString &key, const QVariant &value) {
    QString error;
    const QVariant valid = app::validateSetting(key, value, &error);
    if (!error.isEmpty()) return tr("%1: please enter a value in the allowed range.").arg(labelFor(key));
    const QString failure = store(key, valid);
    if (failure.isEmpty()) changed(key);
    return failure;
}

void SettingFormModel::resetValue(const QString &key) {
    clear(key);
    changed(key);
}

void SettingFormModel::changed(const QString &key) {
    const int row = int(keys_.indexOf(key));
    if (row >= 0) emit dataChanged(index(row), index(row), {ValueRole, IsDefaultRole});
    emit valueChanged(key);
}

void SettingFormModel::refreshAll() {
    if (!keys_.isEmpty()) emit dataChanged(index(0), index(int(keys_.size()) - 1));
}

}  // namespace qd::ui
