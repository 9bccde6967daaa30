#pragma once
// Runs the built qwendesk-cli as a separate process, as scripts and other tools do.
#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace qd::test {

struct CliRun {
    int exitCode = -1;  // -1: it did not finish in time or crashed
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 300000) {
    QProcess process;
    process.start(QStringLiteral(QD_CLI_PATH), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit) {
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
