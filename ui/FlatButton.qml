import QtQuick
import QtQuick.Controls

// A small text button for message and composer actions, with a tooltip and a focus ring.
ToolButton {
    id: control
    property string toolTipText: ""
    font.pointSize: Theme.smallPointSize
    palette.buttonText: Theme.textMuted
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.description: toolTipText
    ToolTip.visible: hovered && toolTipText.length > 0
    ToolTip.text: toolTipText
    ToolTip.delay: 600
    FocusFrame { shown: control.visualFocus }
}
