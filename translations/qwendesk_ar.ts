<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ChatPage</name>
    <message>
        <source>Loading the model</source>
        <translation>جارٍ تحميل النموذج</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>Ask anything. Everything stays on this computer.</source>
        <translation>اسأل عن أي شيء. يبقى كل شيء على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Type your first message while the model loads.</source>
        <translation>اكتب رسالتك الأولى أثناء تحميل النموذج.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code block, %1</source>
        <translation>كتلة برمجية، %1</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>كتلة برمجية</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>تم النسخ</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>نسخ الشيفرة</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>الشيفرة</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attached document %1</source>
        <translation>المستند المرفق %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n token(s)</source>
        <translation>
            <numerusform>%1 · %2 · لا رموز</numerusform>
            <numerusform>%1 · %2 · رمز واحد</numerusform>
            <numerusform>%1 · %2 · رمزان</numerusform>
            <numerusform>%1 · %2 · %n رموز</numerusform>
            <numerusform>%1 · %2 · %n رمزًا</numerusform>
            <numerusform>%1 · %2 · %n رمز</numerusform>
        </translation>
    </message>
    <message>
        <source>Summarizing part %1 of %2</source>
        <translation>جارٍ تلخيص الجزء %1 من %2</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>تلخيص</translation>
    </message>
    <message>
        <source>Summarize the whole document</source>
        <translation>تلخيص المستند كله</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stop summarizing</source>
        <translation>إيقاف التلخيص</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Remove the document</source>
        <translation>إزالة المستند</translation>
    </message>
    <message>
        <source>Message QwenDesk…</source>
        <translation>راسل QwenDesk…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter للإرسال، وShift+Enter لسطر جديد</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>ترجمة</translation>
    </message>
    <message>
        <source>Translate the text into another language</source>
        <translation>ترجمة النص إلى لغة أخرى</translation>
    </message>
    <message>
        <source>Proofread</source>
        <translation>تدقيق</translation>
    </message>
    <message>
        <source>Correct spelling and grammar</source>
        <translation>تصحيح الإملاء والنحو</translation>
    </message>
    <message>
        <source>Rewrite</source>
        <translation>إعادة صياغة</translation>
    </message>
    <message>
        <source>Rewrite in another style</source>
        <translation>إعادة الصياغة بأسلوب آخر</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>رسمي</translation>
    </message>
    <message>
        <source>Casual</source>
        <translation>غير رسمي</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>أقصر</translation>
    </message>
    <message>
        <source>Summarize the text</source>
        <translation>تلخيص النص</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 رمز</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>لا رموز</numerusform>
            <numerusform>رمز واحد</numerusform>
            <numerusform>رمزان</numerusform>
            <numerusform>%n رموز</numerusform>
            <numerusform>%n رمزًا</numerusform>
            <numerusform>%n رمز</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>إيقاف الرد</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>إرسال الرسالة</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>%1, pinned</source>
        <translation>%1، مثبّتة</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>عنوان المحادثة</translation>
    </message>
    <message>
        <source>More actions for %1</source>
        <translation>إجراءات أخرى لـ %1</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>إجراءات أخرى</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>إعادة تسمية</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>إلغاء التثبيت</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>تثبيت</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>تصدير بصيغة Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>تصدير بصيغة JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
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
        <translation>حُذفت «%1».</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>التراجع عن الحذف</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>تصدير المحادثة</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>ملفات JSON (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>ملفات Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>حسنًا</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>فتح نموذج</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>نماذج GGUF (*.gguf)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>المساعد</translation>
    </message>
    <message numerus="yes">
        <source>%n older message(s) were left out so the conversation fits the context.</source>
        <translation>
            <numerusform>لم تُحذف أي رسالة قديمة.</numerusform>
            <numerusform>أُسقطت رسالة قديمة واحدة لتتسع المحادثة في السياق.</numerusform>
            <numerusform>أُسقطت رسالتان قديمتان لتتسع المحادثة في السياق.</numerusform>
            <numerusform>أُسقطت %n رسائل قديمة لتتسع المحادثة في السياق.</numerusform>
            <numerusform>أُسقطت %n رسالة قديمة لتتسع المحادثة في السياق.</numerusform>
            <numerusform>أُسقطت %n رسالة قديمة لتتسع المحادثة في السياق.</numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>يفكّر…</translation>
    </message>
    <message>
        <source>The reply failed: %1</source>
        <translation>فشل الرد: %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>توقّف.</translation>
    </message>
    <message>
        <source>Interrupted when QwenDesk closed.</source>
        <translation>انقطع عند إغلاق QwenDesk.</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>تعديل الرسالة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Send the edited message</source>
        <translation>إرسال الرسالة المعدّلة</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>النسخة السابقة</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>النسخة التالية</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copy the message</source>
        <translation>نسخ الرسالة</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <source>Edit and send again as a new branch</source>
        <translation>التعديل وإعادة الإرسال كفرع جديد</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>إعادة التوليد</translation>
    </message>
    <message>
        <source>Write another reply</source>
        <translation>كتابة رد آخر</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Delete this message and what follows it</source>
        <translation>حذف هذه الرسالة وما يليها</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s · first token after %3 s</source>
        <translation>%1 رمز · %2 رمز/ث · أول رمز بعد %3 ث</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Summarize the following text. Keep the main points, names and numbers, and write the summary in the language of the text.</source>
        <translation>لخّص النص التالي. احتفظ بالنقاط الرئيسية والأسماء والأرقام، واكتب الملخص بلغة النص.</translation>
    </message>
    <message>
        <source>The following are summaries of consecutive parts of one document. Combine them into a single summary of the whole document, keeping the main points in order.</source>
        <translation>فيما يلي ملخصات لأجزاء متتالية من مستند واحد. ادمجها في ملخص واحد للمستند كله مع الحفاظ على ترتيب النقاط الرئيسية.</translation>
    </message>
    <message>
        <source>Translate the following text into %1. Reply with the translation only.</source>
        <translation>ترجم النص التالي إلى %1. أجب بالترجمة فقط.</translation>
    </message>
    <message>
        <source>Proofread the following text. Correct spelling, grammar and punctuation without changing its meaning or style, and reply with the corrected text only.</source>
        <translation>دقّق النص التالي. صحّح الإملاء والنحو وعلامات الترقيم دون تغيير معناه أو أسلوبه، وأجب بالنص المصحح فقط.</translation>
    </message>
    <message>
        <source>Rewrite the following text in a formal tone. Reply with the rewritten text only.</source>
        <translation>أعد صياغة النص التالي بنبرة رسمية. أجب بالنص المعاد صياغته فقط.</translation>
    </message>
    <message>
        <source>Rewrite the following text in a casual, friendly tone. Reply with the rewritten text only.</source>
        <translation>أعد صياغة النص التالي بنبرة ودية غير رسمية. أجب بالنص المعاد صياغته فقط.</translation>
    </message>
    <message>
        <source>Rewrite the following text to be shorter, keeping its meaning. Reply with the rewritten text only.</source>
        <translation>أعد صياغة النص التالي ليكون أقصر مع الحفاظ على معناه. أجب بالنص المعاد صياغته فقط.</translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <source>Reset to default</source>
        <translation>استعادة الافتراضي</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>حفظ %1</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Reset to default</source>
        <translation>استعادة الافتراضي</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>General</source>
        <translation>عام</translation>
    </message>
    <message>
        <source>This conversation</source>
        <translation>هذه المحادثة</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Close the settings</source>
        <translation>إغلاق الإعدادات</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>النموذج: %1 (%2)</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>لا يوجد نموذج محمّل</translation>
    </message>
    <message>
        <source>Load again</source>
        <translation>إعادة التحميل</translation>
    </message>
    <message>
        <source>Load the model again with these settings</source>
        <translation>إعادة تحميل النموذج بهذه الإعدادات</translation>
    </message>
    <message>
        <source>Change model…</source>
        <translation>تغيير النموذج…</translation>
    </message>
    <message>
        <source>Restart QwenDesk to see the new language.</source>
        <translation>أعد تشغيل QwenDesk لرؤية اللغة الجديدة.</translation>
    </message>
    <message>
        <source>Use the global setting</source>
        <translation>استخدام الإعداد العام</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>البحث في المحادثات</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>كتابة رسالة</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>إرسال الرسالة</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>سطر جديد في الرسالة</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>إيقاف الرد</translation>
    </message>
    <message>
        <source>Regenerate the last reply</source>
        <translation>إعادة توليد الرد الأخير</translation>
    </message>
    <message>
        <source>Rename the conversation</source>
        <translation>إعادة تسمية المحادثة</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>تصدير المحادثة</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>فتح نموذج</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>البحث في المحادثات</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>لم يُعثر على شيء</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>الإعدادات (Ctrl+,)</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>الاختصارات</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>اختصارات لوحة المفاتيح (F1)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>مرحبًا</translation>
    </message>
    <message>
        <source>Welcome to QwenDesk</source>
        <translation>مرحبًا بك في QwenDesk</translation>
    </message>
    <message>
        <source>Chat with Qwen2.5 on your own computer. Nothing you write leaves it. First, get the model: download it once, or open a copy you already have.</source>
        <translation>تحدّث مع Qwen2.5 على حاسوبك الخاص، فلا يغادره شيء مما تكتبه. أولًا، احصل على النموذج: نزّله مرة واحدة، أو افتح نسخة لديك.</translation>
    </message>
    <message>
        <source>Download Qwen2.5-1.5B-Instruct</source>
        <translation>تنزيل Qwen2.5-1.5B-Instruct</translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1 (موصى به)</translation>
    </message>
    <message>
        <source>%1 · download %2 · needs about %3 of memory</source>
        <translation>%1 · التنزيل %2 · يحتاج نحو %3 من الذاكرة</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>تنزيل</translation>
    </message>
    <message>
        <source>Download the chosen model</source>
        <translation>تنزيل النموذج المختار</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <source>Pause the download</source>
        <translation>إيقاف التنزيل مؤقتًا</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <source>Resume the download</source>
        <translation>استئناف التنزيل</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>إلغاء التنزيل</translation>
    </message>
    <message>
        <source>Downloaded. Loading the model…</source>
        <translation>اكتمل التنزيل. جارٍ تحميل النموذج…</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>تقدّم التنزيل</translation>
    </message>
    <message>
        <source>The download stopped: %1</source>
        <translation>توقف التنزيل: %1</translation>
    </message>
    <message>
        <source>Or open a model you already have</source>
        <translation>أو افتح نموذجًا لديك</translation>
    </message>
    <message>
        <source>Drop a .gguf file or a Hugging Face model folder here</source>
        <translation>أفلت هنا ملف .gguf أو مجلد نموذج من Hugging Face</translation>
    </message>
    <message>
        <source>Open a .gguf file…</source>
        <translation>فتح ملف .gguf…</translation>
    </message>
    <message>
        <source>Open a model folder…</source>
        <translation>فتح مجلد نموذج…</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>تعذّر تحميل النموذج: %1</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>جارٍ تحميل النموذج</translation>
    </message>
    <message>
        <source>Go to the chat</source>
        <translation>الانتقال إلى المحادثة</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>فتح نموذج</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>نماذج GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>فتح مجلد نموذج من Hugging Face</translation>
    </message>
</context>
<context>
    <name>qd::app::ChatController</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation>يجري توليد رد في هذه المحادثة بالفعل؛ أوقفه أو انتظر حتى ينتهي.</translation>
    </message>
</context>
<context>
    <name>qd::app::EngineClient</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation>يجري توليد رد في هذه المحادثة بالفعل؛ أوقفه أو انتظر حتى ينتهي.</translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationListModel</name>
    <message>
        <source>New chat</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>المثبّتة</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>أمس</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>آخر 7 أيام</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>أقدم</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>تعذّرت كتابة %1: %2</translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationSettingsModel</name>
    <message>
        <source>Start a conversation first.</source>
        <translation>ابدأ محادثة أولًا.</translation>
    </message>
</context>
<context>
    <name>qd::ui::DownloadManager</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/ث</translation>
    </message>
</context>
<context>
    <name>qd::ui::ModelManager</name>
    <message>
        <source>Opening the model file…</source>
        <translation>جارٍ فتح ملف النموذج…</translation>
    </message>
    <message>
        <source>Preparing the weights…</source>
        <translation>جارٍ تجهيز الأوزان…</translation>
    </message>
    <message>
        <source>Setting up the context…</source>
        <translation>جارٍ إعداد السياق…</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>أُلغي التحميل.</translation>
    </message>
</context>
<context>
    <name>qd::ui::Session</name>
    <message>
        <source>Summarize the document “%1”.</source>
        <translation>لخّص المستند «%1».</translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingFormModel</name>
    <message>
        <source>Temperature</source>
        <translation>درجة الحرارة</translation>
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
        <translation>عقوبة التكرار</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>أقصى عدد من الرموز الجديدة</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>طول السياق</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>التكميم</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>الخيوط</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>موجّه النظام</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>السمة</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>حجم الخط</translation>
    </message>
    <message>
        <source>Higher is more varied; 0 always picks the likeliest word.</source>
        <translation>القيمة الأعلى أكثر تنوعًا؛ و0 تختار دائمًا الكلمة الأرجح.</translation>
    </message>
    <message>
        <source>Choose among this many likeliest tokens; 0 keeps all.</source>
        <translation>الاختيار من بين هذا العدد من الرموز الأرجح؛ و0 يُبقي الكل.</translation>
    </message>
    <message>
        <source>Choose among the likeliest tokens that add up to this probability.</source>
        <translation>الاختيار من بين الرموز الأرجح التي يبلغ مجموع احتمالاتها هذه القيمة.</translation>
    </message>
    <message>
        <source>Leave out tokens less likely than this share of the likeliest one.</source>
        <translation>استبعاد الرموز الأقل احتمالًا من هذه النسبة من الرمز الأرجح.</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating the same words.</source>
        <translation>القيمة الأكبر من 1 تقلّل تكرار الكلمات نفسها.</translation>
    </message>
    <message>
        <source>The longest reply, in tokens.</source>
        <translation>أطول رد، بالرموز.</translation>
    </message>
    <message>
        <source>How much of the conversation the model sees, in tokens. Applies when the model is loaded again.</source>
        <translation>مقدار ما يراه النموذج من المحادثة، بالرموز. يُطبَّق عند إعادة تحميل النموذج.</translation>
    </message>
    <message>
        <source>Smaller levels need less memory and run faster, a little less accurately. Applies when the model is loaded again.</source>
        <translation>المستويات الأصغر تحتاج ذاكرة أقل وتعمل أسرع، بدقة أقل قليلًا. يُطبَّق عند إعادة تحميل النموذج.</translation>
    </message>
    <message>
        <source>Processor threads for the model; 0 picks a good number.</source>
        <translation>خيوط المعالج للنموذج؛ و0 يختار عددًا مناسبًا.</translation>
    </message>
    <message>
        <source>The same seed gives the same reply; -1 picks a new one every time.</source>
        <translation>البذرة نفسها تعطي الرد نفسه؛ و‎-1 تختار بذرة جديدة في كل مرة.</translation>
    </message>
    <message>
        <source>Instructions the model gets before every conversation.</source>
        <translation>تعليمات يتلقاها النموذج قبل كل محادثة.</translation>
    </message>
    <message>
        <source>Light, dark, or the same as your desktop.</source>
        <translation>فاتحة أو داكنة أو مثل سطح المكتب.</translation>
    </message>
    <message>
        <source>Applies after QwenDesk is restarted.</source>
        <translation>يُطبَّق بعد إعادة تشغيل QwenDesk.</translation>
    </message>
    <message>
        <source>Text size of the chat, in points.</source>
        <translation>حجم نص المحادثة، بالنقاط.</translation>
    </message>
    <message>
        <source>%1: please enter a value in the allowed range.</source>
        <translation>%1: يُرجى إدخال قيمة ضمن النطاق المسموح.</translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingsModel</name>
    <message>
        <source>As stored in the file</source>
        <translation>كما هو مخزَّن في الملف</translation>
    </message>
    <message>
        <source>%1 (%2 of memory)</source>
        <translation>%1 (%2 من الذاكرة)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتحة</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكنة</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>اتباع النظام</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
</context>
<context>
    <name>qd::ui::WritingTools</name>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>الصينية المبسطة</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>اليابانية</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>الكورية</translation>
    </message>
    <message>
        <source>German</source>
        <translation>الألمانية</translation>
    </message>
    <message>
        <source>French</source>
        <translation>الفرنسية</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>الإسبانية</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>الروسية</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>نص ملصوق</translation>
    </message>
    <message>
        <source>Only text files (.txt, .md) can be attached.</source>
        <translation>لا يمكن إرفاق سوى الملفات النصية (.txt و‎.md).</translation>
    </message>
    <message>
        <source>%1 is too large; attach a text of at most 8 MB.</source>
        <translation>%1 كبير جدًا؛ أرفق نصًا لا يتجاوز 8 ميغابايت.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>تعذّرت قراءة %1: %2</translation>
    </message>
</context>
</TS>
