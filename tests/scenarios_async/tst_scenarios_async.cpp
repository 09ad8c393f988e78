// The "asyncio" family, first part (scenarios/src/AsyncBasics.cpp): coroutine objects never awaited, asyncio.run
// inside a loop, gather of two and of thousands, sleep(0), three workers, chains. Each test checks what
// SCENARIOS.md says must be observable: printed lines and their virtual times, the end time, every task's final
// state, the warnings and errors.

#include "common/TestMain.h"
#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/ScenarioTrace.h"
#include "lockstep/Execution.h"
#include "lockstep/TraceAnalysis.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using namespace lockstep::testing;

namespace {

std::vector<Nanos> times(const Trace& t) {
    std::vector<Nanos> out;
    for (const Printed& p : printed(t)) out.push_back(p.time);
    return out;
}

// Every asyncio task of the run: its coroutine function and its final state.
struct TaskEnd {
    std::string name;  // Task-N
    std::string coro;
    TaskState state;
};

std::vector<TaskEnd> taskEnds(const Trace& t) {
    std::map<ObjectId, std::string> coroOf;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op == Op::Create && e.object < t.objectCount() && t.object(e.object).kind == ObjectKind::AsyncTask &&
            (e.flags & TraceEvent::ArgIsString))
            coroOf[e.object] = std::string(t.argText(e));
    }
    const auto states = TraceAnalysis(t).taskStates();
    std::vector<TaskEnd> out;
    for (ObjectId o = 0; o < t.objectCount(); ++o) {
        if (t.object(o).kind != ObjectKind::AsyncTask) continue;
        out.push_back({t.object(o).name, coroOf[o], states[o].empty() ? TaskState::Pending : states[o].back().state});
    }
    return out;
}

// How many tasks run coroutine `coro`, and how many of them ended in `state`.
std::pair<int, int> countTasks(const std::vector<TaskEnd>& ends, const std::string& coro, TaskState state) {
    int all = 0, inState = 0;
    for (const TaskEnd& e : ends) {
        if (e.coro != coro) continue;
        ++all;
        inState += e.state == state;
    }
    return {all, inState};
}

bool allDone(const std::vector<TaskEnd>& ends) {
    return std::all_of(ends.begin(), ends.end(), [](const TaskEnd& e) { return e.state == TaskState::Done; });
}

const std::string kNeverAwaitedGreet = "RuntimeWarning: coroutine 'greet' was never awaited";
const std::string kNeverAwaitedInner = "RuntimeWarning: coroutine 'inner' was never awaited";
const std::string kNestedRun = "asyncio.run() cannot be called from a running event loop";

// The printed event of the `n`th line containing `part` (its listing line, its flags).
std::optional<TraceEvent> printEvent(const Trace& t, const std::string& part, std::size_t n = 0) {
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op != Op::Print || std::string(t.argText(e)).find(part) == std::string::npos) continue;
        if (n-- == 0) return e;
    }
    return std::nullopt;
}

// "part1(2): sleeping 4 s" -> 4, for the part and chain given; -1 when absent.
std::int64_t drawnSleep(const Trace& t, const std::string& part, std::int64_t chain) {
    const std::string prefix = part + "(" + std::to_string(chain) + "): sleeping ";
    for (const Printed& p : printed(t))
        if (p.text.rfind(prefix, 0) == 0) return std::stoll(p.text.substr(prefix.size()));
    return -1;
}

}  // namespace

class TestScenariosAsync : public ScenarioSuite {
    Q_OBJECT

private slots:
    void familyHoldsTheseScenarios() {
        for (const char* id : {"async-never-awaited", "async-run-nested", "async-gather-two", "async-gather-many",
                               "async-sleep-zero", "async-three-workers", "async-chain"}) {
            const scenarios::Scenario* s = scenarios::find(id);
            QVERIFY2(s, id);
            QCOMPARE(QString(s->family), QStringLiteral("asyncio"));
        }
    }

