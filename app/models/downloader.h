#pragma once
// Downloads one file or several in sequence (a Hugging Face folder) over HTTP(S), with overall
// progress, pause/resume (HTTP Range), cancel, a free-space check, a stall timeout and SHA-256
// verification against the X-Linked-Etag header the Hub sends for large (LFS) files. Data goes to
// "<destination>.part" and is renamed into place only once it is complete and verified, so a
// model file never exists half-written. A .part file left by an earlier run is resumed.
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkReply;

namespace qd {

struct DownloadItem {
    QUrl url;
    QString destination;       // final path of the file
    qint64 expectedBytes = 0;  // size hint for overall progress and the first space check
};

struct DownloadProgress {
    qint64 receivedBytes = 0;  // all files so far
    qint64 totalBytes = 0;     // all files; size hints until the server reports the real sizes
    double bytesPerSecond = 0;
    int fileIndex = 0;         // 0-based index of the file being downloaded
    int fileCount = 0;
    QString fileName;
};

struct DownloadedFile {
    QString path;
    qint64 bytes = 0;
    QByteArray sha256;      // lower-case hex of the data received
    bool verified = false;  // it matched the SHA-256 the server announced
};

struct DownloadResult {
    bool ok = false;
    bool cancelled = false;
    QString error;                // plain words; empty when ok
    QList<DownloadedFile> files;  // the files completed, in order
    // "verified against the server's SHA-256" or which files the server gave no checksum for.
    QString verificationSummary() const;
};

class Downloader : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Failed, Cancelled, Done };
    // Free bytes on the file system holding `directory`, or -1 when unknown (no check).
    using AvailableBytesFunction = std::function<qint64(const QString &directory)>;

    explicit Downloader(QObject *parent = nullptr);
    ~Downloader() override;

    // No data for this long fails the download (partial data kept for resume()). Default 30 s.
    void setStallTimeout(int milliseconds);
    // Replaces the QStorageInfo query, for tests.
    void setAvailableBytesFunction(AvailableBytesFunction function);

    // Starts downloading `items` in order, from the event loop (so even an immediate refusal
    // arrives through finished()). Ignored while a download is running or paused.
    void start(const QList<DownloadItem> &items);
    // Stops the transfer, keeping the partial file.
    void pause();
    // Continues after pause() or after a failure that kept the partial file (a dropped
    // connection, a stall), asking the server for the rest with a Range request.
    void resume();
    // Stops and removes the partial file of the current item. Completed files stay.
    void cancel();

    State state() const { return state_; }

signals:
    void progressChanged(const qd::DownloadProgress &progress);
    // Once per start(), resume() or cancel() that ends the download: success, failure or cancel.
    void finished(const qd::DownloadResult &result);

private:
    void begin();
    void startFile();
    void sendRequest(const QUrl &url);
    void onReadyRead();
    void onFinished();
    void onStalled();
    // Reads the status and headers of the response; false when the reply is not file data
    // (a redirect, or an error already reported).
    bool acceptResponse();
    void writeData(const QByteArray &data);
    void restartFileFromZero();
    void rehashPartFile();
    void finishFile();
    void fail(const QString &message, bool keepPartial);
    void succeed();
    void detachReply();
    void emitProgress(bool force);
    QString partPath() const;
    QString currentName() const;
    DownloadResult result(const QString &error) const;

    QNetworkAccessManager network_;
    AvailableBytesFunction availableBytes_;
    QTimer stallTimer_;
    QTimer progressTimer_;  // delivers progress held back by the rate limit
    State state_ = State::Idle;

    QList<DownloadItem> items_;
    qsizetype current_ = 0;
    QList<DownloadedFile> done_;
    qint64 completedBytes_ = 0;

    // The file being downloaded.
    QNetworkReply *reply_ = nullptr;
    QFile part_;
    QCryptographicHash hash_{QCryptographicHash::Sha256};
    qint64 hashedBytes_ = -1;  // bytes of part_ that hash_ covers; -1: none
    qint64 fileReceived_ = 0;  // bytes in part_
    qint64 fileTotal_ = -1;    // the file's size once the server reports it
    QByteArray expectedSha256_;
    qint64 linkedSize_ = -1;
    bool responseAccepted_ = false;
    int redirects_ = 0;

    // Speed: bytes counted over windows of at least half a second, smoothed.
    QElapsedTimer speedClock_;
    qint64 speedWindowBytes_ = 0;
    double bytesPerSecond_ = 0;
    QElapsedTimer progressClock_;
};

}  // namespace qd
