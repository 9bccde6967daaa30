<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ChatPage</name>
    <message>
        <source>Loading the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask anything. Everything stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your first message while the model loads.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code block, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attached document %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n token(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Summarizing part %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarize the whole document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop summarizing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message QwenDesk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate the text into another language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proofread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct spelling and grammar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite in another style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarize the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>%1, pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More actions for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 – QwenDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QwenDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n older message(s) were left out so the conversation fits the context.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted when QwenDesk closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the edited message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit and send again as a new branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write another reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this message and what follows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s · first token after %3 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Summarize the following text. Keep the main points, names and numbers, and write the summary in the language of the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The following are summaries of consecutive parts of one document. Combine them into a single summary of the whole document, keeping the main points in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate the following text into %1. Reply with the translation only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proofread the following text. Correct spelling, grammar and punctuation without changing its meaning or style, and reply with the corrected text only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite the following text in a formal tone. Reply with the rewritten text only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite the following text in a casual, friendly tone. Reply with the rewritten text only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite the following text to be shorter, keeping its meaning. Reply with the rewritten text only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <source>Reset to default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Reset to default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the model again with these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart QwenDesk to see the new language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the global setting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate the last reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to QwenDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat with Qwen2.5 on your own computer. Nothing you write leaves it. First, get the model: download it once, or open a copy you already have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download Qwen2.5-1.5B-Instruct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · download %2 · needs about %3 of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the chosen model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded. Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or open a model you already have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a .gguf file or a Hugging Face model folder here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a .gguf file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qd::app::ChatController</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qd::app::EngineClient</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationListModel</name>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationSettingsModel</name>
    <message>
        <source>Start a conversation first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qd::ui::DownloadManager</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qd::ui::ModelManager</name>
    <message>
        <source>Opening the model file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up the context…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qd::ui::Session</name>
    <message>
        <source>Summarize the document “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingFormModel</name>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher is more varied; 0 always picks the likeliest word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose among this many likeliest tokens; 0 keeps all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose among the likeliest tokens that add up to this probability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out tokens less likely than this share of the likeliest one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Above 1 discourages repeating the same words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest reply, in tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the conversation the model sees, in tokens. Applies when the model is loaded again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller levels need less memory and run faster, a little less accurately. Applies when the model is loaded again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor threads for the model; 0 picks a good number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same seed gives the same reply; -1 picks a new one every time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions the model gets before every conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light, dark, or the same as your desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies after QwenDesk is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size of the chat, in points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: please enter a value in the allowed range.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingsModel</name>
    <message>
        <source>As stored in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 of memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qd::ui::WritingTools</name>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only text files (.txt, .md) can be attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large; attach a text of at most 8 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
