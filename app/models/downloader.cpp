#include "downloader.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QStorageInfo>

#include <filesystem>
#include <system_error>

namespace qd {

namespace {

constexpr int kMaxRedirects = 10;
constexpr qint64 kSpeedWindowMs = 500;
constexpr qint64 kProgressIntervalMs = 100;
constexpr qint64 kHashChunk = 4 << 20;

QString megabytes(qint64 bytes) {
    return QStringLiteral("%1 MB").arg(static_cast<double>(bytes) / 1e6, 0, 'f', 1);
}

qint64 storageAvailableBytes(const QString &directory) {
    const QStorageInfo storage(directory);
    return storage.isValid() ? storage.bytesAvailable() : -1;
}

// The Hub quotes its ETags; the LFS one is the file's SHA-256 in hex.
QByteArray sha256FromEtag(QByteArray etag) {
    etag = etag.trimmed();
    if (etag.startsWith("W/")) etag.remove(0, 2);
    if (etag.size() >= 2 && etag.startsWith('"') && etag.endsWith('"')) etag = etag.mid(1, etag.size() - 2);
    etag = etag.toLower();
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
    return hex64.match(QString::fromLatin1(etag)).hasMatch() ? etag : QByteArray();
}

QString networkErrorText(const QNetworkReply &reply) {
    const QString host = reply.url().host();
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("the server %1 refused the connection").arg(host);
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("could not find the server %1 (check the network connection and the download address)")
            .arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the server %1 closed the connection before the file was complete").arg(host);
    case QNetworkReply::TimeoutError:
        return QStringLiteral("the connection to %1 timed out").arg(host);
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("could not make a secure connection to %1 (%2)").arg(host, reply.errorString());
    default:
        return QStringLiteral("network error from %1: %2").arg(host, reply.errorString());
    }
}

}  // namespace

QString DownloadResult::verificationSummary() const {
    QStringList unverified;
    for (const DownloadedFile &file : files)
        if (!file.verified) unverified.append(QFileInfo(file.path).fileName());
    if (unverified.isEmpty()) return QStringLiteral("every file matched the server's SHA-256");
    return QStringLiteral("not verified (the server sent no SHA-256 for it): ") + unverified.join(QStringLiteral(", "));
}

Downloader::Downloader(QObject *parent) : QObject(parent), availableBytes_(storageAvailableBytes) {
    stallTimer_.setSingleShot(true);
    stallTimer_.setInterval(30000);
    connect(&stallTimer_, &QTimer::timeout, this, &Downloader::onStalled);
    progressTimer_.setSingleShot(true);
    connect(&progressTimer_, &QTimer::timeout, this, [this] { emitProgress(true); });
}

Downloader::~Downloader() { detachReply(); }

void Downloader::setStallTimeout(int milliseconds) { stallTimer_.setInterval(milliseconds); }

void Downloader::setAvailableBytesFunction(AvailableBytesFunction function) { availableBytes_ = std::move(function); }

void Downloader::start(const QList<DownloadItem> &items) {
    if (state_ == State::Running || state_ == State::Paused) return;
    items_ = items;
    current_ = 0;
    done_.clear();
    completedBytes_ = 0;
    hashedBytes_ = -1;
    bytesPerSecond_ = 0;
    state_ = State::Running;
    // Begin from the event loop, so the caller has connected to finished() whatever happens.
    QMetaObject::invokeMethod(this, &Downloader::begin, Qt::QueuedConnection);
}

void Downloader::begin() {
    if (state_ != State::Running || reply_) return;  // cancelled before it began
    if (items_.isEmpty()) return succeed();

    // A first check from the size hints, so a download that cannot fit does not even begin.
    const QString directory = QFileInfo(items_.first().destination).absolutePath();
    QDir().mkpath(directory);
    qint64 needed = 0;
    for (const DownloadItem &item : items_)
        needed += qMax<qint64>(0, item.expectedBytes - QFileInfo(item.destination + QStringLiteral(".part")).size());
    const qint64 available = availableBytes_(directory);
    if (available >= 0 && needed > available)
        return fail(QStringLiteral("not enough free space in %1: the download needs %2, only %3 is available")
                        .arg(directory, megabytes(needed), megabytes(available)),
                    true);
    startFile();
}

