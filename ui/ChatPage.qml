import QtQuick
import QwenDesk.Ui
import QtQuick.Controls
import QtQuick.Layouts

// The open conversation: its messages and the composer, with the model's loading progress on
// top. Follows the streaming reply unless the user has scrolled up.
Page {
    id: page
    required property var session
    readonly property var chat: session.chat
    readonly property var writing: session.writing
    property alias composer: composer
    property alias messageList: messages

    function focusComposer() { composer.focusInput() }
    function showMessage(messageId) {
        const row = chat.rowOf(messageId)
        if (row >= 0) {
            messages.followReply = false
            messages.positionViewAtIndex(row, ListView.Center)
            messages.currentIndex = row
        }
    }

    background: Rectangle { color: Theme.window }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Loading progress: the composer stays usable meanwhile.
        Rectangle {
            objectName: "loadingBar"
            visible: page.session.models.state === ModelManager.Loading
            Layout.fillWidth: true
            implicitHeight: loadingRow.implicitHeight + Theme.spacing
            color: Theme.surfaceAlt
            RowLayout {
                id: loadingRow
                anchors.fill: parent
                anchors.margins: Theme.spacingSmall
                Label {
                    text: page.session.models.stageText
                    color: Theme.text
                }
                ProgressBar {
                    Layout.fillWidth: true
                    value: page.session.models.progress
                    Accessible.name: qsTr("Loading the model")
                }
            }
        }

        Label {
            objectName: "chatError"
            visible: page.chat.error.length > 0 || page.writing.error.length > 0
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            wrapMode: Text.Wrap
            color: Theme.error
            text: page.chat.error.length > 0 ? page.chat.error : page.writing.error
        }

        ListView {
            id: messages
            objectName: "messageList"
            // Follows the end while the user has not scrolled away from it.
            property bool followReply: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.chat
            // Delegates are not reused: in Qt 6.4 a pooled delegate whose blocks Repeater took
            // another message's model crashed its ColumnLayout while flicking a long conversation.
            cacheBuffer: 800
            spacing: 0
            keyNavigationEnabled: true
            activeFocusOnTab: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Messages")
            ScrollBar.vertical: ScrollBar { }

            delegate: MessageDelegate {
                busy: page.chat.busy
                onCopyRequested: text => page.writing.copy(text)
                onEditRequested: (id, text) => page.chat.editAndResend(id, text)
                onRegenerateRequested: id => page.chat.regenerate(id)
                onDeleteRequested: id => page.chat.remove(id)
                onSiblingRequested: (id, step) => page.chat.stepSibling(id, step)
            }

            onMovementStarted: followReply = false
            onMovementEnded: followReply = atYEnd
            onContentHeightChanged: if (followReply) positionViewAtEnd()
            onCountChanged: if (followReply) positionViewAtEnd()
            Connections {
                target: page.chat
                function onConversationChanged() {
                    messages.followReply = true
                    messages.positionViewAtEnd()
                }
                function onBusyChanged() {
                    if (page.chat.busy) {
                        messages.followReply = true
                        messages.positionViewAtEnd()
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                visible: messages.count === 0
                width: Math.min(parent.width - 2 * Theme.spacingHuge, 520)
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pointSize: Theme.largePointSize
                text: page.session.models.state === ModelManager.Ready
                      ? qsTr("Ask anything. Everything stays on this computer.")
                      : qsTr("Type your first message while the model loads.")
            }
        }

        Composer {
            id: composer
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.contentMaxWidth
            Layout.alignment: Qt.AlignHCenter
            Layout.margins: Theme.spacing
            busy: page.chat.busy
            tokenCount: page.writing.tokenCount
            contextLength: page.session.models.contextLength
            languages: page.writing.languages
            hasDocument: page.writing.hasDocument
            documentName: page.writing.documentName
            documentSize: page.writing.documentSize
            documentTokens: page.writing.documentTokens
            summarizing: page.writing.summarizing
            summaryChunk: page.writing.summaryChunk
            summaryChunks: page.writing.summaryChunks
            onSendRequested: text => page.chat.send(text)
            onStopRequested: page.chat.stop()
            onTextEdited: text => page.writing.countTokens(text)
            onActionRequested: (action, text, argument) => {
                if (page.chat.send(page.writing.prompt(action, text, argument)))
                    composer.text = ""
            }
            onPasteRequested: {
                const pasted = page.writing.clipboardText()
                if (page.writing.isLongText(pasted))
                    page.writing.attachText(pasted, "")
                else
                    composer.inputItem.paste()
            }
            onSummarizeDocumentRequested: page.writing.summarizeDocument()
            onCancelSummaryRequested: page.writing.cancelSummary()
            onRemoveDocumentRequested: page.writing.clearDocument()
        }
    }

    DropArea {
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: drop => {
            for (const url of drop.urls) {
                if (page.session.models.looksLikeModel(url))
                    page.session.models.load(url)
                else
                    page.writing.attachFile(url)
            }
        }
    }
}
