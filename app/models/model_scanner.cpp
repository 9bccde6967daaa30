#include "model_scanner.h"

#include <QDir>
#include <QFileInfo>

namespace qd {

namespace {

constexpr int kMaxDepth = 3;

qint64 fileBytes(const QString &path) {
    const QFileInfo info(path);  // size() follows symlinks into the cache's blobs
    return info.exists() ? info.size() : -1;
}

// A folder ModelSource can open: config.json and either model.safetensors or a shard index.
// Returns the size of its model files, or -1 when it is not (or not completely) there.
qint64 huggingFaceFolderBytes(const QDir &dir) {
    if (fileBytes(dir.filePath(QStringLiteral("config.json"))) < 0) return -1;
    const QStringList weights =
        dir.entryList({QStringLiteral("*.safetensors")}, QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    const bool sharded = QFileInfo::exists(dir.filePath(QStringLiteral("model.safetensors.index.json")));
    if (weights.isEmpty() || (!sharded && !weights.contains(QStringLiteral("model.safetensors")))) return -1;
    qint64 total = 0;
    for (const QString &name : dir.entryList(QDir::Files | QDir::NoDotAndDotDot)) {
        const qint64 bytes = fileBytes(dir.filePath(name));
        if (bytes < 0) return -1;  // a dangling symlink: the cache holds only part of the model
        total += bytes;
    }
    return total;
}

void scanDirectory(const QDir &dir, int depth, ModelOrigin origin, const QString &repo, QList<FoundModel> &found) {
    const qint64 folderBytes = huggingFaceFolderBytes(dir);
    if (folderBytes >= 0)
        found.append({dir.absolutePath(), ModelFormat::HuggingFaceFolder, origin, repo, folderBytes});
    for (const QFileInfo &file : dir.entryInfoList({QStringLiteral("*.gguf")}, QDir::Files, QDir::Name)) {
        const qint64 bytes = fileBytes(file.absoluteFilePath());
        if (bytes > 0) found.append({file.absoluteFilePath(), ModelFormat::Gguf, origin, repo, bytes});
    }
    if (depth >= kMaxDepth) return;
    for (const QString &sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDir::Name))
        scanDirectory(QDir(dir.filePath(sub)), depth + 1, origin, repo, found);
}

}  // namespace

QString huggingFaceHubDirectory() {
    const QString hubCache = qEnvironmentVariable("HF_HUB_CACHE");
    if (!hubCache.isEmpty()) return hubCache;
    const QString hfHome = qEnvironmentVariable("HF_HOME");
    if (!hfHome.isEmpty()) return QDir(hfHome).filePath(QStringLiteral("hub"));
    QString cache = qEnvironmentVariable("XDG_CACHE_HOME");
    if (cache.isEmpty()) cache = QDir::home().filePath(QStringLiteral(".cache"));
    return QDir(cache).filePath(QStringLiteral("huggingface/hub"));
}

QList<FoundModel> scanHuggingFaceCache(const QString &hubDirectory) {
    QList<FoundModel> found;
    const QDir hub(hubDirectory);
    for (const QString &repoDir :
         hub.entryList({QStringLiteral("models--Qwen--Qwen2.5-*")}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        // "models--Qwen--Qwen2.5-1.5B-Instruct" names the repository "Qwen/Qwen2.5-1.5B-Instruct".
        const QString repo = repoDir.mid(static_cast<qsizetype>(sizeof("models--") - 1))
                                 .replace(QStringLiteral("--"), QStringLiteral("/"));
        const QDir snapshots(hub.filePath(repoDir + QStringLiteral("/snapshots")));
        for (const QString &revision : snapshots.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            scanDirectory(QDir(snapshots.filePath(revision)), kMaxDepth - 1, ModelOrigin::HuggingFaceCache, repo,
                          found);
    }
    return found;
}

QList<FoundModel> scanModelsDirectory(const QString &modelsDirectory) {
    QList<FoundModel> found;
    if (QFileInfo(modelsDirectory).isDir())
        scanDirectory(QDir(modelsDirectory), 0, ModelOrigin::AppDirectory, {}, found);
    return found;
}

QList<FoundModel> findModels(const QString &modelsDirectory, const QString &hubDirectory) {
    return scanModelsDirectory(modelsDirectory) + scanHuggingFaceCache(hubDirectory);
}

QString originName(ModelOrigin origin) {
    return origin == ModelOrigin::HuggingFaceCache ? QStringLiteral("Hugging Face cache")
                                                   : QStringLiteral("QwenDesk models folder");
}

}  // namespace qd
