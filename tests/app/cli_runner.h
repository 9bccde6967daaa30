#pragma once
// Runs the built qwendesk-cli as a separate process, as scripts and other tools do. The test's
// event loop keeps running while it waits, so servers living in the test process stay responsive.
#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTest>

namespace qd::test {

struct CliRun {
    int exitCode = -1;  // -1: it did not finish in time or crashed
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList &arguments, const QByteArray &input = {},
                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                     int timeoutMs = 300000) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(QD_CLI_PATH), arguments);
    process.write(input);
    process.closeWriteChannel();
    const bool done = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (!done || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return {-1, process.readAllStandardOutput(), process.readAllStandardError()};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// Output split into lines, without the empty one after the final newline.
inline QList<QByteArray> outputLines(const CliRun &run) {
    QList<QByteArray> lines = run.out.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    return lines;
}

}  // namespace qd::test
