// The engine's guarantees, checked over every scenario in the registry (new scenarios are covered as they
// are added): determinism, real OS threads, abort at any step with nothing left running, stepping,
// breakpoints, manual and forced choices, and how runs end (step limit, deadlock, stuck, error).

// Qt's `slots`/`signals` keywords would clash with engine names (SemaphoreObject::slots()).
#define QT_NO_KEYWORDS
#include "common/TestMain.h"
#include <QtTest>

#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "lockstep/Api.h"
#include "lockstep/Barrier.h"
#include "lockstep/Condition.h"
#include "lockstep/Event.h"
#include "lockstep/Execution.h"
#include "lockstep/Explorer.h"
#include "lockstep/Lock.h"
#include "lockstep/Queue.h"
#include "lockstep/ReplayToken.h"
#include "lockstep/Semaphore.h"
#include "lockstep/Shared.h"
#include "lockstep/Thread.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(lockstep::PolicyKind)

namespace lockstep {
char* toString(RunStatus s) { return qstrdup(std::string(runStatusName(s)).c_str()); }
char* toString(EndState s) { return qstrdup(std::string(endStateName(s)).c_str()); }
char* toString(Op op) { return qstrdup(std::string(opName(op)).c_str()); }
char* toString(StopReason r) {
    static const char* names[] = {"step-reached", "pause-requested", "deadlock", "breakpoint", "need-choice", "ended"};
    return qstrdup(names[static_cast<int>(r)]);
}
}  // namespace lockstep

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

std::int64_t gettidNow() { return static_cast<std::int64_t>(::syscall(SYS_gettid)); }

int osThreadCount() {
    int n = 0;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator("/proc/self/task", ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec))
        ++n;
    return n;
}

// Waits (briefly) for the kernel to forget threads that were just joined: pthread_join can return a moment
// before the task leaves /proc.
int settledThreadCount(int expected) {
    int n = osThreadCount();
    for (int i = 0; i < 200 && n != expected; ++i) {
        std::this_thread::sleep_for(10ms);
        n = osThreadCount();
    }
    return n;
}

// Turns a hang into a failure with a message instead of a stuck test run.
class Watchdog {
public:
    explicit Watchdog(std::chrono::seconds limit) : thread_([this, limit] { watch(limit); }) {}
    ~Watchdog() {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
        }
        cv_.notify_all();
        thread_.join();
    }
    void phase(std::string what) {
        std::lock_guard lock(mutex_);
        phase_ = std::move(what);
    }

private:
    void watch(std::chrono::seconds limit) {
        std::unique_lock lock(mutex_);
        if (!cv_.wait_for(lock, limit, [this] { return done_; })) {
            std::fprintf(stderr, "HANG: no progress within %lld s during: %s\n", static_cast<long long>(limit.count()),
                         phase_.c_str());
            std::fflush(stderr);
            std::abort();
        }
    }
    std::mutex mutex_;
    std::condition_variable cv_;
    bool done_ = false;
    std::string phase_ = "start";
    std::thread thread_;
};

RunConfig configFor(const scenarios::Scenario& s, PolicyKind policy, std::uint64_t seed) {
    RunConfig c;
    c.policy = policy;
    c.seed = seed;
    c.cores = s.defaults.cores;
    c.gil = s.defaults.gil;
    return c;
}

std::function<void()> bodyFor(const scenarios::Scenario& s) {
    const scenarios::Params params = s.resolve({});
    return [&s, params] { s.main(params); };
}

