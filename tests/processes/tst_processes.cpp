// multiprocessing's engine side: real child processes under the scheduler. Each child is this test binary
// started again in its worker mode, so the targets below run in a separate process with its own memory.

#include "common/TestMain.h"

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include "common/Children.h"
#include "common/ScenarioTrace.h"
#include "lockstep/Api.h"
#include "lockstep/ChromeTraceWriter.h"
#include "lockstep/Execution.h"
#include "lockstep/Thread.h"
#include "lockstep/mp/Multiprocessing.h"

using namespace lockstep;
using namespace lockstep::testing;
using namespace std::chrono_literals;
namespace mp = lockstep::mp;

namespace {

int gPlainGlobal = 0;  // changed by a child: the parent's copy must not change

void greet(const mp::Args& a) {
    line(2);
    print("hello from", mp::current_process().name, "pid", mp::current_process().pid, "arg", a.at(0));
    line(3);
    sleep(std::chrono::seconds(a.at(1).asInt()));
    line(4);
    print("bye from", mp::current_process().name);
}
LOCKSTEP_PROCESS_TARGET(greet);

void bumpGlobal(const mp::Args&) {
    gPlainGlobal += 100;
    print("child sees", gPlainGlobal);
}
LOCKSTEP_PROCESS_TARGET(bumpGlobal);

void producer(const mp::Args& a) {
    mp::Queue q(a.at(0));
    for (std::int64_t i = 0; i < a.at(1).asInt(); ++i) q.put(i);
    q.put(mp::None());
}
LOCKSTEP_PROCESS_TARGET(producer);

void consumer(const mp::Args& a) {
    mp::Queue q(a.at(0));
    for (;;) {
        mp::Obj item = q.get();
        if (item.isNone()) break;
        print("got", item);
    }
}
LOCKSTEP_PROCESS_TARGET(consumer);

// Not pipeReceiver: targets are found by name, and the process scenarios register one of that name.
void receiveOnPipe(const mp::Args& a) {
    mp::Connection c(a.at(0));
    print("received", c.recv());
}
LOCKSTEP_PROCESS_TARGET(receiveOnPipe);

void sendOnPipe(const mp::Args& a) {
    mp::Connection c(a.at(0));
    sleep(2s);
    c.send(mp::Obj(mp::List{"ping", 1}));
}
LOCKSTEP_PROCESS_TARGET(sendOnPipe);

void addUnderLock(const mp::Args& a) {
    mp::Value v(a.at(0));
    mp::Array arr(a.at(1));
    mp::ProcessLock lock = v.get_lock();
    for (int i = 0; i < a.at(2).asInt(); ++i) {
        lock.acquire();
        v.set(v.value().asInt() + 1);
        lock.release();
    }
    for (std::int64_t i = 0; i < arr.size(); ++i) arr.set(i, arr.get(i).asInt() * 2);
}
LOCKSTEP_PROCESS_TARGET(addUnderLock);

void crash(const mp::Args&) {
    print("about to crash");
    std::abort();
}
LOCKSTEP_PROCESS_TARGET(crash);

void raises(const mp::Args&) { throw ValueError("bad input"); }
LOCKSTEP_PROCESS_TARGET(raises);

void exitsWith(const mp::Args& a) { mp::exit(static_cast<int>(a.at(0).asInt())); }
LOCKSTEP_PROCESS_TARGET(exitsWith);

void spins(const mp::Args&) {
    print("spinning");
    for (;;) ::pause();  // never reaches another scheduling point
}
LOCKSTEP_PROCESS_TARGET(spins);

void sleepsLong(const mp::Args&) {
    print("sleeping");
    sleep(100s);
    print("never");
}
LOCKSTEP_PROCESS_TARGET(sleepsLong);

void computes(const mp::Args& a) { work(std::chrono::seconds(a.at(0).asInt())); }
LOCKSTEP_PROCESS_TARGET(computes);

void usesAThread(const mp::Args&) {
    Thread t([] {});
    t.start();
}
LOCKSTEP_PROCESS_TARGET(usesAThread);


}  // namespace

class TestProcesses : public QObject {
    Q_OBJECT

    WorkerPool pool_;

