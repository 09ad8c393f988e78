// The lock and synchronisation scenarios added after the first catalogue: lock-counter-many, point-atomicity,
// lock-nonblocking, semaphore-active-pool, event-timeout, condition-notify-all, bounded-buffer-monitor. Each
// test checks what SCENARIOS.md says must be observable, from the trace and the printed lines.

#include "common/TestMain.h"
#include <QtTest>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "common/ScenarioTrace.h"
#include "lockstep/Execution.h"

using namespace lockstep;
using namespace lockstep::testing;

namespace {

// Replays a lock's acquires and releases in trace order: who holds it just before event `index`.
ActorId lockOwnerBefore(const Trace& t, const std::string& lock, std::size_t index) {
    ActorId owner = kNoActor;
    for (std::size_t i = 0; i < index; ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op != Op::Acquire && e.op != Op::Release) continue;
        if (objName(t, e) != lock) continue;
        if (e.op == Op::Acquire && e.result == Result::Acquired) owner = e.actor;
        if (e.op == Op::Release && e.result == Result::Ok && e.arg == 0) owner = kNoActor;
    }
    return owner;
}

// Python's list repr printed by semaphore-active-pool: how many names "['a', 'b']" holds.
int namesInList(const std::string& text) {
    const auto open = text.find('[');
    if (open == std::string::npos) return -1;
    return static_cast<int>(std::count(text.begin() + static_cast<long>(open), text.end(), '\'')) / 2;
}

}  // namespace

class TestScenariosSync : public QObject {
    Q_OBJECT

private:
    WorkerPool pool_;

    std::unique_ptr<Run> run(const std::string& id, std::optional<PolicyKind> policy = std::nullopt,
                             std::optional<std::uint64_t> seed = std::nullopt, const ParamList& params = {}) {
        return runScenario(pool_, id, policy, seed, params);
    }

private slots:
    // ---- lock-counter-many ----

