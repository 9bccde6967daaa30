// Conversations and the message tree: branching by edit and regenerate, sibling paging, the
// active path, deletion, titles, pinning and the trash.
#include "storage_test_support.h"

#include "conversation_store.h"
#include "message_tree.h"
#include "titles.h"

#include <QtTest>

using namespace qd::app;
using qd::test::TempProfile;

namespace {

QStringList texts(const QList<Message> &path) {
    QStringList result;
    for (const Message &m : path) result << m.text;
    return result;
}

}  // namespace

class TestStorageMessages : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void activePathFollowsNewestMessages();
    void regenerateAddsSiblingsToPageThrough();
    void editStartsNewBranchAndKeepsOldOne();
    void editingFirstMessageAddsRoot();
    void removeDeletesSubtree();
    void rejectsWrongRolesAndIds();
    void titleFromFirstUserMessage_data();
    void titleFromFirstUserMessage();
    void conversationIsNamedByFirstUserMessage();
    void renamePinAndOrder();
    void trashRestoreAndPurge();
    void samplingOverridesAreValidated();

private:
    TempProfile *profile_ = nullptr;
    std::unique_ptr<Database> db_;
};

void TestStorageMessages::init() {
    profile_ = new TempProfile;
    db_ = profile_->open();
}

void TestStorageMessages::cleanup() {
    db_.reset();
    delete profile_;
}

void TestStorageMessages::activePathFollowsNewestMessages() {
    MessageTree tree(*db_);
    const Conversation c = ConversationStore(*db_).create(QStringLiteral("qwen2.5-1.5b"), QStringLiteral("Be brief."));
    const Message u1 = tree.addMessage(c.id, 0, Role::User, QStringLiteral("Hi"));
    const Message a1 = tree.addMessage(c.id, u1.id, Role::Assistant, QStringLiteral("Hello!"));
    tree.addMessage(c.id, a1.id, Role::User, QStringLiteral("How are you?"));
    QCOMPARE(texts(tree.activePath(c.id)), (QStringList{"Hi", "Hello!", "How are you?"}));
    QCOMPARE(u1.parentId, qint64(0));
    QCOMPARE(a1.parentId, u1.id);
    QCOMPARE(ConversationStore(*db_).require(c.id).messageCount, 3);
    QCOMPARE(ConversationStore(*db_).require(c.id).systemPrompt, QStringLiteral("Be brief."));
}

void TestStorageMessages::regenerateAddsSiblingsToPageThrough() {
    MessageTree tree(*db_);
    const Conversation c = ConversationStore(*db_).create();
    const Message u1 = tree.addMessage(c.id, 0, Role::User, QStringLiteral("Name a colour"));
    const Message a1 = tree.addMessage(c.id, u1.id, Role::Assistant, QStringLiteral("Red"));
    const Message a2 = tree.regenerate(a1.id);
    QCOMPARE(a2.status, MessageStatus::Streaming);
    QCOMPARE(a2.parentId, u1.id);
    const Message a3 = tree.regenerate(a2.id);

    Siblings s = tree.siblings(a3.id);
    QCOMPARE(s.ids, (QList<qint64>{a1.id, a2.id, a3.id}));
    QCOMPARE(s.index, 2);
    QCOMPARE(s.count(), 3);
    QCOMPARE(tree.activePath(c.id).last().id, a3.id);

    QCOMPARE(tree.stepSibling(a3.id, -1), a2.id);  // "< 2/3 >"
    QCOMPARE(tree.siblings(a2.id).index, 1);
    QCOMPARE(tree.activePath(c.id).last().id, a2.id);
    QCOMPARE(tree.stepSibling(a2.id, -5), a1.id);  // stays at the first
    QCOMPARE(tree.stepSibling(a1.id, 9), a3.id);   // and at the last
    tree.selectSibling(a1.id);
    QCOMPARE(texts(tree.activePath(c.id)), (QStringList{"Name a colour", "Red"}));
    QCOMPARE(tree.siblings(u1.id).count(), 1);
}

