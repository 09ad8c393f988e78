// concurrent.futures in the engine: Future states and their order, cancel, result with a timeout, exceptions,
// the executor's worker threads (lazily started, at most max_workers, each a real OS thread), map and
// as_completed order, shutdown, misuse; happens-before through futures; the thread-pool-futures scenario; the
// timeline's future lanes.

// The habit of the engine's tests: no Qt keywords (`slots`, `signals`, `emit`) that could clash with engine
// names.
#define QT_NO_KEYWORDS
#include "common/TestMain.h"
#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/SummaryJson.h"
#include "common/ProcessThreads.h"
#include "common/ScenarioTrace.h"
#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/Future.h"
#include "lockstep/Shared.h"
#include "lockstep/ThreadPoolExecutor.h"
#include "lockstep/TraceAnalysis.h"
#include "panels/InspectorModel.h"
#include "lockstep/TraceModel.h"
#include "style/Palette.h"
#include "style/StateNames.h"
#include "timeline/FutureLanes.h"
#include "timeline/TimelineExporter.h"
#include "timeline/TimelineLayout.h"
#include "timeline/TimelineModel.h"

using namespace lockstep;
using namespace lockstep::testing;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(lockstep::FutureState)

namespace lockstep {
char* toString(RunStatus s) {
    return qstrdup(std::string(runStatusName(s)).c_str());
}
char* toString(EndState s) {
    return qstrdup(std::string(endStateName(s)).c_str());
}
char* toString(FutureState s) {
    return qstrdup(std::string(futureStateName(s)).c_str());
}
char* toString(Op op) {
    return qstrdup(std::string(opName(op)).c_str());
}
char* toString(Result r) {
    return qstrdup(std::string(resultName(r)).c_str());
}
}  // namespace lockstep

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// "[1.000 T1] text": what print() wrote to stdout, with the virtual time and the printing thread.
QStringList out(const Trace& t) {
    QStringList lines;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op != Op::Print || (e.flags & TraceEvent::ToStderr)) continue;
        lines << QStringLiteral("[%1 %2] %3")
                     .arg(QString::number(toSeconds(e.time), 'f', 3), qs(t.actor(e.actor).name),
                          qs(t.argText(e)));
    }
    return lines;
}

QStringList raised(const Trace& t) {
    QStringList texts;
    for (std::size_t i = 0; i < t.eventCount(); ++i)
        if (t.event(i).op == Op::Raise) texts << qs(t.argText(t.event(i)));
    return texts;
}

std::vector<FutureState> statesOf(const Trace& t, const std::string& future) {
    std::vector<FutureState> s;
    for (const FutureInterval& i : TraceAnalysis(t).futureStates(t.findObject(future))) s.push_back(i.state);
    return s;
}

// Actors whose name starts with `prefix` (the pool's worker threads).
std::vector<ActorId> actorsNamed(const Trace& t, const std::string& prefix) {
    std::vector<ActorId> a;
    for (ActorId i = 0; i < t.actorCount(); ++i)
        if (t.actor(i).name.rfind(prefix, 0) == 0) a.push_back(i);
    return a;
}

// The largest number of futures in the Running state at one instant of virtual time (intervals are
// [begin, end), so one ending when another begins do not overlap).
int peakRunning(const Trace& t) {
    std::vector<std::pair<Nanos, int>> edges;
    for (ObjectId o = 0; o < t.objectCount(); ++o) {
        if (t.object(o).kind != ObjectKind::Future) continue;
        for (const FutureInterval& i : TraceAnalysis(t).futureStates(o))
            if (i.state == FutureState::Running && i.end > i.begin) {
                edges.push_back({i.begin, +1});
                edges.push_back({i.end, -1});
            }
    }
    std::sort(edges.begin(), edges.end());  // at equal times -1 sorts first
    int now = 0, peak = 0;
    for (const auto& [time, delta] : edges) peak = std::max(peak, now += delta);
    return peak;
}

// Objects of the Future kind in completion order (their SetResult/SetException/Cancel events).
std::vector<std::string> completionOrder(const Trace& t) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op == Op::SetResult || e.op == Op::SetException) names.push_back(t.object(e.object).name);
    }
    return names;
}

// The first `n` futures as_completed() gave, by name.
std::vector<std::string> yielded(const Trace& t) {
    std::vector<std::string> names;
    for (const TraceEvent& e : events(t, Op::AsCompleted, Result::Ok))
        names.push_back(t.object(e.object).name);
    return names;
}

QStringList mainLines(const Trace& t) {
    QStringList lines;
    for (const Printed& p : printed(t))
        if (p.actor == "MainThread") lines << QString::fromStdString(p.text);
    return lines;
}

