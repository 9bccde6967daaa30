#pragma once
// A thin RAII layer over the SQLite C API: one connection, prepared statements, transactions.
//
// Why the C API rather than Qt Sql: we need the exact result codes (SQLITE_FULL, SQLITE_NOTADB,
// SQLITE_CORRUPT) to tell a full disk from a corrupt file, FTS5 auxiliary functions, and a
// connection owned by one object instead of Qt Sql's process-wide registry of named connections.
#include "storage_error.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <cstdint>

struct sqlite3;
struct sqlite3_stmt;

namespace qd::app {

class SqlStatement;

class SqlConnection {
public:
    // Opens (creating when missing) the file. Throws StorageError.
    explicit SqlConnection(const QString &path);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    // Runs one or more statements without results.
    void execute(const char *sql);
    SqlStatement prepare(const char *sql);
    SqlStatement prepare(const QByteArray &sql);
    qint64 lastInsertId() const;
    int changes() const;
    const QString &path() const { return path_; }

    // Throws a StorageError describing `rc` (with what was being done) when rc is an error.
    void check(int rc, const char *doing) const;
    [[noreturn]] void fail(int rc, const char *doing) const;

    sqlite3 *handle() const { return db_; }

private:
    sqlite3 *db_ = nullptr;
    QString path_;
};

// A prepared statement. bind() indexes start at 1, column() indexes at 0.
class SqlStatement {
public:
    SqlStatement(const SqlConnection &connection, sqlite3_stmt *statement);
    ~SqlStatement();
    SqlStatement(SqlStatement &&other) noexcept;
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;
    SqlStatement &operator=(SqlStatement &&) = delete;

    SqlStatement &bind(int index, qint64 value);
    SqlStatement &bind(int index, int value) { return bind(index, qint64(value)); }
    SqlStatement &bind(int index, double value);
    SqlStatement &bind(int index, const QString &value);  // a null QString binds ''
    SqlStatement &bindNull(int index);
    // 0 binds NULL: ids are never 0.
    SqlStatement &bindId(int index, qint64 id);

    // Steps once: true when a row is available.
    bool next();
    // Steps to completion (for statements without results).
    void run();

    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    bool isNull(int column) const;

private:
    const SqlConnection *connection_;
    sqlite3_stmt *statement_;
};

// Commits when commit() is called; rolls back when destroyed without it (an exception thrown).
// Nested use is not supported: each public store operation opens exactly one.
class SqlTransaction {
public:
    explicit SqlTransaction(SqlConnection &connection);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;
    void commit();

private:
    SqlConnection &connection_;
    bool done_ = false;
};

}  // namespace qd::app