void Downloader::pause() {
    if (state_ != State::Running) return;
    detachReply();
    stallTimer_.stop();
    part_.close();
    state_ = State::Paused;
    bytesPerSecond_ = 0;
    emitProgress(true);
}

void Downloader::resume() {
    if ((state_ != State::Paused && state_ != State::Failed) || current_ >= items_.size()) return;
    state_ = State::Running;
    startFile();
}

void Downloader::cancel() {
    if (state_ != State::Running && state_ != State::Paused && state_ != State::Failed) return;
    detachReply();
    stallTimer_.stop();
    progressTimer_.stop();
    part_.close();
    if (current_ < items_.size()) QFile::remove(partPath());
    state_ = State::Cancelled;
    DownloadResult r = result(QStringLiteral("the download was cancelled"));
    r.cancelled = true;
    emit finished(r);
}

QString Downloader::partPath() const { return items_.at(current_).destination + QStringLiteral(".part"); }

QString Downloader::currentName() const { return QFileInfo(items_.at(current_).destination).fileName(); }

DownloadResult Downloader::result(const QString &error) const {
    DownloadResult r;
    r.ok = error.isEmpty();
    r.error = error;
    r.files = done_;
    return r;
}

void Downloader::startFile() {
    const DownloadItem &item = items_.at(current_);
    QDir().mkpath(QFileInfo(item.destination).absolutePath());
    part_.setFileName(partPath());
    if (!part_.open(QIODevice::ReadWrite))
        return fail(QStringLiteral("cannot write %1: %2").arg(partPath(), part_.errorString()), true);
    fileReceived_ = part_.size();
    part_.seek(fileReceived_);
    if (hashedBytes_ != fileReceived_) rehashPartFile();
    fileTotal_ = -1;
    expectedSha256_.clear();
    linkedSize_ = -1;
    redirects_ = 0;
    speedClock_.start();
    speedWindowBytes_ = 0;
    progressClock_.start();
    sendRequest(item.url);
}

void Downloader::rehashPartFile() {
    hash_.reset();
    hashedBytes_ = 0;
    part_.seek(0);
    // Bounded by the file size: each pass reads up to one chunk and stops at the end.
    for (qint64 left = fileReceived_; left > 0;) {
        const QByteArray chunk = part_.read(qMin(left, kHashChunk));
        if (chunk.isEmpty()) break;
        hash_.addData(chunk);
        hashedBytes_ += chunk.size();
        left -= chunk.size();
    }
    part_.seek(fileReceived_);
}

void Downloader::sendRequest(const QUrl &url) {
    QNetworkRequest request(url);
    // Redirects are followed by hand: the Hub's first response carries X-Linked-Etag and
    // X-Linked-Size, which the CDN's final response does not.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Compressed transfer would make byte offsets (Range) refer to the wrong stream.
    request.setRawHeader("Accept-Encoding", "identity");
    request.setRawHeader("User-Agent", "QwenDesk/" QD_VERSION);
    if (fileReceived_ > 0) request.setRawHeader("Range", "bytes=" + QByteArray::number(fileReceived_) + '-');
    responseAccepted_ = false;
    reply_ = network_.get(request);
    connect(reply_, &QNetworkReply::readyRead, this, &Downloader::onReadyRead);
    connect(reply_, &QNetworkReply::finished, this, &Downloader::onFinished);
    stallTimer_.start();
}