// Small programs that use every path of the API (waits that time out, cancels, errors, callbacks, shutdown
// variants), for the tests of the engine's step invariants.
std::map<std::string, std::function<void()>> apiPrograms() {
    const auto job = def("job", [](int seconds) {
        sleep(std::chrono::seconds(seconds));
        if (seconds == 0) throw ValueError("zero");
        return seconds;
    });
    std::map<std::string, std::function<void()>> p;
    p["submit, cancel, result, exception"] = [job] {
        ThreadPoolExecutor executor(1);
        Future<int> a = executor.submit(job, 1);
        Future<int> b = executor.submit(job, 2);
        Future<int> c = executor.submit(job, 0);
        b.cancel();
        a.add_done_callback([](Future<int> f) { print("done", f.result()); });
        try {
            a.result(100ms);
        } catch (const TimeoutError&) {
        }
        print(a.result(), a.exception(), c.exception());
        try {
            b.result();
        } catch (const CancelledError&) {
        }
        executor.shutdown();
        try {
            executor.submit(job, 1);
        } catch (const RuntimeError&) {
        }
    };
    p["map with a timeout"] = [job] {
        ThreadPoolExecutor executor(2);
        With scope(executor);
        try {
            for (int r : executor.map(job, std::vector<int>{2, 1, 3}, 2s)) print(r);
        } catch (const TimeoutError&) {
        }
    };
    p["as_completed with a timeout"] = [job] {
        ThreadPoolExecutor executor(3, "pool");
        With scope(executor);
        try {
            for (const Future<int>& f :
                 as_completed(std::vector{executor.submit(job, 3), executor.submit(job, 1)}, 2s))
                print(f.result());
        } catch (const TimeoutError&) {
        }
    };
    p["shutdown variants and errors"] = [job] {
        ThreadPoolExecutor a(1), b(2);
        for (int s : {1, 2, 0})
            a.submit(job, s).add_done_callback([](Future<int>) { throw ValueError("in callback"); });
        b.submit(job, 1);
        b.submit(job, 1);
        b.submit(job, 1);
        a.shutdown(true, true);
        b.shutdown(false);
    };
    return p;
}

}  // namespace

class TestPools : public QObject {
    Q_OBJECT

private:
    WorkerPool pool_;
    Trace trace_;

    const RunOutcome& run(std::function<void()> body, RunConfig config = {}) {
        Execution ex(pool_, trace_, std::move(config), std::move(body));
        ex.runToEnd();
        return trace_.outcome();
    }

private Q_SLOTS:
    // ---------------------------------------------------------------------------------------------------
    // Future states

