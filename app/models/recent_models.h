#pragma once
// The recently opened models, most recent first, without duplicates and capped. Pure logic: the
// settings store persists it as a string list.
#include <QStringList>

namespace qd {

class RecentModels {
public:
    static constexpr int kDefaultCapacity = 10;

    explicit RecentModels(int capacity = kDefaultCapacity);
    // Restores a saved list; empty entries and duplicates are dropped, the rest capped.
    static RecentModels fromStringList(const QStringList &paths, int capacity = kDefaultCapacity);
    QStringList toStringList() const { return paths_; }

    // Moves `path` to the front (adding it when new). Paths are compared after cleaning, so
    // "a/./b" and "a/b" are one model.
    void add(const QString &path);
    void remove(const QString &path);
    void clear() { paths_.clear(); }

    const QStringList &paths() const { return paths_; }
    QString mostRecent() const { return paths_.value(0); }
    int capacity() const { return capacity_; }

private:
    int capacity_;
    QStringList paths_;
};

}  // namespace qd