bool Downloader::acceptResponse() {
    responseAccepted_ = true;
    const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (expectedSha256_.isEmpty() && reply_->hasRawHeader("X-Linked-Etag"))
        expectedSha256_ = sha256FromEtag(reply_->rawHeader("X-Linked-Etag"));
    if (linkedSize_ < 0 && reply_->hasRawHeader("X-Linked-Size"))
        linkedSize_ = reply_->rawHeader("X-Linked-Size").trimmed().toLongLong();

    if (status >= 300 && status < 400) return false;  // followed when the reply finishes
    if (status == 416) {
        // The partial file is not a prefix the server can continue (it changed, or it is complete
        // but was never verified): start over.
        restartFileFromZero();
        return false;
    }
    if (status == 404) {
        fail(QStringLiteral("file not found on the server: %1").arg(reply_->url().toString()), false);
        return false;
    }
    if (status == 401 || status == 403) {
        fail(QStringLiteral("the server refused access to %1 (HTTP %2)").arg(reply_->url().toString()).arg(status),
             false);
        return false;
    }
    if (status != 200 && status != 206) {
        const QString reason = reply_->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        fail(QStringLiteral("the server answered HTTP %1 %2 for %3").arg(status).arg(reason, reply_->url().toString()),
             true);
        return false;
    }

    const qint64 contentLength = reply_->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (status == 206) {
        // "bytes START-END/TOTAL": the data must continue exactly where the partial file ends.
        static const QRegularExpression range(QStringLiteral("^bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)$"));
        const auto match = range.match(QString::fromLatin1(reply_->rawHeader("Content-Range").trimmed()));
        if (!match.hasMatch() || match.captured(1).toLongLong() != fileReceived_) {
            restartFileFromZero();
            return false;
        }
        fileTotal_ = match.captured(3) == QLatin1String("*") ? fileReceived_ + contentLength
                                                              : match.captured(3).toLongLong();
    } else {
        if (fileReceived_ > 0) {
            // The server ignored the Range request and sends the whole file: drop what we had.
            part_.resize(0);
            part_.seek(0);
            fileReceived_ = 0;
            hash_.reset();
            hashedBytes_ = 0;
        }
        fileTotal_ = contentLength > 0 ? contentLength : linkedSize_;
    }

    const QString directory = QFileInfo(items_.at(current_).destination).absolutePath();
    const qint64 needed = fileTotal_ - fileReceived_;
    const qint64 available = availableBytes_(directory);
    if (fileTotal_ > 0 && available >= 0 && needed > available) {
        fail(QStringLiteral("not enough free space in %1: %2 needs %3 more, only %4 is available")
                 .arg(directory, currentName(), megabytes(needed), megabytes(available)),
             true);
        return false;
    }
    emitProgress(true);
    return true;
}

void Downloader::restartFileFromZero() {
    detachReply();
    part_.resize(0);
    part_.seek(0);
    fileReceived_ = 0;
    hash_.reset();
    hashedBytes_ = 0;
    sendRequest(items_.at(current_).url);
}

void Downloader::onReadyRead() {
    stallTimer_.start();
    const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206) {
        // A redirect's or an error page's body: not file data. The status is dealt with when the
        // reply finishes (aborting a reply Qt has already marked as failed upsets it).
        reply_->readAll();
        return;
    }
    if (!responseAccepted_ && !acceptResponse()) return;
    writeData(reply_->readAll());
}

void Downloader::writeData(const QByteArray &data) {
    if (data.isEmpty()) return;
    if (part_.write(data) != data.size())
        return fail(QStringLiteral("cannot write %1: %2").arg(partPath(), part_.errorString()), true);
    hash_.addData(data);
    hashedBytes_ += data.size();
    fileReceived_ += data.size();
    speedWindowBytes_ += data.size();
    emitProgress(false);
}

void Downloader::onFinished() {
    stallTimer_.stop();
    if (!responseAccepted_ && !acceptResponse()) {
        // A redirect: follow it. Errors have been reported and the reply detached already.
        if (!reply_ || reply_ != sender()) return;
    }
    QNetworkReply *reply = reply_;
    if (!reply) return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400) {
        const QUrl location = QUrl::fromEncoded(reply->rawHeader("Location").trimmed());
        const QUrl next = reply->url().resolved(location);
        detachReply();
        if (location.isEmpty()) return fail(QStringLiteral("the server sent a redirect without a location"), true);
        if (++redirects_ > kMaxRedirects) return fail(QStringLiteral("too many redirects"), true);
        return sendRequest(next);
    }
    if (status == 200 || status == 206) writeData(reply->readAll());
    if (state_ != State::Running) return;  // writing failed
    const QNetworkReply::NetworkError error = reply->error();
    const QString errorText = networkErrorText(*reply);
    detachReply();
    if (error != QNetworkReply::NoError || (fileTotal_ >= 0 && fileReceived_ < fileTotal_)) {
        QString message = error != QNetworkReply::NoError
                              ? errorText
                              : QStringLiteral("the connection closed before the file was complete");
        if (fileTotal_ > 0)
            message += QStringLiteral(" (%1 of %2 of %3)").arg(megabytes(fileReceived_), megabytes(fileTotal_),
                                                              currentName());
        return fail(message + QStringLiteral("; the partial file is kept, resume to continue"), true);
    }
    finishFile();
}

