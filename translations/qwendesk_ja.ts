<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>ChatPage</name>
    <message>
        <source>Loading the model</source>
        <translation>モデルを読み込んでいます</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Ask anything. Everything stays on this computer.</source>
        <translation>何でも聞いてください。すべてこのコンピューター内にとどまります。</translation>
    </message>
    <message>
        <source>Type your first message while the model loads.</source>
        <translation>モデルの読み込み中に最初のメッセージを入力できます。</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code block, %1</source>
        <translation>コードブロック、%1</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>コードブロック</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>コードをコピー</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attached document %1</source>
        <translation>添付ドキュメント %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n token(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n トークン</numerusform>
        </translation>
    </message>
    <message>
        <source>Summarizing part %1 of %2</source>
        <translation>%2 部分中 %1 部分目を要約しています</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>要約</translation>
    </message>
    <message>
        <source>Summarize the whole document</source>
        <translation>ドキュメント全体を要約</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop summarizing</source>
        <translation>要約を中止</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the document</source>
        <translation>ドキュメントを削除</translation>
    </message>
    <message>
        <source>Message QwenDesk…</source>
        <translation>QwenDesk にメッセージ…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter で送信、Shift+Enter で改行</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻訳</translation>
    </message>
    <message>
        <source>Translate the text into another language</source>
        <translation>テキストを別の言語に翻訳</translation>
    </message>
    <message>
        <source>Proofread</source>
        <translation>校正</translation>
    </message>
    <message>
        <source>Correct spelling and grammar</source>
        <translation>つづりと文法を修正</translation>
    </message>
    <message>
        <source>Rewrite</source>
        <translation>書き直し</translation>
    </message>
    <message>
        <source>Rewrite in another style</source>
        <translation>別のスタイルで書き直す</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>フォーマル</translation>
    </message>
    <message>
        <source>Casual</source>
        <translation>カジュアル</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>短く</translation>
    </message>
    <message>
        <source>Summarize the text</source>
        <translation>テキストを要約</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 トークン</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n トークン</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>返信を停止</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>メッセージを送信</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>%1, pinned</source>
        <translation>%1、ピン留め</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>会話のタイトル</translation>
    </message>
    <message>
        <source>More actions for %1</source>
        <translation>%1 のその他の操作</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>その他の操作</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>ピン留めを解除</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>ピン留め</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Markdown としてエクスポート…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>JSON としてエクスポート…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
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
        <translation>「%1」を削除しました。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>削除を元に戻す</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>会話をエクスポート</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON ファイル (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown ファイル (*.md)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>モデルを開く</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF モデル (*.gguf)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>アシスタント</translation>
    </message>
    <message numerus="yes">
        <source>%n older message(s) were left out so the conversation fits the context.</source>
        <translation>
            <numerusform>会話をコンテキストに収めるため、古いメッセージ %n 件を省きました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>考え中…</translation>
    </message>
    <message>
        <source>The reply failed: %1</source>
        <translation>返信に失敗しました: %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>停止しました。</translation>
    </message>
    <message>
        <source>Interrupted when QwenDesk closed.</source>
        <translation>QwenDesk の終了により中断されました。</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>メッセージを編集</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Send the edited message</source>
        <translation>編集したメッセージを送信</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>前のバージョン</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>次のバージョン</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the message</source>
        <translation>メッセージをコピー</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Edit and send again as a new branch</source>
        <translation>編集して新しい分岐として再送信</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>再生成</translation>
    </message>
    <message>
        <source>Write another reply</source>
        <translation>別の返信を書く</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete this message and what follows it</source>
        <translation>このメッセージとそれ以降を削除</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s · first token after %3 s</source>
        <translation>%1 トークン · %2 トークン/秒 · 最初のトークンまで %3 秒</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Summarize the following text. Keep the main points, names and numbers, and write the summary in the language of the text.</source>
        <translation>次のテキストを要約してください。要点、名前、数値を残し、要約はテキストと同じ言語で書いてください。</translation>
    </message>
    <message>
        <source>The following are summaries of consecutive parts of one document. Combine them into a single summary of the whole document, keeping the main points in order.</source>
        <translation>以下は一つのドキュメントの連続する部分の要約です。要点の順序を保ったまま、ドキュメント全体の一つの要約にまとめてください。</translation>
    </message>
    <message>
        <source>Translate the following text into %1. Reply with the translation only.</source>
        <translation>次のテキストを%1に翻訳してください。翻訳文だけを返してください。</translation>
    </message>
    <message>
        <source>Proofread the following text. Correct spelling, grammar and punctuation without changing its meaning or style, and reply with the corrected text only.</source>
        <translation>次のテキストを校正してください。意味や文体を変えずに、つづり、文法、句読点を修正し、修正後のテキストだけを返してください。</translation>
    </message>
    <message>
        <source>Rewrite the following text in a formal tone. Reply with the rewritten text only.</source>
        <translation>次のテキストをフォーマルな口調で書き直してください。書き直したテキストだけを返してください。</translation>
    </message>
    <message>
        <source>Rewrite the following text in a casual, friendly tone. Reply with the rewritten text only.</source>
        <translation>次のテキストをくだけた親しみやすい口調で書き直してください。書き直したテキストだけを返してください。</translation>
    </message>
    <message>
        <source>Rewrite the following text to be shorter, keeping its meaning. Reply with the rewritten text only.</source>
        <translation>意味を保ったまま、次のテキストを短く書き直してください。書き直したテキストだけを返してください。</translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <source>Reset to default</source>
        <translation>デフォルトに戻す</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>%1 を保存</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Reset to default</source>
        <translation>デフォルトに戻す</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>This conversation</source>
        <translation>この会話</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Close the settings</source>
        <translation>設定を閉じる</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>モデル: %1 (%2)</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>モデルが読み込まれていません</translation>
    </message>
    <message>
        <source>Load again</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Load the model again with these settings</source>
        <translation>この設定でモデルを再読み込み</translation>
    </message>
    <message>
        <source>Change model…</source>
        <translation>モデルを変更…</translation>
    </message>
    <message>
        <source>Restart QwenDesk to see the new language.</source>
        <translation>新しい言語を表示するには QwenDesk を再起動してください。</translation>
    </message>
    <message>
        <source>Use the global setting</source>
        <translation>全体の設定を使う</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>会話を検索</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>メッセージを書く</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>メッセージを送信</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>メッセージ内で改行</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>返信を停止</translation>
    </message>
    <message>
        <source>Regenerate the last reply</source>
        <translation>最後の返信を再生成</translation>
    </message>
    <message>
        <source>Rename the conversation</source>
        <translation>会話の名前を変更</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>会話をエクスポート</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>モデルを開く</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conversations</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>会話を検索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>見つかりませんでした</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>設定 (Ctrl+,)</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>キーボードショートカット (F1)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>ようこそ</translation>
    </message>
    <message>
        <source>Welcome to QwenDesk</source>
        <translation>QwenDesk へようこそ</translation>
    </message>
    <message>
        <source>Chat with Qwen2.5 on your own computer. Nothing you write leaves it. First, get the model: download it once, or open a copy you already have.</source>
        <translation>お使いのコンピューターで Qwen2.5 とチャットできます。書いた内容が外部に出ることはありません。まずモデルを用意してください。一度ダウンロードするか、お持ちのコピーを開きます。</translation>
    </message>
    <message>
        <source>Download Qwen2.5-1.5B-Instruct</source>
        <translation>Qwen2.5-1.5B-Instruct をダウンロード</translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1 (推奨)</translation>
    </message>
    <message>
        <source>%1 · download %2 · needs about %3 of memory</source>
        <translation>%1 · ダウンロード %2 · 必要メモリ約 %3</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Download the chosen model</source>
        <translation>選んだモデルをダウンロード</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Pause the download</source>
        <translation>ダウンロードを一時停止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Resume the download</source>
        <translation>ダウンロードを再開</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>ダウンロードをキャンセル</translation>
    </message>
    <message>
        <source>Downloaded. Loading the model…</source>
        <translation>ダウンロード完了。モデルを読み込んでいます…</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>ダウンロードの進行状況</translation>
    </message>
    <message>
        <source>The download stopped: %1</source>
        <translation>ダウンロードが停止しました: %1</translation>
    </message>
    <message>
        <source>Or open a model you already have</source>
        <translation>または、お持ちのモデルを開く</translation>
    </message>
    <message>
        <source>Drop a .gguf file or a Hugging Face model folder here</source>
        <translation>.gguf ファイルか Hugging Face のモデルフォルダーをここにドロップ</translation>
    </message>
    <message>
        <source>Open a .gguf file…</source>
        <translation>.gguf ファイルを開く…</translation>
    </message>
    <message>
        <source>Open a model folder…</source>
        <translation>モデルフォルダーを開く…</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>モデルを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>モデルを読み込んでいます</translation>
    </message>
    <message>
        <source>Go to the chat</source>
        <translation>チャットへ</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>モデルを開く</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF モデル (*.gguf)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Hugging Face のモデルフォルダーを開く</translation>
    </message>
</context>
<context>
    <name>qd::app::ChatController</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation>この会話ではすでに返信を生成中です。停止するか、完了するまでお待ちください。</translation>
    </message>
</context>
<context>
    <name>qd::app::EngineClient</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation>この会話ではすでに返信を生成中です。停止するか、完了するまでお待ちください。</translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationListModel</name>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>ピン留め</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>それ以前</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationSettingsModel</name>
    <message>
        <source>Start a conversation first.</source>
        <translation>先に会話を始めてください。</translation>
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
        <translation>モデルファイルを開いています…</translation>
    </message>
    <message>
        <source>Preparing the weights…</source>
        <translation>重みを準備しています…</translation>
    </message>
    <message>
        <source>Setting up the context…</source>
        <translation>コンテキストを準備しています…</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>読み込みはキャンセルされました。</translation>
    </message>
</context>
<context>
    <name>qd::ui::Session</name>
    <message>
        <source>Summarize the document “%1”.</source>
        <translation>ドキュメント「%1」を要約してください。</translation>
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
        <translation>繰り返しペナルティ</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>最大生成トークン数</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>コンテキスト長</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量子化</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>スレッド数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>システムプロンプト</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>フォントサイズ</translation>
    </message>
    <message>
        <source>Higher is more varied; 0 always picks the likeliest word.</source>
        <translation>高いほど多様になります。0 では常に最も確率の高い語を選びます。</translation>
    </message>
    <message>
        <source>Choose among this many likeliest tokens; 0 keeps all.</source>
        <translation>確率の高い上位この数のトークンから選びます。0 ではすべて残します。</translation>
    </message>
    <message>
        <source>Choose among the likeliest tokens that add up to this probability.</source>
        <translation>確率の合計がこの値に達するまでの上位トークンから選びます。</translation>
    </message>
    <message>
        <source>Leave out tokens less likely than this share of the likeliest one.</source>
        <translation>最も確率の高いトークンに対してこの割合より確率の低いトークンを除きます。</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating the same words.</source>
        <translation>1 より大きいと同じ語の繰り返しを抑えます。</translation>
    </message>
    <message>
        <source>The longest reply, in tokens.</source>
        <translation>返信の最大の長さ (トークン数)。</translation>
    </message>
    <message>
        <source>How much of the conversation the model sees, in tokens. Applies when the model is loaded again.</source>
        <translation>モデルが参照する会話の長さ (トークン数)。モデルの再読み込み後に適用されます。</translation>
    </message>
    <message>
        <source>Smaller levels need less memory and run faster, a little less accurately. Applies when the model is loaded again.</source>
        <translation>小さいレベルほどメモリが少なく高速ですが、精度はやや下がります。モデルの再読み込み後に適用されます。</translation>
    </message>
    <message>
        <source>Processor threads for the model; 0 picks a good number.</source>
        <translation>モデルが使うプロセッサのスレッド数。0 で適切な数を自動で選びます。</translation>
    </message>
    <message>
        <source>The same seed gives the same reply; -1 picks a new one every time.</source>
        <translation>同じシードでは同じ返信になります。-1 では毎回新しいシードを選びます。</translation>
    </message>
    <message>
        <source>Instructions the model gets before every conversation.</source>
        <translation>各会話の前にモデルに与える指示。</translation>
    </message>
    <message>
        <source>Light, dark, or the same as your desktop.</source>
        <translation>ライト、ダーク、またはデスクトップと同じ。</translation>
    </message>
    <message>
        <source>Applies after QwenDesk is restarted.</source>
        <translation>QwenDesk の再起動後に適用されます。</translation>
    </message>
    <message>
        <source>Text size of the chat, in points.</source>
        <translation>チャットの文字サイズ (ポイント)。</translation>
    </message>
    <message>
        <source>%1: please enter a value in the allowed range.</source>
        <translation>%1: 許容範囲内の値を入力してください。</translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingsModel</name>
    <message>
        <source>As stored in the file</source>
        <translation>ファイルに保存されたまま</translation>
    </message>
    <message>
        <source>%1 (%2 of memory)</source>
        <translation>%1 (メモリ %2)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
</context>
<context>
    <name>qd::ui::WritingTools</name>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>簡体字中国語</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韓国語</translation>
    </message>
    <message>
        <source>German</source>
        <translation>ドイツ語</translation>
    </message>
    <message>
        <source>French</source>
        <translation>フランス語</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>スペイン語</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>ロシア語</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>アラビア語</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>貼り付けたテキスト</translation>
    </message>
    <message>
        <source>Only text files (.txt, .md) can be attached.</source>
        <translation>添付できるのはテキストファイル (.txt、.md) だけです。</translation>
    </message>
    <message>
        <source>%1 is too large; attach a text of at most 8 MB.</source>
        <translation>%1 は大きすぎます。8 MB 以下のテキストを添付してください。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 を読み込めませんでした: %2</translation>
    </message>
</context>
</TS>
