// The scenario catalogue: every scenario runs to an end under every policy, and what SCENARIOS.md says must
// be observable is found in its trace (times, actors, printed lines, final values, statuses, errors).

#include "common/TestMain.h"
#include <QtTest>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/ScenarioTrace.h"
#include "lockstep/Execution.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using lockstep::scenarios::Scenario;
using namespace lockstep::testing;

class TestScenarios : public QObject {
    Q_OBJECT

private:
    WorkerPool pool_;

    // Runs a scenario; policy and seed default to the scenario's own defaults.
    std::unique_ptr<Run> run(const std::string& id, std::optional<PolicyKind> policy = std::nullopt,
                             std::optional<std::uint64_t> seed = std::nullopt, const ParamList& params = {}) {
        return runScenario(pool_, id, policy, seed, params);
    }

    // Rows for every scenario under rr, coop and several random seeds, with the status it must end in.
    void addEveryScenarioUnderEveryPolicy() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<RunStatus>("expected");
        const std::map<std::string, RunStatus> special{
            {"deadlock-two-locks", RunStatus::Deadlock},
            {"deadlock-self", RunStatus::Deadlock},
            {"condition-producer-consumer", RunStatus::Stuck},
        };
        struct P {
            PolicyKind kind;
            std::uint64_t seed;
        };
        const std::vector<P> policies{{PolicyKind::RoundRobin, 1}, {PolicyKind::Cooperative, 1},
                                      {PolicyKind::Random, 1},     {PolicyKind::Random, 2},
                                      {PolicyKind::Random, 3},     {PolicyKind::Random, 17},
                                      {PolicyKind::Random, 99}};
        for (const Scenario& s : scenarios::all()) {
            const auto it = special.find(s.id);
            const RunStatus expected = it == special.end() ? RunStatus::Finished : it->second;
            for (const P& p : policies) {
                const QString row = QString::fromStdString(s.id) + "/" + policyLabel(p.kind, p.seed);
                QTest::newRow(qPrintable(row)) << QString::fromStdString(s.id) << p.kind
                                               << static_cast<quint64>(p.seed) << expected;
            }
        }
    }

