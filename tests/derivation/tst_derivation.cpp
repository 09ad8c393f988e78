// The one derivation of a trace (RunState, TraceModel): fed step by step as the window feeds it, it equals the
// same derivation fed at once; the state at any step reached through a checkpoint equals the state reached by
// feeding every event up to it; moving a state back and forth lands where stateAt() does. Every scenario of the
// catalogue, under several policies and seeds.

#include "common/TestMain.h"
#include <QtTest>

#include <random>
#include <string>

#include "lockstep/Execution.h"
#include "lockstep/ObjectTraits.h"
#include "lockstep/RunState.h"
#include "lockstep/TraceModel.h"
#include "lockstep/TraceSnapshot.h"
#include "lockstep/WaitForGraph.h"
#include "lockstep/WorkerPool.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;

namespace {

WorkerPool& workerPool() {
    static WorkerPool pool;
    return pool;
}

std::unique_ptr<Trace> runScenario(const scenarios::Scenario& s, const RunConfig& config) {
    auto trace = std::make_unique<Trace>();
    const scenarios::Params p = s.resolve(config.params);
    Execution ex(workerPool(), *trace, config, [&s, p] { s.main(p); });
    ex.runToEnd();
    ex.teardown();
    return trace;
}

// Where two states part, in words (empty when they are equal).
QString difference(const RunState& a, const RunState& b) {
    if (a.events() != b.events() || a.step() != b.step() || a.time() != b.time())
        return QString("position: events %1/%2 step %3/%4").arg(a.events()).arg(b.events()).arg(a.step()).arg(b.step());
    const std::size_t actors = std::max(a.actorCount(), b.actorCount());
    for (ActorId i = 0; i < actors; ++i)
        if (!(a.actor(i) == b.actor(i)))
            return QString("actor %1: state %2/%3 since %4/%5 line %6/%7")
                .arg(i)
                .arg(int(a.actor(i).state.state))
                .arg(int(b.actor(i).state.state))
                .arg(a.actor(i).state.beginStep)
                .arg(b.actor(i).state.beginStep)
                .arg(a.actor(i).line)
                .arg(b.actor(i).line);
    const std::size_t objects = std::min(a.objectCount(), b.objectCount());
    for (ObjectId o = 0; o < objects; ++o)
        if (!(a.object(o) == b.object(o))) return QString("object %1").arg(o);
    if (a.errors() != b.errors()) return "errors";
    if (a.deadlockCycle() != b.deadlockCycle()) return "deadlock";
    if (a.racesFound() != b.racesFound() || a.printed() != b.printed() || a.switches() != b.switches())
        return "counts";
    if (!(a == b)) return "rows beyond the common ones";
    return {};
}

template <typename T, typename Same>
QString sameList(const char* what, const std::vector<T>& a, const std::vector<T>& b, Same same) {
    if (a.size() != b.size()) return QString("%1: %2 vs %3 entries").arg(what).arg(a.size()).arg(b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i])) return QString("%1: entry %2 differs").arg(what).arg(i);
    return {};
}

template <typename T>
bool sameSpan(const T& x, const T& y) {
    return x.beginStep == y.beginStep && x.endStep == y.endStep && x.begin == y.begin && x.end == y.end;
}

