#include "download_manager.h"

#include "download_endpoint.h"
#include "download_plan.h"

#include <QLocale>

namespace qd::ui {

DownloadManager::DownloadManager(const QString &modelsDirectory, QObject *parent)
    : QObject(parent), modelsDirectory_(modelsDirectory), catalog_(Catalog::builtIn()) {
    connect(&downloader_, &Downloader::progressChanged, this, [this](const DownloadProgress &progress) {
        progress_ = progress;
        emit progressChanged();
    });
    connect(&downloader_, &Downloader::finished, this, &DownloadManager::onFinished);
}

void DownloadManager::start(const QString &entryId) {
    const auto entry = Catalog::builtIn().find(entryId);
    if (!entry || state_ == Running || state_ == Paused) return;
    const DownloadPlan plan = planDownload(*entry, downloadBaseUrl(), modelsDirectory_);
    entryTitle_ = entry->title;
    modelPath_ = plan.modelPath;
    error_.clear();
    progress_ = {};
    progress_.totalBytes = entry->totalBytes();
    downloader_.start(plan.items);
    setState(Running);
    emit progressChanged();
}

void DownloadManager::pause() {
    if (state_ != Running) return;
    downloader_.pause();
    setState(Paused);
}

void DownloadManager::resume() {
    if (state_ != Paused && state_ != Failed) return;
    error_.clear();
    downloader_.resume();
    setState(Running);
}

void DownloadManager::cancel() {
    if (state_ == Idle || state_ == Done) return;
    downloader_.cancel();
    setState(Idle);
}

QString DownloadManager::formatBytes(qint64 bytes) const {
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

double DownloadManager::fraction() const {
    return progress_.totalBytes > 0 ? double(progress_.receivedBytes) / double(progress_.totalBytes) : 0.0;
}

QString DownloadManager::progressText() const {
    QString text = tr("%1 of %2").arg(formatBytes(progress_.receivedBytes), formatBytes(progress_.totalBytes));
    if (state_ == Running && progress_.bytesPerSecond > 0)
        text += QStringLiteral(" · ") + tr("%1/s").arg(formatBytes(qint64(progress_.bytesPerSecond)));
    return text;
}

void DownloadManager::onFinished(const DownloadResult &result) {
    if (result.cancelled) {
        setState(Idle);
    } else if (!result.ok) {
        error_ = result.error;
        setState(Failed);
    } else {
        setState(Done);
        emit downloaded(modelPath_);
    }
}

void DownloadManager::setState(State state) {
    state_ = state;
    emit stateChanged();
}

}  // namespace qd::ui
