#include "stall_monitor.h"

#include <QQuickWindow>

#include <algorithm>

namespace qd::gui {

StallMonitor::StallMonitor(QQuickWindow *window, QObject *parent) : QObject(parent) {
    tick_.setTimerType(Qt::PreciseTimer);
    tick_.setInterval(kTickMs);
    connect(&tick_, &QTimer::timeout, this, [this] {
        const qint64 now = clock_.nsecsElapsed();
        // What the loop was late by, beyond the interval it was asked to wait.
        longestStallMs_ = std::max(longestStallMs_, double(now - lastTickNs_) / 1e6 - kTickMs);
        lastTickNs_ = now;
        ++ticks_;
    });
    connect(window, &QQuickWindow::frameSwapped, this, [this] {
        if (!running_) return;
        const qint64 now = clock_.nsecsElapsed();
        if (frames_ > 0) longestFrameGapMs_ = std::max(longestFrameGapMs_, double(now - lastFrameNs_) / 1e6);
        lastFrameNs_ = now;
        ++frames_;
    });
}

void StallMonitor::start() {
    longestStallMs_ = 0;
    longestFrameGapMs_ = 0;
    frames_ = 0;
    ticks_ = 0;
    clock_.start();
    lastTickNs_ = 0;
    running_ = true;
    tick_.start();
}

void StallMonitor::stop() {
    running_ = false;
    tick_.stop();
}

}  // namespace qd::gui