void TestStorageMessages::editStartsNewBranchAndKeepsOldOne() {
    MessageTree tree(*db_);
    const Conversation c = ConversationStore(*db_).create();
    const Message u1 = tree.addMessage(c.id, 0, Role::User, QStringLiteral("Hi"));
    const Message a1 = tree.addMessage(c.id, u1.id, Role::Assistant, QStringLiteral("Hello"));
    const Message u2 = tree.addMessage(c.id, a1.id, Role::User, QStringLiteral("2+2?"));
    const Message a2 = tree.addMessage(c.id, u2.id, Role::Assistant, QStringLiteral("4"));
    tree.addMessage(c.id, a2.id, Role::User, QStringLiteral("thanks"));

    const Message edited = tree.editUserMessage(u2.id, QStringLiteral("3+3?"));
    QCOMPARE(edited.parentId, a1.id);
    QCOMPARE(texts(tree.activePath(c.id)), (QStringList{"Hi", "Hello", "3+3?"}));
    const Message a2b = tree.addMessage(c.id, edited.id, Role::Assistant, QStringLiteral("6"));
    QCOMPARE(tree.siblings(edited.id).count(), 2);
    QCOMPARE(tree.siblings(edited.id).index, 1);

    // Back to the old branch: everything that followed it is still there.
    tree.selectSibling(u2.id);
    QCOMPARE(texts(tree.activePath(c.id)), (QStringList{"Hi", "Hello", "2+2?", "4", "thanks"}));
    tree.selectSibling(edited.id);
    QCOMPARE(tree.activePath(c.id).last().id, a2b.id);
    QCOMPARE(tree.allMessages(c.id).size(), 7);
    QCOMPARE(tree.require(u2.id).text, QStringLiteral("2+2?"));
}

void TestStorageMessages::editingFirstMessageAddsRoot() {
    MessageTree tree(*db_);
    const Conversation c = ConversationStore(*db_).create();
    const Message u1 = tree.addMessage(c.id, 0, Role::User, QStringLiteral("first"));
    tree.addMessage(c.id, u1.id, Role::Assistant, QStringLiteral("reply"));
    const Message root2 = tree.editUserMessage(u1.id, QStringLiteral("first, edited"));
    QCOMPARE(root2.parentId, qint64(0));
    QCOMPARE(texts(tree.activePath(c.id)), (QStringList{"first, edited"}));
    QCOMPARE(tree.siblings(root2.id).ids, (QList<qint64>{u1.id, root2.id}));
    tree.selectSibling(u1.id);
    QCOMPARE(texts(tree.activePath(c.id)), (QStringList{"first", "reply"}));
    // The title stays the one the conversation started with.
    QCOMPARE(ConversationStore(*db_).require(c.id).title, QStringLiteral("first"));
}

void TestStorageMessages::removeDeletesSubtree() {
    MessageTree tree(*db_);
    const Conversation c = ConversationStore(*db_).create();
    const Message u1 = tree.addMessage(c.id, 0, Role::User, QStringLiteral("q"));
    const Message a1 = tree.addMessage(c.id, u1.id, Role::Assistant, QStringLiteral("a1"));
    const Message a2 = tree.addMessage(c.id, u1.id, Role::Assistant, QStringLiteral("a2"));
    Message parent = a2;
    for (int i = 0; i < 30; ++i)  // a deep branch below the selected reply
        parent = tree.addMessage(c.id, parent.id, i % 2 ? Role::Assistant : Role::User, QString::number(i));
    QCOMPARE(tree.activePath(c.id).size(), 32);
    tree.remove(a2.id);
    QCOMPARE(texts(tree.activePath(c.id)), (QStringList{"q", "a1"}));
    QCOMPARE(tree.allMessages(c.id).size(), 2);
    QVERIFY(!tree.message(parent.id));
    QCOMPARE(tree.siblings(a1.id).count(), 1);
    tree.remove(u1.id);
    QVERIFY(tree.activePath(c.id).isEmpty());
}

void TestStorageMessages::rejectsWrongRolesAndIds() {
    MessageTree tree(*db_);
    const Conversation c = ConversationStore(*db_).create();
    const Conversation other = ConversationStore(*db_).create();
    const Message u1 = tree.addMessage(c.id, 0, Role::User, QStringLiteral("q"));
    const Message a1 = tree.addMessage(c.id, u1.id, Role::Assistant, QStringLiteral("a"));
    QVERIFY_THROWS_EXCEPTION(StorageError, tree.editUserMessage(a1.id, QStringLiteral("x")));
    QVERIFY_THROWS_EXCEPTION(StorageError, tree.regenerate(u1.id));
    QVERIFY_THROWS_EXCEPTION(StorageError, tree.addMessage(other.id, u1.id, Role::User, QStringLiteral("x")));
    QVERIFY_THROWS_EXCEPTION(StorageError, tree.addMessage(999, 0, Role::User, QStringLiteral("x")));
    QVERIFY_THROWS_EXCEPTION(StorageError, tree.siblings(12345));
    QCOMPARE(tree.allMessages(other.id).size(), 0);
}