// The first difference between two traces, or an empty string when they are the same in every field that
// does not depend on the OS (thread and process ids).
QString traceDiff(const Trace& a, const Trace& b) {
    auto differ = [](const char* what, auto x, auto y) {
        return QStringLiteral("%1: %2 vs %3").arg(what).arg(x).arg(y);
    };
    if (a.eventCount() != b.eventCount()) return differ("event count", a.eventCount(), b.eventCount());
    for (std::size_t i = 0; i < a.eventCount(); ++i) {
        const TraceEvent& x = a.event(i);
        const TraceEvent& y = b.event(i);
        const bool same = x.time == y.time && x.object == y.object && x.arg == y.arg && x.actor == y.actor &&
                          x.op == y.op && x.result == y.result && x.line == y.line && x.core == y.core &&
                          x.flags == y.flags;
        if (!same || std::memcmp(&x, &y, sizeof(TraceEvent)) != 0)
            return QStringLiteral("event %1: %2 %3 actor %4 t=%5 vs %6 %7 actor %8 t=%9")
                .arg(i)
                .arg(qs(opName(x.op)), qs(resultName(x.result)))
                .arg(x.actor)
                .arg(x.time)
                .arg(qs(opName(y.op)), qs(resultName(y.result)))
                .arg(y.actor)
                .arg(y.time);
    }
    if (a.stepCount() != b.stepCount()) return differ("step count", a.stepCount(), b.stepCount());
    for (std::uint32_t s = 1; s <= a.stepCount(); ++s)
        if (a.stepBegin(s) != b.stepBegin(s)) return differ("first event of a step", a.stepBegin(s), b.stepBegin(s));
    if (a.stringCount() != b.stringCount()) return differ("string count", a.stringCount(), b.stringCount());
    // A child process's pid is the OS's choice, different on every run: strings that print one (a scenario
    // showing its pids) are compared number by number, and two numbers that differ still match when each is
    // the pid of the same actor in its own run. (Replacing pid text inside the strings is wrong: on a machine
    // with small pids, a child's pid 900 is also the shared value 900 another line prints.)
    auto pidActor = [](const Trace& t, std::string_view number) -> long {
        for (ActorId n = 0; n < t.actorCount(); ++n)
            if (t.actor(n).kind == ActorKind::Process && t.actor(n).pid > 0 && std::to_string(t.actor(n).pid) == number)
                return long(n);
        return -1;
    };
    auto sameButPids = [&](std::string_view x, std::string_view y) {
        auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
        std::size_t i = 0, j = 0;
        while (i < x.size() && j < y.size()) {
            if (isDigit(x[i]) && isDigit(y[j])) {
                std::size_t ei = i, ej = j;
                while (ei < x.size() && isDigit(x[ei])) ++ei;
                while (ej < y.size() && isDigit(y[ej])) ++ej;
                const std::string_view nx = x.substr(i, ei - i), ny = y.substr(j, ej - j);
                if (nx != ny) {
                    const long ax = pidActor(a, nx);
                    if (ax < 0 || ax != pidActor(b, ny)) return false;
                }
                i = ei;
                j = ej;
            } else if (x[i++] != y[j++]) {
                return false;
            }
        }
        return i == x.size() && j == y.size();
    };
    for (std::uint32_t i = 0; i < a.stringCount(); ++i)
        if (!sameButPids(a.string(i), b.string(i)))
            return QStringLiteral("string %1: %2 vs %3").arg(i).arg(qs(a.string(i)), qs(b.string(i)));
    if (a.actorCount() != b.actorCount()) return differ("actor count", a.actorCount(), b.actorCount());
    for (ActorId i = 0; i < a.actorCount(); ++i) {
        const ActorInfo& x = a.actor(i);
        const ActorInfo& y = b.actor(i);
        if (x.name != y.name || x.kind != y.kind || x.daemon != y.daemon || x.parent != y.parent ||
            x.threadObject != y.threadObject || x.endState != y.endState)
            return QStringLiteral("actor %1: %2 (%3) vs %4 (%5)")
                .arg(i)
                .arg(qs(x.name), qs(endStateName(x.endState)), qs(y.name), qs(endStateName(y.endState)));
    }
    if (a.objectCount() != b.objectCount()) return differ("object count", a.objectCount(), b.objectCount());
    for (ObjectId i = 0; i < a.objectCount(); ++i) {
        const ObjectInfo& x = a.object(i);
        const ObjectInfo& y = b.object(i);
        if (x.name != y.name || x.kind != y.kind || x.param != y.param || x.internal != y.internal)
            return QStringLiteral("object %1: %2 vs %3").arg(i).arg(qs(x.name), qs(y.name));
    }
    const std::vector<Decision> da = a.decisions(), db = b.decisions();
    if (da.size() != db.size()) return differ("decision count", da.size(), db.size());
    for (std::size_t i = 0; i < da.size(); ++i) {
        const Decision& x = da[i];
        const Decision& y = db[i];
        if (x.step != y.step || x.chosen != y.chosen)
            return QStringLiteral("decision %1: step %2 chose %3 vs step %4 chose %5")
                .arg(i)
                .arg(x.step)
                .arg(x.chosen)
                .arg(y.step)
                .arg(y.chosen);
    }
    if (a.cycles().size() != b.cycles().size()) return differ("cycle count", a.cycles().size(), b.cycles().size());
    for (std::size_t i = 0; i < a.cycles().size(); ++i)
        if (a.cycles()[i].step != b.cycles()[i].step || a.cycles()[i].actors != b.cycles()[i].actors ||
            a.cycles()[i].objects != b.cycles()[i].objects)
            return QStringLiteral("cycle %1").arg(i);
    const RunOutcome& x = a.outcome();
    const RunOutcome& y = b.outcome();
    if (x.status != y.status) return differ("status", qs(runStatusName(x.status)), qs(runStatusName(y.status)));
    if (x.endTime != y.endTime) return differ("end time", x.endTime, y.endTime);
    if (x.steps != y.steps) return differ("outcome steps", x.steps, y.steps);
    if (x.switches != y.switches) return differ("switches", x.switches, y.switches);
    if (x.message != y.message) return differ("message", qs(x.message), qs(y.message));
    if (x.deadlockCycle != y.deadlockCycle) return differ("deadlock cycle", x.deadlockCycle, y.deadlockCycle);
    if (x.shared.size() != y.shared.size()) return differ("final values", x.shared.size(), y.shared.size());
    for (std::size_t i = 0; i < x.shared.size(); ++i)
        if (x.shared[i].object != y.shared[i].object || x.shared[i].text != y.shared[i].text ||
            x.shared[i].numeric != y.shared[i].numeric)
            return QStringLiteral("final value %1: %2 vs %3").arg(i).arg(qs(x.shared[i].text), qs(y.shared[i].text));
    return {};
}



void addScenarioRows() {
    QTest::addColumn<QString>("scenario");
    for (const scenarios::Scenario& s : scenarios::all()) QTest::newRow(s.id.c_str()) << qs(s.id);
}

void addScenarioPolicyRows() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<PolicyKind>("policy");
    QTest::addColumn<quint64>("seed");
    for (const scenarios::Scenario& s : scenarios::all()) {
        QTest::addRow("%s rr", s.id.c_str()) << qs(s.id) << PolicyKind::RoundRobin << quint64(1);
        QTest::addRow("%s random 1", s.id.c_str()) << qs(s.id) << PolicyKind::Random << quint64(1);
        QTest::addRow("%s random 4242", s.id.c_str()) << qs(s.id) << PolicyKind::Random << quint64(4242);
    }
}

// RAII witnesses: every scope a scenario thread enters holds one; abort must run every destructor.
struct Witnesses {
    int constructed = 0;
    int alive = 0;
};
class Witness {
public:
    explicit Witness(Witnesses& w) : w_(w) {
        ++w_.constructed;
        ++w_.alive;
    }
    ~Witness() { --w_.alive; }
    Witness(const Witness&) = delete;
    Witness& operator=(const Witness&) = delete;

private:
    Witnesses& w_;
};