private slots:
    // ---- the catalogue as data ----

    void catalogueHasEveryScenario_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("family");
        const std::vector<std::pair<const char*, const char*>> ids{
            // Every scenario of SCENARIOS.md.
            {"threads-start-join", "threads"},
            {"threads-random-sleep", "threads"},
            {"thread-names", "threads"},
            {"daemon-threads", "threads"},
            {"thread-subclass", "threads"},
            {"thread-local", "threads"},
            {"timer-cancel", "threads"},
            {"race-increment-double", "races"},
            {"lock-counter-many", "races"},
            {"point-atomicity", "races"},
            {"lock-nonblocking", "races"},
            {"race-counter-sleep", "races"},
            {"lock-counter", "races"},
            {"lock-vs-rlock", "races"},
            {"deadlock-two-locks", "races"},
            {"deadlock-ordered", "races"},
            {"deadlock-self", "races"},
            {"semaphore-groups", "sync"},
            {"bounded-semaphore-pool", "sync"},
            {"event-set-wait", "sync"},
            {"condition-producer-consumer", "sync"},
            {"queue-producer-consumers", "sync"},
            {"semaphore-active-pool", "sync"},
            {"event-timeout", "sync"},
            {"condition-notify-all", "sync"},
            {"bounded-buffer-monitor", "sync"},
            {"thread-pool-futures", "pools"},
            {"gil-cpu-bound", "pools"},
            {"process-start-join", "processes"},
            {"process-pipe", "processes"},
            {"process-queue", "processes"},
            {"process-shared-value", "processes"},
            {"process-manager", "processes"},
            {"process-pool", "processes"},
            {"async-never-awaited", "asyncio"},
            {"async-run-nested", "asyncio"},
            {"async-gather-two", "asyncio"},
            {"async-gather-many", "asyncio"},
            {"async-sleep-zero", "asyncio"},
            {"async-three-workers", "asyncio"},
            {"async-chain", "asyncio"},
            {"async-first-completed", "asyncio"},
            {"async-timeout", "asyncio"},
            {"async-done-callback", "asyncio"},
            {"async-vs-sync", "asyncio"},
            {"async-blocking-call", "asyncio"},
            {"async-queue", "asyncio"},
            {"async-io-clients", "asyncio"},
        };
        for (const auto& [id, family] : ids) QTest::newRow(id) << QString(id) << QString(family);
    }
    void catalogueHasEveryScenario() {
        QFETCH(QString, id);
        QFETCH(QString, family);
        const Scenario* s = scenarios::find(id.toStdString());
        QVERIFY2(s, qPrintable(id));
        QCOMPARE(QString(s->family), family);
        QVERIFY(s->main);
    }

    void everyScenarioIsDescribed() {
        std::set<std::string> ids;
        for (const Scenario& s : scenarios::all()) {
            const char* id = s.id.c_str();
            QVERIFY2(ids.insert(s.id).second, id);
            QVERIFY2(s.title && *s.title, id);
            QVERIFY2(s.description && std::string(s.description).size() > 40, id);
            QVERIFY2(listingLines(s) >= 3, id);
            QVERIFY2(s.family && *s.family, id);
            const auto& fams = scenarios::families();
            QVERIFY2(std::find(fams.begin(), fams.end(), s.family) != fams.end(), id);
            QVERIFY2(*scenarios::familyTitle(s.family), id);
            std::set<std::string> keys;
            for (const scenarios::ParamSpec& p : s.params) {
                const std::string what = s.id + " " + p.key;
                QVERIFY2(keys.insert(p.key).second, what.c_str());
                QVERIFY2(p.label && *p.label, what.c_str());
                QVERIFY2(p.min <= p.defaultValue && p.defaultValue <= p.max, what.c_str());
            }
        }
        QVERIFY(scenarios::all().size() >= 13);
    }

    // ---- every scenario, every policy: an end state within the step limit, lines inside the listing ----

    void endsUnderEveryPolicy_data() { addEveryScenarioUnderEveryPolicy(); }
    void endsUnderEveryPolicy() {
        QFETCH(QString, id);
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(RunStatus, expected);
        const auto r = run(id.toStdString(), policy, seed);
        QVERIFY(r);
        const RunOutcome& o = r->outcome();
        QVERIFY2(o.steps < RunConfig{}.maxSteps, "hit the step limit");
        QCOMPARE(QString::fromStdString(std::string(runStatusName(o.status))),
                 QString::fromStdString(std::string(runStatusName(expected))));
        QVERIFY2(o.message.empty(), o.message.c_str());
        // No scenario has an uncaught exception in a thread unless it means to (none here does).
        for (std::size_t a = 0; a < r->trace.actorCount(); ++a)
            QVERIFY(r->trace.actor(static_cast<ActorId>(a)).endState != EndState::Error);
    }

    void linesWithinListing_data() { addEveryScenarioUnderEveryPolicy(); }
    void linesWithinListing() {
        QFETCH(QString, id);
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const Scenario* s = scenarios::find(id.toStdString());
        const auto r = run(s->id, policy, seed);
        const int lines = listingLines(*s);
        bool anyLine = false;
        for (std::size_t i = 0; i < r->trace.eventCount(); ++i) {
            const TraceEvent& e = r->trace.event(i);
            QVERIFY2(e.line <= lines, qPrintable(QStringLiteral("event %1 on line %2 of %3").arg(i).arg(e.line).arg(lines)));
            anyLine = anyLine || e.line > 0;
        }
        QVERIFY(anyLine);
    }

    // Parameters at their limits still give a run that ends (no step limit, no engine error).
    void endsAtParameterLimits_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("atMax");
        for (const Scenario& s : scenarios::all()) {
            if (s.params.empty()) continue;
            QTest::newRow((s.id + "/min").c_str()) << QString::fromStdString(s.id) << false;
            QTest::newRow((s.id + "/max").c_str()) << QString::fromStdString(s.id) << true;
        }
    }
    void endsAtParameterLimits() {
        QFETCH(QString, id);
        QFETCH(bool, atMax);
        const Scenario* s = scenarios::find(id.toStdString());
        ParamList params;
        for (const scenarios::ParamSpec& p : s->params) params.emplace_back(p.key, atMax ? p.max : p.min);
        for (const PolicyKind policy : {PolicyKind::RoundRobin, PolicyKind::Random}) {
            const auto r = run(s->id, policy, 5, params);
            const RunStatus st = r->outcome().status;
            QVERIFY2(st == RunStatus::Finished || st == RunStatus::Deadlock || st == RunStatus::Stuck,
                     runStatusName(st).data());
            QVERIFY2(r->outcome().message.empty(), r->outcome().message.c_str());
        }
    }

    // ---- threads ----

    void threadsStartJoin_data() {
        addPolicyRows(8);
    }
    void threadsStartJoin() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("threads-start-join", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        // main prints before either worker finishes
        const auto lines = printed(t);
        const auto started = std::find_if(lines.begin(), lines.end(),
                                          [](const Printed& p) { return p.text == "main: both workers started"; });
        const auto firstFinish = std::find_if(lines.begin(), lines.end(), [](const Printed& p) {
            return p.text.find("finished") != std::string::npos;
        });
        QVERIFY(started != lines.end());
        QCOMPARE(started->actor, std::string("MainThread"));
        QCOMPARE(started->time, Nanos(0));
        QVERIFY(started < firstFinish);
        // worker-2 ends at t=1, worker-1 at t=2, main at t=2
        QCOMPARE(endTime(t, "worker-2"), std::optional<Nanos>(1 * kSecond));
        QCOMPARE(endTime(t, "worker-1"), std::optional<Nanos>(2 * kSecond));
        QCOMPARE(endTime(t, "MainThread"), std::optional<Nanos>(2 * kSecond));
        QCOMPARE(r->outcome().endTime, 2 * kSecond);
        const auto w2 = printedContaining(t, "worker-2: finished");
        QCOMPARE(w2.size(), std::size_t(1));
        QCOMPARE(w2[0].actor, std::string("worker-2"));
        QCOMPARE(w2[0].time, 1 * kSecond);
        const auto last = printedContaining(t, "main: both workers finished");
        QCOMPARE(last.size(), std::size_t(1));
        QCOMPARE(last[0].time, 2 * kSecond);
    }

    void threadsStartJoinParams() {
        const auto r = run("threads-start-join", PolicyKind::RoundRobin, 1, {{"sleep1", 1}, {"sleep2", 3}});
        QCOMPARE(endTime(r->trace, "worker-1"), std::optional<Nanos>(1 * kSecond));
        QCOMPARE(endTime(r->trace, "worker-2"), std::optional<Nanos>(3 * kSecond));
        QCOMPARE(endTime(r->trace, "MainThread"), std::optional<Nanos>(3 * kSecond));
    }

    // ---- races and locks ----

    void raceIncrementDoubleReachesEveryOutcome() {
        std::set<std::string> seen;
        for (std::uint64_t seed = 0; seed < 64; ++seed) {
            const auto r = run("race-increment-double", PolicyKind::Random, seed);
            QCOMPARE(r->outcome().status, RunStatus::Finished);
            const auto x = sharedValue(r->trace, "x");
            QVERIFY(x);
            QVERIFY2(*x == "3" || *x == "4" || *x == "5" || *x == "6", x->c_str());
            seen.insert(*x);
            QCOMPARE(printedContaining(r->trace, "x = ").at(0).text, "x = " + *x);
        }
        // both serial orders (6, 5) and both lost updates (3, 4)
        QCOMPARE(seen, (std::set<std::string>{"3", "4", "5", "6"}));
    }

    void raceIncrementDoubleDefaultLosesAnUpdate() {
        const auto r = run("race-increment-double");  // the scenario's own policy and seed
        const Trace& t = r->trace;
        const auto x = sharedValue(t, "x");
        QVERIFY(x == std::string("3") || x == std::string("4"));
        // The switch is visible: both threads load x (=2) before either stores it.
        const auto loads = events(t, Op::Load, Result::Ok, "x");
        const auto stores = events(t, Op::Store, Result::Ok, "x");
        QCOMPARE(loads.size(), std::size_t(2));
        QCOMPARE(stores.size(), std::size_t(2));
        QCOMPARE(loads[0].arg, 2);
        QCOMPARE(loads[1].arg, 2);
        QVERIFY(actorName(t, loads[0]) != actorName(t, loads[1]));
        // Round-robin runs the threads one after the other: a serial result.
        const auto rr = run("race-increment-double", PolicyKind::RoundRobin, 1);
        QCOMPARE(sharedValue(rr->trace, "x"), std::optional<std::string>("6"));
    }

    void raceCounterSleepLosesAnUpdate() {
        std::set<std::string> seen;
        for (std::uint64_t seed = 0; seed < 32; ++seed) {
            const auto r = run("race-counter-sleep", PolicyKind::Random, seed);
            const auto v = sharedValue(r->trace, "counter");
            QVERIFY(v);
            QVERIFY2(*v == "10" || *v == "20", v->c_str());
            seen.insert(*v);
        }
        QCOMPARE(seen, (std::set<std::string>{"10", "20"}));
        // Under rr: T1 reads, a context switch lets T2 read the same 0 before T1 writes.
        const auto r = run("race-counter-sleep", PolicyKind::RoundRobin, 1);
        const Trace& t = r->trace;
        const auto loads = events(t, Op::Load, Result::Ok, "counter");
        const auto stores = events(t, Op::Store, Result::Ok, "counter");
        QCOMPARE(loads.size(), std::size_t(2));
        QCOMPARE(stores.size(), std::size_t(2));
        QCOMPARE(loads[1].arg, 0);
        QVERIFY(loads[1].time < stores[0].time);
        bool switched = false;
        for (std::size_t i = 0; i < t.eventCount(); ++i) {
            const TraceEvent& e = t.event(i);
            if (e.op == Op::Switch && actorName(t, e) == "T2" && e.time < stores[0].time) switched = true;
        }
        QVERIFY(switched);
    }

    void lockCounterAlwaysTotal_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<QString>("total");
        QTest::newRow("rr") << PolicyKind::RoundRobin << quint64(1) << 2 << 100 << "30";
        QTest::newRow("coop") << PolicyKind::Cooperative << quint64(1) << 2 << 100 << "30";
        for (quint64 seed = 0; seed < 12; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed))) << PolicyKind::Random << seed << 2 << 100
                                                                              << "30";
        for (quint64 seed = 0; seed < 6; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("random-%1-no-sleep").arg(seed)))
                << PolicyKind::Random << seed << 2 << 0 << "30";
        QTest::newRow("rr-4-threads") << PolicyKind::RoundRobin << quint64(1) << 4 << 100 << "100";
        QTest::newRow("random-5-threads") << PolicyKind::Random << quint64(5) << 5 << 100 << "150";
    }
    void lockCounterAlwaysTotal() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(int, threads);
        QFETCH(int, delayMs);
        QFETCH(QString, total);
        const auto r = run("lock-counter", policy, seed, {{"threads", threads}, {"delay_ms", delayMs}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(sharedValue(t, "counter"), std::optional<std::string>(total.toStdString()));
        QCOMPARE(printedContaining(t, "counter =").at(0).text, "counter = " + total.toStdString());
        // Only the lock holder touches the counter.
        ActorId holder = kNoActor;
        for (std::size_t i = 0; i < t.eventCount(); ++i) {
            const TraceEvent& e = t.event(i);
            const std::string obj = objName(t, e);
            if (obj == "lock" && e.op == Op::Acquire && e.result == Result::Acquired) {
                QCOMPARE(holder, kNoActor);
                holder = e.actor;
            } else if (obj == "lock" && e.op == Op::Release) {
                QCOMPARE(holder, e.actor);
                holder = kNoActor;
            } else if (obj == "counter" && (e.op == Op::Load || e.op == Op::Store)) {
                QCOMPARE(e.actor, holder);
            }
        }
        // With a sleep inside the lock, waiting for it is visible.
        if (delayMs > 0 && threads > 1) QVERIFY(!events(t, Op::Acquire, Result::Blocked, "lock").empty());
    }

    void lockVsRLock() {
        const auto r = run("lock-vs-rlock");
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        std::vector<std::string> texts;
        for (const Printed& p : printed(t)) texts.push_back(p.text);
        const std::vector<std::string> expected{"Lock, first acquire: True", "Lock, second try: False",
                                                "RLock, first acquire: True", "RLock, second try: True",
                                                "RLock recursion count: 2"};
        QCOMPARE(texts, expected);
        const auto lockTries = events(t, Op::Acquire, std::nullopt, "lock");
        QCOMPARE(lockTries.size(), std::size_t(2));
        QCOMPARE(lockTries[0].result, Result::Acquired);
        QCOMPARE(lockTries[1].result, Result::Failed);
        const auto rlockTries = events(t, Op::Acquire, std::nullopt, "rlock");
        QCOMPARE(rlockTries.size(), std::size_t(2));
        QCOMPARE(rlockTries[1].result, Result::Acquired);
        QCOMPARE(rlockTries[1].arg, 2);  // recursion count 2
        const auto releases = events(t, Op::Release, Result::Ok, "rlock");
        QCOMPARE(releases.size(), std::size_t(2));
        QCOMPARE(releases.back().arg, 0);
    }

    void deadlockTwoLocks_data() {
        addPolicyRows(6);
    }
    void deadlockTwoLocks() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("deadlock-two-locks", policy, seed);
        const Trace& t = r->trace;
        const RunOutcome& o = r->outcome();
        QCOMPARE(o.status, RunStatus::Deadlock);
        QVERIFY(o.deadlockCycle >= 0);
        const DeadlockCycle& c = t.cycles().at(static_cast<std::size_t>(o.deadlockCycle));
        QCOMPARE(c.actors.size(), std::size_t(2));
        std::map<std::string, std::string> waitsFor;
        for (std::size_t i = 0; i < c.actors.size(); ++i)
            waitsFor[t.actor(c.actors[i]).name] = t.object(c.objects[i]).name;
        QCOMPARE(waitsFor, (std::map<std::string, std::string>{{"T1", "lock_b"}, {"T2", "lock_a"}}));
        QCOMPARE(events(t, Op::Deadlock, std::nullopt).size(), std::size_t(1));
        QVERIFY(printedContaining(t, "holds both").empty());
        QVERIFY(printedContaining(t, "done").empty());
        QCOMPARE(t.actor(*actorByName(t, "T1")).endState, EndState::Blocked);
        QCOMPARE(t.actor(*actorByName(t, "T2")).endState, EndState::Blocked);
        QCOMPARE(t.actor(*actorByName(t, "MainThread")).endState, EndState::Blocked);
    }

    void deadlockOrderedNeverDeadlocks_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("delayMs");
        for (int threads : {2, 3, 4})
            for (int delay : {0, 100})
                QTest::newRow(qPrintable(QStringLiteral("%1-threads-%2ms").arg(threads).arg(delay))) << threads << delay;
    }
    void deadlockOrderedNeverDeadlocks() {
        QFETCH(int, threads);
        QFETCH(int, delayMs);
        const ParamList params{{"threads", threads}, {"delay_ms", delayMs}};
        std::vector<std::unique_ptr<Run>> runs;
        runs.push_back(run("deadlock-ordered", PolicyKind::RoundRobin, 1, params));
        runs.push_back(run("deadlock-ordered", PolicyKind::Cooperative, 1, params));
        for (std::uint64_t seed = 0; seed < 24; ++seed) runs.push_back(run("deadlock-ordered", PolicyKind::Random, seed, params));
        for (const auto& r : runs) {
            QCOMPARE(r->outcome().status, RunStatus::Finished);
            QVERIFY(r->trace.cycles().empty());
            QCOMPARE(printedContaining(r->trace, "holds both").size(), std::size_t(threads));
            QCOMPARE(printedContaining(r->trace, "done: no deadlock").size(), std::size_t(1));
        }
    }

    void deadlockSelf() {
        const auto r = run("deadlock-self");
        const Trace& t = r->trace;
        const RunOutcome& o = r->outcome();
        QCOMPARE(o.status, RunStatus::Deadlock);
        const DeadlockCycle& c = t.cycles().at(static_cast<std::size_t>(o.deadlockCycle));
        QCOMPARE(c.actors.size(), std::size_t(1));
        QCOMPARE(t.actor(c.actors[0]).name, std::string("T1"));
        QCOMPARE(t.object(c.objects[0]).name, std::string("lock"));
        const auto blocked = events(t, Op::Acquire, Result::Blocked, "lock");
        QCOMPARE(blocked.size(), std::size_t(1));
        QCOMPARE(actorName(t, blocked[0]), std::string("T1"));
        QCOMPARE(int(blocked[0].line), 8);
        QCOMPARE(printedContaining(t, "holds the lock").size(), std::size_t(1));
        QVERIFY(printedContaining(t, "never printed").empty());
    }

    // ---- semaphores, events, conditions, queues ----

    void semaphoreGroups_data() {
        addPolicyRows(6);
    }
    void semaphoreGroups() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("semaphore-groups", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        std::map<Nanos, int> entries;
        for (const TraceEvent& e : events(t, Op::Acquire, Result::Acquired, "slots")) ++entries[e.time];
        QCOMPARE(entries, (std::map<Nanos, int>{{0, 3}, {2 * kSecond, 3}, {4 * kSecond, 1}}));
        QVERIFY(peakTaken(t, "slots") <= 3);
        // Each thread's own line says when it entered.
        const auto lines = printedContaining(t, "enters at t=");
        QCOMPARE(lines.size(), std::size_t(7));
        for (const Printed& p : lines) {
            const std::string expected = p.actor + " enters at t=" + std::to_string(p.time / kSecond);
            QCOMPARE(p.text, expected);
        }
        QCOMPARE(r->outcome().endTime, 6 * kSecond);
    }

    void boundedSemaphorePool_data() {
        addPolicyRows(5, 7);
    }
    void boundedSemaphorePool() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("bounded-semaphore-pool", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(peakTaken(t, "pool"), 3);
        QCOMPARE(events(t, Op::Acquire, Result::Acquired, "pool").size(), std::size_t(10));
        QCOMPARE(printedContaining(t, "connected for").size(), std::size_t(10));
        // The extra release raises the bounded semaphore's error, which main catches and prints.
        const auto raised = events(t, Op::Raise, Result::Error, "pool");
        QCOMPARE(raised.size(), std::size_t(1));
        QCOMPARE(actorName(t, raised[0]), std::string("MainThread"));
        QCOMPARE(std::string(t.argText(raised[0])), std::string("ValueError: Semaphore released too many times"));
        const auto caught = printedContaining(t, "ValueError:");
        QCOMPARE(caught.size(), std::size_t(1));
        QCOMPARE(caught[0].actor, std::string("MainThread"));
        QCOMPARE(caught[0].text, std::string("ValueError: Semaphore released too many times"));
        QCOMPARE(events(t, Op::Release, Result::Ok, "pool").size(), std::size_t(10));  // the 11th was refused
    }

    void eventSetWait_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("delay");
        QTest::newRow("rr") << PolicyKind::RoundRobin << quint64(1) << 2;
        QTest::newRow("coop") << PolicyKind::Cooperative << quint64(1) << 2;
        for (quint64 seed : {1, 2, 3, 4})
            QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed))) << PolicyKind::Random << seed << 2;
        QTest::newRow("rr-delay-5") << PolicyKind::RoundRobin << quint64(1) << 5;
    }
    void eventSetWait() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(int, delay);
        const auto r = run("event-set-wait", policy, seed, {{"delay_s", delay}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        const auto sets = events(t, Op::Set, Result::Ok, "ready");
        QCOMPARE(sets.size(), std::size_t(1));
        QCOMPARE(actorName(t, sets[0]), std::string("setter"));
        QCOMPARE(sets[0].time, delay * kSecond);
        const auto woken = events(t, Op::Wait, Result::Woken, "ready");
        QCOMPARE(woken.size(), std::size_t(1));
        QCOMPARE(actorName(t, woken[0]), std::string("waiter"));
        QCOMPARE(woken[0].time, delay * kSecond);
        const auto blocked = events(t, Op::Wait, Result::Blocked, "ready");
        QCOMPARE(blocked.size(), std::size_t(1));
        QCOMPARE(blocked[0].time, Nanos(0));
        const auto goingOn = printedContaining(t, "waiter: the event is set");
        QCOMPARE(goingOn.size(), std::size_t(1));
        QCOMPARE(goingOn[0].time, delay * kSecond);
    }

    void conditionProducerConsumer_data() {
        QTest::addColumn<bool>("defaults");
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("defaults") << true << PolicyKind::Random << quint64(0);
        QTest::newRow("rr") << false << PolicyKind::RoundRobin << quint64(1);
        QTest::newRow("coop") << false << PolicyKind::Cooperative << quint64(1);
        for (quint64 seed : {1, 2, 4, 5, 6})
            QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed))) << false << PolicyKind::Random << seed;
    }
    void conditionProducerConsumer() {
        QFETCH(bool, defaults);
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = defaults ? run("condition-producer-consumer") : run("condition-producer-consumer", policy, seed);
        const Trace& t = r->trace;
        // The consumers are never told to stop: the run hangs with both waiting on the condition.
        QCOMPARE(r->outcome().status, RunStatus::Stuck);
        QVERIFY(t.cycles().empty());
        for (const char* name : {"consumer-1", "consumer-2"}) {
            const auto a = actorByName(t, name);
            QVERIFY(a);
            QCOMPARE(t.actor(*a).endState, EndState::Blocked);
            const TraceEvent* last = nullptr;
            for (std::size_t i = 0; i < t.eventCount(); ++i)
                if (t.event(i).actor == *a && t.event(i).op != Op::Switch) last = &t.event(i);
            QVERIFY(last);
            QCOMPARE(last->op, Op::Wait);
            QCOMPARE(last->result, Result::Blocked);
            QCOMPARE(objName(t, *last), std::string("cond"));
        }
        QCOMPARE(t.actor(*actorByName(t, "producer")).endState, EndState::Finished);
        // Every item is handed over exactly once.
        std::multiset<std::string> taken;
        for (const Printed& p : printedContaining(t, ": took item-")) {
            QVERIFY(p.actor == "consumer-1" || p.actor == "consumer-2");
            taken.insert(p.text.substr(p.text.find("item-"), 6));
        }
        QCOMPARE(taken, (std::multiset<std::string>{"item-0", "item-1", "item-2", "item-3", "item-4"}));
        QCOMPARE(events(t, Op::Notify, Result::Ok, "cond").size(), std::size_t(5));
    }

    void conditionEmptyWakeupIsReachable() {
        // With the scenario's defaults, and under round-robin, a woken consumer finds the list empty.
        for (const bool defaults : {true, false}) {
            const auto r = defaults ? run("condition-producer-consumer")
                                    : run("condition-producer-consumer", PolicyKind::RoundRobin, 1);
            const auto empty = printedContaining(r->trace, "woken, but the list is empty");
            QVERIFY(!empty.empty());
            // It follows a wake-up by notify, not a first look at the list.
            const auto woken = events(r->trace, Op::Wait, Result::Woken, "cond");
            QVERIFY(std::any_of(woken.begin(), woken.end(), [&](const TraceEvent& e) {
                return actorName(r->trace, e) == empty[0].actor && e.time <= empty[0].time;
            }));
        }
        // The default run hands items to both consumers.
        const auto r = run("condition-producer-consumer");
        QVERIFY(!printedContaining(r->trace, "consumer-1: took").empty());
        QVERIFY(!printedContaining(r->trace, "consumer-2: took").empty());
    }

    void queueProducerConsumers_data() {
        QTest::addColumn<int>("maxsize");
        QTest::addColumn<int>("producers");
        QTest::addColumn<int>("consumers");
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        for (int maxsize : {0, 5, 2})
            for (int consumers : {2, 3}) {
                const QString base = QStringLiteral("max%1-c%2").arg(maxsize).arg(consumers);
                QTest::newRow(qPrintable(base + "-rr")) << maxsize << 1 << consumers << PolicyKind::RoundRobin << quint64(1);
                QTest::newRow(qPrintable(base + "-coop")) << maxsize << 1 << consumers << PolicyKind::Cooperative << quint64(1);
                for (quint64 seed : {1, 2, 3})
                    QTest::newRow(qPrintable(base + QStringLiteral("-random-%1").arg(seed)))
                        << maxsize << 1 << consumers << PolicyKind::Random << seed;
            }
        QTest::newRow("two-producers-max2") << 2 << 2 << 3 << PolicyKind::Random << quint64(8);
        QTest::newRow("two-producers-unbounded") << 0 << 2 << 2 << PolicyKind::RoundRobin << quint64(1);
    }
    void queueProducerConsumers() {
        QFETCH(int, maxsize);
        QFETCH(int, producers);
        QFETCH(int, consumers);
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const int items = 10;
        const auto r = run("queue-producer-consumers", policy, seed,
                           {{"maxsize", maxsize}, {"producers", producers}, {"consumers", consumers}, {"items", items}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        // Every item is consumed exactly once.
        std::multiset<std::string> got;
        for (const Printed& p : printedContaining(t, ": got "))
            if (p.text.find("None") == std::string::npos) got.insert(p.text.substr(p.text.find(": got ") + 6));
        std::multiset<std::string> expected;
        for (int i = 0; i < items * producers; ++i) expected.insert(std::to_string(i));
        QCOMPARE(got, expected);
        // Each consumer stops on its own sentinel.
        const auto stops = printedContaining(t, "got None, stopping");
        QCOMPARE(stops.size(), std::size_t(consumers));
        std::set<std::string> stopped;
        for (const Printed& p : stops) stopped.insert(p.actor);
        QCOMPARE(stopped.size(), std::size_t(consumers));
        // Queue length over time, from the puts and gets: never above maxsize, and back to 0 at the end.
        long length = 0;
        long peak = 0;
        for (std::size_t i = 0; i < t.eventCount(); ++i) {
            const TraceEvent& e = t.event(i);
            if (objName(t, e) != "q" || e.result != Result::Ok) continue;
            if (e.op == Op::Put) peak = std::max(peak, ++length);
            if (e.op == Op::Get) --length;
            QVERIFY(length >= 0);
        }
        QCOMPARE(length, 0L);
        if (maxsize > 0) QVERIFY2(peak <= maxsize, qPrintable(QString::number(peak)));
        if (maxsize == 2) QVERIFY(!events(t, Op::Put, Result::Blocked, "q").empty());  // the producer waits for room
        if (maxsize == 0) QVERIFY(events(t, Op::Put, Result::Blocked, "q").empty());
        // q.join() returns only after the last task_done.
        const auto done = events(t, Op::TaskDone, Result::Ok, "q");
        QCOMPARE(done.size(), std::size_t(items * producers + consumers));
        QCOMPARE(done.back().arg, 0);
        const auto handled = printedContaining(t, "all items handled");
        QCOMPARE(handled.size(), std::size_t(1));
        QVERIFY(handled[0].time >= done.back().time);
    }

    void queueDefaultsPileUp() {
        // Unbounded by default: items pile up because handling is slower than making.
        const auto r = run("queue-producer-consumers");
        int length = 0;
        int peak = 0;
        for (std::size_t i = 0; i < r->trace.eventCount(); ++i) {
            const TraceEvent& e = r->trace.event(i);
            if (e.op == Op::Put && e.result == Result::Ok) peak = std::max(peak, ++length);
            if (e.op == Op::Get && e.result == Result::Ok) --length;
        }
        QVERIFY(peak > 5);
        // maxsize 5: the producer now waits for room, yet the run takes as long (the consumers set the pace).
        const auto bounded = run("queue-producer-consumers", std::nullopt, std::nullopt, {{"maxsize", 5}});
        QVERIFY(!events(bounded->trace, Op::Put, Result::Blocked, "q").empty());
        QCOMPARE(bounded->outcome().endTime, r->outcome().endTime);
    }

    // ---- determinism: the seed that produced an outcome reproduces it exactly ----

    void sameSeedSameTrace_data() {
        QTest::addColumn<QString>("id");
        for (const Scenario& s : scenarios::all()) QTest::newRow(s.id.c_str()) << QString::fromStdString(s.id);
    }
    void sameSeedSameTrace() {
        QFETCH(QString, id);
        const auto a = run(id.toStdString(), PolicyKind::Random, 42);
        const auto b = run(id.toStdString(), PolicyKind::Random, 42);
        QCOMPARE(a->trace.eventCount(), b->trace.eventCount());
        for (std::size_t i = 0; i < a->trace.eventCount(); ++i) {
            const TraceEvent& x = a->trace.event(i);
            const TraceEvent& y = b->trace.event(i);
            QVERIFY(x.time == y.time && x.actor == y.actor && x.op == y.op && x.object == y.object &&
                    x.result == y.result && x.line == y.line);
        }
        QCOMPARE(a->outcome().status, b->outcome().status);
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestScenarios)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_scenarios.moc"
