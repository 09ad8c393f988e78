// The "processes" family (scenarios/src/ProcessScenarios.cpp) and the process half of gil-cpu-bound. Each test
// checks what SCENARIOS.md says must be observable, on printed lines and their virtual times, the trace's
// actors (real pids) and events, and the final values the scheduler reads from shared memory.

#include "common/TestMain.h"
#include <QtTest>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "common/Children.h"
#include "common/ScenarioTrace.h"
#include "lockstep/Execution.h"
#include "lockstep/mp/Multiprocessing.h"
#include "lockstep/scenarios/Compare.h"
#include "panels/ChartData.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using namespace lockstep::testing;
using lockstep::app::ChartData;

namespace {

std::vector<ActorId> processActors(const Trace& t) {
    std::vector<ActorId> out;
    for (ActorId a = 0; a < t.actorCount(); ++a)
        if (t.actor(a).kind == ActorKind::Process) out.push_back(a);
    return out;
}


// Texts of the Get (or Recv) Ok events on objects of `kind`, in trace order.
QStringList received(const Trace& t, ObjectKind kind, Op op) {
    QStringList out;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op == op && e.result == Result::Ok && e.object != kNoObject && t.object(e.object).kind == kind)
            out << QString::fromStdString(std::string(t.argText(e)));
    }
    return out;
}

}  // namespace

class TestScenariosProcesses : public ScenarioSuite {
    Q_OBJECT

private slots:
    void cleanup() {
        // Whatever a test did, no child is left behind.
        QVERIFY(mp::liveChildren().empty());
        QCOMPARE(childCount(), 0);
    }

    // ---- process-start-join ----

    void startJoinChildrenAreRealProcesses_data() { addPolicyRows(3); }
    void startJoinChildrenAreRealProcesses() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("process-start-join", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const auto children = processActors(t);
        QCOMPARE(children.size(), std::size_t(3));
        std::set<std::int64_t> pids{::getpid()};
        for (ActorId a : children) {
            const ActorInfo& info = t.actor(a);
            QVERIFY(info.pid > 0);
            pids.insert(info.pid);
            // What the child printed about itself is the pid the trace records, and its parent is us.
            const auto lines = printedContaining(t, info.name + ": pid ");
            QCOMPARE(lines.size(), std::size_t(1));
            QCOMPARE(lines[0].text, info.name + ": pid " + std::to_string(info.pid) + ", parent " +
                                        std::to_string(::getpid()));
            QCOMPARE(lines[0].actor, info.name);
            // Gone after the run: reaped, no zombie.
            QVERIFY(!std::filesystem::exists("/proc/" + std::to_string(info.pid)));
        }
        QCOMPARE(pids.size(), std::size_t(4));  // every process its own pid
        const QStringList lines = texts(t);
        QVERIFY(lines.contains("main: pid " + QString::number(::getpid())));
        // join waits: main's last line comes when the worker ends, at t=2; the watcher was never joined.
        const auto last = printedContaining(t, "main: exit codes");
        QCOMPARE(last.size(), std::size_t(1));
        QCOMPARE(last[0].text, std::string("main: exit codes 0 0; watcher alive: True"));
        QCOMPARE(last[0].time, 2 * kSecond);
        QCOMPARE(*endTime(t, "sleeper"), 1 * kSecond);
        QCOMPARE(*endTime(t, "worker"), 2 * kSecond);
        // The daemon dies with the main process: it never prints its last line.
        QVERIFY(printedContaining(t, "watcher: done").empty());
        QVERIFY(t.actor(*actorByName(t, "watcher")).daemon);
        // ...terminated as Python's atexit handler does: exit code -15 when the main process ends, at t=2.
        const ActorId watcher = *actorByName(t, "watcher");
        const auto exits = events(t, Op::Exit, std::nullopt, "watcher");
        QCOMPARE(exits.size(), std::size_t(1));
        QCOMPARE(exits[0].arg, -15);
        QCOMPARE(exits[0].actor, watcher);
        QCOMPARE(exits[0].time, 2 * kSecond);
    }

    void startJoinChildExistsWhileItRuns() {
        const scenarios::Scenario* s = scenarios::find("process-start-join");
        Trace t;
        RunConfig cfg;
        cfg.cores = 2;
        const scenarios::Params p = s->resolve({});
        Execution ex(pool_, t, cfg, [s, p] { s->main(p); });
        // Run until the main process has printed the children's pids: all three are alive then.
        while (printedContaining(t, "main: started pids").empty()) {
            const StopInfo stop = ex.advance(StopRequest{.untilStep = t.stepCount() + 1});
            QVERIFY(stop.reason != StopReason::Ended);
        }
        const auto children = processActors(t);
        QCOMPARE(children.size(), std::size_t(3));
        for (ActorId a : children) {
            const std::string proc = "/proc/" + std::to_string(t.actor(a).pid);
            QVERIFY2(std::filesystem::exists(proc), proc.c_str());
            // It is this very program, started again as the child.
            QCOMPARE(std::filesystem::read_symlink(proc + "/exe"), std::filesystem::read_symlink("/proc/self/exe"));
        }
        ex.teardown();
        for (ActorId a : children) QVERIFY(!std::filesystem::exists("/proc/" + std::to_string(t.actor(a).pid)));
    }