// A body that leaves actors in every kind of wait at one step or another: lock, condition, queue, event,
// semaphore, barrier, join, sleep, CPU burst, and a daemon that never ends.
std::function<void()> witnessedBody(Witnesses& w) {
    return [&w] {
        Witness mainWitness(w);
        Lock lock("lock");
        Condition cv("cv");
        Queue<int> q(1, "q");
        Event ev("ev");
        Semaphore sem(1, "sem");
        Barrier barrier(2, {}, std::nullopt, "barrier");
        auto ready = std::make_shared<bool>(false);
        Thread producer(
            [&w, q, lock, sem]() mutable {
                Witness witness(w);
                for (int i = 0; i < 3; ++i) {
                    With held(lock);
                    Witness inner(w);
                    q.put(i);
                    With slot(sem);
                    sleep(10ms);
                }
            },
            {.name = "producer"});
        Thread consumer(
            [&w, q, cv, ready, barrier]() mutable {
                Witness witness(w);
                for (int i = 0; i < 3; ++i) q.get();
                {
                    With held(cv);
                    Witness inner(w);
                    while (!*ready) cv.wait();
                }
                barrier.wait();
            },
            {.name = "consumer"});
        Thread waiter(
            [&w, ev, sem, barrier]() mutable {
                Witness witness(w);
                ev.wait();
                With slot(sem);
                work(15ms);
                barrier.wait();
            },
            {.name = "waiter"});
        Thread faulty(
            [&w, lock]() mutable {
                Witness witness(w);
                Lock never("never");
                sleep(12ms);
                With held(lock);  // released while the RuntimeError below unwinds: a scheduling point
                Witness inner(w);
                never.release();  // RuntimeError: release unlocked lock, uncaught: ends this thread only
            },
            {.name = "faulty"});
        Thread spinner(
            [&w] {
                Witness witness(w);
                for (;;) {
                    Witness inner(w);
                    work(5ms);
                    sleep(5ms);
                }
            },
            {.name = "spinner", .daemon = true});
        producer.start();
        consumer.start();
        waiter.start();
        spinner.start();
        faulty.start();
        sleep(20ms);
        ev.set();
        {
            With held(cv);
            *ready = true;
            cv.notify_all();
        }
        producer.join();
        consumer.join();
        waiter.join();
        faulty.join();
        print("done");
    };
}

// Steps k at which to abort a run of n steps: every one while the quadratic cost stays within `budget`
// steps in all, else every one of the first `denseFirst` and an even spread over the rest.
std::vector<std::uint32_t> abortPoints(std::uint32_t n, std::uint64_t budget, std::uint32_t denseFirst = 64) {
    std::vector<std::uint32_t> ks;
    if (std::uint64_t(n) * (n + 1) / 2 <= budget) {
        for (std::uint32_t k = 1; k <= n; ++k) ks.push_back(k);
        return ks;
    }
    const std::uint32_t dense = std::min<std::uint32_t>(n, denseFirst);
    for (std::uint32_t k = 1; k <= dense; ++k) ks.push_back(k);
    std::uint64_t used = std::uint64_t(dense) * (dense + 1) / 2;
    const std::uint64_t more = used < budget ? (budget - used) / n : 0;  // each later point costs up to n
    const std::uint32_t stride = more ? std::max<std::uint32_t>(1, static_cast<std::uint32_t>((n - dense) / more)) : n;
    for (std::uint32_t k = dense + stride; k <= n; k += stride) ks.push_back(k);
    if (ks.back() != n) ks.push_back(n);
    return ks;
}

}  // namespace

class TestEngine : public QObject {
    Q_OBJECT

private:
    WorkerPool pool_;
    Trace a_;
    Trace b_;

    const scenarios::Scenario& scenario(const QString& id) {
        const scenarios::Scenario* s = scenarios::find(id.toStdString());
        if (!s) qFatal("no scenario %s", qPrintable(id));
        return *s;
    }
    const RunOutcome& runToEnd(Trace& trace, RunConfig config, std::function<void()> body) {
        Execution ex(pool_, trace, std::move(config), std::move(body));
        ex.runToEnd();
        return trace.outcome();
    }

private Q_SLOTS:
    void registryIsNotEmpty() {
        QVERIFY(!scenarios::all().empty());
        QVERIFY(scenarios::find("race-counter-sleep") != nullptr);
    }

    // ---------------------------------------------------------------------------------------------------
    // Determinism

