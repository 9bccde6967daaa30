#include "automation.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeySequence>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQuickWindow>
#include <QTest>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace qd::gui {

Automation::Automation(QQuickWindow *window, QJsonArray steps, QObject *parent)
    : QObject(parent), window_(window), steps_(std::move(steps)), monitor_(window) {
    poll_.setSingleShot(true);
    connect(&poll_, &QTimer::timeout, this, &Automation::next);
}

QJsonArray Automation::readScript(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read the automation script " + path.toStdString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isArray())
        throw std::runtime_error("the automation script must be a JSON array of steps: " +
                                 error.errorString().toStdString());
    return document.array();
}

void Automation::start() { poll_.start(0); }

void Automation::next() {
    while (current_ < steps_.size()) {
        const QJsonObject step = steps_.at(current_).toObject();
        if (!run(step)) {
            // start(0) below also sets the interval, so a retry names its own.
            poll_.start(kPollMs);
            return;
        }
        std::fprintf(stderr, "automation: step %d done: %s\n", current_ + 1,
                     QJsonDocument(step).toJson(QJsonDocument::Compact).constData());
        ++current_;
        waitStartedMs_ = -1;
        // Let the event loop deliver what the step caused before the next one looks.
        poll_.start(0);
        return;
    }
}

QVariant Automation::evaluate(const QString &expression) {
    if (!expression_ || expression_->expression() != expression)
        expression_ = std::make_unique<QQmlExpression>(qmlContext(window_), window_, expression);
    const QVariant value = expression_->evaluate();
    if (expression_->hasError()) fail(QStringLiteral("%1: %2").arg(expression, expression_->error().toString()));
    return value.canConvert<QJSValue>() ? value.value<QJSValue>().toVariant() : value;
}

bool Automation::run(const QJsonObject &step) {
    if (step.contains(QStringLiteral("type"))) {
        // Each character as its own key press carrying its text, as an input method delivers it.
        for (const QChar c : step.value(QStringLiteral("type")).toString())
            QTest::sendKeyEvent(QTest::Click, window_, Qt::Key_unknown, QString(c), Qt::NoModifier);
        return true;
    }
    if (step.contains(QStringLiteral("key"))) {
        const QKeySequence sequence(step.value(QStringLiteral("key")).toString());
        const QKeyCombination combination = sequence[0];
        QTest::keyClick(window_, combination.key(), combination.keyboardModifiers());
        return true;
    }
    if (step.contains(QStringLiteral("eval"))) {
        evaluate(step.value(QStringLiteral("eval")).toString());
        return true;
    }
    if (step.contains(QStringLiteral("wait"))) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (waitStartedMs_ < 0) waitStartedMs_ = now;
        if (evaluate(step.value(QStringLiteral("wait")).toString()).toBool()) return true;
        if (now - waitStartedMs_ > step.value(QStringLiteral("timeout")).toInt(60000))
            fail(QStringLiteral("timed out waiting for %1").arg(step.value(QStringLiteral("wait")).toString()));
        return false;
    }
    if (step.contains(QStringLiteral("expect"))) {
        const QString expression = step.value(QStringLiteral("expect")).toString();
        const QVariant value = evaluate(expression);
        const QVariant expected = step.value(QStringLiteral("equals")).toVariant();
        if (value.toString() != expected.toString())
            fail(QStringLiteral("%1 is \"%2\", expected \"%3\"").arg(expression, value.toString(), expected.toString()));
        return true;
    }
    if (step.contains(QStringLiteral("sleep"))) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (waitStartedMs_ < 0) waitStartedMs_ = now;
        return now - waitStartedMs_ >= step.value(QStringLiteral("sleep")).toInt();
    }
    if (step.contains(QStringLiteral("screenshot"))) {
        const QString path = step.value(QStringLiteral("screenshot")).toString();
        if (!window_->grabWindow().save(path)) fail(QStringLiteral("could not save %1").arg(path));
        return true;
    }
    if (step.value(QStringLiteral("measure")).toString() == QStringLiteral("start")) {
        monitor_.start();
        return true;
    }
    if (step.value(QStringLiteral("measure")).toString() == QStringLiteral("stop")) {
        monitor_.stop();
        const QJsonObject figures{{QStringLiteral("longestStallMs"), monitor_.longestStallMs()},
                                  {QStringLiteral("longestFrameGapMs"), monitor_.longestFrameGapMs()},
                                  {QStringLiteral("frames"), monitor_.frames()},
                                  {QStringLiteral("ticks"), monitor_.ticks()}};
        const QByteArray json = QJsonDocument(figures).toJson(QJsonDocument::Compact);
        std::fprintf(stderr, "automation: gui stall %s\n", json.constData());
        QFile out(step.value(QStringLiteral("out")).toString());
        if (!out.fileName().isEmpty() && (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size()))
            fail(QStringLiteral("could not write %1").arg(out.fileName()));
        return true;
    }
    fail(QStringLiteral("unknown step %1").arg(QString::fromUtf8(QJsonDocument(step).toJson(QJsonDocument::Compact))));
    return true;
}

void Automation::fail(const QString &message) {
    std::fprintf(stderr, "automation: step %d failed: %s\n", current_ + 1, qPrintable(message));
    std::fflush(stderr);
    // Exit at once: a failed script must not go on acting on a window in an unexpected state.
    std::_Exit(3);
}

}  // namespace qd::gui
