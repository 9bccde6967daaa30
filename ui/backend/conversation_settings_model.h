#pragma once
// One conversation's own sampling settings and system prompt. A value not set here follows the
// global setting, which is what the form shows for it.
#include "setting_form_model.h"

#include "conversation_store.h"

namespace qd::app {
class Settings;
}

namespace qd::ui {

class ConversationSettingsModel : public SettingFormModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application session")
    Q_PROPERTY(qint64 conversationId READ conversationId WRITE setConversationId NOTIFY conversationIdChanged)
public:
    ConversationSettingsModel(app::Database &database, const app::Settings &settings, QObject *parent = nullptr);

    qint64 conversationId() const { return conversationId_; }
    void setConversationId(qint64 id);

signals:
    void conversationIdChanged();

protected:
    QVariant storedValue(const QString &key) const override;
    bool isDefault(const QString &key) const override;
    QString store(const QString &key, const QVariant &value) override;
    void clear(const QString &key) override;

private:
    app::Conversation current() const;
    std::optional<QVariant> override(const app::Conversation &c, const QString &key) const;
    QString apply(const QString &key, const std::optional<QVariant> &value);

    mutable app::ConversationStore store_;
    const app::Settings &settings_;
    qint64 conversationId_ = 0;
};

}  // namespace qd::ui
