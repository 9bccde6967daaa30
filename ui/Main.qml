import QtQuick
import QwenDesk.Ui
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs

// The window: the history sidebar beside the welcome, chat or settings page, the app-wide
// shortcuts, and the few dialogs. It only lays out and binds; the session does the work.
ApplicationWindow {
    id: window
    required property var session
    property bool settingsOpen: false
    property bool welcomeRequested: false
    readonly property bool showWelcome: welcomeRequested
        || session.models.state === ModelManager.NoModel || session.models.state === ModelManager.Failed
    property alias sidebar: sidebar
    property alias chatPage: chatPage

    width: 1180
    height: 760
    minimumWidth: 720
    minimumHeight: 480
    visible: true
    title: session.conversationTitle !== ""
           ? qsTr("%1 – QwenDesk").arg(session.conversationTitle)
           : qsTr("QwenDesk")
    color: Theme.window

    SystemPalette { id: systemPalette }
    Binding {
        target: Theme
        property: "dark"
        value: window.session.settings.theme === "dark"
               || (window.session.settings.theme === "system" && systemPalette.window.hslLightness < 0.5)
    }
    Binding { target: Theme; property: "fontPointSize"; value: window.session.settings.fontSize }
    Binding { target: window.session.search; property: "highlightColor"; value: Theme.searchHighlight }

    palette {
        window: Theme.window
        windowText: Theme.text
        base: Theme.surface
        alternateBase: Theme.surfaceAlt
        text: Theme.text
        button: Theme.surfaceAlt
        buttonText: Theme.text
        highlight: Theme.accent
        highlightedText: Theme.accentText
        placeholderText: Theme.textMuted
        toolTipBase: Theme.surface
        toolTipText: Theme.text
        mid: Theme.border
        dark: Theme.border
        light: Theme.surface
        midlight: Theme.surfaceAlt
        shadow: Theme.border
        brightText: Theme.text
        link: Theme.accent
    }
    font.pointSize: Theme.fontPointSize

    function newChat() {
        settingsOpen = false
        welcomeRequested = false
        session.chat.open(0)
        chatPage.focusComposer()
    }
    function openConversation(conversationId) {
        settingsOpen = false
        welcomeRequested = false
        session.chat.open(conversationId)
        chatPage.focusComposer()
    }
    function exportCurrent(format) {
        if (session.chat.conversationId === 0) return
        exportDialog.conversationId = session.chat.conversationId
        exportDialog.format = format
        exportDialog.open()
    }

    Item {
        anchors.fill: parent
        // Right-to-left languages mirror the whole layout.
        LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
        LayoutMirroring.childrenInherit: true

        RowLayout {
            anchors.fill: parent
            spacing: 0

            Sidebar {
                id: sidebar
                Layout.preferredWidth: Theme.sidebarWidth
                Layout.fillHeight: true
                conversations: window.session.conversations
                searchResults: window.session.search
                currentConversationId: window.session.chat.conversationId
                onConversationSelected: id => window.openConversation(id)
                onMessageSelected: (conversationId, messageId) => {
                    window.openConversation(conversationId)
                    chatPage.showMessage(messageId)
                }
                onNewChatRequested: window.newChat()
                onRenameRequested: (id, title) => window.session.conversations.rename(id, title)
                onDeleteRequested: id => {
                    window.session.conversations.remove(id)
                    if (id === window.session.chat.conversationId) window.session.chat.open(0)
                    undoBar.open()
                }
                onPinRequested: (id, pinned) => window.session.conversations.setPinned(id, pinned)
                onExportRequested: (id, format) => {
                    exportDialog.conversationId = id
                    exportDialog.format = format
                    exportDialog.open()
                }
                onSearchChanged: query => window.session.search.query = query
                onSettingsRequested: window.settingsOpen = true
                onHelpRequested: shortcutsSheet.open()
            }
            Rectangle { Layout.fillHeight: true; implicitWidth: 1; color: Theme.border }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: window.settingsOpen ? 2 : window.showWelcome ? 0 : 1
                WelcomePage {
                    session: window.session
                    onChatRequested: window.welcomeRequested = false
                }
                ChatPage {
                    id: chatPage
                    session: window.session
                }
                SettingsPage {
                    session: window.session
                    onCloseRequested: {
                        window.settingsOpen = false
                        chatPage.focusComposer()
                    }
                    onChangeModelRequested: {
                        window.settingsOpen = false
                        window.welcomeRequested = true
                    }
                }
            }
        }

        // "Deleted. Undo" after a conversation goes to the trash.
        Popup {
            id: undoBar
            objectName: "undoBar"
            x: (parent.width - width) / 2
            y: parent.height - height - Theme.spacingHuge
            padding: Theme.spacing
            closePolicy: Popup.CloseOnEscape
            background: Rectangle { color: Theme.surfaceAlt; radius: Theme.radius; border.color: Theme.border }
            onOpened: undoTimer.restart()
            Timer { id: undoTimer; interval: 8000; onTriggered: undoBar.close() }
            contentItem: RowLayout {
                Label {
                    text: qsTr("“%1” was deleted.").arg(window.session.conversations.removedTitle)
                    color: Theme.text
                }
                Button {
                    objectName: "undoButton"
                    text: qsTr("Undo")
                    Accessible.name: qsTr("Undo the deletion")
                    onClicked: {
                        window.session.conversations.undoRemove()
                        undoBar.close()
                    }
                }
            }
        }
    }

    ShortcutsSheet { id: shortcutsSheet }

    FileDialog {
        id: exportDialog
        property var conversationId: 0
        property string format: "markdown"
        title: qsTr("Export the conversation")
        fileMode: FileDialog.SaveFile
        nameFilters: format === "json" ? [qsTr("JSON files (*.json)")] : [qsTr("Markdown files (*.md)")]
        onAccepted: {
            const error = window.session.conversations.exportTo(conversationId, format, selectedFile)
            if (error.length > 0) {
                exportError.text = error
                exportError.open()
            }
        }
    }
    Dialog {
        id: exportError
        property alias text: exportErrorLabel.text
        anchors.centerIn: parent
        title: qsTr("Export failed")
        footer: DialogButtonBox {
            Button {
                text: qsTr("OK")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                Accessible.name: text
            }
        }
        Label { id: exportErrorLabel; wrapMode: Text.Wrap; color: Theme.text }
    }
    FileDialog {
        id: openModelDialog
        title: qsTr("Open a model")
        nameFilters: [qsTr("GGUF models (*.gguf)")]
        onAccepted: window.session.models.load(selectedFile)
    }

    Shortcut { sequence: StandardKey.New; context: Qt.ApplicationShortcut; onActivated: window.newChat() }
    Shortcut {
        sequence: StandardKey.Find
        context: Qt.ApplicationShortcut
        onActivated: { window.settingsOpen = false; sidebar.focusSearch() }
    }
    Shortcut { sequence: "Ctrl+L"; context: Qt.ApplicationShortcut; onActivated: chatPage.focusComposer() }
    Shortcut {
        sequence: "Ctrl+R"
        context: Qt.ApplicationShortcut
        enabled: !window.session.chat.busy && window.session.chat.lastReplyId() !== 0
        onActivated: window.session.chat.regenerate(window.session.chat.lastReplyId())
    }
    Shortcut {
        sequence: "F2"
        context: Qt.ApplicationShortcut
        onActivated: sidebar.startRename(window.session.chat.conversationId)
    }
    Shortcut { sequence: "Ctrl+Shift+E"; context: Qt.ApplicationShortcut; onActivated: window.exportCurrent("markdown") }
    Shortcut { sequence: "Ctrl+,"; context: Qt.ApplicationShortcut; onActivated: window.settingsOpen = true }
    Shortcut { sequence: StandardKey.Open; context: Qt.ApplicationShortcut; onActivated: openModelDialog.open() }
    Shortcut { sequence: "F1"; context: Qt.ApplicationShortcut; onActivated: shortcutsSheet.open() }
    Shortcut {
        sequence: "Esc"
        context: Qt.ApplicationShortcut
        enabled: window.session.chat.busy
        onActivated: window.session.chat.stop()
    }
    Shortcut { sequence: "Ctrl+Q"; context: Qt.ApplicationShortcut; onActivated: window.session.quit() }

    onClosing: close => {
        if (window.session.chat.busy) {
            close.accepted = false
            window.session.quit()
        }
    }

    Component.onCompleted: {
        requestActivate()
        chatPage.focusComposer()
    }
}
