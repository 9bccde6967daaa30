#pragma once
// The Settings page's form over the global settings, plus the values the window binds to
// (theme, font size, language). Quantization choices show the memory each level needs for the
// loaded model.
#include "setting_form_model.h"

namespace qd::app {
class Settings;
}

namespace qd::ui {

class ModelManager;

class SettingsModel : public SettingFormModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application session")
    Q_PROPERTY(QString theme READ theme NOTIFY themeChanged)
    Q_PROPERTY(int fontSize READ fontSize NOTIFY fontSizeChanged)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
public:
    SettingsModel(app::Settings &settings, const ModelManager &models, QObject *parent = nullptr);

    QString theme() const;
    int fontSize() const;
    QString language() const;

signals:
    void themeChanged();
    void fontSizeChanged();
    void languageChanged();
    // A setting that takes effect when the model is loaded again was changed.
    void loadSettingChanged();

protected:
    QVariant storedValue(const QString &key) const override;
    bool isDefault(const QString &key) const override;
    QString store(const QString &key, const QVariant &value) override;
    void clear(const QString &key) override;
    QVariantList choicesFor(const app::SettingDefinition &definition) const override;

private:
    void announce(const QString &key);
    app::Settings &settings_;
    const ModelManager &models_;
};

}  // namespace qd::ui
