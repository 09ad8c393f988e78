// The "threads" family: random sleeps, thread names, daemon threads, a Thread subclass, thread-local data and
// timers. Each test checks what SCENARIOS.md says must be observable, under round-robin, cooperative and
// several random schedules.

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
using namespace lockstep::testing;

namespace {

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The number in "<prefix><number> s" (e.g. "worker-3: sleeping 7 s" with prefix "worker-3: sleeping ").
std::int64_t secondsAfter(const std::string& text, const std::string& prefix) {
    if (!startsWith(text, prefix)) return -1;
    return std::stoll(text.substr(prefix.size()));
}

// The lines one actor printed, in order.
std::vector<Printed> printedBy(const Trace& t, const std::string& actor) {
    std::vector<Printed> out;
    for (const Printed& p : printed(t))
        if (p.actor == actor) out.push_back(p);
    return out;
}

std::vector<std::string> texts(const std::vector<Printed>& lines) {
    std::vector<std::string> out;
    for (const Printed& p : lines) out.push_back(p.text);
    return out;
}

// One event as the learner sees it, without its listing line: the same program in other words (a target
// function, a subclass) gives an equal list of these.
struct Seen {
    Nanos time;
    std::string actor;
    Op op;
    Result result;
    std::string object;
    std::string arg;
    std::uint8_t flags;
    bool operator==(const Seen&) const = default;
};

std::vector<Seen> seen(const Trace& t) {
    std::vector<Seen> out;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        const std::string arg = (e.flags & TraceEvent::ArgIsString) ? std::string(t.argText(e)) : std::to_string(e.arg);
        out.push_back({e.time, actorName(t, e), e.op, e.result, objName(t, e), arg, e.flags});
    }
    return out;
}

}  // namespace

class TestScenariosThreads : public ScenarioSuite {
    Q_OBJECT

private slots:
    void familyHoldsTheCatalogue() {
        for (const char* id : {"threads-start-join", "threads-random-sleep", "thread-names", "daemon-threads",
                               "thread-subclass", "thread-local", "timer-cancel"}) {
            const scenarios::Scenario* s = scenarios::find(id);
            QVERIFY2(s, id);
            QCOMPARE(QString(s->family), QStringLiteral("threads"));
        }
    }

    // ---- threads-random-sleep ----

    void randomSleepWakesInOrderOfTheDraws_data() { addPolicyRows(8); }
    void randomSleepWakesInOrderOfTheDraws() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("threads-random-sleep", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        std::map<std::string, std::int64_t> drawn;
        for (int i = 1; i <= 4; ++i) {
            const std::string name = "worker-" + std::to_string(i);
            const auto sleeping = printedContaining(t, name + ": sleeping ");
            QCOMPARE(sleeping.size(), std::size_t(1));
            QCOMPARE(sleeping[0].actor, name);
            QCOMPARE(sleeping[0].time, Nanos(0));
            const std::int64_t s = secondsAfter(sleeping[0].text, name + ": sleeping ");
            QVERIFY2(s >= 1 && s <= 10, sleeping[0].text.c_str());
            drawn[name] = s;
            // It wakes exactly when its own draw says, and says so.
            const auto awake = printedContaining(t, name + ": awake after ");
            QCOMPARE(awake.size(), std::size_t(1));
            QCOMPARE(awake[0].time, s * kSecond);
            QCOMPARE(secondsAfter(awake[0].text, name + ": awake after "), s);
            QCOMPARE(endTime(t, name), std::optional<Nanos>(s * kSecond));
        }
        // The order of the "awake" lines follows the draws, not the start order.
        std::int64_t previous = 0;
        for (const Printed& p : printedContaining(t, ": awake after ")) {
            QVERIFY2(drawn.at(p.actor) >= previous, p.text.c_str());
            previous = drawn.at(p.actor);
        }
        const std::int64_t longest = std::max_element(drawn.begin(), drawn.end(), [](const auto& a, const auto& b) {
                                         return a.second < b.second;
                                     })->second;
        const auto last = printedContaining(t, "main: every worker is awake");
        QCOMPARE(last.size(), std::size_t(1));
        QCOMPARE(last[0].time, longest * kSecond);
        QCOMPARE(r->outcome().endTime, longest * kSecond);
    }

