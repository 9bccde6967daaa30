// Database: the v1 -> current migration, corrupt files set aside, a full disk, streaming saves.
#include "storage_test_support.h"

#include "conversation_store.h"
#include "chat_import.h"
#include "message_tree.h"
#include "reply_writer.h"
#include "search_index.h"

#include <QFile>
#include <QThread>
#include <QtTest>

using namespace qd::app;
using qd::test::TempProfile;

namespace {

qint64 scalar(Database &db, const char *sql) {
    SqlStatement query = db.connection().prepare(sql);
    return query.next() ? query.int64(0) : -1;
}

// Stops the database from growing past its current size, as a full disk would.
void fillDisk(Database &db) {
    const qint64 pages = scalar(db, "PRAGMA page_count");
    db.connection().execute(("PRAGMA max_page_count = " + QByteArray::number(pages)).constData());
}

}  // namespace

class TestStorageDatabase : public QObject {
    Q_OBJECT
private slots:
    void createsCurrentSchemaWithWalAndForeignKeys();
    void migratesVersion1Data();
    void refusesNewerSchema();
    void setsGarbageFileAside();
    void setsTruncatedFileAside();
    void dataDirectoryOverride();
    void fullDiskRollsBackAndKeepsState();
    void fullDiskDuringStreamingKeepsPendingText();
    void streamingSavesAtMostEveryInterval();
    void streamingWritesWithoutEventLoop();
    void interruptedReplyIsMarkedOnReopen();
};

void TestStorageDatabase::createsCurrentSchemaWithWalAndForeignKeys() {
    TempProfile profile;
    auto db = profile.open();
    QVERIFY(db->openReport().notice.isEmpty());
    QCOMPARE(db->openReport().migratedFromVersion, 0);
    QCOMPARE(scalar(*db, "PRAGMA user_version"), qint64(Database::kSchemaVersion));
    QCOMPARE(scalar(*db, "PRAGMA foreign_keys"), qint64(1));
    SqlStatement mode = db->connection().prepare("PRAGMA journal_mode");
    QVERIFY(mode.next());
    QCOMPARE(mode.text(0), QStringLiteral("wal"));
}

void TestStorageDatabase::migratesVersion1Data() {
    TempProfile profile;
    {
        // A database as version 1 wrote it, with a conversation in it.
        SqlConnection v1(profile.dbPath());
        v1.execute(Database::schemaVersion1());
        v1.execute("INSERT INTO conversations (id, title, created_at, updated_at, sampling)"
                   " VALUES (7, 'Старый чат', 1000, 2000, '{\"temperature\":0.3}');"
                   "INSERT INTO messages (id, conversation_id, parent_id, role, text, created_at, updated_at)"
                   " VALUES (1, 7, NULL, 'user', '東京の天気はどうですか', 1000, 1000);"
                   "INSERT INTO messages (id, conversation_id, parent_id, role, text, status, created_at, updated_at,"
                   " generated_tokens, tokens_per_second) VALUES (2, 7, 1, 'assistant', 'Sunny in Tokyo', 'streaming',"
                   " 1500, 2000, 4, 12.5);"
                   "INSERT INTO settings (key, value) VALUES ('temperature', '[0.25]');");
    }
    auto db = profile.open();
    QCOMPARE(db->openReport().migratedFromVersion, 1);
    QCOMPARE(scalar(*db, "PRAGMA user_version"), qint64(Database::kSchemaVersion));
    QCOMPARE(db->openReport().interruptedReplies, 1);

    const Conversation c = ConversationStore(*db).require(7);
    QCOMPARE(c.title, QStringLiteral("Старый чат"));
    QCOMPARE(c.sampling.temperature, std::optional<double>(0.3));
    QCOMPARE(c.createdAt.toMSecsSinceEpoch(), qint64(1000));
    const QList<Message> path = MessageTree(*db).activePath(7);
    QCOMPARE(path.size(), 2);
    QCOMPARE(path[1].text, QStringLiteral("Sunny in Tokyo"));
    QCOMPARE(path[1].status, MessageStatus::Interrupted);
    QCOMPARE(path[1].stats.tokensPerSecond, 12.5);

    // The search index added by version 2 covers the rows written before it.
    const QList<SearchHit> hits = SearchIndex(*db).search(QStringLiteral("天気は"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits[0].messageId, qint64(1));
    QCOMPARE(SearchIndex(*db).search(QStringLiteral("Старый")).value(0).messageId, qint64(0));
}

void TestStorageDatabase::refusesNewerSchema() {
    TempProfile profile;
    {
        SqlConnection future(profile.dbPath());
        future.execute("PRAGMA user_version = 99");
    }
    try {
        Database db(profile.dbPath());
        QFAIL("a newer schema was opened");
    } catch (const StorageError &e) {
        QCOMPARE(e.kind(), StorageError::Kind::TooNew);
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("newer QwenDesk")), e.what());
    }
    QVERIFY(QFile::exists(profile.dbPath()));  // left alone, not set aside
}

