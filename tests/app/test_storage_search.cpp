// Full-text search: multilingual text (CJK, Japanese, Arabic, Cyrillic, emoji) from the tokenizer
// reference cases, ranking, highlighted snippets, short queries and trashed conversations.
#include "storage_test_support.h"

#include "conversation_store.h"
#include "message_tree.h"
#include "search_index.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace qd::app;
using qd::test::TempProfile;

namespace {

QStringList referenceTexts() {
    QFile file(QStringLiteral(QD_TEST_DATA_DIR "/qwen2.5/tokenizer-cases.jsonl"));
    if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read the tokenizer cases");
    QStringList texts;
    while (!file.atEnd()) texts << QJsonDocument::fromJson(file.readLine()).object().value(QLatin1String("text")).toString();
    return texts;
}

// The hits in message texts (the first user message also names its conversation, so its words
// match the title as well).
QList<SearchHit> inMessages(const QList<SearchHit> &hits) {
    QList<SearchHit> result;
    for (const SearchHit &h : hits)
        if (h.messageId != 0) result << h;
    return result;
}

}  // namespace

class TestStorageSearch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void findsMultilingualText_data();
    void findsMultilingualText();
    void shortQueriesFallBackToScanning_data();
    void shortQueriesFallBackToScanning();
    void ranksMoreRelevantFirst();
    void matchesTitlesAndAllWords();
    void ignoresQuerySyntaxAndTrash();

private:
    TempProfile profile_;
    std::unique_ptr<Database> db_;
    QHash<int, qint64> messageOfCase_;  // reference case index -> message id
    qint64 conversation_ = 0;
};

void TestStorageSearch::initTestCase() {
    db_ = profile_.open();
    const QStringList texts = referenceTexts();
    QVERIFY(texts.size() > 127);
    MessageTree tree(*db_);
    conversation_ = ConversationStore(*db_).create().id;
    qint64 parent = 0;
    for (int index : {73, 77, 80, 81, 91, 102, 119, 125, 127}) {
        const Message m = tree.addMessage(conversation_, parent, parent ? Role::Assistant : Role::User, texts[index]);
        messageOfCase_.insert(index, m.id);
        parent = m.id;
    }
}

void TestStorageSearch::findsMultilingualText_data() {
    QTest::addColumn<int>("caseIndex");
    QTest::addColumn<QString>("query");
    QTest::newRow("Chinese") << 73 << QStringLiteral("世界！");
    QTest::newRow("Chinese in mixed text") << 77 << QStringLiteral("tokenizer");
    QTest::newRow("Chinese phrase") << 77 << QStringLiteral("实现BPE算法");
    QTest::newRow("Japanese kanji and kana") << 80 << QStringLiteral("東京に住");
    QTest::newRow("Katakana") << 81 << QStringLiteral("カタカナ");
    QTest::newRow("Arabic") << 91 << QStringLiteral("بالعالم");
    QTest::newRow("Cyrillic, other case") << 102 << QStringLiteral("ФРАНЦУЗСКИХ");
    QTest::newRow("emoji") << 119 << QString::fromUtf8("😃😄😁");
    QTest::newRow("emoji inside a word") << 125 << QString::fromUtf8("d👍jo");
}

void TestStorageSearch::findsMultilingualText() {
    QFETCH(int, caseIndex);
    QFETCH(QString, query);
    const QList<SearchHit> hits = inMessages(SearchIndex(*db_).search(query));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits[0].messageId, messageOfCase_.value(caseIndex));
    QCOMPARE(hits[0].conversationId, conversation_);
    QVERIFY2(hits[0].snippet.contains(QLatin1Char('[')) && hits[0].snippet.contains(QLatin1Char(']')),
             qPrintable(hits[0].snippet));
    QString plain = hits[0].snippet;
    plain.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    QVERIFY2(plain.contains(query, Qt::CaseInsensitive), qPrintable(hits[0].snippet));
}

void TestStorageSearch::shortQueriesFallBackToScanning_data() {
    QTest::addColumn<int>("caseIndex");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("marked");
    QTest::newRow("two Chinese characters") << 73 << QStringLiteral("你好") << QStringLiteral("[你好]");
    QTest::newRow("one kanji") << 80 << QStringLiteral("京") << QStringLiteral("東[京]");
    QTest::newRow("one emoji") << 127 << QString::fromUtf8("🎉") << QString::fromUtf8("[🎉]");
    QTest::newRow("two Latin letters, any case") << 77 << QStringLiteral("PY") << QStringLiteral("[Py]thon");
}

