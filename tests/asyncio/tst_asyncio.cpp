// The asyncio event loop's first part: coroutines run on one actor's thread under the scheduler, sleep on the
// virtual clock, gather, pass results and exceptions, and the mistakes learners make are shown, not crashed on.

#include "common/TestMain.h"
#include <QtTest>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "common/ProcessThreads.h"
#include "common/ScenarioTrace.h"
#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/PyError.h"
#include "lockstep/Thread.h"
#include "lockstep/TraceAnalysis.h"
#include "lockstep/asyncio/Asyncio.h"

using namespace lockstep;
using namespace lockstep::testing;
using namespace std::chrono_literals;
namespace aio = lockstep::asyncio;

namespace {

aio::Coroutine<int> napThenReturn(std::chrono::nanoseconds d, int value) {
    co_await aio::sleep(d);
    print("slept", toSeconds(d.count()), "s");
    co_return value;
}

aio::Coroutine<void> hello(std::string who) {
    print(who, "start");
    co_await aio::sleep(0s);
    print(who, "exit");
}

aio::Coroutine<int> fails() {
    co_await aio::sleep(1s);
    throw ValueError("bad value");
}

aio::Coroutine<void> worker(int n, std::chrono::nanoseconds d) {
    co_await aio::sleep(d);
    print("worker", n, "exits");
}

// Sleeps, printing on entry and in its cleanup, so a cancellation's path can be read from the output.
aio::Coroutine<int> child(std::chrono::nanoseconds d) {
    print("child starts");
    try {
        co_await aio::sleep(d);
    } catch (const aio::CancelledError&) {
        print("child cleans up");
        throw;
    }
    print("child done");
    co_return 42;
}

aio::Coroutine<void> parentOf(std::chrono::nanoseconds d) {
    try {
        const int v = co_await aio::create_task(child(d));
        print("parent got", v);
    } catch (const aio::CancelledError&) {
        print("parent sees CancelledError");
        throw;
    }
}

aio::Coroutine<void> cancelAfter(std::chrono::nanoseconds after) {
    auto p = aio::create_task(parentOf(10s));
    co_await aio::sleep(after);
    print("cancel returns", p.cancel());
    try {
        co_await p;
    } catch (const aio::CancelledError&) {
        print("main sees CancelledError; parent cancelled:", p.cancelled());
    }
}

aio::Coroutine<std::string> fetch(std::string name, std::chrono::nanoseconds d) {
    co_await aio::sleep(d);
    co_return name;
}

aio::Coroutine<void> firstCompleted() {
    std::vector<aio::Task<std::string>> tasks{aio::create_task(fetch("slow", 5s)), aio::create_task(fetch("fast", 2s))};
    auto [done, pending] = co_await aio::wait(tasks, std::nullopt, aio::FIRST_COMPLETED);
    for (auto& d : done) print("done", d.result());
    for (auto& p : pending) p.cancel();
    co_await aio::sleep(0s);
    co_await aio::sleep(0s);
    for (auto& p : pending) print("pending cancelled:", p.cancelled());
}

aio::Coroutine<int> failsAfter(std::chrono::nanoseconds d, std::string message) {
    co_await aio::sleep(d);
    throw ValueError(message);
}

aio::Coroutine<void> firstException() {
    std::vector<aio::Task<int>> tasks{aio::create_task(napThenReturn(1s, 1)), aio::create_task(failsAfter(2s, "two")),
                                      aio::create_task(napThenReturn(5s, 5))};
    auto r = co_await aio::wait(tasks, std::nullopt, aio::FIRST_EXCEPTION);
    print("done", r.done.size(), "pending", r.pending.size(), "at", aio::get_running_loop().time());
    for (auto& d : r.done)
        if (d.exception()) print("raised:", *d.exception());
    for (auto& p : r.pending) p.cancel();
}

aio::Coroutine<void> waitWithTimeout(std::chrono::nanoseconds timeout) {
    std::vector<aio::Task<std::string>> tasks{aio::create_task(fetch("a", 100ms)), aio::create_task(fetch("b", 150ms))};
    auto r = co_await aio::wait(tasks, timeout);
    print("done", r.done.size(), "pending", r.pending.size());
    for (auto& p : r.pending) p.cancel();
}

aio::Coroutine<void> waitForTimeout() {
    try {
        const int v = co_await aio::wait_for(child(5s), 1s);
        print("got", v);
    } catch (const TimeoutError&) {
        print("TimeoutError");
    }
    const int v = co_await aio::wait_for(child(1s), 2s);
    print("got", v);
}

aio::Coroutine<void> shieldKeepsInner() {
    auto inner = aio::create_task(child(2s));
    auto outer = aio::shield(inner);
    co_await aio::sleep(1s);
    outer.cancel();
    try {
        co_await outer;
    } catch (const aio::CancelledError&) {
        print("outer cancelled");
    }
    print("inner result", co_await inner);
}


aio::Coroutine<void> gatherRaisesFirstAtOnce() {
    try {
        co_await aio::gather(napThenReturn(5s, 1), failsAfter(1s, "early"));
    } catch (const ValueError& e) {
        print("caught", e.describe());
    }
}

aio::Coroutine<void> gatherReturnsExceptions() {
    std::vector<aio::Coroutine<int>> cs;
    cs.push_back(napThenReturn(1s, 1));
    cs.push_back(failsAfter(2s, "two"));
    cs.push_back(napThenReturn(3s, 3));
    auto results = co_await aio::gather(std::move(cs), aio::return_exceptions);
    print(aio::repr(results[0]), aio::repr(results[1]), aio::repr(results[2]));
}

aio::Coroutine<void> callbacks() {
    aio::EventLoop& loop = aio::get_running_loop();
    loop.call_later(2s, [] { print("later 2 s"); }, "later");
    loop.call_at(loop.time() + 1.0, [] { print("at 1 s"); }, "at");
    loop.call_soon([] { print("soon"); }, "soon");
    auto h = loop.call_soon([] { print("never"); }, "cancelled_one");
    h.cancel();
    auto t = aio::create_task(napThenReturn(3s, 7));
    t.add_done_callback([](aio::Future<int> f) { print("done callback sees", f.result()); }, "report");
    co_await t;
    print("after await");
    co_await aio::sleep(0s);
}

aio::Coroutine<void> producer(aio::Queue<int>* q, int n) {
    for (int i = 0; i < n; ++i) {
        co_await q->put(i);
        print("put", i);
    }
}

aio::Coroutine<void> consumer(aio::Queue<int>* q, std::string name) {
    for (;;) {
        const int item = co_await q->get();
        co_await aio::sleep(1s);
        print(name, "got", item);
        q->task_done();
    }
}

aio::Coroutine<void> queueRun() {
    aio::Queue<int> q(2, "q");
    auto c1 = aio::create_task(consumer(&q, "c1"));
    auto c2 = aio::create_task(consumer(&q, "c2"));
    co_await producer(&q, 5);
    co_await q.join();
    print("joined at", aio::get_running_loop().time());
    c1.cancel();
    c2.cancel();
    // (A braced list inside a co_await expression trips GCC 12: the vector is built first.)
    std::vector<aio::Task<void>> consumers{c1, c2};
    co_await aio::gather(std::move(consumers), aio::return_exceptions);
    print("c1 cancelled:", c1.cancelled(), "c2 cancelled:", c2.cancelled());
}

aio::Coroutine<void> holdLock(aio::Lock* lock, std::string name) {
    co_await lock->acquire();
    print(name, "has the lock");
    co_await aio::sleep(1s);
    lock->release();
}

aio::Coroutine<void> lockRun() {
    aio::Lock lock("lock");
    co_await aio::gather(holdLock(&lock, "A"), holdLock(&lock, "B"), holdLock(&lock, "C"));
}

aio::Coroutine<void> waitEvent(aio::Event* ev, std::string name) {
    co_await ev->wait();
    print(name, "sees the event");
}

aio::Coroutine<void> eventRun() {
    aio::Event ev("ready");
    auto a = aio::create_task(waitEvent(&ev, "A"));
    auto b = aio::create_task(waitEvent(&ev, "B"));
    co_await aio::sleep(2s);
    ev.set();
    std::vector<aio::Task<void>> waiters{a, b};
    co_await aio::gather(std::move(waiters));
}

aio::Coroutine<void> holdSlot(aio::Semaphore* sem, std::string name) {
    co_await sem->acquire();
    print(name, "in");
    co_await aio::sleep(1s);
    sem->release();
}

aio::Coroutine<void> semaphoreRun() {
    aio::Semaphore sem(2, "pool");
    std::vector<aio::Coroutine<void>> cs;
    for (const char* n : {"A", "B", "C", "D", "E"}) cs.push_back(holdSlot(&sem, n));
    co_await aio::gather(std::move(cs));
}

int blockingWork(int x) {
    lockstep::sleep(2s);
    print("thread computed", x * 10);
    return x * 10;
}

aio::Coroutine<void> ticker() {
    for (int i = 0; i < 3; ++i) {
        co_await aio::sleep(1s);
        print("tick", i + 1);
    }
}

aio::Coroutine<void> toThreadRun() {
    auto tick = aio::create_task(ticker());
    const int v = co_await aio::to_thread(def("blockingWork", blockingWork), 4);
    print("to_thread gave", v);
    co_await tick;
}

aio::Coroutine<void> forgetFailure() {
    aio::create_task(failsAfter(1s, "nobody looks"));
    co_await aio::sleep(2s);
    print("main ends");
}

aio::Coroutine<void> leaveRunning() {
    aio::create_task(child(10s));
    co_await aio::sleep(1s);
    print("main ends");
}

// The first task running coroutine function `coro` (its Create event names it).
ObjectId taskOf(const Trace& t, const std::string& coro) {
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op == Op::Create && e.object < t.objectCount() && t.object(e.object).kind == ObjectKind::AsyncTask &&
            (e.flags & TraceEvent::ArgIsString) && t.argText(e) == coro)
            return e.object;
    }
    return kNoObject;
}

