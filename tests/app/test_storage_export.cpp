// Export and import: JSON round trip of every branch (equal after re-export), Markdown of the
// shown branch, rejection of malformed files.
#include "storage_test_support.h"

#include "chat_export.h"
#include "chat_import.h"
#include "conversation_store.h"
#include "message_tree.h"
#include "reply_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace qd::app;
using qd::test::TempProfile;

class TestStorageExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonRoundTripIsLossless();
    void jsonHoldsEveryBranchAndStatus();
    void markdownShowsActiveBranch();
    void rejectsMalformedFiles_data();
    void rejectsMalformedFiles();

private:
    TempProfile profile_;
    std::unique_ptr<Database> db_;
    qint64 chat_ = 0;
};

void TestStorageExport::initTestCase() {
    db_ = profile_.open();
    ConversationStore conversations(*db_);
    MessageTree tree(*db_);
    const Conversation c = conversations.create(QStringLiteral("qwen2.5-1.5b-q4_0.gguf"), QStringLiteral("Answer in one line."));
    chat_ = c.id;
    SamplingOverrides s;
    s.temperature = 0.3;
    s.maxNewTokens = 64;
    conversations.setSampling(c.id, s);
    const Message u1 = tree.addMessage(c.id, 0, Role::User, QStringLiteral("你好，世界！ What's 2+2?"));
    ReplyWriter writer(*db_);
    const qint64 a1 = writer.beginAssistantReply(c.id, u1.id);
    writer.appendToReply(a1, QStringLiteral("Four."));
    writer.finishReply(a1, MessageStatus::Complete, {3, 21.5, 180.25, 17});
    const Message a2 = tree.regenerate(a1);
    writer.resumeReply(a2.id);
    writer.appendToReply(a2.id, QStringLiteral("It is"));
    writer.finishReply(a2.id, MessageStatus::Cancelled, {2, 20.0, 150.0, 17});
    const Message a3 = tree.regenerate(a2.id);
    writer.resumeReply(a3.id);
    writer.finishReply(a3.id, MessageStatus::Error, {}, QStringLiteral("out of memory"));
    tree.selectSibling(a1);
    const Message u2 = tree.addMessage(c.id, a1, Role::User, QString::fromUtf8("Thanks 🎉"));
    tree.editUserMessage(u2.id, QStringLiteral("Спасибо"));
    conversations.setPinned(c.id, true);

    const Conversation other = conversations.create();
    tree.addMessage(other.id, 0, Role::User, QStringLiteral("مرحبا بالعالم"));
}

void TestStorageExport::jsonRoundTripIsLossless() {
    const QByteArray exported = ChatExporter(*db_).toJson({});
    TempProfile fresh;
    auto db = fresh.open();
    const QList<qint64> ids = ChatImporter(*db).fromJson(exported);
    QCOMPARE(ids.size(), 2);
    QCOMPARE(ChatExporter(*db).toJson({}), exported);
    QCOMPARE(ChatExporter(*db).toJson({ids.first()}), ChatExporter(*db_).toJson({chat_}));
    QCOMPARE(MessageTree(*db).activePath(ids.first()).size(), MessageTree(*db_).activePath(chat_).size());

    // Importing again adds copies rather than replacing.
    ChatImporter(*db).fromJson(exported);
    QCOMPARE(ConversationStore(*db).list().size(), 4);
}

void TestStorageExport::jsonHoldsEveryBranchAndStatus() {
    const QJsonObject root = QJsonDocument::fromJson(ChatExporter(*db_).toJson({chat_})).object();
    QCOMPARE(root.value(QLatin1String("format")).toString(), QStringLiteral("qwendesk-conversations"));
    const QJsonArray conversations = root.value(QLatin1String("conversations")).toArray();
    QCOMPARE(conversations.size(), 1);
    const QJsonObject c = conversations[0].toObject();
    QCOMPARE(c.value(QLatin1String("pinned")).toBool(), true);
    QCOMPARE(c.value(QLatin1String("sampling")).toObject().value(QLatin1String("max_new_tokens")).toInt(), 64);
    const QJsonArray messages = c.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 6);
    QStringList statuses;
    for (const QJsonValue &m : messages) statuses << m.toObject().value(QLatin1String("status")).toString();
    QCOMPARE(statuses, (QStringList{"complete", "complete", "cancelled", "error", "complete", "complete"}));
    const QJsonObject first = messages[1].toObject();
    QCOMPARE(first.value(QLatin1String("parent")).toInt(), 1);
    QCOMPARE(first.value(QLatin1String("stats")).toObject().value(QLatin1String("timeToFirstTokenMs")).toDouble(), 180.25);
    QCOMPARE(messages[3].toObject().value(QLatin1String("error")).toString(), QStringLiteral("out of memory"));
}

