// The happens-before data-race detector over Shared<T>: a race is two accesses to one variable, at least one
// a store, that no chain of synchronisation orders (locks, start/join, events, conditions, queues,
// semaphores, barriers). Checked on the scenarios and on small programs, one ordering primitive each.

#include "common/TestMain.h"
#include <QtTest>

#include <chrono>
#include <functional>
#include <optional>

#include "lockstep/Api.h"
#include "lockstep/Barrier.h"
#include "lockstep/Condition.h"
#include "lockstep/Event.h"
#include "lockstep/Execution.h"
#include "lockstep/Lock.h"
#include "lockstep/Queue.h"
#include "lockstep/Semaphore.h"
#include "lockstep/Shared.h"
#include "lockstep/Thread.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(std::function<void()>)

namespace {

struct Run {
    WorkerPool pool;
    Trace trace;
    void go(std::function<void()> body, RunConfig config = {}) {
        Execution ex(pool, trace, config, std::move(body));
        ex.runToEnd();
    }
    void scenario(const std::string& id, RunConfig config) {
        const scenarios::Scenario* s = scenarios::find(id);
        QVERIFY(s);
        const scenarios::Params p = s->resolve(config.params);
        go([s, p] { s->main(p); }, config);
    }
};

// A writer thread stores x; main loads x after the given ordering, or without one.
std::function<void()> writerThenMain(std::function<void(Thread&)> order, std::function<void()> writerSignal,
                                     std::function<void()> mainWait) {
    return [order, writerSignal, mainWait] {
        Shared<int> x("x", 0);
        Thread writer([x, writerSignal]() mutable {
            x.store(1);
            if (writerSignal) writerSignal();
        }, {.name = "writer"});
        writer.start();
        if (mainWait) mainWait();
        if (order) order(writer);
        x.load();
        writer.join();
    };
}

}  // namespace

