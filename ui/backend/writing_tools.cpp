#include "writing_tools.h"

#include "generation_settings.h"
#include "prompts.h"
#include "settings.h"

#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>

namespace qd::ui {

namespace {
constexpr qint64 kMaxDocumentBytes = 8 * 1024 * 1024;
}

WritingTools::WritingTools(app::EngineClient &engine, app::Settings &settings, QObject *parent)
    : QObject(parent), engine_(engine), settings_(settings) {
    countDelay_.setSingleShot(true);
    countDelay_.setInterval(250);
    connect(&countDelay_, &QTimer::timeout, this, [this] {
        if (pendingCount_.isEmpty()) {
            tokenCount_ = 0;
            emit tokenCountChanged();
            return;
        }
        countRequest_ = engine_.countTokens(pendingCount_);
    });
    connect(&engine_, &app::EngineClient::tokenCount, this, &WritingTools::onTokenCount);
    connect(&engine_, &app::EngineClient::finished, this, &WritingTools::onFinished);
    connect(&engine_, &app::EngineClient::documentProgress, this,
            [this](app::RequestId id, int level, int chunk, int chunks, qint64) {
                if (id != summaryRequest_) return;
                level_ = level;
                chunk_ = chunk;
                chunks_ = chunks;
                emit summaryChanged();
            });
    connect(&engine_, &app::EngineClient::textPiece, this, [this](app::RequestId id, const QString &text) {
        if (id == summaryRequest_) summary_ += text;
    });
}

QStringList WritingTools::languages() const {
    return {tr("English"), tr("Simplified Chinese"), tr("Japanese"), tr("Korean"), tr("German"),
            tr("French"),  tr("Spanish"),            tr("Russian"),  tr("Arabic")};
}

QString WritingTools::prompt(const QString &action, const QString &text, const QString &argument) const {
    using namespace app::prompts;
    if (action == QStringLiteral("translate")) return translate(text, argument);
    if (action == QStringLiteral("proofread")) return proofread(text);
    if (action == QStringLiteral("formal")) return rewrite(text, RewriteStyle::Formal);
    if (action == QStringLiteral("casual")) return rewrite(text, RewriteStyle::Casual);
    if (action == QStringLiteral("shorter")) return rewrite(text, RewriteStyle::Shorter);
    if (action == QStringLiteral("summarize")) return summarize(text);
    return text;
}

void WritingTools::countTokens(const QString &text) {
    pendingCount_ = text;
    countDelay_.start();
}

bool WritingTools::isLongText(const QString &text) const { return text.size() >= kLongTextCharacters; }

void WritingTools::attachText(const QString &text, const QString &name) {
    document_ = text;
    documentName_ = name.isEmpty() ? tr("Pasted text") : name;
    documentTokens_ = 0;
    documentCountRequest_ = engine_.countTokens(text);
    setError({});
    emit documentChanged();
}

bool WritingTools::attachFile(const QUrl &url) {
    const QFileInfo info(url.isLocalFile() ? url.toLocalFile() : url.toString());
    const QString suffix = info.suffix().toLower();
    if (suffix != QStringLiteral("txt") && suffix != QStringLiteral("md") && suffix != QStringLiteral("markdown")) {
        setError(tr("Only text files (.txt, .md) can be attached."));
        return false;
    }
    if (info.size() > kMaxDocumentBytes) {
        setError(tr("%1 is too large; attach a text of at most 8 MB.").arg(info.fileName()));
        return false;
    }
    QFile file(info.filePath());
    if (!file.open(QIODevice::ReadOnly)) {
        setError(tr("Could not read %1: %2").arg(info.fileName(), file.errorString()));
        return false;
    }
    attachText(QString::fromUtf8(file.readAll()), info.fileName());
    return true;
}

void WritingTools::clearDocument() {
    cancelSummary();
    document_.clear();
    documentName_.clear();
    documentTokens_ = 0;
    emit documentChanged();
}

QString WritingTools::documentSize() const {
    return QLocale().formattedDataSize(document_.toUtf8().size(), 1, QLocale::DataSizeSIFormat);
}

void WritingTools::summarizeDocument() {
    if (document_.isEmpty() || summarizing()) return;
    GenerationOptions options = app::generationOptions(settings_, {});
    // Each partial summary is short; the final one is what the user reads.
    options.maxNewTokens = std::min<int64_t>(options.maxNewTokens, 512);
    summary_.clear();
    level_ = 0;
    chunk_ = 0;
    chunks_ = 0;
    setError({});
    summaryRequest_ = engine_.summarize(document_, options);
    emit summaryChanged();
}

void WritingTools::cancelSummary() {
    if (summaryRequest_ != 0) engine_.cancel(summaryRequest_);
}

QString WritingTools::clipboardText() const { return QGuiApplication::clipboard()->text(); }

void WritingTools::copy(const QString &text) const { QGuiApplication::clipboard()->setText(text); }

void WritingTools::onTokenCount(app::RequestId id, qint64 tokens) {
    if (id == countRequest_) {
        tokenCount_ = tokens;
        emit tokenCountChanged();
    } else if (id == documentCountRequest_) {
        documentTokens_ = tokens;
        emit documentChanged();
    }
}

void WritingTools::onFinished(app::RequestId id, app::EndReason reason, const QString &error) {
    if (id != summaryRequest_) return;
    summaryRequest_ = 0;
    const bool ok = reason == app::EndReason::Stop || reason == app::EndReason::Length;
    if (reason == app::EndReason::Error) setError(error);
    emit summaryChanged();
    emit summaryFinished(documentName_, ok ? summary_ : QString());
}

void WritingTools::setError(const QString &error) {
    if (error == error_) return;
    error_ = error;
    emit errorChanged();
}

}  // namespace qd::ui
