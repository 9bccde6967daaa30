import QtQuick
import QtTest
import QwenDesk.Ui

TestCase {
    id: testCase
    name: "MessageDelegate"
    width: 800
    height: 600
    visible: true
    when: windowShown

    Component {
        id: reply
        MessageDelegate {
            width: 800
            index: 1
            messageId: 42
            role: "assistant"
            text: "Hello\n\n```python\nprint(1)\n```"
            blocks: ListModel {
                ListElement { kind: "text"; text: "Hello"; html: "<p>Hello <b>world</b></p>"; language: "" }
                ListElement { kind: "code"; text: "print(1)"; html: ""; language: "python" }
            }
            status: "complete"
            errorText: ""
            siblingIndex: 2
            siblingCount: 3
            tokens: 12
            tokensPerSecond: 20.5
            firstTokenMs: 150
            droppedTurns: 1
        }
    }
    Component {
        id: question
        MessageDelegate {
            width: 800
            index: 0
            messageId: 41
            role: "user"
            text: "What is the capital of France?"
            blocks: ListModel {
                ListElement {
                    kind: "text"; text: "What is the capital of France?"
                    html: "<p>What is the capital of France?</p>"; language: ""
                }
            }
            status: "complete"
            errorText: ""
            siblingIndex: 1
            siblingCount: 1
            tokens: 0
            tokensPerSecond: 0
            firstTokenMs: 0
            droppedTurns: 0
        }
    }
    ListModel { id: noBlocks }
    SignalSpy { id: copySpy; signalName: "copyRequested" }
    SignalSpy { id: siblingSpy; signalName: "siblingRequested" }
    SignalSpy { id: regenerateSpy; signalName: "regenerateRequested" }
    SignalSpy { id: editSpy; signalName: "editRequested" }
    SignalSpy { id: deleteSpy; signalName: "deleteRequested" }

    function test_replyShowsBlocksStatisticsAndPaging() {
        const item = createTemporaryObject(reply, testCase)
        verify(item)
        waitForRendering(item)
        verify(findChild(item, "markdownText"), "a Markdown block")
        const sibling = findChild(item, "siblingLabel")
        compare(sibling.text, "2/3")
        verify(findChild(item, "statsLabel").visible)
        verify(findChild(item, "statsLabel").text.indexOf("12") >= 0)
        verify(!findChild(item, "editButton").visible, "replies are not edited")

        copySpy.target = item
        siblingSpy.target = item
        regenerateSpy.target = item
        mouseClick(findChild(item, "copyCodeButton"))
        compare(copySpy.count, 1)
        compare(copySpy.signalArguments[0][0], "print(1)")
        mouseClick(findChild(item, "previousButton"))
        compare(siblingSpy.count, 1)
        compare(siblingSpy.signalArguments[0][1], -1)
        mouseClick(findChild(item, "nextButton"))
        compare(siblingSpy.signalArguments[1][1], 1)
        mouseClick(findChild(item, "regenerateButton"))
        compare(regenerateSpy.count, 1)
        compare(regenerateSpy.signalArguments[0][0], 42)
    }

    function test_busyDisablesBranchChanges() {
        const item = createTemporaryObject(reply, testCase, { busy: true })
        verify(!findChild(item, "regenerateButton").enabled)
        verify(!findChild(item, "deleteButton").enabled)
        verify(findChild(item, "copyButton").enabled)
    }

    function test_editAndResend() {
        const item = createTemporaryObject(question, testCase)
        editSpy.target = item
        deleteSpy.target = item
        mouseClick(findChild(item, "editButton"))
        verify(item.editing)
        const area = findChild(item, "editArea")
        compare(area.text, "What is the capital of France?")
        verify(area.activeFocus)
        area.selectAll()
        keyClick(Qt.Key_Delete)
        keyClick(Qt.Key_H)
        keyClick(Qt.Key_I)
        mouseClick(findChild(item, "resendButton"))
        compare(editSpy.count, 1)
        compare(editSpy.signalArguments[0][0], 41)
        compare(editSpy.signalArguments[0][1], "hi")
        verify(!item.editing)
        mouseClick(findChild(item, "deleteButton"))
        compare(deleteSpy.count, 1)
    }

    function test_streamingHidesActions() {
        const item = createTemporaryObject(reply, testCase, { status: "streaming", text: "", blocks: noBlocks })
        verify(!findChild(item, "copyButton").visible)
        verify(!findChild(item, "statsLabel").visible)
    }
}
