import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The history: a search box, "New chat", and the conversations grouped by date (pinned first),
// or the search hits with their highlighted snippets while a query is typed.
Rectangle {
    id: sidebar
    // Models with the roles of ConversationListModel and SearchModel.
    required property var conversations
    required property var searchResults
    property var currentConversationId: 0
    property alias searchField: searchField
    property alias conversationList: conversationList
    readonly property bool searching: searchField.text.trim().length > 0

    signal conversationSelected(var conversationId)
    signal messageSelected(var conversationId, var messageId)
    signal newChatRequested()
    signal renameRequested(var conversationId, string title)
    signal deleteRequested(var conversationId)
    signal pinRequested(var conversationId, bool pinned)
    signal exportRequested(var conversationId, string format)
    signal searchChanged(string query)
    signal settingsRequested()
    signal helpRequested()

    function focusSearch() {
        searchField.forceActiveFocus()
        searchField.selectAll()
    }
    function startRename(conversationId) {
        const row = conversations.indexOf ? conversations.indexOf(conversationId) : -1
        if (row < 0) return
        conversationList.currentIndex = row
        conversationList.positionViewAtIndex(row, ListView.Contain)
        if (conversationList.currentItem) conversationList.currentItem.beginRename()
    }

    color: Theme.sidebar
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Conversations")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Button {
            objectName: "newChatButton"
            Layout.fillWidth: true
            text: qsTr("New chat")
            Accessible.name: qsTr("New chat")
            onClicked: sidebar.newChatRequested()
        }

        TextField {
            id: searchField
            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search conversations")
            color: Theme.text
            placeholderTextColor: Theme.textMuted
            selectByMouse: true
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Search conversations")
            onTextChanged: sidebar.searchChanged(text)
            Keys.onEscapePressed: text = ""
            Keys.onDownPressed: (sidebar.searching ? resultList : conversationList).forceActiveFocus()
        }

        ListView {
            id: conversationList
            objectName: "conversationList"
            visible: !sidebar.searching
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: sidebar.conversations
            activeFocusOnTab: true
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Conversations")
            section.property: "section"
            section.criteria: ViewSection.FullString
            section.delegate: Label {
                required property string section
                width: ListView.view.width
                topPadding: Theme.spacing
                bottomPadding: Theme.spacingSmall
                leftPadding: Theme.spacing
                text: section
                font.pointSize: Theme.smallPointSize
                font.bold: true
                color: Theme.textMuted
            }
            ScrollBar.vertical: ScrollBar { }
            delegate: ConversationDelegate {
                selected: conversationId === sidebar.currentConversationId
                onActivated: sidebar.conversationSelected(conversationId)
                onRenamed: title => sidebar.renameRequested(conversationId, title)
                onDeleteClicked: sidebar.deleteRequested(conversationId)
                onPinClicked: sidebar.pinRequested(conversationId, !pinned)
                onExportClicked: format => sidebar.exportRequested(conversationId, format)
            }
        }

        ListView {
            id: resultList
            objectName: "searchResults"
            visible: sidebar.searching
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: sidebar.searchResults
            activeFocusOnTab: true
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Search results")
            ScrollBar.vertical: ScrollBar { }
            delegate: ItemDelegate {
                id: hit
                required property int index
                required property var conversationId
                required property var messageId
                required property string title
                required property string snippet
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                Accessible.role: Accessible.ListItem
                Accessible.name: title
                contentItem: ColumnLayout {
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: hit.title
                        elide: Text.ElideRight
                        font.bold: true
                        color: Theme.text
                    }
                    Label {
                        objectName: "snippet"
                        Layout.fillWidth: true
                        text: hit.snippet
                        textFormat: Text.RichText
                        wrapMode: Text.Wrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
                        font.pointSize: Theme.smallPointSize
                        color: Theme.textMuted
                    }
                }
                onClicked: sidebar.messageSelected(conversationId, messageId)
                Keys.onReturnPressed: sidebar.messageSelected(conversationId, messageId)
                FocusFrame { shown: hit.visualFocus || (hit.ListView.isCurrentItem && resultList.activeFocus) }
            }
            Label {
                anchors.centerIn: parent
                visible: resultList.count === 0
                text: qsTr("Nothing found")
                color: Theme.textMuted
            }
        }

        RowLayout {
            Layout.fillWidth: true
            FlatButton {
                objectName: "settingsButton"
                text: qsTr("Settings")
                toolTipText: qsTr("Settings (Ctrl+,)")
                onClicked: sidebar.settingsRequested()
            }
            Item { Layout.fillWidth: true }
            FlatButton {
                objectName: "helpButton"
                text: qsTr("Shortcuts")
                toolTipText: qsTr("Keyboard shortcuts (F1)")
                onClicked: sidebar.helpRequested()
            }
        }
    }
}
