// multiprocessing's managers and pools, and concurrent.futures' ProcessPoolExecutor: real server and worker
// processes (this test binary started again in its worker mode) under the scheduler.

#include "common/TestMain.h"

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <set>
#include <string>

#include "common/Children.h"
#include "common/ScenarioTrace.h"
#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/Thread.h"
#include "lockstep/mp/Manager.h"
#include "lockstep/mp/Multiprocessing.h"
#include "lockstep/mp/Pool.h"

using namespace lockstep;
using namespace lockstep::testing;
using namespace std::chrono_literals;
namespace mp = lockstep::mp;

namespace {

// ---- process targets and pool functions (found by name in the child) ----

void recordWorker(const mp::Args& a) {
    mp::DictProxy d(a.at(0));
    mp::ListProxy l(a.at(1));
    const std::string name = mp::current_process().name;
    d.set(name, a.at(2));
    l.append(a.at(2));
}
LOCKSTEP_PROCESS_TARGET(recordWorker);

void missingKeyInChild(const mp::Args& a) {
    mp::DictProxy d(a.at(0));
    try {
        print(d["nope"]);
    } catch (const KeyError& e) {
        print("child caught", e.describe());
    }
    mp::ListProxy l(a.at(1));
    try {
        l.get(7);
    } catch (const IndexError& e) {
        print("child caught", e.describe());
    }
}
LOCKSTEP_PROCESS_TARGET(missingKeyInChild);

void countInDict(const mp::Args& a) {
    mp::DictProxy d(a.at(0));
    for (int i = 0; i < 3; ++i) d["n"] = mp::Obj(d["n"]).asInt() + 1;
}
LOCKSTEP_PROCESS_TARGET(countInDict);

// Sleeps longer for smaller items, so the results come back in the reverse of submission order.
mp::Obj slowSquare(const mp::Args& a) {
    const std::int64_t x = a.at(0).asInt();
    sleep(std::chrono::milliseconds(100 * (10 - x)));
    return mp::Obj(static_cast<long long>(x * x));
}
LOCKSTEP_PROCESS_FUNCTION(slowSquare);

mp::Obj square(const mp::Args& a) {
    const std::int64_t x = a.at(0).asInt();
    work(1s);
    return mp::Obj(static_cast<long long>(x * x));
}
LOCKSTEP_PROCESS_FUNCTION(square);

mp::Obj add(const mp::Args& a) { return mp::Obj(static_cast<long long>(a.at(0).asInt() + a.at(1).asInt())); }
LOCKSTEP_PROCESS_FUNCTION(add);

mp::Obj sleepThenReturn(const mp::Args& a) {
    sleep(std::chrono::seconds(a.at(0).asInt()));
    print("slept", a.at(0), "in", mp::current_process().name);
    return a.at(0);
}
LOCKSTEP_PROCESS_FUNCTION(sleepThenReturn);

mp::Obj failsOnThree(const mp::Args& a) {
    if (a.at(0).asInt() == 3) throw ValueError("three is not allowed");
    return a.at(0);
}
LOCKSTEP_PROCESS_FUNCTION(failsOnThree);

mp::Obj unregistered(const mp::Args& a) { return a.at(0); }


mp::List ints(std::initializer_list<int> values) {
    mp::List out;
    for (int v : values) out.emplace_back(v);
    return out;
}

std::string text(const Trace& t, const TraceEvent& e) { return std::string(t.argText(e)); }

}  // namespace

class TestMpPools : public QObject {
    Q_OBJECT

    WorkerPool pool_;

    void runBody(Trace& trace, std::function<void()> body, RunConfig config = {}) {
        {
            Execution ex(pool_, trace, config, std::move(body));
            ex.runToEnd();
        }
        QVERIFY2(mp::liveChildren().empty(), "a child process is left");
        QCOMPARE(childCount(), 0);
    }

