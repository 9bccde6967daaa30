#pragma once
// The database file: opening it, recovering from a corrupt one, the schema and its migrations.
// One Database per process and thread; pass it by reference to the stores that use it.
#include "sqlite_connection.h"

#include <QString>

#include <memory>

namespace qd::app {

// What happened while opening, for the caller to tell the user.
struct OpenReport {
    // Empty when all went well. Otherwise one sentence to show, such as "The chat history was
    // damaged; it was moved to ... and a new one was started."
    QString notice;
    QString movedAsidePath;      // where a corrupt or unreadable file was moved
    int interruptedReplies = 0;  // replies left "streaming" by a crash, now marked interrupted
    int migratedFromVersion = 0; // 0 for a new file
};

class Database {
public:
    static constexpr int kSchemaVersion = 2;

    // Opens or creates the file at `path` with WAL journaling and foreign keys on, migrating
    // older schemas forward. A corrupt or unreadable file is renamed to
    // "<path>.corrupt-YYYYMMDD-HHMMSS" (never deleted) and a new one created. Throws StorageError
    // when no usable database can be had (folder not writable, file from a newer version).
    explicit Database(const QString &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const OpenReport &openReport() const { return report_; }
    SqlConnection &connection() { return *connection_; }
    const QString &path() const { return path_; }

    // The schema of version 1, as first shipped (kept for tests of the migrations).
    static const char *schemaVersion1();

private:
    void openChecked();
    void moveAside(const QString &reason);
    void migrate();
    void markInterruptedReplies();

    QString path_;
    std::unique_ptr<SqlConnection> connection_;
    OpenReport report_;
};

}  // namespace qd::app