    void randomSleepSeedFixesTheDraw() {
        // Same seed and policy: the same lines at the same times.
        for (const PolicyKind policy : {PolicyKind::RoundRobin, PolicyKind::Random}) {
            const auto a = run("threads-random-sleep", policy, 5);
            const auto b = run("threads-random-sleep", policy, 5);
            const auto pa = printed(a->trace);
            const auto pb = printed(b->trace);
            QCOMPARE(texts(pa), texts(pb));
            for (std::size_t i = 0; i < pa.size(); ++i) QCOMPARE(pa[i].time, pb[i].time);
        }
        // Other seeds draw other sleeps.
        std::set<std::vector<std::string>> draws;
        for (std::uint64_t seed = 1; seed <= 8; ++seed) {
            const auto r = run("threads-random-sleep", PolicyKind::RoundRobin, seed);
            std::vector<std::string> lines = texts(printedContaining(r->trace, ": sleeping "));
            std::sort(lines.begin(), lines.end());
            draws.insert(lines);
        }
        QVERIFY2(draws.size() >= 4, "eight seeds should not give fewer than four different sets of sleeps");
    }

    void randomSleepParameters() {
        const auto r = run("threads-random-sleep", PolicyKind::Random, 3, {{"workers", 7}, {"max_s", 2}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        const auto sleeping = printedContaining(t, ": sleeping ");
        QCOMPARE(sleeping.size(), std::size_t(7));
        for (const Printed& p : sleeping) {
            const std::int64_t s = secondsAfter(p.text, p.actor + ": sleeping ");
            QVERIFY2(s == 1 || s == 2, p.text.c_str());
            QCOMPARE(endTime(t, p.actor), std::optional<Nanos>(s * kSecond));
        }
        QVERIFY(actorByName(t, "worker-7"));
        QVERIFY(!actorByName(t, "worker-8"));
    }

    // ---- thread-names ----

    void threadNamesInEveryLogLine_data() { addPolicyRows(6); }
    void threadNamesInEveryLogLine() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("thread-names", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        // Every line names the thread that printed it: log() asks current_thread().
        std::set<std::string> printers;
        for (const Printed& p : printed(t)) {
            QVERIFY2(startsWith(p.text, "[" + p.actor + "] "), (p.actor + " printed " + p.text).c_str());
            printers.insert(p.actor);
        }
        QCOMPARE(printers, (std::set<std::string>{"MainThread", "worker", "Thread-1", "Thread-2", "service"}));
        // Unnamed threads are numbered from 1 in creation order; the named ones keep their names.
        const auto started = printedContaining(t, "[MainThread] started ");
        QCOMPARE(started.size(), std::size_t(1));
        QCOMPARE(started[0].text, std::string("[MainThread] started worker, Thread-1, Thread-2, service"));
        for (const char* name : {"worker", "Thread-1", "Thread-2"}) {
            QCOMPARE(endTime(t, name), std::optional<Nanos>(2 * kSecond));
            const auto exiting = printedContaining(t, "[" + std::string(name) + "] exiting");
            QCOMPARE(exiting.size(), std::size_t(1));
            QCOMPARE(exiting[0].time, 2 * kSecond);
        }
        QCOMPARE(endTime(t, "service"), std::optional<Nanos>(3 * kSecond));
        const auto ended = printedContaining(t, "[MainThread] every thread has ended");
        QCOMPARE(ended.size(), std::size_t(1));
        QCOMPARE(ended[0].time, 3 * kSecond);
    }

    void threadNamesCountOnlyUnnamedThreads_data() {
        QTest::addColumn<int>("unnamed");
        QTest::addColumn<QString>("startedLine");
        QTest::newRow("none") << 0 << "[MainThread] started worker, service";
        QTest::newRow("one") << 1 << "[MainThread] started worker, Thread-1, service";
        QTest::newRow("four") << 4 << "[MainThread] started worker, Thread-1, Thread-2, Thread-3, Thread-4, service";
    }
    void threadNamesCountOnlyUnnamedThreads() {
        QFETCH(int, unnamed);
        QFETCH(QString, startedLine);
        const auto r = run("thread-names", PolicyKind::Random, 4, {{"unnamed", unnamed}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(QString::fromStdString(printedContaining(t, "[MainThread] started ").at(0).text), startedLine);
        QCOMPARE(t.actorCount(), std::size_t(3 + unnamed));
        QVERIFY(!actorByName(t, "Thread-" + std::to_string(unnamed + 1)));
    }

    // ---- daemon-threads ----

    void daemonThreads_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<qint64>("endSeconds");
        for (const auto& [mode, end] : std::vector<std::pair<int, qint64>>{{0, 0}, {1, 2}, {2, 1}}) {
            QTest::newRow(qPrintable(QStringLiteral("mode%1-rr").arg(mode))) << mode << PolicyKind::RoundRobin << quint64(1) << end;
            QTest::newRow(qPrintable(QStringLiteral("mode%1-coop").arg(mode))) << mode << PolicyKind::Cooperative << quint64(1) << end;
            for (quint64 seed = 1; seed <= 6; ++seed)
                QTest::newRow(qPrintable(QStringLiteral("mode%1-random-%2").arg(mode).arg(seed)))
                    << mode << PolicyKind::Random << seed << end;
        }
    }
    void daemonThreads() {
        QFETCH(int, mode);
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(qint64, endSeconds);
        const auto r = run("daemon-threads", policy, seed, {{"mode", mode}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(r->outcome().endTime, endSeconds * kSecond);
        const auto daemon = actorByName(t, "daemon");
        const auto nonDaemon = actorByName(t, "non-daemon");
        QVERIFY(daemon && nonDaemon);
        QVERIFY(t.actor(*daemon).daemon);
        QVERIFY(!t.actor(*nonDaemon).daemon);
        QCOMPARE(t.actor(*nonDaemon).endState, EndState::Finished);
        const auto byNonDaemon = printedBy(t, "non-daemon");
        QCOMPARE(texts(byNonDaemon), (std::vector<std::string>{"non-daemon: starting", "non-daemon: exiting"}));
        QCOMPARE(byNonDaemon.back().time, Nanos(0));
        const auto byDaemon = printedBy(t, "daemon");
        QVERIFY(!byDaemon.empty());
        QCOMPARE(byDaemon[0].text, std::string("daemon: starting"));
        QCOMPARE(byDaemon[0].time, Nanos(0));
        const auto done = printedContaining(t, "main: done");
        QCOMPARE(done.size(), std::size_t(1));
        QCOMPARE(done[0].time, endSeconds * kSecond);
        std::vector<Printed> exiting;
        for (const Printed& p : byDaemon)
            if (p.text == "daemon: exiting") exiting.push_back(p);
        const auto alive = printedContaining(t, "main: daemon alive:");
        const auto joins = events(t, Op::Join, std::nullopt, "daemon");
        if (mode == 1) {
            // join() waits: the daemon gets to its last line at t=2, then main goes on.
            QCOMPARE(exiting.size(), std::size_t(1));
            QCOMPARE(exiting[0].time, 2 * kSecond);
            QCOMPARE(t.actor(*daemon).endState, EndState::Finished);
            QVERIFY(alive.empty());
        } else {
            // Nothing waits for the daemon long enough: the program ends first and stops it mid-sleep.
            QVERIFY(exiting.empty());
            QCOMPARE(t.actor(*daemon).endState, EndState::Killed);
        }
        if (mode == 0) {
            QVERIFY(joins.empty());
            QVERIFY(alive.empty());
        }
        if (mode == 2) {
            // join(timeout=1) gives up at t=1 with the daemon still alive.
            const auto timeouts = events(t, Op::Join, Result::Timeout, "daemon");
            QCOMPARE(timeouts.size(), std::size_t(1));
            QCOMPARE(timeouts[0].time, 1 * kSecond);
            QCOMPARE(actorName(t, timeouts[0]), std::string("MainThread"));
            QCOMPARE(alive.size(), std::size_t(1));
            QCOMPARE(alive[0].text, std::string("main: daemon alive: True"));
            QCOMPARE(alive[0].time, 1 * kSecond);
        }
    }

    // ---- thread-subclass ----

    void threadSubclassTracesLikeTheFunctionForm_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("sleep1");
        QTest::addColumn<int>("sleep2");
        QTest::newRow("rr") << PolicyKind::RoundRobin << quint64(1) << 2 << 1;
        QTest::newRow("coop") << PolicyKind::Cooperative << quint64(1) << 2 << 1;
        for (quint64 seed = 1; seed <= 8; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed))) << PolicyKind::Random << seed << 2 << 1;
        QTest::newRow("rr-1-3") << PolicyKind::RoundRobin << quint64(1) << 1 << 3;
        QTest::newRow("random-0-0") << PolicyKind::Random << quint64(7) << 0 << 0;
    }
    void threadSubclassTracesLikeTheFunctionForm() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(int, sleep1);
        QFETCH(int, sleep2);
        const auto sub = run("thread-subclass", policy, seed, {{"subclass", 1}, {"sleep1", sleep1}, {"sleep2", sleep2}});
        const auto fn = run("thread-subclass", policy, seed, {{"subclass", 0}, {"sleep1", sleep1}, {"sleep2", sleep2}});
        QCOMPARE(sub->outcome().status, RunStatus::Finished);
        QCOMPARE(fn->outcome().status, RunStatus::Finished);
        // run() runs in the new thread, with the argument the constructor kept.
        const auto started = printedContaining(sub->trace, "worker-1: started, sleeping");
        QCOMPARE(started.size(), std::size_t(1));
        QCOMPARE(started[0].actor, std::string("worker-1"));
        QCOMPARE(started[0].text, "worker-1: started, sleeping " + std::to_string(sleep1) + " s");
        QCOMPARE(endTime(sub->trace, "worker-2"), std::optional<Nanos>(sleep2 * kSecond));
        QCOMPARE(endTime(sub->trace, "worker-1"), std::optional<Nanos>(sleep1 * kSecond));
        QCOMPARE(endTime(sub->trace, "MainThread"), std::optional<Nanos>(std::max(sleep1, sleep2) * kSecond));
        // Each form runs its own code: the workers print from run() (line 12) or from work() (line 18).
        for (const auto& [trace, printLine] : {std::pair{&sub->trace, 12}, std::pair{&fn->trace, 18}}) {
            const auto prints = events(*trace, Op::Print, Result::Ok);
            const auto first = std::find_if(prints.begin(), prints.end(),
                                            [&](const TraceEvent& e) { return actorName(*trace, e) == "worker-1"; });
            QVERIFY(first != prints.end());
            QCOMPARE(int(first->line), printLine);
        }
        // Otherwise event for event the same run: ops, actors, objects, times and printed text.
        const std::vector<Seen> a = seen(sub->trace);
        const std::vector<Seen> b = seen(fn->trace);
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            QVERIFY2(a[i] == b[i], qPrintable(QStringLiteral("event %1 differs: %2 %3 %4 vs %5 %6 %7")
                                                  .arg(i)
                                                  .arg(QString::fromStdString(a[i].actor))
                                                  .arg(QString::fromLatin1(opName(a[i].op).data()))
                                                  .arg(QString::fromStdString(a[i].arg))
                                                  .arg(QString::fromStdString(b[i].actor))
                                                  .arg(QString::fromLatin1(opName(b[i].op).data()))
                                                  .arg(QString::fromStdString(b[i].arg))));
        QCOMPARE(sub->outcome().endTime, fn->outcome().endTime);
    }

    // ---- thread-local ----

    void threadLocalSeesOwnValue_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("threads");
        QTest::newRow("rr") << PolicyKind::RoundRobin << quint64(1) << 2;
        QTest::newRow("coop") << PolicyKind::Cooperative << quint64(1) << 2;
        for (quint64 seed = 1; seed <= 6; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed))) << PolicyKind::Random << seed << 2;
        QTest::newRow("rr-5-threads") << PolicyKind::RoundRobin << quint64(1) << 5;
        QTest::newRow("random-5-threads") << PolicyKind::Random << quint64(11) << 5;
    }
    void threadLocalSeesOwnValue() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(int, threads);
        const auto r = run("thread-local", policy, seed, {{"threads", threads}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        // main: unset, then its own 1000, and 1000 again after every worker has stored its own value.
        const std::vector<Printed> mainLines = printedBy(t, "MainThread");
        QCOMPARE(texts(mainLines),
                 (std::vector<std::string>{"main: no value yet", "main: value = 1000", "main: value = 1000"}));
        QCOMPARE(mainLines.back().time, 1 * kSecond);
        for (int n = 1; n <= threads; ++n) {
            const std::string name = "T" + std::to_string(n);
            const std::vector<Printed> lines = printedBy(t, name);
            // A new thread starts with no value; after the others stored theirs it reads its own.
            QCOMPARE(texts(lines), (std::vector<std::string>{name + ": no value yet",
                                                             name + ": value = " + std::to_string(n * 10)}));
            QCOMPARE(lines[0].time, Nanos(0));
            QCOMPARE(lines[1].time, 1 * kSecond);
        }
        // Every worker's first read comes before any worker's second one: the stores did interleave.
        const auto all = printed(t);
        const auto lastEmpty = std::find_if(all.rbegin(), all.rend(), [](const Printed& p) {
            return p.actor != "MainThread" && p.text.find("no value yet") != std::string::npos;
        });
        const auto firstValue = std::find_if(all.begin(), all.end(), [](const Printed& p) {
            return p.actor != "MainThread" && p.text.find("value =") != std::string::npos;
        });
        QVERIFY(lastEmpty != all.rend() && firstValue != all.end());
        QVERIFY(lastEmpty.base() - 1 < firstValue);
    }

    // ---- timer-cancel ----

    void timerCancelOnlyFirstFires_data() { addPolicyRows(8); }
    void timerCancelOnlyFirstFires() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("timer-cancel", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        const auto fired = printedContaining(t, "fired");
        QCOMPARE(fired.size(), std::size_t(1));
        QCOMPARE(fired[0].actor, std::string("t1"));
        QCOMPARE(fired[0].text, std::string("t1: fired"));
        QCOMPARE(fired[0].time, 3 * kSecond);
        // main cancels t2 at t=2: t2 stops waiting then and ends without firing.
        const auto cancels = events(t, Op::Set, Result::Ok, "t2.finished");
        QVERIFY(!cancels.empty());
        QCOMPARE(actorName(t, cancels[0]), std::string("MainThread"));
        QCOMPARE(cancels[0].time, 2 * kSecond);
        const auto t2Wait = events(t, Op::Wait, Result::Woken, "t2.finished");
        QCOMPARE(t2Wait.size(), std::size_t(1));
        QCOMPARE(t2Wait[0].time, 2 * kSecond);
        QCOMPARE(endTime(t, "t2"), std::optional<Nanos>(2 * kSecond));
        // t1's wait runs out at t=3: that is when it fires.
        const auto t1Wait = events(t, Op::Wait, Result::Timeout, "t1.finished");
        QCOMPARE(t1Wait.size(), std::size_t(1));
        QCOMPARE(t1Wait[0].time, 3 * kSecond);
        QCOMPARE(endTime(t, "MainThread"), std::optional<Nanos>(2 * kSecond));
        QCOMPARE(endTime(t, "t1"), std::optional<Nanos>(3 * kSecond));
        QCOMPARE(r->outcome().endTime, 3 * kSecond);
        const auto done = printedContaining(t, "main: done");
        QCOMPARE(done.size(), std::size_t(1));
        QCOMPARE(done[0].time, 2 * kSecond);
    }

    void timerCancelTimings_data() {
        QTest::addColumn<int>("interval");
        QTest::addColumn<int>("cancelAfter");
        QTest::addColumn<QStringList>("firedBy");
        QTest::addColumn<qint64>("endSeconds");
        QTest::newRow("cancel-at-once") << 3 << 0 << QStringList{"t1"} << qint64(3);
        QTest::newRow("cancel-too-late") << 3 << 4 << QStringList{"t1", "t2"} << qint64(4);
        QTest::newRow("longer-interval") << 10 << 5 << QStringList{"t1"} << qint64(10);
    }
    void timerCancelTimings() {
        QFETCH(int, interval);
        QFETCH(int, cancelAfter);
        QFETCH(QStringList, firedBy);
        QFETCH(qint64, endSeconds);
        for (const quint64 seed : {1, 2, 3}) {
            const auto r = run("timer-cancel", PolicyKind::Random, seed, {{"interval_s", interval}, {"cancel_after_s", cancelAfter}});
            const Trace& t = r->trace;
            QCOMPARE(r->outcome().status, RunStatus::Finished);
            QStringList actors;
            for (const Printed& p : printedContaining(t, "fired")) {
                actors << QString::fromStdString(p.actor);
                QCOMPARE(p.time, interval * kSecond);
            }
            actors.sort();
            QCOMPARE(actors, firedBy);
            QCOMPARE(r->outcome().endTime, endSeconds * kSecond);
        }
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestScenariosThreads)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_scenarios_threads.moc"