    void statesPendingRunningFinished() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(1);
            const auto job = def("job", [] {
                sleep(1s);
                return 42;
            });
            Future<int> f = executor.submit(job);
            print("pending:", !f.running() && !f.done());
            sleep(500ms);
            print("running:", f.running(), "done:", f.done());
            print("result:", f.result());
            print("done:", f.done(), "cancelled:", f.cancelled());
            executor.shutdown();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(
            out(trace_),
            (QStringList{"[0.000 MainThread] pending: True", "[0.500 MainThread] running: True done: False",
                         "[1.000 MainThread] result: 42", "[1.000 MainThread] done: True cancelled: False"}));
        const ObjectId f = trace_.findObject("job()");
        QVERIFY(f != kNoObject);
        QCOMPARE(trace_.object(f).kind, ObjectKind::Future);
        const auto states = TraceAnalysis(trace_).futureStates(f);
        QCOMPARE(states.size(), std::size_t(3));
        QCOMPARE(states[0].state, FutureState::Pending);
        QCOMPARE(states[1].state, FutureState::Running);
        QCOMPARE(states[2].state, FutureState::Finished);
        // Pending from the submit (by main) until a worker takes it; running and finished on that worker.
        const ActorId worker = trace_.findActor("ThreadPoolExecutor-0_0");
        QVERIFY(worker != kNoActor);
        QCOMPARE(states[0].actor, ActorId(0));
        QCOMPARE(states[1].actor, worker);
        QCOMPARE(states[2].actor, worker);
        QCOMPARE(states[1].begin, Nanos(0));
        QCOMPARE(states[1].end, kSecond);
        QCOMPARE(states[2].begin, kSecond);
        for (std::size_t i = 1; i < states.size(); ++i) {
            QCOMPARE(states[i].beginStep, states[i - 1].endStep);
            QVERIFY(states[i - 1].beginStep < states[i - 1].endStep);
        }
        QCOMPARE(states.back().endStep, trace_.stepCount() + 1);
        // result() waited for it: blocked at t=0.5, woken at t=1, then returned the value.
        const auto results = events(trace_, Op::FutureResult, std::nullopt, "job()");
        QCOMPARE(results.size(), std::size_t(3));
        QCOMPARE(results[0].result, Result::Blocked);
        QCOMPARE(results[1].result, Result::Woken);
        QCOMPARE(results[2].result, Result::Ok);
        QCOMPARE(qs(trace_.argText(results[2])), QStringLiteral("42"));
    }

    void cancelOnlyWhilePending() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(1);
            const auto job = def("job", [](int n) {
                sleep(1s);
                return n;
            });
            Future<int> a = executor.submit(job, 1);
            Future<int> b = executor.submit(job, 2);  // the one worker is taken by a: b waits in the queue
            sleep(100ms);
            print("cancel running a:", a.cancel());
            print("cancel pending b:", b.cancel(), "again:", b.cancel());
            print("a:", a.result());
            print("cancel finished a:", a.cancel());
            print("b cancelled:", b.cancelled(), "done:", b.done(), "running:", b.running());
            try {
                b.result();
            } catch (const CancelledError& e) {
                print(e.describe());
            }
            executor.shutdown();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_),
                 (QStringList{"[0.100 MainThread] cancel running a: False",
                              "[0.100 MainThread] cancel pending b: True again: True",
                              "[1.000 MainThread] a: 1", "[1.000 MainThread] cancel finished a: False",
                              "[1.000 MainThread] b cancelled: True done: True running: False",
                              "[1.000 MainThread] concurrent.futures.CancelledError"}));
        QCOMPARE(statesOf(trace_, "job(1)"),
                 (std::vector{FutureState::Pending, FutureState::Running, FutureState::Finished}));
        QCOMPARE(statesOf(trace_, "job(2)"), (std::vector{FutureState::Pending, FutureState::Cancelled}));
        // The worker took b from the queue after a and dropped it without running it.
        const auto skips = events(trace_, Op::SetRunning, Result::Failed, "job(2)");
        QCOMPARE(skips.size(), std::size_t(1));
        QCOMPARE(trace_.actor(skips[0].actor).name, std::string("ThreadPoolExecutor-0_0"));
        QCOMPARE(events(trace_, Op::Cancel, Result::Failed, "job(1)").size(), std::size_t(2));
        const auto cancels = events(trace_, Op::Cancel, Result::Ok, "job(2)");
        QCOMPARE(cancels.size(), std::size_t(2));
        QCOMPARE(cancels[0].time, 100 * kMilli);
    }

    void resultTimeout() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(1);
            Future<int> f = executor.submit(def("slow", [] {
                sleep(2s);
                return 7;
            }));
            try {
                f.result(500ms);
                print("no timeout");
            } catch (const TimeoutError& e) {
                print(e.describe(), "at", monotonic());
            }
            print("then:", f.result(5s));
            executor.shutdown();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_),
                 (QStringList{"[0.500 MainThread] TimeoutError at 0.5", "[2.000 MainThread] then: 7"}));
        QCOMPARE(raised(trace_), QStringList{"TimeoutError"});
        const auto timeouts = events(trace_, Op::FutureResult, Result::Timeout, "slow()");
        QCOMPARE(timeouts.size(), std::size_t(1));
        QCOMPARE(timeouts[0].time, 500 * kMilli);
        const auto raises = events(trace_, Op::Raise, Result::Error);
        QCOMPARE(raises[0].object, trace_.findObject("slow()"));
    }

    void exceptionsPropagate() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(1);
            const auto parse = def("parse", [](std::string text) -> int {
                sleep(1s);
                if (text.empty()) throw ValueError("empty input");
                return static_cast<int>(text.size());
            });
            Future<int> bad = executor.submit(parse, std::string());
            Future<int> good = executor.submit(parse, std::string("abc"));
            print("exception:", bad.exception());
            try {
                bad.result();
            } catch (const ValueError& e) {
                print("caught", e.describe());
            }
            print("good:", good.result(), "exception:", good.exception());
            executor.shutdown();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_), (QStringList{"[1.000 MainThread] exception: empty input",
                                           "[1.000 MainThread] caught ValueError: empty input",
                                           "[2.000 MainThread] good: 3 exception: None"}));
        QCOMPARE(statesOf(trace_, "parse('')"),
                 (std::vector{FutureState::Pending, FutureState::Running, FutureState::Failed}));
        const auto failed = events(trace_, Op::SetException, Result::Error, "parse('')");
        QCOMPARE(failed.size(), std::size_t(1));
        QCOMPARE(qs(trace_.argText(failed[0])), QStringLiteral("ValueError: empty input"));
        // Raised again in main by result(), on the future; the worker itself did not die of it.
        QCOMPARE(raised(trace_), QStringList{"ValueError: empty input"});
        QCOMPARE(events(trace_, Op::Raise, Result::Error)[0].actor, ActorId(0));
        QCOMPARE(trace_.actor(trace_.findActor("ThreadPoolExecutor-0_0")).endState, EndState::Finished);
        QCOMPARE(statesOf(trace_, "parse('abc')").back(), FutureState::Finished);
    }

    void doneCallbacks() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(1);
            Future<int> f = executor.submit(def("job", [] {
                sleep(1s);
                return 5;
            }));
            f.add_done_callback(
                [](Future<int> done) { print("callback in", current_thread().name, done.result()); });
            f.result();
            f.add_done_callback(
                [](Future<int> done) { print("late callback in", current_thread().name, done.result()); });
            executor.shutdown();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_),
                 (QStringList{"[1.000 ThreadPoolExecutor-0_0] callback in ThreadPoolExecutor-0_0 5",
                              "[1.000 MainThread] late callback in MainThread 5"}));
    }

    // ---------------------------------------------------------------------------------------------------
    // The executor's threads

    void workersAreRealThreadsUpToMaxWorkers_data() {
        QTest::addColumn<int>("maxWorkers");
        QTest::addColumn<int>("tasks");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<int>("expectedThreads");
        QTest::newRow("2 workers, 5 tasks") << 2 << 5 << "" << 2;
        QTest::newRow("4 workers, 3 tasks") << 4 << 3 << "" << 3;
        QTest::newRow("named prefix") << 3 << 6 << "fetch" << 3;
    }
    void workersAreRealThreadsUpToMaxWorkers() {
        QFETCH(int, maxWorkers);
        QFETCH(int, tasks);
        QFETCH(QString, prefix);
        QFETCH(int, expectedThreads);
        const std::string p = prefix.toStdString();
        for (PolicyKind policy : {PolicyKind::RoundRobin, PolicyKind::Cooperative, PolicyKind::Random}) {
            RunConfig config;
            config.policy = policy;
            config.seed = 7;
            const RunOutcome& o = run(
                [=] {
                    ThreadPoolExecutor executor(maxWorkers, p);
                    std::vector<Future<int>> futures;
                    for (int i = 0; i < tasks; ++i)
                        futures.push_back(executor.submit(def("job",
                                                              [](int n) {
                                                                  sleep(1s);
                                                                  return n;
                                                              }),
                                                          i));
                    for (Future<int>& f : futures) f.result();
                    executor.shutdown();
                },
                config);
            QCOMPARE(o.status, RunStatus::Finished);
            const std::string threadPrefix = (p.empty() ? std::string("ThreadPoolExecutor-0") : p) + "_";
            const auto workers = actorsNamed(trace_, threadPrefix);
            QCOMPARE(int(workers.size()), expectedThreads);
            std::set<std::int64_t> tids{trace_.actor(0).tid};
            for (std::size_t i = 0; i < workers.size(); ++i) {
                const ActorInfo& w = trace_.actor(workers[i]);
                QCOMPARE(w.name, threadPrefix + std::to_string(i));  // numbered in order of creation
                QCOMPARE(w.kind, ActorKind::Thread);
                QVERIFY(!w.daemon);
                QVERIFY(w.tid > 0);
                QVERIFY2(tids.insert(w.tid).second, "every worker runs on an OS thread of its own");
                QCOMPARE(w.endState, EndState::Finished);
            }
            QVERIFY(peakRunning(trace_) <= maxWorkers);
            QCOMPARE(peakRunning(trace_), std::min(maxWorkers, tasks));
            // Every task ran, each on one of the workers.
            for (ObjectId f = 0; f < trace_.objectCount(); ++f) {
                if (trace_.object(f).kind != ObjectKind::Future) continue;
                const auto states = TraceAnalysis(trace_).futureStates(f);
                QCOMPARE(states.back().state, FutureState::Finished);
                QVERIFY(std::find(workers.begin(), workers.end(), states.back().actor) != workers.end());
            }
        }
    }

    // Python starts a thread per submit until max_workers exist, unless a worker has finished an item since
    // (its idle semaphore): then the next submit starts none.
    void idleWorkerIsReused() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(4);
            const auto job = def("job", [](int n) { return n; });
            for (int i = 0; i < 3; ++i) executor.submit(job, i).result();
            print("threads:", executor.threads().size());
            executor.shutdown();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_), QStringList{"[0.000 MainThread] threads: 1"});
        QCOMPARE(actorsNamed(trace_, "ThreadPoolExecutor-0_").size(), std::size_t(1));
    }

    void defaultNamesAndMaxWorkers() {
        RunConfig config;
        config.cores = 2;
        const RunOutcome& o = run(
            [] {
                ThreadPoolExecutor a;
                ThreadPoolExecutor b(std::nullopt, "named");
                ThreadPoolExecutor c;
                print(a.max_workers(), b.max_workers(), c.max_workers());
                Future<NoneType> f = c.submit([] {});
                print("result:", f.result());
                a.shutdown();
                b.shutdown();
                c.shutdown();
                try {
                    ThreadPoolExecutor zero(0);
                } catch (const ValueError& e) {
                    print(e.describe());
                }
            },
            config);
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_),
                 (QStringList{"[0.000 MainThread] 6 6 6", "[0.000 MainThread] result: None",
                              "[0.000 MainThread] ValueError: max_workers must be greater than 0"}));
        QVERIFY(trace_.findObject("ThreadPoolExecutor-0") != kNoObject);
        QVERIFY(trace_.findObject("ThreadPoolExecutor-1") != kNoObject);
        QVERIFY(trace_.findObject("named") != kNoObject);
        QVERIFY(trace_.findObject("ThreadPoolExecutor-1.work_queue") != kNoObject);
        QVERIFY(trace_.findActor("ThreadPoolExecutor-1_0") != kNoActor);
        QVERIFY(trace_.findObject("Future-1") != kNoObject);  // a callable without a name
    }

    // ---------------------------------------------------------------------------------------------------
    // map and as_completed

    void mapKeepsItemOrder() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(3);
            const auto job = def("job", [](int seconds) {
                sleep(std::chrono::seconds(seconds));
                return seconds * 10;
            });
            for (int r : executor.map(job, std::vector<int>{3, 1, 2})) print("map:", r);
            executor.shutdown();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        // The first result is the slowest; the others were ready and follow at once.
        QCOMPARE(out(trace_), (QStringList{"[3.000 MainThread] map: 30", "[3.000 MainThread] map: 10",
                                           "[3.000 MainThread] map: 20"}));
        QCOMPARE(completionOrder(trace_), (std::vector<std::string>{"job(1)", "job(2)", "job(3)"}));
    }

    void mapTimeoutCancelsTheRest() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(1);
            const auto job = def("job", [](int seconds) {
                sleep(std::chrono::seconds(seconds));
                return seconds;
            });
            try {
                for (int r : executor.map(job, std::vector<int>{1, 2, 3}, 2s)) print("map:", r);
            } catch (const TimeoutError& e) {
                print(e.describe(), "at", monotonic());
            }
            executor.shutdown();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        // One worker: job(1) ends at t=1; job(2) would end at t=3, after the 2 s timeout. Leaving the loop
        // cancels what was not read: job(2) is running by then (cancel fails), job(3) still pending.
        QCOMPARE(out(trace_),
                 (QStringList{"[1.000 MainThread] map: 1", "[2.000 MainThread] TimeoutError at 2"}));
        QCOMPARE(statesOf(trace_, "job(3)"), (std::vector{FutureState::Pending, FutureState::Cancelled}));
        QCOMPARE(statesOf(trace_, "job(2)").back(), FutureState::Finished);
        QCOMPARE(events(trace_, Op::Cancel, Result::Failed, "job(2)").size(), std::size_t(1));
    }

    void asCompletedInCompletionOrder_data() { addPolicyRows(5); }
    void asCompletedInCompletionOrder() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        RunConfig config;
        config.policy = policy;
        config.seed = seed;
        const RunOutcome& o = run(
            [] {
                ThreadPoolExecutor executor(4);
                const auto job = def("job", [](int seconds) {
                    sleep(std::chrono::seconds(seconds));
                    return seconds;
                });
                std::vector<Future<int>> futures;
                for (int s : {4, 1, 3, 2}) futures.push_back(executor.submit(job, s));
                for (const Future<int>& f : as_completed(futures)) print("completed:", f.result());
                executor.shutdown();
            },
            config);
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_),
                 (QStringList{"[1.000 MainThread] completed: 1", "[2.000 MainThread] completed: 2",
                              "[3.000 MainThread] completed: 3", "[4.000 MainThread] completed: 4"}));
        // Each yield is an as_completed event on the future, after a wait that names no single future.
        const auto yields = events(trace_, Op::AsCompleted, Result::Ok);
        QCOMPARE(yields.size(), std::size_t(4));
        QCOMPARE(trace_.object(yields[0].object).name, std::string("job(1)"));
        const auto waits = events(trace_, Op::AsCompleted, Result::Blocked);
        QCOMPARE(waits.size(), std::size_t(4));
        for (const TraceEvent& w : waits) QCOMPARE(w.object, kNoObject);
    }

    void asCompletedYieldsFinishedFirstAndTimesOut() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(3);
            const auto job = def("job", [](int seconds) {
                sleep(std::chrono::seconds(seconds));
                return seconds;
            });
            std::vector<Future<int>> futures;
            for (int s : {5, 2, 1}) futures.push_back(executor.submit(job, s));
            futures.push_back(futures[1]);  // a set: each future once
            sleep(3s);
            try {
                for (const Future<int>& f : as_completed(futures, 1s)) print("completed:", f.result());
            } catch (const TimeoutError& e) {
                print(e.describe(), "at", monotonic());
            }
            executor.shutdown();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_),
                 (QStringList{"[3.000 MainThread] completed: 1", "[3.000 MainThread] completed: 2",
                              "[4.000 MainThread] TimeoutError: 1 (of 3) futures unfinished at 4"}));
    }

    // ---------------------------------------------------------------------------------------------------
    // shutdown and misuse

    void shutdownWaitsAndLeavesNoThread() {
        const int baseline = processThreadCount();
        {
            WorkerPool pool(0);  // keeps no idle OS thread after the run
            Trace trace;
            Execution ex(pool, trace, RunConfig{}, [] {
                ThreadPoolExecutor executor(3);
                {
                    With scope(executor);
                    for (int i = 1; i <= 3; ++i)
                        executor.submit(def("job", [](int n) { sleep(std::chrono::seconds(n)); }), i);
                }
                print("after shutdown");
            });
            ex.runToEnd();
            QCOMPARE(trace.outcome().status, RunStatus::Finished);
            QCOMPARE(out(trace), QStringList{"[3.000 MainThread] after shutdown"});
            // Every worker ended before shutdown() returned: their last events come before main's print.
            const auto workers = actorsNamed(trace, "ThreadPoolExecutor-0_");
            QCOMPARE(workers.size(), std::size_t(3));
            std::size_t printAt = 0;
            for (std::size_t i = 0; i < trace.eventCount(); ++i)
                if (trace.event(i).op == Op::Print) printAt = i;
            for (ActorId w : workers) {
                QCOMPARE(trace.actor(w).endState, EndState::Finished);
                bool ended = false;
                for (std::size_t i = 0; i < printAt; ++i) {
                    const TraceEvent& e = trace.event(i);
                    ended = ended || (e.actor == w && e.op == Op::Run && e.result == Result::Done);
                }
                QVERIFY(ended);
            }
            QCOMPARE(
                events(trace, Op::Join, Result::Ok).size() + events(trace, Op::Join, Result::Woken).size(),
                std::size_t(3));
        }
        QCOMPARE(processThreadCount(), baseline);
    }

    void shutdownWithoutWait() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(1);
            const auto job = def("job", [](int n) {
                sleep(1s);
                print("job", n, "done");
            });
            executor.submit(job, 1);
            executor.submit(job, 2);
            executor.shutdown(false);
            print("shutdown returned");
        });
        // The queued work still runs after shutdown(wait=False) returns; the worker then stops by itself.
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_), (QStringList{"[0.000 MainThread] shutdown returned",
                                           "[1.000 ThreadPoolExecutor-0_0] job 1 done",
                                           "[2.000 ThreadPoolExecutor-0_0] job 2 done"}));
        QCOMPARE(trace_.actor(trace_.findActor("ThreadPoolExecutor-0_0")).endState, EndState::Finished);
    }

    void shutdownCancelsQueuedFutures() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(1);
            const auto job = def("job", [](int n) {
                sleep(1s);
                return n;
            });
            std::vector<Future<int>> futures;
            for (int i = 1; i <= 3; ++i) futures.push_back(executor.submit(job, i));
            sleep(100ms);
            executor.shutdown(true, true);
            for (const Future<int>& f : futures) print(f.name(), futureStateName(f.state()));
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_),
                 (QStringList{"[1.000 MainThread] job(1) finished", "[1.000 MainThread] job(2) cancelled",
                              "[1.000 MainThread] job(3) cancelled"}));
    }

    void submitAfterShutdownRaises() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(2);
            executor.shutdown();
            try {
                executor.submit([] { return 1; });
            } catch (const RuntimeError& e) {
                print(e.describe());
            }
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_),
                 QStringList{"[0.000 MainThread] RuntimeError: cannot schedule new futures after shutdown"});
        const auto raises = events(trace_, Op::Raise, Result::Error);
        QCOMPARE(raises.size(), std::size_t(1));
        QCOMPARE(raises[0].object, trace_.findObject("ThreadPoolExecutor-0"));
        QCOMPARE(trace_.object(raises[0].object).kind, ObjectKind::ThreadPoolExecutor);
    }

    // ---------------------------------------------------------------------------------------------------
    // Happens-before for the race detector

    void resultOrdersTheTasksWrites_data() {
        QTest::addColumn<QString>("how");
        QTest::addColumn<bool>("racy");
        QTest::newRow("after result()") << "result" << false;
        QTest::newRow("after exception()") << "exception" << false;
        QTest::newRow("after as_completed") << "as_completed" << false;
        QTest::newRow("after a sleep only") << "sleep" << true;
    }
    void resultOrdersTheTasksWrites() {
        QFETCH(QString, how);
        QFETCH(bool, racy);
        const std::string h = how.toStdString();
        const RunOutcome& o = run([h] {
            Shared<int> answer("answer", 0);
            ThreadPoolExecutor executor(1);
            Future<NoneType> f = executor.submit(def("job", [answer]() mutable { answer.store(42); }));
            if (h == "result")
                f.result();
            else if (h == "exception")
                f.exception();
            else if (h == "as_completed")
                for (const auto& done : as_completed(std::vector{f})) (void)done;
            else
                sleep(1s);
            print("answer:", answer.load());
            executor.shutdown();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_).back().section(' ', 2), QStringLiteral("answer: 42"));
        QCOMPARE(!trace_.races().empty(), racy);
    }

    // What main did before submit() happens before the task (the work queue's put and get).
    void submitOrdersWritesBeforeTheTask() {
        const RunOutcome& o = run([] {
            Shared<int> input("input", 0);
            input.store(5);
            ThreadPoolExecutor executor(1);
            Future<int> f = executor.submit(def("job", [input] { return input.load() * 2; }));
            print("result:", f.result());
            executor.shutdown();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(out(trace_), QStringList{"[0.000 MainThread] result: 10"});
        QVERIFY(trace_.races().empty());
    }

    // ---------------------------------------------------------------------------------------------------
    // The engine's invariants hold for every operation: each is steps that end in a scheduling point (so a
    // run advanced one step at a time stops at every step and records the same trace), and a run aborted at
    // any step unwinds every thread.

    void everyOperationEndsInASchedulingPoint_data() {
        QTest::addColumn<QString>("program");
        for (const auto& [name, body] : apiPrograms())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
    void everyOperationEndsInASchedulingPoint() {
        QFETCH(QString, program);
        const auto body = apiPrograms().at(program.toStdString());
        RunConfig config;
        config.policy = PolicyKind::Random;
        config.seed = 3;
        const RunOutcome& whole = run(body, config);
        QCOMPARE(whole.status, RunStatus::Finished);
        const std::uint32_t steps = whole.steps;
        const std::size_t eventCount = trace_.eventCount();
        {
            Trace stepped;
            Execution ex(pool_, stepped, config, body);
            std::uint32_t k = 1;
            for (;; ++k) {
                const StopInfo stop = ex.advance(StopRequest{.untilStep = k});
                if (stop.reason == StopReason::Ended) break;
                QCOMPARE(stop.step, k);
            }
            ex.teardown();
            QCOMPARE(k, steps);
            QCOMPARE(stepped.eventCount(), eventCount);
        }
        const int baseline = processThreadCount();
        for (std::uint32_t k = 1; k < steps; ++k) {
            Trace aborted;
            Execution ex(pool_, aborted, config, body);
            const StopInfo stop = ex.advance(StopRequest{.untilStep = k});
            ex.teardown();
            QCOMPARE(stop.step, k);
            QCOMPARE(aborted.outcome().status, RunStatus::Aborted);
        }
        QVERIFY(processThreadCount() <= baseline);  // the pool's threads came back for reuse
    }

    // ---------------------------------------------------------------------------------------------------
    // The thread-pool-futures scenario: what SCENARIOS.md says must be observable

    void scenarioObservable_data() { addPolicyRows(8); }
    void scenarioObservable() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto r = runScenario(pool_, "thread-pool-futures", policy, seed);
        QVERIFY(r);
        const Trace& t = r->trace;
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        // At most three workers exist, each an OS thread of its own, and three tasks do run at once.
        const auto workers = actorsNamed(t, "ThreadPoolExecutor-0_");
        QCOMPARE(workers.size(), std::size_t(3));
        std::set<std::int64_t> tids;
        for (ActorId w : workers) tids.insert(t.actor(w).tid);
        QCOMPARE(tids.size(), workers.size());
        QCOMPARE(peakRunning(t), 3);
        // The first future: pending, running, finished; the extra one: pending, then cancelled.
        QCOMPARE(statesOf(t, "task(0)"),
                 (std::vector{FutureState::Pending, FutureState::Running, FutureState::Finished}));
        QCOMPARE(statesOf(t, "task(7)"), (std::vector{FutureState::Pending, FutureState::Cancelled}));
        // as_completed gives task(1)..task(6) in the order they finished, which is not the order of
        // submission.
        const std::vector<std::string> order = yielded(t);
        QCOMPARE(order.size(), std::size_t(6));
        std::vector<std::string> finished;
        for (const std::string& name : completionOrder(t))
            if (std::find(order.begin(), order.end(), name) != order.end()) finished.push_back(name);
        QCOMPARE(order, finished);
        const std::vector<std::string> submitted{"task(1)", "task(2)", "task(3)",
                                                 "task(4)", "task(5)", "task(6)"};
        QVERIFY(order != submitted);
        QCOMPARE(order.front(), std::string("task(2)"));  // 1 s: the shortest of the first three to start
        // What main prints: the first result, the cancel, the map results in item order.
        const QStringList lines = mainLines(t);
        QCOMPARE(lines.size(), 12);
        QCOMPARE(lines.mid(0, 2), (QStringList{"first: 0", "cancel extra: True"}));
        QCOMPARE(lines.mid(8), (QStringList{"map: 64", "map: 81", "map: 100", "extra cancelled: True"}));
        QCOMPARE(endTime(t, "MainThread"), std::optional<Nanos>(12 * kSecond));
        // Every listing line the code marks exists in the listing.
        const int lastLine = listingLines(*scenarios::find("thread-pool-futures"));
        for (std::size_t i = 0; i < t.eventCount(); ++i) QVERIFY(t.event(i).line <= lastLine);
    }

    void scenarioParams_data() {
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("tasks");
        QTest::newRow("1 worker") << 1 << 6;
        QTest::newRow("2 workers") << 2 << 6;
        QTest::newRow("5 workers, 10 tasks") << 5 << 10;
    }
    void scenarioParams() {
        QFETCH(int, workers);
        QFETCH(int, tasks);
        const auto r = runScenario(pool_, "thread-pool-futures", std::nullopt, std::nullopt,
                                   {{"max_workers", workers}, {"tasks", tasks}});
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(int(actorsNamed(r->trace, "ThreadPoolExecutor-0_").size()), workers);
        QCOMPARE(peakRunning(r->trace), workers);
        QCOMPARE(int(yielded(r->trace).size()), tasks);
        QCOMPARE(statesOf(r->trace, "task(" + std::to_string(tasks + 1) + ")").back(),
                 workers > tasks ? FutureState::Finished : FutureState::Cancelled);
    }

    // ---------------------------------------------------------------------------------------------------
    // The window's views of futures

    void timelineFutureLanes() {
        const auto r = runScenario(pool_, "thread-pool-futures");
        const Trace& t = r->trace;
        const timeline::TimelineModel m(t);
        int lanes = 0;
        for (ObjectId o = 0; o < t.objectCount(); ++o) {
            if (t.object(o).kind != ObjectKind::Future) continue;
            ++lanes;
            const int li = m.objectLane(o);
            QVERIFY(li >= 0);
            const auto* lane = timeline::laneAs<timeline::FutureLane>(m.lane(li));
            QVERIFY(lane);
            QCOMPARE(lane->name, QString::fromStdString(t.object(o).name));
            // The bands are the future's states: same steps, times, state and actor.
            const auto states = TraceAnalysis(t).futureStates(o);
            QCOMPARE(lane->bands.size(), states.size());
            for (std::size_t i = 0; i < states.size(); ++i) {
                const timeline::Band& b = lane->bands[i];
                QCOMPARE(lane->data[i].state, states[i].state);
                QCOMPARE(b.beginStep, states[i].beginStep);
                QCOMPARE(b.endStep, states[i].endStep);
                QCOMPARE(b.begin, states[i].begin);
                QCOMPARE(b.end, states[i].end);
                QCOMPARE(lane->data[i].actor, states[i].actor);
                QCOMPARE(QColor::fromRgba(b.fill), style::Palette::futureState(states[i].state));
            }
        }
        QCOMPARE(lanes, 11);  // task(0), six for as_completed, the extra one, three for map
        // The worker is readable: in the running band's label and tooltip, and the result in the finished
        // one.
        const timeline::Lane& first = m.lane(m.objectLane(t.findObject("task(0)")));
        QCOMPARE(timeline::laneAs<timeline::FutureLane>(first)->data[1].state, FutureState::Running);
        QVERIFY(first.bandLabel(m, 1).contains("ThreadPoolExecutor-0_0"));
        QVERIFY(first.bandTooltip(m, 1).contains("ThreadPoolExecutor-0_0"));
        const QString done = first.bandTooltip(m, 2);
        QVERIFY2(done.contains("ThreadPoolExecutor-0_0") && done.contains("result 0"), qPrintable(done));
        // main's wait for task(0) is marked on its lane: it blocked at t=0 and was woken at t=3.
        QCOMPARE(first.markCount(timeline::MarkKind::Wait), std::size_t(1));
        QCOMPARE(first.markCount(timeline::MarkKind::Woken), std::size_t(1));
        QCOMPARE(first.mark(timeline::MarkKind::Woken, 0).time, 3 * kSecond);
        // The legend has an entry for each future state the lanes show (and only those: the run's futures are
        // pending, running, finished and cancelled, none failed), and none in a run without futures.
        std::set<FutureState> shown;
        for (ObjectId o = 0; o < t.objectCount(); ++o)
            if (t.object(o).kind == ObjectKind::Future)
                for (const auto& d : timeline::laneAs<timeline::FutureLane>(m.lane(m.objectLane(o)))->data)
                    shown.insert(d.state);
        QVERIFY(shown.size() >= 4);
        const auto layout = timeline::TimelineLayout::compute(
            QRect(0, 0, 1200, 800), m, timeline::TimelineLayout::defaultFont(), false, true);
        int entries = 0;
        for (const auto& e : layout.legendEntries) entries += e.section == timeline::LegendEntry::Section::FutureStates;
        QCOMPARE(entries, int(shown.size()));
        const auto other = runScenario(pool_, "semaphore-groups");
        const timeline::TimelineModel plain(other->trace);
        for (const auto& e :
             timeline::TimelineLayout::compute(QRect(0, 0, 1200, 800), plain,
                                               timeline::TimelineLayout::defaultFont(), false, true)
                 .legendEntries)
            QVERIFY(e.section != timeline::LegendEntry::Section::FutureStates);
    }

    void timelineSvgNamesFutureLanes() {
        const auto r = runScenario(pool_, "thread-pool-futures");
        QTemporaryDir dir;
        timeline::ExportOptions o;
        o.path = dir.filePath("pool.svg");
        o.axis = timeline::Axis::Time;
        QString error;
        QVERIFY2(timeline::exportTimeline(r->trace, o, &error), qPrintable(error));
        QFile f(o.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(f.readAll());
        for (const char* lane : {"task(0)", "task(7)", "task(10)", "ThreadPoolExecutor-0.work_queue"})
            QVERIFY2(svg.contains(QStringLiteral(">%1<").arg(lane)), lane);
        QVERIFY(svg.contains(">Future: " + style::StateNames::future(FutureState::Cancelled) + "<"));  // the legend
        QVERIFY(svg.contains(">" + style::StateNames::future(FutureState::Cancelled) + "<"));
    }

    void inspectorListsFutures() {
        const auto r = runScenario(pool_, "thread-pool-futures");
        const Trace& t = r->trace;
        const auto stepOf = [&t](Op op, const std::string& future) {
            for (std::size_t i = 0; i < t.eventCount(); ++i)
                if (t.event(i).op == op && t.event(i).object == t.findObject(future)) return t.stepOfEvent(i);
            return 0u;
        };
        const TraceModel derivation(t);
        RunState state;
        app::InspectorModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto rows = [&](std::uint32_t step) {
            derivation.moveTo(state, step);
            model.update(&derivation, &state);
            std::map<QString, std::pair<QString, QString>> out;  // name -> (state, worker)
            const QModelIndex group = model.index(app::InspectorModel::FutureGroup, 0);
            for (int i = 0; i < model.rowCount(group); ++i) {
                const QModelIndex row = model.index(i, 0, group);
                out[row.data(app::InspectorModel::NameRole).toString()] = {
                    row.data(app::InspectorModel::StateRole).toString(),
                    row.data(app::InspectorModel::WorkerRole).toString()};
            }
            return out;
        };
        // When the extra task is submitted: the first is finished, the new one pending, the map's not there
        // yet.
        auto at = rows(stepOf(Op::Create, "task(7)"));
        QCOMPARE(at.size(), std::size_t(8));
        QCOMPARE(at["task(0)"], (std::pair<QString, QString>{"finished", "ThreadPoolExecutor-0_0"}));
        QCOMPARE(at["task(7)"], (std::pair<QString, QString>{"pending", QString()}));
        QCOMPARE(model.indexOfObject(t.findObject("task(0)")).data(app::InspectorModel::ValueRole).toString(),
                 QStringLiteral("result 0"));
        QCOMPARE(
            model.index(app::InspectorModel::FutureGroup, 0).data(app::InspectorModel::NameRole).toString(),
            QStringLiteral("Futures"));
        // When a worker takes task(1): running, on that worker.
        const auto start = events(t, Op::SetRunning, Result::Started, "task(1)");
        QCOMPARE(start.size(), std::size_t(1));
        at = rows(stepOf(Op::SetRunning, "task(1)"));
        QCOMPARE(at["task(1)"].first, QStringLiteral("running"));
        QCOMPARE(at["task(1)"].second, QString::fromStdString(t.actor(start[0].actor).name));
        // At the end: eleven futures, the extra one cancelled.
        at = rows(t.stepCount());
        QCOMPARE(at.size(), std::size_t(11));
        QCOMPARE(at["task(7)"].first, QStringLiteral("cancelled"));
        QCOMPARE(at["task(10)"].first, QStringLiteral("finished"));
    }

    // A result() caller waits for the worker that runs the future: the inspector's holders and the engine's
    // wait-for graph both follow that edge, so a task waiting for its own future is a deadlock.
    void waitingForOwnFutureIsADeadlock() {
        const RunOutcome& o = run([] {
            ThreadPoolExecutor executor(1);
            auto self = std::make_shared<Future<int>>();
            *self = executor.submit(def("selfish", [self] { return self->result() + 1; }));
            self->result();
        });
        QCOMPARE(o.status, RunStatus::Deadlock);
        QCOMPARE(trace_.cycles().size(), std::size_t(1));
        const DeadlockCycle& c = trace_.cycles().front();
        QCOMPARE(c.actors, std::vector<ActorId>{trace_.findActor("ThreadPoolExecutor-0_0")});
        QCOMPARE(c.objects, std::vector<ObjectId>{trace_.findObject("selfish()")});
    }

    void summaryListsFutures() {
        const auto r = runScenario(pool_, "thread-pool-futures");
        const QJsonObject json = app::summaryJson(r->trace, "thread-pool-futures", RunConfig{}, false);
        const QJsonArray futures = json["futures"].toArray();
        QCOMPARE(futures.size(), 11);
        std::map<QString, QJsonObject> byName;
        for (const auto& f : futures) byName[f.toObject()["name"].toString()] = f.toObject();
        QCOMPARE(byName["task(0)"]["state"].toString(), QStringLiteral("finished"));
        QCOMPARE(byName["task(0)"]["result"].toString(), QStringLiteral("0"));
        QCOMPARE(byName["task(0)"]["worker"].toString(), QStringLiteral("ThreadPoolExecutor-0_0"));
        QCOMPARE(byName["task(9)"]["result"].toString(), QStringLiteral("81"));
        QCOMPARE(byName["task(7)"]["state"].toString(), QStringLiteral("cancelled"));
        QVERIFY(!byName["task(7)"].contains("worker"));
        const auto plain = runScenario(pool_, "semaphore-groups");
        QVERIFY(!app::summaryJson(plain->trace, "semaphore-groups", RunConfig{}, false).contains("futures"));
    }
};

#define main lockstepQTestMain
QTEST_MAIN(TestPools)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_pools.moc"
