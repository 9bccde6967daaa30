import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One message of the conversation: the bubble with its Markdown and code blocks, then its
// actions (copy, edit, regenerate, delete, "< 2/3 >" between alternatives) and, under a reply,
// its statistics. All it does is emit what the user asked for.
Item {
    id: delegate
    required property int index
    required property var messageId
    required property string role
    required property string text
    // A list model with the roles kind ("text" or "code"), text, html and language.
    required property QtObject blocks
    required property string status
    required property string errorText
    required property int siblingIndex
    required property int siblingCount
    required property int tokens
    required property real tokensPerSecond
    required property real firstTokenMs
    required property int droppedTurns
    // The conversation has a reply in progress: nothing may change the branch meanwhile.
    property bool busy: false

    signal copyRequested(string text)
    signal editRequested(var messageId, string text)
    signal regenerateRequested(var messageId)
    signal deleteRequested(var messageId)
    signal siblingRequested(var messageId, int step)

    readonly property bool isUser: role === "user"
    readonly property bool streaming: status === "streaming"
    property bool editing: false

    implicitHeight: column.implicitHeight + Theme.spacingLarge
    width: ListView.view ? ListView.view.width : implicitWidth

    Accessible.role: Accessible.ListItem
    Accessible.name: (isUser ? qsTr("You") : qsTr("Assistant")) + ": " + text

    ColumnLayout {
        id: column
        width: Math.min(delegate.width - 2 * Theme.spacingLarge, Theme.contentMaxWidth)
        anchors.horizontalCenter: parent.horizontalCenter
        y: Theme.spacing
        spacing: Theme.spacingSmall

        Label {
            text: delegate.isUser ? qsTr("You") : qsTr("Assistant")
            font.bold: true
            font.pointSize: Theme.smallPointSize
            color: Theme.textMuted
            Layout.alignment: delegate.isUser ? Qt.AlignRight : Qt.AlignLeft
        }

        Label {
            visible: delegate.droppedTurns > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.warning
            font.pointSize: Theme.smallPointSize
            text: qsTr("%n older message(s) were left out so the conversation fits the context.", "", delegate.droppedTurns)
        }

        Rectangle {
            id: bubble
            Layout.alignment: delegate.isUser ? Qt.AlignRight : Qt.AlignLeft
            Layout.fillWidth: !delegate.isUser || delegate.editing
            Layout.maximumWidth: column.width
            implicitWidth: bubbleContent.implicitWidth + 2 * Theme.spacingLarge
            implicitHeight: bubbleContent.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: delegate.isUser ? Theme.userBubble : Theme.assistantBubble
            border.color: delegate.isUser ? "transparent" : Theme.border

            ColumnLayout {
                id: bubbleContent
                x: Theme.spacingLarge
                y: Theme.spacing
                width: bubble.width - 2 * Theme.spacingLarge
                spacing: Theme.spacing

                Repeater {
                    // The blocks stay while the message is edited, only hidden: with Qt 6.4, emptying
                    // the Repeater inside a layout that is being polished crashed the layout.
                    model: delegate.blocks
                    delegate: Loader {
                        id: block
                        required property string kind
                        required property string text
                        required property string html
                        required property string language
                        visible: !delegate.editing
                        Layout.fillWidth: true
                        Layout.maximumWidth: column.width - 2 * Theme.spacingLarge
                        sourceComponent: kind === "code" ? codeComponent : textComponent
                        Component {
                            id: codeComponent
                            CodeBlock {
                                code: block.text
                                language: block.language
                                onCopyRequested: text => delegate.copyRequested(text)
                            }
                        }
                        Component {
                            id: textComponent
                            TextEdit {
                                objectName: "markdownText"
                                text: block.html
                                textFormat: TextEdit.RichText
                                readOnly: true
                                selectByMouse: true
                                wrapMode: TextEdit.Wrap
                                color: Theme.text
                                selectionColor: Theme.selection
                                selectedTextColor: Theme.text
                                font.pointSize: Theme.fontPointSize
                                // Links open in the browser only when clicked.
                                onLinkActivated: link => Qt.openUrlExternally(link)
                                HoverHandler {
                                    cursorShape: parent.hoveredLink.length > 0 ? Qt.PointingHandCursor : Qt.IBeamCursor
                                }
                                Accessible.role: Accessible.StaticText
                                Accessible.name: block.text
                            }
                        }
                    }
                }

                Label {
                    visible: delegate.streaming && delegate.text.length === 0
                    text: qsTr("Thinking…")
                    color: Theme.textMuted
                    font.pointSize: Theme.fontPointSize
                }

                Label {
                    visible: delegate.status === "error" || delegate.status === "cancelled" || delegate.status === "interrupted"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: delegate.status === "error" ? Theme.error : Theme.textMuted
                    font.pointSize: Theme.smallPointSize
                    text: delegate.status === "error" ? qsTr("The reply failed: %1").arg(delegate.errorText)
                        : delegate.status === "cancelled" ? qsTr("Stopped.")
                        : qsTr("Interrupted when QwenDesk closed.")
                }

                ColumnLayout {
                    visible: delegate.editing
                    Layout.fillWidth: true
                    TextArea {
                        id: editArea
                        objectName: "editArea"
                        Layout.fillWidth: true
                        wrapMode: TextArea.Wrap
                        font.pointSize: Theme.fontPointSize
                        color: Theme.text
                        Accessible.name: qsTr("Edit message")
                        Keys.onEscapePressed: delegate.editing = false
                    }
                    RowLayout {
                        Layout.alignment: Qt.AlignRight
                        Button {
                            text: qsTr("Cancel")
                            Accessible.name: text
                            onClicked: delegate.editing = false
                        }
                        Button {
                            objectName: "resendButton"
                            text: qsTr("Send")
                            highlighted: true
                            Accessible.name: qsTr("Send the edited message")
                            onClicked: {
                                delegate.editing = false
                                delegate.editRequested(delegate.messageId, editArea.text)
                            }
                        }
                    }
                }
            }
        }

        RowLayout {
            id: actions
            Layout.alignment: delegate.isUser ? Qt.AlignRight : Qt.AlignLeft
            spacing: 0
            visible: !delegate.streaming && !delegate.editing

            FlatButton {
                objectName: "previousButton"
                visible: delegate.siblingCount > 1
                enabled: !delegate.busy && delegate.siblingIndex > 1
                text: "<"
                toolTipText: qsTr("Previous version")
                Accessible.name: qsTr("Previous version")
                onClicked: delegate.siblingRequested(delegate.messageId, -1)
            }
            Label {
                objectName: "siblingLabel"
                visible: delegate.siblingCount > 1
                text: qsTr("%1/%2").arg(delegate.siblingIndex).arg(delegate.siblingCount)
                color: Theme.textMuted
                font.pointSize: Theme.smallPointSize
            }
            FlatButton {
                objectName: "nextButton"
                visible: delegate.siblingCount > 1
                enabled: !delegate.busy && delegate.siblingIndex < delegate.siblingCount
                text: ">"
                toolTipText: qsTr("Next version")
                Accessible.name: qsTr("Next version")
                onClicked: delegate.siblingRequested(delegate.messageId, 1)
            }
            FlatButton {
                objectName: "copyButton"
                text: qsTr("Copy")
                toolTipText: qsTr("Copy the message")
                onClicked: delegate.copyRequested(delegate.text)
            }
            FlatButton {
                objectName: "editButton"
                visible: delegate.isUser
                enabled: !delegate.busy
                text: qsTr("Edit")
                toolTipText: qsTr("Edit and send again as a new branch")
                onClicked: {
                    editArea.text = delegate.text
                    delegate.editing = true
                    editArea.forceActiveFocus()
                }
            }
            FlatButton {
                objectName: "regenerateButton"
                visible: !delegate.isUser
                enabled: !delegate.busy
                text: qsTr("Regenerate")
                toolTipText: qsTr("Write another reply")
                onClicked: delegate.regenerateRequested(delegate.messageId)
            }
            FlatButton {
                objectName: "deleteButton"
                enabled: !delegate.busy
                text: qsTr("Delete")
                toolTipText: qsTr("Delete this message and what follows it")
                onClicked: delegate.deleteRequested(delegate.messageId)
            }
        }

        Label {
            objectName: "statsLabel"
            visible: !delegate.isUser && !delegate.streaming && delegate.tokens > 0
            color: Theme.textMuted
            font.pointSize: Theme.smallPointSize
            text: qsTr("%1 tokens · %2 tokens/s · first token after %3 s")
                .arg(delegate.tokens)
                .arg(Number(delegate.tokensPerSecond).toLocaleString(Qt.locale(), "f", 1))
                .arg(Number(delegate.firstTokenMs / 1000).toLocaleString(Qt.locale(), "f", 2))
        }
    }
}
