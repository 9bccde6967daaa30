#pragma once
// Turns a catalog entry into the files to fetch and where they go in the models directory: a GGUF
// file as <models>/<file name>, a Hugging Face folder as <models>/<folder>/<files>.
#include "catalog.h"
#include "downloader.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace qd {

struct DownloadPlan {
    QList<DownloadItem> items;
    QString modelPath;  // what to open once every item is in place
};

DownloadPlan planDownload(const CatalogEntry &entry, const QUrl &baseUrl, const QString &modelsDirectory);

}  // namespace qd