    // ---- process-pipe ----

    void pipeReceiverBlocksUntilEachMessage_data() { addPolicyRows(3); }
    void pipeReceiverBlocksUntilEachMessage() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("process-pipe", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        for (int i = 1; i <= 3; ++i) {
            const auto got = printedContaining(t, "receiver: got 'message " + std::to_string(i) + "'");
            QCOMPARE(got.size(), std::size_t(1));
            QCOMPARE(got[0].time, i * kSecond);  // it arrives when it is sent, not before
        }
        // Before each message the receiver waited in recv().
        const auto blocked = events(t, Op::Recv, Result::Blocked);
        QVERIFY(blocked.size() >= 3);
        for (const TraceEvent& e : blocked) QCOMPARE(actorName(t, e), std::string("receiver"));
        QCOMPARE(received(t, ObjectKind::Connection, Op::Recv),
                 QStringList({"'message 1'", "'message 2'", "'message 3'", "None"}));
        QCOMPARE(texts(t).last(), QString("main: both processes are done"));
    }

    // ---- process-queue ----

    void queueItemsArriveInOrder_data() { addPolicyRows(4); }
    void queueItemsArriveInOrder() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("process-queue", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        QStringList expected;
        for (int i = 1; i <= 6; ++i) expected << QString("'item %1'").arg(i);
        expected << "None" << "None";
        QCOMPARE(received(t, ObjectKind::ProcessQueue, Op::Get), expected);
        // Every item consumed exactly once, by one of the two consumers.
        int consumed = 0;
        for (const Printed& p : printed(t))
            if (p.text.find(": got 'item ") != std::string::npos) {
                ++consumed;
                QVERIFY(p.actor == "consumer-A" || p.actor == "consumer-B");
            }
        QCOMPARE(consumed, 6);
        QCOMPARE(printedContaining(t, "got the sentinel, stopping").size(), std::size_t(2));
        QCOMPARE(texts(t).last(), QString("main: every item was consumed"));
    }

    void queueChartShowsTheProcessQueue() {
        // The Charts panel's Queues tab draws a multiprocessing.Queue's length as it does queue.Queue's: it
        // never holds more than the items put and not yet taken, and it is empty at the end.
        const auto r = run("process-queue");
        const ChartData d = ChartData::fromTrace(r->trace, 2);
        QCOMPARE(d.queues.size(), std::size_t(1));
        QCOMPARE(d.queues[0].name, QString("multiprocessing.Queue-1"));
        QVERIFY(d.queues[0].maximum >= 1);
        QCOMPARE(d.queues[0].points.back().y(), 0.0);
    }

    // ---- process-shared-value ----

    void sharedValueReachesTheTotal_data() { addPolicyRows(4); }
    void sharedValueReachesTheTotal() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("process-shared-value", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const QStringList lines = texts(t);
        QVERIFY(lines.contains("shared value: 1000"));
        QVERIFY(lines.contains("shared array: [20.0, 40.0, 60.0]"));
        QVERIFY(lines.contains("plain global in the parent: 0"));
        // The scheduler's own final values, read from the shared memory the children wrote.
        QCOMPARE(sharedValue(t, "Value-1"), std::optional<std::string>("1000"));
        QCOMPARE(sharedValue(t, "Array-1"), std::optional<std::string>("[20.0, 40.0, 60.0]"));
        QCOMPARE(processActors(t).size(), std::size_t(13));
    }

    void sharedValueWithoutLockLosesUpdates() {
        // Some random schedule loses an update (a read of the same value by two processes) and the race
        // detector names the value; with the lock no schedule does.
        bool lost = false;
        for (quint64 seed = 1; seed <= 6 && !lost; ++seed) {
            const auto r = run("process-shared-value", PolicyKind::Random, seed, {{"lock", 0}});
            const QStringList lines = texts(r->trace);
            const QString total = lines.filter("shared value: ").value(0);
            if (total != "shared value: 1000") {
                lost = true;
                QVERIFY(!r->trace.races().empty());
            }
        }
        QVERIFY(lost);
    }

    // ---- process-manager ----

