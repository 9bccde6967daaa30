#include "database.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace qd::app {

namespace {

// Version 1, as first shipped. Times are milliseconds since the epoch (UTC).
// messages.parent_id is checked at commit (deferred) rather than cascading, so deleting a deep
// branch never runs into SQLite's limit on nested cascades; the stores delete subtrees
// explicitly.
const char kSchemaV1[] = R"sql(
CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0,
    model TEXT NOT NULL DEFAULT '',
    system_prompt TEXT NOT NULL DEFAULT '',
    sampling TEXT NOT NULL DEFAULT '{}',
    selected_root_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    deleted_at INTEGER
);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES messages(id) DEFERRABLE INITIALLY DEFERRED,
    role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'tool')),
    text TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'complete'
        CHECK (status IN ('complete', 'streaming', 'cancelled', 'interrupted', 'error')),
    error_text TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    token_count INTEGER NOT NULL DEFAULT 0,
    generated_tokens INTEGER NOT NULL DEFAULT 0,
    tokens_per_second REAL NOT NULL DEFAULT 0,
    time_to_first_token_ms REAL NOT NULL DEFAULT 0,
    prefill_tokens INTEGER NOT NULL DEFAULT 0,
    selected_child_id INTEGER REFERENCES messages(id) ON DELETE SET NULL
);
CREATE INDEX messages_by_conversation ON messages(conversation_id);
CREATE INDEX messages_by_parent ON messages(parent_id);
CREATE INDEX messages_by_selected_child ON messages(selected_child_id);
CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';
CREATE INDEX conversations_by_selected_root ON conversations(selected_root_id);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
PRAGMA user_version = 1;
)sql";

// Version 2: full-text search. Trigram tokens match any substring of three or more characters,
// which is what makes Chinese and Japanese (written without spaces) searchable.
const char kMigrationV2[] = R"sql(
CREATE VIRTUAL TABLE message_search USING fts5(
    text, content = 'messages', content_rowid = 'id', tokenize = 'trigram');
CREATE VIRTUAL TABLE title_search USING fts5(
    title, content = 'conversations', content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_search(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
    INSERT INTO message_search(message_search, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER messages_search_update AFTER UPDATE OF text ON messages BEGIN
    INSERT INTO message_search(message_search, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO message_search(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER conversations_search_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO title_search(rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER conversations_search_delete AFTER DELETE ON conversations BEGIN
    INSERT INTO title_search(title_search, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER conversations_search_update AFTER UPDATE OF title ON conversations BEGIN
    INSERT INTO title_search(title_search, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO title_search(rowid, title) VALUES (new.id, new.title);
END;
INSERT INTO message_search(message_search) VALUES ('rebuild');
INSERT INTO title_search(title_search) VALUES ('rebuild');
PRAGMA user_version = 2;
)sql";

// Migration i takes a database from version i + 1 to version i + 2.
const char *const kMigrations[] = {kMigrationV2};
static_assert(std::size(kMigrations) + 1 == Database::kSchemaVersion);

bool fileExists(const QString &path) { return QFileInfo::exists(path); }

}  // namespace

const char *Database::schemaVersion1() { return kSchemaV1; }

Database::Database(const QString &path) : path_(path) {
    const bool existed = fileExists(path_);
    try {
        openChecked();
    } catch (const StorageError &e) {
        // A file we cannot read is set aside; a new file that fails is a real problem (folder).
        if (!existed || (e.kind() != StorageError::Kind::Corrupt && e.kind() != StorageError::Kind::Unreadable))
            throw;
        connection_.reset();
        moveAside(QString::fromStdString(e.what()));
        openChecked();
    }
    migrate();
    markInterruptedReplies();
}

Database::~Database() = default;

void Database::openChecked() {
    connection_ = std::make_unique<SqlConnection>(path_);
    // Read the file first: garbage fails here with "file is not a database", damage shows up as
    // quick_check rows other than "ok".
    {
        SqlStatement check = connection_->prepare("PRAGMA quick_check");
        QStringList problems;
        while (check.next())
            if (check.text(0) != QLatin1String("ok")) problems << check.text(0);
        if (!problems.isEmpty())
            throw StorageError(StorageError::Kind::Corrupt,
                               "The database " + path_.toStdString() + " is damaged: " +
                                   problems.mid(0, 3).join(QStringLiteral("; ")).toStdString());
    }
    connection_->execute("PRAGMA busy_timeout = 5000");
    {
        SqlStatement wal = connection_->prepare("PRAGMA journal_mode = WAL");
        wal.run();
    }
    // NORMAL with WAL: a crash of the application loses nothing committed; only a power cut may
    // lose the last commits, never the file's consistency.
    connection_->execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
}

void Database::moveAside(const QString &reason) {
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path_ + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; fileExists(target); ++n) target = path_ + QStringLiteral(".corrupt-%1-%2").arg(stamp).arg(n);
    if (!QFile::rename(path_, target))
        throw StorageError(StorageError::Kind::Failed,
                           "The database " + path_.toStdString() + " cannot be used (" + reason.toStdString() +
                               ") and could not be moved aside to " + target.toStdString());
    // The journal files belong to the damaged file; keep them next to it.
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path_ + QLatin1String(suffix);
        if (fileExists(side)) QFile::rename(side, target + QLatin1String(suffix));
    }
    report_.movedAsidePath = target;
    report_.notice = QStringLiteral("The chat history could not be read (%1). It was kept as %2 and a new, empty "
                                    "history was started.")
                         .arg(reason, target);
}

void Database::migrate() {
    int version = 0;
    {
        SqlStatement query = connection_->prepare("PRAGMA user_version");
        if (query.next()) version = int(query.int64(0));
    }
    if (version > kSchemaVersion)
        throw StorageError(StorageError::Kind::TooNew,
                           "The database " + path_.toStdString() + " was written by a newer QwenDesk (schema " +
                               std::to_string(version) + ", this version reads up to " +
                               std::to_string(kSchemaVersion) + "); please update QwenDesk.");
    report_.migratedFromVersion = version;
    if (version == kSchemaVersion) return;
    SqlTransaction transaction(*connection_);
    if (version == 0) {
        connection_->execute(kSchemaV1);
        version = 1;
    }
    for (; version < kSchemaVersion; ++version) connection_->execute(kMigrations[version - 1]);
    transaction.commit();
}

void Database::markInterruptedReplies() {
    SqlStatement update = connection_->prepare(
        "UPDATE messages SET status = 'interrupted' WHERE status = 'streaming'");
    update.run();
    report_.interruptedReplies = connection_->changes();
}

}  // namespace qd::app
