#include "download_plan.h"

#include "download_endpoint.h"

#include <QDir>

namespace qd {

DownloadPlan planDownload(const CatalogEntry &entry, const QUrl &baseUrl, const QString &modelsDirectory) {
    DownloadPlan plan;
    const QDir models(modelsDirectory);
    plan.modelPath = entry.isFolder ? models.filePath(entry.folder) : models.filePath(entry.files.first().name);
    const QDir target(entry.isFolder ? plan.modelPath : modelsDirectory);
    for (const CatalogFile &file : entry.files)
        plan.items.append({fileDownloadUrl(baseUrl, entry.repo, file.name), target.filePath(file.name), file.bytes});
    return plan;
}

}  // namespace qd