void TestStorageSearch::shortQueriesFallBackToScanning() {
    QFETCH(int, caseIndex);
    QFETCH(QString, query);
    QFETCH(QString, marked);
    const QList<SearchHit> hits = inMessages(SearchIndex(*db_).search(query));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits[0].messageId, messageOfCase_.value(caseIndex));
    QVERIFY2(hits[0].snippet.contains(marked), qPrintable(hits[0].snippet));
}

void TestStorageSearch::ranksMoreRelevantFirst() {
    TempProfile profile;
    auto db = profile.open();
    MessageTree tree(*db);
    const qint64 c = ConversationStore(*db).create().id;
    const Message once = tree.addMessage(c, 0, Role::User, QStringLiteral("Some words about kernels and other things entirely"));
    const Message often = tree.addMessage(c, once.id, Role::Assistant, QStringLiteral("kernels, kernels, kernels"));
    const QList<SearchHit> hits = inMessages(SearchIndex(*db).search(QStringLiteral("kernels")));
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits[0].messageId, often.id);
    QCOMPARE(hits[1].messageId, once.id);
    QVERIFY(hits[0].score > hits[1].score);
    QCOMPARE(SearchIndex(*db).search(QStringLiteral("kernels"), {QStringLiteral("<b>"), QStringLiteral("</b>"), 1}).size(), 1);
    QVERIFY(SearchIndex(*db).search(QStringLiteral("kernels"), {QStringLiteral("<b>"), QStringLiteral("</b>"), 1})[0]
                .snippet.contains(QLatin1String("<b>kernels</b>")));

    // Short words rank by how often they occur too.
    const QList<SearchHit> scanned = inMessages(SearchIndex(*db).search(QStringLiteral("ke")));
    QCOMPARE(scanned.size(), 2);
    QCOMPARE(scanned[0].messageId, often.id);
}

void TestStorageSearch::matchesTitlesAndAllWords() {
    TempProfile profile;
    auto db = profile.open();
    MessageTree tree(*db);
    ConversationStore conversations(*db);
    const qint64 c = conversations.create().id;
    tree.addMessage(c, 0, Role::User, QStringLiteral("Plan a holiday in Kyoto"));
    const qint64 d = conversations.create().id;
    const Message other = tree.addMessage(d, 0, Role::User, QStringLiteral("Kyoto temples opening hours"));
    QList<SearchHit> hits = SearchIndex(*db).search(QStringLiteral("holiday"));
    QCOMPARE(hits.size(), 2);  // the message and the title made from it
    QVERIFY(std::any_of(hits.begin(), hits.end(), [&](const SearchHit &h) { return h.messageId == 0 && h.conversationId == c; }));
    hits = SearchIndex(*db).search(QStringLiteral("kyoto temples"));
    QCOMPARE(hits.size(), 2);
    QVERIFY(std::all_of(hits.begin(), hits.end(), [&](const SearchHit &h) { return h.conversationId == d; }));
    QVERIFY(std::any_of(hits.begin(), hits.end(), [&](const SearchHit &h) { return h.messageId == other.id; }));
    QVERIFY(SearchIndex(*db).search(QStringLiteral("kyoto museum")).isEmpty());
    QVERIFY(SearchIndex(*db).search(QStringLiteral("   ")).isEmpty());
}

void TestStorageSearch::ignoresQuerySyntaxAndTrash() {
    TempProfile profile;
    auto db = profile.open();
    MessageTree tree(*db);
    ConversationStore conversations(*db);
    const qint64 c = conversations.create().id;
    tree.addMessage(c, 0, Role::User, QStringLiteral("He said \"NEAR(a b)\" AND left; 100% sure_thing"));
    QCOMPARE(inMessages(SearchIndex(*db).search(QStringLiteral("\"NEAR(a"))).size(), 1);
    QCOMPARE(inMessages(SearchIndex(*db).search(QStringLiteral("AND"))).size(), 1);
    QCOMPARE(inMessages(SearchIndex(*db).search(QStringLiteral("0%"))).size(), 1);
    QCOMPARE(inMessages(SearchIndex(*db).search(QStringLiteral("e_"))).size(), 1);
    QCOMPARE(SearchIndex(*db).search(QStringLiteral("x%")).size(), 0);
    conversations.remove(c);
    QVERIFY(SearchIndex(*db).search(QStringLiteral("NEAR")).isEmpty());
    QVERIFY(SearchIndex(*db).search(QStringLiteral("He")).isEmpty());
}

QTEST_GUILESS_MAIN(TestStorageSearch)
#include "test_storage_search.moc"
