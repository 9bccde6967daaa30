#pragma once
// Measures how long the GUI thread goes without running its event loop: a precise timer asks to
// run every few milliseconds, and any longer gap between its runs is a stall the user would feel
// (input and rendering wait just as long). Also records the gaps between rendered frames.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QQuickWindow;

namespace qd::gui {

class StallMonitor : public QObject {
    Q_OBJECT
public:
    explicit StallMonitor(QQuickWindow *window, QObject *parent = nullptr);

    void start();
    void stop();
    double longestStallMs() const { return longestStallMs_; }
    double longestFrameGapMs() const { return longestFrameGapMs_; }
    int frames() const { return frames_; }
    int ticks() const { return ticks_; }

private:
    static constexpr int kTickMs = 4;
    QTimer tick_;
    QElapsedTimer clock_;
    qint64 lastTickNs_ = 0;
    qint64 lastFrameNs_ = 0;
    double longestStallMs_ = 0;
    double longestFrameGapMs_ = 0;
    int frames_ = 0;
    int ticks_ = 0;
    bool running_ = false;
};

}  // namespace qd::gui