void Downloader::onStalled() {
    detachReply();
    fail(QStringLiteral("no data from the server for %1 seconds, so the download stopped; the partial file is "
                        "kept, resume to continue")
             .arg(stallTimer_.interval() / 1000.0, 0, 'g', 3),
         true);
}

void Downloader::finishFile() {
    part_.close();
    const QByteArray actual = hash_.result().toHex();
    const bool verified = !expectedSha256_.isEmpty();
    if (verified && actual != expectedSha256_) {
        QFile::remove(partPath());
        hashedBytes_ = -1;
        return fail(QStringLiteral("checksum mismatch for %1: the server's SHA-256 is %2 but the downloaded data's "
                                   "is %3; the downloaded data was removed, please download it again")
                        .arg(currentName(), QString::fromLatin1(expectedSha256_), QString::fromLatin1(actual)),
                    false);
    }
    const QString destination = items_.at(current_).destination;
    std::error_code ec;
    // rename(2) replaces an existing file atomically: the model file is old or new, never partial.
    std::filesystem::rename(partPath().toStdString(), destination.toStdString(), ec);
    if (ec)
        return fail(QStringLiteral("cannot move the download into place as %1: %2")
                        .arg(destination, QString::fromStdString(ec.message())),
                    true);
    done_.append({destination, fileReceived_, actual, verified});
    completedBytes_ += fileReceived_;
    fileReceived_ = 0;
    fileTotal_ = -1;
    hashedBytes_ = -1;
    ++current_;
    emitProgress(true);
    if (current_ < items_.size()) return startFile();
    succeed();
}

void Downloader::fail(const QString &message, bool keepPartial) {
    detachReply();
    stallTimer_.stop();
    progressTimer_.stop();
    if (part_.isOpen()) part_.close();
    // An empty partial file is no progress worth keeping.
    if (current_ < items_.size() && (!keepPartial || QFileInfo(partPath()).size() == 0)) {
        QFile::remove(partPath());
        hashedBytes_ = -1;
    }
    state_ = State::Failed;
    emit finished(result(message));
}

void Downloader::succeed() {
    progressTimer_.stop();
    state_ = State::Done;
    emit finished(result({}));
}

void Downloader::detachReply() {
    if (!reply_) return;
    QNetworkReply *reply = reply_;
    reply_ = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

void Downloader::emitProgress(bool force) {
    const qint64 windowMs = speedClock_.isValid() ? speedClock_.elapsed() : 0;
    if (windowMs >= kSpeedWindowMs) {
        const double current = static_cast<double>(speedWindowBytes_) * 1000.0 / static_cast<double>(windowMs);
        bytesPerSecond_ = bytesPerSecond_ > 0 ? 0.7 * bytesPerSecond_ + 0.3 * current : current;
        speedWindowBytes_ = 0;
        speedClock_.restart();
    }
    if (!force && progressClock_.isValid() && progressClock_.elapsed() < kProgressIntervalMs) {
        // Report the last bytes too, even if no more arrive for a while.
        if (!progressTimer_.isActive()) progressTimer_.start(kProgressIntervalMs - progressClock_.elapsed());
        return;
    }
    progressTimer_.stop();
    progressClock_.restart();

    DownloadProgress p;
    p.fileCount = static_cast<int>(items_.size());
    const qsizetype index = qMin(current_, items_.size() - 1);
    p.fileIndex = static_cast<int>(index);
    p.fileName = QFileInfo(items_.at(index).destination).fileName();
    p.receivedBytes = completedBytes_;
    p.totalBytes = completedBytes_;
    for (qsizetype i = current_; i < items_.size(); ++i) p.totalBytes += items_.at(i).expectedBytes;
    if (current_ < items_.size()) {
        p.receivedBytes += fileReceived_;
        if (fileTotal_ >= 0) p.totalBytes += fileTotal_ - items_.at(current_).expectedBytes;
    }
    p.bytesPerSecond = bytesPerSecond_;
    emit progressChanged(p);
}

}  // namespace qd
