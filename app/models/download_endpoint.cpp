#include "download_endpoint.h"

namespace qd {

QUrl downloadBaseUrl(const QString &configured) {
    QString base = configured.trimmed();
    if (base.isEmpty()) base = qEnvironmentVariable("HF_ENDPOINT").trimmed();
    if (base.isEmpty()) base = QString::fromLatin1(kDefaultHubUrl);
    return QUrl(base);
}

QUrl fileDownloadUrl(const QUrl &base, const QString &repo, const QString &file) {
    QUrl url = base;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) path.chop(1);
    url.setPath(path + QLatin1Char('/') + repo + QStringLiteral("/resolve/main/") + file);
    return url;
}

}  // namespace qd
