#pragma once
// `qwendesk --automation FILE`: drives the running application from a script, for the
// end-to-end test, the GUI-stall benchmark and the screenshots. Keys go through the window
// system path a real keyboard takes (focus, shortcuts, the composer's Enter handling); other
// actions are QML expressions evaluated in the window's scope, calling the same functions the
// controls call. Nothing of this runs without the option.
//
// The script is a JSON array of steps, run in order:
//   {"type": "text"}                      key presses of each character to the focused item
//   {"key": "Ctrl+Q"}                     one key combination (QKeySequence syntax)
//   {"eval": "expression"}                evaluated in Main.qml's scope (window, session, ...)
//   {"wait": "expression", "timeout": ms} polls until the expression is true (default 60 s)
//   {"expect": "expression", "equals": v} fails unless the expression's value equals v
//   {"sleep": ms}
//   {"screenshot": "file.png"}            grabs the window
//   {"measure": "start"} / {"measure": "stop", "out": "file.json"}   the GUI-stall figures
// A failing step prints why and exits with code 3.
#include "stall_monitor.h"

#include <QJsonArray>
#include <QObject>
#include <QQmlExpression>
#include <QTimer>

#include <memory>

class QQuickWindow;

namespace qd::gui {

class Automation : public QObject {
    Q_OBJECT
public:
    Automation(QQuickWindow *window, QJsonArray steps, QObject *parent = nullptr);
    // Reads the script; throws std::runtime_error when it cannot.
    static QJsonArray readScript(const QString &path);
    void start();

private:
    void next();
    // Runs one step; false when it has to be tried again later (a wait not yet met).
    bool run(const QJsonObject &step);
    QVariant evaluate(const QString &expression);
    void fail(const QString &message);

    static constexpr int kPollMs = 20;  // how often a wait looks again
    QQuickWindow *window_;
    QJsonArray steps_;
    int current_ = 0;
    qint64 waitStartedMs_ = -1;
    QTimer poll_;
    StallMonitor monitor_;
    // The last expression compiled: a wait polls the same one every 20 ms, and compiling it
    // each time would load the GUI thread that the stall measurement watches.
    std::unique_ptr<QQmlExpression> expression_;
};

}  // namespace qd::gui