    void determinism_data() { addScenarioPolicyRows(); }
    void determinism() {
        QFETCH(QString, scenario);
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto& s = this->scenario(scenario);
        const RunOutcome& first = runToEnd(a_, configFor(s, policy, seed), bodyFor(s));
        QVERIFY2(first.status != RunStatus::Error, first.message.c_str());
        QVERIFY(a_.eventCount() > 0);
        // The second run on a pool of its own: fresh OS threads must not change anything either.
        WorkerPool other;
        {
            Execution ex(other, b_, configFor(s, policy, seed), bodyFor(s));
            ex.runToEnd();
        }
        const QString diff = traceDiff(a_, b_);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void seedsChangeTheSchedule_data() { addScenarioRows(); }
    void seedsChangeTheSchedule() {
        QFETCH(QString, scenario);
        const auto& s = this->scenario(scenario);
        std::set<std::vector<ActorId>> schedules;
        bool anyChoice = false;
        for (std::uint64_t seed = 1; seed <= 24; ++seed) {
            runToEnd(a_, configFor(s, PolicyKind::Random, seed), bodyFor(s));
            std::vector<ActorId> chosen;
            for (const Decision& d : a_.decisions()) chosen.push_back(d.chosen);
            anyChoice = anyChoice || !chosen.empty();
            schedules.insert(chosen);
        }
        if (!anyChoice) QSKIP("this scenario never has two actors ready at once");
        QVERIFY2(schedules.size() > 1, "24 seeds gave the same schedule");
    }

    // ---------------------------------------------------------------------------------------------------
    // Real threads

    void realThreads_data() { addScenarioRows(); }
    void realThreads() {
        QFETCH(QString, scenario);
        const auto& s = this->scenario(scenario);
        const std::int64_t me = gettidNow();
        Execution ex(pool_, a_, configFor(s, PolicyKind::RoundRobin, 1), bodyFor(s));
        std::set<ActorId> seen;
        for (std::uint32_t k = 1; !ex.ended(); ++k) {
            const StopInfo stop = ex.advance(StopRequest{.untilStep = k});
            if (stop.reason == StopReason::Ended) break;
            std::map<std::int64_t, ActorId> owners;
            for (ActorId a = 0; a < a_.actorCount(); ++a) {
                const ActorInfo& info = a_.actor(a);
                if (info.endState == EndState::NotStarted) continue;
                seen.insert(a);
                QVERIFY2(info.tid > 0, qPrintable(qs(info.name)));
                QVERIFY2(info.tid != me, "an actor ran on the test's own thread");
                if (info.kind == ActorKind::Process) {
                    // A child process: its own pid, whose main thread is the actor; alive while it runs.
                    QVERIFY2(info.pid != ::getpid(), "a child process has a pid of its own");
                    QCOMPARE(info.tid, info.pid);
                    if (info.endState == EndState::Running)
                        QVERIFY(std::filesystem::exists("/proc/" + std::to_string(info.pid) + "/task/" +
                                                        std::to_string(info.tid)));
                    continue;
                }
                QVERIFY2(info.pid == ::getpid(), "threads live in this process");
                const auto [it, inserted] = owners.emplace(info.tid, a);
                QVERIFY2(inserted, qPrintable(QStringLiteral("%1 and %2 share OS thread %3")
                                                  .arg(qs(a_.actor(it->second).name), qs(info.name))
                                                  .arg(info.tid)));
                // A live OS thread of this process.
                QVERIFY(std::filesystem::exists("/proc/self/task/" + std::to_string(info.tid)));
            }
        }
        ex.teardown();
        QVERIFY(!seen.empty());
    }

    // ---------------------------------------------------------------------------------------------------
    // Abort

    void abortAtEveryStep_data() { addScenarioRows(); }
    void abortAtEveryStep() {
        QFETCH(QString, scenario);
        const auto& s = this->scenario(scenario);
        const RunConfig config = configFor(s, PolicyKind::RoundRobin, 1);
        const RunOutcome& full = runToEnd(b_, config, bodyFor(s));
        const std::uint32_t n = full.steps;
        QVERIFY(n > 0);
        std::size_t mostActors = b_.actorCount();

        Watchdog watchdog(120s);
        const int baseline = osThreadCount();
        {
            WorkerPool pool;
            // A scenario with child processes starts each of them anew on every run (tens of milliseconds of
            // real time apiece): it gets a smaller budget, spread over the whole run.
            const bool processes = std::string(s.family) == "processes" || scenario == "gil-cpu-bound";
            const std::vector<std::uint32_t> ks = processes ? abortPoints(n, 1'200, 12) : abortPoints(n, 40'000);
            if (ks.size() < n) qInfo("%s: %u steps; aborting at %zu of them", qPrintable(scenario), n, ks.size());
            for (std::uint32_t k : ks) {
                watchdog.phase(scenario.toStdString() + ": abort at step " + std::to_string(k));
                Execution ex(pool, a_, config, bodyFor(s));
                const StopInfo stop = ex.advance(StopRequest{.untilStep = k});
                ex.teardown();
                QVERIFY(ex.ended());
                if (stop.reason == StopReason::Ended) {
                    QCOMPARE(a_.outcome().status, full.status);
                } else {
                    QCOMPARE(stop.step, k);
                    QCOMPARE(a_.outcome().status, RunStatus::Aborted);
                    QCOMPARE(a_.outcome().steps, k);
                }
                // Every worker came back: the pool reuses them for the next run instead of growing.
                QVERIFY2(pool.threadCount() <= mostActors,
                         qPrintable(QStringLiteral("%1 workers for runs of at most %2 actors").arg(pool.threadCount()).arg(mostActors)));
            }
            // The pool still runs a whole scenario exactly as before.
            watchdog.phase(scenario.toStdString() + ": full run after the aborts");
            {
                Execution ex(pool, a_, config, bodyFor(s));
                ex.runToEnd();
            }
            const QString diff = traceDiff(a_, b_);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            watchdog.phase(scenario.toStdString() + ": destroying the pool");
        }
        QCOMPARE(settledThreadCount(baseline), baseline);
    }

    // Every RAII guard of every actor is destroyed whatever step the run is aborted at, and also when a run
    // ends with actors still blocked or a daemon still running.
    void abortUnwindsEveryStack_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<int>("cores");
        QTest::newRow("rr") << PolicyKind::RoundRobin << 1;
        QTest::newRow("random, 2 cores") << PolicyKind::Random << 2;
        QTest::newRow("coop") << PolicyKind::Cooperative << 1;
        QTest::newRow("rr, 4 cores, GIL") << PolicyKind::RoundRobin << -4;
    }
    void abortUnwindsEveryStack() {
        QFETCH(PolicyKind, policy);
        QFETCH(int, cores);
        RunConfig config;
        config.policy = policy;
        config.cores = std::abs(cores);
        config.gil = cores < 0;
        config.seed = 11;
        Witnesses w;
        const RunOutcome& full = runToEnd(b_, config, witnessedBody(w));
        QCOMPARE(full.status, RunStatus::Finished);
        QCOMPARE(w.alive, 0);  // the daemon spinner was unwound by the teardown in runToEnd
        QVERIFY(w.constructed > 10);
        QCOMPARE(b_.actor(b_.findActor("spinner")).endState, EndState::Killed);
        QCOMPARE(b_.actor(b_.findActor("faulty")).endState, EndState::Error);

        Watchdog watchdog(120s);
        const int baseline = osThreadCount();
        {
            WorkerPool pool;
            for (std::uint32_t k = 1; k <= full.steps; ++k) {
                watchdog.phase("witnessed body: abort at step " + std::to_string(k));
                Witnesses ww;
                {
                    Execution ex(pool, a_, config, witnessedBody(ww));
                    ex.advance(StopRequest{.untilStep = k});
                    if (k > 1) QVERIFY(ww.constructed > 0);  // step 1 is MainThread starting, before its body
                    ex.teardown();
                    QVERIFY2(ww.alive == 0, qPrintable(QStringLiteral("step %1: %2 guards not destroyed").arg(k).arg(ww.alive)));
                    int running = 0;
                    for (ActorId a = 0; a < a_.actorCount(); ++a) running += a_.actor(a).endState == EndState::Running;
                    if (k < full.steps) QVERIFY(running > 0);  // aborted mid-run: those actors were unwound
                }
                QVERIFY(pool.threadCount() <= a_.actorCount());
            }
            // An Execution destroyed without teardown() unwinds too.
            Witnesses ww;
            {
                Execution ex(pool, a_, config, witnessedBody(ww));
                ex.advance(StopRequest{.untilStep = full.steps / 2});
            }
            QCOMPARE(ww.alive, 0);
            watchdog.phase("witnessed body: destroying the pool");
        }
        QCOMPARE(settledThreadCount(baseline), baseline);
    }

