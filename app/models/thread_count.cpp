#include "thread_count.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QThread>

namespace qd {

namespace {

QByteArray readTrimmed(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.read(64).trimmed();
}

}  // namespace

int physicalCoreCount(const char *sysCpuDir) {
    const QDir dir(QString::fromLocal8Bit(sysCpuDir));
    const QStringList cpus = dir.entryList({QStringLiteral("cpu[0-9]*")}, QDir::Dirs);
    // A core is a (package, core id) pair; its hyper-threads share it.
    QSet<QByteArray> cores;
    for (const QString &cpu : cpus) {
        const QString topology = dir.filePath(cpu + QStringLiteral("/topology/"));
        const QByteArray package = readTrimmed(topology + QStringLiteral("physical_package_id"));
        const QByteArray core = readTrimmed(topology + QStringLiteral("core_id"));
        if (core.isEmpty()) continue;  // offline CPUs have no topology
        cores.insert(package + '/' + core);
    }
    return static_cast<int>(cores.size());
}

int threadCountFor(int physicalCores, int logicalCores) {
    int cores = physicalCores > 0 ? physicalCores : logicalCores;
    if (cores > 4) --cores;
    return cores > 0 ? cores : 1;
}

int defaultThreadCount() {
    return threadCountFor(physicalCoreCount(), QThread::idealThreadCount());
}

}  // namespace qd
