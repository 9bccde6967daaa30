#pragma once
// Runs the built qwendesk-cli as a separate process, as scripts and other tools do. The test's
// event loop keeps running while it waits, so servers living in the test process stay responsive.
#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

namespace qd::test {

struct CliRun {
    int exitCode = -1;  // -1: it did not finish in time or crashed
    QByteArray out;
    QByteArray err;
};

// The environment CLI runs get by default: the system's, with the cache folder (where converted
// weights are kept) in a temporary folder of this test process, so tests never write into the
// user's cache.
inline QProcessEnvironment cliEnvironment() {
    static const QTemporaryDir cache;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), cache.path());
    return environment;
}

inline CliRun runCli(const QStringList &arguments, const QByteArray &input = {},
                     const QProcessEnvironment &environment = cliEnvironment(),
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
