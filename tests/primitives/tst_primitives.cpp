// Semantics of every instrumented primitive, checked against what CPython's threading/queue modules do.
// Each test runs a small scenario body under the engine and asserts on what a learner would observe: the
// printed lines (with thread name and virtual time), the trace events, the final values and end states.

// Qt's `slots`/`signals` keywords would clash with engine names (SemaphoreObject::slots()).
#define QT_NO_KEYWORDS
#include "common/TestMain.h"
#include <QtTest>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lockstep/Api.h"
#include "lockstep/Barrier.h"
#include "lockstep/Condition.h"
#include "lockstep/Event.h"
#include "lockstep/Execution.h"
#include "lockstep/Lock.h"
#include "lockstep/Queue.h"
#include "lockstep/Semaphore.h"
#include "lockstep/Shared.h"
#include "lockstep/Thread.h"
#include "lockstep/ThreadLocal.h"
#include "lockstep/Timer.h"

using namespace lockstep;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(lockstep::PolicyKind)
Q_DECLARE_METATYPE(lockstep::EndState)

// Readable failure messages for the engine's enums (QTest finds these by argument-dependent lookup).
namespace lockstep {
char* toString(RunStatus s) { return qstrdup(std::string(runStatusName(s)).c_str()); }
char* toString(EndState s) { return qstrdup(std::string(endStateName(s)).c_str()); }
char* toString(Op op) { return qstrdup(std::string(opName(op)).c_str()); }
char* toString(Result r) { return qstrdup(std::string(resultName(r)).c_str()); }
char* toString(ObjectKind k) { return qstrdup(std::string(objectKindName(k)).c_str()); }
}  // namespace lockstep

namespace {

constexpr Nanos kSecond = 1'000'000'000;

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// "[1.000 T1] text": what print() wrote to stdout, with the virtual time and the printing thread.
QStringList printed(const Trace& t) {
    QStringList out;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op != Op::Print || (e.flags & TraceEvent::ToStderr)) continue;
        out << QStringLiteral("[%1 %2] %3")
                   .arg(QString::number(toSeconds(e.time), 'f', 3), qs(t.actor(e.actor).name), qs(t.argText(e)));
    }
    return out;
}

// What went to stderr (uncaught exceptions' reports).
QStringList printedToStderr(const Trace& t) {
    QStringList out;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op == Op::Print && (e.flags & TraceEvent::ToStderr)) out << qs(t.argText(e));
    }
    return out;
}

std::vector<TraceEvent> eventsWhere(const Trace& t, const std::function<bool(const TraceEvent&)>& pred) {
    std::vector<TraceEvent> out;
    for (std::size_t i = 0; i < t.eventCount(); ++i)
        if (pred(t.event(i))) out.push_back(t.event(i));
    return out;
}



std::vector<TraceEvent> eventsOn(const Trace& t, const std::string& object, Op op) {
    const ObjectId o = t.findObject(object);
    return eventsWhere(t, [&](const TraceEvent& e) { return e.object == o && e.op == op; });
}

// The Raise events' texts ("RuntimeError: release unlocked lock").
QStringList raised(const Trace& t) {
    QStringList out;
    for (const TraceEvent& e : eventsWhere(t, [](const TraceEvent& e) { return e.op == Op::Raise; }))
        out << qs(t.argText(e));
    return out;
}

Nanos nowNs() { return Execution::current().now(); }

}  // namespace

class TestPrimitives : public QObject {
    Q_OBJECT

private:
    WorkerPool pool_;
    Trace trace_;

    const RunOutcome& run(std::function<void()> body, RunConfig config = {}) {
        Execution ex(pool_, trace_, std::move(config), std::move(body));
        ex.runToEnd();
        return trace_.outcome();
    }
    EndState endOf(const std::string& actor) const { return trace_.actor(trace_.findActor(actor)).endState; }

private Q_SLOTS:
    // ---------------------------------------------------------------------------------------------------
    // Thread