    void runBody(Trace& trace, std::function<void()> body, RunConfig config = {}) {
        Execution ex(pool_, trace, config, std::move(body));
        ex.runToEnd();
    }

private slots:
    void childPrintsThroughTheScheduler() {
        Trace t;
        std::int64_t pid = 0;
        runBody(t, [&] {
            mp::Process p(&greet, {"x", 2}, {.name = "worker"});
            p.start();
            pid = p.pid();
            print("main started", p.name());
            p.join();
            print("main joined, exitcode", p.exitcode());
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(4));
        QCOMPARE(lines[0].text, std::string("main started worker"));
        QCOMPARE(lines[1].actor, std::string("worker"));
        QCOMPARE(lines[1].text, "hello from worker pid " + std::to_string(pid) + " arg x");
        QCOMPARE(lines[2].time, 2 * kSecond);
        QCOMPARE(lines[3].text, std::string("main joined, exitcode 0"));
        QVERIFY(pid != ::getpid());
        const ActorId child = *actorByName(t, "worker");
        QCOMPARE(t.actor(child).pid, pid);
        QCOMPARE(t.actor(child).kind, ActorKind::Process);
        QVERIFY(!processExists(pid));
        QCOMPARE(childCount(), 0);
    }

    void chromeTraceShowsEachChildAsAProcess() {
        Trace t;
        std::int64_t pid = 0;
        runBody(t, [&] {
            mp::Process p(&greet, {"x", 0}, {.name = "worker"});
            p.start();
            pid = p.pid();
            p.join();
        });
        std::ostringstream out;
        writeChromeTrace(t, "test", out);
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(out.str()));
        QVERIFY(doc.isObject());
        QSet<int> childPids;
        bool named = false;
        for (const QJsonValue& v : doc.object()["traceEvents"].toArray()) {
            const QJsonObject e = v.toObject();
            if (e["name"] == "process_name" && e["args"].toObject()["name"] == QString("worker (pid %1)").arg(pid)) {
                named = true;
                childPids.insert(e["pid"].toInt());
            }
        }
        QVERIFY(named);
        // The child's own events are under its process, not the main one's.
        int printsInChild = 0;
        for (const QJsonValue& v : doc.object()["traceEvents"].toArray()) {
            const QJsonObject e = v.toObject();
            if (e["cat"] == "print" && childPids.contains(e["pid"].toInt())) ++printsInChild;
        }
        QCOMPARE(printsInChild, 2);
    }