    // The distinct actors that took an item other than None from `queue`.
    static std::set<std::string> takers(const Trace& t, const std::string& queue) {
        std::set<std::string> out;
        for (const TraceEvent& e : events(t, Op::Get, Result::Ok, queue))
            if (text(t, e) != "None") out.insert(actorName(t, e));
        return out;
    }

private slots:
    // ---- Manager ----------------------------------------------------------------------------------

    void managerDictAndListChangedByChildren() {
        Trace t;
        std::int64_t serverPid = 0;
        runBody(t, [&] {
            mp::Manager m;
            serverPid = m.process().pid();
            mp::DictProxy d = m.dict("d");
            mp::ListProxy l = m.list({}, "l");
            std::vector<mp::Process> ps;
            for (int i = 0; i < 3; ++i) ps.emplace_back(&recordWorker, mp::Args{d, l, i * 10});
            for (auto& p : ps) p.start();
            for (auto& p : ps) p.join();
            print("len", d.size());
            for (int i = 2; i <= 4; ++i) print("Process-" + std::to_string(i), d["Process-" + std::to_string(i)]);
            mp::List copy = l.copy();
            std::sort(copy.begin(), copy.end(), [](const mp::Obj& x, const mp::Obj& y) { return x.asInt() < y.asInt(); });
            print("sorted list", mp::Obj(copy));
            m.shutdown();
            print("server alive", m.process().is_alive(), "exitcode", m.process().exitcode());
        });
        const auto lines = printed(t);
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        QCOMPARE(lines.size(), std::size_t(6));
        QCOMPARE(lines[0].text, std::string("len 3"));
        // Process-1 is not a child here: the manager took the first number ("SyncManager-1").
        QCOMPARE(lines[1].text, std::string("Process-2 0"));
        QCOMPARE(lines[2].text, std::string("Process-3 10"));
        QCOMPARE(lines[3].text, std::string("Process-4 20"));
        QCOMPARE(lines[4].text, std::string("sorted list [0, 10, 20]"));
        QCOMPARE(lines[5].text, std::string("server alive False exitcode 0"));

        // The server is a real process of its own; it applied every change (Store by its actor).
        const ActorId server = *actorByName(t, "SyncManager-1");
        QCOMPARE(t.actor(server).kind, ActorKind::Process);
        QCOMPARE(t.actor(server).pid, serverPid);
        QVERIFY(serverPid != ::getpid());
        const auto stores = events(t, Op::Store, Result::Ok, "d");
        QCOMPARE(stores.size(), std::size_t(4));  // create, then one per child
        for (const TraceEvent& e : stores) QCOMPARE(e.actor, server);
        QCOMPARE(text(t, stores[0]), std::string("{}"));
        QCOMPARE(*sharedValue(t, "d"), text(t, stores.back()));
        QVERIFY(sharedValue(t, "d")->find("'Process-3': 10") != std::string::npos);
        // Reads are Loads on the proxy's object, by the server.
        for (const TraceEvent& e : events(t, Op::Load, std::nullopt, "d")) QCOMPARE(e.actor, server);
        QCOMPARE(events(t, Op::Load, Result::Ok, "d").size(), std::size_t(4));  // len and three gets
        // Each caller has its own reply queue; the requests go through the one request queue.
        QVERIFY(t.findObject("SyncManager-1.replies[MainThread]") != kNoObject);
        QVERIFY(t.findObject("SyncManager-1.replies[Process-3]") != kNoObject);
        const auto requests = events(t, Op::Put, Result::Ok, "SyncManager-1.requests");
        QCOMPARE(text(t, requests.back()), std::string("None"));  // shutdown's stop request comes last
    }

