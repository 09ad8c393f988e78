// The learner's own Python program run by embedded CPython under the scheduler: what the issue's checks name,
// asserted on the trace (events, printed lines, final values, end states), never on wall-clock time.

#include <QtTest>

#include <dirent.h>
#include <sched.h>

#include <fstream>
#include <algorithm>
#include <map>
#include <set>

#include "common/ScenarioTrace.h"
#include "lockstep/Controller.h"
#include "lockstep/Explorer.h"
#include "lockstep/TraceAnalysis.h"
#include "lockstep/python/Program.h"

using namespace lockstep;
using namespace lockstep::testing;

namespace {

const scenarios::Scenario* program(const std::string& name, const std::string& source) {
    std::string error;
    const scenarios::Scenario* s = python::loadSource("/tmp/lockstep-tests/" + name, source, error);
    if (!s) qFatal("%s does not load: %s", name.c_str(), error.c_str());
    return s;
}

std::unique_ptr<Run> run(WorkerPool& pool, const scenarios::Scenario* s, PolicyKind policy = PolicyKind::RoundRobin,
                         std::uint64_t seed = 1, const ParamList& params = {}) {
    return runScenario(pool, s->id, policy, seed, params);
}

// A run of a program under the random policy on `cores` virtual cores, with the GIL or without (a free-threaded
// Python).
std::unique_ptr<Run> runOnCores(WorkerPool& pool, const scenarios::Scenario* s, std::uint64_t seed, int cores, bool gil) {
    auto r = std::make_unique<Run>();
    RunConfig cfg;
    cfg.policy = PolicyKind::Random;
    cfg.seed = seed;
    cfg.cores = cores;
    cfg.gil = gil;
    cfg.maxSteps = python::kProgramMaxSteps;
    s->opener()(pool, r->trace, cfg, nullptr)->runToEnd();
    return r;
}

// A run on the virtual clock alone: the program's instructions take no CPU time (the "cpu" parameter off), so
// sleeps and timeouts give exact times.
const ParamList kClockOnly{{python::kCpuParam, 0}};

int threadCount() {
    int n = 0;
    if (DIR* d = opendir("/proc/self/task")) {
        while (dirent* e = readdir(d))
            if (e->d_name[0] != '.') ++n;
        closedir(d);
    }
    return n;
}

const char* kRace = R"py(import threading
import time

counter = 0

def add(amount):
    global counter
    seen = counter
    time.sleep(0.001)
    counter = seen + amount

a = threading.Thread(target=add, args=(10,))
b = threading.Thread(target=add, args=(20,))
a.start()
b.start()
a.join()
b.join()
print(counter)
)py";

const char* kRaceLocked = R"py(import threading
import time

counter = 0
lock = threading.Lock()

def add(amount):
    global counter
    with lock:
        seen = counter
        time.sleep(0.001)
        counter = seen + amount

a = threading.Thread(target=add, args=(10,))
b = threading.Thread(target=add, args=(20,))
a.start()
b.start()
a.join()
b.join()
print(counter)
)py";

const char* kAddMul = R"py(import threading

x = 2

def add():
    global x
    x = x + 1

def mul():
    global x
    x = x * 2

a = threading.Thread(target=add)
b = threading.Thread(target=mul)
a.start()
b.start()
a.join()
b.join()
)py";

const char* kDeadlock = R"py(import threading
import time

first = threading.Lock()
second = threading.Lock()

def one():
    with first:
        time.sleep(0.25)
        with second:
            print("one has both")

def two():
    with second:
        time.sleep(0.5)
        with first:
            print("two has both")

t1 = threading.Thread(target=one, name="one")
t2 = threading.Thread(target=two, name="two")
t1.start()
t2.start()
t1.join()
t2.join()
)py";

const char* kSemaphore = R"py(import threading
import time

slots = threading.Semaphore(3)

def visitor(i):
    with slots:
        print(f"in {i} at {time.monotonic()}")
        time.sleep(2)

people = [threading.Thread(target=visitor, args=(i,)) for i in range(7)]
for p in people:
    p.start()
for p in people:
    p.join()
)py";

const char* kQueue = R"py(import queue
import threading
import time

box = queue.Queue(2)
taken = []

def producer():
    for i in range(6):
        box.put(i)
    box.put(None)

def consumer():
    while True:
        item = box.get()
        if item is None:
            break
        taken.append(item)
        time.sleep(0.5)

p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print(taken, box.qsize())
)py";

const char* kLogging = R"py(import logging
import threading

logging.basicConfig(level=logging.INFO, format="%(threadName)s: %(message)s")

def report(n):
    print(f"print from {n}")
    logging.info("logged by %s", n)

ts = [threading.Thread(target=report, args=(f"w{i}",), name=f"w{i}") for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
)py";

const char* kRaising = R"py(import threading

def fails():
    raise ValueError("no such item")

t = threading.Thread(target=fails, name="worker")
t.start()
t.join()
print("main carries on")
)py";

const char* kAsyncio = R"py(import asyncio

async def job(name, seconds):
    await asyncio.sleep(seconds)
    return name

async def forever():
    await asyncio.sleep(100)

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    names = await asyncio.gather(job("a", 1), job("b", 2))
    print("gather", names, loop.time() - start)
    tasks = [asyncio.create_task(job("c", 3)), asyncio.create_task(job("d", 1))]
    first, rest = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("wait", [t.result() for t in first], len(rest), loop.time())
    waiter = asyncio.create_task(forever(), name="forever")
    await asyncio.sleep(0.5)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print("cancelled at", loop.time())
    await asyncio.gather(*rest)
    print("end", loop.time())

asyncio.run(main())
)py";

std::string eventsText(const Trace& t) {
    std::string out;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        out += std::to_string(e.time) + ' ' + std::to_string(e.actor) + ' ' + std::to_string(int(e.op)) + ' ' +
               std::to_string(int(e.result)) + ' ' + std::to_string(e.object) + ' ' + std::to_string(e.line) + ' ';
        out += (e.flags & TraceEvent::ArgIsString) ? std::string(t.argText(e)) : std::to_string(e.arg);
        out += '\n';
    }
    return out;
}

}  // namespace

class TestPython : public QObject {
    Q_OBJECT
    WorkerPool pool_;

private slots:
    void race_data() { addPolicyRows(5); }

