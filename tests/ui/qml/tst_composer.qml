import QtQuick
import QtTest
import QwenDesk.Ui

TestCase {
    id: testCase
    name: "Composer"
    width: 800
    height: 300
    visible: true
    when: windowShown

    Component {
        id: composerComponent
        Composer {
            width: 700
            contextLength: 4096
            tokenCount: 12
            languages: ["French", "German"]
        }
    }
    SignalSpy { id: sendSpy; signalName: "sendRequested" }
    SignalSpy { id: stopSpy; signalName: "stopRequested" }
    SignalSpy { id: actionSpy; signalName: "actionRequested" }

    function init() {
        sendSpy.clear()
        stopSpy.clear()
        actionSpy.clear()
    }

    function test_enterSendsAndShiftEnterBreaksTheLine() {
        const composer = createTemporaryObject(composerComponent, testCase)
        sendSpy.target = composer
        composer.focusInput()
        verify(composer.inputItem.activeFocus)
        keyClick(Qt.Key_H)
        keyClick(Qt.Key_I)
        keyClick(Qt.Key_Return, Qt.ShiftModifier)
        keyClick(Qt.Key_Y)
        compare(composer.text, "hi\ny")
        compare(sendSpy.count, 0)
        keyClick(Qt.Key_Return)
        compare(sendSpy.count, 1)
        compare(sendSpy.signalArguments[0][0], "hi\ny")
        compare(composer.text, "")
        keyClick(Qt.Key_Return)
        compare(sendSpy.count, 1, "an empty message is not sent")
    }

    function test_escapeStopsWhileBusy() {
        const composer = createTemporaryObject(composerComponent, testCase, { busy: true })
        stopSpy.target = composer
        sendSpy.target = composer
        composer.focusInput()
        keyClick(Qt.Key_A)
        keyClick(Qt.Key_Return)
        compare(sendSpy.count, 0, "nothing is sent while a reply is generated")
        keyClick(Qt.Key_Escape)
        compare(stopSpy.count, 1)
        mouseClick(findChild(composer, "stopButton"))
        compare(stopSpy.count, 2)
    }

    function test_tokenCountAgainstContext() {
        const composer = createTemporaryObject(composerComponent, testCase)
        compare(findChild(composer, "tokenLabel").text, "12 / 4096 tokens")
    }

    function test_writingActions() {
        const composer = createTemporaryObject(composerComponent, testCase)
        actionSpy.target = composer
        verify(!findChild(composer, "proofreadButton").enabled, "no text, no action")
        composer.text = "teh text"
        mouseClick(findChild(composer, "proofreadButton"))
        compare(actionSpy.count, 1)
        compare(actionSpy.signalArguments[0][0], "proofread")
        compare(actionSpy.signalArguments[0][1], "teh text")
    }

    function test_documentChip() {
        const composer = createTemporaryObject(composerComponent, testCase,
            { hasDocument: true, documentName: "notes.txt", documentSize: "12 kB", documentTokens: 3000 })
        const chip = findChild(composer, "documentChip")
        verify(chip.visible)
        verify(findChild(composer, "summarizeDocumentButton").visible)
        composer.summarizing = true
        composer.summaryChunks = 4
        composer.summaryChunk = 2
        const progress = findChild(composer, "summaryProgress")
        verify(progress.visible)
        compare(progress.value, 2)
    }
}