    // Abort while the run waits for the user's choice, at every decision of a manual run.
    void abortAtEveryChoice() {
        RunConfig config;
        config.policy = PolicyKind::Manual;
        Watchdog watchdog(120s);
        for (int stopAt = 1;; ++stopAt) {
            watchdog.phase("manual: abort at choice " + std::to_string(stopAt));
            Witnesses w;
            bool ended = false;
            {
                Execution ex(pool_, a_, config, witnessedBody(w));
                for (int choice = 0;; ++choice) {
                    const StopInfo stop = ex.advance();
                    if (stop.reason == StopReason::Ended) {
                        ended = true;
                        break;
                    }
                    QCOMPARE(stop.reason, StopReason::NeedChoice);
                    if (choice + 1 == stopAt) break;
                    QVERIFY(ex.chooseNext(ex.pendingCandidates().back()));
                }
                ex.teardown();
            }
            QCOMPARE(w.alive, 0);
            if (ended) {
                QCOMPARE(a_.outcome().status, RunStatus::Finished);
                break;
            }
            QCOMPARE(a_.outcome().status, RunStatus::Aborted);
            QVERIFY2(stopAt < 100'000, "manual run does not end");
        }
    }

    void neverStartedExecution() {
        Witnesses w;
        {
            Execution ex(pool_, a_, {}, witnessedBody(w));
            QVERIFY(!ex.ended());
        }
        QCOMPARE(w.constructed, 0);
        Execution ex(pool_, a_, {}, witnessedBody(w));
        ex.teardown();
        QVERIFY(ex.ended());
        QCOMPARE(ex.advance().reason, StopReason::Ended);
        QCOMPARE(w.constructed, 0);
    }

    void blockedActorsAreUnwoundAtTheEnd() {
        Witnesses w;
        const RunOutcome& o = runToEnd(a_, {}, [&w] {
            Witness guard(w);
            Lock a("lock_a"), b("lock_b");
            Thread t1([&w, a, b]() mutable { Witness g(w); With ha(a); sleep(100ms); With hb(b); }, {.name = "T1"});
            Thread t2([&w, a, b]() mutable { Witness g(w); With hb(b); sleep(100ms); With ha(a); }, {.name = "T2"});
            t1.start();
            t2.start();
            t1.join();
        });
        QCOMPARE(o.status, RunStatus::Deadlock);
        QCOMPARE(w.constructed, 3);
        QCOMPARE(w.alive, 0);
        // The With guards' releases during unwinding are not new operations: nothing was recorded after the end.
        QCOMPARE(a_.stepCount(), o.steps);
    }

    // ---------------------------------------------------------------------------------------------------
    // Stepping

    void stepByStepMatchesOneRun_data() { addScenarioPolicyRows(); }
    void stepByStepMatchesOneRun() {
        QFETCH(QString, scenario);
        QFETCH(PolicyKind, policy);
        QFETCH(quint64, seed);
        const auto& s = this->scenario(scenario);
        runToEnd(b_, configFor(s, policy, seed), bodyFor(s));
        Execution ex(pool_, a_, configFor(s, policy, seed), bodyFor(s));
        std::uint32_t k = 1;
        for (;; ++k) {
            const StopInfo stop = ex.advance(StopRequest{.untilStep = k});
            if (stop.reason == StopReason::Ended) break;
            QCOMPARE(stop.reason, StopReason::StepReached);
            QCOMPARE(stop.step, k);
            QCOMPARE(a_.stepCount(), k);
        }
        ex.teardown();
        QCOMPARE(k, b_.outcome().steps);
        const QString diff = traceDiff(a_, b_);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void pauseRequest() {
        const auto& s = scenario("race-counter-sleep");
        Execution ex(pool_, a_, configFor(s, PolicyKind::RoundRobin, 1), bodyFor(s));
        ex.requestPause();
        const StopInfo first = ex.advance();
        QCOMPARE(first.reason, StopReason::PauseRequested);
        QCOMPARE(first.step, 1u);
        // The request is consumed: the next advance runs on to the end.
        QCOMPARE(ex.advance().reason, StopReason::Ended);
        ex.teardown();
        QCOMPARE(a_.outcome().status, RunStatus::Finished);
    }

    // ---------------------------------------------------------------------------------------------------
    // Breakpoints

    void breakOnObject_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("object");
        QTest::newRow("race-counter-sleep counter") << "race-counter-sleep" << "counter";
        QTest::newRow("witnessed lock") << "" << "lock";
        QTest::newRow("witnessed q") << "" << "q";
        QTest::newRow("witnessed barrier") << "" << "barrier";
    }
    void breakOnObject() {
        QFETCH(QString, scenario);
        QFETCH(QString, object);
        Witnesses w;
        auto body = scenario.isEmpty() ? witnessedBody(w) : bodyFor(this->scenario(scenario));
        RunConfig config;
        runToEnd(b_, config, body);
        const ObjectId target = b_.findObject(object.toStdString());
        QVERIFY(target != kNoObject);
        checkBreakpoints(config, body, StopRequest{.breakObject = target},
                         [target](const TraceEvent& e) { return e.object == target; });
    }

    void breakOnActor_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("actor");
        QTest::newRow("race-counter-sleep T2") << "race-counter-sleep" << "T2";
        QTest::newRow("race-counter-sleep MainThread") << "race-counter-sleep" << "MainThread";
        QTest::newRow("witnessed consumer") << "" << "consumer";
        QTest::newRow("witnessed spinner") << "" << "spinner";
    }
    void breakOnActor() {
        QFETCH(QString, scenario);
        QFETCH(QString, actor);
        Witnesses w;
        auto body = scenario.isEmpty() ? witnessedBody(w) : bodyFor(this->scenario(scenario));
        RunConfig config;
        runToEnd(b_, config, body);
        const ActorId target = b_.findActor(actor.toStdString());
        QVERIFY(target != kNoActor);
        checkBreakpoints(config, body, StopRequest{.breakActor = target},
                         [target](const TraceEvent& e) { return e.actor == target && e.op != Op::Switch; });
    }

