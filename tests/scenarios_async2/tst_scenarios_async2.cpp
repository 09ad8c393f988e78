// The asyncio coordination scenarios: wait(FIRST_COMPLETED), wait with a timeout, a done callback, time.sleep
// vs asyncio.sleep, a blocking call in the loop, an asyncio.Queue, I/O clients. Each test checks what
// SCENARIOS.md says must be observable, on the trace: printed lines and their virtual times, the tasks' final
// states and what they waited on, the loop's callbacks.

#include "common/TestMain.h"
#include <QtTest>

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "common/ScenarioTrace.h"
#include "lockstep/Execution.h"
#include "lockstep/TraceAnalysis.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using namespace lockstep::testing;

namespace {

// The time of the one printed line that is exactly `text`; fails the test (returns -1) when it is not one line.
Nanos timeOf(const Trace& t, const std::string& text) {
    std::vector<Nanos> found;
    for (const Printed& p : printed(t))
        if (p.text == text) found.push_back(p.time);
    if (found.size() != 1) {
        QTest::qFail(qPrintable(QStringLiteral("printed %1 times: %2").arg(found.size()).arg(QString::fromStdString(text))),
                     __FILE__, __LINE__);
        return -1;
    }
    return found[0];
}

ObjectId objectNamed(const Trace& t, const std::string& name, ObjectKind kind) {
    for (ObjectId o = 0; o < t.objectCount(); ++o)
        if (t.object(o).kind == kind && t.object(o).name == name) return o;
    return kNoObject;
}

// Tasks running coroutine function `coro`, in creation order (their Create event names it).
std::vector<ObjectId> tasksOf(const Trace& t, const std::string& coro) {
    std::vector<ObjectId> out;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op == Op::Create && e.object < t.objectCount() && t.object(e.object).kind == ObjectKind::AsyncTask &&
            (e.flags & TraceEvent::ArgIsString) && t.argText(e) == coro)
            out.push_back(e.object);
    }
    return out;
}

// The final state of every task, by name.
std::map<std::string, TaskState> finalTaskStates(const Trace& t) {
    std::map<std::string, TaskState> out;
    const auto states = TraceAnalysis(t).taskStates();
    for (ObjectId o = 0; o < t.objectCount(); ++o)
        if (t.object(o).kind == ObjectKind::AsyncTask && !states[o].empty()) out[t.object(o).name] = states[o].back().state;
    return out;
}

// Index of the first event matching op/result on `object`, from `from` on; eventCount() when none.
std::size_t findEvent(const Trace& t, Op op, Result result, ObjectId object, std::size_t from = 0) {
    for (std::size_t i = from; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op == op && e.result == result && e.object == object) return i;
    }
    return t.eventCount();
}

// The numbers of a printed Python list of ints: "[2, 1, 2]".
std::vector<std::int64_t> listOfInts(const std::string& text) {
    std::vector<std::int64_t> out;
    const auto open = text.find('[');
    const auto close = text.find(']');
    if (open == std::string::npos || close == std::string::npos) return out;
    std::string inner = text.substr(open + 1, close - open - 1);
    std::size_t pos = 0;
    while (pos < inner.size()) {
        std::size_t used = 0;
        out.push_back(std::stoll(inner.substr(pos), &used));
        pos += used;
        while (pos < inner.size() && (inner[pos] == ',' || inner[pos] == ' ')) ++pos;
    }
    return out;
}

}  // namespace

class TestScenariosAsync2 : public ScenarioSuite {
    Q_OBJECT

private slots:
    void familyHoldsTheCatalogue() {
        for (const char* id : {"async-first-completed", "async-timeout", "async-done-callback", "async-vs-sync",
                               "async-blocking-call", "async-queue", "async-io-clients"}) {
            const scenarios::Scenario* s = scenarios::find(id);
            QVERIFY2(s, id);
            QCOMPARE(QString(s->family), QStringLiteral("asyncio"));
        }
    }

    // ---- async-first-completed ----

