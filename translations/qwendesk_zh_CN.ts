<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChatPage</name>
    <message>
        <source>Loading the model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Ask anything. Everything stays on this computer.</source>
        <translation>尽管提问。所有内容都只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Type your first message while the model loads.</source>
        <translation>模型加载期间即可输入第一条消息。</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code block, %1</source>
        <translation>代码块，%1</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>代码块</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attached document %1</source>
        <translation>已附加文档 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n token(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n 个词元</numerusform>
        </translation>
    </message>
    <message>
        <source>Summarizing part %1 of %2</source>
        <translation>正在总结第 %1 部分，共 %2 部分</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>Summarize the whole document</source>
        <translation>总结整个文档</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop summarizing</source>
        <translation>停止总结</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the document</source>
        <translation>移除文档</translation>
    </message>
    <message>
        <source>Message QwenDesk…</source>
        <translation>给 QwenDesk 发消息…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Translate the text into another language</source>
        <translation>将文本翻译成其他语言</translation>
    </message>
    <message>
        <source>Proofread</source>
        <translation>校对</translation>
    </message>
    <message>
        <source>Correct spelling and grammar</source>
        <translation>纠正拼写和语法</translation>
    </message>
    <message>
        <source>Rewrite</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>Rewrite in another style</source>
        <translation>换一种风格改写</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>Casual</source>
        <translation>随意</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>更简短</translation>
    </message>
    <message>
        <source>Summarize the text</source>
        <translation>总结文本</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 词元</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n 个词元</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>停止回复</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>%1, pinned</source>
        <translation>%1，已置顶</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>对话标题</translation>
    </message>
    <message>
        <source>More actions for %1</source>
        <translation>%1 的更多操作</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>置顶</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 – QwenDesk</source>
        <translation>%1 – QwenDesk</translation>
    </message>
    <message>
        <source>QwenDesk</source>
        <translation>QwenDesk</translation>
    </message>
    <message>
        <source>“%1” was deleted.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message numerus="yes">
        <source>%n older message(s) were left out so the conversation fits the context.</source>
        <translation>
            <numerusform>为适应上下文长度，省略了 %n 条较早的消息。</numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>The reply failed: %1</source>
        <translation>回复失败：%1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Interrupted when QwenDesk closed.</source>
        <translation>QwenDesk 关闭时被中断。</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>编辑消息</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the edited message</source>
        <translation>发送编辑后的消息</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the message</source>
        <translation>复制消息</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit and send again as a new branch</source>
        <translation>编辑后作为新分支重新发送</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Write another reply</source>
        <translation>再写一个回复</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this message and what follows it</source>
        <translation>删除此消息及其后的内容</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s · first token after %3 s</source>
        <translation>%1 个词元 · %2 词元/秒 · 首个词元用时 %3 秒</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Summarize the following text. Keep the main points, names and numbers, and write the summary in the language of the text.</source>
        <translation>请总结以下文本。保留要点、名称和数字，并使用原文的语言撰写摘要。</translation>
    </message>
    <message>
        <source>The following are summaries of consecutive parts of one document. Combine them into a single summary of the whole document, keeping the main points in order.</source>
        <translation>以下是同一文档中连续各部分的摘要。请将它们合并为整篇文档的一份摘要，并按顺序保留要点。</translation>
    </message>
    <message>
        <source>Translate the following text into %1. Reply with the translation only.</source>
        <translation>请将以下文本翻译成%1。只回复译文。</translation>
    </message>
    <message>
        <source>Proofread the following text. Correct spelling, grammar and punctuation without changing its meaning or style, and reply with the corrected text only.</source>
        <translation>请校对以下文本。在不改变其含义和风格的前提下纠正拼写、语法和标点，只回复修改后的文本。</translation>
    </message>
    <message>
        <source>Rewrite the following text in a formal tone. Reply with the rewritten text only.</source>
        <translation>请用正式的语气改写以下文本。只回复改写后的文本。</translation>
    </message>
    <message>
        <source>Rewrite the following text in a casual, friendly tone. Reply with the rewritten text only.</source>
        <translation>请用轻松友好的语气改写以下文本。只回复改写后的文本。</translation>
    </message>
    <message>
        <source>Rewrite the following text to be shorter, keeping its meaning. Reply with the rewritten text only.</source>
        <translation>请在保留原意的前提下把以下文本改写得更简短。只回复改写后的文本。</translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <source>Reset to default</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>保存%1</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Reset to default</source>
        <translation>恢复默认值</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>This conversation</source>
        <translation>当前对话</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the settings</source>
        <translation>关闭设置</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>模型：%1（%2）</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>Load again</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Load the model again with these settings</source>
        <translation>使用这些设置重新加载模型</translation>
    </message>
    <message>
        <source>Change model…</source>
        <translation>更换模型…</translation>
    </message>
    <message>
        <source>Restart QwenDesk to see the new language.</source>
        <translation>重新启动 QwenDesk 后即可使用新语言。</translation>
    </message>
    <message>
        <source>Use the global setting</source>
        <translation>使用全局设置</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>输入消息</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>在消息中换行</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>停止回复</translation>
    </message>
    <message>
        <source>Regenerate the last reply</source>
        <translation>重新生成最后的回复</translation>
    </message>
    <message>
        <source>Rename the conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>未找到结果</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>设置 (Ctrl+,)</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>键盘快捷键 (F1)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome to QwenDesk</source>
        <translation>欢迎使用 QwenDesk</translation>
    </message>
    <message>
        <source>Chat with Qwen2.5 on your own computer. Nothing you write leaves it. First, get the model: download it once, or open a copy you already have.</source>
        <translation>在你自己的电脑上与 Qwen2.5 聊天，你写的任何内容都不会离开这台电脑。首先获取模型：下载一次，或打开你已有的副本。</translation>
    </message>
    <message>
        <source>Download Qwen2.5-1.5B-Instruct</source>
        <translation>下载 Qwen2.5-1.5B-Instruct</translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1（推荐）</translation>
    </message>
    <message>
        <source>%1 · download %2 · needs about %3 of memory</source>
        <translation>%1 · 下载 %2 · 约需 %3 内存</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download the chosen model</source>
        <translation>下载所选模型</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause the download</source>
        <translation>暂停下载</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Resume the download</source>
        <translation>继续下载</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>Downloaded. Loading the model…</source>
        <translation>下载完成，正在加载模型…</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <source>The download stopped: %1</source>
        <translation>下载已停止：%1</translation>
    </message>
    <message>
        <source>Or open a model you already have</source>
        <translation>或者打开已有的模型</translation>
    </message>
    <message>
        <source>Drop a .gguf file or a Hugging Face model folder here</source>
        <translation>将 .gguf 文件或 Hugging Face 模型文件夹拖放到这里</translation>
    </message>
    <message>
        <source>Open a .gguf file…</source>
        <translation>打开 .gguf 文件…</translation>
    </message>
    <message>
        <source>Open a model folder…</source>
        <translation>打开模型文件夹…</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>无法加载模型：%1</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <source>Go to the chat</source>
        <translation>前往聊天</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>打开 Hugging Face 模型文件夹</translation>
    </message>
</context>
<context>
    <name>qd::app::ChatController</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation>此对话正在生成回复；请停止它或等待其完成。</translation>
    </message>
</context>
<context>
    <name>qd::app::EngineClient</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation>此对话正在生成回复；请停止它或等待其完成。</translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationListModel</name>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>已置顶</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>过去 7 天</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>更早</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationSettingsModel</name>
    <message>
        <source>Start a conversation first.</source>
        <translation>请先开始一个对话。</translation>
    </message>
</context>
<context>
    <name>qd::ui::DownloadManager</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
</context>
<context>
    <name>qd::ui::ModelManager</name>
    <message>
        <source>Opening the model file…</source>
        <translation>正在打开模型文件…</translation>
    </message>
    <message>
        <source>Preparing the weights…</source>
        <translation>正在准备权重…</translation>
    </message>
    <message>
        <source>Setting up the context…</source>
        <translation>正在设置上下文…</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>加载已取消。</translation>
    </message>
</context>
<context>
    <name>qd::ui::Session</name>
    <message>
        <source>Summarize the document “%1”.</source>
        <translation>总结文档“%1”。</translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingFormModel</name>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>最大新词元数</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字体大小</translation>
    </message>
    <message>
        <source>Higher is more varied; 0 always picks the likeliest word.</source>
        <translation>越高越多样；为 0 时总是选择最可能的词。</translation>
    </message>
    <message>
        <source>Choose among this many likeliest tokens; 0 keeps all.</source>
        <translation>只在这么多个最可能的词元中选择；0 表示全部保留。</translation>
    </message>
    <message>
        <source>Choose among the likeliest tokens that add up to this probability.</source>
        <translation>在累计概率达到该值的最可能词元中选择。</translation>
    </message>
    <message>
        <source>Leave out tokens less likely than this share of the likeliest one.</source>
        <translation>排除概率低于最可能词元该比例的词元。</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating the same words.</source>
        <translation>大于 1 时会抑制重复相同的词语。</translation>
    </message>
    <message>
        <source>The longest reply, in tokens.</source>
        <translation>回复的最大长度（词元数）。</translation>
    </message>
    <message>
        <source>How much of the conversation the model sees, in tokens. Applies when the model is loaded again.</source>
        <translation>模型能看到的对话长度（词元数）。重新加载模型后生效。</translation>
    </message>
    <message>
        <source>Smaller levels need less memory and run faster, a little less accurately. Applies when the model is loaded again.</source>
        <translation>较小的级别占用更少内存、运行更快，但精度略低。重新加载模型后生效。</translation>
    </message>
    <message>
        <source>Processor threads for the model; 0 picks a good number.</source>
        <translation>模型使用的处理器线程数；0 表示自动选择合适的数量。</translation>
    </message>
    <message>
        <source>The same seed gives the same reply; -1 picks a new one every time.</source>
        <translation>相同的种子会得到相同的回复；-1 表示每次随机选择。</translation>
    </message>
    <message>
        <source>Instructions the model gets before every conversation.</source>
        <translation>每次对话前提供给模型的指令。</translation>
    </message>
    <message>
        <source>Light, dark, or the same as your desktop.</source>
        <translation>浅色、深色，或与桌面保持一致。</translation>
    </message>
    <message>
        <source>Applies after QwenDesk is restarted.</source>
        <translation>重新启动 QwenDesk 后生效。</translation>
    </message>
    <message>
        <source>Text size of the chat, in points.</source>
        <translation>聊天文字的大小（磅）。</translation>
    </message>
    <message>
        <source>%1: please enter a value in the allowed range.</source>
        <translation>%1：请输入允许范围内的值。</translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingsModel</name>
    <message>
        <source>As stored in the file</source>
        <translation>与文件中的格式相同</translation>
    </message>
    <message>
        <source>%1 (%2 of memory)</source>
        <translation>%1（%2 内存）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
</context>
<context>
    <name>qd::ui::WritingTools</name>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>粘贴的文本</translation>
    </message>
    <message>
        <source>Only text files (.txt, .md) can be attached.</source>
        <translation>只能附加文本文件（.txt、.md）。</translation>
    </message>
    <message>
        <source>%1 is too large; attach a text of at most 8 MB.</source>
        <translation>%1 太大；请附加不超过 8 MB 的文本。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
</TS>