// Events of the first task running coroutine function `coro`.
std::vector<TraceEvent> taskEvents(const Trace& t, const std::string& coro) {
    std::vector<TraceEvent> out;
    const ObjectId o = taskOf(t, coro);
    for (std::size_t i = 0; i < t.eventCount(); ++i)
        if (t.event(i).object == o) out.push_back(t.event(i));
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

}  // namespace

class TestAsyncio : public QObject {
    Q_OBJECT

    WorkerPool pool_;

    // Runs `body` as MainThread to the end.
    void runBody(Trace& trace, std::function<void()> body, RunConfig config = {}) {
        Execution ex(pool_, trace, config, std::move(body));
        ex.runToEnd();
    }

private slots:
    void coroutineNamesComeFromTheFunction() {
        QCOMPARE(aio::detail::coroutineName("lockstep::asyncio::Coroutine<int> ns::hello(int)"), std::string("hello"));
        QCOMPARE(aio::detail::coroutineName("Coroutine<std::tuple<int, int> > fetch(std::string)"), std::string("fetch"));
        QCOMPARE(aio::detail::coroutineName("main()::<lambda()>"), std::string("<lambda>"));
    }

    // gather of two coroutines sleeping 5 s takes 5 s of virtual time, not 10, on one thread.
    void gatherTwoTakesTheLongest() {
        Trace t;
        std::tuple<int, int> results;
        runBody(t, [&] { results = aio::run(aio::gather(napThenReturn(5s, 1), napThenReturn(5s, 2))); });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        QCOMPARE(std::get<0>(results), 1);
        QCOMPARE(std::get<1>(results), 2);
        QCOMPARE(t.outcome().endTime, 5 * kSecond);
        QCOMPARE(t.actorCount(), std::size_t(1));  // every task ran on MainThread's own thread
        // Three tasks (the main coroutine and the two gathered ones), each started, waited and done.
        int tasks = 0;
        for (ObjectId o = 0; o < t.objectCount(); ++o) tasks += t.object(o).kind == ObjectKind::AsyncTask;
        QCOMPARE(tasks, 3);
        const auto nap = taskEvents(t, "napThenReturn");
        QVERIFY(!nap.empty());
        QCOMPARE(nap.front().op, Op::Create);
        bool started = false, slept = false, done = false;
        for (const TraceEvent& e : nap) {
            started |= e.op == Op::Resume && e.result == Result::Started && e.time == 0;
            slept |= e.op == Op::Await && (e.flags & TraceEvent::ArgIsMicros) && e.arg == 5'000'000;
            done |= e.op == Op::Run && e.result == Result::Done && e.time == 5 * kSecond;
        }
        QVERIFY(started && slept && done);
        // The loop's thread waits in select() while every task waits on a timer; it names the loop.
        const auto waits = events(t, Op::Wait, Result::Blocked);
        QCOMPARE(waits.size(), std::size_t(1));
        QCOMPARE(t.object(waits[0].object).kind, ObjectKind::EventLoop);
        QVERIFY(waits[0].flags & TraceEvent::HasTimeout);
        // The loop's thread is only ever blocked in select(), never "on" a task, and it is done only at the end.
        const auto lanes = TraceAnalysis(t).actorStates();
        for (const StateInterval& s : lanes[0]) {
            if (s.state == ActorState::Blocked) QCOMPARE(t.object(s.object).kind, ObjectKind::EventLoop);
            if (s.state == ActorState::Done) QCOMPARE(s.begin, 5 * kSecond);
        }
        // Python's task names: the main coroutine's task is Task-1.
        QCOMPARE(t.object(taskOf(t, "gather")).name, std::string("Task-1"));
    }