    // The 2 s task's result comes at t=2; the 5 s task is cancelled then, its cleanup runs, and it ends cancelled.
    void firstCompleted_data() { addPolicyRows(4); }
    void firstCompleted() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("async-first-completed", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(texts(t), (QStringList{"slow: started, needs 5 s", "fast: started, needs 2 s", "fast: finished",
                                        "first result: fast data", "slow: cancelled, cleaning up",
                                        "slow cancelled: True fast cancelled: False"}));
        QCOMPARE(timeOf(t, "first result: fast data"), 2 * kSecond);
        QCOMPARE(timeOf(t, "slow: cancelled, cleaning up"), 2 * kSecond);
        QCOMPARE(r->outcome().endTime, 2 * kSecond);
        const auto states = finalTaskStates(t);
        QCOMPARE(states.at("slow"), TaskState::Cancelled);
        QCOMPARE(states.at("fast"), TaskState::Done);
        QCOMPARE(states.at("Task-1"), TaskState::Done);
        // main called cancel() on the slow task, at t=2.
        const auto cancels = events(t, Op::Cancel, Result::Ok, "slow");
        QCOMPARE(cancels.size(), std::size_t(1));
        QCOMPARE(cancels[0].time, 2 * kSecond);
        // The slow task was cancelled inside its 5 s sleep.
        const auto slowStates = TraceAnalysis(t).taskStates()[objectNamed(t, "slow", ObjectKind::AsyncTask)];
        const auto waiting = std::find_if(slowStates.begin(), slowStates.end(),
                                          [](const TaskInterval& s) { return s.state == TaskState::Waiting; });
        QVERIFY(waiting != slowStates.end());
        QCOMPARE(waiting->sleepMicros, 5'000'000);
        QCOMPARE(waiting->end, 2 * kSecond);
    }

    // Whichever finishes first wins: the "slow" one, when it is given the shorter sleep.
    void firstCompletedFollowsTheTimes() {
        const auto r = run("async-first-completed", std::nullopt, std::nullopt, {{"slow_s", 1}, {"fast_s", 4}});
        const Trace& t = r->trace;
        QCOMPARE(timeOf(t, "first result: slow data"), 1 * kSecond);
        QCOMPARE(timeOf(t, "fast: cancelled, cleaning up"), 1 * kSecond);
        QVERIFY(printedContaining(t, "fast: finished").empty());
        QCOMPARE(finalTaskStates(t).at("fast"), TaskState::Cancelled);
        QCOMPARE(finalTaskStates(t).at("slow"), TaskState::Done);
        QCOMPARE(r->outcome().endTime, 1 * kSecond);
    }

    // ---- async-timeout ----

    // 0.05 s: nothing is done and both are cancelled; 0.2 s: the 0.1 s fetch is done, the 0.3 s one cancelled.
    void timeout_data() { addPolicyRows(4); }
    void timeout() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("async-timeout", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(texts(t), (QStringList{"timeout 0.05: 0 done, 2 pending", "fast-1: cancelled", "slow-1: cancelled",
                                        "fast-2: answered after 0.1 s", "timeout 0.2: 1 done, 1 pending",
                                        "slow-2: cancelled"}));
        QCOMPARE(timeOf(t, "timeout 0.05: 0 done, 2 pending"), 50 * kMilli);
        QCOMPARE(timeOf(t, "fast-1: cancelled"), 50 * kMilli);
        // The second attempt starts at 0.05: its fast fetch answers 0.1 s later, its timeout passes 0.2 s later.
        QCOMPARE(timeOf(t, "fast-2: answered after 0.1 s"), 150 * kMilli);
        QCOMPARE(timeOf(t, "timeout 0.2: 1 done, 1 pending"), 250 * kMilli);
        QCOMPARE(timeOf(t, "slow-2: cancelled"), 250 * kMilli);
        QCOMPARE(r->outcome().endTime, 250 * kMilli);
        const auto states = finalTaskStates(t);
        QCOMPARE(states.at("fast-1"), TaskState::Cancelled);
        QCOMPARE(states.at("slow-1"), TaskState::Cancelled);
        QCOMPARE(states.at("fast-2"), TaskState::Done);
        QCOMPARE(states.at("slow-2"), TaskState::Cancelled);
        // main's two waits say they have a timeout.
        int timed = 0;
        for (const TraceEvent& e : events(t, Op::Await, Result::Blocked, "Task-1")) timed += (e.flags & TraceEvent::HasTimeout) != 0;
        QCOMPARE(timed, 2);
    }

    // A timeout longer than both fetches: both are done, nothing is cancelled.
    void timeoutLongEnough() {
        const auto r = run("async-timeout", std::nullopt, std::nullopt, {{"timeout1_ms", 400}, {"timeout2_ms", 120}});
        const Trace& t = r->trace;
        // The wait ends with the last fetch, not at the timeout.
        QCOMPARE(timeOf(t, "timeout 0.4: 2 done, 0 pending"), 300 * kMilli);
        QCOMPARE(timeOf(t, "timeout 0.12: 1 done, 1 pending"), 420 * kMilli);
        const auto states = finalTaskStates(t);
        QCOMPARE(states.at("fast-1"), TaskState::Done);
        QCOMPARE(states.at("slow-1"), TaskState::Done);
        QCOMPARE(states.at("slow-2"), TaskState::Cancelled);
    }

