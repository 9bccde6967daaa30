#include "model_manager.h"

#include "model_info.h"
#include "settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

namespace qd::ui {

namespace {

QString localPath(const QString &pathOrUrl) {
    const QUrl url(pathOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
}

}  // namespace

ModelManager::ModelManager(app::EngineClient &engine, app::Settings &settings, QString weightCache, QObject *parent)
    : QObject(parent), engine_(engine), settings_(settings), weightCache_(std::move(weightCache)) {
    connect(&engine_, &app::EngineClient::loadProgress, this, &ModelManager::onProgress);
    connect(&engine_, &app::EngineClient::modelLoaded, this, &ModelManager::onLoaded);
    connect(&engine_, &app::EngineClient::finished, this, &ModelManager::onFinished);
}

void ModelManager::load(const QString &pathOrUrl) {
    const QString path = QDir::cleanPath(QFileInfo(localPath(pathOrUrl)).absoluteFilePath());
    app::LoadModelRequest request;
    request.path = path;
    request.quant = parseQuantLevel(settings_.quantization().toStdString()).value_or(QuantLevel::Auto);
    request.contextLength = settings_.contextLength();
    request.threads = settings_.threads();
    request.weightCache = weightCache_;
    pendingPath_ = path;
    request_ = engine_.loadModel(request);
    state_ = Loading;
    error_.clear();
    progress_ = 0;
    stage_ = app::LoadStage::Opening;
    emit stateChanged();
    emit progressChanged();
}

void ModelManager::reload() {
    if (!path_.isEmpty()) load(path_);
}

bool ModelManager::looksLikeModel(const QUrl &url) const {
    const QFileInfo info(url.isLocalFile() ? url.toLocalFile() : url.toString());
    if (info.isDir()) return QFileInfo::exists(info.filePath() + QStringLiteral("/config.json"));
    return info.isFile() && info.suffix().compare(QStringLiteral("gguf"), Qt::CaseInsensitive) == 0;
}

QString ModelManager::stageText() const {
    switch (stage_) {
    case app::LoadStage::Opening: return tr("Opening the model file…");
    case app::LoadStage::PreparingWeights: return tr("Preparing the weights…");
    case app::LoadStage::CreatingContext: return tr("Setting up the context…");
    }
    return {};
}

QString ModelManager::modelName() const {
    const QFileInfo info(path_);
    return info.isDir() ? info.fileName() : info.completeBaseName();
}

void ModelManager::onProgress(app::RequestId id, app::LoadStage stage, double fraction) {
    if (id != request_) return;
    stage_ = stage;
    progress_ = fraction;
    emit progressChanged();
}

void ModelManager::onLoaded(app::RequestId id, const app::ModelInfo &model) {
    if (id != request_) return;
    path_ = model.path;
    contextLength_ = model.contextLength;
    quant_ = model.quant;
    state_ = Ready;
    progress_ = 1;
    settings_.setLastModel(path_);
    emit progressChanged();
    emit stateChanged();
    inspect(path_);
}

void ModelManager::onFinished(app::RequestId id, app::EndReason reason, const QString &error) {
    if (id != request_ || state_ != Loading) return;
    // A load that ends without ModelLoaded failed; the previous model, if any, is gone too.
    state_ = Failed;
    error_ = reason == app::EndReason::Error ? error : tr("Loading was cancelled.");
    emit stateChanged();
}

void ModelManager::inspect(const QString &path) {
    // Inspecting opens the file again; keep that off the GUI thread.
    QPointer<ModelManager> self(this);
    QThreadPool::globalInstance()->start([self, path] {
        QVariantList levels;
        try {
            const ModelInfo info = inspectModel(path);
            for (const LevelMemory &m : info.memory)
                levels.append(QVariantMap{{QStringLiteral("level"), QString::fromUtf8(quantLevelName(m.level))},
                                          {QStringLiteral("bytes"), qulonglong(m.bytes)}});
        } catch (const std::exception &) {
            return;  // the engine accepted the model; without the table the settings show no sizes
        }
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, levels, path] {
            if (!self || self->path_ != path) return;
            self->levelMemory_ = levels;
            emit self->levelMemoryChanged();
        });
    });
}

}  // namespace qd::ui