class TestRaces : public QObject {
    Q_OBJECT

private slots:
    // Races in the scenarios: the unsynchronised ones have one, the locked ones none, under many schedules.
    void scenarios_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("racy");
        QTest::newRow("race-counter-sleep") << "race-counter-sleep" << true;
        QTest::newRow("race-increment-double") << "race-increment-double" << true;
        QTest::newRow("lock-counter") << "lock-counter" << false;
        QTest::newRow("deadlock-ordered") << "deadlock-ordered" << false;
        QTest::newRow("lock-vs-rlock") << "lock-vs-rlock" << false;
        QTest::newRow("condition-producer-consumer") << "condition-producer-consumer" << false;
        QTest::newRow("queue-producer-consumers") << "queue-producer-consumers" << false;
    }
    void scenarios() {
        QFETCH(QString, id);
        QFETCH(bool, racy);
        for (const PolicyKind policy : {PolicyKind::RoundRobin, PolicyKind::Cooperative, PolicyKind::Random})
            for (std::uint64_t seed = 1; seed <= (policy == PolicyKind::Random ? 20u : 1u); ++seed) {
                Run r;
                RunConfig config;
                config.policy = policy;
                config.seed = seed;
                r.scenario(id.toStdString(), config);
                QCOMPARE(!r.trace.races().empty(), racy);
                for (const DataRace& race : r.trace.races()) {
                    QCOMPARE(r.trace.object(race.object).kind, ObjectKind::Shared);
                    QVERIFY(race.first.actor != race.second.actor);
                    QVERIFY(race.first.write || race.second.write);
                    QVERIFY(race.first.step < race.second.step);
                }
            }
    }

    // The race in race-counter-sleep names both threads and the counter, whichever value the run ends with.
    void counterRaceNamesBothThreads() {
        Run r;
        r.scenario("race-counter-sleep", {});
        QVERIFY(!r.trace.races().empty());
        const DataRace& race = r.trace.races().front();
        QCOMPARE(r.trace.object(race.object).name, std::string("counter"));
        const std::string a = r.trace.actor(race.first.actor).name, b = r.trace.actor(race.second.actor).name;
        QVERIFY((a == "T1" && b == "T2") || (a == "T2" && b == "T1"));
        // Each race is in the trace as an event of its second access's step, its arg the race's index.
        std::size_t events = 0;
        for (std::size_t i = 0; i < r.trace.eventCount(); ++i)
            if (r.trace.event(i).op == Op::Race) {
                const auto index = static_cast<std::size_t>(r.trace.event(i).arg);
                QVERIFY(index < r.trace.races().size());
                QCOMPARE(r.trace.stepOfEvent(i), r.trace.races()[index].second.step);
                QCOMPARE(r.trace.event(i).object, r.trace.races()[index].object);
                ++events;
            }
        QCOMPARE(events, r.trace.races().size());
    }

    // Each ordering primitive, used between the writer's store and main's load, removes the race.
    void orderingPrimitives_data() {
        QTest::addColumn<std::function<void()>>("body");
        QTest::addColumn<bool>("racy");
        QTest::newRow("nothing") << writerThenMain({}, {}, [] { sleep(1s); }) << true;
        QTest::newRow("join") << writerThenMain([](Thread& t) { t.join(); }, {}, {}) << false;
        QTest::newRow("sleep is no ordering") << writerThenMain({}, {}, [] { sleep(5s); }) << true;
        QTest::newRow("event") << std::function<void()>([] {
            Shared<int> x("x", 0);
            Event done("done");
            Thread writer([x, done]() mutable {
                x.store(1);
                done.set();
            }, {.name = "writer"});
            writer.start();
            done.wait();
            x.load();
            writer.join();
        }) << false;
        QTest::newRow("lock") << std::function<void()>([] {
            Shared<int> x("x", 0);
            Lock lock("lock");
            Thread writer([x, lock]() mutable {
                With held(lock);
                x.store(1);
            }, {.name = "writer"});
            writer.start();
            sleep(1s);
            {
                With held(lock);
                x.load();
            }
            writer.join();
        }) << false;
        QTest::newRow("queue") << std::function<void()>([] {
            Shared<int> x("x", 0);
            Queue<int> q(0, "q");
            Thread writer([x, q]() mutable {
                x.store(1);
                q.put(1);
            }, {.name = "writer"});
            writer.start();
            q.get();
            x.load();
            writer.join();
        }) << false;
        QTest::newRow("semaphore") << std::function<void()>([] {
            Shared<int> x("x", 0);
            Semaphore ready(0, "ready");
            Thread writer([x, ready]() mutable {
                x.store(1);
                ready.release();
            }, {.name = "writer"});
            writer.start();
            ready.acquire();
            x.load();
            writer.join();
        }) << false;
        QTest::newRow("condition") << std::function<void()>([] {
            Shared<int> x("x", 0);
            Condition cv("cv");
            Shared<bool> flag("flag", false);
            Thread writer([x, cv, flag]() mutable {
                x.store(1);
                cv.acquire();
                flag.store(true);
                cv.notify();
                cv.release();
            }, {.name = "writer"});
            writer.start();
            cv.acquire();
            while (!flag.load()) cv.wait();
            cv.release();
            x.load();
            writer.join();
        }) << false;
        QTest::newRow("barrier") << std::function<void()>([] {
            Shared<int> x("x", 0);
            Barrier meet(2, {}, std::nullopt, "meet");
            Thread writer([x, meet]() mutable {
                x.store(1);
                meet.wait();
            }, {.name = "writer"});
            writer.start();
            meet.wait();
            x.load();
            writer.join();
        }) << false;
        // Ordered by an event, but the writer stores again after setting it: that store races with the load.
        QTest::newRow("store after the signal") << std::function<void()>([] {
            Shared<int> x("x", 0);
            Event done("done");
            Thread writer([x, done]() mutable {
                x.store(1);
                done.set();
                x.store(2);
            }, {.name = "writer"});
            writer.start();
            done.wait();
            x.load();
            writer.join();
        }) << true;
    }
    void orderingPrimitives() {
        QFETCH(std::function<void()>, body);
        QFETCH(bool, racy);
        for (const PolicyKind policy : {PolicyKind::RoundRobin, PolicyKind::Cooperative, PolicyKind::Random})
            for (std::uint64_t seed = 1; seed <= (policy == PolicyKind::Random ? 10u : 1u); ++seed) {
                Run r;
                RunConfig config;
                config.policy = policy;
                config.seed = seed;
                r.go(body, config);
                QVERIFY2(r.trace.outcome().status == RunStatus::Finished, r.trace.outcome().message.c_str());
                QCOMPARE(!r.trace.races().empty(), racy);
            }
    }

    // A race between two loads does not exist; a loop reports each conflict once, not once per iteration.
    void readsDoNotRaceAndLoopsReportOnce() {
        Run r;
        r.go([] {
            Shared<int> x("x", 0);
            Thread a([x]() mutable {
                for (int i = 0; i < 50; ++i) x.load();
            }, {.name = "A"});
            Thread b([x]() mutable {
                for (int i = 0; i < 50; ++i) x.load();
            }, {.name = "B"});
            a.start();
            b.start();
            a.join();
            b.join();
        });
        QVERIFY(r.trace.races().empty());
        r.go([] {
            Shared<int> x("x", 0);
            Thread a([x]() mutable {
                for (int i = 0; i < 50; ++i) x.store(i);
            }, {.name = "A"});
            Thread b([x]() mutable {
                for (int i = 0; i < 50; ++i) x.store(-i);
            }, {.name = "B"});
            a.start();
            b.start();
            a.join();
            b.join();
        }, RunConfig{.policy = PolicyKind::Random, .seed = 3});
        QVERIFY(!r.trace.races().empty());
        QVERIFY(r.trace.races().size() <= 2);  // A-then-B and B-then-A store conflicts
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestRaces)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_races.moc"