// Every history two models keep, compared entry by entry.
QString historyDifference(const TraceModel& x, const TraceModel& y) {
    QString d;
    const auto check = [&d](QString r) {
        if (d.isEmpty() && !r.isEmpty()) d = r;
    };
    const auto eq = [](const auto& a, const auto& b) { return a == b; };
    for (ActorId a = 0; a < x.actorCount(); ++a) {
        check(sameList("actor states", x.actorStates(a), y.actorStates(a), eq));
        check(x.actorStateNow(a) == y.actorStateNow(a) ? QString() : QString("open state of actor %1").arg(a));
        check(sameList("loop runs", x.loopRuns(a), y.loopRuns(a), [](const LoopRun& p, const LoopRun& q) {
            return sameSpan(p, q) && p.object == q.object && p.callback == q.callback;
        }));
    }
    const auto counts = [](const CountPoint& p, const CountPoint& q) {
        return p.step == q.step && p.time == q.time && p.value == q.value;
    };
    for (ObjectId o = 0; o < x.objectCount(); ++o) {
        check(sameList("holds", x.holds(o), y.holds(o), [](const HoldInterval& p, const HoldInterval& q) {
            return sameSpan(p, q) && p.holder == q.holder && p.slot == q.slot;
        }));
        check(sameList("waiters", x.waiterCounts(o), y.waiterCounts(o), counts));
        check(sameList("queue", x.queueLengths(o), y.queueLengths(o), counts));
        check(sameList("futures", x.futureStates(o), y.futureStates(o), [](const FutureInterval& p, const FutureInterval& q) {
            return sameSpan(p, q) && p.state == q.state && p.actor == q.actor;
        }));
        check(sameList("tasks", x.taskStates(o), y.taskStates(o), [](const TaskInterval& p, const TaskInterval& q) {
            return sameSpan(p, q) && p.state == q.state && p.awaited == q.awaited && p.sleepMicros == q.sleepMicros &&
                   p.hasTimeout == q.hasTimeout && p.loop == q.loop;
        }));
        check(x.slotCount(o) == y.slotCount(o) ? QString() : QString("slots of %1").arg(o));
    }
    check(sameList("task changes", x.taskChanges(), y.taskChanges(), [](const TaskChange& p, const TaskChange& q) {
        return p.task == q.task && p.from == q.from && p.to == q.to && p.step == q.step && p.time == q.time &&
               p.created == q.created;
    }));
    check(sameList("ready queue", x.readyQueue(), y.readyQueue(), counts));
    check(sameList("incidents", x.incidents(), y.incidents(), [](const Incident& p, const Incident& q) {
        return p.step == q.step && p.time == q.time && p.event == q.event && p.object == q.object &&
               p.actor == q.actor && p.other == q.other && p.kind == q.kind && p.race == q.race;
    }));
    check(sameList("transfers", x.transfers(), y.transfers(), [](const Transfer& p, const Transfer& q) {
        return p.fromEvent == q.fromEvent && p.toEvent == q.toEvent && p.text == q.text && p.object == q.object &&
               p.receivedOn == q.receivedOn;
    }));
    check(sameList("causal links", x.causalLinks(), y.causalLinks(), eq));
    check(sameList("output", x.output(), y.output(), [](const OutputLine& p, const OutputLine& q) {
        return p.event == q.event && p.step == q.step && p.text == q.text && p.toStderr == q.toStderr;
    }));
    check(x.coresUsed() == y.coresUsed() ? QString() : QString("cores"));
    return d;
}

// The scenario's run with its defaults, and its model.
struct Modelled {
    std::unique_ptr<Trace> trace;
    std::unique_ptr<TraceModel> model;
};
Modelled modelled(const char* id) {
    const scenarios::Scenario* s = scenarios::find(id);
    if (!s) return {};
    RunConfig config;
    s->defaults.applyTo(config);
    Modelled m;
    m.trace = runScenario(*s, config);
    m.model = std::make_unique<TraceModel>(*m.trace);
    return m;
}

// A link in words: "release → acquire lock: T1 @12 → T2 @14" (tasks named where the link runs from/to one).
std::string linkWords(const TraceModel& m, const CausalLink& l) {
    const auto who = [&m](ActorId a, ObjectId task) {
        if (task != kNoObject) return m.object(task).name;
        return a == kNoActor ? std::string("?") : m.actor(a).name;
    };
    return std::string(causeKindName(l.kind)) + " " + m.object(l.object).name + ": " + who(l.fromActor, l.fromTask) +
           " @" + std::to_string(l.fromStep) + " → " + who(l.toActor, l.toTask) + " @" + std::to_string(l.toStep);
}

std::vector<std::string> linkList(const TraceModel& m, CauseKind k) {
    std::vector<std::string> out;
    for (const CausalLink& l : m.causalLinks())
        if (l.kind == k) out.push_back(linkWords(m, l));
    return out;
}

QString joined(const std::vector<std::string>& v) {
    QStringList l;
    for (const auto& s : v) l << QString::fromStdString(s);
    return l.join("\n");
}

// A fresh state fed every event up to the end of `step`, with no checkpoint.
RunState fedUpTo(const Trace& t, const TraceSnapshot& rows, std::uint32_t step) {
    RunState s;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        if ((t.event(i).flags & TraceEvent::StepStart) && s.step() == step) break;
        s.apply(t, rows, i);
    }
    return s;
}

}  // namespace

