import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One setting of a form: its label and description, the control its kind calls for, a reset
// button, and the error when a value is refused.
ColumnLayout {
    id: setting
    required property var form
    required property string key
    required property string label
    required property string description
    required property string kind
    required property var value
    required property var minimum
    required property var maximum
    required property real step
    required property var choices
    required property bool isDefault
    // The text of the reset button ("Reset to default" or "Use the global setting").
    property string resetText: qsTr("Reset to default")

    function save(newValue) {
        error.text = form.setValue(key, newValue)
    }

    spacing: Theme.spacingSmall
    width: ListView.view ? ListView.view.width : implicitWidth

    RowLayout {
        Layout.fillWidth: true
        Label {
            Layout.fillWidth: true
            text: setting.label
            // Explicit, so Latin labels follow the layout direction in right-to-left languages.
            horizontalAlignment: Text.AlignLeft
            font.bold: true
            color: Theme.text
        }
        FlatButton {
            objectName: "reset_" + setting.key
            visible: !setting.isDefault
            text: setting.resetText
            toolTipText: setting.resetText
            Accessible.name: qsTr("%1: %2").arg(setting.label).arg(setting.resetText)
            onClicked: {
                error.text = ""
                setting.form.resetValue(setting.key)
            }
        }
    }
    Label {
        Layout.fillWidth: true
        visible: text.length > 0
        text: setting.description
        horizontalAlignment: Text.AlignLeft
        wrapMode: Text.Wrap
        color: Theme.textMuted
        font.pointSize: Theme.smallPointSize
    }

    RowLayout {
        visible: setting.kind === "number" || setting.kind === "integer"
        Layout.fillWidth: true
        Slider {
            id: slider
            visible: setting.kind === "number"
            Layout.fillWidth: true
            from: Number(setting.minimum)
            to: Number(setting.maximum)
            stepSize: setting.step
            value: Number(setting.value)
            Accessible.name: setting.label
            onMoved: numberField.text = value.toFixed(2)
            onPressedChanged: if (!pressed) setting.save(value)
        }
        TextField {
            id: numberField
            objectName: "field_" + setting.key
            Layout.preferredWidth: setting.kind === "number" ? 90 : 160
            text: setting.kind === "number" ? Number(setting.value).toFixed(2) : String(setting.value)
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            color: Theme.text
            Accessible.name: setting.label
            onEditingFinished: setting.save(setting.kind === "number" ? Number(text) : text)
        }
    }

    ComboBox {
        id: combo
        objectName: "combo_" + setting.key
        visible: setting.kind === "choice"
        Layout.fillWidth: true
        model: setting.choices
        textRole: "label"
        valueRole: "value"
        // From the choices themselves: indexOfValue() is not ready while the model is being set.
        currentIndex: setting.kind === "choice" ? setting.choices.findIndex(c => c.value === setting.value) : -1
        Accessible.name: setting.label
        onActivated: setting.save(currentValue)
    }

    ColumnLayout {
        visible: setting.kind === "text"
        Layout.fillWidth: true
        TextArea {
            id: textArea
            objectName: "text_" + setting.key
            Layout.fillWidth: true
            Layout.minimumHeight: 80
            text: setting.kind === "text" ? String(setting.value) : ""
            wrapMode: TextArea.Wrap
            color: Theme.text
            Accessible.name: setting.label
        }
        Button {
            objectName: "save_" + setting.key
            Layout.alignment: Qt.AlignRight
            text: qsTr("Save")
            enabled: textArea.text !== String(setting.value)
            Accessible.name: qsTr("Save %1").arg(setting.label)
            onClicked: setting.save(textArea.text)
        }
    }

    Label {
        id: error
        objectName: "error_" + setting.key
        visible: text.length > 0
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.error
    }
}
