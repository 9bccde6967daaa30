<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>ChatPage</name>
    <message>
        <source>Loading the model</source>
        <translation>Загрузка модели</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>Ask anything. Everything stays on this computer.</source>
        <translation>Спрашивайте о чём угодно. Всё остаётся на этом компьютере.</translation>
    </message>
    <message>
        <source>Type your first message while the model loads.</source>
        <translation>Напишите первое сообщение, пока загружается модель.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code block, %1</source>
        <translation>Блок кода, %1</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>Блок кода</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>Копировать код</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attached document %1</source>
        <translation>Вложенный документ %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n token(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n токен</numerusform>
            <numerusform>%1 · %2 · %n токена</numerusform>
            <numerusform>%1 · %2 · %n токенов</numerusform>
        </translation>
    </message>
    <message>
        <source>Summarizing part %1 of %2</source>
        <translation>Краткое изложение части %1 из %2</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>Изложить кратко</translation>
    </message>
    <message>
        <source>Summarize the whole document</source>
        <translation>Кратко изложить весь документ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop summarizing</source>
        <translation>Остановить изложение</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Remove the document</source>
        <translation>Убрать документ</translation>
    </message>
    <message>
        <source>Message QwenDesk…</source>
        <translation>Сообщение для QwenDesk…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter — отправить, Shift+Enter — новая строка</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>Перевести</translation>
    </message>
    <message>
        <source>Translate the text into another language</source>
        <translation>Перевести текст на другой язык</translation>
    </message>
    <message>
        <source>Proofread</source>
        <translation>Вычитать</translation>
    </message>
    <message>
        <source>Correct spelling and grammar</source>
        <translation>Исправить орфографию и грамматику</translation>
    </message>
    <message>
        <source>Rewrite</source>
        <translation>Переписать</translation>
    </message>
    <message>
        <source>Rewrite in another style</source>
        <translation>Переписать в другом стиле</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>Официально</translation>
    </message>
    <message>
        <source>Casual</source>
        <translation>Непринуждённо</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>Короче</translation>
    </message>
    <message>
        <source>Summarize the text</source>
        <translation>Кратко изложить текст</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 токенов</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n токен</numerusform>
            <numerusform>%n токена</numerusform>
            <numerusform>%n токенов</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>Остановить ответ</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Отправить сообщение</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>%1, pinned</source>
        <translation>%1, закреплён</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>Название разговора</translation>
    </message>
    <message>
        <source>More actions for %1</source>
        <translation>Другие действия для «%1»</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Другие действия</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Открепить</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Закрепить</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Экспорт в Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Экспорт в JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
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
        <translation>«%1» удалён.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>Отменить удаление</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Экспортировать разговор</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файлы JSON (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Файлы Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Не удалось экспортировать</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>Открыть модель</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Модели GGUF (*.gguf)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Вы</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Ассистент</translation>
    </message>
    <message numerus="yes">
        <source>%n older message(s) were left out so the conversation fits the context.</source>
        <translation>
            <numerusform>%n старое сообщение пропущено, чтобы разговор поместился в контекст.</numerusform>
            <numerusform>%n старых сообщения пропущено, чтобы разговор поместился в контекст.</numerusform>
            <numerusform>%n старых сообщений пропущено, чтобы разговор поместился в контекст.</numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Думаю…</translation>
    </message>
    <message>
        <source>The reply failed: %1</source>
        <translation>Не удалось получить ответ: %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Остановлено.</translation>
    </message>
    <message>
        <source>Interrupted when QwenDesk closed.</source>
        <translation>Прервано при закрытии QwenDesk.</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Изменить сообщение</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Send the edited message</source>
        <translation>Отправить изменённое сообщение</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Предыдущая версия</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Следующая версия</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the message</source>
        <translation>Копировать сообщение</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Edit and send again as a new branch</source>
        <translation>Изменить и отправить заново как новую ветку</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Создать заново</translation>
    </message>
    <message>
        <source>Write another reply</source>
        <translation>Написать другой ответ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete this message and what follows it</source>
        <translation>Удалить это сообщение и всё, что после него</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s · first token after %3 s</source>
        <translation>Токенов: %1 · %2 токенов/с · первый токен через %3 с</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Summarize the following text. Keep the main points, names and numbers, and write the summary in the language of the text.</source>
        <translation>Кратко изложи следующий текст. Сохрани главные мысли, имена и числа и напиши изложение на языке текста.</translation>
    </message>
    <message>
        <source>The following are summaries of consecutive parts of one document. Combine them into a single summary of the whole document, keeping the main points in order.</source>
        <translation>Ниже приведены краткие изложения последовательных частей одного документа. Объедини их в одно изложение всего документа, сохранив порядок главных мыслей.</translation>
    </message>
    <message>
        <source>Translate the following text into %1. Reply with the translation only.</source>
        <translation>Переведи следующий текст на язык: %1. В ответе дай только перевод.</translation>
    </message>
    <message>
        <source>Proofread the following text. Correct spelling, grammar and punctuation without changing its meaning or style, and reply with the corrected text only.</source>
        <translation>Вычитай следующий текст. Исправь орфографию, грамматику и пунктуацию, не меняя смысла и стиля, и в ответе дай только исправленный текст.</translation>
    </message>
    <message>
        <source>Rewrite the following text in a formal tone. Reply with the rewritten text only.</source>
        <translation>Перепиши следующий текст в официальном тоне. В ответе дай только переписанный текст.</translation>
    </message>
    <message>
        <source>Rewrite the following text in a casual, friendly tone. Reply with the rewritten text only.</source>
        <translation>Перепиши следующий текст в непринуждённом, дружелюбном тоне. В ответе дай только переписанный текст.</translation>
    </message>
    <message>
        <source>Rewrite the following text to be shorter, keeping its meaning. Reply with the rewritten text only.</source>
        <translation>Перепиши следующий текст короче, сохранив смысл. В ответе дай только переписанный текст.</translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <source>Reset to default</source>
        <translation>Вернуть значение по умолчанию</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Сохранить: %1</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Reset to default</source>
        <translation>Вернуть значение по умолчанию</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>This conversation</source>
        <translation>Этот разговор</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close the settings</source>
        <translation>Закрыть настройки</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>Модель: %1 (%2)</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Модель не загружена</translation>
    </message>
    <message>
        <source>Load again</source>
        <translation>Загрузить заново</translation>
    </message>
    <message>
        <source>Load the model again with these settings</source>
        <translation>Загрузить модель заново с этими настройками</translation>
    </message>
    <message>
        <source>Change model…</source>
        <translation>Сменить модель…</translation>
    </message>
    <message>
        <source>Restart QwenDesk to see the new language.</source>
        <translation>Перезапустите QwenDesk, чтобы увидеть новый язык.</translation>
    </message>
    <message>
        <source>Use the global setting</source>
        <translation>Использовать общую настройку</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Поиск по разговорам</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>Написать сообщение</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Отправить сообщение</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Новая строка в сообщении</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>Остановить ответ</translation>
    </message>
    <message>
        <source>Regenerate the last reply</source>
        <translation>Создать последний ответ заново</translation>
    </message>
    <message>
        <source>Rename the conversation</source>
        <translation>Переименовать разговор</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Экспортировать разговор</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>Открыть модель</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conversations</source>
        <translation>Разговоры</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Поиск по разговорам</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Настройки (Ctrl+,)</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Сочетания клавиш (F1)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Добро пожаловать</translation>
    </message>
    <message>
        <source>Welcome to QwenDesk</source>
        <translation>Добро пожаловать в QwenDesk</translation>
    </message>
    <message>
        <source>Chat with Qwen2.5 on your own computer. Nothing you write leaves it. First, get the model: download it once, or open a copy you already have.</source>
        <translation>Общайтесь с Qwen2.5 на своём компьютере. Ничто из написанного вами его не покидает. Сначала получите модель: скачайте её один раз или откройте уже имеющуюся копию.</translation>
    </message>
    <message>
        <source>Download Qwen2.5-1.5B-Instruct</source>
        <translation>Скачать Qwen2.5-1.5B-Instruct</translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1 (рекомендуется)</translation>
    </message>
    <message>
        <source>%1 · download %2 · needs about %3 of memory</source>
        <translation>%1 · загрузка %2 · нужно около %3 памяти</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Скачать</translation>
    </message>
    <message>
        <source>Download the chosen model</source>
        <translation>Скачать выбранную модель</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Pause the download</source>
        <translation>Приостановить загрузку</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Resume the download</source>
        <translation>Продолжить загрузку</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Отменить загрузку</translation>
    </message>
    <message>
        <source>Downloaded. Loading the model…</source>
        <translation>Скачано. Загрузка модели…</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Ход загрузки</translation>
    </message>
    <message>
        <source>The download stopped: %1</source>
        <translation>Загрузка остановилась: %1</translation>
    </message>
    <message>
        <source>Or open a model you already have</source>
        <translation>Или откройте уже имеющуюся модель</translation>
    </message>
    <message>
        <source>Drop a .gguf file or a Hugging Face model folder here</source>
        <translation>Перетащите сюда файл .gguf или папку модели Hugging Face</translation>
    </message>
    <message>
        <source>Open a .gguf file…</source>
        <translation>Открыть файл .gguf…</translation>
    </message>
    <message>
        <source>Open a model folder…</source>
        <translation>Открыть папку модели…</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>Не удалось загрузить модель: %1</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>Загрузка модели</translation>
    </message>
    <message>
        <source>Go to the chat</source>
        <translation>Перейти к чату</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>Открыть модель</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Модели GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Открыть папку модели Hugging Face</translation>
    </message>
</context>
<context>
    <name>qd::app::ChatController</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation>В этом разговоре уже создаётся ответ; остановите его или дождитесь завершения.</translation>
    </message>
</context>
<context>
    <name>qd::app::EngineClient</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation>В этом разговоре уже создаётся ответ; остановите его или дождитесь завершения.</translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationListModel</name>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Закреплённые</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Ранее</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationSettingsModel</name>
    <message>
        <source>Start a conversation first.</source>
        <translation>Сначала начните разговор.</translation>
    </message>
</context>
<context>
    <name>qd::ui::DownloadManager</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/с</translation>
    </message>
</context>
<context>
    <name>qd::ui::ModelManager</name>
    <message>
        <source>Opening the model file…</source>
        <translation>Открытие файла модели…</translation>
    </message>
    <message>
        <source>Preparing the weights…</source>
        <translation>Подготовка весов…</translation>
    </message>
    <message>
        <source>Setting up the context…</source>
        <translation>Подготовка контекста…</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Загрузка отменена.</translation>
    </message>
</context>
<context>
    <name>qd::ui::Session</name>
    <message>
        <source>Summarize the document “%1”.</source>
        <translation>Кратко изложи документ «%1».</translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingFormModel</name>
    <message>
        <source>Temperature</source>
        <translation>Температура</translation>
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
        <translation>Штраф за повторы</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>Макс. новых токенов</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Длина контекста</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Квантование</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Потоки</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Зерно</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Системный промпт</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Размер шрифта</translation>
    </message>
    <message>
        <source>Higher is more varied; 0 always picks the likeliest word.</source>
        <translation>Чем выше, тем разнообразнее; при 0 всегда выбирается самое вероятное слово.</translation>
    </message>
    <message>
        <source>Choose among this many likeliest tokens; 0 keeps all.</source>
        <translation>Выбирать из стольких самых вероятных токенов; 0 — оставить все.</translation>
    </message>
    <message>
        <source>Choose among the likeliest tokens that add up to this probability.</source>
        <translation>Выбирать из самых вероятных токенов, которые в сумме дают эту вероятность.</translation>
    </message>
    <message>
        <source>Leave out tokens less likely than this share of the likeliest one.</source>
        <translation>Отбрасывать токены, вероятность которых меньше этой доли от самого вероятного.</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating the same words.</source>
        <translation>Значение больше 1 снижает повторение одних и тех же слов.</translation>
    </message>
    <message>
        <source>The longest reply, in tokens.</source>
        <translation>Самый длинный ответ, в токенах.</translation>
    </message>
    <message>
        <source>How much of the conversation the model sees, in tokens. Applies when the model is loaded again.</source>
        <translation>Какую часть разговора видит модель, в токенах. Применяется при повторной загрузке модели.</translation>
    </message>
    <message>
        <source>Smaller levels need less memory and run faster, a little less accurately. Applies when the model is loaded again.</source>
        <translation>Меньшие уровни требуют меньше памяти и работают быстрее, но чуть менее точно. Применяется при повторной загрузке модели.</translation>
    </message>
    <message>
        <source>Processor threads for the model; 0 picks a good number.</source>
        <translation>Потоки процессора для модели; 0 — подобрать подходящее число.</translation>
    </message>
    <message>
        <source>The same seed gives the same reply; -1 picks a new one every time.</source>
        <translation>Одно и то же зерно даёт один и тот же ответ; -1 — каждый раз новое.</translation>
    </message>
    <message>
        <source>Instructions the model gets before every conversation.</source>
        <translation>Указания, которые модель получает перед каждым разговором.</translation>
    </message>
    <message>
        <source>Light, dark, or the same as your desktop.</source>
        <translation>Светлая, тёмная или как на рабочем столе.</translation>
    </message>
    <message>
        <source>Applies after QwenDesk is restarted.</source>
        <translation>Применяется после перезапуска QwenDesk.</translation>
    </message>
    <message>
        <source>Text size of the chat, in points.</source>
        <translation>Размер текста в чате, в пунктах.</translation>
    </message>
    <message>
        <source>%1: please enter a value in the allowed range.</source>
        <translation>%1: введите значение в допустимом диапазоне.</translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingsModel</name>
    <message>
        <source>As stored in the file</source>
        <translation>Как в файле</translation>
    </message>
    <message>
        <source>%1 (%2 of memory)</source>
        <translation>%1 (%2 памяти)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
</context>
<context>
    <name>qd::ui::WritingTools</name>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>Китайский (упрощённый)</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Японский</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Корейский</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Немецкий</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Французский</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Испанский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Арабский</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>Вставленный текст</translation>
    </message>
    <message>
        <source>Only text files (.txt, .md) can be attached.</source>
        <translation>Прикрепить можно только текстовые файлы (.txt, .md).</translation>
    </message>
    <message>
        <source>%1 is too large; attach a text of at most 8 MB.</source>
        <translation>Файл %1 слишком большой; прикрепите текст не больше 8 МБ.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
</context>
</TS>
