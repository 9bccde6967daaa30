import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A form of settings from a SettingFormModel: one SettingRow per setting.
ListView {
    id: formView
    property string resetText: qsTr("Reset to default")
    clip: true
    spacing: Theme.spacingLarge
    boundsBehavior: Flickable.StopAtBounds
    activeFocusOnTab: false
    ScrollBar.vertical: ScrollBar { }
    delegate: SettingRow {
        form: formView.model
        resetText: formView.resetText
    }
}
