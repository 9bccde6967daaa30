<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>ChatPage</name>
    <message>
        <source>Loading the model</source>
        <translation>모델을 불러오는 중</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Ask anything. Everything stays on this computer.</source>
        <translation>무엇이든 물어보세요. 모든 내용은 이 컴퓨터에만 남습니다.</translation>
    </message>
    <message>
        <source>Type your first message while the model loads.</source>
        <translation>모델을 불러오는 동안 첫 메시지를 입력할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code block, %1</source>
        <translation>코드 블록, %1</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>코드 블록</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>복사됨</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>코드 복사</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attached document %1</source>
        <translation>첨부한 문서 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n token(s)</source>
        <translation>
            <numerusform>%1 · %2 · 토큰 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Summarizing part %1 of %2</source>
        <translation>%2개 중 %1번째 부분 요약 중</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Summarize the whole document</source>
        <translation>문서 전체 요약</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop summarizing</source>
        <translation>요약 중지</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Remove the document</source>
        <translation>문서 제거</translation>
    </message>
    <message>
        <source>Message QwenDesk…</source>
        <translation>QwenDesk에게 메시지 보내기…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter로 보내기, Shift+Enter로 줄 바꿈</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>번역</translation>
    </message>
    <message>
        <source>Translate the text into another language</source>
        <translation>텍스트를 다른 언어로 번역</translation>
    </message>
    <message>
        <source>Proofread</source>
        <translation>교정</translation>
    </message>
    <message>
        <source>Correct spelling and grammar</source>
        <translation>맞춤법과 문법 교정</translation>
    </message>
    <message>
        <source>Rewrite</source>
        <translation>다시 쓰기</translation>
    </message>
    <message>
        <source>Rewrite in another style</source>
        <translation>다른 문체로 다시 쓰기</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>격식체</translation>
    </message>
    <message>
        <source>Casual</source>
        <translation>편한 말투</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>더 짧게</translation>
    </message>
    <message>
        <source>Summarize the text</source>
        <translation>텍스트 요약</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>토큰 %1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>토큰 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>답변 중지</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>메시지 보내기</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>%1, pinned</source>
        <translation>%1, 고정됨</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>대화 제목</translation>
    </message>
    <message>
        <source>More actions for %1</source>
        <translation>%1에 대한 추가 작업</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>추가 작업</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>고정 해제</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Markdown으로 내보내기…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>JSON으로 내보내기…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
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
        <translation>“%1”을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>삭제 취소</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>대화 내보내기</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 파일 (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 파일 (*.md)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 모델 (*.gguf)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>어시스턴트</translation>
    </message>
    <message numerus="yes">
        <source>%n older message(s) were left out so the conversation fits the context.</source>
        <translation>
            <numerusform>대화를 컨텍스트에 맞추기 위해 이전 메시지 %n개를 제외했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>생각 중…</translation>
    </message>
    <message>
        <source>The reply failed: %1</source>
        <translation>답변 실패: %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>중지됨.</translation>
    </message>
    <message>
        <source>Interrupted when QwenDesk closed.</source>
        <translation>QwenDesk가 종료되어 중단되었습니다.</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>메시지 편집</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Send the edited message</source>
        <translation>편집한 메시지 보내기</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>이전 버전</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>다음 버전</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the message</source>
        <translation>메시지 복사</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Edit and send again as a new branch</source>
        <translation>편집해서 새 분기로 다시 보내기</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <source>Write another reply</source>
        <translation>다른 답변 쓰기</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete this message and what follows it</source>
        <translation>이 메시지와 그 뒤의 내용 삭제</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s · first token after %3 s</source>
        <translation>토큰 %1개 · 초당 토큰 %2개 · 첫 토큰까지 %3초</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Summarize the following text. Keep the main points, names and numbers, and write the summary in the language of the text.</source>
        <translation>다음 텍스트를 요약하세요. 요점, 이름, 숫자는 유지하고 요약은 텍스트와 같은 언어로 작성하세요.</translation>
    </message>
    <message>
        <source>The following are summaries of consecutive parts of one document. Combine them into a single summary of the whole document, keeping the main points in order.</source>
        <translation>다음은 한 문서의 연속된 부분들을 요약한 것입니다. 요점의 순서를 유지하면서 문서 전체에 대한 하나의 요약으로 합치세요.</translation>
    </message>
    <message>
        <source>Translate the following text into %1. Reply with the translation only.</source>
        <translation>다음 텍스트를 %1(으)로 번역하세요. 번역문만 답하세요.</translation>
    </message>
    <message>
        <source>Proofread the following text. Correct spelling, grammar and punctuation without changing its meaning or style, and reply with the corrected text only.</source>
        <translation>다음 텍스트를 교정하세요. 의미와 문체는 바꾸지 말고 맞춤법, 문법, 문장 부호를 고친 뒤 고친 텍스트만 답하세요.</translation>
    </message>
    <message>
        <source>Rewrite the following text in a formal tone. Reply with the rewritten text only.</source>
        <translation>다음 텍스트를 격식 있는 어조로 다시 쓰세요. 다시 쓴 텍스트만 답하세요.</translation>
    </message>
    <message>
        <source>Rewrite the following text in a casual, friendly tone. Reply with the rewritten text only.</source>
        <translation>다음 텍스트를 편하고 친근한 어조로 다시 쓰세요. 다시 쓴 텍스트만 답하세요.</translation>
    </message>
    <message>
        <source>Rewrite the following text to be shorter, keeping its meaning. Reply with the rewritten text only.</source>
        <translation>의미를 유지하면서 다음 텍스트를 더 짧게 다시 쓰세요. 다시 쓴 텍스트만 답하세요.</translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <source>Reset to default</source>
        <translation>기본값으로 되돌리기</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>%1 저장</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Reset to default</source>
        <translation>기본값으로 되돌리기</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>This conversation</source>
        <translation>이 대화</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Close the settings</source>
        <translation>설정 닫기</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>모델: %1 (%2)</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <source>Load again</source>
        <translation>다시 불러오기</translation>
    </message>
    <message>
        <source>Load the model again with these settings</source>
        <translation>이 설정으로 모델 다시 불러오기</translation>
    </message>
    <message>
        <source>Change model…</source>
        <translation>모델 변경…</translation>
    </message>
    <message>
        <source>Restart QwenDesk to see the new language.</source>
        <translation>새 언어를 보려면 QwenDesk를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Use the global setting</source>
        <translation>전체 설정 사용</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>새 채팅</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>대화 검색</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>메시지 쓰기</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>메시지 보내기</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>메시지에서 줄 바꿈</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>답변 중지</translation>
    </message>
    <message>
        <source>Regenerate the last reply</source>
        <translation>마지막 답변 다시 생성</translation>
    </message>
    <message>
        <source>Rename the conversation</source>
        <translation>대화 이름 바꾸기</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>대화 내보내기</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conversations</source>
        <translation>대화</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>새 채팅</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>대화 검색</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>찾은 항목 없음</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>설정 (Ctrl+,)</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>키보드 단축키 (F1)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>환영합니다</translation>
    </message>
    <message>
        <source>Welcome to QwenDesk</source>
        <translation>QwenDesk에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>Chat with Qwen2.5 on your own computer. Nothing you write leaves it. First, get the model: download it once, or open a copy you already have.</source>
        <translation>내 컴퓨터에서 Qwen2.5와 채팅하세요. 작성한 내용은 컴퓨터 밖으로 나가지 않습니다. 먼저 모델을 준비하세요. 한 번 다운로드하거나 이미 가진 사본을 여세요.</translation>
    </message>
    <message>
        <source>Download Qwen2.5-1.5B-Instruct</source>
        <translation>Qwen2.5-1.5B-Instruct 다운로드</translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1 (권장)</translation>
    </message>
    <message>
        <source>%1 · download %2 · needs about %3 of memory</source>
        <translation>%1 · 다운로드 %2 · 메모리 약 %3 필요</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>Download the chosen model</source>
        <translation>선택한 모델 다운로드</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Pause the download</source>
        <translation>다운로드 일시 정지</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Resume the download</source>
        <translation>다운로드 계속</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>다운로드 취소</translation>
    </message>
    <message>
        <source>Downloaded. Loading the model…</source>
        <translation>다운로드 완료. 모델을 불러오는 중…</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>다운로드 진행률</translation>
    </message>
    <message>
        <source>The download stopped: %1</source>
        <translation>다운로드가 멈췄습니다: %1</translation>
    </message>
    <message>
        <source>Or open a model you already have</source>
        <translation>또는 이미 가진 모델 열기</translation>
    </message>
    <message>
        <source>Drop a .gguf file or a Hugging Face model folder here</source>
        <translation>.gguf 파일이나 Hugging Face 모델 폴더를 여기에 놓으세요</translation>
    </message>
    <message>
        <source>Open a .gguf file…</source>
        <translation>.gguf 파일 열기…</translation>
    </message>
    <message>
        <source>Open a model folder…</source>
        <translation>모델 폴더 열기…</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>모델을 불러올 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>모델을 불러오는 중</translation>
    </message>
    <message>
        <source>Go to the chat</source>
        <translation>채팅으로 이동</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 모델 (*.gguf)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Hugging Face 모델 폴더 열기</translation>
    </message>
</context>
<context>
    <name>qd::app::ChatController</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation>이 대화에서 이미 답변을 생성하고 있습니다. 중지하거나 끝날 때까지 기다리세요.</translation>
    </message>
</context>
<context>
    <name>qd::app::EngineClient</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation>이 대화에서 이미 답변을 생성하고 있습니다. 중지하거나 끝날 때까지 기다리세요.</translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationListModel</name>
    <message>
        <source>New chat</source>
        <translation>새 채팅</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>고정됨</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>어제</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>지난 7일</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationSettingsModel</name>
    <message>
        <source>Start a conversation first.</source>
        <translation>먼저 대화를 시작하세요.</translation>
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
        <translation>%1/초</translation>
    </message>
</context>
<context>
    <name>qd::ui::ModelManager</name>
    <message>
        <source>Opening the model file…</source>
        <translation>모델 파일을 여는 중…</translation>
    </message>
    <message>
        <source>Preparing the weights…</source>
        <translation>가중치를 준비하는 중…</translation>
    </message>
    <message>
        <source>Setting up the context…</source>
        <translation>컨텍스트를 설정하는 중…</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>불러오기가 취소되었습니다.</translation>
    </message>
</context>
<context>
    <name>qd::ui::Session</name>
    <message>
        <source>Summarize the document “%1”.</source>
        <translation>문서 “%1”을(를) 요약하세요.</translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingFormModel</name>
    <message>
        <source>Temperature</source>
        <translation>온도</translation>
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
        <translation>반복 페널티</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>최대 새 토큰 수</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>컨텍스트 길이</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>양자화</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>시스템 프롬프트</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>글꼴 크기</translation>
    </message>
    <message>
        <source>Higher is more varied; 0 always picks the likeliest word.</source>
        <translation>높을수록 다양해집니다. 0이면 항상 가장 가능성 높은 단어를 고릅니다.</translation>
    </message>
    <message>
        <source>Choose among this many likeliest tokens; 0 keeps all.</source>
        <translation>가능성이 가장 높은 이 개수의 토큰 중에서 고릅니다. 0이면 모두 유지합니다.</translation>
    </message>
    <message>
        <source>Choose among the likeliest tokens that add up to this probability.</source>
        <translation>확률 합이 이 값에 이를 때까지의 가장 가능성 높은 토큰 중에서 고릅니다.</translation>
    </message>
    <message>
        <source>Leave out tokens less likely than this share of the likeliest one.</source>
        <translation>가장 가능성 높은 토큰 대비 이 비율보다 가능성이 낮은 토큰을 뺍니다.</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating the same words.</source>
        <translation>1보다 크면 같은 단어의 반복을 억제합니다.</translation>
    </message>
    <message>
        <source>The longest reply, in tokens.</source>
        <translation>답변의 최대 길이(토큰).</translation>
    </message>
    <message>
        <source>How much of the conversation the model sees, in tokens. Applies when the model is loaded again.</source>
        <translation>모델이 보는 대화의 양(토큰). 모델을 다시 불러오면 적용됩니다.</translation>
    </message>
    <message>
        <source>Smaller levels need less memory and run faster, a little less accurately. Applies when the model is loaded again.</source>
        <translation>작은 수준일수록 메모리를 덜 쓰고 더 빠르지만 정확도는 조금 떨어집니다. 모델을 다시 불러오면 적용됩니다.</translation>
    </message>
    <message>
        <source>Processor threads for the model; 0 picks a good number.</source>
        <translation>모델이 쓰는 프로세서 스레드 수. 0이면 알맞은 수를 고릅니다.</translation>
    </message>
    <message>
        <source>The same seed gives the same reply; -1 picks a new one every time.</source>
        <translation>같은 시드는 같은 답변을 냅니다. -1이면 매번 새 시드를 고릅니다.</translation>
    </message>
    <message>
        <source>Instructions the model gets before every conversation.</source>
        <translation>모든 대화 전에 모델에게 주는 지시.</translation>
    </message>
    <message>
        <source>Light, dark, or the same as your desktop.</source>
        <translation>밝게, 어둡게 또는 데스크톱과 같게.</translation>
    </message>
    <message>
        <source>Applies after QwenDesk is restarted.</source>
        <translation>QwenDesk를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>Text size of the chat, in points.</source>
        <translation>채팅 글자 크기(포인트).</translation>
    </message>
    <message>
        <source>%1: please enter a value in the allowed range.</source>
        <translation>%1: 허용 범위 안의 값을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingsModel</name>
    <message>
        <source>As stored in the file</source>
        <translation>파일에 저장된 그대로</translation>
    </message>
    <message>
        <source>%1 (%2 of memory)</source>
        <translation>%1 (메모리 %2)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
</context>
<context>
    <name>qd::ui::WritingTools</name>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>중국어 간체</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>일본어</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>German</source>
        <translation>독일어</translation>
    </message>
    <message>
        <source>French</source>
        <translation>프랑스어</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>스페인어</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>러시아어</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>아랍어</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>붙여 넣은 텍스트</translation>
    </message>
    <message>
        <source>Only text files (.txt, .md) can be attached.</source>
        <translation>텍스트 파일(.txt, .md)만 첨부할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 is too large; attach a text of at most 8 MB.</source>
        <translation>%1이(가) 너무 큽니다. 8 MB 이하의 텍스트를 첨부하세요.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
</context>
</TS>
