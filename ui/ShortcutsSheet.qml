import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The keyboard shortcuts, listed (F1).
Dialog {
    id: sheet
    title: qsTr("Keyboard shortcuts")
    modal: true
    // Our own button rather than a standard one, so its text is translated with the rest.
    footer: DialogButtonBox {
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: text
        }
    }
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.spacingHuge : 480, 520)

    readonly property var shortcuts: [
        { keys: "Ctrl+N", action: qsTr("New chat") },
        { keys: "Ctrl+F", action: qsTr("Search conversations") },
        { keys: "Ctrl+L", action: qsTr("Write a message") },
        { keys: "Enter", action: qsTr("Send the message") },
        { keys: "Shift+Enter", action: qsTr("New line in the message") },
        { keys: "Esc", action: qsTr("Stop the reply") },
        { keys: "Ctrl+R", action: qsTr("Regenerate the last reply") },
        { keys: "F2", action: qsTr("Rename the conversation") },
        { keys: "Ctrl+Shift+E", action: qsTr("Export the conversation") },
        { keys: "Ctrl+,", action: qsTr("Settings") },
        { keys: "Ctrl+O", action: qsTr("Open a model") },
        { keys: "F1", action: qsTr("Keyboard shortcuts") },
        { keys: "Ctrl+Q", action: qsTr("Quit") }
    ]

    GridLayout {
        width: parent.width
        columns: 2
        columnSpacing: Theme.spacingLarge
        rowSpacing: Theme.spacingSmall
        Repeater {
            model: sheet.shortcuts
            delegate: Label {
                required property var modelData
                required property int index
                text: modelData.keys
                font.family: Theme.monoFamily
                font.bold: true
                color: Theme.text
                Layout.row: index
                Layout.column: 0
            }
        }
        Repeater {
            model: sheet.shortcuts
            delegate: Label {
                required property var modelData
                required property int index
                text: modelData.action
                color: Theme.text
                Layout.fillWidth: true
                Layout.row: index
                Layout.column: 1
            }
        }
    }
}
