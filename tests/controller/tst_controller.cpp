// The control API: commands run on the controller's own thread, reports come back as values, and pausing,
// aborting, restarting and branching leave no thread behind.

#include "common/TestMain.h"
#include <QtTest>

#include "common/ProcessThreads.h"

#include <chrono>
#include <mutex>
#include <thread>

#include "lockstep/Api.h"
#include "lockstep/Controller.h"
#include "lockstep/Lock.h"
#include "lockstep/Shared.h"
#include "lockstep/Thread.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using namespace std::chrono_literals;

namespace {


struct Reports {
    std::mutex m;
    std::vector<ControllerReport> all;
    void add(const ControllerReport& r) {
        std::lock_guard l(m);
        all.push_back(r);
    }
    ControllerReport last() {
        std::lock_guard l(m);
        return all.back();
    }
    bool any(ControllerReport::Kind k) {
        std::lock_guard l(m);
        for (const auto& r : all)
            if (r.kind == k) return true;
        return false;
    }
};

Execution::Body scenarioBody(const char* id) {
    const scenarios::Scenario* s = scenarios::find(id);
    const scenarios::Params p = s->resolve({});
    return [s, p] { s->main(p); };
}

// Never ends by itself: only a pause, an abort or the step limit stops it.
void spinForever() {
    Shared<int> x("x", 0);
    Thread t([x]() mutable {
        for (;;) x.store(x.load() + 1);
    }, {.name = "spinner"});
    t.start();
    t.join();
}

}  // namespace

class TestController : public QObject {
    Q_OBJECT

private slots:
    void stepByStep() {
        Reports reports;
        Controller c([&](const ControllerReport& r) { reports.add(r); });
        c.load(RunConfig{}, scenarioBody("race-counter-sleep"));
        for (std::uint32_t k = 1; k <= 5; ++k) {
            c.step();
            c.waitIdle();
            const ControllerReport r = reports.last();
            QCOMPARE(r.kind, ControllerReport::Kind::Stopped);
            QCOMPARE(r.stop.reason, StopReason::StepReached);
            QCOMPARE(r.steps, k);
            QVERIFY(!r.ended);
            QVERIFY(!r.candidates.empty());
        }
        c.run();
        c.waitIdle();
        const ControllerReport r = reports.last();
        QVERIFY(r.ended);
        QCOMPARE(r.trace->outcome().status, RunStatus::Finished);
        QVERIFY(r.candidates.empty());
    }

    void runsOnItsOwnThread() {
        std::thread::id reporter;
        Controller c([&](const ControllerReport&) { reporter = std::this_thread::get_id(); });
        c.load(RunConfig{}, scenarioBody("threads-start-join"));
        c.run();
        c.waitIdle();
        QVERIFY(reporter != std::thread::id());
        QVERIFY(reporter != std::this_thread::get_id());
    }

    void pauseAndAbortLongRun() {
        const int baseline = lockstep::testing::processThreadCount();
        {
            Reports reports;
            Controller c([&](const ControllerReport& r) { reports.add(r); });
            RunConfig config;
            config.maxSteps = 1'000'000'000;
            c.load(config, spinForever);
            c.run();
            // Progress reports arrive while it runs; the window would show them.
            QTRY_VERIFY_WITH_TIMEOUT(reports.any(ControllerReport::Kind::Progress), 20000);
            c.pause();
            c.waitIdle();
            ControllerReport r = reports.last();
            QCOMPARE(r.kind, ControllerReport::Kind::Stopped);
            QCOMPARE(r.stop.reason, StopReason::PauseRequested);
            QVERIFY(!r.ended);
            QVERIFY(lockstep::testing::processThreadCount() > baseline);  // the scenario's threads exist while paused
            c.run();
            QTRY_VERIFY_WITH_TIMEOUT(reports.last().steps > r.steps + Controller::kProgressEvery, 20000);
            c.abort();
            c.waitIdle();
            r = reports.last();
            QVERIFY(r.ended);
            QCOMPARE(r.trace->outcome().status, RunStatus::Aborted);
            for (std::size_t a = 0; a < r.trace->actorCount(); ++a)
                QCOMPARE(r.trace->actor(static_cast<ActorId>(a)).endState, EndState::Running);
        }
        QCOMPARE(lockstep::testing::processThreadCount(), baseline);  // controller, workers: all gone
    }

    void destroyWhileRunning() {
        const int baseline = lockstep::testing::processThreadCount();
        {
            Controller c([](const ControllerReport&) {});
            RunConfig config;
            config.maxSteps = 1'000'000'000;
            c.load(config, spinForever);
            c.run();
            std::this_thread::sleep_for(50ms);
        }
        QCOMPARE(lockstep::testing::processThreadCount(), baseline);
    }

