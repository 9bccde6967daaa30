#pragma once
// Where QwenDesk keeps its files. Every executable takes --data-dir DIR to use another profile.
#include <QString>

namespace qd::app {

// overrideDir when it is not empty, otherwise QStandardPaths::AppDataLocation. The folder is
// created when missing; throws StorageError when it cannot be.
QString dataDirectory(const QString &overrideDir);

// The database file inside a data directory.
QString databasePath(const QString &dataDir);

}  // namespace qd::app
