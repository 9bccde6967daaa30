// The draft search of prompt lookup: which earlier occurrence it copies from and how much.
#include "generation/prompt_lookup.h"

#include <QElapsedTimer>
#include <QTest>

#include <vector>

using namespace qd;

namespace {

std::vector<int32_t> draftOf(const std::vector<int32_t> &context, size_t maxTokens) {
    std::vector<int32_t> draft(maxTokens, -1);
    draft.resize(findPromptLookupDraft(context, draft));
    return draft;
}

}  // namespace

class PromptLookupTest : public QObject {
    Q_OBJECT
private slots:
    void draftsOneTokenLessThanTheMatch();
    void prefersTheLatestOccurrence();
    void prefersTheLongestMatch();
    void matchesNoLongerThanTheDraftNeeds();
    void singleTokenMatchesDoNotDraft();
    void noRecurrenceNoDraft();
    void stopsAtTheDraftLengthAndTheContextEnd();
    void tinyContextsAndEmptyDraftsAreSafe();
    void longContextsStayCheap();
};

void PromptLookupTest::draftsOneTokenLessThanTheMatch() {
    // "8 9" recurs: one token; "7 8 9": two; the whole "1 7 8 9": three.
    QCOMPARE(draftOf({1, 7, 8, 9, 10, 11, 12, 13, 3, 8, 9}, 8), (std::vector<int32_t>{10}));
    QCOMPARE(draftOf({1, 7, 8, 9, 10, 11, 12, 13, 3, 7, 8, 9}, 8), (std::vector<int32_t>{10, 11}));
    QCOMPARE(draftOf({1, 7, 8, 9, 10, 11, 12, 13, 1, 7, 8, 9}, 8), (std::vector<int32_t>{10, 11, 12}));
}

void PromptLookupTest::prefersTheLatestOccurrence() {
    const std::vector<int32_t> context{7, 8, 9, 100, 101, 7, 8, 9, 200, 201, 5, 7, 8, 9};
    QCOMPARE(draftOf(context, 8), (std::vector<int32_t>{200, 201}));
}

void PromptLookupTest::prefersTheLongestMatch() {
    // "8 9" recurs later than "7 8 9", but the longer match pins down the place better.
    const std::vector<int32_t> context{7, 8, 9, 100, 101, 6, 8, 9, 200, 5, 7, 8, 9};
    QCOMPARE(draftOf(context, 8), (std::vector<int32_t>{100, 101}));
}

void PromptLookupTest::matchesNoLongerThanTheDraftNeeds() {
    // "6 7 8 9" recurs early, "7 8 9" late. Room for three tokens: the four-token match wins. Room
    // for one: any match of two tokens earns it, and the latest is taken.
    const std::vector<int32_t> context{6, 7, 8, 9, 100, 101, 102, 5, 7, 8, 9, 200, 201, 202, 6, 7, 8, 9};
    QCOMPARE(draftOf(context, 3), (std::vector<int32_t>{100, 101, 102}));
    QCOMPARE(draftOf(context, 2), (std::vector<int32_t>{200, 201}));
    QCOMPARE(draftOf(context, 1), (std::vector<int32_t>{200}));
}

void PromptLookupTest::singleTokenMatchesDoNotDraft() {
    static_assert(kPromptLookupMinMatch == 2);
    QVERIFY(draftOf({9, 100, 101, 6, 8, 9}, 4).empty());
    QCOMPARE(draftOf({8, 9, 100, 101, 6, 8, 9}, 4), (std::vector<int32_t>{100}));
}

void PromptLookupTest::noRecurrenceNoDraft() {
    QVERIFY(draftOf({1, 2, 3, 4, 5, 6, 7, 8}, 4).empty());
    // The ending itself is not an earlier occurrence.
    QVERIFY(draftOf({1, 2}, 4).empty());
}

void PromptLookupTest::stopsAtTheDraftLengthAndTheContextEnd() {
    // A long copy: "1 2 3 4 5 6" recurs in full.
    const std::vector<int32_t> context{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6};
    QCOMPARE(draftOf(context, 2), (std::vector<int32_t>{7, 8}));
    QCOMPARE(draftOf(context, 5), (std::vector<int32_t>{7, 8, 9, 10, 11}));
    // A repeated token: the latest earlier "5 5 5 5" ends just before the end, so one token follows.
    QCOMPARE(draftOf({5, 5, 5, 5, 5}, 8), (std::vector<int32_t>{5}));
    // The copy may run into the ending itself, but not past the end of the context.
    QCOMPARE(draftOf({1, 2, 3, 1, 2, 3, 1, 2, 3}, 8), (std::vector<int32_t>{1, 2, 3}));
}

void PromptLookupTest::tinyContextsAndEmptyDraftsAreSafe() {
    QVERIFY(draftOf({}, 4).empty());
    QVERIFY(draftOf({3}, 4).empty());
    QVERIFY(draftOf({3, 3}, 4).empty());  // a one-token match is below the minimum
    QVERIFY(draftOf({1, 2, 3, 1, 2}, 0).empty());
}

// The search runs before every forward pass: on a 4,000-token context whose last token recurs at
// every other position but never with its predecessor (the whole context is scanned), a call must
// stay far below a decode step's milliseconds.
void PromptLookupTest::longContextsStayCheap() {
    std::vector<int32_t> context;
    for (int32_t i = 0; i < 2000; ++i) context.insert(context.end(), {1000 + i, 7});
    std::vector<int32_t> draft(8);
    constexpr int kCalls = 1000;
    QElapsedTimer timer;
    timer.start();
    size_t found = 0;
    for (int i = 0; i < kCalls; ++i) found += findPromptLookupDraft(context, draft);
    const double microsecondsPerCall = static_cast<double>(timer.nsecsElapsed()) / 1e3 / kCalls;
    qInfo("draft search over %zu tokens: %.1f us per call", context.size(), microsecondsPerCall);
    QCOMPARE(found, size_t(0));
    QVERIFY2(microsecondsPerCall < 500, QByteArray::number(microsecondsPerCall));
}

QTEST_GUILESS_MAIN(PromptLookupTest)
#include "test_prompt_lookup.moc"
