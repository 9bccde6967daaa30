#include "util/thread_pool.h"

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace qd;

class TestThreadPool : public QObject {
    Q_OBJECT

private slots:
    void runsEveryIndexOnce_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("begin");
        QTest::addColumn<int>("end");
        for (int threads : {1, 2, 4})
            for (auto [b, e] : {std::pair{0, 0}, {0, 1}, {5, 7}, {0, 3}, {10, 1000}, {-50, 9973}}) {
                const auto name = QString("p%1/[%2,%3)").arg(threads).arg(b).arg(e);
                QTest::newRow(qPrintable(name)) << threads << b << e;
            }
    }

    void runsEveryIndexOnce() {
        QFETCH(int, threads);
        QFETCH(int, begin);
        QFETCH(int, end);
        ThreadPool pool(threads);
        QCOMPARE(pool.size(), threads);
        const int n = std::max(0, end - begin);
        // Many rounds on the same pool, to catch a worker that misses or repeats a job.
        for (int round = 0; round < 300; ++round) {
            std::vector<std::atomic<int>> hits(static_cast<size_t>(n));
            std::atomic<int> calls{0}, emptyChunks{0};
            int64_t longest = 0, shortest = INT64_MAX;
            std::mutex m;
            pool.parallelFor(begin, end, [&](int64_t b, int64_t e) {
                if (b >= e) emptyChunks.fetch_add(1);
                calls.fetch_add(1);
                for (int64_t i = b; i < e; ++i) hits[static_cast<size_t>(i - begin)].fetch_add(1);
                std::lock_guard lock(m);
                longest = std::max(longest, e - b);
                shortest = std::min(shortest, e - b);
            });
            QCOMPARE(emptyChunks.load(), 0);
            for (int i = 0; i < n; ++i) QCOMPARE(hits[static_cast<size_t>(i)].load(), 1);
            QVERIFY(calls.load() <= threads);
            if (n >= threads) {
                QCOMPARE(calls.load(), threads);
                QVERIFY(longest - shortest <= 1);  // even split
            }
        }
    }

    void runsChunksInParallel() {
        // Each chunk waits until every chunk has started, which only happens if each runs on its
        // own thread (a worker that is slow to wake still gets there well within the timeout).
        ThreadPool pool(3);
        std::atomic<int> entered{0};
        std::atomic<bool> allMet{true};
        std::mutex m;
        std::set<std::thread::id> ids;
        pool.parallelFor(0, 3, [&](int64_t, int64_t) {
            {
                std::lock_guard lock(m);
                ids.insert(std::this_thread::get_id());
            }
            entered.fetch_add(1);
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (entered.load() < 3 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
            if (entered.load() < 3) allMet = false;
        });
        QVERIFY(allMet.load());
        QCOMPARE(ids.size(), size_t(3));
    }

    void nestedCallRunsInline() {
        ThreadPool pool(2);
        std::atomic<int> total{0};
        pool.parallelFor(0, 4, [&](int64_t b, int64_t e) {
            pool.parallelFor(b * 10, e * 10, [&](int64_t ib, int64_t ie) { total.fetch_add(static_cast<int>(ie - ib)); });
        });
        QCOMPARE(total.load(), 40);
    }

    void concurrentCallersAreSerialized() {
        ThreadPool pool(2);
        std::atomic<int64_t> sum{0};
        auto work = [&] {
            for (int round = 0; round < 500; ++round)
                pool.parallelFor(0, 100, [&](int64_t b, int64_t e) {
                    for (int64_t i = b; i < e; ++i) sum.fetch_add(i);
                });
        };
        std::thread a(work), b(work);
        a.join();
        b.join();
        QCOMPARE(sum.load(), int64_t{2 * 500 * 4950});
    }
};

QTEST_APPLESS_MAIN(TestThreadPool)
#include "test_thread_pool.moc"
