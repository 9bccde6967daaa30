import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A fenced code block of a reply: monospace, selectable, with its language and a Copy button.
Rectangle {
    id: block
    required property string code
    required property string language
    signal copyRequested(string text)

    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    color: Theme.codeBackground
    border.color: Theme.border
    radius: Theme.radius
    Accessible.role: Accessible.Grouping
    Accessible.name: language.length > 0 ? qsTr("Code block, %1").arg(language) : qsTr("Code block")

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacingSmall
        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: block.language
                color: Theme.textMuted
                font.pointSize: Theme.smallPointSize
                font.family: Theme.monoFamily
            }
            FlatButton {
                id: copyButton
                objectName: "copyCodeButton"
                text: copied.running ? qsTr("Copied") : qsTr("Copy")
                toolTipText: qsTr("Copy the code")
                onClicked: {
                    block.copyRequested(block.code)
                    copied.restart()
                }
                Timer { id: copied; interval: 1500 }
            }
        }
        TextEdit {
            Layout.fillWidth: true
            text: block.code
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            textFormat: TextEdit.PlainText
            color: Theme.codeText
            selectionColor: Theme.selection
            selectedTextColor: Theme.text
            font.family: Theme.monoFamily
            font.pointSize: Theme.fontPointSize - 1
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Code")
            Accessible.readOnly: true
        }
    }
}