    void memoryIsSeparate() {
        Trace t;
        gPlainGlobal = 5;
        runBody(t, [&] {
            mp::Process p(&bumpGlobal);
            p.start();
            p.join();
            print("parent sees", gPlainGlobal);
        });
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(2));
        QCOMPARE(lines[0].text, std::string("child sees 100"));  // the child started from the program's own 0
        QCOMPARE(lines[1].text, std::string("parent sees 5"));
    }

    void queueCarriesItemsInOrder() {
        Trace t;
        runBody(t, [&] {
            mp::Queue q;
            mp::Process prod(&producer, {q, 5});
            mp::Process cons(&consumer, {q});
            cons.start();
            prod.start();
            prod.join();
            cons.join();
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(5));
        for (int i = 0; i < 5; ++i) QCOMPARE(lines[i].text, "got " + std::to_string(i));
    }

    void pipeRecvBlocksUntilSend() {
        Trace t;
        runBody(t, [&] {
            auto [a, b] = mp::Pipe();
            mp::Process r(&receiveOnPipe, {a}, {.name = "receiver"});
            mp::Process s(&sendOnPipe, {b}, {.name = "sender"});
            r.start();
            s.start();
            r.join();
            s.join();
        });
        const auto lines = printed(t);
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines[0].text, std::string("received ['ping', 1]"));
        QCOMPARE(lines[0].time, 2 * kSecond);
        QCOMPARE(events(t, Op::Recv, Result::Blocked).size(), std::size_t(1));
    }

    void sharedMemoryIsShared() {
        Trace t;
        runBody(t, [&] {
            mp::Value v('i', 0);
            mp::Array arr('i', mp::List{1, 2, 3});
            mp::Process p1(&addUnderLock, {v, arr, 50});
            mp::Process p2(&addUnderLock, {v, arr, 50});
            p1.start();
            p2.start();
            p1.join();
            p2.join();
            print("value", v.value(), "array", mp::Obj(arr.list()));
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const auto lines = printed(t);
        QCOMPARE(lines.back().text, std::string("value 100 array [4, 8, 12]"));
    }

    void crashIsReportedWithItsExitCode() {
        Trace t;
        runBody(t, [&] {
            mp::Process p(&crash, {}, {.name = "crasher"});
            p.start();
            p.join();
            print("exitcode", p.exitcode());
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        const auto lines = printed(t);
        QCOMPARE(lines.back().text, std::string("exitcode -6"));
        QVERIFY(!printedContaining(t, "was killed by signal 6").empty());
        QCOMPARE(t.actor(*actorByName(t, "crasher")).endState, EndState::Error);
        QCOMPARE(childCount(), 0);
    }

    void raiseAndExitGiveExitCodes() {
        Trace t;
        runBody(t, [&] {
            mp::Process a(&raises);
            mp::Process b(&exitsWith, {3});
            a.start();
            b.start();
            a.join();
            b.join();
            print("codes", a.exitcode(), b.exitcode());
        });
        QCOMPARE(printed(t).back().text, std::string("codes 1 3"));
        QVERIFY(!printedContaining(t, "Process Process-1:\nValueError: bad input").empty());
    }

    void terminateStopsASleepingChild() {
        Trace t;
        std::int64_t pid = 0;
        runBody(t, [&] {
            mp::Process p(&sleepsLong);
            p.start();
            pid = p.pid();
            lockstep::sleep(1s);
            print("alive", p.is_alive());
            p.terminate();
            p.join();
            print("exitcode", p.exitcode(), "alive", p.is_alive());
        });
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        QCOMPARE(printed(t).back().text, std::string("exitcode -15 alive False"));
        QCOMPARE(printed(t).back().time, 1 * kSecond);
        QVERIFY(printedContaining(t, "never").empty());
        QVERIFY(!processExists(pid));
    }

    void killStopsAComputingChild() {
        Trace t;
        runBody(t, [&] {
            mp::Process p(&computes, {10});
            p.start();
            lockstep::sleep(1s);
            p.kill();
            p.join(std::chrono::seconds(1));
            print("exitcode", p.exitcode());
        }, RunConfig{.cores = 2});
        QCOMPARE(printed(t).back().text, std::string("exitcode -9"));
    }

    void childThatNeverYieldsIsReported() {
        mp::setChildTimeout(300ms);
        Trace t;
        runBody(t, [&] {
            mp::Process p(&spins, {}, {.name = "spinner"});
            p.start();
            p.join();
            print("exitcode", p.exitcode());
        });
        mp::setChildTimeout(10s);
        QCOMPARE(printed(t).back().text, std::string("exitcode -9"));
        QVERIFY(!printedContaining(t, "did not reach a scheduling point").empty());
        QCOMPARE(childCount(), 0);
    }

    void processesHaveTheirOwnGil() {
        // Four processes computing 1 s each on 4 cores with the GIL on: 1 s, not 4.
        Trace t;
        RunConfig config;
        config.cores = 4;
        config.gil = true;
        runBody(t, [&] {
            std::vector<mp::Process> ps;
            for (int i = 0; i < 4; ++i) ps.emplace_back(&computes, mp::Args{1});
            for (auto& p : ps) p.start();
            for (auto& p : ps) p.join();
            print("done");
        }, config);
        QCOMPARE(printed(t).back().time, 1 * kSecond);
    }

    void abortAtEveryStepLeavesNoProcess() {
        Trace full;
        auto body = [] {
            mp::Queue q;
            mp::Process prod(&producer, {q, 3});
            mp::Process cons(&consumer, {q});
            mp::Process sleeper(&sleepsLong, {}, {.daemon = true});
            sleeper.start();
            cons.start();
            prod.start();
            prod.join();
            cons.join();
        };
        runBody(full, body);
        const std::uint32_t steps = full.stepCount();
        QVERIFY(steps > 10);
        QCOMPARE(firstStepLeavingAChild(pool_, body, steps), -1L);
    }

    void threadsInsideAChildAreRefusedClearly() {
        Trace t;
        runBody(t, [&] {
            mp::Process p(&usesAThread);
            p.start();
            p.join();
            print("exitcode", p.exitcode());
        });
        QCOMPARE(printed(t).back().text, std::string("exitcode 1"));
        QVERIFY(!printedContaining(t, "RuntimeError: not supported yet: threading's primitives inside a child").empty());
    }

    // The scheduler's process dies abruptly (SIGKILL, no clean-up at all) while a child sleeps: the kernel
    // kills the child too (PR_SET_PDEATHSIG), so nothing is left running.
    void childrenDieWithTheirParent() {
        if (qEnvironmentVariableIsSet("LOCKSTEP_DYING_PARENT")) {
            // The dying parent: pause a run while its child sleeps, tell the child's pid, die.
            Trace t;
            Execution ex(pool_, t, RunConfig{}, [] {
                mp::Process p(&sleepsLong);
                p.start();
                p.join();
            });
            while (printedContaining(t, "sleeping").empty()) ex.advance(StopRequest{.untilStep = t.stepCount() + 1});
            std::printf("child %lld\n", static_cast<long long>(t.actor(1).pid));
            std::fflush(stdout);
            ::kill(::getpid(), SIGKILL);
        }
        QProcess parent;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LOCKSTEP_DYING_PARENT", "1");
        parent.setProcessEnvironment(env);
        parent.start(QCoreApplication::applicationFilePath(), {"childrenDieWithTheirParent"});
        QVERIFY(parent.waitForFinished(30000));
        QCOMPARE(parent.exitStatus(), QProcess::CrashExit);
        const QString out = QString::fromLocal8Bit(parent.readAllStandardOutput());
        const QRegularExpressionMatch m = QRegularExpression("child (\\d+)").match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        const std::int64_t child = m.captured(1).toLongLong();
        // The child was re-parented and killed; it may take a moment for the kernel to finish it.
        bool gone = false;
        for (int i = 0; i < 500 && !gone; ++i) {
            gone = !processExists(child);
            if (!gone) QTest::qWait(10);
        }
        QVERIFY2(gone, qPrintable(QString("child %1 outlived its parent").arg(child)));
    }

    void unregisteredTargetIsAPythonStyleError() {
        Trace t;
        runBody(t, [&] {
            mp::Process p([](const mp::Args&) {});
        });
        // As in Python, the error ends the main thread (and so the program) with a traceback on stderr.
        QCOMPARE(t.actor(0).endState, EndState::Error);
        QVERIFY(!printedContaining(t, "_pickle.PicklingError: Can't pickle the target").empty());
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestProcesses)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_processes.moc"
