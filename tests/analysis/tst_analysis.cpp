// Views derived from the trace: actor state intervals, lock and semaphore-slot holders, waiter counts,
// queue lengths, values at a step, and the Chrome trace export.

#include "common/TestMain.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <set>
#include <sstream>

#include "lockstep/Api.h"
#include "lockstep/ChromeTraceWriter.h"
#include "lockstep/Execution.h"
#include "lockstep/TraceAnalysis.h"
#include "lockstep/mp/Multiprocessing.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using namespace std::chrono_literals;
namespace mp = lockstep::mp;

namespace {

// Child processes (this test binary started again in its worker mode).

// Puts "a", "b", "c" on the queue, a second apart.
void putThree(const mp::Args& a) {
    mp::Queue q(a.at(0));
    for (const char* item : {"a", "b", "c"}) {
        lockstep::sleep(1s);
        q.put(item);
    }
}
LOCKSTEP_PROCESS_TARGET(putThree);

void getTwo(const mp::Args& a) {
    mp::Queue q(a.at(0));
    q.get();
    q.get();
}
LOCKSTEP_PROCESS_TARGET(getTwo);

// Answers each message on its end of a duplex pipe with the message and "!", until None.
void echo(const mp::Args& a) {
    mp::Connection conn(a.at(0));
    for (;;) {
        const mp::Obj m = conn.recv();
        if (m.isNone()) break;
        conn.send(m.asStr() + "!");
    }
}
LOCKSTEP_PROCESS_TARGET(echo);

struct Run {
    WorkerPool pool;
    Trace trace;
    void body(std::function<void()> main) {
        Execution ex(pool, trace, RunConfig{}, std::move(main));
        ex.runToEnd();
    }
    void go(const char* id, RunConfig config = {}) {
        const scenarios::Scenario* s = scenarios::find(id);
        QVERIFY(s);
        const scenarios::Params p = s->resolve(config.params);
        Execution ex(pool, trace, config, [s, p] { s->main(p); });
        ex.runToEnd();
    }
    ActorId actor(const std::string& name) const {
        for (ActorId a = 0; a < trace.actorCount(); ++a)
            if (trace.actor(a).name == name) return a;
        return kNoActor;
    }
    ObjectId object(const std::string& name) const {
        for (ObjectId o = 0; o < trace.objectCount(); ++o)
            if (trace.object(o).name == name) return o;
        return kNoObject;
    }
};

constexpr Nanos kSecond = 1'000'000'000;

}  // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

