#pragma once
// A form of settings built from the app core's definition table (setting_definitions.h): one
// row per setting with its label, kind of control, range or choices and current value. Saving
// validates against the same table. Subclasses decide where values live: the global settings or
// one conversation's overrides.
#include "setting_definitions.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace qd::ui {

class SettingFormModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Abstract form of settings")
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        LabelRole,
        DescriptionRole,
        KindRole,  // "number", "integer", "choice", "text"
        ValueRole,
        MinimumRole,
        MaximumRole,
        StepRole,
        ChoicesRole,  // [{value, label}]
        IsDefaultRole,
    };

    SettingFormModel(QStringList keys, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Validates and stores; returns the error sentence, empty on success.
    Q_INVOKABLE QString setValue(const QString &key, const QVariant &value);
    // Back to the default (global form) or to the global value (per-conversation form).
    Q_INVOKABLE void resetValue(const QString &key);
    Q_INVOKABLE QVariant value(const QString &key) const { return storedValue(key); }

    static QString labelFor(const QString &key);

signals:
    void valueChanged(const QString &key);

protected:
    virtual QVariant storedValue(const QString &key) const = 0;
    virtual bool isDefault(const QString &key) const = 0;
    // Stores an already validated value; returns an error sentence or empty.
    virtual QString store(const QString &key, const QVariant &value) = 0;
    virtual void clear(const QString &key) = 0;
    virtual QVariantList choicesFor(const app::SettingDefinition &definition) const;
    // Every row changed (another conversation, new memory figures).
    void refreshAll();

private:
    void changed(const QString &key);
    QStringList keys_;
};

}  // namespace qd::ui