    void race() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        auto r = run(pool_, program("race.py", kRace), policy, seed);
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        const auto v = sharedValue(r->trace, "counter");
        QVERIFY(v);
        QVERIFY2(*v == "10" || *v == "20", v->c_str());  // one update is lost, whoever wrote last
        QVERIFY(!r->trace.races().empty());                // and the race detector names the variable
        QCOMPARE(r->trace.object(r->trace.races().front().object).name, std::string("counter"));
    }

    void raceLocked_data() { addPolicyRows(5); }
    void raceLocked() {
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        auto r = run(pool_, program("race_locked.py", kRaceLocked), policy, seed);
        QCOMPARE(sharedValue(r->trace, "counter").value_or("?"), std::string("30"));
        QVERIFY(r->trace.races().empty());
        QVERIFY(!events(r->trace, Op::Acquire, Result::Blocked, "lock").empty() || policy == PolicyKind::Cooperative);
    }

    // Every bytecode instruction a scheduling point: x = x + 1 against x = x * 2 from x = 2 reaches 3, 4, 5
    // and 6 (3 and 4 are lost updates: one thread stalls between its load and its store while the other runs
    // whole). With points at lines only, each of these one-line statements runs whole.
    void addMulBytecode() {
        const scenarios::Scenario* s = program("addmul.py", kAddMul);
        Explorer explorer(pool_);
        explorer.useOpener(s->opener());  // each run a child of the runner
        RunConfig cfg;
        cfg.params = {{"bytecode", 1}};
        const scenarios::Params p = s->resolve(cfg.params);
        ExploreOptions o;
        o.maxRuns = 600;  // dfs meets all four within its first 600 schedules
        const ExploreResult all = explorer.explore(s->id, [s, p] { s->main(p); }, cfg, o);
        QVERIFY2(all.error.empty(), all.error.c_str());
        std::set<std::string> values;
        for (const ExploreOutcome& out : all.outcomes)
            for (const auto& [name, value] : out.shared)
                if (name == "x") values.insert(value);
        QCOMPARE(values, (std::set<std::string>{"3", "4", "5", "6"}));

        // Lines alone: each statement runs whole, so only the two orders remain.
        cfg.params = {{"bytecode", 0}};
        const scenarios::Params lp = s->resolve(cfg.params);
        o.maxRuns = 100;
        const ExploreResult lines = explorer.explore(s->id, [s, lp] { s->main(lp); }, cfg, o);
        std::set<std::string> lineValues;
        for (const ExploreOutcome& out : lines.outcomes)
            for (const auto& [name, value] : out.shared)
                if (name == "x") lineValues.insert(value);
        QCOMPARE(lineValues, (std::set<std::string>{"5", "6"}));  // one order or the other, no lost update

        // PCT (random priorities, the thread that just ran dropped at d-1 random points) gives the long stalls
        // the lost updates need; 200 bytecode-level runs find all four outcomes.
        cfg.params = {{"bytecode", 1}};
        ExploreOptions pct;
        pct.strategy = ExploreStrategy::Pct;
        pct.maxRuns = 200;
        const ExploreResult sampled = explorer.explore(s->id, [s, p] { s->main(p); }, cfg, pct);
        std::set<std::string> pctValues;
        for (const ExploreOutcome& out : sampled.outcomes)
            for (const auto& [name, value] : out.shared)
                if (name == "x") pctValues.insert(value);
        QCOMPARE(pctValues, (std::set<std::string>{"3", "4", "5", "6"}));
    }

    void deadlockAtTheRightTime() {
        auto r = run(pool_, program("deadlock.py", kDeadlock));
        QCOMPARE(r->outcome().status, RunStatus::Deadlock);
        // one holds first from 0 and wants second at 0.25; two holds second and wants first at 0.5: the cycle
        // closes at 0.5 s of virtual time.
        QCOMPARE(r->outcome().endTime, 500 * kMilli);
        QCOMPARE(r->trace.cycles().size(), std::size_t(1));
        QVERIFY(printed(r->trace).empty());
    }

    void semaphoreTimes() {
        auto r = run(pool_, program("semaphore.py", kSemaphore), PolicyKind::RoundRobin, 1, kClockOnly);
        QStringList times;
        for (const Printed& p : printed(r->trace)) times << QString::number(p.time / double(kSecond));
        QCOMPARE(times, (QStringList{"0", "0", "0", "2", "2", "2", "4"}));
        QCOMPARE(r->outcome().endTime, 6 * kSecond);
        QCOMPARE(peakTaken(r->trace, "slots"), 3);
        // and time.monotonic() read the virtual clock
        QVERIFY(texts(r->trace).last().endsWith("at 4.0"));
    }

    void queueWithSentinel() {
        for (PolicyKind policy : {PolicyKind::RoundRobin, PolicyKind::Cooperative, PolicyKind::Random}) {
            auto r = run(pool_, program("queue.py", kQueue), policy, 3, kClockOnly);
            QCOMPARE(r->outcome().status, RunStatus::Finished);
            QCOMPARE(texts(r->trace), QStringList{"[0, 1, 2, 3, 4, 5] 0"});
            QCOMPARE(r->outcome().endTime, 3 * kSecond);  // six items, half a second each
            // queue.Queue(2) blocked its producer on a Condition of the engine ("box.not_full")
            QVERIFY(!events(r->trace, Op::Wait, Result::Blocked, "box.not_full").empty());
        }
    }

    void printAndLogging() {
        auto r = run(pool_, program("logging.py", kLogging));
        QStringList out = texts(r->trace);
        out.sort();
        QCOMPARE(out, (QStringList{"print from w0", "print from w1", "w0: logged by w0", "w1: logged by w1"}));
        int toStderr = 0;
        for (std::size_t i = 0; i < r->trace.eventCount(); ++i) {
            const TraceEvent& e = r->trace.event(i);
            if (e.op == Op::Print && (e.flags & TraceEvent::ToStderr)) {
                ++toStderr;
                QCOMPARE(actorName(r->trace, e).substr(0, 1), std::string("w"));  // the thread that logged
            }
        }
        QCOMPARE(toStderr, 2);  // logging's default stream is stderr
    }

    void threadRaising() {
        auto r = run(pool_, program("raising.py", kRaising));
        const QStringList out = texts(r->trace);
        QCOMPARE(out.size(), 2);
        const QString tb = out.first();
        QVERIFY2(tb.startsWith("Exception in thread worker:\nTraceback (most recent call last):\n"), qPrintable(tb));
        QVERIFY(tb.contains("File \"/tmp/lockstep-tests/raising.py\", line 4, in fails\n    raise ValueError(\"no such item\")"));
        QVERIFY(tb.endsWith("ValueError: no such item"));
        QCOMPARE(out.last(), QString("main carries on"));
        const auto worker = actorByName(r->trace, "worker");
        QVERIFY(worker);
        QCOMPARE(r->trace.actor(*worker).endState, EndState::Error);
    }

    void mainRaisingAndSyntaxError() {
        auto r = run(pool_, program("main_raises.py", "x = {}\nprint(x['missing'])\n"));
        const QStringList out = texts(r->trace);
        QCOMPARE(out.size(), 1);
        QVERIFY2(out.first().endsWith("line 2, in <module>\n    print(x['missing'])\n          ~^^^^^^^^^^^\nKeyError: 'missing'"),
                 qPrintable(out.first()));
        QCOMPARE(r->trace.actor(0).endState, EndState::Error);

        std::string error;
        QVERIFY(!python::loadSource("/tmp/lockstep-tests/bad.py", "def f(:\n    pass\n", error));
        QVERIFY2(QString::fromStdString(error).contains("SyntaxError"), error.c_str());
        QVERIFY(QString::fromStdString(error).contains("bad.py\", line 1"));
    }

    void sameSeedSameTrace() {
        const scenarios::Scenario* s = program("race20.py", kRace);
        std::string first;
        for (int i = 0; i < 20; ++i) {
            auto r = run(pool_, s, PolicyKind::Random, 7);
            const std::string text = eventsText(r->trace);
            if (i == 0) first = text;
            else QCOMPARE(text, first);
        }
    }

    // Two threads import a module that sleeps at its top level: importlib's module lock is an engine lock, so
    // the second waits for it on the timeline instead of deadlocking the scheduler for real.
    void importLock() {
        QTemporaryDir dir;
        {
            std::ofstream mod((dir.path() + "/slowmod.py").toStdString());
            mod << "import time\ntime.sleep(1)\nVALUE = 42\n";
        }
        const std::string path = (dir.path() + "/importer.py").toStdString();
        {
            std::ofstream prog(path);
            prog << "import threading\n\ndef load():\n    import slowmod\n    print(slowmod.VALUE)\n\n"
                    "ts = [threading.Thread(target=load) for _ in range(2)]\nfor t in ts:\n    t.start()\n"
                    "for t in ts:\n    t.join()\n";
        }
        std::string error;
        const scenarios::Scenario* s = python::loadProgram(path, error);
        QVERIFY2(s, error.c_str());
        auto r = runScenario(pool_, s->id, PolicyKind::RoundRobin, 1, kClockOnly);
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(texts(r->trace), (QStringList{"42", "42"}));
        QCOMPARE(r->outcome().endTime, kSecond);  // the module ran once
        // The second thread waited on importlib's lock for the module (a binary semaphore, see bootstrap.py),
        // and no deadlock was reported on the way.
        bool waited = false;
        for (const TraceEvent& e : events(r->trace, Op::Acquire, Result::Blocked))
            if (objName(r->trace, e).rfind("import slowmod", 0) == 0) waited = true;
        QVERIFY(waited);
        QVERIFY(r->trace.cycles().empty());
    }

    void asyncioOnTheVirtualClock() {
        auto r = run(pool_, program("async.py", kAsyncio), PolicyKind::RoundRobin, 1, kClockOnly);
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(texts(r->trace), (QStringList{"gather ['a', 'b'] 2.0", "wait ['d'] 1 3.0", "cancelled at 3.5",
                                               "end 5.0"}));
        QCOMPARE(r->outcome().endTime, 5 * kSecond);
        // The task lanes: every task of the program is a trace object with a life.
        TraceAnalysis analysis(r->trace);
        const auto states = analysis.taskStates();
        int tasks = 0;
        bool cancelledSeen = false;
        for (ObjectId o = 0; o < r->trace.objectCount(); ++o) {
            if (r->trace.object(o).kind != ObjectKind::AsyncTask) continue;
            ++tasks;
            QVERIFY(!states[o].empty());
            if (r->trace.object(o).name == "forever") {
                QCOMPARE(states[o].back().state, TaskState::Cancelled);
                cancelledSeen = true;
            }
        }
        // main, a, b, c, d, forever, and the two asyncio.run() makes to shut the loop down (async generators
        // and the default executor), as CPython does
        QCOMPARE(tasks, 8);
        QVERIFY(cancelledSeen);
    }

    void manyTasksEndAtFive() {
        auto r = run(pool_, program("many.py", "import asyncio\n\nasync def nap():\n    await asyncio.sleep(5)\n\n"
                                               "async def main():\n    await asyncio.gather(*(nap() for _ in range(2000)))\n"
                                               "    print(asyncio.get_running_loop().time())\n\nasyncio.run(main())\n"),
                     PolicyKind::RoundRobin, 1, kClockOnly);
        QCOMPARE(texts(r->trace), QStringList{"5.0"});
        QCOMPARE(r->outcome().endTime, 5 * kSecond);
    }

    // The threads of a run take turns on one core (a hand-over is then a plain switch, not a wake-up of another
    // core); two runs open at once (a run and the verdict's run one after the other) keep to different cores.
    void aRunKeepsToOneCore() {
        const scenarios::Scenario* s =
            program("cores.py", "import os, threading\n\ndef where():\n    print(sorted(os.sched_getaffinity(0)))\n\n"
                                "ts = [threading.Thread(target=where) for _ in range(3)]\nfor t in ts:\n    t.start()\n"
                                "where()\nfor t in ts:\n    t.join()\n");
        Trace first, second;
        RunConfig config;
        config.policy = PolicyKind::Random;
        std::unique_ptr<RunSession> a = s->opener()(pool_, first, config, nullptr);
        std::unique_ptr<RunSession> b = s->opener()(pool_, second, config, nullptr);
        a->runToEnd();
        b->runToEnd();
        QCOMPARE(first.outcome().status, RunStatus::Finished);
        QCOMPARE(second.outcome().status, RunStatus::Finished);
        const QStringList inFirst = texts(first), inSecond = texts(second);
        QCOMPARE(inFirst.size(), 4);
        QCOMPARE(QSet<QString>(inFirst.begin(), inFirst.end()).size(), 1);  // every thread on the same core...
        QCOMPARE(inFirst.front().count(','), 0);                             // ...and on one only
        QCOMPARE(QSet<QString>(inSecond.begin(), inSecond.end()).size(), 1);
        cpu_set_t mine;
        if (sched_getaffinity(0, sizeof mine, &mine) == 0 && CPU_COUNT(&mine) > 1)
            QVERIFY2(inFirst.front() != inSecond.front(), qPrintable(inFirst.front() + " both times"));
    }

    // A timeout that is already over gives up at once, as CPython's does, even while the holder could still run
    // and release: the virtual clock, which moves only when nobody can run, must not turn it into a wait.
    void zeroTimeoutGivesUpAtOnce() {
        const scenarios::Scenario* s = program(
            "zero.py", "import threading\n\nlock = threading.Lock()\n\ndef try_it():\n    print(lock.acquire(timeout=0))\n\n"
                       "lock.acquire()\nt = threading.Thread(target=try_it)\nt.start()\nfor i in range(50):\n"
                       "    pass\nlock.release()\nt.join()\n");
        for (std::uint64_t seed : {1, 2, 3}) {
            auto r = run(pool_, s, PolicyKind::Random, seed);
            QCOMPARE(texts(r->trace), QStringList{"False"});
        }
        // ThreadPoolExecutor asks its idle semaphore with timeout=0 before it starts a worker: a burst of work
        // starts every worker it may, as in CPython (with the old wait, one worker did everything).
        const scenarios::Scenario* pool = program(
            "workers.py", "from concurrent.futures import ThreadPoolExecutor\nimport threading\n\nnames = set()\n\n"
                          "def square(n):\n    names.add(threading.current_thread().name)\n    return n * n\n\n"
                          "with ThreadPoolExecutor(max_workers=3) as pool:\n    results = list(pool.map(square, range(20)))\n"
                          "print(len(names), sum(results))\n");
        for (std::uint64_t seed : {1, 2, 3}) {
            auto r = run(pool_, pool, PolicyKind::Random, seed);
            QCOMPARE(texts(r->trace), QStringList{"3 2470"});
        }
    }

    // The program's end as CPython's: threading's exit hooks (an executor never shut down stops its workers),
    // a wait for every thread that is not a daemon, then atexit; SystemExit in a thread is silent, a custom
    // threading.excepthook is called, deprecated aliases warn. The lines are CPython 3.11's for these programs.
    void exitAsCPython() {
        auto r = run(pool_, program("exit.py", "from concurrent.futures import ThreadPoolExecutor\nimport threading, atexit\n\n"
                                               "pool = ThreadPoolExecutor(2)\nprint(pool.submit(pow, 2, 10).result())\n"
                                               "threading._register_atexit(lambda: print('threading atexit'))\n"
                                               "atexit.register(lambda: print('atexit'))\n\ndef late():\n"
                                               "    print('late thread done')\n\nthreading.Thread(target=late).start()\n"
                                               "print('main done')\n"));
        QCOMPARE(r->outcome().status, RunStatus::Finished);  // was "stuck": the pool's workers waited for work
        QStringList out = texts(r->trace);
        QCOMPARE(out.takeFirst(), QString("1024"));
        QCOMPARE(out.mid(2), (QStringList{"threading atexit", "atexit"}));
        out = out.mid(0, 2);
        out.sort();
        QCOMPARE(out, (QStringList{"late thread done", "main done"}));

        r = run(pool_, program("hooks.py", "import threading, sys\n\ndef quits():\n    sys.exit(3)\n\n"
                                           "t = threading.Thread(target=quits)\nt.start(); t.join()\n"
                                           "c = threading.Condition()\nwith c:\n    c.notifyAll()\n"
                                           "def hook(args):\n    print('custom hook:', args.exc_type.__name__, args.thread.name)\n"
                                           "threading.excepthook = hook\ndef boom():\n    raise ValueError('x')\n"
                                           "t = threading.Thread(target=boom, name='B')\nt.start(); t.join()\nprint('end')\n"));
        QCOMPARE(texts(r->trace),
                 (QStringList{"/tmp/lockstep-tests/hooks.py:10: DeprecationWarning: notifyAll() is deprecated, use "
                              "notify_all() instead\n  c.notifyAll()",
                              "custom hook: ValueError B", "end"}));
        QVERIFY(r->trace.outcome().message.find("SystemExit") == std::string::npos);

        // The main module's globals go at exit: a coroutine never awaited warns then, as in CPython.
        r = run(pool_, program("never.py", "import asyncio\n\nasync def work():\n    return 1\n\nc = work()\nprint('end')\n"));
        QCOMPARE(texts(r->trace), (QStringList{"end", "sys:1: RuntimeWarning: coroutine 'work' was never awaited"}));
    }

    // One clock: time.time(), datetime and logging's timestamps go on from the run's start instant (the
    // program's "start" parameter) with the virtual clock, look like real dates and stay the same in a replay.
    void oneClock() {
        const scenarios::Scenario* s = program(
            "clock2.py", "import time, datetime, logging, threading\nfrom datetime import datetime as DT, timezone\n\n"
                         "print(DT.now(timezone.utc), time.time())\ntime.sleep(2)\n"
                         "print(DT.utcnow().isoformat(), time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime()))\n"
                         "print(repr(DT.now(timezone.utc).date()), isinstance(DT.now(), datetime.date))\n"
                         "logging.Formatter.converter = time.gmtime\n"
                         "logging.basicConfig(format='%(asctime)s %(message)s', level=logging.INFO)\n"
                         "threading.Timer(1.5, lambda: logging.info('late')).start()\n");
        QVERIFY(s->resolve({}).get(python::kStartParam, 0) > 1'700'000'000);  // the moment it was loaded
        auto r = run(pool_, s, PolicyKind::Random, 1, {{python::kStartParam, 1'767'225'600}, {python::kCpuParam, 0}});  // 2026-01-01 UTC
        QCOMPARE(texts(r->trace), (QStringList{"2026-01-01 00:00:00+00:00 1767225600.0",
                                               "2026-01-01T00:00:02 2026-01-01 00:00:02",
                                               "datetime.date(2026, 1, 1) True", "2026-01-01 00:00:03,500 late"}));
    }

    // CPU time: the program's instructions take virtual time. One CPU-bound call against the same call in two
    // threads: with the GIL (a program's default) the threads take twice as long, as in CPython; without it, on
    // two cores, as long as one call (a free-threaded Python). A loop that waits on perf_counter() ends; the
    // CPU clocks count the computing; the bursts are on the timeline (work on a core, the GIL taken); with the
    // "cpu" parameter off nothing takes time.
    void cpuTime() {
        const scenarios::Scenario* s = program("cpu.py", R"py(import threading, time

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

t0 = time.perf_counter()
crunch(20_000)
once = time.perf_counter() - t0
t0 = time.perf_counter()
workers = [threading.Thread(target=crunch, args=(20_000,)) for _ in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
both = time.perf_counter() - t0
print(f"{once * 1000:.3f} {both / max(once, 1e-9):.2f}")
t0 = time.perf_counter()
spins = 0
while time.perf_counter() - t0 < 0.002:
    spins += 1
print(spins > 100, time.process_time() > 3 * once + 0.0019, time.thread_time() < time.process_time())
)py");
        auto parse = [](const Run& r) {
            const QStringList lines = texts(r.trace);
            return lines.isEmpty() ? QStringList{} : lines.first().split(' ');
        };
        auto gilOn = run(pool_, s, PolicyKind::Random, 3);
        QCOMPARE(gilOn->outcome().status, RunStatus::Finished);
        const QStringList first = parse(*gilOn);
        QCOMPARE(first.size(), 2);
        // 20,000 passes of a 9-instruction loop: about half a millisecond, as CPython takes on a laptop
        QVERIFY2(first[0].toDouble() > 0.2 && first[0].toDouble() < 2, qPrintable(first[0]));
        QCOMPARE(first[1], QStringLiteral("2.00"));
        QCOMPARE(texts(gilOn->trace).value(1), QStringLiteral("True True True"));
        // the bursts: computing on a core while holding the GIL
        QVERIFY(events(gilOn->trace, Op::Work, Result::Started).size() >= 3);
        QVERIFY(!events(gilOn->trace, Op::Acquire, Result::Acquired, "GIL").empty());

        const auto freeThreaded = runOnCores(pool_, s, 3, 2, false);
        QCOMPARE(freeThreaded->trace.outcome().status, RunStatus::Finished);
        QCOMPARE(parse(*freeThreaded).value(1), QStringLiteral("1.00"));
        QVERIFY(events(freeThreaded->trace, Op::Acquire, Result::Acquired, "GIL").empty());

        auto off = run(pool_, program("cpu-off.py", "import time\nt0 = time.perf_counter()\nx = sum(i for i in range(1000))\n"
                                                    "print(time.perf_counter() - t0, time.process_time())\n"),
                       PolicyKind::Random, 1, kClockOnly);
        QCOMPARE(texts(off->trace), QStringList{"0.0 0.0"});
        QVERIFY(events(off->trace, Op::Work, Result::Started).empty());
    }

    // sys.getswitchinterval() reads the run's GIL switch interval and sys.setswitchinterval() changes it from
    // then on: two threads computing hand the GIL over more often with a shorter one. 0 is refused in CPython's
    // words.
    void switchInterval() {
        const char* source = R"py(import sys, threading

def crunch(n):
    total = 0
    for i in range(n):
        total += i
    return total

print(sys.getswitchinterval())
if SHORT:
    sys.setswitchinterval(0.0005)
print(sys.getswitchinterval())
ts = [threading.Thread(target=crunch, args=(40_000,)) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print(e)
)py";
        auto handOvers = [](const Run& r) { return events(r.trace, Op::Acquire, Result::Acquired, "GIL").size(); };
        auto standard = run(pool_, program("switch5.py", std::string("SHORT = False\n") + source), PolicyKind::Random, 2);
        QCOMPARE(texts(standard->trace),
                 (QStringList{"0.005", "0.005", "switch interval must be strictly positive"}));
        auto shorter = run(pool_, program("switch05.py", std::string("SHORT = True\n") + source), PolicyKind::Random, 2);
        QCOMPARE(texts(shorter->trace), (QStringList{"0.005", "0.0005", "switch interval must be strictly positive"}));
        QVERIFY2(handOvers(*shorter) >= handOvers(*standard) + 2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(handOvers(*shorter)).arg(handOvers(*standard))));
    }

    void timeReadsIntegerNanoseconds() {
        auto r = run(pool_, program("clock.py", "import time\nt0 = time.time()\ntime.sleep(0.1)\ntime.sleep(0.2)\n"
                                                "print(time.time() - t0, time.perf_counter_ns())\n"),
                     PolicyKind::RoundRobin, 1, kClockOnly);
        QCOMPARE(texts(r->trace), QStringList{"0.3 300000000"});
    }

    // multiprocessing.Process in a program: each child is a real process of its own (its pid in the trace is
    // the one the program prints, and differs from the parent's and the other child's), started as a fork of the
    // program (it sees the parent's globals as they were at start()) and drawn as a process lane; a subclass's
    // run(), current_process(), and every way a child can end give CPython's exit codes and words.
    void multiprocessingProcesses() {
        const scenarios::Scenario* s = program("mp_procs.py", R"py(import multiprocessing as mp
import os, sys, time

setting = "at import"

class Greeter(mp.Process):
    def __init__(self, who):
        super().__init__()
        self.who = who

    def run(self):
        print(f"{self.name} greets {self.who}, setting {setting}")

def report(q):
    q.put((mp.current_process().name, os.getpid(), os.getppid()))

def raises():
    raise ValueError("bad input")

def exits():
    sys.exit(3)

def hard_exit():
    os._exit(7)

def sleeps():
    time.sleep(10)

if __name__ == "__main__":
    setting = "changed before start"
    g = Greeter("Ann")
    g.start()
    g.join()
    q = mp.Queue()
    kids = [mp.Process(target=report, args=(q,)) for _ in range(2)]
    for k in kids: k.start()
    seen = sorted(q.get() for _ in kids)
    for k in kids: k.join()
    print([name for name, _, _ in seen], sorted(pid for _, pid, _ in seen) == sorted(k.pid for k in kids),
          all(parent == os.getpid() for _, _, parent in seen))
    print("pids", *(k.pid for k in kids))
    for target in (raises, exits, hard_exit):
        p = mp.Process(target=target)
        p.start()
        p.join()
        print(target.__name__, p.exitcode)
    p = mp.Process(target=sleeps)
    p.start()
    p.join(0.5)
    print("alive", p.is_alive(), p.exitcode)
    p.terminate()
    p.join()
    print("terminated", p.exitcode, p.is_alive())
)py");
        auto r = run(pool_, s);
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QStringList lines = texts(r->trace);
        // Python's words for a target that raised, on the child's stderr: its name, then the traceback
        const int at = int(lines.indexOf("Process Process-4:"));
        QVERIFY2(at >= 0, qPrintable(lines.join('\n')));
        const QString traceback = lines.value(at + 1);
        QVERIFY2(traceback.startsWith("Traceback (most recent call last):"), qPrintable(traceback));
        QVERIFY(traceback.endsWith("ValueError: bad input"));
        lines.remove(at, 2);
        // os._exit() skips Python's exit: Lockstep says how the child ended (CPython says nothing)
        const QStringList ended = lines.filter(QRegularExpression("^Process-6 \\(pid \\d+\\) exited with code 7$"));
        QCOMPARE(ended.size(), 1);
        lines.removeAll(ended.first());
        QVERIFY2(lines.size() == 8, qPrintable(lines.join("\n")));
        QCOMPARE(lines.mid(0, 2), (QStringList{"Greeter-1 greets Ann, setting changed before start",
                                               "['Process-2', 'Process-3'] True True"}));
        QCOMPARE(lines.mid(3), (QStringList{"raises 1", "exits 3", "hard_exit 7", "alive True None",
                                            "terminated -15 False"}));
        // real processes: the pids printed are the trace's, each child's its own
        const QStringList pids = lines[2].split(' ').mid(1);
        QCOMPARE(pids.size(), 2);
        std::set<std::int64_t> processPids;
        for (std::size_t a = 0; a < r->trace.actorCount(); ++a) {
            const ActorInfo& info = r->trace.actor(static_cast<ActorId>(a));
            if (info.kind == ActorKind::Process) processPids.insert(info.pid);
        }
        QCOMPARE(processPids.size(), std::size_t(7));  // Greeter, two reporters, three fates, the sleeper
        for (const QString& pid : pids) QVERIFY(processPids.count(pid.toLongLong()));
        QVERIFY(!processPids.count(r->trace.actor(0).pid));
        // the children's operations are their own steps: the reporters' puts on the queue
        int puts = 0;
        for (const TraceEvent& e : events(r->trace, Op::Put, std::nullopt))
            puts += r->trace.actor(e.actor).kind == ActorKind::Process;
        QCOMPARE(puts, 2);
    }

    // multiprocessing's objects cross processes as CPython's do: a queue and a pipe carry any picklable value (a
    // dict, an instance of the program's own class, a big int), a Value and an Array are shared memory, a
    // JoinableQueue's join() waits for every task_done(), an Event and a Semaphore work across processes, and a
    // Manager's dict and list are a server process's. The printed lines are CPython 3.11's for this program.
    void multiprocessingObjects() {
        const scenarios::Scenario* s = program("mp_objects.py", R"py(import multiprocessing as mp

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

def produce(q, conn):
    q.put({"a": 1, "b": [1, 2]})
    q.put(Point(3, 4))
    q.put(2 ** 70)
    conn.send(("done", None, 1.5))
    conn.close()

def count(total, arr, i):
    for _ in range(100):
        with total.get_lock():
            total.value += 1
    with arr.get_lock():
        arr[i] = i * i

def worker(jq, ev, sem):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        with sem:
            print("handled", item)
        jq.task_done()
    ev.set()

def fill(d, l, k):
    d[k] = k * 2
    l.append(k)

if __name__ == "__main__":
    q = mp.Queue()
    a, b = mp.Pipe()
    p = mp.Process(target=produce, args=(q, a))
    p.start()
    print(q.get(), q.get(), q.get(), b.recv())
    p.join()
    total, arr = mp.Value("i", 0), mp.Array("i", 3)
    ps = [mp.Process(target=count, args=(total, arr, i)) for i in range(3)]
    for x in ps: x.start()
    for x in ps: x.join()
    print(total.value, arr[:], len(arr))
    jq, ev, sem = mp.JoinableQueue(), mp.Event(), mp.Semaphore(1)
    w = mp.Process(target=worker, args=(jq, ev, sem))
    w.start()
    for i in range(3):
        jq.put(i)
    jq.put(None)
    jq.join()
    print("joined", ev.wait(1), sem.get_value())
    w.join()
    with mp.Manager() as m:
        d = m.dict()
        l = m.list()
        ps = [mp.Process(target=fill, args=(d, l, k)) for k in range(3)]
        for x in ps: x.start()
        for x in ps: x.join()
        print(sorted(d.items()), sorted(l), len(d), 1 in l)
)py");
        for (std::uint64_t seed : {1, 2}) {
            auto r = run(pool_, s, PolicyKind::Random, seed);
            QCOMPARE(r->outcome().status, RunStatus::Finished);
            QCOMPARE(texts(r->trace), (QStringList{"{'a': 1, 'b': [1, 2]} Point(3, 4) 1180591620717411303424 ('done', None, 1.5)",
                                                   "300 [0, 1, 4] 3", "handled 0", "handled 1", "handled 2",
                                                   "joined True 1", "[(0, 0), (1, 2), (2, 4)] [0, 1, 2] 3 True"}));
            // what crossed: the pickled values as the trace shows them, and the final values of shared memory and
            // the manager's objects (the JoinableQueue's own count is not the program's)
            QVERIFY(!events(r->trace, Op::Put, std::nullopt, "q").empty());
            std::map<std::string, std::string> finals;
            for (const FinalValue& v : r->outcome().shared) finals[r->trace.object(v.object).name] = v.text;
            QCOMPARE(QString::fromStdString(finals["Value-1"]), QStringLiteral("300"));
            QCOMPARE(QString::fromStdString(finals["Array-1"]), QStringLiteral("[0, 1, 4]"));
            const QString dict = QString::fromStdString(finals["d"]);  // in the order the children set the keys
            QCOMPARE(dict.size(), QStringLiteral("{0: 0, 1: 2, 2: 4}").size());
            for (const char* item : {"0: 0", "1: 2", "2: 4"}) QVERIFY2(dict.contains(item), qPrintable(dict));
            QVERIFY(!finals.count("Value-2"));
        }
    }

    // Pool and ProcessPoolExecutor run the program's functions in worker processes: results in order, a worker's
    // exception raised again in the parent, an executor never shut down is shut down at exit (CPython's lines).
    void multiprocessingPools() {
        const scenarios::Scenario* s = program("mp_pools.py", R"py(import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

def square(x):
    return x * x

def div(a, b):
    return a // b

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(square, range(6)))
        print(pool.starmap(div, [(7, 2), (9, 3)]))
        print(list(pool.imap(square, [5, 6])))
        r = pool.apply_async(div, (1, 0))
        try:
            r.get()
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e, r.successful())
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(square, [1, 2, 3])))
        f = ex.submit(div, 1, 0)
        print(type(f.exception()).__name__)
    left = ProcessPoolExecutor(1)
    print(left.submit(square, 12).result())
    print("main done")
)py");
        auto r = run(pool_, s, PolicyKind::Random, 1);
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        QCOMPARE(texts(r->trace), (QStringList{"[0, 1, 4, 9, 16, 25]", "[3, 3]", "[25, 36]",
                                               "ZeroDivisionError: integer division or modulo by zero False",
                                               "[1, 4, 9]", "ZeroDivisionError", "144", "main done"}));
        // the pool's workers are CPython's ForkPoolWorker-1 and -2, daemon processes ended by terminate()
        QStringList workers;
        for (std::size_t a = 0; a < r->trace.actorCount(); ++a)
            if (r->trace.actor(static_cast<ActorId>(a)).name.rfind("ForkPoolWorker", 0) == 0)
                workers << QString::fromStdString(r->trace.actor(static_cast<ActorId>(a)).name);
        QCOMPARE(workers, (QStringList{"ForkPoolWorker-1", "ForkPoolWorker-2"}));

        // A fork while the parent runs a thread pool and logs: the locks that CPython's after-fork hooks take
        // around the fork are the child's own, free, afterwards, so the child logs and exits as in CPython.
        auto mixed = run(pool_, program("mp_mixed.py", R"py(import multiprocessing as mp
from concurrent.futures import ThreadPoolExecutor
import threading, logging

logging.basicConfig(level=logging.INFO, format="%(processName)s %(threadName)s %(message)s")

def child(q):
    logging.info("child logs")
    q.put(threading.current_thread().name)

if __name__ == "__main__":
    ex = ThreadPoolExecutor(2)
    print(ex.submit(pow, 2, 5).result())
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    print(q.get())
    p.join()
    print("exit", p.exitcode)
)py"));
        QStringList lines = texts(mixed->trace);
        lines.sort();
        QCOMPARE(lines, (QStringList{"32", "MainThread", "Process-1 MainThread child logs", "exit 0"}));
    }

    // The lesson of the GIL: one CPU-bound call, the same in two threads, the same in two processes, on two
    // cores. With the GIL the threads take twice as long; two processes take about as long as one (each has a
    // GIL of its own: they compute at once, one on each core), apart from what starting each costs (1 ms to
    // fork, 1 ms for the child's bootstrap); a free-threaded interpreter (GIL off) runs the threads in parallel.
    void processesComputeInParallel() {
        const scenarios::Scenario* s = program("mp_lesson.py", R"py(import multiprocessing, threading, time

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i

def timed(start_all):
    t0 = time.perf_counter()
    start_all()
    return time.perf_counter() - t0

def together(kind, how_many, n):
    workers = [kind(target=crunch, args=(n,)) for _ in range(how_many)]
    for w in workers: w.start()
    for w in workers: w.join()

if __name__ == "__main__":
    once = timed(lambda: crunch(20_000))
    threads = timed(lambda: together(threading.Thread, 2, 20_000))
    one_process = timed(lambda: together(multiprocessing.Process, 1, 200_000))
    two_processes = timed(lambda: together(multiprocessing.Process, 2, 200_000))
    print(f"{threads / once:.2f} {two_processes / one_process:.1f} {one_process * 1000:.1f}")
)py");
        for (bool gil : {true, false}) {
            const auto run = runOnCores(pool_, s, 2, 2, gil);
            const Run& r = *run;
            QCOMPARE(r.trace.outcome().status, RunStatus::Finished);
            const QStringList printed = texts(r.trace).value(0).split(' ');
            QCOMPARE(printed.size(), 3);
            QCOMPARE(printed[0], QString(gil ? "2.00" : "1.00"));
            QCOMPARE(printed[1], QStringLiteral("1.1"));
            // one process: 2 ms to start and end, then 200,000 passes (about 5.7 ms, as CPython here)
            QVERIFY2(printed[2].toDouble() > 6 && printed[2].toDouble() < 10, qPrintable(printed[2]));
            // the two processes computed at the same time, one on each core
            std::set<int> cores;
            std::map<ActorId, Nanos> startedAt;
            for (const TraceEvent& e : events(r.trace, Op::Work, Result::Started))
                if (r.trace.actor(e.actor).kind == ActorKind::Process) {
                    cores.insert(e.core);
                    startedAt.emplace(e.actor, e.time);
                }
            QCOMPARE(cores.size(), std::size_t(2));
            QCOMPARE(startedAt.size(), std::size_t(3));
        }
    }

    // The spawn start method imports the program again in each child, as __mp_main__: code outside the
    // `if __name__ == "__main__":` guard runs again there, and the child sees the module's globals as the import
    // left them (CPython's lines). Unguarded, a spawned child that starts a process meets CPython's error.
    void spawnImportsTheProgramAgain() {
        auto guarded = run(pool_, program("mp_spawn.py", R"py(import multiprocessing as mp
print("top level in", mp.current_process().name)
counter = 0

def work(x):
    print("child sees counter", counter, "and", x)

if __name__ == "__main__":
    mp.set_start_method("spawn")
    counter = 5
    p = mp.Process(target=work, args=(1,))
    p.start()
    p.join()
    print(mp.get_start_method(), p.exitcode)
)py"));
        QCOMPARE(texts(guarded->trace), (QStringList{"top level in MainProcess", "top level in Process-1",
                                                     "child sees counter 0 and 1", "spawn 0"}));
        auto forked = run(pool_, program("mp_fork.py", R"py(import multiprocessing as mp
counter = 0
def work():
    print("child sees counter", counter)
counter = 5
p = mp.Process(target=work)
p.start()
p.join()
print(mp.get_start_method(), p.exitcode)
)py"));
        QCOMPARE(texts(forked->trace), (QStringList{"child sees counter 5", "fork 0"}));
    }

    // Processes meet as threads do, through their shared objects: two taking two locks in opposite orders
    // deadlock (the wait-for cycle names them), and an unlocked Value loses updates when the scheduler
    // interleaves the children's loads and stores (with CPU time off, so that no computing keeps them apart).
    void processesDeadlockAndRace() {
        auto d = run(pool_, program("mp_deadlock.py", R"py(import multiprocessing as mp
import time

def both(first, second):
    with first:
        time.sleep(0.1)
        with second:
            print("got both")

if __name__ == "__main__":
    a, b = mp.Lock(), mp.Lock()
    p = mp.Process(target=both, args=(a, b))
    q = mp.Process(target=both, args=(b, a))
    p.start(); q.start(); p.join(); q.join()
)py"));
        QCOMPARE(d->outcome().status, RunStatus::Deadlock);
        QVERIFY(texts(d->trace).isEmpty());
        const scenarios::Scenario* race = program("mp_race.py", R"py(import multiprocessing as mp

def add(total):
    for _ in range(20):
        total.value = total.value + 1

if __name__ == "__main__":
    total = mp.Value("i", 0, lock=False)
    ps = [mp.Process(target=add, args=(total,)) for _ in range(2)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(total.value)
)py");
        std::set<QString> outcomes;
        for (std::uint64_t seed = 1; seed <= 4; ++seed) outcomes.insert(texts(run(pool_, race, PolicyKind::Random, seed, kClockOnly)->trace).value(0));
        QVERIFY2(std::any_of(outcomes.begin(), outcomes.end(), [](const QString& v) { return v.toInt() < 40; }),
                 "no update was lost in four random schedules");

        // The race detector sees an Array's items apart, as C does: children each writing an item of their own
        // do not race, and the parent reads them after joining; two children updating the same items do.
        auto items = run(pool_, program("mp_items.py", R"py(import multiprocessing as mp

def put_square(arr, i):
    arr[i] = i * i

def bump_all(arr):
    for i in range(len(arr)):
        arr[i] = arr[i] + 1

if __name__ == "__main__":
    own = mp.Array("i", 3)
    ps = [mp.Process(target=put_square, args=(own, i)) for i in range(3)]
    for p in ps: p.start()
    for p in ps: p.join()
    shared = mp.Array("i", 2)
    ps = [mp.Process(target=bump_all, args=(shared,)) for _ in range(2)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(own[:], shared[:])
)py"));
        QCOMPARE(texts(items->trace), QStringList{"[0, 1, 4] [2, 2]"});
        std::set<std::string> racy;
        for (const DataRace& race : items->trace.races()) racy.insert(items->trace.object(race.object).name);
        QCOMPARE(racy, (std::set<std::string>{"Array-2"}));
    }

    void refusedWithClearMessages() {
        auto r = run(pool_, program("mp.py", "import multiprocessing as mp\nmp.Condition()\n"));
        QVERIFY2(texts(r->trace).first().contains("RuntimeError: not supported yet: multiprocessing.Condition"),
                 qPrintable(texts(r->trace).first()));
        auto f = run(pool_, program("fork.py", "import os\nos.fork()\n"));
        QVERIFY(texts(f->trace).first().contains("start a multiprocessing.Process instead"));
        auto k = run(pool_, program("input.py", "name = input('name? ')\n"));
        QVERIFY(texts(k->trace).first().contains("RuntimeError: input() is not supported yet"));
    }

    // The window's controller drives a program in the runner's child as it drives a built-in scenario: steps,
    // a branch at a past step that replays the decisions before it, and an abort, with the trace streamed in.
    void controllerDrivesTheRunnersChild() {
        const scenarios::Scenario* s = program("controlled.py", kRace);
        std::mutex mutex;
        std::vector<ControllerReport> reports;
        Controller controller([&](const ControllerReport& r) {
            std::lock_guard lock(mutex);
            reports.push_back(r);
        });
        RunConfig cfg;
        cfg.policy = PolicyKind::RoundRobin;
        controller.load(cfg, s->opener());
        controller.step(12);
        controller.waitIdle();
        ControllerReport last;
        {
            std::lock_guard lock(mutex);
            last = reports.back();
        }
        QCOMPARE(last.kind, ControllerReport::Kind::Stopped);
        QCOMPARE(last.steps, 12u);
        QCOMPARE(last.trace->stepCount(), 12u);
        QVERIFY(!last.ended);
        // Branch at the first decision with a choice: the new run replays up to there and takes the other thread.
        const std::vector<Decision> decisions = last.trace->decisions();
        controller.run();
        controller.waitIdle();
        {
            std::lock_guard lock(mutex);
            last = reports.back();
        }
        QVERIFY(last.ended);
        QCOMPARE(last.trace->outcome().status, RunStatus::Finished);
        const std::vector<Decision> all = last.trace->decisions();
        QVERIFY(!all.empty());
        const Decision first = all.front();
        ActorId other = kNoActor;
        for (std::size_t a = 0; a < last.trace->actorCount(); ++a)
            if (static_cast<ActorId>(a) != first.chosen && last.trace->actor(static_cast<ActorId>(a)).kind != ActorKind::MainThread)
                other = static_cast<ActorId>(a);
        controller.branch(first.step, other);
        controller.waitIdle();
        {
            std::lock_guard lock(mutex);
            last = reports.back();
        }
        if (last.kind == ControllerReport::Kind::Stopped) {
            QCOMPARE(last.steps, first.step + 1);
            const std::vector<Decision> branched = last.trace->decisions();
            QVERIFY(!branched.empty());
            QCOMPARE(branched.back().chosen, other);
        } else {
            QCOMPARE(last.kind, ControllerReport::Kind::Failed);  // that thread could not run there: said so
            QVERIFY(!last.message.empty());
        }
        controller.abort();
        controller.waitIdle();
        {
            std::lock_guard lock(mutex);
            last = reports.back();
        }
        QVERIFY(last.ended);
    }

    // Stopping at any step unwinds every Python thread (finally blocks run) and leaves no OS thread behind
    // beyond the pool's reusable workers.
    void abortAtEveryStep() {
        const scenarios::Scenario* s = program("abort.py", kDeadlock);
        auto full = run(pool_, s);
        const std::uint32_t steps = full->trace.stepCount();
        QVERIFY(steps > 10);
        for (std::uint32_t stop = 1; stop < steps; stop += 3) {
            Trace trace;
            RunConfig cfg;
            {
                const auto ex = s->opener()(pool_, trace, cfg, nullptr);
                StopRequest req;
                req.untilStep = stop;
                ex->advance(req);
                ex->teardown();
            }
            QCOMPARE(trace.outcome().status == RunStatus::Aborted || trace.outcome().status == RunStatus::Deadlock, true);
        }
        const int threads = threadCount();
        auto again = run(pool_, s);
        QCOMPARE(again->outcome().status, RunStatus::Deadlock);
        QVERIFY(threadCount() <= threads + 1);
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestPython)
#undef main
#include "common/TestMain.h"
LOCKSTEP_CHILD_AWARE_MAIN()

#include "tst_python.moc"