void TestStorageExport::markdownShowsActiveBranch() {
    const QString md = QString::fromUtf8(ChatExporter(*db_).toMarkdown({chat_}));
    QVERIFY2(md.startsWith(QStringLiteral("# 你好，世界！ What's 2+2?\n")), qPrintable(md));
    QVERIFY(md.contains(QLatin1String("- Model: qwen2.5-1.5b-q4_0.gguf")));
    QVERIFY2(md.contains(QStringLiteral("## User\n\n你好，世界！ What's 2+2?\n")), qPrintable(md));
    QVERIFY(md.contains(QLatin1String("## Assistant\n\nFour.\n")));
    QVERIFY(md.contains(QLatin1String("*3 tokens, 21.5 tokens/s, first token after 180 ms*")));
    QVERIFY(md.contains(QStringLiteral("Спасибо")));
    QVERIFY(!md.contains(QLatin1String("It is")));  // another branch
    QVERIFY(!md.contains(QString::fromUtf8("🎉")));
    QVERIFY(md.indexOf(QLatin1String("Four.")) < md.indexOf(QStringLiteral("Спасибо")));
    const QString all = QString::fromUtf8(ChatExporter(*db_).toMarkdown({}));
    QVERIFY(all.contains(QLatin1String("\n---\n")));
    QVERIFY(all.contains(QStringLiteral("مرحبا بالعالم")));
    QVERIFY_THROWS_EXCEPTION(StorageError, ChatExporter(*db_).toMarkdown({4242}));
}

void TestStorageExport::rejectsMalformedFiles_data() {
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("message");
    const QByteArray head = R"({"format":"qwendesk-conversations","version":1,"conversations":[)";
    const QByteArray times = R"("createdAt":"2024-01-01T00:00:00.000Z","updatedAt":"2024-01-01T00:00:00.000Z")";
    QTest::newRow("not JSON") << QByteArray("{oops") << "Not a JSON file";
    QTest::newRow("other format") << QByteArray(R"({"format":"x"})") << "Not a QwenDesk";
    QTest::newRow("newer version") << QByteArray(R"({"format":"qwendesk-conversations","version":2})") << "newer";
    QTest::newRow("bad role") << head + "{" + times + R"(,"messages":[{"key":1,"role":"robot",)" + times + "}]}]}"
                              << "conversation 1, message 1: \"role\"";
    QTest::newRow("unknown parent") << head + "{" + times + R"(,"messages":[{"key":1,"parent":5,"role":"user",)" + times + "}]}]}"
                                    << "\"parent\" 5 is not an earlier message";
    QTest::newRow("bad sampling") << head + "{" + times + R"(,"sampling":{"temperature":9},"messages":[]}]})"
                                  << "temperature must be a number from 0 to 2";
    QTest::newRow("bad time") << head + R"({"createdAt":"yesterday","messages":[]}]})" << "\"createdAt\"";
}

void TestStorageExport::rejectsMalformedFiles() {
    QFETCH(QByteArray, file);
    QFETCH(QString, message);
    const int before = int(ConversationStore(*db_).list().size());
    try {
        ChatImporter(*db_).fromJson(file);
        QFAIL("a malformed file was imported");
    } catch (const StorageError &e) {
        QCOMPARE(e.kind(), StorageError::Kind::Invalid);
        QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
    }
    QCOMPARE(int(ConversationStore(*db_).list().size()), before);
}

QTEST_GUILESS_MAIN(TestStorageExport)
#include "test_storage_export.moc"