    // ---- async-done-callback ----

    // The callback runs at the task's end, as the loop's next step after the task's Run Done, before main
    // gets the result of its await.
    void doneCallback_data() { addPolicyRows(4); }
    void doneCallback() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("async-done-callback", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(texts(t), (QStringList{"main: callback added, now awaiting the task", "compute: returning at t=2.0",
                                        "report: compute gave 49 at t=2.0", "main: await gave 49 at t=2.0"}));
        QCOMPARE(timeOf(t, "report: compute gave 49 at t=2.0"), 2 * kSecond);
        const ObjectId task = objectNamed(t, "compute", ObjectKind::AsyncTask);
        const ObjectId callback = objectNamed(t, "report", ObjectKind::AsyncCallback);
        QVERIFY(task != kNoObject && callback != kNoObject);
        const std::size_t done = findEvent(t, Op::Run, Result::Done, task);
        QVERIFY(done < t.eventCount());
        QCOMPARE(t.event(done).time, 2 * kSecond);
        // The loop's next step (a callback or a task's step) is the report callback.
        std::size_t next = done + 1;
        while (next < t.eventCount() && t.event(next).op != Op::Callback && t.event(next).op != Op::Resume) ++next;
        QVERIFY(next < t.eventCount());
        QCOMPARE(t.event(next).op, Op::Callback);
        QCOMPARE(t.event(next).object, callback);
        QCOMPARE(t.event(next).time, 2 * kSecond);
        QCOMPARE(events(t, Op::Callback, Result::Ok, "report").size(), std::size_t(1));
        // On the loop: the callback's step is MainThread's, the loop's own thread.
        QCOMPARE(actorName(t, t.event(next)), std::string("MainThread"));
        // main resumes after it.
        QVERIFY(findEvent(t, Op::Resume, Result::Ok, objectNamed(t, "Task-1", ObjectKind::AsyncTask), next) < t.eventCount());
    }

    // A task's Resume should carry the line it was suspended on (main's `result = await task`, line 17), so the
    // code view shows where the resumed task goes on, not line 6 inside report(), the callback that ran just
    // before: the loop keeps a line per task.
    void resumeCarriesTheTasksOwnLine() {
        const auto r = run("async-done-callback");
        const Trace& t = r->trace;
        const ObjectId mainTask = objectNamed(t, "Task-1", ObjectKind::AsyncTask);
        const std::size_t resumed = findEvent(t, Op::Resume, Result::Ok, mainTask);
        QVERIFY(resumed < t.eventCount());
        QCOMPARE(static_cast<int>(t.event(resumed).line), 17);
    }

    void doneCallbackFollowsTheSleep() {
        const auto r = run("async-done-callback", std::nullopt, std::nullopt, {{"seconds", 5}});
        QCOMPARE(timeOf(r->trace, "report: compute gave 49 at t=5.0"), 5 * kSecond);
        QCOMPARE(r->outcome().endTime, 5 * kSecond);
    }

    // ---- async-vs-sync ----

    // time.sleep in the coroutines: the sum of the sleeps; asyncio.sleep: the longest one.
    void vsSync_data() { addPolicyRows(6); }
    void vsSync() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("async-vs-sync", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        const auto head = printedContaining(t, "sleeps: ");
        QCOMPARE(head.size(), std::size_t(1));
        const std::vector<std::int64_t> sleeps = listOfInts(head[0].text);
        QCOMPARE(sleeps.size(), std::size_t(5));
        for (std::int64_t s : sleeps) QVERIFY(s == 1 || s == 2);
        const std::int64_t sum = std::accumulate(sleeps.begin(), sleeps.end(), std::int64_t(0));
        const std::int64_t max = *std::max_element(sleeps.begin(), sleeps.end());
        // Blocking: one worker after another, each at the running sum of the sleeps.
        std::int64_t at = 0;
        for (std::size_t i = 0; i < sleeps.size(); ++i) {
            at += sleeps[i];
            QCOMPARE(timeOf(t, "blocking worker " + std::to_string(i + 1) + ": slept " + std::to_string(sleeps[i]) + " s"),
                     at * kSecond);
        }
        QCOMPARE(timeOf(t, "blocking: " + std::to_string(sum) + ".0 s"), sum * kSecond);
        // Awaited: every worker at the end of its own sleep, counted from the same start.
        for (std::size_t i = 0; i < sleeps.size(); ++i)
            QCOMPARE(timeOf(t, "awaiting worker " + std::to_string(i + 1) + ": slept " + std::to_string(sleeps[i]) + " s"),
                     (sum + sleeps[i]) * kSecond);
        QCOMPARE(timeOf(t, "awaited: " + std::to_string(max) + ".0 s"), (sum + max) * kSecond);
        QCOMPARE(r->outcome().endTime, (sum + max) * kSecond);
        // While the workers call time.sleep the loop never waits in select(): its thread is asleep in them.
        const auto loopWaits = events(t, Op::Wait, Result::Blocked, "event loop");
        QVERIFY(!loopWaits.empty());
        for (const TraceEvent& e : loopWaits) QVERIFY(e.time >= sum * kSecond);
        QCOMPARE(events(t, Op::Sleep, Result::Blocked).size(), sleeps.size());
    }