    void keyErrorAndIndexErrorComeBackToTheCaller() {
        Trace t;
        runBody(t, [&] {
            mp::Manager m;
            With<mp::Manager> scope(m);
            mp::DictProxy d = m.dict("d");
            mp::ListProxy l = m.list(ints({1, 2}), "l");
            try {
                mp::Obj value = d["missing"];
            } catch (const KeyError& e) {
                print("main caught", e.describe());
            }
            try {
                d.pop("missing");
            } catch (const PyError& e) {
                print("main caught", e.describe());
            }
            print("get", d.get("missing"), "with default", d.get("missing", "fallback"));
            try {
                l[2] = 5;
            } catch (const IndexError& e) {
                print("main caught", e.describe());
            }
            const mp::Obj popped = l.pop();
            print("pop", popped, "then", l);
            mp::Process p(&missingKeyInChild, {d, l});
            p.start();
            p.join();
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(7));
        QCOMPARE(lines[0].text, std::string("main caught KeyError: 'missing'"));
        QCOMPARE(lines[1].text, std::string("main caught KeyError: 'missing'"));
        QCOMPARE(lines[2].text, std::string("get None with default fallback"));
        QCOMPARE(lines[3].text, std::string("main caught IndexError: list assignment index out of range"));
        QCOMPARE(lines[4].text, std::string("pop 2 then [1]"));
        QCOMPARE(lines[5].text, std::string("child caught KeyError: 'nope'"));
        QCOMPARE(lines[6].text, std::string("child caught IndexError: list index out of range"));
        // Each error is raised again in the caller, on the proxy: a Raise by MainThread and by the child.
        const auto raises = events(t, Op::Raise, Result::Error, "d");
        QCOMPARE(raises.size(), std::size_t(3));
        QCOMPARE(actorName(t, raises[0]), std::string("MainThread"));
        QCOMPARE(actorName(t, raises[2]), std::string("Process-2"));
        QCOMPARE(text(t, raises[2]), std::string("KeyError: 'nope'"));
        // with: the manager was shut down at the end of the scope.
        QCOMPARE(text(t, events(t, Op::Put, Result::Ok, "SyncManager-1.requests").back()), std::string("None"));
        QCOMPARE(events(t, Op::Exit, Result::Ok, "SyncManager-1").size(), std::size_t(1));
    }

    void proxyMethodsFollowPython() {
        Trace t;
        runBody(t, [&] {
            mp::Manager m;
            With<mp::Manager> scope(m);
            mp::DictProxy d = m.dict();
            mp::ListProxy l = m.list(ints({3, 1}));
            d["b"] = 2;
            d["a"] = 1;
            d["c"] = d["a"];
            print(d, d.size(), d.contains("a"), d.contains("z"));
            d.del("b");
            const mp::Obj popped = d.pop("z", "none");
            print(mp::Obj(d.keys()), mp::Obj(d.values()), popped);
            l.extend(ints({4, 1}));
            l[0] = "x";
            const mp::Obj last = l[-1];
            print(l, l.size(), l.contains(4), l.contains(9), last);
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(3));
        QCOMPARE(lines[0].text, std::string("{'b': 2, 'a': 1, 'c': 1} 3 True False"));
        QCOMPARE(lines[1].text, std::string("['a', 'c'] [1, 1] none"));
        QCOMPARE(lines[2].text, std::string("['x', 1, 4, 1] 4 True False 1"));
        // Default names, and the final contents as the manager last reported them.
        QCOMPARE(*sharedValue(t, "DictProxy-1"), std::string("{'a': 1, 'c': 1}"));
        QCOMPARE(*sharedValue(t, "ListProxy-1"), std::string("['x', 1, 4, 1]"));
    }

    void proxiesFromMainThreadAndAThread() {
        Trace t;
        runBody(t, [&] {
            mp::Manager m;
            mp::DictProxy d = m.dict("d");
            d["n"] = 0;
            Thread helper([d] {
                for (int i = 0; i < 3; ++i) d.set("n", d.getitem("n").asInt() + 1);
            });
            helper.start();
            mp::Process child(&countInDict, {d});
            child.start();
            for (int i = 0; i < 3; ++i) d["n"] = mp::Obj(d["n"]).asInt() + 1;
            helper.join();
            child.join();
            print("n", d["n"], "keys", mp::Obj(d.keys()), "items", mp::Obj(d.items()));
            m.shutdown();
            try {
                d.set("late", 1);
            } catch (const PyError& e) {
                print("after shutdown:", e.describe());
            }
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(2));
        // Nine increments, each a get then a set: two round trips another process or thread can come
        // between. Whatever the count, the proxy's keys and items are what the server holds.
        QVERIFY(lines[0].text.rfind("n ", 0) == 0);
        const int n = std::stoi(lines[0].text.substr(2));
        QVERIFY(n >= 1 && n <= 9);
        QCOMPARE(lines[0].text, "n " + std::to_string(n) + " keys ['n'] items [('n', " + std::to_string(n) + ")]");
        QCOMPARE(lines[1].text, std::string("after shutdown: BrokenPipeError: [Errno 32] Broken pipe"));
        QVERIFY(t.findObject("SyncManager-1.replies[MainThread]") != kNoObject);
        QVERIFY(t.findObject("SyncManager-1.replies[Thread-1]") != kNoObject);
        QVERIFY(t.findObject("SyncManager-1.replies[Process-2]") != kNoObject);
        QCOMPARE(*sharedValue(t, "d"), "{'n': " + std::to_string(n) + "}");
    }

    // ---- Pool -------------------------------------------------------------------------------------

    void poolMapKeepsSubmissionOrder_data() {
        QTest::addColumn<int>("workers");
        QTest::newRow("2 workers") << 2;
        QTest::newRow("4 workers") << 4;
    }
    void poolMapKeepsSubmissionOrder() {
        QFETCH(int, workers);
        Trace t;
        runBody(t, [&] {
            mp::Pool pool(workers);
            print("map", mp::Obj(pool.map(&slowSquare, ints({1, 2, 3, 4, 5, 6, 7, 8}))));
            pool.close();
            pool.join();
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        QCOMPARE(printed(t).back().text, std::string("map [1, 4, 9, 16, 25, 36, 49, 64]"));
        // Python's names for the spawn start method's pool workers, from the one process counter.
        for (int i = 1; i <= workers; ++i) QVERIFY(actorByName(t, "SpawnPoolWorker-" + std::to_string(i)));
        QVERIFY(!actorByName(t, "SpawnPoolWorker-" + std::to_string(workers + 1)));
        // 8 items over `workers` processes: chunksize 1 (8 / (4 * workers), rounded up), so 8 tasks.
        QCOMPARE(events(t, Op::Put, Result::Ok, "Pool-1.inqueue").size(), std::size_t(8 + workers));
        // The results did not arrive in submission order (larger items sleep less)...
        const auto results = events(t, Op::Get, Result::Ok, "Pool-1.outqueue");
        QCOMPARE(results.size(), std::size_t(8));
        QVERIFY(text(t, results.front()).rfind("(0, 0, ", 0) != 0);
        // ...and every worker took tasks.
        QCOMPARE(takers(t, "Pool-1.inqueue").size(), std::size_t(workers));
        for (int i = 1; i <= workers; ++i)
            QCOMPARE(t.actor(*actorByName(t, "SpawnPoolWorker-" + std::to_string(i))).endState, EndState::Finished);
    }

    void poolSpreadsComputeOverCores() {
        // Four 1 s computations on two workers with two cores: 2 s, not 4.
        Trace t;
        RunConfig config;
        config.cores = 2;
        runBody(t, [&] {
            mp::Pool pool(2);
            print("map", mp::Obj(pool.map(&square, ints({1, 2, 3, 4}))));
            pool.close();
            pool.join();
        }, config);
        QCOMPARE(printed(t).back().text, std::string("map [1, 4, 9, 16]"));
        QCOMPARE(printed(t).back().time, 2 * kSecond);
        QCOMPARE(takers(t, "Pool-1.inqueue"), (std::set<std::string>{"SpawnPoolWorker-1", "SpawnPoolWorker-2"}));
        // The task text names the chunk and the function, as Python's mapstar task does.
        QCOMPARE(text(t, events(t, Op::Put, Result::Ok, "Pool-1.inqueue").front()),
                 std::string("(0, 0, 'mapstar', ('square', (1,)))"));
    }

    void applyAsyncGetAndTimeout() {
        Trace t;
        runBody(t, [&] {
            mp::Pool pool(2);
            mp::AsyncResult sum = pool.apply_async(&add, {2, 3});
            mp::AsyncResult slow = pool.apply_async(&sleepThenReturn, {5});
            print("sum", sum.get());
            try {
                slow.get(1s);
            } catch (const mp::TimeoutError& e) {
                print("timed out:", e.describe(), "ready", slow.ready());
            }
            slow.wait(2s);
            print("after wait ready", slow.ready());
            const mp::Obj value = slow.get();  // before successful(): argument order is unspecified in C++
            print("slow", value, "successful", slow.successful());
            print("apply", pool.apply(&add, {10, 20}));
            pool.close();
            pool.join();
        });
        const auto lines = printed(t);
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        QCOMPARE(lines.size(), std::size_t(6));
        QCOMPARE(lines[0].text, std::string("sum 5"));
        QCOMPARE(lines[1].text, std::string("timed out: multiprocessing.context.TimeoutError ready False"));
        QCOMPARE(lines[1].time, 1 * kSecond);
        QCOMPARE(lines[2].text, std::string("after wait ready False"));
        QCOMPARE(lines[2].time, 3 * kSecond);
        QVERIFY(lines[3].text.rfind("slept 5 in SpawnPoolWorker-", 0) == 0);
        QCOMPARE(lines[3].time, 5 * kSecond);
        QCOMPARE(lines[4].text, std::string("slow 5 successful True"));
        QCOMPARE(lines[4].time, 5 * kSecond);
        QCOMPARE(lines[5].text, std::string("apply 30"));
        // The timeout shows as the outqueue's Get timing out, then the one error raised on the pool.
        QCOMPARE(events(t, Op::Get, Result::Timeout, "Pool-1.outqueue").size(), std::size_t(2));
        const auto raises = events(t, Op::Raise, Result::Error);
        QCOMPARE(raises.size(), std::size_t(1));
        QCOMPARE(objName(t, raises[0]), std::string("Pool-1"));
    }

    void errorsOfThePoolAndItsFunctions() {
        Trace t;
        runBody(t, [&] {
            mp::Pool pool(2);
            try {
                pool.join();
            } catch (const ValueError& e) {
                print("join:", e.describe());
            }
            try {
                pool.map(&failsOnThree, ints({1, 2, 3, 4}));
            } catch (const ValueError& e) {
                print("map:", e.describe());
            }
            try {
                pool.map(&unregistered, ints({1}));
            } catch (const mp::PicklingError& e) {
                print("unregistered map:", e.type());
            }
            mp::AsyncResult r = pool.apply_async(&unregistered, {1});
            print("ready", r.ready(), "successful", r.successful());
            try {
                r.get();
            } catch (const PyError& e) {
                print("unregistered apply:", e.type());
            }
            pool.close();
            try {
                pool.apply_async(&add, {1, 2});
            } catch (const ValueError& e) {
                print("after close:", e.describe());
            }
            pool.join();
            print("exit codes", pool.processes()[0].exitcode(), pool.processes()[1].exitcode());
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(7));
        QCOMPARE(lines[0].text, std::string("join: ValueError: Pool is still running"));
        QCOMPARE(lines[1].text, std::string("map: ValueError: three is not allowed"));
        QCOMPARE(lines[2].text, std::string("unregistered map: _pickle.PicklingError"));
        QCOMPARE(lines[3].text, std::string("ready True successful False"));
        QCOMPARE(lines[4].text, std::string("unregistered apply: _pickle.PicklingError"));
        QCOMPARE(lines[5].text, std::string("after close: ValueError: Pool not running"));
        QCOMPARE(lines[6].text, std::string("exit codes 0 0"));
    }

    void withPoolTerminatesTheWorkers() {
        Trace t;
        runBody(t, [&] {
            mp::Pool pool(2);
            {
                With<mp::Pool> scope(pool);
                pool.apply_async(&sleepThenReturn, {100});
                lockstep::sleep(1s);
            }
            print("codes", pool.processes()[0].exitcode(), pool.processes()[1].exitcode());
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        QCOMPARE(printed(t).back().text, std::string("codes -15 -15"));
        QCOMPARE(printed(t).back().time, 1 * kSecond);
        QCOMPARE(events(t, Op::Signal, Result::Ok).size(), std::size_t(2));
    }

    void abortAtEveryStepOfAPoolRunLeavesNoProcess() {
        Trace good;
        auto body2 = [] {
            mp::Pool pool(2);
            print(mp::Obj(pool.starmap(&add, mp::List{mp::Obj::tuple(ints({1, 2})), mp::Obj::tuple(ints({3, 4}))})));
            mp::AsyncResult r = pool.apply_async(&sleepThenReturn, {1});
            print(r.get(2s));
            pool.close();
            pool.join();
        };
        runBody(good, body2);
        QCOMPARE(good.outcome().status, RunStatus::Finished);
        QCOMPARE(printed(good).front().text, std::string("[3, 7]"));
        const std::uint32_t steps = good.stepCount();
        QVERIFY(steps > 20);
        QCOMPARE(firstStepLeavingAChild(pool_, body2, steps), -1L);
    }

    void abortAtEveryStepOfAManagerAndExecutorRunLeavesNoProcess() {
        auto body = [] {
            mp::Manager m;
            mp::DictProxy d = m.dict("d");
            mp::Process p(&recordWorker, {d, m.list({}, "l"), 1});
            p.start();
            mp::ProcessPoolExecutor executor(2);
            Future<mp::Obj> f = executor.submit(&sleepThenReturn, {1});
            d["x"] = f.result();
            p.join();
            executor.shutdown();
            m.shutdown();
        };
        Trace good;
        runBody(good, body);
        QCOMPARE(good.outcome().status, RunStatus::Finished);
        const std::uint32_t steps = good.stepCount();
        QVERIFY(steps > 20);
        QCOMPARE(firstStepLeavingAChild(pool_, body, steps), -1L);
    }

    // ---- ProcessPoolExecutor ----------------------------------------------------------------------

    void processPoolExecutorSubmitAndMap() {
        Trace t;
        runBody(t, [&] {
            mp::ProcessPoolExecutor executor(2);
            Future<mp::Obj> f = executor.submit(&add, {2, 3});
            const mp::Obj result = f.result();
            print("result", result, "done", f.done());
            print("map", mp::Obj(executor.map(&slowSquare, ints({1, 2, 3, 4}))));
            Future<mp::Obj> bad = executor.submit(&failsOnThree, {3});
            print("exception", bad.exception());
            try {
                bad.result();
            } catch (const ValueError& e) {
                print("result raised", e.describe());
            }
            Future<mp::Obj> slow = executor.submit(&sleepThenReturn, {3});
            try {
                slow.result(1s);
            } catch (const TimeoutError& e) {
                print("timeout", e.type());
            }
            Future<mp::Obj> lambda = executor.submit(&unregistered, {1});
            print("unregistered:", lambda.exception());
            executor.shutdown();
            const mp::Obj slowResult = slow.result();
            print("after shutdown", slow.done(), slowResult);
            try {
                executor.submit(&add, {1, 1});
            } catch (const RuntimeError& e) {
                print(e.describe());
            }
        });
        const auto lines = printed(t);
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        QCOMPARE(lines.size(), std::size_t(9));
        QCOMPARE(lines[0].text, std::string("result 5 done True"));
        QCOMPARE(lines[1].text, std::string("map [1, 4, 9, 16]"));
        QCOMPARE(lines[2].text, std::string("exception three is not allowed"));
        QCOMPARE(lines[3].text, std::string("result raised ValueError: three is not allowed"));
        QCOMPARE(lines[4].text, std::string("timeout TimeoutError"));
        QVERIFY(lines[5].text.rfind("unregistered: Can't pickle the function", 0) == 0);
        QVERIFY(lines[6].text.rfind("slept 3 in SpawnProcess-", 0) == 0);
        QCOMPARE(lines[7].text, std::string("after shutdown True 3"));
        QCOMPARE(lines[8].text, std::string("RuntimeError: cannot schedule new futures after shutdown"));

        // The futures are concurrent.futures futures named after their call: pending, running, finished.
        const ObjectId f = t.findObject("add(2, 3)");
        QVERIFY(f != kNoObject);
        QCOMPARE(t.object(f).kind, ObjectKind::Future);
        const auto running = events(t, Op::SetRunning, Result::Started, "add(2, 3)");
        QCOMPARE(running.size(), std::size_t(1));
        const std::string managerThread = actorName(t, running[0]);
        QCOMPARE(t.actor(running[0].actor).kind, ActorKind::Thread);
        QCOMPARE(events(t, Op::SetResult, Result::Ok, "add(2, 3)").size(), std::size_t(1));
        QCOMPARE(actorName(t, events(t, Op::SetResult, Result::Ok, "add(2, 3)")[0]), managerThread);
        QCOMPARE(events(t, Op::SetException, Result::Error, "failsOnThree(3)").size(), std::size_t(1));
        // Two worker processes at most, both used; each one stopped by a None and joined.
        QVERIFY(actorByName(t, "SpawnProcess-1"));
        QVERIFY(actorByName(t, "SpawnProcess-2"));
        QVERIFY(!actorByName(t, "SpawnProcess-3"));
        QCOMPARE(takers(t, "ProcessPoolExecutor-1.call_queue").size(), std::size_t(2));
        QCOMPARE(events(t, Op::Exit, Result::Ok).size(), std::size_t(2));
    }

    void processPoolExecutorWithCancelsNothingAndWaits() {
        Trace t;
        runBody(t, [&] {
            mp::ProcessPoolExecutor executor(1);
            std::vector<Future<mp::Obj>> fs;
            {
                With<mp::ProcessPoolExecutor> scope(executor);
                for (int i = 1; i <= 3; ++i) fs.push_back(executor.submit(&sleepThenReturn, {i}));
            }
            print("done", fs[0].done(), fs[1].done(), fs[2].done());
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        QCOMPARE(printed(t).back().text, std::string("done True True True"));
        QCOMPARE(printed(t).back().time, 6 * kSecond);  // one worker: 1 + 2 + 3 s
        QVERIFY(!actorByName(t, "SpawnProcess-2"));
    }

    void processPoolExecutorShutdownCancelsPendingFutures() {
        Trace t;
        runBody(t, [&] {
            mp::ProcessPoolExecutor executor(1);
            std::vector<Future<mp::Obj>> fs;
            for (int i = 1; i <= 4; ++i) fs.push_back(executor.submit(&sleepThenReturn, {i}));
            lockstep::sleep(500ms);
            executor.shutdown(true, true);
            for (auto& f : fs) print(f.name(), futureStateName(f.state()));
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const auto lines = printed(t);
        // The call queue holds max_workers + 1 = 2 calls: those two are running (one taken by the worker,
        // one waiting in the queue), so only the others can be cancelled.
        QCOMPARE(lines[lines.size() - 4].text, std::string("sleepThenReturn(1) finished"));
        QCOMPARE(lines[lines.size() - 3].text, std::string("sleepThenReturn(2) finished"));
        QCOMPARE(lines[lines.size() - 2].text, std::string("sleepThenReturn(3) cancelled"));
        QCOMPARE(lines[lines.size() - 1].text, std::string("sleepThenReturn(4) cancelled"));
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestMpPools)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_mppools.moc"
