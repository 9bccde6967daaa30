import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Where the user writes: Enter sends, Shift+Enter starts a new line, Esc (or Stop) ends the
// reply being generated. Shows the live token count against the context length, the writing
// actions, and a chip for an attached document.
Rectangle {
    id: composer
    property bool busy: false
    property int tokenCount: 0
    property int contextLength: 0
    property var languages: []
    // The attached document, if any.
    property bool hasDocument: false
    property string documentName: ""
    property string documentSize: ""
    property int documentTokens: 0
    property bool summarizing: false
    property int summaryChunk: 0
    property int summaryChunks: 0
    property alias text: input.text
    property alias inputItem: input

    signal sendRequested(string text)
    signal stopRequested()
    // action: "translate" (argument: the language), "proofread", "formal", "casual", "shorter", "summarize"
    signal actionRequested(string action, string text, string argument)
    signal textEdited(string text)
    // A paste the view may turn into a document; return true from the handler by setting accepted.
    signal pasteRequested()
    signal summarizeDocumentRequested()
    signal cancelSummaryRequested()
    signal removeDocumentRequested()

    function send() {
        if (busy || input.text.trim().length === 0)
            return
        sendRequested(input.text)
        input.clear()
    }
    function focusInput() { input.forceActiveFocus() }

    implicitHeight: layout.implicitHeight + 2 * Theme.spacing
    color: Theme.surface
    border.color: input.activeFocus ? Theme.focus : Theme.border
    border.width: input.activeFocus ? 2 : 1
    radius: Theme.radius

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacingSmall

        // The attached document: its size and tokens, summarize with chunk progress, remove.
        Rectangle {
            objectName: "documentChip"
            visible: composer.hasDocument
            Layout.fillWidth: true
            implicitHeight: chipRow.implicitHeight + Theme.spacing
            radius: Theme.radius
            color: Theme.surfaceAlt
            Accessible.role: Accessible.Grouping
            Accessible.name: qsTr("Attached document %1").arg(composer.documentName)
            RowLayout {
                id: chipRow
                anchors.fill: parent
                anchors.margins: Theme.spacingSmall
                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideMiddle
                    color: Theme.text
                    text: qsTr("%1 · %2 · %n token(s)", "", composer.documentTokens).arg(composer.documentName).arg(composer.documentSize)
                }
                ProgressBar {
                    objectName: "summaryProgress"
                    visible: composer.summarizing
                    from: 0
                    to: Math.max(1, composer.summaryChunks)
                    value: composer.summaryChunk
                    Accessible.name: qsTr("Summarizing part %1 of %2").arg(composer.summaryChunk).arg(composer.summaryChunks)
                }
                FlatButton {
                    objectName: "summarizeDocumentButton"
                    visible: !composer.summarizing
                    text: qsTr("Summarize")
                    toolTipText: qsTr("Summarize the whole document")
                    onClicked: composer.summarizeDocumentRequested()
                }
                FlatButton {
                    visible: composer.summarizing
                    text: qsTr("Cancel")
                    toolTipText: qsTr("Stop summarizing")
                    onClicked: composer.cancelSummaryRequested()
                }
                FlatButton {
                    text: qsTr("Remove")
                    toolTipText: qsTr("Remove the document")
                    onClicked: composer.removeDocumentRequested()
                }
            }
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(input.implicitHeight, 200)
            TextArea {
                id: input
                objectName: "composerInput"
                placeholderText: qsTr("Message QwenDesk…")
                wrapMode: TextArea.Wrap
                font.pointSize: Theme.fontPointSize
                color: Theme.text
                placeholderTextColor: Theme.textMuted
                background: null
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Message")
                Accessible.description: qsTr("Enter sends, Shift+Enter starts a new line")
                onTextChanged: composer.textEdited(text)
                Keys.onPressed: event => {
                    if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                            && !(event.modifiers & Qt.ShiftModifier)) {
                        event.accepted = true
                        composer.send()
                    } else if (event.key === Qt.Key_Escape && composer.busy) {
                        event.accepted = true
                        composer.stopRequested()
                    } else if (event.matches(StandardKey.Paste)) {
                        event.accepted = true
                        composer.pasteRequested()
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall

            FlatButton {
                id: translateButton
                objectName: "translateButton"
                text: qsTr("Translate")
                toolTipText: qsTr("Translate the text into another language")
                enabled: input.text.trim().length > 0 && !composer.busy
                onClicked: languageMenu.open()
                Menu {
                    id: languageMenu
                    y: -height
                    Repeater {
                        model: composer.languages
                        MenuItem {
                            required property string modelData
                            text: modelData
                            Accessible.name: modelData
                            onTriggered: composer.actionRequested("translate", input.text, modelData)
                        }
                    }
                }
            }
            FlatButton {
                objectName: "proofreadButton"
                text: qsTr("Proofread")
                toolTipText: qsTr("Correct spelling and grammar")
                enabled: input.text.trim().length > 0 && !composer.busy
                onClicked: composer.actionRequested("proofread", input.text, "")
            }
            FlatButton {
                objectName: "rewriteButton"
                text: qsTr("Rewrite")
                toolTipText: qsTr("Rewrite in another style")
                enabled: input.text.trim().length > 0 && !composer.busy
                onClicked: rewriteMenu.open()
                Menu {
                    id: rewriteMenu
                    y: -height
                    MenuItem { text: qsTr("Formal"); onTriggered: composer.actionRequested("formal", input.text, "") }
                    MenuItem { text: qsTr("Casual"); onTriggered: composer.actionRequested("casual", input.text, "") }
                    MenuItem { text: qsTr("Shorter"); onTriggered: composer.actionRequested("shorter", input.text, "") }
                }
            }
            FlatButton {
                objectName: "summarizeButton"
                text: qsTr("Summarize")
                toolTipText: qsTr("Summarize the text")
                enabled: input.text.trim().length > 0 && !composer.busy
                onClicked: composer.actionRequested("summarize", input.text, "")
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "tokenLabel"
                color: composer.contextLength > 0 && composer.tokenCount > composer.contextLength ? Theme.error : Theme.textMuted
                font.pointSize: Theme.smallPointSize
                text: composer.contextLength > 0
                      ? qsTr("%1 / %2 tokens").arg(composer.tokenCount).arg(composer.contextLength)
                      : qsTr("%n token(s)", "", composer.tokenCount)
                Accessible.name: text
            }
            Button {
                objectName: composer.busy ? "stopButton" : "sendButton"
                text: composer.busy ? qsTr("Stop") : qsTr("Send")
                highlighted: !composer.busy
                enabled: composer.busy || input.text.trim().length > 0
                Accessible.name: composer.busy ? qsTr("Stop the reply") : qsTr("Send the message")
                onClicked: composer.busy ? composer.stopRequested() : composer.send()
            }
        }
    }
}
