#pragma once
// The composer's helpers: the live token count of what is being typed, the one-click writing
// actions (translate, proofread, rewrite, summarize: translatable prompt templates from the app
// core), and long texts held as a document that the app core's map-reduce workflow summarizes.
#include "engine_client.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace qd::app {
class Settings;
}

namespace qd::ui {

class WritingTools : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application session")
    Q_PROPERTY(QStringList languages READ languages CONSTANT)
    Q_PROPERTY(qint64 tokenCount READ tokenCount NOTIFY tokenCountChanged)
    Q_PROPERTY(bool hasDocument READ hasDocument NOTIFY documentChanged)
    Q_PROPERTY(QString documentName READ documentName NOTIFY documentChanged)
    Q_PROPERTY(QString documentSize READ documentSize NOTIFY documentChanged)
    Q_PROPERTY(qint64 documentTokens READ documentTokens NOTIFY documentChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(bool summarizing READ summarizing NOTIFY summaryChanged)
    Q_PROPERTY(int summaryChunk READ summaryChunk NOTIFY summaryChanged)
    Q_PROPERTY(int summaryChunks READ summaryChunks NOTIFY summaryChanged)
    Q_PROPERTY(int summaryLevel READ summaryLevel NOTIFY summaryChanged)
public:
    static constexpr int kLongTextCharacters = 2000;

    WritingTools(app::EngineClient &engine, app::Settings &settings, QObject *parent = nullptr);

    // The user message for an action on `text`: "translate" (argument: a name from languages),
    // "proofread", "formal", "casual", "shorter", "summarize".
    Q_INVOKABLE QString prompt(const QString &action, const QString &text, const QString &argument = {}) const;
    // Counts the tokens of the composer text a moment after typing stops.
    Q_INVOKABLE void countTokens(const QString &text);
    // Text this long is better attached as a document than pasted into the composer.
    Q_INVOKABLE bool isLongText(const QString &text) const;
    Q_INVOKABLE void attachText(const QString &text, const QString &name);
    // A dropped or picked .txt / .md file; false (and error) when it cannot be used.
    Q_INVOKABLE bool attachFile(const QUrl &url);
    Q_INVOKABLE void clearDocument();
    Q_INVOKABLE void summarizeDocument();
    Q_INVOKABLE void cancelSummary();
    Q_INVOKABLE QString clipboardText() const;
    Q_INVOKABLE void copy(const QString &text) const;

    QStringList languages() const;
    qint64 tokenCount() const { return tokenCount_; }
    bool hasDocument() const { return !document_.isEmpty(); }
    QString documentName() const { return documentName_; }
    QString documentSize() const;
    qint64 documentTokens() const { return documentTokens_; }
    QString error() const { return error_; }
    bool summarizing() const { return summaryRequest_ != 0; }
    int summaryChunk() const { return chunk_; }
    int summaryChunks() const { return chunks_; }
    int summaryLevel() const { return level_; }

signals:
    void tokenCountChanged();
    void documentChanged();
    void errorChanged();
    void summaryChanged();
    // The workflow ended: the document's name and its summary (empty when cancelled or failed).
    void summaryFinished(const QString &documentName, const QString &summary);

private:
    void onTokenCount(app::RequestId id, qint64 tokens);
    void onFinished(app::RequestId id, app::EndReason reason, const QString &error);
    void setError(const QString &error);

    app::EngineClient &engine_;
    app::Settings &settings_;
    QTimer countDelay_;
    QString pendingCount_;
    app::RequestId countRequest_ = 0;
    app::RequestId documentCountRequest_ = 0;
    qint64 tokenCount_ = 0;
    QString document_;
    QString documentName_;
    qint64 documentTokens_ = 0;
    QString error_;
    app::RequestId summaryRequest_ = 0;
    int level_ = 0;
    int chunk_ = 0;
    int chunks_ = 0;
    QString summary_;
};

}  // namespace qd::ui
