import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One conversation in the sidebar: click to open, F2 or double-click to rename in place, and a
// menu to pin, export or delete.
ItemDelegate {
    id: row
    required property int index
    required property var conversationId
    required property string title
    required property bool pinned
    property bool selected: false

    signal activated()
    signal renamed(string title)
    signal deleteClicked()
    signal pinClicked()
    signal exportClicked(string format)

    function beginRename() {
        renameField.text = title
        renameField.visible = true
        renameField.forceActiveFocus()
        renameField.selectAll()
    }

    width: ListView.view ? ListView.view.width : implicitWidth
    highlighted: selected
    Accessible.role: Accessible.ListItem
    Accessible.name: pinned ? qsTr("%1, pinned").arg(title) : title
    background: Rectangle {
        color: row.selected ? Theme.selection : row.hovered ? Theme.surfaceAlt : "transparent"
        radius: Theme.radius
        FocusFrame { shown: row.visualFocus || (row.ListView.isCurrentItem && row.ListView.view.activeFocus) }
    }

    contentItem: RowLayout {
        Label {
            visible: !renameField.visible
            Layout.fillWidth: true
            text: row.title
            horizontalAlignment: Text.AlignLeft
            elide: Text.ElideRight
            color: Theme.text
        }
        TextField {
            id: renameField
            objectName: "renameField"
            visible: false
            Layout.fillWidth: true
            Accessible.name: qsTr("Conversation title")
            onAccepted: {
                visible = false
                row.renamed(text)
            }
            onActiveFocusChanged: if (!activeFocus) visible = false
            Keys.onEscapePressed: visible = false
        }
        FlatButton {
            objectName: "conversationMenuButton"
            text: "⋯"
            Accessible.name: qsTr("More actions for %1").arg(row.title)
            toolTipText: qsTr("More actions")
            onClicked: menu.open()
            Menu {
                id: menu
                MenuItem { text: qsTr("Rename"); onTriggered: row.beginRename() }
                MenuItem { text: row.pinned ? qsTr("Unpin") : qsTr("Pin"); onTriggered: row.pinClicked() }
                MenuItem { text: qsTr("Export as Markdown…"); onTriggered: row.exportClicked("markdown") }
                MenuItem { text: qsTr("Export as JSON…"); onTriggered: row.exportClicked("json") }
                MenuItem { text: qsTr("Delete"); onTriggered: row.deleteClicked() }
            }
        }
    }

    onClicked: activated()
    onDoubleClicked: beginRename()
    Keys.onReturnPressed: activated()
    Keys.onPressed: event => {
        if (event.key === Qt.Key_F2) { beginRename(); event.accepted = true }
        else if (event.key === Qt.Key_Delete) { deleteClicked(); event.accepted = true }
    }
}