    void vectorGatherAndResults() {
        Trace t;
        std::vector<int> results;
        runBody(t, [&] {
            std::vector<aio::Coroutine<int>> coros;
            for (int i = 0; i < 5; ++i) coros.push_back(napThenReturn(std::chrono::seconds(5 - i), i * i));
            results = aio::run(aio::gather(std::move(coros)));
        });
        QCOMPARE(results, (std::vector<int>{0, 1, 4, 9, 16}));  // in order of the coroutines, not of finishing
        QCOMPARE(t.outcome().endTime, 5 * kSecond);
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(5));
        QCOMPARE(lines.front().time, 1 * kSecond);  // the shortest sleep finishes first
    }

    // sleep(0) only lets the other tasks run: start, start, exit, exit.
    void sleepZeroYields() {
        Trace t;
        runBody(t, [] { aio::run(aio::gather(hello("A"), hello("B"))); });
        std::vector<std::string> texts;
        for (const Printed& p : printed(t)) texts.push_back(p.text);
        QCOMPARE(texts, (std::vector<std::string>{"A start", "B start", "A exit", "B exit"}));
        QCOMPARE(t.outcome().endTime, Nanos(0));
    }

    void workersExitByTheirSleeps() {
        Trace t;
        runBody(t, [] { aio::run(aio::gather(worker(1, 2s), worker(2, 2s), worker(3, 1s))); });
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(3));
        QCOMPARE(lines[0].text, std::string("worker 3 exits"));
        QCOMPARE(lines[0].time, 1 * kSecond);
        QCOMPARE(lines[1].time, 2 * kSecond);
        QCOMPARE(lines[2].time, 2 * kSecond);
    }

    // An exception travels through await as in Python, and the failed task says so in the trace.
    void exceptionsPropagate() {
        Trace t;
        std::string caught;
        runBody(t, [&] {
            aio::run([&]() -> aio::Coroutine<void> {
                auto task = aio::create_task(fails());
                try {
                    co_await task;
                } catch (const ValueError& e) {
                    caught = e.describe();
                }
            }());
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        QCOMPARE(caught, std::string("ValueError: bad value"));
        const auto ev = taskEvents(t, "fails");
        QVERIFY(std::any_of(ev.begin(), ev.end(), [&](const TraceEvent& e) {
            return e.op == Op::Run && e.result == Result::Error && t.argText(e) == "ValueError: bad value";
        }));
    }

    // A coroutine object dropped unawaited prints Python's warning and runs nothing.
    void neverAwaitedWarns() {
        Trace t;
        runBody(t, [] {
            { auto forgotten = hello("never"); }
            print("done");
        });
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(2));
        QCOMPARE(lines[0].text, std::string("RuntimeWarning: coroutine 'hello' was never awaited"));
        QCOMPARE(lines[1].text, std::string("done"));
    }

    // asyncio.run() inside a running loop is Python's RuntimeError, raised in the task; nothing crashes.
    void runInsideALoopIsAnError() {
        Trace t;
        std::string caught;
        runBody(t, [&] {
            aio::run([&]() -> aio::Coroutine<void> {
                try {
                    aio::run(hello("inner"));
                } catch (const RuntimeError& e) {
                    caught = e.describe();
                    print("handled");
                }
                co_return;
            }());
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        // The warning comes after the handler, as in CPython, where the traceback keeps the coroutine alive
        // until the except block ends.
        QCOMPARE(texts(t), (QStringList{"handled", "RuntimeWarning: coroutine 'hello' was never awaited"}));
        QCOMPARE(caught, std::string("RuntimeError: asyncio.run() cannot be called from a running event loop"));
        QCOMPARE(events(t, Op::Raise, Result::Error).size(), std::size_t(1));
        // As in Python, the coroutine handed to the refused run() was never awaited, and the warning says so.
        QCOMPARE(printedContaining(t, "RuntimeWarning: coroutine 'hello' was never awaited").size(), std::size_t(1));
    }

    // A blocking call inside a coroutine (time.sleep instead of await asyncio.sleep) holds the loop's thread:
    // the other task's 1 s sleep ends at t=2, when the blocking call returns.
    void blockingCallStallsEveryTask() {
        Trace t;
        runBody(t, [] {
            aio::run([]() -> aio::Coroutine<void> {
                auto other = aio::create_task(worker(1, 1s));
                co_await aio::sleep(0s);  // let it start and arm its timer
                lockstep::sleep(2s);      // blocks the whole loop
                co_await other;
            }());
        });
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines[0].time, 2 * kSecond);
    }

    // A real thread runs beside the loop: one trace, one clock.
    void threadsAndTasksShareTheClock() {
        Trace t;
        runBody(t, [] {
            Thread th([] {
                lockstep::sleep(1500ms);
                print("thread wakes");
            }, {.name = "T1"});
            th.start();
            aio::run(aio::gather(worker(1, 1s), worker(2, 2s)));
            th.join();
        });
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(3));
        QCOMPARE(lines[0].time, 1 * kSecond);
        QCOMPARE(lines[1].actor, std::string("T1"));
        QCOMPARE(lines[1].time, 1500 * kMilli);
        QCOMPARE(lines[2].time, 2 * kSecond);
    }

    // Two tasks awaiting each other: Python hangs; the run ends stuck, not crashed.
    void waitingForeverIsStuck() {
        Trace t;
        runBody(t, [] {
            aio::run([]() -> aio::Coroutine<void> {
                // Captureless: a lambda coroutine's captures would die with the lambda; parameters live
                // in the coroutine's frame.
                auto waitFor = [](aio::Task<void>* other) -> aio::Coroutine<void> {
                    co_await aio::sleep(0s);
                    co_await *other;
                };
                aio::Task<void> a, b;
                a = aio::create_task(waitFor(&b));
                b = aio::create_task(waitFor(&a));
                co_await a;
            }());
        });
        QCOMPARE(t.outcome().status, RunStatus::Stuck);
    }

    // Cancelling a task that awaits a child task cancels the child: its cleanup runs, and the CancelledError
    // comes back up through the parent to whoever awaits it.
    void cancelReachesTheChild() {
        Trace t;
        runBody(t, [] { aio::run(cancelAfter(1s)); });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        QCOMPARE(texts(t), (QStringList{"child starts", "cancel returns True", "child cleans up",
                                                     "parent sees CancelledError",
                                                     "main sees CancelledError; parent cancelled: True"}));
        QCOMPARE(t.outcome().endTime, 1 * kSecond);
        const auto states = finalTaskStates(t);
        QCOMPARE(states.at("Task-2"), TaskState::Cancelled);  // parentOf
        QCOMPARE(states.at("Task-3"), TaskState::Cancelled);  // child
        QCOMPARE(states.at("Task-1"), TaskState::Done);
        // cancel() is in the trace on the parent, and reached the child.
        QVERIFY(!events(t, Op::Cancel, Result::Ok, "Task-2").empty());
        QVERIFY(!events(t, Op::Cancel, Result::Ok, "Task-3").empty());
    }

    // Cancelling a task that has not started yet: its body never runs.
    void cancelBeforeStart() {
        Trace t;
        runBody(t, [] {
            aio::run([]() -> aio::Coroutine<void> {
                auto c = aio::create_task(child(1s));
                c.cancel();
                try {
                    co_await c;
                } catch (const aio::CancelledError&) {
                    print("cancelled before it started");
                }
            }());
        });
        QCOMPARE(texts(t), (QStringList{"cancelled before it started"}));
    }

    void waitFirstCompleted() {
        Trace t;
        runBody(t, [] { aio::run(firstCompleted()); });
        const auto lines = printed(t);
        QCOMPARE(texts(t), (QStringList{"done fast", "pending cancelled: True"}));
        QCOMPARE(lines[0].time, 2 * kSecond);
        QCOMPARE(t.outcome().endTime, 2 * kSecond);
        QCOMPARE(finalTaskStates(t).at("Task-2"), TaskState::Cancelled);
        QCOMPARE(finalTaskStates(t).at("Task-3"), TaskState::Done);
    }

    // FIRST_EXCEPTION returns when a task raises (t=2), with the finished ones done and the rest pending.
    void waitFirstException() {
        Trace t;
        runBody(t, [] { aio::run(firstException()); });
        QCOMPARE(texts(t), (QStringList{"slept 1 s", "done 2 pending 1 at 2", "raised: ValueError: two"}));
        QCOMPARE(finalTaskStates(t).at("Task-4"), TaskState::Cancelled);
        QVERIFY(printedContaining(t, "never retrieved").empty());  // wait() read the exception
    }

    void waitTimeout_data() {
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<int>("done");
        QTest::newRow("0.05 s: nothing") << 50 << 0;
        QTest::newRow("0.12 s: the fast one") << 120 << 1;
        QTest::newRow("0.2 s: both") << 200 << 2;
    }
    void waitTimeout() {
        QFETCH(int, timeoutMs);
        QFETCH(int, done);
        Trace t;
        runBody(t, [timeoutMs] { aio::run(waitWithTimeout(std::chrono::milliseconds(timeoutMs))); });
        QCOMPARE(texts(t).at(0), QString("done %1 pending %2").arg(done).arg(2 - done));
        QCOMPARE(printed(t).at(0).time, std::min<Nanos>(timeoutMs, 150) * kMilli);
        // The waiting task's Await says it has a timeout.
        bool timed = false;
        for (const TraceEvent& e : events(t, Op::Await, Result::Blocked)) timed |= (e.flags & TraceEvent::HasTimeout) != 0;
        QVERIFY(timed);
    }

    void waitForCancelsOnTimeout() {
        Trace t;
        runBody(t, [] { aio::run(waitForTimeout()); });
        QCOMPARE(texts(t), (QStringList{"child starts", "child cleans up", "TimeoutError", "child starts",
                                                     "child done", "got 42"}));
        const auto lines = printed(t);
        QCOMPARE(lines[2].time, 1 * kSecond);
        QCOMPARE(lines[5].time, 2 * kSecond);
    }

    void shieldProtectsTheInnerTask() {
        Trace t;
        runBody(t, [] { aio::run(shieldKeepsInner()); });
        QCOMPARE(texts(t), (QStringList{"child starts", "outer cancelled", "child done", "inner result 42"}));
        QCOMPARE(printed(t).at(1).time, 1 * kSecond);
        QCOMPARE(t.outcome().endTime, 2 * kSecond);
    }

    // Without return_exceptions the first exception reaches the awaiting task at once (t=1), not when the
    // 5 s sibling ends; the sibling goes on, and asyncio.run cancels it at the end.
    void gatherRaisesAtOnce() {
        Trace t;
        runBody(t, [] { aio::run(gatherRaisesFirstAtOnce()); });
        QCOMPARE(texts(t), (QStringList{"caught ValueError: early"}));
        QCOMPARE(printed(t).at(0).time, 1 * kSecond);
        QCOMPARE(t.outcome().endTime, 1 * kSecond);
        QCOMPARE(finalTaskStates(t).at("Task-2"), TaskState::Cancelled);  // cancelled by asyncio.run()
    }

    void gatherReturnExceptions() {
        Trace t;
        runBody(t, [] { aio::run(gatherReturnsExceptions()); });
        QCOMPARE(texts(t), (QStringList{"slept 1 s", "slept 3 s", "1 ValueError('two') 3"}));
        QVERIFY(printedContaining(t, "never retrieved").empty());
    }

    void callbacksRunOnTheLoop() {
        Trace t;
        runBody(t, [] { aio::run(callbacks()); });
        // The done callback was added before main awaited the task, so it runs first, as in Python.
        QCOMPARE(texts(t), (QStringList{"soon", "at 1 s", "later 2 s", "slept 3 s", "done callback sees 7",
                                        "after await"}));
        const auto lines = printed(t);
        QCOMPARE(lines[1].time, 1 * kSecond);
        QCOMPARE(lines[2].time, 2 * kSecond);
        QCOMPARE(lines[4].time, 3 * kSecond);
        // Each callback is a step of the loop, named by its object.
        QCOMPARE(events(t, Op::Callback, Result::Ok, "report").size(), std::size_t(1));
        QVERIFY(events(t, Op::Callback, Result::Ok, "cancelled_one").empty());
    }

    void queueProducerConsumers() {
        Trace t;
        runBody(t, [] { aio::run(queueRun()); });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const auto lines = texts(t);
        QCOMPARE(lines.filter(" got ").size(), 5);
        QVERIFY(lines.contains("joined at 3"));
        QCOMPARE(lines.back(), QString("c1 cancelled: True c2 cancelled: True"));
        // maxsize 2: the producer waited on the full queue.
        bool producerWaited = false;
        const ObjectId q = t.findObject("q");
        for (const TraceEvent& e : events(t, Op::Await, Result::Blocked)) producerWaited |= e.arg == static_cast<std::int32_t>(q);
        QVERIFY(producerWaited);
        QCOMPARE(events(t, Op::Put, Result::Ok, "q").size(), std::size_t(5));
        QCOMPARE(events(t, Op::TaskDone, Result::Ok, "q").size(), std::size_t(5));
    }

    void lockSerialises() {
        Trace t;
        runBody(t, [] { aio::run(lockRun()); });
        const auto lines = printed(t);
        QCOMPARE(texts(t), (QStringList{"A has the lock", "B has the lock", "C has the lock"}));
        QCOMPARE(lines[1].time, 1 * kSecond);
        QCOMPARE(lines[2].time, 2 * kSecond);
        // Each Acquire names the task that holds the lock.
        const auto acquires = events(t, Op::Acquire, Result::Acquired, "lock");
        QCOMPARE(acquires.size(), std::size_t(3));
        QCOMPARE(t.object(static_cast<ObjectId>(acquires[1].arg)).kind, ObjectKind::AsyncTask);
    }

    void eventWakesAll() {
        Trace t;
        runBody(t, [] { aio::run(eventRun()); });
        QCOMPARE(texts(t), (QStringList{"A sees the event", "B sees the event"}));
        QCOMPARE(printed(t).at(0).time, 2 * kSecond);
    }

    void semaphoreLimits() {
        Trace t;
        runBody(t, [] { aio::run(semaphoreRun()); });
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(5));
        QCOMPARE(lines[1].time, Nanos(0));
        QCOMPARE(lines[2].time, 1 * kSecond);
        QCOMPARE(lines[4].time, 2 * kSecond);
    }

    // to_thread runs the blocking call in a real worker thread: the loop's ticker goes on meanwhile, and the
    // result comes back to the awaiting task.
    void toThreadRunsInAWorker() {
        Trace t;
        runBody(t, [] { aio::run(toThreadRun()); });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        // At t=2 the thread's hand-back and the ticker's timer are both due; the hand-back runs first and
        // puts main on the ready queue after the ticker, as CPython's loop does.
        QCOMPARE(texts(t), (QStringList{"tick 1", "thread computed 40", "tick 2", "to_thread gave 40", "tick 3"}));
        const auto lines = printed(t);
        QCOMPARE(lines[1].actor, std::string("asyncio_0"));
        QCOMPARE(lines[1].time, 2 * kSecond);
        QCOMPARE(lines[3].actor, std::string("MainThread"));
        QCOMPARE(lines[3].time, 2 * kSecond);
        QCOMPARE(lines[4].time, 3 * kSecond);
        QVERIFY(t.actorCount() >= 2);
        QVERIFY(t.races().empty());  // the hand-back orders the worker before the loop
    }

    void exceptionNeverRetrieved() {
        Trace t;
        runBody(t, [] { aio::run(forgetFailure()); });
        const auto warn = printedContaining(t, "Task exception was never retrieved");
        QCOMPARE(warn.size(), std::size_t(1));
        QVERIFY(warn[0].text.find("ValueError('nobody looks')") != std::string::npos);
        QCOMPARE(texts(t).front(), QString("main ends"));  // after main, when the task is collected
    }

    // asyncio.run() cancels what is still running when main returns; the cleanup runs.
    void runCancelsLeftoverTasks() {
        Trace t;
        runBody(t, [] { aio::run(leaveRunning()); });
        QCOMPARE(texts(t), (QStringList{"child starts", "main ends", "child cleans up"}));
        QCOMPARE(t.outcome().endTime, 1 * kSecond);
        QCOMPARE(finalTaskStates(t).at("Task-2"), TaskState::Cancelled);
    }

    void deterministic() {
        Trace a, b;
        auto body = [] { aio::run(aio::gather(worker(1, 2s), worker(2, 1s), hello("x"))); };
        runBody(a, body);
        runBody(b, body);
        QCOMPARE(a.eventCount(), b.eventCount());
        for (std::size_t i = 0; i < a.eventCount(); ++i) {
            QCOMPARE(a.event(i).op, b.event(i).op);
            QCOMPARE(a.event(i).time, b.event(i).time);
            QCOMPARE(a.event(i).object, b.event(i).object);
        }
    }

    // Stopping a run at any step, with tasks suspended, unwinds the loop and leaves no thread behind.
    void abortAtEveryStep() {
        Trace full;
        auto body = [] { aio::run(aio::gather(worker(1, 2s), worker(2, 1s), napThenReturn(3s, 7))); };
        runBody(full, body);
        const std::uint32_t steps = full.stepCount();
        QVERIFY(steps > 5);
        const int before = processThreadCount();
        for (std::uint32_t s = 1; s < steps; ++s) {
            Trace t;
            {
                Execution ex(pool_, t, RunConfig{}, body);
                StopRequest r;
                r.untilStep = s;
                ex.advance(r);
                ex.teardown();
            }
            QCOMPARE(t.outcome().status, RunStatus::Aborted);
        }
        pool_.trim();
        QVERIFY(processThreadCount() <= before);
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestAsyncio)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_asyncio.moc"