    void breakOnDeadlock_data() {
        QTest::addColumn<bool>("bystander");  // a thread that goes on after the cycle closes
        QTest::newRow("everyone stuck") << false;
        QTest::newRow("a bystander goes on") << true;
    }
    void breakOnDeadlock() {
        QFETCH(bool, bystander);
        auto body = [bystander] {
            Lock a("lock_a"), b("lock_b");
            Thread t1([a, b]() mutable { With ha(a); sleep(100ms); With hb(b); }, {.name = "T1"});
            Thread t2([a, b]() mutable { With hb(b); sleep(200ms); With ha(a); }, {.name = "T2"});
            Thread t3([] { for (int i = 0; i < 5; ++i) sleep(100ms); }, {.name = "T3"});
            t1.start();
            t2.start();
            if (bystander) t3.start();
            t1.join();
        };
        Execution ex(pool_, a_, {}, body);
        const StopInfo stop = ex.advance(StopRequest{.onDeadlock = true});
        QVERIFY(!a_.cycles().empty());
        QCOMPARE(a_.cycles().front().step, stop.step);
        if (bystander) {
            // The run goes on (T3 still sleeps), so the controller gets the deadlock as a pause.
            QCOMPARE(stop.reason, StopReason::Deadlock);
            QVERIFY(!ex.ended());
            QCOMPARE(ex.advance().reason, StopReason::Ended);
        } else {
            // Nobody can run any more: the run ends right at the deadlock.
            QVERIFY(stop.reason == StopReason::Deadlock || stop.reason == StopReason::Ended);
            if (stop.reason != StopReason::Ended) QCOMPARE(ex.advance().reason, StopReason::Ended);
        }
        ex.teardown();
        QCOMPARE(a_.outcome().status, RunStatus::Deadlock);
        const auto deadlockEvents = [&] {
            int n = 0;
            for (std::size_t i = 0; i < a_.eventCount(); ++i) n += a_.event(i).op == Op::Deadlock;
            return n;
        }();
        QCOMPARE(deadlockEvents, 1);
    }

    // ---------------------------------------------------------------------------------------------------
    // Choices: manual policy and forced schedules

