import QtQuick
import QtTest
import QwenDesk.Ui

TestCase {
    id: testCase
    name: "Sidebar"
    width: 320
    height: 600
    visible: true
    when: windowShown

    Component {
        id: sidebarComponent
        Sidebar {
            width: 300
            height: 580
            conversations: testSession.conversations
            searchResults: testSession.search
            onRenameRequested: (id, title) => testSession.conversations.rename(id, title)
            onSearchChanged: query => testSession.search.query = query
        }
    }
    SignalSpy { id: selectedSpy; signalName: "conversationSelected" }
    SignalSpy { id: messageSpy; signalName: "messageSelected" }
    SignalSpy { id: newSpy; signalName: "newChatRequested" }

    function initTestCase() {
        testSession.chat.open(0)
        testSession.chat.appendExchange("Plan a weekend in Paris", "Visit the Louvre and walk by the Seine.")
        testSession.chat.open(0)
        testSession.chat.appendExchange("Explain recursion", "A function that calls itself.")
    }

    function test_listsConversationsByDate() {
        const sidebar = createTemporaryObject(sidebarComponent, testCase)
        const list = findChild(sidebar, "conversationList")
        tryCompare(list, "count", 2)
        waitForRendering(list)
        compare(list.itemAtIndex(0).title, "Explain recursion")
        compare(testSession.conversations.data(testSession.conversations.index(0, 0), 260), "Today")
        selectedSpy.target = sidebar
        mouseClick(list.itemAtIndex(1))
        compare(selectedSpy.count, 1)
        newSpy.target = sidebar
        mouseClick(findChild(sidebar, "newChatButton"))
        compare(newSpy.count, 1)
    }

    function test_renameInline() {
        const sidebar = createTemporaryObject(sidebarComponent, testCase)
        const list = findChild(sidebar, "conversationList")
        tryCompare(list, "count", 2)
        const id = list.itemAtIndex(0).conversationId
        sidebar.startRename(id)
        const field = findChild(list.itemAtIndex(0), "renameField")
        verify(field.visible)
        verify(field.activeFocus)
        field.selectAll()
        for (const key of [Qt.Key_R, Qt.Key_E, Qt.Key_C])
            keyClick(key)
        keyClick(Qt.Key_Return)
        compare(testSession.conversations.titleOf(id), "rec")
    }

    function test_searchHighlightsAndJumps() {
        const sidebar = createTemporaryObject(sidebarComponent, testCase)
        messageSpy.target = sidebar
        sidebar.focusSearch()
        for (const key of [Qt.Key_L, Qt.Key_O, Qt.Key_U, Qt.Key_V, Qt.Key_R, Qt.Key_E])
            keyClick(key)
        const results = findChild(sidebar, "searchResults")
        verify(results.visible)
        tryCompare(results, "count", 1)
        waitForRendering(results)
        const hit = results.itemAtIndex(0)
        verify(hit.snippet.indexOf("<span") >= 0, "the matched word is highlighted")
        verify(hit.snippet.toLowerCase().indexOf("louvre") >= 0)
        mouseClick(hit)
        compare(messageSpy.count, 1)
        verify(messageSpy.signalArguments[0][1] !== 0, "the hit names its message")
        keyClick(Qt.Key_Escape, Qt.NoModifier)
        sidebar.searchField.text = ""
        verify(!results.visible)
    }
}
