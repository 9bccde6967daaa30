#include "session.h"

#include "data_directory.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimer>

namespace qd::ui {

Session::Session(const QString &dataDirectory, const QString &weightCacheDirectory, QObject *parent)
    : QObject(parent), database_(std::make_unique<app::Database>(app::databasePath(dataDirectory))),
      settings_(std::make_unique<app::Settings>(*database_)), engine_(std::make_unique<app::EngineClient>()),
      controller_(std::make_unique<app::ChatController>(*engine_, *database_, *settings_)),
      models_(std::make_unique<ModelManager>(*engine_, *settings_, weightCacheDirectory)),
      downloads_(std::make_unique<DownloadManager>(QDir(dataDirectory).filePath(QStringLiteral("models")))),
      conversations_(std::make_unique<ConversationListModel>(*database_)),
      chat_(std::make_unique<ChatModel>(*controller_, *database_)),
      search_(std::make_unique<SearchModel>(*database_)),
      settingsModel_(std::make_unique<SettingsModel>(*settings_, *models_)),
      conversationSettings_(std::make_unique<ConversationSettingsModel>(*database_, *settings_)),
      writing_(std::make_unique<WritingTools>(*engine_, *settings_)) {
    connect(downloads_.get(), &DownloadManager::downloaded, models_.get(), &ModelManager::load);
    connect(chat_.get(), &ChatModel::conversationsChanged, conversations_.get(), &ConversationListModel::reload);
    connect(chat_.get(), &ChatModel::conversationsChanged, search_.get(), &SearchModel::refresh);
    connect(chat_.get(), &ChatModel::conversationChanged, this,
            [this] { conversationSettings_->setConversationId(chat_->conversationId()); });
    // Every rename, naming by the first message and deletion reads the sidebar's list again.
    connect(chat_.get(), &ChatModel::conversationChanged, this, &Session::conversationTitleChanged);
    connect(conversations_.get(), &QAbstractItemModel::modelReset, this, &Session::conversationTitleChanged);
    connect(writing_.get(), &WritingTools::summaryFinished, this, [this](const QString &name, const QString &summary) {
        if (!summary.isEmpty()) chat_->appendExchange(tr("Summarize the document “%1”.").arg(name), summary);
    });
}

Session::~Session() {
    // The views go first (they hold pointers into these), then the engine before the database.
    writing_.reset();
    conversationSettings_.reset();
    settingsModel_.reset();
    search_.reset();
    chat_.reset();
    conversations_.reset();
    downloads_.reset();
    models_.reset();
    controller_.reset();
    engine_.reset();
}

QString Session::conversationTitle() const {
    const qint64 id = chat_->conversationId();
    return id == 0 ? QString() : conversations_->titleOf(id);
}

void Session::quit() {
    if (!chat_->busy()) {
        QCoreApplication::quit();
        return;
    }
    // The reply is saved as cancelled once the engine confirms the stop, within a token; the
    // timer only guards against an engine that never answers.
    connect(chat_.get(), &ChatModel::replyFinished, QCoreApplication::instance(), &QCoreApplication::quit,
            Qt::QueuedConnection);
    QTimer::singleShot(5000, QCoreApplication::instance(), &QCoreApplication::quit);
    chat_->stop();
}

}  // namespace qd::ui