    void manualPolicy_data() { addScenarioRows(); }
    void manualPolicy() {
        QFETCH(QString, scenario);
        const auto& s = this->scenario(scenario);
        RunConfig config = configFor(s, PolicyKind::Manual, 1);
        Execution ex(pool_, a_, config, bodyFor(s));
        std::vector<Decision> made;
        int turn = 0;
        Watchdog watchdog(60s);
        for (;;) {
            const StopInfo stop = ex.advance();
            if (stop.reason == StopReason::Ended) break;
            QCOMPARE(stop.reason, StopReason::NeedChoice);
            const std::vector<ActorId> candidates = ex.pendingCandidates();
            QVERIFY(candidates.size() > 1);
            // Not a candidate: refused.
            ActorId outsider = 0;
            while (std::find(candidates.begin(), candidates.end(), outsider) != candidates.end()) ++outsider;
            QVERIFY(!ex.chooseNext(outsider));
            // Take turns through the candidates so that the run differs from what a policy would do.
            const ActorId pick = candidates[static_cast<std::size_t>(++turn) % candidates.size()];
            QVERIFY(ex.chooseNext(pick));
            made.push_back(Decision{stop.step, pick});
            QVERIFY2(made.size() < 100'000, "manual run does not end");
        }
        ex.teardown();
        QVERIFY(a_.outcome().status != RunStatus::Error);
        const std::vector<Decision> recorded = a_.decisions();
        QCOMPARE(recorded.size(), made.size());
        for (std::size_t i = 0; i < made.size(); ++i) {
            QCOMPARE(recorded[i].chosen, made[i].chosen);
            QCOMPARE(recorded[i].step, made[i].step);
        }
    }

    // A random run's decisions, given back as RunConfig::schedule to another policy, replay it exactly.
    void forcedScheduleReplays_data() { addScenarioRows(); }
    void forcedScheduleReplays() {
        QFETCH(QString, scenario);
        const auto& s = this->scenario(scenario);
        for (std::uint64_t seed : {3u, 77u}) {
            const RunOutcome& random = runToEnd(b_, configFor(s, PolicyKind::Random, seed), bodyFor(s));
            QVERIFY(random.status != RunStatus::Error);
            RunConfig replay = configFor(s, PolicyKind::RoundRobin, seed);
            std::map<std::string, int> names;
            for (ActorId a = 0; a < b_.actorCount(); ++a) ++names[b_.actor(a).name];
            for (const Decision& d : b_.decisions()) {
                const std::string& name = b_.actor(d.chosen).name;
                replay.schedule.push_back(names[name] == 1 ? name : std::to_string(d.chosen));
            }
            runToEnd(a_, replay, bodyFor(s));
            const QString diff = traceDiff(a_, b_);
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(diff)));
        }
    }

    void forcedScheduleByName() {
        const auto& s = scenario("race-counter-sleep");
        RunConfig config = configFor(s, PolicyKind::RoundRobin, 1);
        runToEnd(b_, config, bodyFor(s));
        QVERIFY(!b_.decisions().empty());
        QCOMPARE(b_.decisions().front().chosen, ActorId(0));  // round-robin lets main go on after start()
        config.schedule = {"T1"};
        const RunOutcome& o = runToEnd(a_, config, bodyFor(s));
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(qs(a_.actor(a_.decisions().front().chosen).name), QStringLiteral("T1"));
    }

    void forcedScheduleWrongName_data() {
        QTest::addColumn<QStringList>("schedule");
        QTest::addColumn<QStringList>("messageParts");
        QTest::newRow("no such thread") << QStringList{"Nobody"}
                                        << QStringList{"entry 1", "'Nobody'", "MainThread, T1"};
        QTest::newRow("cannot run") << QStringList{"T1", "T1", "T1"}
                                    << QStringList{"entry 3", "'T1'", "cannot run", "MainThread, T2"};
    }
    void forcedScheduleWrongName() {
        QFETCH(QStringList, schedule);
        QFETCH(QStringList, messageParts);
        RunConfig config;
        for (const QString& n : schedule) config.schedule.push_back(n.toStdString());
        const RunOutcome& o = runToEnd(a_, config, [] {
            Event ev("ev");
            Thread t1([ev]() mutable { ev.wait(); }, {.name = "T1"});
            Thread t2([] {}, {.name = "T2"});
            t1.start();  // decision 1: MainThread or T1
            t2.start();  // (T1 took decision 2 and now waits) decision 3: MainThread or T2
            ev.set();
            t1.join();
            t2.join();
        });
        QCOMPARE(o.status, RunStatus::Error);
        for (const QString& part : messageParts)
            QVERIFY2(qs(o.message).contains(part), qPrintable(qs(o.message) + " lacks " + part));
        QCOMPARE(a_.outcome().status, RunStatus::Error);
    }

    // ---------------------------------------------------------------------------------------------------
    // How runs end

    void stepLimit_data() {
        QTest::addColumn<quint32>("limit");
        QTest::newRow("1") << 1u;
        QTest::newRow("5") << 5u;
        QTest::newRow("12") << 12u;
    }
    void stepLimit() {
        QFETCH(quint32, limit);
        const auto& s = scenario("race-counter-sleep");
        RunConfig config = configFor(s, PolicyKind::RoundRobin, 1);
        config.maxSteps = limit;
        const RunOutcome& o = runToEnd(a_, config, bodyFor(s));
        QCOMPARE(o.status, RunStatus::StepLimit);
        QCOMPARE(o.steps, limit);
        QCOMPARE(a_.stepCount(), limit);
        QVERIFY2(qs(o.message).contains(QString::number(limit)), o.message.c_str());
        QCOMPARE(a_.actor(0).endState, EndState::Running);
    }

    void deadlock_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::newRow("rr") << PolicyKind::RoundRobin;
        QTest::newRow("coop") << PolicyKind::Cooperative;
        QTest::newRow("random") << PolicyKind::Random;
    }
    void deadlock() {
        QFETCH(PolicyKind, policy);
        RunConfig config;
        config.policy = policy;
        const RunOutcome& o = runToEnd(a_, config, [] {
            Lock a("lock_a"), b("lock_b");
            Thread t1([a, b]() mutable { With ha(a); sleep(100ms); With hb(b); }, {.name = "T1"});
            Thread t2([a, b]() mutable { With hb(b); sleep(100ms); With ha(a); }, {.name = "T2"});
            t1.start();
            t2.start();
            t1.join();
            t2.join();
        });
        QCOMPARE(o.status, RunStatus::Deadlock);
        QVERIFY(o.deadlockCycle >= 0);
        QVERIFY(o.deadlockCycle < static_cast<int>(a_.cycles().size()));
        const DeadlockCycle& cycle = a_.cycles()[static_cast<std::size_t>(o.deadlockCycle)];
        QCOMPARE(cycle.actors.size(), std::size_t(2));
        QCOMPARE(cycle.objects.size(), std::size_t(2));
        std::map<QString, QString> waitsFor;
        for (std::size_t i = 0; i < cycle.actors.size(); ++i)
            waitsFor[qs(a_.actor(cycle.actors[i]).name)] = qs(a_.object(cycle.objects[i]).name);
        QCOMPARE(waitsFor, (std::map<QString, QString>{{"T1", "lock_b"}, {"T2", "lock_a"}}));
        QCOMPARE(o.endTime, Nanos(100'000'000));
        QCOMPARE(a_.actor(a_.findActor("T1")).endState, EndState::Blocked);
        QCOMPARE(a_.actor(a_.findActor("T2")).endState, EndState::Blocked);
        QCOMPARE(a_.actor(0).endState, EndState::Blocked);  // joining T1
    }

    void stuck() {
        const RunOutcome& o = runToEnd(a_, {}, [] {
            Event never("never");
            Thread t([never]() mutable { never.wait(); }, {.name = "T1"});
            t.start();
            t.join();
        });
        QCOMPARE(o.status, RunStatus::Stuck);
        QVERIFY(a_.cycles().empty());
        QCOMPARE(o.deadlockCycle, -1);
        QCOMPARE(a_.actor(a_.findActor("T1")).endState, EndState::Blocked);
        QCOMPARE(a_.actor(0).endState, EndState::Blocked);
    }

    void finishedScenariosEndCleanly_data() { addScenarioRows(); }
    void finishedScenariosEndCleanly() {
        QFETCH(QString, scenario);
        const auto& s = this->scenario(scenario);
        const RunOutcome& o = runToEnd(a_, configFor(s, s.defaults.policy, s.defaults.seed), bodyFor(s));
        QVERIFY2(o.status != RunStatus::Error && o.status != RunStatus::StepLimit && o.status != RunStatus::Aborted,
                 qPrintable(qs(runStatusName(o.status)) + " " + qs(o.message)));
        QCOMPARE(o.steps, a_.stepCount());
        // Time never goes backwards and every event belongs to a known actor.
        Nanos last = 0;
        for (std::size_t i = 0; i < a_.eventCount(); ++i) {
            const TraceEvent& e = a_.event(i);
            QVERIFY(e.time >= last);
            last = e.time;
            QVERIFY(e.actor < a_.actorCount());
        }
        QCOMPARE(o.endTime, last);
        for (ActorId a = 0; a < a_.actorCount(); ++a)
            QVERIFY2(a_.actor(a).endState != EndState::Running, a_.actor(a).name.c_str());
    }

    // ---------------------------------------------------------------------------------------------------
    // Exploration

    void exploreRaceCounter() {
        const auto& s = scenario("race-counter-sleep");
        Explorer explorer(pool_);
        const ExploreResult r = explorer.exploreRandom(s.id, bodyFor(s), configFor(s, PolicyKind::Random, 1), 200, 1);
        QCOMPARE(r.runs, 200);
        QSet<QString> values;
        int total = 0;
        for (const ExploreOutcome& o : r.outcomes) {
            QCOMPARE(o.status, RunStatus::Finished);
            for (const auto& [name, value] : o.shared)
                if (name == "counter") values.insert(qs(value));
            total += o.count;
            QVERIFY(!o.replay.empty());
        }
        QCOMPARE(total, 200);
        QCOMPARE(values, (QSet<QString>{"10", "20"}));
        // Each outcome's replay token reproduces it.
        for (const ExploreOutcome& o : r.outcomes) {
            std::string id, error;
            RunConfig config;
            QVERIFY2(decodeReplayToken(o.replay, id, config, error), error.c_str());
            QCOMPARE(qs(id), qs(s.id));
            const RunOutcome& replayed = runToEnd(a_, config, bodyFor(s));
            QCOMPARE(replayed.status, o.status);
            QStringList got, want;
            for (const FinalValue& v : replayed.shared) got << qs(a_.object(v.object).name) + "=" + qs(v.text);
            for (const auto& [name, value] : o.shared) want << qs(name) + "=" + qs(value);
            got.sort();
            want.sort();
            QCOMPARE(got, want);
        }
    }

    void exploreDeadlockOrdered() {
        const scenarios::Scenario* s = scenarios::find("deadlock-ordered");
        if (!s) QSKIP("deadlock-ordered is not in the registry");
        Explorer explorer(pool_);
        const ExploreResult r = explorer.exploreRandom(s->id, bodyFor(*s), configFor(*s, PolicyKind::Random, 1), 1000, 1);
        QCOMPARE(r.runs, 1000);
        for (const ExploreOutcome& o : r.outcomes)
            QVERIFY2(o.status == RunStatus::Finished, o.key.c_str());
    }

    // The counterpart: two locks taken in opposite orders do deadlock under some schedules.
    void exploreDeadlockTwoLocks() {
        const scenarios::Scenario* s = scenarios::find("deadlock-two-locks");
        if (!s) QSKIP("deadlock-two-locks is not in the registry");
        Explorer explorer(pool_);
        const ExploreResult r = explorer.exploreRandom(s->id, bodyFor(*s), configFor(*s, PolicyKind::Random, 1), 200, 1);
        bool deadlocked = false;
        for (const ExploreOutcome& o : r.outcomes) deadlocked = deadlocked || o.status == RunStatus::Deadlock;
        QVERIFY(deadlocked);
    }