void TestStorageMessages::titleFromFirstUserMessage_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("title");
    QTest::newRow("short") << "  What is the capital of France?  " << "What is the capital of France?";
    QTest::newRow("first line") << "\n\n  Fix this code:\nint main() {}" << "Fix this code:";
    QTest::newRow("word boundary")
        << "Please explain how the transformer attention mechanism works in large language models today"
        << QString("Please explain how the transformer attention mechanism") + QChar(0x2026);
    QTest::newRow("no spaces") << QString("学而时习之").repeated(20) << QString("学而时习之").repeated(12).left(59) + QChar(0x2026);
    QTest::newRow("empty") << " \n\t " << "New chat";
    QTest::newRow("emoji not split") << QString("a") .repeated(58) + QString::fromUtf8("😀😀") << QString("a").repeated(58) + QChar(0x2026);
}

void TestStorageMessages::titleFromFirstUserMessage() {
    QFETCH(QString, text);
    QFETCH(QString, title);
    QCOMPARE(titleFromMessage(text), title);
    QVERIFY(titleFromMessage(text).size() <= 60);
}

void TestStorageMessages::conversationIsNamedByFirstUserMessage() {
    MessageTree tree(*db_);
    ConversationStore conversations(*db_);
    const Conversation c = conversations.create();
    QCOMPARE(c.title, QString());
    const Message s = tree.addMessage(c.id, 0, Role::System, QStringLiteral("You are terse."));
    QCOMPARE(conversations.require(c.id).title, QString());
    const Message u = tree.addMessage(c.id, s.id, Role::User, QStringLiteral("Привет, мир!\nsecond line"));
    QCOMPARE(conversations.require(c.id).title, QStringLiteral("Привет, мир!"));
    tree.addMessage(c.id, u.id, Role::User, QStringLiteral("another"));
    QCOMPARE(conversations.require(c.id).title, QStringLiteral("Привет, мир!"));
}

void TestStorageMessages::renamePinAndOrder() {
    ConversationStore conversations(*db_);
    const Conversation a = conversations.create();
    const Conversation b = conversations.create();
    const Conversation c = conversations.create();
    QTest::qSleep(5);  // times are in milliseconds
    conversations.rename(a.id, QStringLiteral("  Trip   plans "));
    QCOMPARE(conversations.require(a.id).title, QStringLiteral("Trip plans"));
    QVERIFY_THROWS_EXCEPTION(StorageError, conversations.rename(a.id, QStringLiteral("  ")));
    conversations.setPinned(b.id, true);
    QVERIFY(conversations.require(b.id).pinned);
    const QList<Conversation> list = conversations.list();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list[0].id, b.id);  // pinned first
    QCOMPARE(list[1].id, a.id);  // then the most recently changed (renamed last)
    QCOMPARE(list[2].id, c.id);
    conversations.setModel(c.id, QStringLiteral("qwen2.5-q4_0.gguf"));
    QCOMPARE(conversations.require(c.id).model, QStringLiteral("qwen2.5-q4_0.gguf"));
    QVERIFY_THROWS_EXCEPTION(StorageError, conversations.setPinned(9999, true));
}

void TestStorageMessages::trashRestoreAndPurge() {
    ConversationStore conversations(*db_);
    MessageTree tree(*db_);
    const Conversation a = conversations.create();
    const Conversation b = conversations.create();
    const Message u = tree.addMessage(a.id, 0, Role::User, QStringLiteral("keep me?"));
    tree.addMessage(a.id, u.id, Role::Assistant, QStringLiteral("maybe"));
    conversations.remove(a.id);
    QCOMPARE(conversations.list().size(), 1);
    QCOMPARE(conversations.trash().size(), 1);
    QVERIFY(conversations.require(a.id).deletedAt.isValid());
    conversations.restore(a.id);
    QCOMPARE(conversations.list().size(), 2);
    QCOMPARE(tree.activePath(a.id).size(), 2);

    conversations.remove(a.id);
    conversations.remove(b.id);
    QCOMPARE(conversations.purgeTrash(QDateTime::currentDateTimeUtc().addDays(-30)), 0);  // too recent
    QCOMPARE(conversations.purgeTrash(QDateTime::currentDateTimeUtc().addSecs(1)), 2);
    QVERIFY(!conversations.get(a.id));
    QVERIFY(!tree.message(u.id));
}

void TestStorageMessages::samplingOverridesAreValidated() {
    ConversationStore conversations(*db_);
    const Conversation c = conversations.create();
    SamplingOverrides s;
    s.temperature = 0.2;
    s.topK = 40;
    s.seed = 42;
    conversations.setSampling(c.id, s);
    QCOMPARE(conversations.require(c.id).sampling, s);
    SamplingOverrides bad = s;
    bad.topP = 1.5;
    try {
        conversations.setSampling(c.id, bad);
        QFAIL("top_p 1.5 was accepted");
    } catch (const StorageError &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("top_p")), e.what());
    }
    QCOMPARE(conversations.require(c.id).sampling, s);
}

QTEST_GUILESS_MAIN(TestStorageMessages)
#include "test_storage_messages.moc"