void TestStorageDatabase::setsGarbageFileAside() {
    TempProfile profile;
    const QByteArray garbage = QByteArray("this is not a database at all\n").repeated(200);
    {
        QFile file(profile.dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    auto db = profile.open();
    const OpenReport &report = db->openReport();
    QVERIFY(!report.notice.isEmpty());
    QVERIFY2(report.notice.contains(report.movedAsidePath), qPrintable(report.notice));
    QVERIFY2(report.notice.contains(QLatin1String("not a database")), qPrintable(report.notice));
    QVERIFY(report.movedAsidePath.startsWith(profile.dbPath() + QLatin1String(".corrupt-")));
    QFile kept(report.movedAsidePath);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), garbage);

    // The new database works.
    const Conversation c = ConversationStore(*db).create();
    MessageTree(*db).addMessage(c.id, 0, Role::User, QStringLiteral("hello again"));
    QCOMPARE(ConversationStore(*db).list().size(), 1);
}

void TestStorageDatabase::setsTruncatedFileAside() {
    TempProfile profile;
    {
        auto db = profile.open();
        const Conversation c = ConversationStore(*db).create();
        for (int i = 0; i < 200; ++i)
            MessageTree(*db).addMessage(c.id, 0, Role::User, QStringLiteral("message %1 ").arg(i).repeated(50));
    }
    QFile file(profile.dbPath());
    QVERIFY(file.size() > 16384);
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(file.size() / 2);
    file.write(QByteArray(8192, '\xA5'));  // overwrite pages in the middle
    file.close();
    auto db = profile.open();
    QVERIFY2(!db->openReport().notice.isEmpty(), "damage went unnoticed");
    QVERIFY(QFile::exists(db->openReport().movedAsidePath));
    QVERIFY(ConversationStore(*db).list().isEmpty());
}

void TestStorageDatabase::dataDirectoryOverride() {
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("nested/profile"));
    QCOMPARE(dataDirectory(profile), profile);
    QVERIFY(QFileInfo(profile).isDir());
    QVERIFY(!dataDirectory(QString()).isEmpty());
    QCOMPARE(databasePath(profile), profile + QLatin1String("/qwendesk.sqlite3"));
}

void TestStorageDatabase::fullDiskRollsBackAndKeepsState() {
    TempProfile profile;
    auto db = profile.open();
    ConversationStore conversations(*db);
    MessageTree tree(*db);
    const Conversation c = conversations.create();
    const Message first = tree.addMessage(c.id, 0, Role::User, QStringLiteral("before the disk filled"));
    const QDateTime updated = conversations.require(c.id).updatedAt;
    fillDisk(*db);

    const QString big = QStringLiteral("x").repeated(300000);
    try {
        tree.addMessage(c.id, first.id, Role::Assistant, big);
        QFAIL("a message larger than the free space was stored");
    } catch (const StorageError &e) {
        QCOMPARE(e.kind(), StorageError::Kind::DiskFull);
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("disk is full")), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("nothing of this change was saved")), e.what());
    }
    // Nothing partial: no message, the selection and the time of the conversation unchanged.
    QCOMPARE(tree.allMessages(c.id).size(), 1);
    QCOMPARE(tree.activePath(c.id).size(), 1);
    QCOMPARE(conversations.require(c.id).updatedAt, updated);
    QCOMPARE(tree.require(first.id).selectedChildId, qint64(0));

    // A whole import fails as one.
    const QByteArray file = QStringLiteral(
        R"({"format":"qwendesk-conversations","version":1,"conversations":[
        {"title":"a","createdAt":"2024-01-01T00:00:00.000Z","updatedAt":"2024-01-01T00:00:00.000Z","messages":[]},
        {"title":"b","createdAt":"2024-01-01T00:00:00.000Z","updatedAt":"2024-01-01T00:00:00.000Z","messages":[
         {"key":1,"role":"user","text":"%1","createdAt":"2024-01-01T00:00:00.000Z","updatedAt":"2024-01-01T00:00:00.000Z"}]}]})")
                                .arg(big)
                                .toUtf8();
    QVERIFY_THROWS_EXCEPTION(StorageError, ChatImporter(*db).fromJson(file));
    QCOMPARE(conversations.list().size(), 1);

    // Once there is room again, the same change succeeds.
    db->connection().execute("PRAGMA max_page_count = 1073741823");
    tree.addMessage(c.id, first.id, Role::Assistant, big);
    QCOMPARE(tree.activePath(c.id).size(), 2);
}

