#pragma once
// The model the chat runs on: loading it on the engine thread with progress, what it is, and the
// memory each quantization level would need (for the settings page).
#include "engine_client.h"

#include <QObject>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace qd::app {
class Settings;
}

namespace qd::ui {

class ModelManager : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application session")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString stageText READ stageText NOTIFY progressChanged)
    Q_PROPERTY(QString modelPath READ modelPath NOTIFY stateChanged)
    Q_PROPERTY(QString modelName READ modelName NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(qint64 contextLength READ contextLength NOTIFY stateChanged)
    Q_PROPERTY(QString quantization READ quantization NOTIFY stateChanged)
    Q_PROPERTY(QVariantList levelMemory READ levelMemory NOTIFY levelMemoryChanged)
public:
    enum State { NoModel, Loading, Ready, Failed };
    Q_ENUM(State)

    // weightCache: the folder of converted weights (see weight_cache.h); empty: none.
    ModelManager(app::EngineClient &engine, app::Settings &settings, QString weightCache = {},
                 QObject *parent = nullptr);

    // Loads a .gguf file or a Hugging Face folder, given as a path or a file:// URL, with the
    // quantization, context length and thread settings. A model already loaded stays usable
    // until the new one replaces it.
    Q_INVOKABLE void load(const QString &pathOrUrl);
    // Loads the current model again, so changed load settings take effect.
    Q_INVOKABLE void reload();
    // Whether a dropped or picked URL looks like a model (a .gguf file or a folder with config.json).
    Q_INVOKABLE bool looksLikeModel(const QUrl &url) const;

    State state() const { return state_; }
    double progress() const { return progress_; }
    QString stageText() const;
    QString modelPath() const { return path_; }
    QString modelName() const;
    QString error() const { return error_; }
    qint64 contextLength() const { return contextLength_; }
    QString quantization() const { return quant_; }
    // [{level: "q4_0", bytes: 1234}] for the loaded model; empty until it is inspected.
    QVariantList levelMemory() const { return levelMemory_; }

signals:
    void stateChanged();
    void progressChanged();
    void levelMemoryChanged();

private:
    void onProgress(app::RequestId id, app::LoadStage stage, double fraction);
    void onLoaded(app::RequestId id, const app::ModelInfo &model);
    void onFinished(app::RequestId id, app::EndReason reason, const QString &error);
    void inspect(const QString &path);

    app::EngineClient &engine_;
    app::Settings &settings_;
    QString weightCache_;
    app::RequestId request_ = 0;
    State state_ = NoModel;
    app::LoadStage stage_ = app::LoadStage::Opening;
    double progress_ = 0;
    QString path_;
    QString pendingPath_;
    QString error_;
    qint64 contextLength_ = 0;
    QString quant_;
    QVariantList levelMemory_;
};

}  // namespace qd::ui