private slots:
    // Intervals of each actor tile steps 1..N without gaps or overlaps, on both axes.
    void statesTileTheRun_data() {
        QTest::addColumn<QString>("id");
        for (const auto& s : scenarios::all()) QTest::newRow(s.id.c_str()) << QString::fromStdString(s.id);
    }
    void statesTileTheRun() {
        QFETCH(QString, id);
        Run r;
        r.go(id.toStdString().c_str());
        const auto lanes = TraceAnalysis(r.trace).actorStates();
        QCOMPARE(lanes.size(), r.trace.actorCount());
        for (const auto& lane : lanes) {
            QVERIFY(!lane.empty());
            QCOMPARE(lane.front().beginStep, 1u);
            QCOMPARE(lane.back().endStep, r.trace.stepCount() + 1);
            for (std::size_t i = 1; i < lane.size(); ++i) {
                QCOMPARE(lane[i].beginStep, lane[i - 1].endStep);
                QCOMPARE(lane[i].begin, lane[i - 1].end);
                QVERIFY(lane[i].end >= lane[i].begin);
            }
        }
        // At most one actor runs at any step (the baton).
        const TraceModel model(r.trace);
        RunState state;
        for (std::uint32_t step = 1; step <= r.trace.stepCount(); ++step) {
            model.moveTo(state, step);
            int running = 0;
            for (ActorId a = 0; a < state.actorCount(); ++a) running += state.actor(a).state.state == ActorState::Running;
            QVERIFY2(running <= 1, qPrintable(QString("step %1: %2 running").arg(step).arg(running)));
        }
    }

    void raceCounterSleepStates() {
        Run r;
        r.go("race-counter-sleep");
        const auto lanes = TraceAnalysis(r.trace).actorStates();
        for (const char* name : {"T1", "T2"}) {
            const auto& lane = lanes[r.actor(name)];
            bool slept = false;
            for (const StateInterval& s : lane)
                if (s.state == ActorState::Sleeping && s.begin == 0 && s.end == kSecond / 10) slept = true;
            QVERIFY2(slept, name);
            QCOMPARE(lane.back().state, ActorState::Done);
        }
        // MainThread waits in join on T1, then on T2.
        bool joinT1 = false;
        for (const StateInterval& s : lanes[0])
            if (s.state == ActorState::Blocked && s.op == Op::Join && s.object == r.object("T1")) joinT1 = true;
        QVERIFY(joinT1);
        // The counter's value after each step: 0 until the first store.
        const ObjectId counter = r.object("counter");
        QCOMPARE(TraceAnalysis(r.trace).sharedValueAt(counter, 1), std::string("0"));
        const std::string final = TraceAnalysis(r.trace).sharedValueAt(counter, r.trace.stepCount());
        QVERIFY(final == "10" || final == "20");
    }

    void deadlockHolds() {
        Run r;
        r.go("deadlock-two-locks");
        const TraceAnalysis a(r.trace);
        const auto holdsA = a.holds(r.object("lock_a"));
        QCOMPARE(holdsA.size(), std::size_t{1});
        QCOMPARE(holdsA[0].holder, r.actor("T1"));
        QCOMPARE(holdsA[0].endStep, r.trace.stepCount() + 1);  // held until the end
        const auto holdsB = a.holds(r.object("lock_b"));
        QCOMPARE(holdsB.size(), std::size_t{1});
        QCOMPARE(holdsB[0].holder, r.actor("T2"));
        // One waiter on each lock at the end.
        QCOMPARE(a.waiters(r.object("lock_a")).back().value, 1);
        QCOMPARE(a.waiters(r.object("lock_b")).back().value, 1);
        const auto states = a.statesAt(r.trace.stepCount());
        QCOMPARE(states[r.actor("T1")].state, ActorState::Blocked);
        QCOMPARE(states[r.actor("T1")].object, r.object("lock_b"));
        QCOMPARE(states[r.actor("T2")].object, r.object("lock_a"));
    }

    void semaphoreSlots() {
        Run r;
        r.go("semaphore-groups");
        const ObjectId sem = r.object("slots");
        const auto holds = TraceAnalysis(r.trace).holds(sem);
        QCOMPARE(holds.size(), std::size_t{7});
        std::multiset<Nanos> starts;
        std::set<ActorId> holders;
        for (const HoldInterval& h : holds) {
            QVERIFY(h.slot >= 0 && h.slot < 3);
            QCOMPARE(h.end - h.begin, 2 * kSecond);
            starts.insert(h.begin);
            holders.insert(h.holder);
        }
        QCOMPARE(starts, (std::multiset<Nanos>{0, 0, 0, 2 * kSecond, 2 * kSecond, 2 * kSecond, 4 * kSecond}));
        QCOMPARE(holders.size(), std::size_t{7});
        // Two holds on one slot never overlap.
        for (const HoldInterval& a : holds)
            for (const HoldInterval& b : holds)
                if (&a != &b && a.slot == b.slot) QVERIFY(a.end <= b.begin || b.end <= a.begin);
        // Four threads wait at t=0, one at t=2.
        int peak = 0;
        for (const CountPoint& p : TraceAnalysis(r.trace).waiters(sem)) peak = std::max(peak, p.value);
        QCOMPARE(peak, 4);
    }

    void queueLength() {
        Run r;
        RunConfig config;
        config.params = {{"maxsize", 2}};
        r.go("queue-producer-consumers", config);
        ObjectId q = kNoObject;
        for (ObjectId o = 0; o < r.trace.objectCount(); ++o)
            if (r.trace.object(o).kind == ObjectKind::Queue) q = o;
        QVERIFY(q != kNoObject);
        const auto points = TraceAnalysis(r.trace).queueLength(q);
        QVERIFY(!points.empty());
        int peak = 0;
        for (const CountPoint& p : points) {
            QVERIFY(p.value >= 0 && p.value <= 2);
            peak = std::max(peak, p.value);
        }
        QCOMPARE(peak, 2);
        QCOMPARE(points.back().value, 0);
    }

    // Messages through a multiprocessing.Queue pair in FIFO order, whoever receives them; one never received
    // is no transfer.
    void queueTransfers() {
        Run r;
        r.body([] {
            mp::Queue q;
            mp::Process producer(&putThree, {q}, {.name = "producer"});
            mp::Process consumer(&getTwo, {q}, {.name = "consumer"});
            consumer.start();
            producer.start();
            producer.join();
            consumer.join();
            q.get();           // the third item
            q.put("unread");   // never taken
        });
        QCOMPARE(r.trace.outcome().status, RunStatus::Finished);
        const TraceModel model(r.trace);
        const auto transfers = model.transfers();
        QCOMPARE(transfers.size(), std::size_t{3});
        const ObjectId q = r.object("multiprocessing.Queue-1");
        const ActorId producer = r.actor("producer");
        const std::vector<ActorId> receivers{r.actor("consumer"), r.actor("consumer"), 0};
        const std::vector<std::string> texts{"'a'", "'b'", "'c'"};
        for (std::size_t k = 0; k < transfers.size(); ++k) {
            const Transfer& t = transfers[k];
            QCOMPARE(t.object, q);
            QCOMPARE(t.receivedOn, q);
            QCOMPARE(t.fromActor, producer);
            QCOMPARE(t.toActor, receivers[k]);
            QCOMPARE(model.text(t.text), texts[k]);
            // The ends are the put and the get themselves, where and when they happened.
            const TraceEvent& put = r.trace.event(t.fromEvent);
            const TraceEvent& get = r.trace.event(t.toEvent);
            QCOMPARE(put.op, Op::Put);
            QCOMPARE(get.op, Op::Get);
            QCOMPARE(put.result, Result::Ok);
            QCOMPARE(get.result, Result::Ok);
            QCOMPARE(std::string(r.trace.argText(get)), model.text(t.text));
            QCOMPARE(t.fromStep, r.trace.stepOfEvent(t.fromEvent));
            QCOMPARE(t.toStep, r.trace.stepOfEvent(t.toEvent));
            QCOMPARE(t.fromTime, put.time);
            QCOMPARE(t.toTime, get.time);
            QCOMPARE(t.fromTime, Nanos(k + 1) * kSecond);  // put a second apart
            QVERIFY(t.fromStep <= t.toStep);
            if (k > 0) QVERIFY(transfers[k - 1].toEvent < t.toEvent);  // in the order of the receives
        }
    }

    // A duplex Pipe: each end's sends are received in order on the other end, both ways.
    void pipeTransfers() {
        Run r;
        r.body([] {
            auto [mine, theirs] = mp::Pipe();
            mp::Process child(&echo, {theirs}, {.name = "echo"});
            child.start();
            for (const char* m : {"ping", "pong"}) {
                mine.send(m);
                print(mine.recv());
            }
            mine.send(mp::None());
            child.join();
            mine.send("left over");
        });
        QCOMPARE(r.trace.outcome().status, RunStatus::Finished);
        const ObjectId mine = r.object("Connection-1"), theirs = r.object("Connection-2");
        QCOMPARE(r.trace.object(theirs).param, std::int64_t(mine));
        const ActorId echo = r.actor("echo");
        const TraceModel model(r.trace);
        const auto transfers = model.transfers();
        // ping, ping!, pong, pong!, None (the left-over message is never received)
        QCOMPARE(transfers.size(), std::size_t{5});
        const std::vector<std::string> texts{"'ping'", "'ping!'", "'pong'", "'pong!'", "None"};
        for (std::size_t k = 0; k < transfers.size(); ++k) {
            const Transfer& t = transfers[k];
            const bool toChild = k % 2 == 0;
            QCOMPARE(model.text(t.text), texts[k]);
            QCOMPARE(t.object, toChild ? mine : theirs);
            QCOMPARE(t.receivedOn, toChild ? theirs : mine);
            QCOMPARE(t.fromActor, toChild ? ActorId(0) : echo);
            QCOMPARE(t.toActor, toChild ? echo : ActorId(0));
            QCOMPARE(r.trace.event(t.fromEvent).op, Op::Send);
            QCOMPARE(r.trace.event(t.toEvent).op, Op::Recv);
        }
        // The state at the end pairs the ends and holds the message still on its way.
        const RunState& last = model.head();
        QCOMPARE(last.object(mine).peer, theirs);
        QCOMPARE(last.object(theirs).peer, mine);
        QCOMPARE(last.object(theirs).items.size(), std::size_t{1});
        QCOMPARE(model.text(last.object(theirs).items.front().text), std::string("'left over'"));
        QVERIFY(last.object(mine).items.empty());
    }

    // threading's queue.Queue carries no message between processes: no transfers.
    void threadQueueHasNoTransfers() {
        Run r;
        r.go("queue-producer-consumers");
        QVERIFY(TraceAnalysis(r.trace).transfers().empty());
    }

    void chromeTraceIsValidJson() {
        Run r;
        r.go("semaphore-groups");
        std::ostringstream os;
        writeChromeTrace(r.trace, "semaphore-groups", os);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(os.str()), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        int holdsEvents = 0, slotLanes = 0;
        for (const auto& v : doc.object()["traceEvents"].toArray()) {
            const QJsonObject e = v.toObject();
            if (e["cat"] == "hold") ++holdsEvents;
            if (e["name"] == "thread_name" && e["args"].toObject()["name"].toString().startsWith("slots slot ")) ++slotLanes;
        }
        QCOMPARE(holdsEvents, 7);
        QCOMPARE(slotLanes, 3);
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestAnalysis)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_analysis.moc"
