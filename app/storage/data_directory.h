#pragma once
// Where QwenDesk keeps its files. Every executable takes --data-dir DIR to use another profile.
#include <QString>

namespace qd::app {

// overrideDir when it is not empty, otherwise QStandardPaths::AppDataLocation. The folder is
// created when missing; throws StorageError when it cannot be.
QString dataDirectory(const QString &overrideDir);

// The database file inside a data directory.
QString databasePath(const QString &dataDir);

// Where model weights converted to a quantization level are cached (engine/model/weight_cache.h).
// With --data-dir, inside that profile, so a separate profile (tests, screenshots) leaves the
// user's cache alone; otherwise the user's cache folder, the same for qwendesk and qwendesk-cli.
// Not created here: the engine creates it when it writes, and loads without it when it cannot.
QString weightCacheDirectory(const QString &overrideDataDir);

}  // namespace qd::app
