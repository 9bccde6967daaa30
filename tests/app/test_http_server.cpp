#include "test_http_server.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace qd::test {

namespace {

constexpr qsizetype kMaxRequestBytes = 64 * 1024;
constexpr qsizetype kMaxHeaderLines = 100;

QByteArray statusLine(int status) {
    switch (status) {
    case 200: return "HTTP/1.1 200 OK\r\n";
    case 206: return "HTTP/1.1 206 Partial Content\r\n";
    case 302: return "HTTP/1.1 302 Found\r\n";
    case 404: return "HTTP/1.1 404 Not Found\r\n";
    default: return "HTTP/1.1 416 Range Not Satisfiable\r\n";
    }
}

}  // namespace

TestHttpServer::TestHttpServer(QObject *parent) : QObject(parent) {
    connect(&server_, &QTcpServer::newConnection, this, &TestHttpServer::onNewConnection);
}

TestHttpServer::~TestHttpServer() {
    // Stalled connections are still open; close them so clients see the end.
    for (QTcpSocket *socket : pending_.keys()) socket->abort();
}

bool TestHttpServer::listen() { return server_.listen(QHostAddress::LocalHost, 0); }

QUrl TestHttpServer::baseUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server_.serverPort()));
}

void TestHttpServer::onNewConnection() {
    // Bounded by the connections queued right now.
    for (QTcpSocket *socket = server_.nextPendingConnection(); socket; socket = server_.nextPendingConnection()) {
        pending_.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            pending_.remove(socket);
            socket->deleteLater();
        });
    }
}

void TestHttpServer::onReadyRead(QTcpSocket *socket) {
    QByteArray &buffer = pending_[socket];
    buffer += socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > kMaxRequestBytes) socket->abort();
        return;
    }
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    buffer.clear();
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() < 2 || lines.size() > kMaxHeaderLines) return socket->abort();
    QByteArray range;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.toLower().startsWith("range:")) range = line.mid(6).trimmed();
    }
    requests_.append({requestLine.at(1), range});
    respond(socket, requestLine.at(0), requestLine.at(1), range);
}

void TestHttpServer::respond(QTcpSocket *socket, const QByteArray &method, const QByteArray &path,
                             const QByteArray &range) {
    const auto found = resources_.find(path);
    QByteArray head;
    QByteArray body;
    if (method != "GET" || found == resources_.end()) {
        body = "Not Found";
        head = statusLine(404);
    } else if (!found->redirectTo.isEmpty()) {
        head = statusLine(302) + "Location: " + found->redirectTo + "\r\n";
        const auto target = resources_.constFind(found->redirectTo);
        if (!found->linkedEtag.isEmpty() && target != resources_.constEnd())
            head += "X-Linked-Etag: \"" + found->linkedEtag + "\"\r\nX-Linked-Size: " +
                    QByteArray::number(target->body.size()) + "\r\n";
    } else {
        Resource &resource = *found;
        const qint64 size = resource.body.size();
        qint64 start = 0;
        if (range.startsWith("bytes=") && !resource.ignoreRange) start = range.mid(6).split('-').first().toLongLong();
        if (start >= size && start > 0) {
            head = statusLine(416) + "Content-Range: bytes */" + QByteArray::number(size) + "\r\n";
        } else {
            head = statusLine(start > 0 ? 206 : 200);
            if (start > 0)
                head += "Content-Range: bytes " + QByteArray::number(start) + '-' + QByteArray::number(size - 1) + '/' +
                        QByteArray::number(size) + "\r\n";
            if (!resource.linkedEtag.isEmpty())
                head += "X-Linked-Etag: \"" + resource.linkedEtag + "\"\r\nX-Linked-Size: " +
                        QByteArray::number(size) + "\r\n";
            body = resource.body.mid(start);
            if (resource.stallTimes > 0 && resource.stallAfter >= 0) {
                --resource.stallTimes;
                socket->write(head + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
                              body.left(resource.stallAfter));
                return;  // nothing more on this connection
            }
            if (resource.dropTimes > 0 && resource.dropAfter >= 0) {
                --resource.dropTimes;
                socket->write(head + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
                              body.left(resource.dropAfter));
                socket->disconnectFromHost();
                return;
            }
        }
    }
    socket->write(head + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

}  // namespace qd::test