    void managerChangesAreVisibleInTheParent_data() { addPolicyRows(3); }
    void managerChangesAreVisibleInTheParent() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("process-manager", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const QStringList lines = texts(t);
        // Every key the children set, in whatever order they set them.
        QCOMPARE(lines.filter("main: dict {").value(0).size(), QString("main: dict {'key0': 0, 'key1': 10, 'key2': 20}").size());
        for (const char* entry : {"'key0': 0", "'key1': 10", "'key2': 20"})
            QVERIFY(lines.filter("main: dict").value(0).contains(entry));
        QVERIFY(lines.contains("main: list ['item-0', 'item-1', 'item-2']"));
        // The dict lives in the manager: a server process of its own, which the main process asked.
        const auto server = std::find_if(processActors(t).begin(), processActors(t).end(), [&](ActorId a) {
            return t.actor(a).name.rfind("SyncManager-", 0) == 0;
        });
        QVERIFY(server != processActors(t).end());
        QCOMPARE(processActors(t).size(), std::size_t(7));  // the manager and six clients
    }

    // ---- process-pool ----

    void poolMapKeepsOrderAndSpreadsWork_data() {
        QTest::addColumn<int>("processes");
        QTest::newRow("2") << 2;
        QTest::newRow("4") << 4;
    }
    void poolMapKeepsOrderAndSpreadsWork() {
        QFETCH(int, processes);
        const auto r = run("process-pool", std::nullopt, std::nullopt, {{"processes", processes}});
        const Trace& t = r->trace;
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const QStringList lines = texts(t);
        QVERIFY(lines.contains("map: [1, 4, 9, 16, 25, 36]"));
        QCOMPARE(lines.last(), QString("apply_async: 100"));
        // The squares were computed by more than one worker, and not in input order.
        std::set<std::string> workers;
        QStringList order;
        for (const Printed& p : printed(t))
            if (p.text.find(": square(") != std::string::npos) {
                workers.insert(p.actor);
                order << QString::fromStdString(p.text.substr(p.text.find("square(")));
            }
        QCOMPARE(int(workers.size()), processes);
        QCOMPARE(order.size(), 7);
        QVERIFY(order != QStringList({"square(1)", "square(2)", "square(3)", "square(4)", "square(5)", "square(6)", "square(10)"}));
        QCOMPARE(processActors(t).size(), std::size_t(processes));
        for (ActorId a : processActors(t)) QVERIFY(QString::fromStdString(t.actor(a).name).startsWith("SpawnPoolWorker-"));
    }

    // ---- gil-cpu-bound, processes ----

    void gilProcessesRunInParallel_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("elapsed");
        QTest::newRow("1") << 1 << "0.400";
        QTest::newRow("2") << 2 << "0.200";
        QTest::newRow("4") << 4 << "0.100";
    }
    void gilProcessesRunInParallel() {
        QFETCH(int, count);
        QFETCH(QString, elapsed);
        // The io thread off: the countdown alone, with the GIL on, on 4 cores.
        const auto procs = run("gil-cpu-bound", std::nullopt, std::nullopt,
                               {{"threads", count}, {"processes", 1}, {"io_thread", 0}});
        QCOMPARE(texts(procs->trace).last(), QString("countdown in %1 process(es): %2 s").arg(count).arg(elapsed));
        QCOMPARE(processActors(procs->trace).size(), std::size_t(count));
        // Threads under the same GIL take as long as one, however many there are.
        const auto threads = run("gil-cpu-bound", std::nullopt, std::nullopt, {{"threads", count}, {"io_thread", 0}});
        QCOMPARE(texts(threads->trace).last(), QString("countdown in %1 thread(s): 0.400 s").arg(count));
    }

    void gilComparisonCountsProcessesAsWaitingForACore() {
        // Four processes on one core with the GIL on: they take turns on the core, but none ever waits for a
        // GIL, since each has its own.
        const scenarios::Scenario* s = scenarios::find("gil-cpu-bound");
        RunConfig base;
        s->defaults.applyTo(base);
        base.params = {{"processes", 1}, {"io_thread", 0}};
        const auto results = scenarios::compare(pool_, *s, base, {{4, true, 1}, {4, true, 4}});
        QCOMPARE(results.size(), std::size_t(2));
        QCOMPARE(results[0].gilWait, Nanos(0));
        QVERIFY(results[0].coreWait > 0);
        QCOMPARE(results[0].elapsed, 400 * kMilli);
        QCOMPARE(results[1].elapsed, 100 * kMilli);
        QCOMPARE(results[1].gilWait + results[1].coreWait, Nanos(0));
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestScenariosProcesses)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_scenarios_processes.moc"