void TestStorageDatabase::fullDiskDuringStreamingKeepsPendingText() {
    TempProfile profile;
    auto db = profile.open();
    const Conversation c = ConversationStore(*db).create();
    const Message question = MessageTree(*db).addMessage(c.id, 0, Role::User, QStringLiteral("write a lot"));
    ReplyWriter writer(*db, 0);
    const qint64 reply = writer.beginAssistantReply(c.id, question.id);
    writer.appendToReply(reply, QStringLiteral("saved part. "));
    fillDisk(*db);
    const QString big = QStringLiteral("y").repeated(300000);
    QVERIFY_THROWS_EXCEPTION(StorageError, writer.appendToReply(reply, big));
    QCOMPARE(writer.pendingCharacters(reply), int(big.size()));
    QCOMPARE(MessageTree(*db).require(reply).text, QStringLiteral("saved part. "));

    db->connection().execute("PRAGMA max_page_count = 1073741823");
    writer.finishReply(reply, MessageStatus::Complete, {10, 5.0, 120.0, 3});
    const Message saved = MessageTree(*db).require(reply);
    QCOMPARE(saved.text, QStringLiteral("saved part. ") + big);
    QCOMPARE(saved.status, MessageStatus::Complete);
    QCOMPARE(saved.stats, (GenerationStats{10, 5.0, 120.0, 3}));
}

void TestStorageDatabase::streamingSavesAtMostEveryInterval() {
    TempProfile profile;
    auto db = profile.open();
    const Conversation c = ConversationStore(*db).create();
    const Message question = MessageTree(*db).addMessage(c.id, 0, Role::User, QStringLiteral("count"));
    ReplyWriter writer(*db, 100);
    const qint64 reply = writer.beginAssistantReply(c.id, question.id);
    QCOMPARE(MessageTree(*db).require(reply).status, MessageStatus::Streaming);
    writer.appendToReply(reply, QStringLiteral("one "));
    writer.appendToReply(reply, QStringLiteral("two "));
    QCOMPARE(MessageTree(*db).require(reply).text, QString());  // buffered, not yet due
    QTRY_COMPARE_WITH_TIMEOUT(MessageTree(*db).require(reply).text, QStringLiteral("one two "), 2000);
    QCOMPARE(writer.pendingCharacters(reply), 0);
    writer.finishReply(reply, MessageStatus::Cancelled, {2, 1.0, 50.0, 8});
    const Message saved = MessageTree(*db).require(reply);
    QCOMPARE(saved.status, MessageStatus::Cancelled);
    QCOMPARE(saved.tokenCount, 2);
    QVERIFY_THROWS_EXCEPTION(StorageError, writer.appendToReply(reply, QStringLiteral("late")));
}

void TestStorageDatabase::streamingWritesWithoutEventLoop() {
    TempProfile profile;
    auto db = profile.open();
    const Conversation c = ConversationStore(*db).create();
    ReplyWriter writer(*db, 50);
    const qint64 reply = writer.beginAssistantReply(c.id, 0);
    writer.appendToReply(reply, QStringLiteral("a"));
    QThread::msleep(80);
    writer.appendToReply(reply, QStringLiteral("b"));  // due: written with this piece
    QCOMPARE(MessageTree(*db).require(reply).text, QStringLiteral("ab"));
}

void TestStorageDatabase::interruptedReplyIsMarkedOnReopen() {
    TempProfile profile;
    auto db = profile.open();
    const Conversation c = ConversationStore(*db).create();
    const Message question = MessageTree(*db).addMessage(c.id, 0, Role::User, QStringLiteral("tell me"));
    ReplyWriter writer(*db, 100);
    const qint64 reply = writer.beginAssistantReply(c.id, question.id);
    writer.appendToReply(reply, QStringLiteral("flushed "));
    QTRY_COMPARE_WITH_TIMEOUT(writer.pendingCharacters(reply), 0, 2000);
    writer.appendToReply(reply, QStringLiteral("lost"));  // still in memory when the "crash" comes

    // The next start opens the file while the crashed writer never finished.
    Database next(profile.dbPath());
    QCOMPARE(next.openReport().interruptedReplies, 1);
    const Message saved = MessageTree(next).require(reply);
    QCOMPARE(saved.status, MessageStatus::Interrupted);
    QCOMPARE(saved.text, QStringLiteral("flushed "));
    QCOMPARE(MessageTree(next).activePath(c.id).size(), 2);
}

QTEST_GUILESS_MAIN(TestStorageDatabase)
#include "test_storage_database.moc"