class TestDerivation : public QObject {
    Q_OBJECT

private slots:
    void incrementalEqualsBatch_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("policy");
        QTest::addColumn<int>("seed");
        for (const auto& s : scenarios::all()) {
            QTest::newRow((s.id + " rr").c_str()) << QString::fromStdString(s.id) << int(PolicyKind::RoundRobin) << 1;
            QTest::newRow((s.id + " coop").c_str()) << QString::fromStdString(s.id) << int(PolicyKind::Cooperative) << 1;
            for (int seed : {2, 7})
                QTest::newRow((s.id + " random " + std::to_string(seed)).c_str())
                    << QString::fromStdString(s.id) << int(PolicyKind::Random) << seed;
        }
    }
    // The window's way (a model advanced step by step over a growing trace, its head state after each step)
    // against the command line's (one model over the finished trace, asked for the state at that step).
    void incrementalEqualsBatch() {
        QFETCH(QString, id);
        QFETCH(int, policy);
        QFETCH(int, seed);
        const scenarios::Scenario* s = scenarios::find(id.toStdString());
        QVERIFY(s);
        RunConfig config;
        s->defaults.applyTo(config);
        config.policy = PolicyKind(policy);
        config.seed = std::uint64_t(seed);
        const auto full = runScenario(*s, config);
        const TraceModel batch(*full);
        QCOMPARE(batch.steps(), full->stepCount());

        // The run again, into a trace that grows a step at a time; rows appear as the engine adds them.
        Trace partial;
        for (std::size_t k = 0; k < full->stringCount(); ++k) partial.intern(full->string(std::uint32_t(k)));
        for (ActorId a = 0; a < full->actorCount(); ++a) partial.addActor(full->actor(a));
        TraceModel incremental;
        const std::uint32_t steps = full->stepCount();
        // Long runs are compared at a few hundred steps spread over them, short ones at every step.
        const std::uint32_t every = std::max(1u, steps / 400);
        for (std::size_t i = 0; i < full->eventCount(); ++i) {
            const TraceEvent& e = full->event(i);
            while (e.object != kNoObject && partial.objectCount() <= e.object)
                partial.addObject(full->object(ObjectId(partial.objectCount())));
            if (e.op == Op::Race) partial.addRace(full->races()[std::size_t(e.arg)]);
            if (e.op == Op::Deadlock) partial.addCycle(full->cycles()[std::size_t(e.arg)]);
            if (e.flags & TraceEvent::StepStart) partial.beginStep();
            partial.add(e);
            const bool stepDone = i + 1 == full->eventCount() || (full->event(i + 1).flags & TraceEvent::StepStart);
            if (!stepDone) continue;
            incremental.advance(partial);
            const std::uint32_t step = incremental.steps();
            if (step % every != 0 && step != steps) continue;
            const QString d = difference(incremental.head(), batch.stateAt(step));
            QVERIFY2(d.isEmpty(), qPrintable(QString("step %1: %2").arg(step).arg(d)));
        }
        while (partial.objectCount() < full->objectCount())
            partial.addObject(full->object(ObjectId(partial.objectCount())));
        partial.outcomeMut() = full->outcome();
        incremental.advance(partial);
        QCOMPARE(incremental.steps(), steps);
        const QString h = historyDifference(incremental, batch);
        QVERIFY2(h.isEmpty(), qPrintable(h));
        QVERIFY(difference(incremental.head(), batch.head()).isEmpty());
        QCOMPARE(incremental.endTime(), batch.endTime());
    }

    // A jump through a checkpoint lands on the state feeding every event gives, forward and back.
    void checkpointedJumpEqualsFeeding_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("tasks");  // async-gather-many's task count ("": the default)
        // Runs long enough to hold many checkpoints, and one with thousands of objects (fewer, wider ones).
        QTest::newRow("lock-counter-many") << "lock-counter-many" << "";
        QTest::newRow("race-increment-double") << "race-increment-double" << "";
        QTest::newRow("async-gather-many") << "async-gather-many" << "2000";
        QTest::newRow("queue-producer-consumers") << "queue-producer-consumers" << "";
    }
    void checkpointedJumpEqualsFeeding() {
        QFETCH(QString, id);
        QFETCH(QString, tasks);
        const scenarios::Scenario* s = scenarios::find(id.toStdString());
        QVERIFY(s);
        RunConfig config;
        s->defaults.applyTo(config);
        std::vector<std::pair<std::string, std::int64_t>> params;
        if (!tasks.isEmpty()) params.emplace_back("tasks", tasks.toLongLong());
        config.params = s->resolve(params).values();
        config.policy = PolicyKind::Random;
        const auto trace = runScenario(*s, config);
        const TraceModel model(*trace);
        const std::uint32_t steps = model.steps();
        QVERIFY(steps > 10);
        std::mt19937 random(42);
        std::uniform_int_distribution<std::uint32_t> pick(0, steps);
        RunState moving;
        for (int k = 0; k < 40; ++k) {
            const std::uint32_t step = k == 0 ? steps : k == 1 ? 0 : pick(random);
            const RunState fed = fedUpTo(*trace, model.snapshot(), step);
            const RunState jumped = model.stateAt(step);
            QVERIFY2(difference(jumped, fed).isEmpty(),
                     qPrintable(QString("step %1: %2").arg(step).arg(difference(jumped, fed))));
            model.moveTo(moving, step);
            QVERIFY2(difference(moving, fed).isEmpty(),
                     qPrintable(QString("moved to step %1: %2").arg(step).arg(difference(moving, fed))));
            QCOMPARE(moving.step(), step);
        }
        // One step at a time forward, as the window steps: every state equals the fed one.
        RunState stepping;
        for (std::uint32_t step = 0; step <= std::min(steps, 300u); ++step) {
            model.moveTo(stepping, step);
            QCOMPARE(stepping.step(), step);
        }
        QVERIFY(difference(stepping, fedUpTo(*trace, model.snapshot(), std::min(steps, 300u))).isEmpty());
    }

    // Checkpoints keep a jump's cost flat: a long trace has many, and their memory stays a fraction of the
    // trace's own.
    void checkpointsOnALongRun() {
        const scenarios::Scenario* s = scenarios::find("lock-counter-many");
        QVERIFY(s);
        RunConfig config;
        s->defaults.applyTo(config);
        config.params = s->resolve({{"threads", 10}, {"increments", 1000}}).values();
        const auto trace = runScenario(*s, config);
        const TraceModel model(*trace);
        QVERIFY(trace->eventCount() > 50'000);
        QVERIFY(model.checkpointCount() >= trace->eventCount() / 8192);
        QVERIFY(model.checkpointBytes() < trace->eventStorageBytes());
    }

    // Cause → effect, scenario by scenario, in words (each list in the order the effects happened).
    void causalLinks() {
        const auto expect = [](const char* id, CauseKind k, std::vector<std::string> want) {
            const Modelled m = modelled(id);
            QVERIFY2(m.model, id);
            const auto got = linkList(*m.model, k);
            QVERIFY2(got == want, qPrintable(QString("%1:\n%2").arg(id, joined(got))));
        };
        // T1's release lets T2's waiting acquire through: woken in T1's step, it takes the lock when it next runs.
        expect("lock-counter", CauseKind::ReleaseAcquire, {"release → acquire lock: T1 @12 → T2 @14"});
        expect("lock-counter", CauseKind::EndJoin,
               {"end → join T1: T1 @13 → MainThread @13", "end → join T2: T2 @20 → MainThread @20"});
        expect("event-set-wait", CauseKind::SetWait, {"set → wait ready: setter @12 → waiter @12"});
        // A join of a thread that had already ended returns at once: its end still let it return.
        expect("threads-start-join", CauseKind::EndJoin,
               {"end → join worker-1: worker-1 @15 → MainThread @15", "end → join worker-2: worker-2 @13 → MainThread @16"});
        // The first ones of a longer run pin the pairing down.
        {
            const Modelled m = modelled("condition-producer-consumer");
            QVERIFY(m.model);
            const auto wakes = linkList(*m.model, CauseKind::NotifyWake);
            QVERIFY(wakes.size() >= 2);
            QCOMPARE(wakes[0], std::string("notify → wake cond: producer @18 → consumer-1 @18"));
            QCOMPARE(wakes[1], std::string("notify → wake cond: producer @29 → consumer-2 @29"));
            // The woken consumer must then get the condition's lock back: the producer's release lets it.
            const auto locks = linkList(*m.model, CauseKind::ReleaseAcquire);
            QVERIFY(!locks.empty());
            QCOMPARE(locks[0], std::string("release → acquire cond.lock: producer @20 → consumer-1 @21"));
        }
        {
            // Items come out in the order they went in, each to whichever consumer got it.
            const Modelled m = modelled("queue-producer-consumers");
            QVERIFY(m.model);
            const auto gets = linkList(*m.model, CauseKind::PutGet);
            QCOMPARE(gets.size(), std::size_t(12));  // ten items and two sentinels
            QCOMPARE(gets[0], std::string("put → get q: producer-1 @12 → consumer-1 @15"));
            QCOMPARE(gets[1], std::string("put → get q: producer-1 @18 → consumer-2 @21"));
            QCOMPARE(gets[11], std::string("put → get q: MainThread @57 → consumer-2 @89"));
        }
        {
            // result() returns in the main thread what the worker set, waited for or not.
            const Modelled m = modelled("thread-pool-futures");
            QVERIFY(m.model);
            const auto results = linkList(*m.model, CauseKind::ResultGet);
            QVERIFY(results.size() >= 3);
            QCOMPARE(results[0], std::string("result → result() task(0): ThreadPoolExecutor-0_0 @9 → MainThread @11"));
            QCOMPARE(results[1], std::string("result → result() task(2): ThreadPoolExecutor-0_1 @37 → MainThread @43"));
            for (const CausalLink& l : m.model->causalLinks())
                if (l.kind == CauseKind::ResultGet) QVERIFY(m.model->object(l.object).name != "task(7)");  // cancelled
        }
        // asyncio: gather's future finishing wakes main(); a put wakes the consumer awaiting the queue, and a get
        // the producer waiting for room. Everything runs on MainThread: the links name the tasks.
        expect("async-chain", CauseKind::TaskWake, {"future → task gather: gather @24 → Task-1 @24"});
        {
            const Modelled m = modelled("async-queue");
            QVERIFY(m.model);
            const auto wakes = linkList(*m.model, CauseKind::TaskWake);
            QVERIFY(wakes.size() >= 3);
            QCOMPARE(wakes[0], std::string("future → task q: producer-1 @5 → consumer-1 @5"));
            QCOMPARE(wakes[2], std::string("future → task q: consumer-1 @16 → producer-1 @16"));
        }
    }

    // Object traits: one table answers what each kind is.
    void objectTraitsTable() {
        QVERIFY(objectTraits(ObjectKind::RLock).holder);
        QVERIFY(objectTraits(ObjectKind::Gil).holder);
        QVERIFY(objectTraits(ObjectKind::BoundedSemaphore).slotted);
        QVERIFY(objectTraits(ObjectKind::AsyncLock).asyncio);
        QVERIFY(!objectTraits(ObjectKind::Lock).asyncio);
        QVERIFY(objectTraits(ObjectKind::Connection).channel);
        QVERIFY(objectTraits(ObjectKind::ProcessQueue).channel);
        QVERIFY(!objectTraits(ObjectKind::Queue).channel);
        QCOMPARE(objectTraits(ObjectKind::Barrier).lane, LaneFamily::Signal);
        QCOMPARE(objectTraits(ObjectKind::AsyncFuture).lane, LaneFamily::Task);
        QCOMPARE(objectTraits(ObjectKind::Count_).family, ObjectFamily::Other);
        for (int k = 0; k < int(ObjectKind::Count_); ++k) {
            const ObjectTraits& t = objectTraits(ObjectKind(k));
            QVERIFY(!(t.holder && t.slotted));
            QCOMPARE(t.lane == LaneFamily::Hold, t.holder);
            QCOMPARE(t.lane == LaneFamily::Slots, t.slotted);
        }
    }

    // The wait-for graph of a deadlock, from the state at its end: the cycle T1 -> lock_b -> T2 -> lock_a.
    void waitForGraphOfADeadlock() {
        const scenarios::Scenario* s = scenarios::find("deadlock-two-locks");
        QVERIFY(s);
        RunConfig config;
        s->defaults.applyTo(config);
        const auto trace = runScenario(*s, config);
        QCOMPARE(trace->outcome().status, RunStatus::Deadlock);
        const TraceModel model(*trace);
        const WaitForGraph g = WaitForGraph::build(model.head(), model.cycles());
        const ActorId t1 = trace->findActor("T1"), t2 = trace->findActor("T2");
        const ObjectId a = trace->findObject("lock_a"), b = trace->findObject("lock_b");
        for (auto [who, what, holder] : {std::tuple{t1, b, t2}, std::tuple{t2, a, t1}}) {
            const WaitForGraph::Edge* wait = g.edge(g.actorNode(who), g.objectNode(what));
            QVERIFY(wait && wait->kind == WaitForGraph::EdgeKind::WaitsFor && wait->onCycle);
            const WaitForGraph::Edge* held = g.edge(g.objectNode(what), g.actorNode(holder));
            QVERIFY(held && held->kind == WaitForGraph::EdgeKind::HeldBy && held->onCycle);
        }
        // Before the first lock is taken nobody waits: an empty graph.
        QVERIFY(WaitForGraph::build(model.stateAt(1), model.cycles()).nodes.empty());
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestDerivation)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()

#include "tst_derivation.moc"