    // Every line a scenario marks with line(n) exists in its listing and is not blank.
    void markedLinesAreInTheListing_data() {
        QTest::addColumn<QString>("id");
        for (const char* id : {"async-never-awaited", "async-run-nested", "async-gather-two", "async-gather-many",
                               "async-sleep-zero", "async-three-workers", "async-chain"})
            QTest::newRow(id) << QString(id);
    }
    void markedLinesAreInTheListing() {
        QFETCH(QString, id);
        const scenarios::Scenario* s = scenarios::find(id.toStdString());
        QVERIFY(s);
        ParamList small;
        if (id == "async-gather-many") small = {{"tasks", 5}};
        const auto r = run(id.toStdString(), std::nullopt, std::nullopt, small);
        const QStringList lines = QString::fromStdString(s->listing).split('\n');
        std::set<int> used;
        for (std::size_t i = 0; i < r->trace.eventCount(); ++i) used.insert(r->trace.event(i).line);
        used.erase(0);
        QVERIFY(!used.empty());
        for (const int n : used) {
            QVERIFY2(n >= 1 && n <= listingLines(*s), qPrintable(QString::number(n)));
            QVERIFY2(!lines.at(n - 1).trimmed().isEmpty(), qPrintable(QString::number(n)));
        }
    }

    // ---- async-never-awaited ----

    // greet's body never runs; the dropped object warns at once (on its own line), the kept one when main ends.
    void neverAwaitedWarnsWhenDropped() {
        const auto r = run("async-never-awaited");
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(texts(t), (QStringList{QString::fromStdString(kNeverAwaitedGreet), "main: holding a coroutine object",
                                        "main: done", QString::fromStdString(kNeverAwaitedGreet)}));
        QCOMPARE(times(t), (std::vector<Nanos>{0, 0, 1 * kSecond, 1 * kSecond}));
        QVERIFY(printedContaining(t, "greet(").empty());
        const auto first = printEvent(t, kNeverAwaitedGreet, 0);
        const auto second = printEvent(t, kNeverAwaitedGreet, 1);
        QVERIFY(first && second);
        QCOMPARE(first->line, std::uint16_t(14));   // the statement that dropped it
        QCOMPARE(second->line, std::uint16_t(18));  // main's last line: its frame ends there
        QVERIFY(first->flags & TraceEvent::ToStderr);
        // A coroutine object is not a task: the only task is main's.
        const auto ends = taskEnds(t);
        QCOMPARE(ends.size(), std::size_t(1));
        QCOMPARE(ends[0].coro, std::string("main"));
        QCOMPARE(ends[0].state, TaskState::Done);
        QCOMPARE(r->outcome().endTime, 1 * kSecond);
    }

