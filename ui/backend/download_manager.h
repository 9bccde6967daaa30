#pragma once
// Downloading a model from the catalog for the welcome page: one download at a time, with
// progress, pause/resume/cancel and errors in plain words. A finished download is announced so
// the session can load it.
#include "catalog_list_model.h"
#include "downloader.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace qd::ui {

class DownloadManager : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application session")
    Q_PROPERTY(qd::CatalogListModel *catalog READ catalog CONSTANT)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString entryTitle READ entryTitle NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(double fraction READ fraction NOTIFY progressChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)
public:
    enum State { Idle, Running, Paused, Failed, Done };
    Q_ENUM(State)

    DownloadManager(const QString &modelsDirectory, QObject *parent = nullptr);

    Q_INVOKABLE void start(const QString &entryId);
    Q_INVOKABLE void pause();
    Q_INVOKABLE void resume();
    Q_INVOKABLE void cancel();
    // "1.1 GB" in the user's locale.
    Q_INVOKABLE QString formatBytes(qint64 bytes) const;

    qd::CatalogListModel *catalog() { return &catalog_; }
    State state() const { return state_; }
    QString entryTitle() const { return entryTitle_; }
    QString error() const { return error_; }
    double fraction() const;
    QString progressText() const;

signals:
    void stateChanged();
    void progressChanged();
    void downloaded(const QString &modelPath);

private:
    void onFinished(const DownloadResult &result);
    void setState(State state);

    QString modelsDirectory_;
    CatalogListModel catalog_;
    Downloader downloader_;
    State state_ = Idle;
    QString entryTitle_;
    QString modelPath_;
    QString error_;
    DownloadProgress progress_;
};

}  // namespace qd::ui
