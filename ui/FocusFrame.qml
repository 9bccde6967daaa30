import QtQuick

// The visible keyboard-focus ring drawn around a control's background.
Rectangle {
    property bool shown: false
    anchors.fill: parent
    anchors.margins: -2
    radius: Theme.radius
    color: "transparent"
    border.width: 2
    border.color: Theme.focus
    visible: shown
}