    void vsSyncParameters() {
        const auto r = run("async-vs-sync", PolicyKind::RoundRobin, 3, {{"workers", 3}, {"max_s", 1}});
        const Trace& t = r->trace;
        QCOMPARE(timeOf(t, "sleeps: [1, 1, 1] sum: 3 max: 1"), Nanos(0));
        QCOMPARE(timeOf(t, "blocking: 3.0 s"), 3 * kSecond);
        QCOMPARE(timeOf(t, "awaited: 1.0 s"), 4 * kSecond);
    }

    // ---- async-blocking-call ----

    void blockingCall_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        for (int mode : {0, 1}) {
            const QString m = mode == 0 ? "time.sleep" : "cpu";
            QTest::newRow(qPrintable(m + "/rr")) << mode << PolicyKind::RoundRobin << quint64(1);
            QTest::newRow(qPrintable(m + "/coop")) << mode << PolicyKind::Cooperative << quint64(1);
            QTest::newRow(qPrintable(m + "/random-2")) << mode << PolicyKind::Random << quint64(2);
        }
    }
    // The call holds the loop's thread for 2 s: the tickers' first 0.5 s sleep ends at t=2, when it returns.
    void blockingCall() {
        QFETCH(int, mode);
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("async-blocking-call", policy, seed, {{"mode", mode}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(timeOf(t, "slow_call: a 2 s call starts"), Nanos(0));
        QCOMPARE(timeOf(t, "slow_call: the call returned at t=2.0"), 2 * kSecond);
        for (const char* name : {"A", "B"}) {
            const std::string n(name);
            QCOMPARE(timeOf(t, n + ": tick 1 at t=2.0"), 2 * kSecond);
            QCOMPARE(timeOf(t, n + ": tick 2 at t=2.5"), 2500 * kMilli);
            QCOMPARE(timeOf(t, n + ": tick 4 at t=3.5"), 3500 * kMilli);
        }
        QVERIFY(printedContaining(t, "at t=0.5").empty());
        QCOMPARE(r->outcome().endTime, 3500 * kMilli);
        // Each ticker's first 0.5 s sleep lasted 2 s: it stalled until the call returned.
        const auto states = TraceAnalysis(t).taskStates();
        const auto tickers = tasksOf(t, "ticker");
        QCOMPARE(tickers.size(), std::size_t(2));
        for (ObjectId o : tickers) {
            const auto first = std::find_if(states[o].begin(), states[o].end(),
                                            [](const TaskInterval& s) { return s.state == TaskState::Waiting; });
            QVERIFY(first != states[o].end());
            QCOMPARE(first->sleepMicros, 500'000);
            QCOMPARE(first->begin, Nanos(0));
            QCOMPARE(first->end - first->begin, 2 * kSecond);
        }
        // One thread only: the call ran on the loop's own thread.
        QCOMPARE(t.actorCount(), std::size_t(1));
        if (mode == 0) QCOMPARE(events(t, Op::Sleep, Result::Blocked, "").size(), std::size_t(1));
        else QVERIFY(!events(t, Op::Work, std::nullopt).empty());
    }

    // asyncio.to_thread: a worker thread makes the call, and the tickers keep their 0.5 s rhythm.
    void blockingCallToThread_data() { addPolicyRows(4); }
    void blockingCallToThread() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("async-blocking-call", policy, seed, {{"mode", 2}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        for (const char* name : {"A", "B"}) {
            const std::string n(name);
            QCOMPARE(timeOf(t, n + ": tick 1 at t=0.5"), 500 * kMilli);
            QCOMPARE(timeOf(t, n + ": tick 2 at t=1.0"), 1 * kSecond);
            QCOMPARE(timeOf(t, n + ": tick 3 at t=1.5"), 1500 * kMilli);
            QCOMPARE(timeOf(t, n + ": tick 4 at t=2.0"), 2 * kSecond);
        }
        QCOMPARE(timeOf(t, "slow_call: the call returned at t=2.0"), 2 * kSecond);
        QCOMPARE(r->outcome().endTime, 2 * kSecond);
        // The sleep happened in the executor's worker thread, which has its own lane.
        const auto worker = actorByName(t, "asyncio_0");
        QVERIFY(worker);
        const auto sleeps = events(t, Op::Sleep, Result::Blocked);
        QCOMPARE(sleeps.size(), std::size_t(1));
        QCOMPARE(sleeps[0].actor, *worker);
        // Each ticker's sleeps last 0.5 s, as written.
        const auto states = TraceAnalysis(t).taskStates();
        for (ObjectId o : tasksOf(t, "ticker"))
            for (const TaskInterval& s : states[o])
                if (s.state == TaskState::Waiting) QCOMPARE(s.end - s.begin, 500 * kMilli);
        QVERIFY(t.races().empty());
    }

    // ---- async-queue ----

    void queue_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("producers");
        QTest::addColumn<int>("consumers");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("maxsize");
        QTest::newRow("rr defaults") << PolicyKind::RoundRobin << quint64(1) << 2 << 2 << 4 << 2;
        QTest::newRow("coop defaults") << PolicyKind::Cooperative << quint64(1) << 2 << 2 << 4 << 2;
        QTest::newRow("random-3 defaults") << PolicyKind::Random << quint64(3) << 2 << 2 << 4 << 2;
        QTest::newRow("rr 3 producers, 1 consumer, maxsize 1") << PolicyKind::RoundRobin << quint64(1) << 3 << 1 << 3 << 1;
        QTest::newRow("random-7 1 producer, 4 consumers") << PolicyKind::Random << quint64(7) << 1 << 4 << 6 << 3;
    }
    // Every item is handled exactly once, join returns after the last task_done, the consumers end cancelled.
    void queue() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(int, producers);
        QFETCH(int, consumers);
        QFETCH(int, items);
        QFETCH(int, maxsize);
        const auto r = run("async-queue", policy, seed,
                           {{"producers", producers}, {"consumers", consumers}, {"items", items}, {"maxsize", maxsize}});
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        // Each item put once and handled once.
        Nanos lastHandled = 0;
        for (int p = 1; p <= producers; ++p)
            for (int i = 1; i <= items; ++i) {
                const std::string item = "producer-" + std::to_string(p) + ":" + std::to_string(i);
                QCOMPARE(printedContaining(t, ": put " + item).size(), std::size_t(1));
                const auto handled = printedContaining(t, ": handled " + item);
                QCOMPARE(handled.size(), std::size_t(1));
                lastHandled = std::max(lastHandled, handled[0].time);
            }
        QCOMPARE(printedContaining(t, ": handled ").size(), std::size_t(producers * items));
        const auto joined = printedContaining(t, "every item handled at t=");
        QCOMPARE(joined.size(), std::size_t(1));
        QCOMPARE(joined[0].time, lastHandled);
        QCOMPARE(events(t, Op::Put, Result::Ok, "q").size(), std::size_t(producers * items));
        QCOMPARE(events(t, Op::TaskDone, Result::Ok, "q").size(), std::size_t(producers * items));
        // Never more than maxsize items in the queue (a Put's arg is the queue's length after it).
        for (const TraceEvent& e : events(t, Op::Put, Result::Ok, "q")) QVERIFY(e.arg <= maxsize);
        // The consumers were cancelled after join, while waiting in q.get().
        QStringList expected;
        for (int c = 1; c <= consumers; ++c) expected << QStringLiteral("consumer-%1: cancelled").arg(c);
        QCOMPARE(texts(t).filter(": cancelled"), expected);
        QString flags = "consumers cancelled: [";
        for (int c = 1; c <= consumers; ++c) flags += c > 1 ? ", True" : "True";
        QCOMPARE(texts(t).back(), flags + "]");
        const ObjectId q = objectNamed(t, "q", ObjectKind::AsyncQueue);
        QVERIFY(q != kNoObject);
        const auto states = TraceAnalysis(t).taskStates();
        for (int c = 1; c <= consumers; ++c) {
            const ObjectId task = objectNamed(t, "consumer-" + std::to_string(c), ObjectKind::AsyncTask);
            QVERIFY(task != kNoObject);
            const auto& s = states[task];
            QCOMPARE(s.back().state, TaskState::Cancelled);
            QCOMPARE(s.back().begin, joined[0].time);
            // Its last wait was in q.get(), and the cancellation ended it (then its except block ran).
            const auto lastWait = std::find_if(s.rbegin(), s.rend(),
                                               [](const TaskInterval& i) { return i.state == TaskState::Waiting; });
            QVERIFY(lastWait != s.rend());
            QCOMPARE(lastWait->awaited, q);
            QCOMPARE(lastWait->end, joined[0].time);
        }
        for (int p = 1; p <= producers; ++p)
            QCOMPARE(finalTaskStates(t).at("producer-" + std::to_string(p)), TaskState::Done);
        QCOMPARE(finalTaskStates(t).at("Task-1"), TaskState::Done);
    }

    // With the defaults the queue fills up: a producer waits on it (its Await names the queue), and so does
    // a consumer on the empty queue.
    void queueWaitsAreVisible() {
        const auto r = run("async-queue");
        const Trace& t = r->trace;
        const ObjectId q = objectNamed(t, "q", ObjectKind::AsyncQueue);
        bool producerWaited = false, consumerWaited = false;
        for (const TraceEvent& e : events(t, Op::Await, Result::Blocked)) {
            if (e.arg != static_cast<std::int32_t>(q) || (e.flags & TraceEvent::ArgIsMicros)) continue;
            producerWaited |= objName(t, e).rfind("producer-", 0) == 0;
            consumerWaited |= objName(t, e).rfind("consumer-", 0) == 0;
        }
        QVERIFY(producerWaited);
        QVERIFY(consumerWaited);
        // The third item of each producer is put at t=0.5, when a consumer frees a slot, not at 0.4.
        QCOMPARE(timeOf(t, "producer-1: put producer-1:3"), 500 * kMilli);
        QCOMPARE(timeOf(t, "every item handled at t=2.0"), 2 * kSecond);
    }

    // ---- async-io-clients ----

    // One after another: the sum of the latencies; gathered: the slowest one.
    void ioClients_data() { addPolicyRows(4); }
    void ioClients() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = run("async-io-clients", policy, seed);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(14));
        // Sequential: each request is sent when the previous answer came.
        const std::vector<std::pair<std::string, Nanos>> sequential{
            {"client-a: request sent", 0},
            {"client-a: response after 1.5 s", 1500 * kMilli},
            {"client-b: request sent", 1500 * kMilli},
            {"client-b: response after 0.8 s", 2300 * kMilli},
            {"client-c: request sent", 2300 * kMilli},
            {"client-c: response after 1.2 s", 3500 * kMilli},
            {"sequential: 3.5 s", 3500 * kMilli},
            // Concurrent: all three sent at once, the answers in the order of their latencies.
            {"client-a: request sent", 3500 * kMilli},
            {"client-b: request sent", 3500 * kMilli},
            {"client-c: request sent", 3500 * kMilli},
            {"client-b: response after 0.8 s", 4300 * kMilli},
            {"client-c: response after 1.2 s", 4700 * kMilli},
            {"client-a: response after 1.5 s", 5 * kSecond},
            {"concurrent: 1.5 s", 5 * kSecond},
        };
        for (std::size_t i = 0; i < sequential.size(); ++i) {
            QCOMPARE(lines[i].text, sequential[i].first);
            QCOMPARE(lines[i].time, sequential[i].second);
        }
        QCOMPARE(r->outcome().endTime, 5 * kSecond);
        // The gathered requests were three tasks, waiting at the same time; the sequential ones ran in main.
        QCOMPARE(tasksOf(t, "request").size(), std::size_t(3));
        QCOMPARE(t.actorCount(), std::size_t(1));
    }

    void ioClientsParameters() {
        const auto r = run("async-io-clients", std::nullopt, std::nullopt, {{"a_ms", 300}, {"b_ms", 2000}, {"c_ms", 700}});
        const Trace& t = r->trace;
        QCOMPARE(timeOf(t, "sequential: 3.0 s"), 3 * kSecond);
        QCOMPARE(timeOf(t, "concurrent: 2.0 s"), 5 * kSecond);
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestScenariosAsync2)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_scenarios_async2.moc"
