import QtQuick
import QtTest
import QwenDesk.Ui

TestCase {
    id: testCase
    name: "SettingsForm"
    width: 700
    height: 2400
    visible: true
    when: windowShown

    Component {
        id: formComponent
        SettingsForm {
            width: 680
            height: 2380
            model: testSession.settings
        }
    }

    function rowFor(form, key) {
        for (let i = 0; i < form.count; ++i) {
            const item = form.itemAtIndex(i)
            if (item && item.key === key)
                return item
        }
        return null
    }

    function test_everySettingHasAControl() {
        const form = createTemporaryObject(formComponent, testCase)
        waitForRendering(form)
        compare(form.count, 14)
        for (const key of ["temperature", "top_k", "top_p", "min_p", "repetition_penalty", "max_new_tokens",
                           "context_length", "quantization", "threads", "seed", "default_system_prompt",
                           "theme", "language", "font_size"])
            verify(rowFor(form, key), key)
    }

    function test_numberIsSavedValidatedAndReset() {
        const form = createTemporaryObject(formComponent, testCase)
        waitForRendering(form)
        const row = rowFor(form, "top_k")
        const field = findChild(row, "field_top_k")
        field.forceActiveFocus()
        field.selectAll()
        keyClick(Qt.Key_5)
        keyClick(Qt.Key_Return)
        compare(testSession.settings.value("top_k"), 5)
        verify(findChild(row, "reset_top_k").visible)

        field.selectAll()
        for (const key of [Qt.Key_9, Qt.Key_9, Qt.Key_9, Qt.Key_9])
            keyClick(key)
        keyClick(Qt.Key_Return)
        verify(findChild(row, "error_top_k").visible, "out of range is refused with a message")
        compare(testSession.settings.value("top_k"), 5)

        mouseClick(findChild(row, "reset_top_k"))
        compare(testSession.settings.value("top_k"), 20)
        verify(!findChild(row, "error_top_k").visible)
    }

    function test_choiceAndSystemPrompt() {
        const form = createTemporaryObject(formComponent, testCase)
        waitForRendering(form)
        const theme = findChild(rowFor(form, "theme"), "combo_theme")
        compare(theme.currentValue, "system")
        theme.currentIndex = theme.indexOfValue("dark")
        theme.activated(theme.currentIndex)
        compare(testSession.settings.theme, "dark")

        const prompt = rowFor(form, "default_system_prompt")
        const area = findChild(prompt, "text_default_system_prompt")
        area.text = "Be brief."
        mouseClick(findChild(prompt, "save_default_system_prompt"))
        compare(testSession.settings.value("default_system_prompt"), "Be brief.")
        mouseClick(findChild(prompt, "reset_default_system_prompt"))
        verify(String(testSession.settings.value("default_system_prompt")).indexOf("You are Qwen") === 0)
    }
}