    void lockCounterMany_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("increments");
        QTest::addColumn<int>("workMs");
        QTest::addColumn<bool>("pool");
        const auto add = [](const QString& name, PolicyKind k, quint64 seed, int threads, int n, int ms,
                            bool pool = false) {
            QTest::newRow(qPrintable(name)) << k << seed << threads << n << ms << pool;
        };
        add("rr", PolicyKind::RoundRobin, 1, 5, 100, 1);
        add("coop", PolicyKind::Cooperative, 1, 5, 100, 1);
        for (quint64 seed = 1; seed <= 6; ++seed)
            add(QStringLiteral("random-%1").arg(seed), PolicyKind::Random, seed, 5, 100, 1);
        add("random-3-threads-x40-5ms", PolicyKind::Random, 9, 3, 40, 5);
        add("rr-8-threads-x20", PolicyKind::RoundRobin, 1, 8, 20, 2);
        // No CPU time inside the lock: only a policy that may switch at any step makes anyone find it taken.
        add("rr-no-work", PolicyKind::RoundRobin, 1, 5, 100, 0);
        add("coop-no-work", PolicyKind::Cooperative, 1, 5, 100, 0);
        add("random-4-no-work", PolicyKind::Random, 4, 5, 100, 0);
        // The same loops as tasks of a ThreadPoolExecutor: its workers T_0... take the threads' place.
        add("pool-rr", PolicyKind::RoundRobin, 1, 5, 40, 1, true);
        add("pool-coop", PolicyKind::Cooperative, 1, 5, 40, 1, true);
        add("pool-random-2", PolicyKind::Random, 2, 5, 40, 1, true);
        add("pool-random-5-3-threads", PolicyKind::Random, 5, 3, 30, 2, true);
    }
    void lockCounterMany() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(int, threads);
        QFETCH(int, increments);
        QFETCH(int, workMs);
        QFETCH(bool, pool);
        const auto r = run("lock-counter-many", policy, seed,
                           {{"threads", threads}, {"increments", increments}, {"work_ms", workMs}, {"pool", pool}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        if (pool) {
            // max_workers = threads, one task each: exactly that many workers, each a real thread of its own.
            std::set<std::int64_t> tids;
            int workers = 0;
            for (ActorId a = 0; a < t.actorCount(); ++a)
                if (t.actor(a).name.rfind("T_", 0) == 0) {
                    ++workers;
                    tids.insert(t.actor(a).tid);
                }
            QCOMPARE(workers, threads);
            QCOMPARE(int(tids.size()), threads);
        }
        const std::string total = std::to_string(threads * increments);
        QCOMPARE(sharedValue(t, "counter"), std::optional<std::string>(total));
        QCOMPARE(printedContaining(t, "counter =").at(0).text, "counter = " + total);

        // What each thread printed against its acquires in the trace: an acquire that blocked at least once
        // is one contended acquire, and it waited from its first Blocked event to its Acquired event.
        struct Count {
            int contended = 0;
            Nanos waited = 0;
        };
        std::map<std::string, Count> fromTrace;
        std::map<std::string, Nanos> blockedSince;
        ActorId holder = kNoActor;
        for (std::size_t i = 0; i < t.eventCount(); ++i) {
            const TraceEvent& e = t.event(i);
            const std::string obj = objName(t, e);
            const std::string who = actorName(t, e);
            if (obj == "lock" && e.op == Op::Acquire && e.result == Result::Blocked &&
                !blockedSince.count(who))
                blockedSince[who] = e.time;
            if (obj == "lock" && e.op == Op::Acquire && e.result == Result::Acquired) {
                QCOMPARE(holder, kNoActor);
                holder = e.actor;
                if (const auto it = blockedSince.find(who); it != blockedSince.end()) {
                    ++fromTrace[who].contended;
                    fromTrace[who].waited += e.time - it->second;
                    blockedSince.erase(it);
                }
            }
            if (obj == "lock" && e.op == Op::Release) holder = kNoActor;
            // Only the lock holder touches the counter.
            if (obj == "counter" && (e.op == Op::Load || e.op == Op::Store)) QCOMPARE(e.actor, holder);
        }
        const std::regex report(R"((T_?\d+): found the lock taken (\d+) of (\d+) times, waited (\d+) ms)");
        const auto reports = printedContaining(t, "found the lock taken");
        QCOMPARE(reports.size(), std::size_t(threads));
        int contended = 0;
        for (const Printed& p : reports) {
            std::smatch m;
            QVERIFY2(std::regex_match(p.text, m, report), p.text.c_str());
            QCOMPARE(m[1].str(), p.actor);
            QCOMPARE(std::stoi(m[3].str()), increments);
            const Count& c = fromTrace[p.actor];
            QCOMPARE(std::stoi(m[2].str()), c.contended);
            QCOMPARE(std::stoll(m[4].str()), std::llround(double(c.waited) / double(kMilli)));
            contended += c.contended;
        }
        if (workMs > 0) {
            // With CPU time inside the lock, the others run meanwhile and find it taken, under every policy.
            QVERIFY(contended > 0);
        } else {
            // Without it, only a policy that preempts between any two steps produces contention.
            QCOMPARE(contended > 0, policy == PolicyKind::Random);
        }
    }

    void lockCounterManyDefaults() {
        // The scenario's own run: five threads, 100 increments, the lock changing hands often.
        const auto r = run("lock-counter-many");
        const Trace& t = r->trace;
        QCOMPARE(sharedValue(t, "counter"), std::optional<std::string>("500"));
        const auto reports = printedContaining(t, "found the lock taken");
        QCOMPARE(reports.size(), std::size_t(5));
        for (const Printed& p : reports)
            QVERIFY2(p.text.find("taken 0 of") == std::string::npos, p.text.c_str());
        QVERIFY(events(t, Op::Acquire, Result::Blocked, "lock").size() > 100);
    }

    // ---- point-atomicity ----

    void pointTornWithoutLock() {
        // Mode 0: some schedule among the first 200 seeds tears a read, and the race detector reports it.
        int tornRuns = 0;
        std::optional<std::uint64_t> firstTorn;
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            const auto r = run("point-atomicity", PolicyKind::Random, seed, {{"mode", 0}});
            const Trace& t = r->trace;
            QCOMPARE(r->outcome().status, RunStatus::Finished);
            QVERIFY(!t.races().empty());
            if (!printedContaining(t, "TORN").empty()) {
                ++tornRuns;
                if (!firstTorn) firstTorn = seed;
            }
        }
        QVERIFY(firstTorn);
        QVERIFY(tornRuns > 0);
        // Round-robin runs each thread to its end: never torn, though the detector still sees unordered
        // accesses (a race is a property of the program, not of the one schedule).
        const auto rr = run("point-atomicity", PolicyKind::RoundRobin, 1, {{"mode", 0}});
        QVERIFY(printedContaining(rr->trace, "TORN").empty());
        QVERIFY(!rr->trace.races().empty());
    }

    void pointDefaultsShowTornReadsAndPoint() {
        const auto r = run("point-atomicity");
        const Trace& t = r->trace;
        QVERIFY(!printedContaining(t, "TORN").empty());
        QVERIFY(!printedContaining(t, ") ok").empty());
        const auto final = printedContaining(t, "final point:");
        QCOMPARE(final.size(), std::size_t(1));
        QVERIFY2(final[0].text == "final point: (1, 2)" || final[0].text == "final point: (2, 1)",
                 final[0].text.c_str());
        std::set<std::string> raced;
        for (const DataRace& race : t.races()) raced.insert(t.object(race.object).name);
        QCOMPARE(raced, (std::set<std::string>{"x", "y"}));
    }

    void pointReaderPrintsWhatItLoaded() {
        // Each printed pair is the reader's own two loads, x then y.
        const auto r = run("point-atomicity");
        const Trace& t = r->trace;
        std::vector<std::string> fromLoads;
        std::optional<int> x;
        for (std::size_t i = 0; i < t.eventCount(); ++i) {
            const TraceEvent& e = t.event(i);
            if (e.op != Op::Load || actorName(t, e) != "reader") continue;
            if (objName(t, e) == "x") {
                x = e.arg;
            } else {
                QVERIFY(x);
                fromLoads.push_back("reader: (" + std::to_string(*x) + ", " + std::to_string(e.arg) + ")" +
                                    (*x == e.arg ? " ok" : " TORN"));
                x.reset();
            }
        }
        std::vector<std::string> texts;
        for (const Printed& p : printedContaining(t, "reader: (")) texts.push_back(p.text);
        QCOMPARE(texts, fromLoads);
        QCOMPARE(texts.size(), std::size_t(5));
    }

    void pointNeverTornWithLock_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("Lock") << 1;
        QTest::newRow("RLock-nested") << 2;
    }
    void pointNeverTornWithLock() {
        QFETCH(int, mode);
        std::vector<std::unique_ptr<Run>> runs;
        runs.push_back(run("point-atomicity", PolicyKind::RoundRobin, 1, {{"mode", mode}}));
        runs.push_back(run("point-atomicity", PolicyKind::Cooperative, 1, {{"mode", mode}}));
        for (std::uint64_t seed = 0; seed < 200; ++seed)
            runs.push_back(run("point-atomicity", PolicyKind::Random, seed, {{"mode", mode}}));
        runs.push_back(
            run("point-atomicity", PolicyKind::Random, 7, {{"mode", mode}, {"rounds", 20}, {"reads", 20}}));
        for (const auto& r : runs) {
            const Trace& t = r->trace;
            QCOMPARE(r->outcome().status, RunStatus::Finished);
            QVERIFY(printedContaining(t, "TORN").empty());
            QVERIFY(t.races().empty());
            const auto final = printedContaining(t, "final point:");
            QCOMPARE(final.size(), std::size_t(1));
            QVERIFY2(final[0].text == "final point: (1, 1)" || final[0].text == "final point: (2, 2)",
                     final[0].text.c_str());
            // The nested calls of mode 2 re-enter the RLock (recursion count 2); mode 1 never nests.
            int deepest = 0;
            for (const TraceEvent& e : events(t, Op::Acquire, Result::Acquired, "lock"))
                deepest = std::max(deepest, int(e.arg));
            QCOMPARE(deepest, mode == 2 ? 2 : 1);
        }
    }

    // ---- lock-nonblocking ----

    void lockNonblocking_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("successes");
        QTest::newRow("rr") << PolicyKind::RoundRobin << quint64(1) << 3;
        QTest::newRow("coop") << PolicyKind::Cooperative << quint64(1) << 3;
        for (quint64 seed = 1; seed <= 12; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed)))
                << PolicyKind::Random << seed << 3;
        QTest::newRow("random-5-successes") << PolicyKind::Random << quint64(3) << 5;
    }
    void lockNonblocking() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(int, successes);
        const auto r = run("lock-nonblocking", policy, seed, {{"successes", successes}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        const ActorId holder = *actorByName(t, "holder");
        const ActorId worker = *actorByName(t, "worker");
        QCOMPARE(t.actor(holder).endState, EndState::Killed);  // the daemon stops when main ends
        int tries = 0;
        int got = 0;
        bool first = true;
        for (std::size_t i = 0; i < t.eventCount(); ++i) {
            const TraceEvent& e = t.event(i);
            if (e.actor != worker || e.op != Op::Acquire || objName(t, e) != "lock") continue;
            // A try never waits: it succeeds or fails on the spot, at a multiple of the 0.5 s period.
            QVERIFY(e.result == Result::Acquired || e.result == Result::Failed);
            QCOMPARE(e.time % (500 * kMilli), Nanos(0));
            ++tries;
            const ActorId owner = lockOwnerBefore(t, "lock", i);
            if (e.result == Result::Failed) {
                QCOMPARE(owner, holder);  // every failed try finds the holder inside
            } else {
                QCOMPARE(owner, kNoActor);
                ++got;
            }
            if (first) QCOMPARE(e.result, Result::Failed);  // the worker starts while the holder is inside
            first = false;
        }
        QCOMPARE(got, successes);
        QVERIFY(tries > successes);
        const auto summary = printedContaining(t, "successes took");
        QCOMPARE(summary.size(), std::size_t(1));
        QCOMPARE(summary[0].text, "worker: " + std::to_string(successes) + " successes took " +
                                      std::to_string(tries) + " tries");
        QCOMPARE(printedContaining(t, ": busy").size(), std::size_t(tries - successes));
        QCOMPARE(printedContaining(t, ": got the lock").size(), std::size_t(successes));
    }

    void lockNonblockingTriesDependOnOrder() {
        // Holder and worker wake at the same instants; who goes first decides each try, so the count varies.
        std::map<int, std::string> seen;
        const auto triesOf = [](const Trace& t) {
            const std::regex took(R"(worker: \d+ successes took (\d+) tries)");
            std::smatch m;
            const std::string text = printedContaining(t, "successes took").at(0).text;
            return std::regex_match(text, m, took) ? std::stoi(m[1].str()) : -1;
        };
        const auto rr = run("lock-nonblocking", PolicyKind::RoundRobin, 1);
        seen[triesOf(rr->trace)] = "rr";
        // Round-robin wakes the holder first each time: busy at 0, 1, 2; free at 0.5, 1.5, 2.5.
        QCOMPARE(triesOf(rr->trace), 6);
        std::vector<Nanos> busyAt;
        for (const Printed& p : printedContaining(rr->trace, ": busy")) busyAt.push_back(p.time);
        QCOMPARE(busyAt, (std::vector<Nanos>{0, 1 * kSecond, 2 * kSecond}));
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            const auto r = run("lock-nonblocking", PolicyKind::Random, seed);
            seen.emplace(triesOf(r->trace), "random");
        }
        QVERIFY2(seen.size() >= 3, qPrintable(QString::number(seen.size())));
        QVERIFY(seen.begin()->first > 3);
    }

    // ---- semaphore-active-pool ----

    void semaphoreActivePool_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("slotCount");
        QTest::newRow("rr") << PolicyKind::RoundRobin << quint64(1) << 4 << 2;
        QTest::newRow("coop") << PolicyKind::Cooperative << quint64(1) << 4 << 2;
        for (quint64 seed = 1; seed <= 8; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed)))
                << PolicyKind::Random << seed << 4 << 2;
        QTest::newRow("random-9-workers-3-slots") << PolicyKind::Random << quint64(11) << 9 << 3;
    }
    void semaphoreActivePool() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(int, workers);
        QFETCH(int, slotCount);
        const auto r =
            run("semaphore-active-pool", policy, seed, {{"workers", workers}, {"slots", slotCount}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        // The printed list never holds more names than there are slots, and it gets that full.
        int peak = 0;
        std::map<std::string, int> ins;
        std::map<std::string, int> outs;
        for (const Printed& p : printed(t)) {
            const int n = namesInList(p.text);
            QVERIFY2(n >= 0 && n <= slotCount, p.text.c_str());
            peak = std::max(peak, n);
            const bool listed = p.text.find("'" + p.actor + "'") != std::string::npos;
            if (p.text.find(": in, ") != std::string::npos) {
                ++ins[p.actor];
                QVERIFY2(listed, p.text.c_str());
            } else {
                ++outs[p.actor];
                QVERIFY2(!listed, p.text.c_str());
            }
        }
        QCOMPARE(peak, slotCount);
        QCOMPARE(ins.size(), std::size_t(workers));
        QCOMPARE(outs.size(), std::size_t(workers));
        QVERIFY(printedContaining(t, "active = []").size() >= 1);
        // The same from the trace: slots taken, and the list length changed under the lock (taken on listing
        // line 11 to add a name, on line 16 to remove one).
        QCOMPARE(peakTaken(t, "slots"), slotCount);
        int length = 0;
        int longest = 0;
        for (const TraceEvent& e : events(t, Op::Acquire, Result::Acquired, "lock")) {
            if (e.line == 11) longest = std::max(longest, ++length);
            if (e.line == 16) --length;
            QVERIFY(length >= 0);
        }
        QCOMPARE(longest, slotCount);
        QCOMPARE(length, 0);
    }

    // ---- event-timeout ----

    void eventTimeout_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("timeoutS");
        QTest::addColumn<int>("otherMs");
        QTest::addColumn<QList<qint64>>("timeoutsAtMs");
        QTest::addColumn<QList<qint64>>("waitsAtMs");
        const QList<qint64> defaultsTimeouts{2000};
        const QList<qint64> defaultsWaits{0, 2500};
        QTest::newRow("rr") << PolicyKind::RoundRobin << quint64(1) << 2 << 500 << defaultsTimeouts
                            << defaultsWaits;
        QTest::newRow("coop") << PolicyKind::Cooperative << quint64(1) << 2 << 500 << defaultsTimeouts
                              << defaultsWaits;
        for (quint64 seed = 1; seed <= 4; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed)))
                << PolicyKind::Random << seed << 2 << 500 << defaultsTimeouts << defaultsWaits;
        QTest::newRow("timeout-1s") << PolicyKind::RoundRobin << quint64(1) << 1 << 200
                                    << QList<qint64>{1000, 2200} << QList<qint64>{0, 1200, 2400};
    }
    void eventTimeout() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(int, timeoutS);
        QFETCH(int, otherMs);
        QFETCH(QList<qint64>, timeoutsAtMs);
        QFETCH(QList<qint64>, waitsAtMs);
        const auto r = run("event-timeout", policy, seed, {{"timeout_s", timeoutS}, {"other_ms", otherMs}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        const auto msOf = [&](const std::vector<TraceEvent>& es, const std::string& who) {
            QList<qint64> out;
            for (const TraceEvent& e : es)
                if (actorName(t, e) == who) out << e.time / kMilli;
            return out;
        };
        // The impatient thread waits, times out, does its other work, waits again...
        QCOMPARE(msOf(events(t, Op::Wait, Result::Blocked, "ready"), "impatient"), waitsAtMs);
        QCOMPARE(msOf(events(t, Op::Wait, Result::Timeout, "ready"), "impatient"), timeoutsAtMs);
        QList<qint64> printedAt;
        for (const Printed& p : printedContaining(t, "impatient: timed out, doing other work"))
            printedAt << p.time / kMilli;
        QCOMPARE(printedAt, timeoutsAtMs);
        // ...the patient one waits once, from t=0...
        QCOMPARE(msOf(events(t, Op::Wait, Result::Blocked, "ready"), "patient"), QList<qint64>{0});
        QVERIFY(msOf(events(t, Op::Wait, Result::Timeout, "ready"), "patient").isEmpty());
        // ...and both wake at t=3, when main sets the event.
        const auto sets = events(t, Op::Set, Result::Ok, "ready");
        QCOMPARE(sets.size(), std::size_t(1));
        QCOMPARE(sets[0].time, 3 * kSecond);
        QCOMPARE(sets[0].arg, 2);  // two waiters at that moment
        QCOMPARE(msOf(events(t, Op::Wait, Result::Woken, "ready"), "patient"), QList<qint64>{3000});
        QCOMPARE(msOf(events(t, Op::Wait, Result::Woken, "ready"), "impatient"), QList<qint64>{3000});
        const auto goingOn = printedContaining(t, "the event is set");
        QCOMPARE(goingOn.size(), std::size_t(2));
        for (const Printed& p : goingOn) {
            QCOMPARE(p.text, p.actor + ": the event is set");
            QCOMPARE(p.time, 3 * kSecond);
        }
        QVERIFY(goingOn[0].actor != goingOn[1].actor);
        QCOMPARE(r->outcome().endTime, 3 * kSecond);
    }

    // ---- condition-notify-all ----

    void conditionNotifyAll_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("consumers");
        QTest::newRow("rr") << PolicyKind::RoundRobin << quint64(1) << 2;
        QTest::newRow("coop") << PolicyKind::Cooperative << quint64(1) << 2;
        for (quint64 seed = 1; seed <= 6; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed)))
                << PolicyKind::Random << seed << 2;
        QTest::newRow("random-4-consumers") << PolicyKind::Random << quint64(2) << 4;
    }
    void conditionNotifyAll() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(int, consumers);
        const auto r = run("condition-notify-all", policy, seed, {{"consumers", consumers}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        const auto notifies = events(t, Op::NotifyAll, Result::Ok, "cond");
        QCOMPARE(notifies.size(), std::size_t(1));
        QCOMPARE(notifies[0].time, 4 * kSecond);
        QCOMPARE(int(notifies[0].arg), consumers);  // every consumer was waiting
        std::set<std::string> waited;
        for (const TraceEvent& e : events(t, Op::Wait, Result::Blocked, "cond")) {
            QCOMPARE(e.time, Nanos(0));  // they wait from the start
            waited.insert(actorName(t, e));
        }
        std::set<std::string> woken;
        for (const TraceEvent& e : events(t, Op::Wait, Result::Woken, "cond")) {
            QCOMPARE(e.time, 4 * kSecond);
            woken.insert(actorName(t, e));
        }
        QCOMPARE(waited.size(), std::size_t(consumers));
        QCOMPARE(woken, waited);
        const auto goingOn = printedContaining(t, "woken, the resource is available");
        QCOMPARE(goingOn.size(), std::size_t(consumers));
        for (const Printed& p : goingOn) QCOMPARE(p.time, 4 * kSecond);
    }

    void conditionNotifyOneLeavesTheOthers() {
        // With notify() only one consumer wakes; the other waits forever and the run ends stuck.
        for (const PolicyKind policy : {PolicyKind::RoundRobin, PolicyKind::Random}) {
            const auto r = run("condition-notify-all", policy, 3, {{"wake_all", 0}});
            const Trace& t = r->trace;
            QCOMPARE(r->outcome().status, RunStatus::Stuck);
            QVERIFY(events(t, Op::NotifyAll, std::nullopt, "cond").empty());
            QCOMPARE(events(t, Op::Notify, Result::Ok, "cond").size(), std::size_t(1));
            const auto woken = events(t, Op::Wait, Result::Woken, "cond");
            QCOMPARE(woken.size(), std::size_t(1));
            QCOMPARE(woken[0].time, 4 * kSecond);
            QCOMPARE(printedContaining(t, "woken, the resource is available").size(), std::size_t(1));
            int blocked = 0;
            for (const char* name : {"consumer-1", "consumer-2"})
                if (t.actor(*actorByName(t, name)).endState == EndState::Blocked) ++blocked;
            QCOMPARE(blocked, 1);
        }
    }

    // ---- bounded-buffer-monitor ----

    void boundedBufferMonitor_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("producers");
        QTest::addColumn<int>("consumers");
        QTest::newRow("rr") << PolicyKind::RoundRobin << quint64(1) << 5 << 2 << 2;
        QTest::newRow("coop") << PolicyKind::Cooperative << quint64(1) << 5 << 2 << 2;
        for (quint64 seed = 1; seed <= 6; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed)))
                << PolicyKind::Random << seed << 5 << 2 << 2;
        QTest::newRow("random-size-2") << PolicyKind::Random << quint64(7) << 2 << 2 << 2;
        QTest::newRow("rr-1-producer-3-consumers") << PolicyKind::RoundRobin << quint64(1) << 3 << 1 << 3;
        QTest::newRow("random-3-producers-1-consumer") << PolicyKind::Random << quint64(8) << 4 << 3 << 1;
    }
    void boundedBufferMonitor() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(int, size);
        QFETCH(int, producers);
        QFETCH(int, consumers);
        const int items = 10;
        const auto r =
            run("bounded-buffer-monitor", policy, seed,
                {{"size", size}, {"producers", producers}, {"consumers", consumers}, {"items", items}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        // Every item is consumed exactly once; each consumer stops on one None.
        std::multiset<std::string> got;
        std::multiset<std::string> stopped;
        const std::regex gotLine(R"((consumer-\d+): got (\w+), (\d+) in the buffer)");
        for (const Printed& p : printedContaining(t, ": got ")) {
            std::smatch m;
            QVERIFY2(std::regex_match(p.text, m, gotLine), p.text.c_str());
            QCOMPARE(m[1].str(), p.actor);
            QVERIFY(std::stoi(m[3].str()) < size);
            if (m[2].str() == "None")
                stopped.insert(p.actor);
            else
                got.insert(m[2].str());
        }
        std::multiset<std::string> expected;
        for (int i = 0; i < items * producers; ++i) expected.insert(std::to_string(i));
        QCOMPARE(got, expected);
        QCOMPARE(stopped.size(), std::size_t(consumers));
        QCOMPARE(std::set<std::string>(stopped.begin(), stopped.end()).size(), std::size_t(consumers));
        for (const Printed& p : printedContaining(t, ": put ")) {
            const auto comma = p.text.find(", ");
            QVERIFY(comma != std::string::npos);
            const int n = std::stoi(p.text.substr(comma + 2));
            QVERIFY2(n >= 1 && n <= size, p.text.c_str());
        }
        // The buffer's length from the trace: every put notifies not_empty once and every get notifies
        // not_full once, both inside the lock. A thread that starts waiting holds that lock, so the count is
        // exact there: producers wait only on a full buffer, consumers only on an empty one.
        int length = 0;
        bool producerWaitedFull = false;
        bool consumerWaitedEmpty = false;
        for (std::size_t i = 0; i < t.eventCount(); ++i) {
            const TraceEvent& e = t.event(i);
            const std::string obj = objName(t, e);
            if (e.op == Op::Notify && obj == "not_empty") ++length;
            if (e.op == Op::Notify && obj == "not_full") --length;
            QVERIFY(length >= 0 && length <= size);
            if (e.op != Op::Wait || e.result != Result::Blocked) continue;
            const std::string who = actorName(t, e);
            if (obj == "not_full") {
                QCOMPARE(length, size);
                producerWaitedFull = producerWaitedFull || who.rfind("producer-", 0) == 0;
            } else if (obj == "not_empty") {
                QCOMPARE(length, 0);
                consumerWaitedEmpty = consumerWaitedEmpty || who.rfind("consumer-", 0) == 0;
            }
        }
        QCOMPARE(length, 0);
        QVERIFY(producerWaitedFull);
        QVERIFY(consumerWaitedEmpty);
        // len(self) inside put() and get() re-enters the RLock.
        int deepest = 0;
        for (const TraceEvent& e : events(t, Op::Acquire, Result::Acquired, "lock"))
            deepest = std::max(deepest, int(e.arg));
        QCOMPARE(deepest, 2);
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestScenariosSync)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_scenarios_sync.moc"