private:
    // Runs `body` with `request` until the end, and checks that it paused exactly after the stretches of
    // the trace that contain an event `hits` matches, and that pausing changed nothing.
    void checkBreakpoints(const RunConfig& config, const std::function<void()>& body, const StopRequest& request,
                          const std::function<bool(const TraceEvent&)>& hits) {
        Execution ex(pool_, a_, config, body);
        std::size_t from = 0;
        std::set<std::uint32_t> pauses;
        for (;;) {
            const StopInfo stop = ex.advance(request);
            const std::size_t to = a_.eventCount();
            bool hit = false;
            for (std::size_t i = from; i < to; ++i) hit = hit || hits(a_.event(i));
            if (stop.reason == StopReason::Ended) break;
            QCOMPARE(stop.reason, StopReason::Breakpoint);
            QVERIFY2(hit, qPrintable(QStringLiteral("paused at step %1 with no matching event since the last pause").arg(stop.step)));
            pauses.insert(stop.step);
            from = to;
        }
        ex.teardown();
        QVERIFY(!pauses.empty());
        // No matching event is passed over: the run pauses at the end of its step, or of the next one when
        // the event came after that step's scheduling point (an object's creation, a context switch).
        const std::uint32_t last = a_.stepCount();
        for (std::size_t i = 0; i < a_.eventCount(); ++i) {
            if (!hits(a_.event(i))) continue;
            const std::uint32_t s = a_.stepOfEvent(i);
            if (s + 1 >= last) continue;  // the run may end before it reaches another scheduling point
            QVERIFY2(pauses.count(s) || pauses.count(s + 1),
                     qPrintable(QStringLiteral("event %1 (%2, step %3) did not pause the run").arg(i).arg(qs(opName(a_.event(i).op))).arg(s)));
        }
        const QString diff = traceDiff(a_, b_);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

#define main lockstepQTestMain
QTEST_APPLESS_MAIN(TestEngine)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_engine.moc"
