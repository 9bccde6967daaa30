// The interface's C++ models and helpers, without a window: every list model runs under
// QAbstractItemModelTester while it is filled, reset and changed.
#include "conversation_list_model.h"
#include "data_directory.h"
#include "markdown_block_model.h"
#include "markdown_blocks.h"
#include "search_model.h"
#include "session.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace qd::ui;

class UiModelsTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<Session> newSession() {
        auto dir = std::make_unique<QTemporaryDir>();
        auto session = std::make_unique<Session>(qd::app::dataDirectory(dir->path()));
        dirs_.push_back(std::move(dir));
        return session;
    }
    std::vector<std::unique_ptr<QTemporaryDir>> dirs_;

private slots:
    void markdownSplitsCodeFences() {
        const auto blocks = splitMarkdown(QStringLiteral("Intro\n\n```cpp\nint x;\nint y;\n```\nAfter\n~~~\nraw\n~~~"));
        QCOMPARE(blocks.size(), 4);
        QCOMPARE(blocks[0].kind, MarkdownBlock::Kind::Text);
        QCOMPARE(blocks[1].kind, MarkdownBlock::Kind::Code);
        QCOMPARE(blocks[1].language, QStringLiteral("cpp"));
        QCOMPARE(blocks[1].text, QStringLiteral("int x;\nint y;"));
        QCOMPARE(blocks[2].text, QStringLiteral("After"));
        QCOMPARE(blocks[3].text, QStringLiteral("raw"));
    }

    void markdownUnclosedFenceWhileStreaming() {
        const auto blocks = splitMarkdown(QStringLiteral("Here:\n```python\nprint("));
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks[1].kind, MarkdownBlock::Kind::Code);
        QCOMPARE(blocks[1].text, QStringLiteral("print("));
    }

    void markdownLoadsNothingRemote() {
        const QString html = markdownToHtml(
            QStringLiteral("# Title\n\n![tracker](https://example.com/t.png) <img src=\"https://example.com/x.png\">\n\n"
                           "| a | b |\n|---|---|\n| 1 | 2 |\n\n[link](https://example.com)"));
        QVERIFY(!html.contains(QStringLiteral("<img")));
        QVERIFY(!html.contains(QStringLiteral("t.png")));
        QVERIFY(html.contains(QStringLiteral("tracker")));
        QVERIFY(html.contains(QStringLiteral("<table")));
        QVERIFY(html.contains(QStringLiteral("href=\"https://example.com\"")));
    }

    // A streaming reply grows its last block in place; earlier blocks keep their rows.
    void markdownBlocksChangeInPlace() {
        MarkdownBlockModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMarkdown(QStringLiteral("Intro"));
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setMarkdown(QStringLiteral("Intro text\n\n```py\nprint("));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        model.setMarkdown(QStringLiteral("Intro text\n\n```py\nprint(1)\n```"));
        QCOMPARE(removed.count(), 0);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.data(model.index(1), MarkdownBlockModel::KindRole).toString(), QStringLiteral("code"));
        QCOMPARE(model.data(model.index(1), MarkdownBlockModel::TextRole).toString(), QStringLiteral("print(1)"));
        QVERIFY(model.data(model.index(0), MarkdownBlockModel::HtmlRole).toString().contains(QStringLiteral("Intro text")));
        model.setMarkdown(QStringLiteral("```\ncode first\n```"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), MarkdownBlockModel::KindRole).toString(), QStringLiteral("code"));
    }

    void sectionsByDate() {
        const QDate today(2025, 3, 10);
        QCOMPARE(ConversationListModel::sectionFor(today, today, false), QStringLiteral("Today"));
        QCOMPARE(ConversationListModel::sectionFor(today.addDays(-1), today, false), QStringLiteral("Yesterday"));
        QCOMPARE(ConversationListModel::sectionFor(today.addDays(-5), today, false), QStringLiteral("Previous 7 days"));
        QCOMPARE(ConversationListModel::sectionFor(today.addDays(-30), today, false), QStringLiteral("Older"));
        QCOMPARE(ConversationListModel::sectionFor(today.addDays(-30), today, true), QStringLiteral("Pinned"));
    }

    void snippetIsEscapedAndHighlighted() {
        const QString html = SearchModel::snippetHtml(QStringLiteral("a <b> [Paris] c"), QStringLiteral("["),
                                                      QStringLiteral("]"), QColor(Qt::yellow));
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;")));
        QVERIFY(html.contains(QStringLiteral("#ffff00; font-weight:bold\">Paris</span>")));
    }

    void conversationsAndChatUnderTheTester() {
        auto session = newSession();
        QAbstractItemModelTester conversationsTester(session->conversations(),
                                                     QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester chatTester(session->chat(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester searchTester(session->search(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        ChatModel &chat = *session->chat();
        chat.appendExchange(QStringLiteral("Hello there"), QStringLiteral("Hi! Here is code:\n```sh\nls\n```"));
        QCOMPARE(chat.count(), 2);
        QCOMPARE(session->conversations()->count(), 1);
        auto *blocks = qobject_cast<MarkdownBlockModel *>(chat.data(chat.index(1), ChatModel::BlocksRole).value<QObject *>());
        QVERIFY(blocks);
        QCOMPARE(blocks->rowCount(), 2);
        QCOMPARE(chat.data(chat.index(0), ChatModel::RoleNameRole).toString(), QStringLiteral("user"));
        QCOMPARE(chat.lastReply(), QStringLiteral("Hi! Here is code:\n```sh\nls\n```"));
        const qint64 first = chat.conversationId();

        chat.open(0);
        chat.appendExchange(QStringLiteral("Second"), QStringLiteral("Reply"));
        QCOMPARE(session->conversations()->count(), 2);
        session->conversations()->setPinned(first, true);
        QCOMPARE(session->conversations()->data(session->conversations()->index(0), ConversationListModel::IdRole).toLongLong(),
                 first);
        session->conversations()->rename(first, QStringLiteral("Greetings"));
        QCOMPARE(session->conversations()->titleOf(first), QStringLiteral("Greetings"));

        session->search()->setQuery(QStringLiteral("there"));
        QCOMPARE(session->search()->count(), 1);
        QCOMPARE(session->search()->data(session->search()->index(0), SearchModel::ConversationIdRole).toLongLong(), first);

        session->conversations()->remove(first);
        QCOMPARE(session->conversations()->count(), 1);
        QCOMPARE(session->conversations()->removedTitle(), QStringLiteral("Greetings"));
        session->conversations()->undoRemove();
        QCOMPARE(session->conversations()->count(), 2);

        chat.open(first);
        QCOMPARE(chat.count(), 2);
        chat.remove(chat.data(chat.index(1), ChatModel::IdRole).toLongLong());
        QCOMPARE(chat.count(), 1);
    }

    void exportWritesTheConversation() {
        auto session = newSession();
        session->chat()->appendExchange(QStringLiteral("Export me"), QStringLiteral("Done"));
        QTemporaryDir out;
        const QString file = out.filePath(QStringLiteral("c.md"));
        QCOMPARE(session->conversations()->exportTo(session->chat()->conversationId(), QStringLiteral("markdown"),
                                                    QUrl::fromLocalFile(file)),
                 QString());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("Export me"));
    }

    void settingsFormsUnderTheTester() {
        auto session = newSession();
        SettingsModel &settings = *session->settings();
        QAbstractItemModelTester tester(&settings, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy theme(&settings, &SettingsModel::themeChanged);
        QCOMPARE(settings.setValue(QStringLiteral("theme"), QStringLiteral("dark")), QString());
        QCOMPARE(settings.theme(), QStringLiteral("dark"));
        QCOMPARE(theme.count(), 1);
        QVERIFY(!settings.setValue(QStringLiteral("temperature"), 7).isEmpty());
        QCOMPARE(settings.value(QStringLiteral("temperature")).toDouble(), 0.7);
        const QVariantList languages =
            settings.data(settings.index(12), SettingFormModel::ChoicesRole).toList();
        QVERIFY(languages.size() >= 9);

        ConversationSettingsModel &overrides = *session->conversationSettings();
        QAbstractItemModelTester overridesTester(&overrides, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!overrides.setValue(QStringLiteral("temperature"), 0.2).isEmpty());  // no conversation yet
        session->chat()->appendExchange(QStringLiteral("a"), QStringLiteral("b"));
        QCOMPARE(overrides.conversationId(), session->chat()->conversationId());
        QCOMPARE(overrides.setValue(QStringLiteral("temperature"), 0.2), QString());
        QCOMPARE(overrides.value(QStringLiteral("temperature")).toDouble(), 0.2);
        QCOMPARE(overrides.data(overrides.index(0), SettingFormModel::IsDefaultRole).toBool(), false);
        QCOMPARE(overrides.setValue(QStringLiteral("default_system_prompt"), QStringLiteral("Pirate")), QString());
        overrides.resetValue(QStringLiteral("temperature"));
        QCOMPARE(overrides.value(QStringLiteral("temperature")).toDouble(), 0.7);
        QCOMPARE(overrides.value(QStringLiteral("default_system_prompt")).toString(), QStringLiteral("Pirate"));
    }

    void catalogUnderTheTester() {
        auto session = newSession();
        QAbstractItemModelTester tester(session->downloads()->catalog(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(session->downloads()->catalog()->rowCount() > 0);
    }

    void writingPromptsAndDocuments() {
        auto session = newSession();
        WritingTools &writing = *session->writing();
        QVERIFY(writing.prompt(QStringLiteral("translate"), QStringLiteral("Hallo"), QStringLiteral("French"))
                    .contains(QStringLiteral("French")));
        QVERIFY(writing.prompt(QStringLiteral("shorter"), QStringLiteral("x")).endsWith(QStringLiteral("\n\nx")));
        QVERIFY(writing.isLongText(QString(3000, QLatin1Char('a'))));
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("notes.md")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# Notes\n\nSome text.");
        file.close();
        QVERIFY(writing.attachFile(QUrl::fromLocalFile(file.fileName())));
        QCOMPARE(writing.documentName(), QStringLiteral("notes.md"));
        QVERIFY(!writing.attachFile(QUrl::fromLocalFile(dir.filePath(QStringLiteral("image.png")))));
        QVERIFY(!writing.error().isEmpty());
    }
};

QTEST_MAIN(UiModelsTest)
#include "test_ui_models.moc"
