#pragma once
// Everything one profile (data directory) of the app needs, created once by main() and handed to
// the QML window as its `session` property: the database and settings, the engine worker, the
// chat flow, and the models and controllers the views bind to.
#include "chat_controller.h"
#include "chat_model.h"
#include "conversation_list_model.h"
#include "conversation_settings_model.h"
#include "database.h"
#include "download_manager.h"
#include "engine_client.h"
#include "model_manager.h"
#include "search_model.h"
#include "settings.h"
#include "settings_model.h"
#include "writing_tools.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace qd::ui {

class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main()")
    Q_PROPERTY(qd::ui::ModelManager *models READ models CONSTANT)
    Q_PROPERTY(qd::ui::DownloadManager *downloads READ downloads CONSTANT)
    Q_PROPERTY(qd::ui::ConversationListModel *conversations READ conversations CONSTANT)
    Q_PROPERTY(qd::ui::ChatModel *chat READ chat CONSTANT)
    Q_PROPERTY(qd::ui::SearchModel *search READ search CONSTANT)
    Q_PROPERTY(qd::ui::SettingsModel *settings READ settings CONSTANT)
    Q_PROPERTY(qd::ui::ConversationSettingsModel *conversationSettings READ conversationSettings CONSTANT)
    Q_PROPERTY(qd::ui::WritingTools *writing READ writing CONSTANT)
    Q_PROPERTY(QString notice READ notice CONSTANT)
    // The open conversation's title as the sidebar shows it; empty when none is open.
    Q_PROPERTY(QString conversationTitle READ conversationTitle NOTIFY conversationTitleChanged)
public:
    // Opens (or creates) the profile in `dataDirectory`. Throws StorageError when it cannot.
    // Models load with converted weights cached in `weightCacheDirectory` (none when empty).
    explicit Session(const QString &dataDirectory, const QString &weightCacheDirectory = {}, QObject *parent = nullptr);
    ~Session() override;

    ModelManager *models() { return models_.get(); }
    DownloadManager *downloads() { return downloads_.get(); }
    ConversationListModel *conversations() { return conversations_.get(); }
    ChatModel *chat() { return chat_.get(); }
    SearchModel *search() { return search_.get(); }
    SettingsModel *settings() { return settingsModel_.get(); }
    ConversationSettingsModel *conversationSettings() { return conversationSettings_.get(); }
    WritingTools *writing() { return writing_.get(); }
    QString notice() const { return database_->openReport().notice; }
    app::Settings &storedSettings() { return *settings_; }
    QString conversationTitle() const;

    // Quits the application; a reply in progress is stopped first and saved with what it has.
    Q_INVOKABLE void quit();

signals:
    void conversationTitleChanged();

private:
    std::unique_ptr<app::Database> database_;
    std::unique_ptr<app::Settings> settings_;
    std::unique_ptr<app::EngineClient> engine_;
    std::unique_ptr<app::ChatController> controller_;
    std::unique_ptr<ModelManager> models_;
    std::unique_ptr<DownloadManager> downloads_;
    std::unique_ptr<ConversationListModel> conversations_;
    std::unique_ptr<ChatModel> chat_;
    std::unique_ptr<SearchModel> search_;
    std::unique_ptr<SettingsModel> settingsModel_;
    std::unique_ptr<ConversationSettingsModel> conversationSettings_;
    std::unique_ptr<WritingTools> writing_;
};

}  // namespace qd::ui
