// The asyncio event loop's first part: coroutines run on one actor's thread under the scheduler, sleep on the
// virtual clock, gather, pass results and exceptions, and the mistakes learners make are shown, not crashed on.

#include <QtTest>

#include <chrono>
#include <string>
#include <vector>

#include "common/ProcessThreads.h"
#include "common/ScenarioTrace.h"
#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/PyError.h"
#include "lockstep/Thread.h"
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

// Events of the task object called `name`.
std::vector<TraceEvent> taskEvents(const Trace& t, const std::string& name) {
    std::vector<TraceEvent> out;
    const ObjectId o = t.findObject(name);
    for (std::size_t i = 0; i < t.eventCount(); ++i)
        if (t.event(i).object == o) out.push_back(t.event(i));
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
        // The loop's thread sleeps (in select()) while every task waits on a timer.
        QCOMPARE(events(t, Op::Sleep, Result::Blocked).size(), std::size_t(1));
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
                }
                co_return;
            }());
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
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

QTEST_GUILESS_MAIN(TestAsyncio)
#include "tst_asyncio.moc"
