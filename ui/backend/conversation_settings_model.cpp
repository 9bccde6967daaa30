#include "conversation_settings_model.h"

#include "settings.h"
#include "storage_error.h"

namespace qd::ui {

using namespace app::SettingKeys;

ConversationSettingsModel::ConversationSettingsModel(app::Database &database, const app::Settings &settings,
                                                     QObject *parent)
    : SettingFormModel({kTemperature, kTopK, kTopP, kMinP, kRepetitionPenalty, kMaxNewTokens, kSeed,
                        kDefaultSystemPrompt},
                       parent),
      store_(database), settings_(settings) {}

void ConversationSettingsModel::setConversationId(qint64 id) {
    if (id == conversationId_) return;
    conversationId_ = id;
    emit conversationIdChanged();
    refreshAll();
}

app::Conversation ConversationSettingsModel::current() const {
    return store_.get(conversationId_).value_or(app::Conversation{});
}

std::optional<QVariant> ConversationSettingsModel::override(const app::Conversation &c, const QString &key) const {
    const app::SamplingOverrides &s = c.sampling;
    auto wrap = [](const auto &field) -> std::optional<QVariant> {
        return field ? std::optional<QVariant>(QVariant::fromValue(*field)) : std::nullopt;
    };
    if (key == kTemperature) return wrap(s.temperature);
    if (key == kTopK) return wrap(s.topK);
    if (key == kTopP) return wrap(s.topP);
    if (key == kMinP) return wrap(s.minP);
    if (key == kRepetitionPenalty) return wrap(s.repetitionPenalty);
    if (key == kMaxNewTokens) return wrap(s.maxNewTokens);
    if (key == kSeed) return wrap(s.seed);
    if (key == kDefaultSystemPrompt && !c.systemPrompt.isEmpty()) return QVariant(c.systemPrompt);
    return std::nullopt;
}

QVariant ConversationSettingsModel::storedValue(const QString &key) const {
    return override(current(), key).value_or(settings_.value(key));
}

bool ConversationSettingsModel::isDefault(const QString &key) const { return !override(current(), key).has_value(); }

QString ConversationSettingsModel::apply(const QString &key, const std::optional<QVariant> &value) {
    if (conversationId_ == 0) return tr("Start a conversation first.");
    try {
        if (key == kDefaultSystemPrompt) {
            store_.setSystemPrompt(conversationId_, value ? value->toString() : QString());
            return {};
        }
        app::SamplingOverrides s = current().sampling;
        if (key == kTemperature) s.temperature = value ? std::optional(value->toDouble()) : std::nullopt;
        else if (key == kTopK) s.topK = value ? std::optional(value->toInt()) : std::nullopt;
        else if (key == kTopP) s.topP = value ? std::optional(value->toDouble()) : std::nullopt;
        else if (key == kMinP) s.minP = value ? std::optional(value->toDouble()) : std::nullopt;
        else if (key == kRepetitionPenalty) s.repetitionPenalty = value ? std::optional(value->toDouble()) : std::nullopt;
        else if (key == kMaxNewTokens) s.maxNewTokens = value ? std::optional(value->toInt()) : std::nullopt;
        else if (key == kSeed) s.seed = value ? std::optional(value->toLongLong()) : std::nullopt;
        store_.setSampling(conversationId_, s);
        return {};
    } catch (const app::StorageError &e) {
        return QString::fromUtf8(e.what());
    }
}

QString ConversationSettingsModel::store(const QString &key, const QVariant &value) { return apply(key, value); }

void ConversationSettingsModel::clear(const QString &key) { apply(key, std::nullopt); }

}  // namespace qd::ui
