#pragma once
// Helpers shared by the storage tests: a fresh database in a temporary folder.
#include "data_directory.h"
#include "database.h"

#include <QTemporaryDir>

#include <memory>

namespace qd::test {

struct TempProfile {
    QTemporaryDir dir;
    QString dbPath() const { return app::databasePath(dir.path()); }
    std::unique_ptr<app::Database> open() const { return std::make_unique<app::Database>(dbPath()); }
};

}  // namespace qd::test
