#pragma once
// A small HTTP/1.1 server for download tests, on 127.0.0.1 only. It serves byte arrays from
// memory and can imitate the Hugging Face Hub (a redirect carrying X-Linked-Etag and
// X-Linked-Size) and misbehave on purpose: answer 404, ignore Range, drop the connection or stall
// in the middle of a body.
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace qd::test {

struct Resource {
    QByteArray body;
    QByteArray linkedEtag;     // sent quoted as X-Linked-Etag (with X-Linked-Size) when not empty
    QByteArray redirectTo;     // a path: answer 302 there, the X-Linked headers on the 302
    bool ignoreRange = false;  // answer 200 with the whole body even to a Range request
    qint64 dropAfter = -1;     // close the connection after this many body bytes...
    int dropTimes = 0;         // ...for this many requests
    qint64 stallAfter = -1;    // send this many body bytes, then nothing while the socket lives...
    int stallTimes = 0;        // ...for this many requests

    Resource withEtag(const QByteArray &sha256Hex) const { Resource r = *this; r.linkedEtag = sha256Hex; return r; }
    Resource redirectingTo(const QByteArray &path) const { Resource r = *this; r.redirectTo = path; return r; }
    Resource ignoringRange() const { Resource r = *this; r.ignoreRange = true; return r; }
    Resource dropping(qint64 after, int times = 1) const {
        Resource r = *this;
        r.dropAfter = after;
        r.dropTimes = times;
        return r;
    }
    Resource stalling(qint64 after, int times = 1) const {
        Resource r = *this;
        r.stallAfter = after;
        r.stallTimes = times;
        return r;
    }
};

inline Resource served(const QByteArray &body) {
    Resource r;
    r.body = body;
    return r;
}

struct SeenRequest {
    QByteArray path;
    QByteArray range;  // the Range header, empty when absent
};

class TestHttpServer : public QObject {
    Q_OBJECT
public:
    explicit TestHttpServer(QObject *parent = nullptr);
    ~TestHttpServer() override;

    bool listen();  // 127.0.0.1, a free port
    QUrl baseUrl() const;  // http://127.0.0.1:<port>
    void setResource(const QByteArray &path, const Resource &resource) { resources_[path] = resource; }
    const QList<SeenRequest> &requests() const { return requests_; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &method, const QByteArray &path, const QByteArray &range);

    QTcpServer server_;
    QHash<QByteArray, Resource> resources_;
    QHash<QTcpSocket *, QByteArray> pending_;  // request bytes received so far, per connection
    QList<SeenRequest> requests_;
};

}  // namespace qd::test
