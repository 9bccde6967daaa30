import QtQuick
import QwenDesk.Ui
import QtQuick.Controls
import QtQuick.Layouts

// Settings: the model in use, the global settings, and this conversation's own sampling
// settings and system prompt.
Page {
    id: page
    required property var session
    signal closeRequested()
    signal changeModelRequested()

    background: Rectangle { color: Theme.window }
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Settings")

    header: ToolBar {
        background: Rectangle { color: Theme.window }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacingLarge
            Label {
                Layout.fillWidth: true
                text: qsTr("Settings")
                font.pointSize: Theme.largePointSize
                font.bold: true
                color: Theme.text
            }
            TabBar {
                id: tabs
                TabButton { text: qsTr("General"); width: implicitWidth; Accessible.name: text }
                TabButton {
                    text: qsTr("This conversation")
                    width: implicitWidth
                    enabled: page.session.chat.conversationId !== 0
                    Accessible.name: text
                }
            }
            Button {
                objectName: "closeSettingsButton"
                text: qsTr("Close")
                Accessible.name: qsTr("Close the settings")
                onClicked: page.closeRequested()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingLarge
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.contentMaxWidth
            visible: tabs.currentIndex === 0
            Label {
                Layout.fillWidth: true
                elide: Text.ElideMiddle
                color: Theme.text
                text: page.session.models.state === ModelManager.Ready
                      ? qsTr("Model: %1 (%2)").arg(page.session.models.modelName).arg(page.session.models.quantization)
                      : qsTr("No model loaded")
            }
            Button {
                text: qsTr("Load again")
                enabled: page.session.models.state === ModelManager.Ready
                Accessible.name: qsTr("Load the model again with these settings")
                onClicked: page.session.models.reload()
            }
            Button {
                objectName: "changeModelButton"
                text: qsTr("Change model…")
                Accessible.name: text
                onClicked: page.changeModelRequested()
            }
        }

        Label {
            id: restartNote
            visible: needed
            property bool needed: false
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.warning
            text: qsTr("Restart QwenDesk to see the new language.")
            Connections {
                target: page.session.settings
                function onLanguageChanged() { restartNote.needed = true }
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumWidth: Theme.contentMaxWidth
            currentIndex: tabs.currentIndex
            SettingsForm {
                objectName: "globalSettings"
                model: page.session.settings
            }
            SettingsForm {
                objectName: "conversationSettings"
                model: page.session.conversationSettings
                resetText: qsTr("Use the global setting")
            }
        }
    }
}
