pragma Singleton
import QtQuick

// Every colour, spacing and type size the views use, for the light and the dark look.
QtObject {
    // Set by Main.qml from the theme setting and the desktop's colour scheme.
    property bool dark: false
    // The chat's text size in points, from the font size setting.
    property int fontPointSize: 11

    readonly property color window: dark ? "#1b1d21" : "#f7f7f8"
    readonly property color surface: dark ? "#24272c" : "#ffffff"
    readonly property color surfaceAlt: dark ? "#2d3137" : "#eef0f3"
    readonly property color sidebar: dark ? "#16181b" : "#eceef1"
    readonly property color selection: dark ? "#2f4a6b" : "#d6e4f5"
    readonly property color text: dark ? "#e8eaed" : "#1d1f23"
    readonly property color textMuted: dark ? "#a3a9b3" : "#5d636e"
    readonly property color border: dark ? "#3a3f46" : "#d5d9df"
    readonly property color accent: dark ? "#6ea8fe" : "#1f63c6"
    readonly property color accentText: dark ? "#0d1b2e" : "#ffffff"
    readonly property color userBubble: dark ? "#2a3f5c" : "#dce9fb"
    readonly property color assistantBubble: surface
    readonly property color codeBackground: dark ? "#121417" : "#f3f4f6"
    readonly property color codeText: dark ? "#e2e6ea" : "#24292f"
    readonly property color error: dark ? "#ff8a80" : "#b3261e"
    readonly property color warning: dark ? "#ffcc80" : "#8a5300"
    readonly property color searchHighlight: dark ? "#6b5b00" : "#fff1a8"
    readonly property color focus: accent

    readonly property int spacingSmall: 4
    readonly property int spacing: 8
    readonly property int spacingLarge: 16
    readonly property int spacingHuge: 32
    readonly property int radius: 8
    readonly property int sidebarWidth: 280
    readonly property int contentMaxWidth: 860

    readonly property real smallPointSize: Math.max(7, fontPointSize - 2)
    readonly property real largePointSize: fontPointSize + 3
    readonly property real titlePointSize: fontPointSize + 11
    readonly property string monoFamily: "monospace"
}
