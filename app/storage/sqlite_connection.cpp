#include "sqlite_connection.h"

#include <sqlite3.h>

#include <utility>

namespace qd::app {

namespace {

StorageError::Kind kindOf(int rc) {
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return StorageError::Kind::DiskFull;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return StorageError::Kind::Corrupt;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return StorageError::Kind::Unreadable;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
        return StorageError::Kind::Invalid;
    default:
        return StorageError::Kind::Failed;
    }
}

}  // namespace

SqlConnection::SqlConnection(const QString &path) : path_(path) {
    const QByteArray file = path.toUtf8();
    const int rc = sqlite3_open_v2(file.constData(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw StorageError(kindOf(rc), "Could not open the database " + path.toStdString() + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
}

SqlConnection::~SqlConnection() {
    // Statements are all finalized by their owners before this runs, so close cannot be refused.
    sqlite3_close(db_);
}

void SqlConnection::check(int rc, const char *doing) const {
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) fail(rc, doing);
}

void SqlConnection::fail(int rc, const char *doing) const {
    const StorageError::Kind kind = kindOf(rc);
    const std::string detail = sqlite3_errmsg(db_);
    if (kind == StorageError::Kind::DiskFull)
        throw StorageError(kind, std::string("The disk is full, so QwenDesk could not ") + doing +
                                     "; nothing of this change was saved (" + path_.toStdString() + ": " + detail +
                                     ").");
    throw StorageError(kind, std::string("Could not ") + doing + " in " + path_.toStdString() + ": " + detail);
}

void SqlConnection::execute(const char *sql) {
    char *error = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    sqlite3_free(error);  // the same text is available from sqlite3_errmsg
    check(rc, "update the database");
}

SqlStatement SqlConnection::prepare(const char *sql) {
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        fail(rc, "read the database");
    }
    return SqlStatement(*this, statement);
}

SqlStatement SqlConnection::prepare(const QByteArray &sql) { return prepare(sql.constData()); }

qint64 SqlConnection::lastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int SqlConnection::changes() const { return sqlite3_changes(db_); }

SqlStatement::SqlStatement(const SqlConnection &connection, sqlite3_stmt *statement)
    : connection_(&connection), statement_(statement) {}

SqlStatement::~SqlStatement() { sqlite3_finalize(statement_); }

SqlStatement::SqlStatement(SqlStatement &&other) noexcept
    : connection_(other.connection_), statement_(std::exchange(other.statement_, nullptr)) {}

SqlStatement &SqlStatement::bind(int index, qint64 value) {
    connection_->check(sqlite3_bind_int64(statement_, index, value), "prepare a query");
    return *this;
}

SqlStatement &SqlStatement::bind(int index, double value) {
    connection_->check(sqlite3_bind_double(statement_, index, value), "prepare a query");
    return *this;
}

SqlStatement &SqlStatement::bind(int index, const QString &value) {
    const QByteArray utf8 = value.toUtf8();
    connection_->check(sqlite3_bind_text(statement_, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT),
                       "prepare a query");
    return *this;
}

SqlStatement &SqlStatement::bindNull(int index) {
    connection_->check(sqlite3_bind_null(statement_, index), "prepare a query");
    return *this;
}

SqlStatement &SqlStatement::bindId(int index, qint64 id) { return id == 0 ? bindNull(index) : bind(index, id); }

bool SqlStatement::next() {
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    connection_->fail(rc, "save the change");
}

void SqlStatement::run() {
    while (next()) {
    }
}

qint64 SqlStatement::int64(int column) const { return sqlite3_column_int64(statement_, column); }

double SqlStatement::real(int column) const { return sqlite3_column_double(statement_, column); }

QString SqlStatement::text(int column) const {
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(statement_, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(statement_, column));
}

bool SqlStatement::isNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

SqlTransaction::SqlTransaction(SqlConnection &connection) : connection_(connection) {
    // IMMEDIATE takes the write lock now, so a transaction never fails half-way on a busy lock.
    connection_.execute("BEGIN IMMEDIATE");
}

SqlTransaction::~SqlTransaction() {
    // A failed COMMIT may or may not have ended the transaction; roll back whatever is left.
    if (!done_ && !sqlite3_get_autocommit(connection_.handle()))
        sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqlTransaction::commit() {
    connection_.execute("COMMIT");
    done_ = true;
}

}  // namespace qd::app