    void threadStartAndJoin() {
        const RunOutcome& o = run([] {
            Thread t([] { print("hello from", current_thread().name); }, {.name = "T1"});
            print("before start alive:", t.is_alive());
            t.start();
            print("after start alive:", t.is_alive());
            t.join();
            print("after join alive:", t.is_alive());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[0.000 MainThread] before start alive: False",
                                               "[0.000 MainThread] after start alive: True",
                                               "[0.000 T1] hello from T1", "[0.000 MainThread] after join alive: False"}));
        const ActorId t1 = trace_.findActor("T1");
        const ObjectId t1Object = trace_.findObject("T1");
        QVERIFY(t1 != kNoActor);
        QCOMPARE(trace_.actor(t1).threadObject, t1Object);
        QCOMPARE(trace_.actor(t1).parent, ActorId(0));
        const auto starts = eventsOn(trace_, "T1", Op::Start);
        QCOMPARE(starts.size(), std::size_t(1));
        QCOMPARE(starts[0].actor, ActorId(0));
        QCOMPARE(starts[0].arg, std::int32_t(t1));
        const auto runs = eventsOn(trace_, "T1", Op::Run);
        QCOMPARE(runs.size(), std::size_t(2));
        QCOMPARE(runs[0].result, Result::Started);
        QCOMPARE(runs[1].result, Result::Done);
        QCOMPARE(endOf("T1"), EndState::Finished);
        QCOMPARE(endOf("MainThread"), EndState::Finished);
    }

    void threadStartTwice() {
        const RunOutcome& o = run([] {
            Thread t([] {}, {.name = "T1"});
            t.start();
            try {
                t.start();
                print("no error");
            } catch (const RuntimeError& e) {
                print(e.describe());
            }
            t.join();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), QStringList{"[0.000 MainThread] RuntimeError: threads can only be started once"});
        QCOMPARE(raised(trace_), QStringList{"RuntimeError: threads can only be started once"});
        const auto raises = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Raise; });
        QCOMPARE(raises[0].object, trace_.findObject("T1"));
        QCOMPARE(raises[0].result, Result::Error);
        QCOMPARE(eventsOn(trace_, "T1", Op::Start).size(), std::size_t(1));
    }

    void threadJoinErrors_data() {
        QTest::addColumn<bool>("self");
        QTest::addColumn<QString>("message");
        QTest::newRow("before start") << false << "RuntimeError: cannot join thread before it is started";
        QTest::newRow("current thread") << true << "RuntimeError: cannot join current thread";
    }
    void threadJoinErrors() {
        QFETCH(bool, self);
        QFETCH(QString, message);
        const RunOutcome& o = run([self] {
            std::optional<Thread> holder;  // the thread's own handle, so that it can join itself
            Thread t(
                [&holder] {
                    try {
                        holder->join();
                    } catch (const RuntimeError& e) {
                        print(e.describe());
                    }
                },
                {.name = "T1"});
            holder = t;
            if (self) {
                t.start();
                t.join();
            } else {
                try {
                    t.join();
                } catch (const RuntimeError& e) {
                    print(e.describe());
                }
            }
        });
        QCOMPARE(o.status, RunStatus::Finished);
        const QString who = self ? "T1" : "MainThread";
        QCOMPARE(printed(trace_), QStringList{"[0.000 " + who + "] " + message});
        QCOMPARE(raised(trace_), QStringList{message});
    }

    void threadJoinTimeout_data() {
        QTest::addColumn<qint64>("timeoutMs");
        QTest::newRow("1 s") << qint64(1000);
        QTest::newRow("2.5 s") << qint64(2500);
        QTest::newRow("0 s") << qint64(0);
    }
    void threadJoinTimeout() {
        QFETCH(qint64, timeoutMs);
        const RunOutcome& o = run([timeoutMs] {
            Thread t([] { sleep(5s); }, {.name = "T1"});
            t.start();
            t.join(std::chrono::milliseconds(timeoutMs));
            print("timed join returned, alive:", t.is_alive());
            t.join();
            print("join returned, alive:", t.is_alive());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        const QString at = QString::number(timeoutMs / 1000.0, 'f', 3);
        QCOMPARE(printed(trace_), (QStringList{"[" + at + " MainThread] timed join returned, alive: True",
                                               "[5.000 MainThread] join returned, alive: False"}));
        const auto joins = eventsOn(trace_, "T1", Op::Join);
        const auto timeouts = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Join && e.result == Result::Timeout; });
        QCOMPARE(timeouts.size(), std::size_t(1));
        QCOMPARE(timeouts[0].time, Nanos(timeoutMs) * 1'000'000);
        QCOMPARE(timeouts[0].actor, ActorId(0));
        QVERIFY(!joins.empty());
        QCOMPARE(joins.front().result, Result::Blocked);
        QVERIFY(joins.front().flags & TraceEvent::HasTimeout);
        QCOMPARE(o.endTime, 5 * kSecond);
    }

    void daemonThread_data() {
        QTest::addColumn<bool>("daemon");
        QTest::addColumn<qint64>("endMs");
        QTest::addColumn<EndState>("workerEnd");
        QTest::newRow("daemon") << true << qint64(2500) << EndState::Killed;
        QTest::newRow("not daemon") << false << qint64(10000) << EndState::Finished;
    }
    void daemonThread() {
        QFETCH(bool, daemon);
        QFETCH(qint64, endMs);
        QFETCH(EndState, workerEnd);
        const RunOutcome& o = run([daemon] {
            Thread t(
                [daemon] {
                    // A daemon loops forever; a non-daemon thread sleeps 10 s once and ends.
                    do {
                        sleep(1s);
                    } while (daemon);
                    sleep(9s);
                },
                {.name = "D", .daemon = daemon});
            t.start();
            sleep(2500ms);
            print("main ends");
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(o.endTime, Nanos(endMs) * 1'000'000);
        QCOMPARE(trace_.actor(trace_.findActor("D")).daemon, daemon);
        QCOMPARE(endOf("D"), workerEnd);
        QCOMPARE(endOf("MainThread"), EndState::Finished);
        QCOMPARE(printed(trace_), QStringList{"[2.500 MainThread] main ends"});
    }

    void defaultThreadNames() {
        const RunOutcome& o = run([] {
            std::vector<Thread> threads;
            threads.emplace_back([] { print(current_thread().name); });
            threads.emplace_back([] { print(current_thread().name); });
            threads.emplace_back([] { print(current_thread().name); }, ThreadOptions{.name = "worker"});
            threads.emplace_back([] { print(current_thread().name); });
            for (Thread& t : threads) {
                t.start();
                t.join();
            }
            for (Thread& t : threads) print(t.name());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        const QStringList names{"Thread-1", "Thread-2", "worker", "Thread-3"};
        QStringList expected;
        for (const QString& n : names) expected << "[0.000 " + n + "] " + n;
        for (const QString& n : names) expected << "[0.000 MainThread] " + n;
        QCOMPARE(printed(trace_), expected);
        QCOMPARE(trace_.actorCount(), std::size_t(5));
        for (int i = 0; i < names.size(); ++i)
            QCOMPARE(qs(trace_.actor(static_cast<ActorId>(i + 1)).name), names[i]);
    }

    // ---------------------------------------------------------------------------------------------------
    // Lock

    void lockAcquireRelease() {
        const RunOutcome& o = run([] {
            Lock lock("lock");
            print("locked:", lock.locked());
            print("acquire:", lock.acquire());
            print("locked:", lock.locked());
            lock.release();
            print("locked:", lock.locked());
            {
                With guard(lock);
                print("in with, locked:", lock.locked());
            }
            print("after with, locked:", lock.locked());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[0.000 MainThread] locked: False", "[0.000 MainThread] acquire: True",
                                               "[0.000 MainThread] locked: True", "[0.000 MainThread] locked: False",
                                               "[0.000 MainThread] in with, locked: True",
                                               "[0.000 MainThread] after with, locked: False"}));
        const auto acquires = eventsOn(trace_, "lock", Op::Acquire);
        const auto releases = eventsOn(trace_, "lock", Op::Release);
        QCOMPARE(acquires.size(), std::size_t(2));
        QCOMPARE(releases.size(), std::size_t(2));
        for (const TraceEvent& e : acquires) {
            QCOMPARE(e.result, Result::Acquired);
            QCOMPARE(e.arg, 1);
        }
        for (const TraceEvent& e : releases) {
            QCOMPARE(e.result, Result::Ok);
            QCOMPARE(e.arg, 0);
        }
        QCOMPARE(trace_.object(trace_.findObject("lock")).kind, ObjectKind::Lock);
    }

    void lockNonBlocking() {
        const RunOutcome& o = run([] {
            Lock lock("lock");
            Thread holder(
                [lock]() mutable {
                    lock.acquire();
                    sleep(1s);
                    lock.release();
                },
                {.name = "holder"});
            holder.start();
            sleep(500ms);
            print("try while held:", lock.acquire(false));
            holder.join();
            print("try when free:", lock.acquire(false));
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[0.500 MainThread] try while held: False",
                                               "[1.000 MainThread] try when free: True"}));
        const auto failed = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Acquire && e.result == Result::Failed; });
        QCOMPARE(failed.size(), std::size_t(1));
        QCOMPARE(failed[0].time, kSecond / 2);
        QCOMPARE(failed[0].actor, ActorId(0));
        QVERIFY(eventsWhere(trace_, [](const TraceEvent& e) { return e.result == Result::Blocked && e.op == Op::Acquire; }).empty());
    }

    void lockTimeout_data() {
        QTest::addColumn<qint64>("timeoutMs");
        QTest::addColumn<bool>("acquired");
        QTest::addColumn<qint64>("returnMs");
        QTest::newRow("times out") << qint64(500) << false << qint64(500);
        QTest::newRow("released first") << qint64(3000) << true << qint64(2000);
        QTest::newRow("released at the deadline") << qint64(2000) << false << qint64(2000);
    }
    void lockTimeout() {
        QFETCH(qint64, timeoutMs);
        QFETCH(bool, acquired);
        QFETCH(qint64, returnMs);
        const RunOutcome& o = run([timeoutMs] {
            Lock lock("lock");
            Thread holder(
                [lock]() mutable {
                    lock.acquire();
                    sleep(2s);
                    lock.release();
                },
                {.name = "holder"});
            holder.start();
            sleep(0s);  // let the holder take the lock
            const bool ok = lock.acquire(true, std::chrono::milliseconds(timeoutMs));
            print("acquired:", ok, "at", nowNs());
            holder.join();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), QStringList{QStringLiteral("[%1 MainThread] acquired: %2 at %3")
                                                  .arg(QString::number(returnMs / 1000.0, 'f', 3),
                                                       acquired ? "True" : "False", QString::number(returnMs * 1'000'000))});
        const auto blocked = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Acquire && e.result == Result::Blocked; });
        QCOMPARE(blocked.size(), std::size_t(1));
        QVERIFY(blocked[0].flags & TraceEvent::HasTimeout);
        QCOMPARE(blocked[0].arg, std::int32_t(timeoutMs * 1000));  // microseconds
        const auto timeouts = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Acquire && e.result == Result::Timeout; });
        QCOMPARE(timeouts.size(), std::size_t(acquired ? 0 : 1));
        if (!acquired) QCOMPARE(timeouts[0].time, Nanos(timeoutMs) * 1'000'000);
    }

    void lockBlocksUntilReleased() {
        const RunOutcome& o = run([] {
            Lock lock("lock");
            Thread t1(
                [lock]() mutable {
                    With g(lock);
                    print("T1 has it");
                    sleep(1s);
                },
                {.name = "T1"});
            Thread t2(
                [lock]() mutable {
                    sleep(100ms);
                    With g(lock);
                    print("T2 has it");
                },
                {.name = "T2"});
            t1.start();
            t2.start();
            t1.join();
            t2.join();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[0.000 T1] T1 has it", "[1.000 T2] T2 has it"}));
        const ActorId t2 = trace_.findActor("T2");
        QStringList seq;
        for (const TraceEvent& e : eventsOn(trace_, "lock", Op::Acquire))
            if (e.actor == t2) seq << qs(resultName(e.result)) + "@" + QString::number(toSeconds(e.time));
        QCOMPARE(seq, (QStringList{"blocked@0.1", "woken@1", "acquired@1"}));
    }

    void lockReleaseUnlocked() {
        const RunOutcome& o = run([] {
            Lock lock("lock");
            Thread bad([lock]() mutable { lock.release(); print("not reached"); }, {.name = "T1"});
            Thread good([] { sleep(1s); print("T2 goes on"); }, {.name = "T2"});
            bad.start();
            good.start();
            bad.join();
            good.join();
            print("main goes on");
        });
        QCOMPARE(o.status, RunStatus::Finished);
        const auto raises = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Raise; });
        QCOMPARE(raises.size(), std::size_t(1));
        QCOMPARE(raises[0].actor, trace_.findActor("T1"));
        QCOMPARE(raises[0].object, trace_.findObject("lock"));
        QCOMPARE(raises[0].result, Result::Error);
        QCOMPARE(qs(trace_.argText(raises[0])), QStringLiteral("RuntimeError: release unlocked lock"));
        QCOMPARE(printedToStderr(trace_), QStringList{"Exception in thread T1:\nRuntimeError: release unlocked lock"});
        const auto errPrint = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Print && (e.flags & TraceEvent::ToStderr); });
        QCOMPARE(errPrint[0].actor, trace_.findActor("T1"));
        QCOMPARE(printed(trace_), (QStringList{"[1.000 T2] T2 goes on", "[1.000 MainThread] main goes on"}));
        QCOMPARE(endOf("T1"), EndState::Error);
        QCOMPARE(endOf("T2"), EndState::Finished);
        QCOMPARE(endOf("MainThread"), EndState::Finished);
        const auto t1Runs = eventsOn(trace_, "T1", Op::Run);
        QCOMPARE(t1Runs.back().result, Result::Error);
    }

    void lockReleasedByAnotherThread() {
        const RunOutcome& o = run([] {
            Lock lock("lock");
            lock.acquire();
            Thread t([lock]() mutable { lock.release(); }, {.name = "T1"});
            t.start();
            t.join();
            print("locked:", lock.locked());
            print("acquire again:", lock.acquire(false));
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QVERIFY(raised(trace_).isEmpty());
        QCOMPARE(printed(trace_), (QStringList{"[0.000 MainThread] locked: False", "[0.000 MainThread] acquire again: True"}));
        const auto releases = eventsOn(trace_, "lock", Op::Release);
        QCOMPARE(releases.size(), std::size_t(1));
        QCOMPARE(releases[0].actor, trace_.findActor("T1"));
    }

    // ---------------------------------------------------------------------------------------------------
    // RLock

    void rlockCount() {
        const RunOutcome& o = run([] {
            RLock lock("rlock");
            for (int i = 0; i < 3; ++i) lock.acquire();
            print("count:", lock.count());
            Thread other([lock]() mutable { print("other gets it:", lock.acquire(false)); }, {.name = "T1"});
            other.start();
            other.join();
            for (int i = 0; i < 3; ++i) {
                lock.release();
                print("count:", lock.count(), "locked:", lock.locked());
            }
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[0.000 MainThread] count: 3", "[0.000 T1] other gets it: False",
                                               "[0.000 MainThread] count: 2 locked: True",
                                               "[0.000 MainThread] count: 1 locked: True",
                                               "[0.000 MainThread] count: 0 locked: False"}));
        QList<int> acquireArgs, releaseArgs;
        for (const TraceEvent& e : eventsOn(trace_, "rlock", Op::Acquire))
            if (e.result == Result::Acquired) acquireArgs << e.arg;
        for (const TraceEvent& e : eventsOn(trace_, "rlock", Op::Release)) releaseArgs << e.arg;
        QCOMPARE(acquireArgs, (QList<int>{1, 2, 3}));
        QCOMPARE(releaseArgs, (QList<int>{2, 1, 0}));
        QCOMPARE(trace_.object(trace_.findObject("rlock")).kind, ObjectKind::RLock);
    }

    void rlockReleaseByNonOwner_data() {
        QTest::addColumn<bool>("heldByMain");
        QTest::newRow("held by another thread") << true;
        QTest::newRow("not held at all") << false;
    }
    void rlockReleaseByNonOwner() {
        QFETCH(bool, heldByMain);
        const RunOutcome& o = run([heldByMain] {
            RLock lock("rlock");
            if (heldByMain) lock.acquire();
            Thread t(
                [lock]() mutable {
                    try {
                        lock.release();
                    } catch (const RuntimeError& e) {
                        print(e.describe());
                    }
                },
                {.name = "T1"});
            t.start();
            t.join();
            print("count:", lock.count());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[0.000 T1] RuntimeError: cannot release un-acquired lock",
                                               QStringLiteral("[0.000 MainThread] count: %1").arg(heldByMain ? 1 : 0)}));
        QCOMPARE(raised(trace_), QStringList{"RuntimeError: cannot release un-acquired lock"});
    }

    // ---------------------------------------------------------------------------------------------------
    // Semaphore, BoundedSemaphore

    void semaphoreValueAndSlots() {
        const RunOutcome& o = run([] {
            Semaphore sem(3, "sem");
            print("value:", sem.value());
            std::vector<Thread> threads;
            for (int i = 0; i < 3; ++i)
                threads.emplace_back(
                    [sem, i]() mutable {
                        sem.acquire();
                        sleep(std::chrono::seconds(1 + i));
                        sem.release();
                    },
                    ThreadOptions{.name = "S" + std::to_string(i)});
            for (Thread& t : threads) t.start();
            sleep(500ms);
            print("value:", sem.value(), "try:", sem.acquire(false));
            sem.acquire();  // blocks until S0 releases at 1 s, then takes S0's slot
            print("value:", sem.value());
            sem.release();
            for (Thread& t : threads) t.join();
            print("value:", sem.value());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[0.000 MainThread] value: 3", "[0.500 MainThread] value: 0 try: False",
                                               "[1.000 MainThread] value: 0", "[3.000 MainThread] value: 3"}));
        QStringList acquires;
        for (const TraceEvent& e : eventsOn(trace_, "sem", Op::Acquire))
            if (e.result == Result::Acquired)
                acquires << qs(trace_.actor(e.actor).name) + ":slot" + QString::number(e.arg) + "@" + QString::number(toSeconds(e.time));
        QCOMPARE(acquires, (QStringList{"S0:slot0@0", "S1:slot1@0", "S2:slot2@0", "MainThread:slot0@1"}));
        QStringList releases;
        for (const TraceEvent& e : eventsOn(trace_, "sem", Op::Release))
            releases << qs(trace_.actor(e.actor).name) + ":slot" + QString::number(e.arg);
        QCOMPARE(releases, (QStringList{"S0:slot0", "MainThread:slot0", "S1:slot1", "S2:slot2"}));
        const auto created = eventsOn(trace_, "sem", Op::Create);
        QCOMPARE(created[0].arg, 3);
        QCOMPARE(trace_.object(trace_.findObject("sem")).param, std::int64_t(3));
    }

    void semaphoreFifoWakeOrder_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::newRow("rr") << PolicyKind::RoundRobin;
        QTest::newRow("coop") << PolicyKind::Cooperative;
    }
    void semaphoreFifoWakeOrder() {
        QFETCH(PolicyKind, policy);
        RunConfig config;
        config.policy = policy;
        const RunOutcome& o = run(
            [] {
                Semaphore sem(0, "sem");
                std::vector<Thread> threads;
                for (const char* name : {"A", "B", "C", "D"})
                    threads.emplace_back([sem]() mutable { sem.acquire(); print("got it"); }, ThreadOptions{.name = name});
                for (Thread& t : threads) {
                    t.start();
                    sleep(10ms);  // each one is blocked before the next starts: the wait queue is A, B, C, D
                }
                for (int i = 0; i < 4; ++i) {
                    sleep(1s);
                    sem.release();
                }
                for (Thread& t : threads) t.join();
            },
            config);
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[1.040 A] got it", "[2.040 B] got it", "[3.040 C] got it", "[4.040 D] got it"}));
        QStringList blocked;
        for (const TraceEvent& e : eventsOn(trace_, "sem", Op::Acquire))
            if (e.result == Result::Blocked) blocked << qs(trace_.actor(e.actor).name);
        QCOMPARE(blocked, (QStringList{"A", "B", "C", "D"}));
    }

    void semaphoreReleaseN() {
        const RunOutcome& o = run([] {
            Semaphore sem(0, "sem");
            std::vector<Thread> threads;
            for (const char* name : {"A", "B", "C"})
                threads.emplace_back([sem]() mutable { sem.acquire(); print("got it"); }, ThreadOptions{.name = name});
            for (Thread& t : threads) t.start();
            sleep(1s);
            sem.release(3);
            for (Thread& t : threads) t.join();
            print("value:", sem.value());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[1.000 A] got it", "[1.000 B] got it", "[1.000 C] got it",
                                               "[1.000 MainThread] value: 0"}));
        const auto releases = eventsOn(trace_, "sem", Op::Release);
        QCOMPARE(releases.size(), std::size_t(3));
        for (const TraceEvent& e : releases) QCOMPARE(e.actor, ActorId(0));
    }

    void semaphoreTimeout_data() {
        QTest::addColumn<qint64>("releaseAtMs");  // -1: nobody releases
        QTest::addColumn<QString>("line");
        QTest::newRow("times out") << qint64(-1) << "[1.500 MainThread] acquired: False";
        QTest::newRow("released in time") << qint64(1000) << "[1.000 MainThread] acquired: True";
        QTest::newRow("released too late") << qint64(2000) << "[1.500 MainThread] acquired: False";
    }
    void semaphoreTimeout() {
        QFETCH(qint64, releaseAtMs);
        QFETCH(QString, line);
        const RunOutcome& o = run([releaseAtMs] {
            Semaphore sem(0, "sem");
            Thread t(
                [sem, releaseAtMs]() mutable {
                    if (releaseAtMs < 0) return;
                    sleep(std::chrono::milliseconds(releaseAtMs));
                    sem.release();
                },
                {.name = "R"});
            t.start();
            print("acquired:", sem.acquire(true, 1500ms));
            try {
                sem.acquire(false, 1s);
            } catch (const ValueError& e) {
                print(e.describe());
            }
            t.join();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_).value(0), line);
        QCOMPARE(printed(trace_).value(1).section("] ", 1), QStringLiteral("ValueError: can't specify timeout for non-blocking acquire"));
        const auto timeouts = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Acquire && e.result == Result::Timeout; });
        QCOMPARE(timeouts.size(), std::size_t(line.endsWith("False") ? 1 : 0));
    }

    void boundedSemaphoreOverRelease_data() {
        QTest::addColumn<bool>("bounded");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("bounded") << true
                                 << QStringList{"[0.000 MainThread] ValueError: Semaphore released too many times",
                                                "[0.000 MainThread] value: 2"};
        QTest::newRow("plain") << false << QStringList{"[0.000 MainThread] value: 3"};
    }
    void boundedSemaphoreOverRelease() {
        QFETCH(bool, bounded);
        QFETCH(QStringList, lines);
        const RunOutcome& o = run([bounded] {
            std::optional<Semaphore> sem;
            if (bounded) sem.emplace(BoundedSemaphore(2, "sem"));
            else sem.emplace(2, "sem");
            sem->acquire();
            sem->release();
            try {
                sem->release();  // one more than was acquired
            } catch (const ValueError& e) {
                print(e.describe());
            }
            print("value:", sem->value());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), lines);
        QCOMPARE(raised(trace_).size(), qsizetype(bounded ? 1 : 0));
        QCOMPARE(trace_.object(trace_.findObject("sem")).kind, bounded ? ObjectKind::BoundedSemaphore : ObjectKind::Semaphore);
    }

    // ---------------------------------------------------------------------------------------------------
    // Event

    void eventSetClear() {
        const RunOutcome& o = run([] {
            Event ev("ev");
            print(ev.is_set());
            ev.set();
            print(ev.is_set());
            print(ev.wait());  // already set: returns at once
            ev.clear();
            print(ev.is_set());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[0.000 MainThread] False", "[0.000 MainThread] True",
                                               "[0.000 MainThread] True", "[0.000 MainThread] False"}));
        QCOMPARE(eventsOn(trace_, "ev", Op::Set).size(), std::size_t(1));
        QCOMPARE(eventsOn(trace_, "ev", Op::Clear).size(), std::size_t(1));
        QCOMPARE(eventsOn(trace_, "ev", Op::Wait).front().result, Result::Ok);
    }

    void eventWaitTimeout_data() {
        QTest::addColumn<qint64>("setAtMs");  // -1: nobody sets it
        QTest::addColumn<QString>("line");
        QTest::newRow("nobody sets it") << qint64(-1) << "[2.000 W] waited: False";
        QTest::newRow("set before the deadline") << qint64(1000) << "[1.000 W] waited: True";
        QTest::newRow("set after the deadline") << qint64(3000) << "[2.000 W] waited: False";
    }
    void eventWaitTimeout() {
        QFETCH(qint64, setAtMs);
        QFETCH(QString, line);
        const RunOutcome& o = run([setAtMs] {
            Event ev("ev");
            Thread w([ev]() mutable { print("waited:", ev.wait(2s)); }, {.name = "W"});
            w.start();
            if (setAtMs >= 0) {
                sleep(std::chrono::milliseconds(setAtMs));
                ev.set();
            }
            w.join();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), QStringList{line});
        const auto timeouts = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Wait && e.result == Result::Timeout; });
        const bool timedOut = setAtMs < 0 || setAtMs > 2000;
        QCOMPARE(timeouts.size(), std::size_t(timedOut ? 1 : 0));
        if (timedOut) QCOMPARE(timeouts[0].time, 2 * kSecond);
    }

    void eventSetWakesAll() {
        const RunOutcome& o = run([] {
            Event ev("ev");
            std::vector<Thread> threads;
            for (const char* name : {"A", "B", "C"})
                threads.emplace_back([ev]() mutable { print("woke:", ev.wait()); }, ThreadOptions{.name = name});
            for (Thread& t : threads) t.start();
            sleep(1s);
            ev.set();
            for (Thread& t : threads) t.join();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[1.000 A] woke: True", "[1.000 B] woke: True", "[1.000 C] woke: True"}));
        const auto sets = eventsOn(trace_, "ev", Op::Set);
        QCOMPARE(sets.size(), std::size_t(1));
        QCOMPARE(sets[0].arg, 3);  // waiters at the time of set()
        int woken = 0;
        for (const TraceEvent& e : eventsOn(trace_, "ev", Op::Wait)) woken += e.result == Result::Woken;
        QCOMPARE(woken, 3);
    }

    // ---------------------------------------------------------------------------------------------------
    // Condition

    void conditionNotify_data() {
        QTest::addColumn<int>("n");  // -1: notify_all
        QTest::addColumn<int>("woken");
        QTest::newRow("notify()") << 1 << 1;
        QTest::newRow("notify(2)") << 2 << 2;
        QTest::newRow("notify(5) with 3 waiting") << 5 << 3;
        QTest::newRow("notify_all()") << -1 << 3;
    }
    void conditionNotify() {
        QFETCH(int, n);
        QFETCH(int, woken);
        const RunOutcome& o = run([n] {
            Condition cv("cv");
            std::vector<Thread> threads;
            for (const char* name : {"A", "B", "C"})
                threads.emplace_back(
                    [cv]() mutable {
                        With g(cv);
                        print("notified:", cv.wait(5s));
                    },
                    ThreadOptions{.name = name});
            for (Thread& t : threads) t.start();
            sleep(1s);
            {
                With g(cv);
                if (n < 0) cv.notify_all();
                else cv.notify(n);
            }
            for (Thread& t : threads) t.join();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QStringList expected;
        const QStringList names{"A", "B", "C"};
        for (int i = 0; i < woken; ++i) expected << "[1.000 " + names[i] + "] notified: True";
        for (int i = woken; i < 3; ++i) expected << "[5.000 " + names[i] + "] notified: False";
        QCOMPARE(printed(trace_), expected);
        const auto notifies = eventsOn(trace_, "cv", n < 0 ? Op::NotifyAll : Op::Notify);
        QCOMPARE(notifies.size(), std::size_t(1));
        QCOMPARE(notifies[0].arg, woken);
    }

    void conditionWaitFor_data() {
        QTest::addColumn<bool>("spuriousNotify");  // notify at 1 s without making the predicate true
        QTest::addColumn<qint64>("readyAtMs");     // -1: never
        QTest::addColumn<QString>("line");
        QTest::newRow("ready at 1 s") << false << qint64(1000) << "[1.000 C] result: True items: 1";
        QTest::newRow("notified early, ready at 2 s") << true << qint64(2000) << "[2.000 C] result: True items: 1";
        QTest::newRow("never ready") << false << qint64(-1) << "[3.000 C] result: False items: 0";
        QTest::newRow("notified early, never ready") << true << qint64(-1) << "[3.000 C] result: False items: 0";
        QTest::newRow("ready too late") << false << qint64(4000) << "[3.000 C] result: False items: 0";
    }
    void conditionWaitFor() {
        QFETCH(bool, spuriousNotify);
        QFETCH(qint64, readyAtMs);
        QFETCH(QString, line);
        const RunOutcome& o = run([spuriousNotify, readyAtMs] {
            Condition cv("cv");
            auto items = std::make_shared<int>(0);
            Thread consumer(
                [cv, items]() mutable {
                    With g(cv);
                    const bool r = cv.wait_for([items] { return *items > 0; }, 3s);
                    print("result:", r, "items:", *items);
                },
                {.name = "C"});
            consumer.start();
            Nanos slept = 0;
            if (spuriousNotify) {
                sleep(1s);
                slept = kSecond;
                With g(cv);
                cv.notify();
            }
            if (readyAtMs >= 0) {
                sleep(std::chrono::nanoseconds(readyAtMs * 1'000'000 - slept));
                With g(cv);
                *items = 1;
                cv.notify();
            }
            consumer.join();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), QStringList{line});
    }

    void conditionWithoutLock_data() {
        QTest::addColumn<int>("what");  // 0 wait, 1 notify, 2 notify_all
        QTest::addColumn<QString>("message");
        QTest::newRow("wait") << 0 << "RuntimeError: cannot wait on un-acquired lock";
        QTest::newRow("notify") << 1 << "RuntimeError: cannot notify on un-acquired lock";
        QTest::newRow("notify_all") << 2 << "RuntimeError: cannot notify on un-acquired lock";
    }
    void conditionWithoutLock() {
        QFETCH(int, what);
        QFETCH(QString, message);
        const RunOutcome& o = run([what] {
            Condition cv("cv");
            try {
                if (what == 0) cv.wait(1s);
                else if (what == 1) cv.notify();
                else cv.notify_all();
                print("no error");
            } catch (const RuntimeError& e) {
                print(e.describe());
            }
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), QStringList{"[0.000 MainThread] " + message});
        const auto raises = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Raise; });
        QCOMPARE(raises.size(), std::size_t(1));
        QCOMPARE(raises[0].object, trace_.findObject("cv"));
        QCOMPARE(o.endTime, Nanos(0));
    }

    void conditionDefaultLockIsRLock() {
        const RunOutcome& o = run([] {
            Condition cv("cv");
            cv.acquire();
            cv.acquire();  // re-entrant: a plain Lock would deadlock here
            Thread notifier(
                [cv]() mutable {
                    sleep(1s);
                    With g(cv);  // wait() released the whole recursion
                    cv.notify();
                },
                {.name = "N"});
            notifier.start();
            print("notified:", cv.wait());
            Lock lock = cv.lock();
            cv.release();
            print("locked after one release:", lock.locked());
            cv.release();
            print("locked after two:", lock.locked());
            notifier.join();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        const ObjectId lockId = trace_.findObject("cv.lock");
        QVERIFY(lockId != kNoObject);
        QCOMPARE(trace_.object(lockId).kind, ObjectKind::RLock);
        QCOMPARE(trace_.object(trace_.findObject("cv")).param, std::int64_t(lockId));
        QCOMPARE(printed(trace_), (QStringList{"[1.000 MainThread] notified: True",
                                               "[1.000 MainThread] locked after one release: True",
                                               "[1.000 MainThread] locked after two: False"}));
        // The trace shows the recursion count the RLock really has: 1, 2 before the wait, 2 again after it.
        QList<int> acquired, released;
        for (const TraceEvent& e : eventsOn(trace_, "cv.lock", Op::Acquire))
            if (e.actor == 0 && e.result == Result::Acquired) acquired << e.arg;
        for (const TraceEvent& e : eventsOn(trace_, "cv.lock", Op::Release))
            if (e.actor == 0) released << e.arg;
        QCOMPARE(acquired, (QList<int>{1, 2, 2}));
        QCOMPARE(released, (QList<int>{0, 1, 0}));
    }

    void conditionOverPlainLock() {
        const RunOutcome& o = run([] {
            Lock lock("mutex");
            Condition cv(lock, "cv");
            auto ready = std::make_shared<bool>(false);
            Thread waiter(
                [cv, ready]() mutable {
                    With g(cv);
                    while (!*ready) cv.wait();
                    print("ready");
                },
                {.name = "W"});
            waiter.start();
            sleep(1s);
            {
                With g(lock);
                *ready = true;
                cv.notify_all();
            }
            waiter.join();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), QStringList{"[1.000 W] ready"});
        QCOMPARE(trace_.object(trace_.findObject("mutex")).kind, ObjectKind::Lock);
    }

    // ---------------------------------------------------------------------------------------------------
    // Queue

    void queueFifo() {
        const RunOutcome& o = run([] {
            Queue<int> q(0, "q");
            Queue<std::string> words(0, "words");
            for (int i = 1; i <= 5; ++i) q.put(i * 10);
            words.put("spam");
            print("qsize:", static_cast<int>(q.qsize()));
            Thread c(
                [q, words]() mutable {
                    std::string got;
                    for (int i = 0; i < 5; ++i) got += (i ? " " : "") + std::to_string(q.get());
                    print(got, words.get());
                },
                {.name = "C"});
            c.start();
            c.join();
            print("empty:", q.empty());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[0.000 MainThread] qsize: 5", "[0.000 C] 10 20 30 40 50 spam",
                                               "[0.000 MainThread] empty: True"}));
        QStringList puts, gets;
        for (const TraceEvent& e : eventsOn(trace_, "q", Op::Put)) puts << qs(trace_.argText(e));
        for (const TraceEvent& e : eventsOn(trace_, "q", Op::Get)) gets << qs(trace_.argText(e));
        QCOMPARE(puts, (QStringList{"10", "20", "30", "40", "50"}));
        QCOMPARE(gets, puts);
        QCOMPARE(qs(trace_.argText(eventsOn(trace_, "words", Op::Put)[0])), QStringLiteral("'spam'"));
    }

    void queueMaxsizeBlocksPut() {
        const RunOutcome& o = run([] {
            Queue<int> q(2, "q");
            Thread producer(
                [q]() mutable {
                    for (int i = 1; i <= 4; ++i) {
                        q.put(i);
                        print("put", i);
                    }
                },
                {.name = "P"});
            producer.start();
            sleep(1s);
            print("full:", q.full(), "qsize:", static_cast<int>(q.qsize()));
            for (int i = 0; i < 4; ++i) {
                print("got", q.get());
                sleep(1s);
            }
            producer.join();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[0.000 P] put 1", "[0.000 P] put 2", "[1.000 MainThread] full: True qsize: 2",
                                               "[1.000 MainThread] got 1", "[1.000 P] put 3", "[2.000 MainThread] got 2",
                                               "[2.000 P] put 4", "[3.000 MainThread] got 3", "[4.000 MainThread] got 4"}));
        const auto created = eventsOn(trace_, "q", Op::Create);
        QCOMPARE(created[0].arg, 2);
        QCOMPARE(trace_.object(trace_.findObject("q")).param, std::int64_t(2));
        int blockedPuts = 0;
        for (const TraceEvent& e : eventsOn(trace_, "q", Op::Put)) blockedPuts += e.result == Result::Blocked;
        QCOMPARE(blockedPuts, 2);
    }

    void queueTimeouts_data() {
        QTest::addColumn<int>("what");  // 0 put(timeout) on full, 1 get(timeout) on empty, 2 put_nowait, 3 get_nowait
        QTest::addColumn<QString>("line");
        QTest::addColumn<qint64>("atMs");
        QTest::newRow("put timeout") << 0 << "queue.Full" << qint64(1500);
        QTest::newRow("get timeout") << 1 << "queue.Empty" << qint64(1500);
        QTest::newRow("put_nowait") << 2 << "queue.Full" << qint64(0);
        QTest::newRow("get_nowait") << 3 << "queue.Empty" << qint64(0);
    }
    void queueTimeouts() {
        QFETCH(int, what);
        QFETCH(QString, line);
        QFETCH(qint64, atMs);
        const RunOutcome& o = run([what] {
            Queue<int> q(1, "q");
            if (what == 0 || what == 2) q.put(1);
            try {
                switch (what) {
                    case 0: q.put(2, true, 1500ms); break;
                    case 1: q.get(true, 1500ms); break;
                    case 2: q.put_nowait(2); break;
                    default: q.get_nowait(); break;
                }
                print("no error");
            } catch (const QueueFull& e) {
                print(e.describe());
            } catch (const QueueEmpty& e) {
                print(e.describe());
            }
            print("qsize:", static_cast<int>(q.qsize()));
        });
        QCOMPARE(o.status, RunStatus::Finished);
        const QString at = QString::number(atMs / 1000.0, 'f', 3);
        const int size = (what == 0 || what == 2) ? 1 : 0;
        QCOMPARE(printed(trace_), (QStringList{"[" + at + " MainThread] " + line,
                                               "[" + at + " MainThread] qsize: " + QString::number(size)}));
        const auto raises = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Raise; });
        QCOMPARE(raises.size(), std::size_t(1));
        QCOMPARE(raises[0].time, Nanos(atMs) * 1'000'000);
        QCOMPARE(raises[0].object, trace_.findObject("q"));
        const Op op = (what == 0 || what == 2) ? Op::Put : Op::Get;
        const Result r = atMs > 0 ? Result::Timeout : Result::Failed;
        QCOMPARE(eventsWhere(trace_, [&](const TraceEvent& e) { return e.op == op && e.result == r; }).size(), std::size_t(1));
    }

    void queueTaskDoneTooManyTimes() {
        const RunOutcome& o = run([] {
            Queue<int> q(0, "q");
            q.put(1);
            q.get();
            q.task_done();
            try {
                q.task_done();
            } catch (const ValueError& e) {
                print(e.describe());
            }
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), QStringList{"[0.000 MainThread] ValueError: task_done() called too many times"});
        QCOMPARE(raised(trace_), QStringList{"ValueError: task_done() called too many times"});
    }

    void queueJoinWaitsForTaskDone() {
        const RunOutcome& o = run([] {
            Queue<int> q(0, "q");
            Thread worker(
                [q]() mutable {
                    for (;;) {
                        const int item = q.get();
                        sleep(1s);
                        print("done", item);
                        q.task_done();
                    }
                },
                {.name = "W", .daemon = true});
            worker.start();
            for (int i = 1; i <= 3; ++i) q.put(i);
            q.join();
            print("all done");
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[1.000 W] done 1", "[2.000 W] done 2", "[3.000 W] done 3",
                                               "[3.000 MainThread] all done"}));
        const auto joins = eventsOn(trace_, "q", Op::QueueJoin);
        QCOMPARE(joins.front().result, Result::Blocked);
        QCOMPARE(joins.back().result, Result::Woken);
        QCOMPARE(joins.back().time, 3 * kSecond);
        QCOMPARE(endOf("W"), EndState::Killed);
    }

    // ---------------------------------------------------------------------------------------------------
    // Barrier

    void barrierIndexAndAction() {
        const RunOutcome& o = run([] {
            Barrier barrier(3, [] { print("action"); }, std::nullopt, "barrier");
            std::vector<Thread> threads;
            for (int i = 0; i < 3; ++i)
                threads.emplace_back(
                    [barrier, i]() mutable {
                        sleep(std::chrono::seconds(2 - i));  // P2 arrives first, P0 last
                        const int index = barrier.wait();
                        print("index", index);
                    },
                    ThreadOptions{.name = "P" + std::to_string(i)});
            for (Thread& t : threads) t.start();
            for (Thread& t : threads) t.join();
            print("broken:", barrier.broken(), "waiting:", barrier.n_waiting());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[2.000 P0] action", "[2.000 P0] index 2", "[2.000 P2] index 0",
                                               "[2.000 P1] index 1", "[2.000 MainThread] broken: False waiting: 0"}));
        QCOMPARE(trace_.object(trace_.findObject("barrier")).param, std::int64_t(3));
    }

    void barrierTimeoutBreaks() {
        const RunOutcome& o = run([] {
            Barrier barrier(3, {}, std::nullopt, "barrier");
            std::vector<Thread> threads;
            for (int i = 0; i < 2; ++i)
                threads.emplace_back(
                    [barrier, i]() mutable {
                        try {
                            barrier.wait(std::chrono::seconds(1 + i));
                            print("passed");
                        } catch (const BrokenBarrierError& e) {
                            print(e.type());
                        }
                    },
                    ThreadOptions{.name = "P" + std::to_string(i)});
            for (Thread& t : threads) t.start();
            for (Thread& t : threads) t.join();
            print("broken:", barrier.broken());
            try {
                barrier.wait();
            } catch (const BrokenBarrierError& e) {
                print("late:", e.type());
            }
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[1.000 P0] threading.BrokenBarrierError",
                                               "[1.000 P1] threading.BrokenBarrierError",
                                               "[1.000 MainThread] broken: True",
                                               "[1.000 MainThread] late: threading.BrokenBarrierError"}));
        const auto raises = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Raise; });
        QCOMPARE(raises.size(), std::size_t(3));
        for (const TraceEvent& e : raises) QCOMPARE(qs(trace_.argText(e)), QStringLiteral("threading.BrokenBarrierError"));
    }

    // ---------------------------------------------------------------------------------------------------
    // Timer

    void timer_data() {
        QTest::addColumn<qint64>("cancelAtMs");  // -1: never cancelled
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<qint64>("endMs");
        QTest::newRow("fires") << qint64(-1) << QStringList{"[2.000 Thread-1] fired"} << qint64(2000);
        QTest::newRow("cancelled") << qint64(1000) << QStringList{} << qint64(1000);
        QTest::newRow("cancelled after firing") << qint64(3000) << QStringList{"[2.000 Thread-1] fired"} << qint64(3000);
    }
    void timer() {
        QFETCH(qint64, cancelAtMs);
        QFETCH(QStringList, lines);
        QFETCH(qint64, endMs);
        const RunOutcome& o = run([cancelAtMs] {
            Timer t(2s, [] { print("fired"); });
            t.start();
            if (cancelAtMs >= 0) {
                sleep(std::chrono::milliseconds(cancelAtMs));
                t.cancel();
            }
            t.join();
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), lines);
        QCOMPARE(o.endTime, Nanos(endMs) * 1'000'000);
    }

    // ---------------------------------------------------------------------------------------------------
    // threading.local

    void threadLocal() {
        const RunOutcome& o = run([] {
            ThreadLocal<std::string> local("local");
            local.set("main");
            std::vector<Thread> threads;
            for (const char* name : {"A", "B", "C"})
                threads.emplace_back(
                    [local]() mutable {
                        print("has before set:", local.has());
                        local.set(current_thread().name);
                        sleep(1s);  // everyone else sets theirs meanwhile
                        print("sees", local.get());
                    },
                    ThreadOptions{.name = name});
            for (Thread& t : threads) t.start();
            for (Thread& t : threads) t.join();
            print("sees", local.get());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[0.000 A] has before set: False", "[0.000 B] has before set: False",
                                               "[0.000 C] has before set: False", "[1.000 A] sees A", "[1.000 B] sees B",
                                               "[1.000 C] sees C", "[1.000 MainThread] sees main"}));
    }

    // ---------------------------------------------------------------------------------------------------
    // Shared<T>

    void sharedLoadStore() {
        const RunOutcome& o = run([] {
            Shared<int> x("x", 7);
            Shared<std::string> s("s", "a");
            Shared<std::int64_t> big("big", 0);
            x.store(x.load() + 1);
            s.store(s.load() + "b");
            big.store(std::int64_t(1) << 40);
        });
        QCOMPARE(o.status, RunStatus::Finished);
        const auto xs = eventsWhere(trace_, [&](const TraceEvent& e) { return e.object == trace_.findObject("x"); });
        QCOMPARE(xs.size(), std::size_t(3));
        QCOMPARE(xs[0].op, Op::Create);
        QCOMPARE(xs[0].arg, 7);
        QCOMPARE(xs[1].op, Op::Load);
        QCOMPARE(xs[1].arg, 7);
        QCOMPARE(xs[2].op, Op::Store);
        QCOMPARE(xs[2].arg, 8);
        for (const TraceEvent& e : xs) QVERIFY(!(e.flags & TraceEvent::ArgIsString));
        QStringList texts;
        for (const TraceEvent& e : eventsWhere(trace_, [&](const TraceEvent& e) { return e.object == trace_.findObject("s"); })) {
            QVERIFY(e.flags & TraceEvent::ArgIsString);
            texts << qs(opName(e.op)) + " " + qs(trace_.argText(e));
        }
        QCOMPARE(texts, (QStringList{"create 'a'", "load 'a'", "store 'ab'"}));
        const auto bigStore = eventsOn(trace_, "big", Op::Store);
        QVERIFY(bigStore[0].flags & TraceEvent::ArgIsString);
        QCOMPARE(qs(trace_.argText(bigStore[0])), QStringLiteral("1099511627776"));
        QStringList finals;
        for (const FinalValue& v : o.shared)
            finals << qs(trace_.object(v.object).name) + "=" + qs(v.text) + (v.numeric ? " (n)" : "");
        QCOMPARE(finals, (QStringList{"x=8 (n)", "s='ab'", "big=1099511627776 (n)"}));
    }

    // Cooperative scheduling never switches between a load and the store after it: no update is lost.
    void sharedUpdateUnderCoop() {
        RunConfig config;
        config.policy = PolicyKind::Cooperative;
        const RunOutcome& o = run(
            [] {
                Shared<int> counter("counter", 0);
                auto add = [counter](int by) mutable { counter.store(counter.load() + by); };
                Thread a([=]() mutable { add(1); }, {.name = "A"});
                Thread b([=]() mutable { add(2); }, {.name = "B"});
                a.start();
                b.start();
                a.join();
                b.join();
            },
            config);
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(o.shared.size(), std::size_t(1));
        QCOMPARE(qs(o.shared[0].text), QStringLiteral("3"));
    }

    // ---------------------------------------------------------------------------------------------------
    // Virtual time, cores, GIL, preemption

    void sleepIsVirtual() {
        const RunOutcome& o = run([] {
            sleep(5s);
            print("slept", monotonic());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(o.endTime, 5 * kSecond);
        QCOMPARE(printed(trace_), QStringList{"[5.000 MainThread] slept 5"});
        const auto sleeps = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Sleep; });
        QCOMPARE(sleeps.size(), std::size_t(2));
        QCOMPARE(sleeps[0].result, Result::Blocked);
        QCOMPARE(sleeps[0].arg, 5'000'000);  // microseconds
        QVERIFY(sleeps[0].flags & TraceEvent::ArgIsMicros);
        QCOMPARE(sleeps[1].result, Result::Woken);
        QCOMPARE(sleeps[1].time, 5 * kSecond);
    }

    void clockIsExactNanoseconds() {
        const RunOutcome& o = run([] {
            using fsec = std::chrono::duration<double>;
            sleep(std::chrono::duration_cast<std::chrono::nanoseconds>(fsec(0.1)));
            sleep(std::chrono::duration_cast<std::chrono::nanoseconds>(fsec(0.2)));
            print(nowNs());
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(o.endTime, Nanos(300'000'000));
        QCOMPARE(printed(trace_), QStringList{"[0.300 MainThread] 300000000"});
        QVERIFY(0.1 + 0.2 != 0.3);  // what integer nanoseconds avoid
    }

    void sleepZeroYields() {
        RunConfig config;
        config.policy = PolicyKind::Cooperative;
        const RunOutcome& o = run(
            [] {
                Thread t([] { print("T1 runs"); }, {.name = "T1"});
                t.start();
                print("before sleep(0)");
                sleep(0s);
                print("after sleep(0)");
                t.join();
            },
            config);
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), (QStringList{"[0.000 MainThread] before sleep(0)", "[0.000 T1] T1 runs",
                                               "[0.000 MainThread] after sleep(0)"}));
    }

    void workOnCores_data() {
        QTest::addColumn<int>("cores");
        QTest::addColumn<bool>("gil");
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<qint64>("endMs");
        QTest::newRow("1 core") << 1 << false << PolicyKind::RoundRobin << qint64(2000);
        QTest::newRow("2 cores") << 2 << false << PolicyKind::RoundRobin << qint64(1000);
        QTest::newRow("4 cores") << 4 << false << PolicyKind::RoundRobin << qint64(1000);
        QTest::newRow("1 core coop") << 1 << false << PolicyKind::Cooperative << qint64(2000);
        QTest::newRow("2 cores coop") << 2 << false << PolicyKind::Cooperative << qint64(1000);
        QTest::newRow("1 core, GIL") << 1 << true << PolicyKind::RoundRobin << qint64(2000);
        QTest::newRow("4 cores, GIL") << 4 << true << PolicyKind::RoundRobin << qint64(2000);
        QTest::newRow("4 cores, GIL, random") << 4 << true << PolicyKind::Random << qint64(2000);
    }
    void workOnCores() {
        QFETCH(int, cores);
        QFETCH(bool, gil);
        QFETCH(PolicyKind, policy);
        QFETCH(qint64, endMs);
        RunConfig config;
        config.cores = cores;
        config.gil = gil;
        config.policy = policy;
        const RunOutcome& o = run(
            [] {
                Thread a([] { work(1s); }, {.name = "A"});
                Thread b([] { work(1s); }, {.name = "B"});
                a.start();
                b.start();
                a.join();
                b.join();
            },
            config);
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(o.endTime, Nanos(endMs) * 1'000'000);
        const ObjectId gilObject = trace_.findObject("GIL");
        QCOMPARE(gilObject != kNoObject, gil);
        if (gil) {
            QCOMPARE(trace_.object(gilObject).kind, ObjectKind::Gil);
            const auto handovers = eventsWhere(trace_, [&](const TraceEvent& e) {
                return e.op == Op::Release && e.object == gilObject && e.result == Result::Handover;
            });
            QVERIFY(!handovers.empty());
            // Nobody computes without the GIL: at most one burst runs at any time.
            int computing = 0, most = 0;
            for (const TraceEvent& e : eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Work; })) {
                if (e.result == Result::Started) most = std::max(most, ++computing);
                if (e.result == Result::Done || e.result == Result::Preempted) --computing;
            }
            QCOMPARE(most, 1);
        }
        // Cores the bursts ran on are within the machine.
        for (const TraceEvent& e : eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Work && e.result == Result::Started; }))
            QVERIFY(e.core < cores);
    }

    void quantumPreemption_data() {
        QTest::addColumn<PolicyKind>("policy");
        QTest::addColumn<bool>("preempted");
        QTest::newRow("rr") << PolicyKind::RoundRobin << true;
        QTest::newRow("random") << PolicyKind::Random << true;
        QTest::newRow("coop") << PolicyKind::Cooperative << false;
    }
    void quantumPreemption() {
        QFETCH(PolicyKind, policy);
        QFETCH(bool, preempted);
        RunConfig config;
        config.policy = policy;
        const RunOutcome& o = run(
            [] {
                Thread a([] { work(100ms); print("A done"); }, {.name = "A"});
                Thread b([] { work(100ms); print("B done"); }, {.name = "B"});
                a.start();
                b.start();
                a.join();
                b.join();
            },
            config);
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(o.endTime, Nanos(200'000'000));
        const auto preemptions = eventsWhere(trace_, [](const TraceEvent& e) { return e.op == Op::Work && e.result == Result::Preempted; });
        QCOMPARE(!preemptions.empty(), preempted);
        if (policy == PolicyKind::RoundRobin) {
            // 10 ms quanta alternate: each burst is cut 9 times except the one that finishes last... both end late.
            for (const TraceEvent& e : preemptions) QCOMPARE(e.time % config.quantum, Nanos(0));
            QCOMPARE(printed(trace_), (QStringList{"[0.190 A] A done", "[0.200 B] B done"}));
        }
        if (policy == PolicyKind::Cooperative)
            QCOMPARE(printed(trace_), (QStringList{"[0.100 A] A done", "[0.200 B] B done"}));
    }

    void workAloneIsNotPreempted() {
        const RunOutcome& o = run([] { work(1s); });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(o.endTime, kSecond);
        QVERIFY(eventsWhere(trace_, [](const TraceEvent& e) { return e.result == Result::Preempted; }).empty());
    }

    // ---------------------------------------------------------------------------------------------------
    // print, randint

    void printSpacing_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("line");
        QTest::newRow("text and int") << 0 << "counter = 30";
        QTest::newRow("bool and none") << 1 << "True False None";
        QTest::newRow("float") << 2 << "x 0.5 2.25";
        QTest::newRow("single") << 3 << "alone";
        QTest::newRow("empty string argument") << 4 << "a  b";
        QTest::newRow("empty string first") << 6 << " x";
        QTest::newRow("no arguments") << 5 << "";
    }
    void printSpacing() {
        QFETCH(int, which);
        QFETCH(QString, line);
        const RunOutcome& o = run([which] {
            switch (which) {
                case 0: print("counter =", 30); break;
                case 1: print(true, false, std::nullopt); break;
                case 2: print("x", 0.5, 2.25); break;
                case 3: print("alone"); break;
                case 4: print("a", "", "b"); break;
                case 6: print("", "x"); break;
                default: print(); break;
            }
        });
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(printed(trace_), QStringList{"[0.000 MainThread] " + line});
    }

    void randintDeterminism() {
        auto draws = [this](std::uint64_t seed) {
            RunConfig config;
            config.seed = seed;
            run(
                [] {
                    std::string s;
                    for (int i = 0; i < 20; ++i) s += (i ? " " : "") + std::to_string(randint(1, 6));
                    print(s);
                },
                config);
            const QStringList lines = printed(trace_);
            return lines.isEmpty() ? QString() : lines.first();
        };
        QSet<QString> distinct;
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            const QString first = draws(seed);
            QCOMPARE(draws(seed), first);
            const QStringList values = first.section("] ", 1).split(' ');
            QCOMPARE(values.size(), 20);
            for (const QString& v : values) QVERIFY2(v.toInt() >= 1 && v.toInt() <= 6, qPrintable(first));
            distinct.insert(first);
        }
        QVERIFY(distinct.size() > 1);
    }
};

#define main lockstepQTestMain
QTEST_APPLESS_MAIN(TestPrimitives)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_primitives.moc"
