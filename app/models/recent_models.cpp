#include "recent_models.h"

#include <QDir>

namespace qd {

RecentModels::RecentModels(int capacity) : capacity_(capacity > 0 ? capacity : 1) {}

RecentModels RecentModels::fromStringList(const QStringList &paths, int capacity) {
    RecentModels recent(capacity);
    // Adding oldest first leaves the saved order intact.
    for (auto it = paths.crbegin(); it != paths.crend(); ++it) recent.add(*it);
    return recent;
}

void RecentModels::add(const QString &path) {
    if (path.trimmed().isEmpty()) return;
    const QString clean = QDir::cleanPath(path);
    paths_.removeAll(clean);
    paths_.prepend(clean);
    while (paths_.size() > capacity_) paths_.removeLast();
}

void RecentModels::remove(const QString &path) {
    paths_.removeAll(QDir::cleanPath(path));
}

}  // namespace qd