    void neverAwaitedFixedByAwait() {
        const auto r = run("async-never-awaited", std::nullopt, std::nullopt, {{"await_it", 1}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(texts(t), (QStringList{"greet(first): running", "greet(first): done", "main: holding a coroutine object",
                                        "main: done", QString::fromStdString(kNeverAwaitedGreet)}));
        QCOMPARE(times(t), (std::vector<Nanos>{0, 1 * kSecond, 1 * kSecond, 2 * kSecond, 2 * kSecond}));
        QCOMPARE(r->outcome().endTime, 2 * kSecond);
    }

    // ---- async-run-nested ----

    void nestedRunIsARuntimeError() {
        const auto r = run("async-run-nested");
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        const QStringList lines = texts(t);
        QVERIFY(lines.contains(QString::fromStdString("main: RuntimeError: " + kNestedRun)));
        QCOMPARE(lines.count(QString::fromStdString(kNeverAwaitedInner)), 1);
        // The refused inner() never ran; the awaited one did, from t=0 to t=1.
        QCOMPARE(lines.filter("inner: running").size(), 1);
        QCOMPARE(printedContaining(t, "inner: running")[0].time, Nanos(0));
        QCOMPARE(printedContaining(t, "inner: done")[0].time, 1 * kSecond);
        QCOMPARE(lines.front(), QString("main: calling asyncio.run() inside the running loop"));
        QCOMPARE(lines.back(), QString("main: done"));
        QCOMPARE(printed(t).back().time, 1 * kSecond);
        // The error is in the trace where it was raised (listing line 11), once.
        const auto raised = events(t, Op::Raise, Result::Error);
        QCOMPARE(raised.size(), std::size_t(1));
        QCOMPARE(raised[0].line, std::uint16_t(11));
        QCOMPARE(raised[0].time, Nanos(0));
        // Only the outer loop ran: one task (main), done.
        const auto ends = taskEnds(t);
        QCOMPARE(ends.size(), std::size_t(1));
        QCOMPARE(ends[0].state, TaskState::Done);
        QCOMPARE(r->outcome().endTime, 1 * kSecond);
    }

    // CPython drops the refused coroutine when the except block ends (the exception's traceback holds
    // asyncio.run's frame, which holds the coroutine), so its warning comes after the handler's print; the
    // loop prints it when the task's step ends.
    void nestedRunWarnsAfterTheHandler() {
        const auto r = run("async-run-nested");
        const QStringList lines = texts(r->trace);
        const int warning = lines.indexOf(QString::fromStdString(kNeverAwaitedInner));
        const int error = lines.indexOf(QString::fromStdString("main: RuntimeError: " + kNestedRun));
        QVERIFY(warning >= 0 && error >= 0);
        QVERIFY2(warning > error, qPrintable(lines.join(" | ")));
    }

    // ---- async-gather-two ----

    void gatherTwoTakesTheLonger_data() {
        QTest::addColumn<int>("a");
        QTest::addColumn<int>("b");
        QTest::newRow("5 and 5") << 5 << 5;
        QTest::newRow("5 and 3") << 5 << 3;
        QTest::newRow("2 and 7") << 2 << 7;
    }
    void gatherTwoTakesTheLonger() {
        QFETCH(int, a);
        QFETCH(int, b);
        const auto r = run("async-gather-two", std::nullopt, std::nullopt, {{"sleep_a", a}, {"sleep_b", b}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        const Nanos longest = std::max(a, b) * kSecond;
        QCOMPARE(r->outcome().endTime, longest);
        QCOMPARE(t.actorCount(), std::size_t(1));  // no thread: both sleeps run on the main thread
        // Both start at t=0, in the order they were passed; each wakes after its own sleep.
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(5));
        QCOMPARE(lines[0].text, "a: sleeping " + std::to_string(a) + " s");
        QCOMPARE(lines[1].text, "b: sleeping " + std::to_string(b) + " s");
        QCOMPARE(lines[0].time, Nanos(0));
        QCOMPARE(lines[1].time, Nanos(0));
        QCOMPARE(printedContaining(t, "a: awake")[0].time, a * kSecond);
        QCOMPARE(printedContaining(t, "b: awake")[0].time, b * kSecond);
        QCOMPARE(lines[4].text, "main: results " + std::to_string(a) + " and " + std::to_string(b) + " after " +
                                    std::to_string(std::max(a, b)) + " s");
        QCOMPARE(lines[4].time, longest);
        // Three tasks: main and one per nap, all done; each nap waited on a sleep of its length.
        const auto ends = taskEnds(t);
        QCOMPARE(ends.size(), std::size_t(3));
        QVERIFY(allDone(ends));
        QCOMPARE(countTasks(ends, "nap", TaskState::Done), std::make_pair(2, 2));
        const auto states = TraceAnalysis(t).taskStates();
        std::multiset<std::int32_t> sleeps;
        for (ObjectId o = 0; o < t.objectCount(); ++o)
            for (const TaskInterval& s : states[o])
                if (s.state == TaskState::Waiting && s.sleepMicros >= 0) sleeps.insert(s.sleepMicros);
        QCOMPARE(sleeps, (std::multiset<std::int32_t>{a * 1'000'000, b * 1'000'000}));
    }

    // ---- async-gather-many ----

    void gatherManySmall() {
        const auto r = run("async-gather-many", std::nullopt, std::nullopt, {{"tasks", 3}});
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(texts(r->trace), (QStringList{"main: 3 results, sum 3, after 5 s"}));
        QCOMPARE(printed(r->trace)[0].time, 5 * kSecond);
        const auto ends = taskEnds(r->trace);
        QCOMPARE(countTasks(ends, "nap", TaskState::Done), std::make_pair(3, 3));
    }

    // 10,000 tasks sleeping 5 s together: 5 s in all, every task done, every result back in order.
    void gatherManyTenThousand() {
        const auto r = run("async-gather-many", std::nullopt, std::nullopt, {{"tasks", 10000}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(r->outcome().endTime, 5 * kSecond);
        QCOMPARE(texts(t), (QStringList{"main: 10000 results, sum 49995000, after 5 s"}));
        QCOMPARE(printed(t)[0].time, 5 * kSecond);
        const auto ends = taskEnds(t);
        QCOMPARE(ends.size(), std::size_t(10001));
        QCOMPARE(countTasks(ends, "nap", TaskState::Done), std::make_pair(10000, 10000));
        QVERIFY(allDone(ends));
        QCOMPARE(t.actorCount(), std::size_t(1));
    }

    // ---- async-sleep-zero ----

    void sleepZeroInterleaves_data() {
        QTest::addColumn<int>("sleepZero");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("await sleep(0)") << 1 << QStringList{"A: start", "B: start", "A: exit", "B: exit"};
        QTest::newRow("no await") << 0 << QStringList{"A: start", "A: exit", "B: start", "B: exit"};
    }
    void sleepZeroInterleaves() {
        QFETCH(int, sleepZero);
        QFETCH(QStringList, expected);
        const auto r = run("async-sleep-zero", std::nullopt, std::nullopt, {{"sleep_zero", sleepZero}});
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(texts(r->trace), expected);
        QCOMPARE(r->outcome().endTime, Nanos(0));  // sleep(0) takes no time
        const auto ends = taskEnds(r->trace);
        QCOMPARE(countTasks(ends, "hello", TaskState::Done), std::make_pair(2, 2));
        QVERIFY(allDone(ends));
    }

    // ---- async-three-workers ----

    void threeWorkersExitByTheirSleeps_data() { addPolicyRows(3); }
    void threeWorkersExitByTheirSleeps() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("async-three-workers", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(texts(t), (QStringList{"worker 1 sleeping 2 s", "worker 2 sleeping 2 s", "worker 3 sleeping 1 s",
                                        "worker 3 exits", "worker 1 exits", "worker 2 exits",
                                        "main: every worker has exited"}));
        QCOMPARE(times(t), (std::vector<Nanos>{0, 0, 0, 1 * kSecond, 2 * kSecond, 2 * kSecond, 2 * kSecond}));
        QCOMPARE(r->outcome().endTime, 2 * kSecond);
        const auto ends = taskEnds(t);
        QCOMPARE(ends.size(), std::size_t(4));
        QCOMPARE(countTasks(ends, "worker", TaskState::Done), std::make_pair(3, 3));
        QVERIFY(allDone(ends));
        // Worker 3's task (Task-4) ends at t=1, the other two at t=2.
        const auto states = TraceAnalysis(t).taskStates();
        std::map<std::string, Nanos> doneAt;
        for (ObjectId o = 0; o < t.objectCount(); ++o)
            if (t.object(o).kind == ObjectKind::AsyncTask) doneAt[t.object(o).name] = states[o].back().begin;
        QCOMPARE(doneAt.at("Task-2"), 2 * kSecond);
        QCOMPARE(doneAt.at("Task-3"), 2 * kSecond);
        QCOMPARE(doneAt.at("Task-4"), 1 * kSecond);
    }

    void threeWorkersOtherSleeps() {
        const auto r = run("async-three-workers", std::nullopt, std::nullopt, {{"sleep1", 3}, {"sleep2", 1}, {"sleep3", 2}});
        const QStringList exits = texts(r->trace).filter("exits");
        QCOMPARE(exits, (QStringList{"worker 2 exits", "worker 3 exits", "worker 1 exits"}));
        QCOMPARE(r->outcome().endTime, 3 * kSecond);
    }

    // ---- async-chain ----

    void chainTakesItsTwoSleeps_data() { addPolicyRows(6); }
    void chainTakesItsTwoSleeps() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("async-chain", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        std::int64_t longest = 0;
        for (std::int64_t n = 1; n <= 3; ++n) {
            const std::string chain = std::to_string(n);
            const std::int64_t s1 = drawnSleep(t, "part1", n);
            const std::int64_t s2 = drawnSleep(t, "part2", n);
            QVERIFY2(s1 >= 1 && s1 <= 5 && s2 >= 1 && s2 <= 5, chain.c_str());
            // part1 starts at t=0; part2 starts when part1 returns; the chain ends after both sleeps.
            QCOMPARE(printedContaining(t, "part1(" + chain + "): sleeping")[0].time, Nanos(0));
            const auto returned1 = printedContaining(t, "part1(" + chain + "): returns result" + chain + "-A");
            QCOMPARE(returned1.size(), std::size_t(1));
            QCOMPARE(returned1[0].time, s1 * kSecond);
            QCOMPARE(printedContaining(t, "part2(" + chain + "): sleeping")[0].time, s1 * kSecond);
            const std::string result = "result" + chain + "-B from result" + chain + "-A";
            QCOMPARE(printedContaining(t, "part2(" + chain + "): returns " + result)[0].time, (s1 + s2) * kSecond);
            const auto done = printedContaining(t, "chain " + chain + ": ");
            QCOMPARE(done.size(), std::size_t(1));
            QCOMPARE(done[0].text, "chain " + chain + ": " + result + ", " + std::to_string(s1 + s2) + " s");
            QCOMPARE(done[0].time, (s1 + s2) * kSecond);
            longest = std::max(longest, s1 + s2);
        }
        const auto last = printedContaining(t, "main: all chains done");
        QCOMPARE(last.size(), std::size_t(1));
        QCOMPARE(last[0].text, "main: all chains done after " + std::to_string(longest) + " s");
        QCOMPARE(last[0].time, longest * kSecond);
        QCOMPARE(r->outcome().endTime, longest * kSecond);
        // One task per chain (the parts run inside it, awaited), plus main: all done.
        const auto ends = taskEnds(t);
        QCOMPARE(ends.size(), std::size_t(4));
        QCOMPARE(countTasks(ends, "chain", TaskState::Done), std::make_pair(3, 3));
        QVERIFY(allDone(ends));
    }

    // The seed fixes the draws: the same seed gives the same lines, and other seeds give other sleeps.
    void chainSeedFixesTheDraws() {
        const auto a = run("async-chain", PolicyKind::RoundRobin, 4);
        const auto b = run("async-chain", PolicyKind::RoundRobin, 4);
        QCOMPARE(texts(a->trace), texts(b->trace));
        QCOMPARE(times(a->trace), times(b->trace));
        std::set<QStringList> outcomes;
        for (std::uint64_t seed = 1; seed <= 6; ++seed)
            outcomes.insert(texts(run("async-chain", PolicyKind::RoundRobin, seed)->trace).filter(": sleeping"));
        QVERIFY(outcomes.size() > 1);
    }

    void chainCountFollowsTheParameter() {
        const auto r = run("async-chain", std::nullopt, std::nullopt, {{"chains", 6}, {"max_s", 2}});
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(printedContaining(r->trace, "chain ").size(), std::size_t(6));
        QVERIFY(r->outcome().endTime >= 2 * kSecond && r->outcome().endTime <= 4 * kSecond);
        QCOMPARE(countTasks(taskEnds(r->trace), "chain", TaskState::Done), std::make_pair(6, 6));
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestScenariosAsync)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_scenarios_async.moc"