    void restartGivesSameTrace() {
        Reports reports;
        Controller c([&](const ControllerReport& r) { reports.add(r); });
        RunConfig config;
        config.policy = PolicyKind::Random;
        config.seed = 5;
        c.load(config, scenarioBody("race-counter-sleep"));
        c.run();
        c.waitIdle();
        const auto first = reports.last().trace;
        c.restart();
        c.run();
        c.waitIdle();
        const auto second = reports.last().trace;
        QVERIFY(first != second);
        QCOMPARE(second->eventCount(), first->eventCount());
        for (std::size_t i = 0; i < first->eventCount(); ++i) {
            QCOMPARE(second->event(i).actor, first->event(i).actor);
            QCOMPARE(second->event(i).op, first->event(i).op);
            QCOMPARE(second->event(i).arg, first->event(i).arg);
        }
    }

    void manualChoice() {
        Reports reports;
        Controller c([&](const ControllerReport& r) { reports.add(r); });
        RunConfig config;
        config.policy = PolicyKind::Manual;
        c.load(config, scenarioBody("race-counter-sleep"));
        c.run();
        c.waitIdle();
        ControllerReport r = reports.last();
        QCOMPARE(r.stop.reason, StopReason::NeedChoice);
        QVERIFY(r.candidates.size() >= 2);
        const ActorId pick = r.candidates.back();
        c.choose(pick);
        c.waitIdle();
        r = reports.last();
        const Trace& t = *r.trace;
        // The choice was recorded and the pick ran next.
        QCOMPARE(t.decisions().back().chosen, pick);
        bool switched = false;
        for (std::size_t i = 0; i < t.eventCount(); ++i)
            if (t.event(i).op == Op::Switch && t.event(i).actor == pick) switched = true;
        QVERIFY(switched);
        c.choose(kNoActor);  // not a candidate: a clear failure, not a crash
        c.waitIdle();
        QCOMPARE(reports.last().kind, ControllerReport::Kind::Failed);
    }

    void branchKeepsThePast() {
        Reports reports;
        Controller c([&](const ControllerReport& r) { reports.add(r); });
        c.load(RunConfig{}, scenarioBody("race-counter-sleep"));
        c.run();
        c.waitIdle();
        const auto original = reports.last().trace;
        // Take the first decision that had a choice, and pick another candidate there.
        const Decision d = original->decisions().front();
        c.restart();
        c.step(d.step);
        c.waitIdle();
        std::vector<ActorId> candidates = reports.last().candidates;
        QVERIFY(candidates.size() >= 2);
        const ActorId other = candidates.front() == d.chosen ? candidates[1] : candidates.front();
        c.branch(d.step, other);
        c.waitIdle();
        ControllerReport r = reports.last();
        QVERIFY2(r.kind == ControllerReport::Kind::Stopped, r.message.c_str());
        const auto branched = r.trace;
        QCOMPARE(r.steps, d.step + 1);
        // Everything before the branching step is the same.
        for (std::size_t i = 0; i < original->stepEnd(d.step) - 1; ++i) {
            QCOMPARE(branched->event(i).op, original->event(i).op);
            QCOMPARE(branched->event(i).actor, original->event(i).actor);
        }
        QCOMPARE(branched->decisions().back().chosen, other);
        QVERIFY(branched->decisions().back().step == d.step);
    }

    void runToDeadlockStopsEarly() {
        Reports reports;
        Controller c([&](const ControllerReport& r) { reports.add(r); });
        c.load(RunConfig{}, [] {
            Lock a("lock_a"), b("lock_b");
            Thread t1([=]() mutable { a.acquire(); sleep(1s); b.acquire(); }, {.name = "T1"});
            Thread t2([=]() mutable { b.acquire(); sleep(1s); a.acquire(); }, {.name = "T2"});
            t1.start();
            t2.start();
            for (int i = 0; i < 5; ++i) sleep(1s);  // main goes on after the two deadlock
        });
        c.runToDeadlock();
        c.waitIdle();
        const ControllerReport r = reports.last();
        QCOMPARE(r.stop.reason, StopReason::Deadlock);
        QVERIFY(!r.ended);
        QCOMPARE(r.trace->cycles().size(), std::size_t{1});
        c.run();
        c.waitIdle();
        QCOMPARE(reports.last().trace->outcome().status, RunStatus::Deadlock);
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestController)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_controller.moc"
