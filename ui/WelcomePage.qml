import QtQuick
import QwenDesk.Ui
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs

// First run: download Qwen2.5-1.5B-Instruct from the catalog (pick a quantization, see its
// download size and memory) or open a model already on this computer (file dialog, or drop it).
Page {
    id: page
    required property var session
    readonly property var downloads: session.downloads
    signal chatRequested()

    background: Rectangle { color: Theme.window }
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Welcome")

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth - 2 * Theme.spacingHuge, Theme.contentMaxWidth)
            x: (scroll.availableWidth - width) / 2
            spacing: Theme.spacingLarge

            Item { implicitHeight: Theme.spacingHuge }

            Label {
                text: qsTr("Welcome to QwenDesk")
                font.pointSize: Theme.titlePointSize
                font.bold: true
                color: Theme.text
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.textMuted
                text: qsTr("Chat with Qwen2.5 on your own computer. Nothing you write leaves it. First, get the model: download it once, or open a copy you already have.")
            }

            Label {
                text: qsTr("Download Qwen2.5-1.5B-Instruct")
                font.pointSize: Theme.largePointSize
                font.bold: true
                color: Theme.text
            }

            ButtonGroup { id: choice }
            Repeater {
                model: page.downloads.catalog
                delegate: RadioDelegate {
                    id: entry
                    // The catalog's roles include "id", which cannot be a property name.
                    required property var model
                    readonly property string title: model.title
                    readonly property bool recommended: model.recommended
                    Layout.fillWidth: true
                    ButtonGroup.group: choice
                    checked: recommended
                    enabled: page.downloads.state !== DownloadManager.Running && page.downloads.state !== DownloadManager.Paused
                    text: title
                    Accessible.name: detail.text
                    // The indicator is filled with palette.base, which is also the row's colour:
                    // a darker fill sets it apart in both themes.
                    palette.base: Theme.codeBackground
                    background: Rectangle { color: entry.down ? Theme.surfaceAlt : Theme.surface }
                    contentItem: ColumnLayout {
                        Label {
                            Layout.fillWidth: true
                            text: entry.recommended ? qsTr("%1 (recommended)").arg(entry.title) : entry.title
                            color: Theme.text
                            elide: Text.ElideRight
                            // A RadioDelegate's indicator sits at the trailing edge.
                            leftPadding: entry.mirrored ? entry.indicator.width + Theme.spacing : 0
                            rightPadding: entry.mirrored ? 0 : entry.indicator.width + Theme.spacing
                            LayoutMirroring.enabled: false
                        }
                        Label {
                            id: detail
                            Layout.fillWidth: true
                            // A RadioDelegate's indicator sits at the trailing edge.
                            leftPadding: entry.mirrored ? entry.indicator.width + Theme.spacing : 0
                            rightPadding: entry.mirrored ? 0 : entry.indicator.width + Theme.spacing
                            text: qsTr("%1 · download %2 · needs about %3 of memory")
                                .arg(entry.model.quantization)
                                .arg(page.downloads.formatBytes(entry.model.downloadBytes))
                                .arg(page.downloads.formatBytes(entry.model.ramBytes))
                            color: Theme.textMuted
                            font.pointSize: Theme.smallPointSize
                            wrapMode: Text.Wrap
                        }
                    }
                    readonly property string catalogId: model.id
                }
            }

            RowLayout {
                Layout.fillWidth: true
                Button {
                    objectName: "downloadButton"
                    visible: page.downloads.state === DownloadManager.Idle || page.downloads.state === DownloadManager.Done
                    text: qsTr("Download")
                    highlighted: true
                    enabled: choice.checkedButton !== null
                    Accessible.name: qsTr("Download the chosen model")
                    onClicked: page.downloads.start(choice.checkedButton.catalogId)
                }
                Button {
                    visible: page.downloads.state === DownloadManager.Running
                    text: qsTr("Pause")
                    Accessible.name: qsTr("Pause the download")
                    onClicked: page.downloads.pause()
                }
                Button {
                    visible: page.downloads.state === DownloadManager.Paused || page.downloads.state === DownloadManager.Failed
                    text: qsTr("Resume")
                    Accessible.name: qsTr("Resume the download")
                    onClicked: page.downloads.resume()
                }
                Button {
                    visible: page.downloads.state === DownloadManager.Running || page.downloads.state === DownloadManager.Paused
                             || page.downloads.state === DownloadManager.Failed
                    text: qsTr("Cancel")
                    Accessible.name: qsTr("Cancel the download")
                    onClicked: page.downloads.cancel()
                }
                Label {
                    Layout.fillWidth: true
                    visible: page.downloads.state !== DownloadManager.Idle
                    text: page.downloads.state === DownloadManager.Done ? qsTr("Downloaded. Loading the model…")
                                                                         : page.downloads.progressText
                    color: Theme.textMuted
                    elide: Text.ElideRight
                }
            }
            ProgressBar {
                objectName: "downloadProgress"
                Layout.fillWidth: true
                visible: page.downloads.state === DownloadManager.Running || page.downloads.state === DownloadManager.Paused
                value: page.downloads.fraction
                Accessible.name: qsTr("Download progress")
            }
            Label {
                objectName: "downloadError"
                Layout.fillWidth: true
                visible: page.downloads.state === DownloadManager.Failed
                wrapMode: Text.Wrap
                color: Theme.error
                text: qsTr("The download stopped: %1").arg(page.downloads.error)
            }

            Label {
                text: qsTr("Or open a model you already have")
                font.pointSize: Theme.largePointSize
                font.bold: true
                color: Theme.text
            }
            Rectangle {
                id: dropZone
                Layout.fillWidth: true
                implicitHeight: dropColumn.implicitHeight + 2 * Theme.spacingLarge
                radius: Theme.radius
                color: drop.containsDrag ? Theme.selection : Theme.surface
                border.color: Theme.border
                border.width: 1
                ColumnLayout {
                    id: dropColumn
                    anchors.centerIn: parent
                    width: parent.width - 2 * Theme.spacingLarge
                    spacing: Theme.spacing
                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        color: Theme.textMuted
                        text: qsTr("Drop a .gguf file or a Hugging Face model folder here")
                    }
                    RowLayout {
                        Layout.alignment: Qt.AlignHCenter
                        Button {
                            objectName: "openFileButton"
                            text: qsTr("Open a .gguf file…")
                            Accessible.name: text
                            onClicked: fileDialog.open()
                        }
                        Button {
                            text: qsTr("Open a model folder…")
                            Accessible.name: text
                            onClicked: folderDialog.open()
                        }
                    }
                }
                DropArea {
                    id: drop
                    anchors.fill: parent
                    keys: ["text/uri-list"]
                    onDropped: event => {
                        if (event.urls.length > 0 && page.session.models.looksLikeModel(event.urls[0]))
                            page.session.models.load(event.urls[0])
                    }
                }
            }

            Label {
                objectName: "modelError"
                Layout.fillWidth: true
                visible: page.session.models.state === ModelManager.Failed
                wrapMode: Text.Wrap
                color: Theme.error
                text: qsTr("The model could not be loaded: %1").arg(page.session.models.error)
            }
            RowLayout {
                visible: page.session.models.state === ModelManager.Loading
                Layout.fillWidth: true
                Label { text: page.session.models.stageText; color: Theme.text }
                ProgressBar {
                    Layout.fillWidth: true
                    value: page.session.models.progress
                    Accessible.name: qsTr("Loading the model")
                }
            }
            Button {
                visible: page.session.models.state !== ModelManager.NoModel
                text: qsTr("Go to the chat")
                Accessible.name: text
                onClicked: page.chatRequested()
            }
            Item { implicitHeight: Theme.spacingHuge }
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Open a model")
        nameFilters: [qsTr("GGUF models (*.gguf)")]
        onAccepted: page.session.models.load(selectedFile)
    }
    FolderDialog {
        id: folderDialog
        title: qsTr("Open a Hugging Face model folder")
        onAccepted: page.session.models.load(selectedFolder)
    }
}
