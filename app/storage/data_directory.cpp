#include "data_directory.h"

#include "storage_error.h"

#include <QDir>
#include <QStandardPaths>

namespace qd::app {

QString dataDirectory(const QString &overrideDir) {
    const QString dir = overrideDir.isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                            : QDir(overrideDir).absolutePath();
    if (dir.isEmpty())
        throw StorageError(StorageError::Kind::Failed, "No folder for application data is known on this system; "
                                                       "choose one with --data-dir DIR");
    if (!QDir().mkpath(dir))
        throw StorageError(StorageError::Kind::Failed, "Could not create the data folder " + dir.toStdString());
    return dir;
}

QString databasePath(const QString &dataDir) { return QDir(dataDir).filePath(QStringLiteral("qwendesk.sqlite3")); }

QString weightCacheDirectory(const QString &overrideDataDir) {
    if (!overrideDataDir.isEmpty()) return QDir(overrideDataDir).absoluteFilePath(QStringLiteral("weight-cache"));
    // Not CacheLocation: it ends in the organization name, which qwendesk sets and qwendesk-cli
    // does not, and both must find the same entries.
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return cache.isEmpty() ? QString() : QDir(cache).filePath(QStringLiteral("QwenDesk/weights"));
}

}  // namespace qd::app
