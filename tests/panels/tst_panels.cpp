// The code view, inspector, wait-for graph and output panels, fed with real runs of the scenarios: each
// panel's view of a step must agree with the trace's events up to that step.

#include "common/TestMain.h"
#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QTreeView>
#include <QtTest>

#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <memory>

#include <cstdlib>

#include "lockstep/Api.h"
#include "lockstep/Controller.h"
#include "lockstep/Execution.h"
#include "lockstep/TraceAnalysis.h"
#include "lockstep/mp/Multiprocessing.h"
#include "lockstep/Lock.h"
#include "lockstep/Thread.h"
#include "lockstep/scenarios/Registry.h"
#include "panels/ChartsPanel.h"
#include "panels/CodeView.h"
#include "panels/Inspector.h"
#include "panels/InspectorModel.h"
#include "panels/Output.h"
#include "panels/OutputModel.h"
#include "style/OkabeIto.h"
#include "style/Palette.h"
#include "style/StateNames.h"
#include "panels/WaitForGraph.h"
#include "timeline/ActorLanes.h"
#include "timeline/TimelineLayout.h"
#include "timeline/TimelineModel.h"
#include "timeline/TimelinePainter.h"
#include "timeline/ZoomState.h"

using namespace lockstep;
using namespace lockstep::app;
using namespace std::chrono_literals;
namespace mp = lockstep::mp;

namespace {

// ---- child processes (this test binary started again in its worker mode)

// Sends "one" and "two" at once and "three" a second later.
void pipeWriter(const mp::Args& a) {
    mp::Connection conn(a.at(0));
    conn.send("one");
    conn.send("two");
    lockstep::sleep(1s);
    conn.send("three");
}
LOCKSTEP_PROCESS_TARGET(pipeWriter);

// Puts 1 and 2 on the queue, adds 1000 to the shared value and doubles each item of the shared array.
void feeder(const mp::Args& a) {
    mp::Queue q(a.at(0));
    mp::Value counter(a.at(1));
    mp::Array arr(a.at(2));
    q.put(1);
    q.put(2);
    counter.set(counter.value().asInt() + 1000);
    for (std::int64_t i = 0; i < arr.size(); ++i) arr.set(i, arr.get(i).asInt() * 2);
}
LOCKSTEP_PROCESS_TARGET(feeder);

void crasher(const mp::Args&) {
    print("about to crash");
    std::abort();
}
LOCKSTEP_PROCESS_TARGET(crasher);

void raiser(const mp::Args&) { throw ValueError("bad input"); }
LOCKSTEP_PROCESS_TARGET(raiser);

// Three children: a pipe writer (two of its three messages are never read), a feeder of a queue and of
// shared memory, and one that crashes.
void processProgram() {
    mp::Value counter('i', 0);
    mp::Array arr('i', mp::List{0, 1, 2});
    mp::Queue q;
    auto [reader, writerEnd] = mp::Pipe();
    mp::Process writer(&pipeWriter, {writerEnd}, {.name = "writer"});
    mp::Process feed(&feeder, {q, counter, arr}, {.name = "feeder"});
    mp::Process crash(&crasher, {}, {.name = "crasher"});
    writer.start();
    feed.start();
    crash.start();
    feed.join();
    crash.join();
    writer.join();
    print("main read", reader.recv());
    print("main got", q.get());
}

struct Run {
    WorkerPool pool;
    std::shared_ptr<Trace> trace = std::make_shared<Trace>();
    mutable std::shared_ptr<const TraceModel> model;
    // The state at the last view's cursor, moved along from view to view as the window moves its own.
    mutable std::shared_ptr<RunState> state = std::make_shared<RunState>();
    const scenarios::Scenario* scenario = nullptr;

    // A program of this file's own, run to its end as MainThread.
    explicit Run(std::function<void()> body) {
        Execution ex(pool, *trace, RunConfig{}, std::move(body));
        ex.runToEnd();
    }
    explicit Run(const std::string& id) {
        scenario = scenarios::find(id);
        if (!scenario) return;
        RunConfig config;
        scenario->defaults.applyTo(config);
        const scenarios::Params p = scenario->resolve({});
        const scenarios::Scenario* s = scenario;
        Execution ex(pool, *trace, config, [s, p] { s->main(p); });
        ex.runToEnd();
    }
    // The run's derivation, made once (a view of each cursor shares it, as the window's panels do).
    std::shared_ptr<const TraceModel> derivation() const {
        if (!model) model = std::make_shared<TraceModel>(*trace);
        return model;
    }
    TraceView view(std::uint32_t cursor) const {
        TraceView v;
        v.trace = trace;
        v.model = derivation();
        v.model->moveTo(*state, cursor);
        v.state = state;
        v.scenario = scenario;
        v.cursor = cursor;
        v.live = trace->stepCount();
        v.ended = true;
        return v;
    }
    std::uint32_t last() const { return trace->stepCount(); }
    std::size_t endOf(std::uint32_t step) const {
        return step >= trace->stepCount() ? trace->eventCount() : trace->stepEnd(step);
    }
    ActorId actor(const std::string& name) const {
        for (ActorId a = 0; a < trace->actorCount(); ++a)
            if (trace->actor(a).name == name) return a;
        return kNoActor;
    }
    ObjectId object(const std::string& name) const {
        for (ObjectId o = 0; o < trace->objectCount(); ++o)
            if (trace->object(o).name == name) return o;
        return kNoObject;
    }
    // First step with an event of `op` by `actor` (any actor when kNoActor) on `object`.
    std::uint32_t firstStep(Op op, ObjectId object, ActorId actor = kNoActor, Result result = Result::Count_) const {
        for (std::size_t i = 0; i < trace->eventCount(); ++i) {
            const TraceEvent& e = trace->event(i);
            if (e.op == op && (object == kNoObject || e.object == object) && (actor == kNoActor || e.actor == actor) &&
                (result == Result::Count_ || e.result == result))
                return trace->stepOfEvent(i);
        }
        return 0;
    }
};

// A thread in every state: not started, running, ready, blocked on a lock (and MainThread in join), sleeping
// while it holds that lock, computing on a core, done.
void everyStateProgram() {
    Lock lock("lock");
    Thread holder(
        [&lock] {
            lock.acquire();
            lockstep::sleep(100ms);
            lock.release();
        },
        ThreadOptions{.name = "holder"});
    Thread waiter(
        [&lock] {
            lockstep::sleep(10ms);
            lock.acquire();
            lock.release();
        },
        ThreadOptions{.name = "waiter"});
    Thread computer([] { work(50ms); }, ThreadOptions{.name = "computer"});
    holder.start();
    waiter.start();
    computer.start();
    holder.join();
    waiter.join();
    computer.join();
}

QString stateText(ActorState s) { return QString::fromLatin1(actorStateName(s).data(), qsizetype(actorStateName(s).size())); }

QVariant objectData(const InspectorModel& m, ObjectId o, int role) {
    const QModelIndex i = m.indexOfObject(o);
    return i.isValid() ? i.data(role) : QVariant();
}

QStringList names(const Run& r, const std::vector<ActorId>& ids) {
    QStringList out;
    for (ActorId a : ids) out << QString::fromStdString(r.trace->actor(a).name);
    return out;
}

}  // namespace

class TestPanels : public QObject {
    Q_OBJECT

private slots:
    // ---------------------------------------------------------------- code view
    void codeViewCurrentLines_data() {
        QTest::addColumn<QString>("id");
        for (const auto& s : scenarios::all()) QTest::newRow(s.id.c_str()) << QString::fromStdString(s.id);
    }
    void codeViewCurrentLines() {
        QFETCH(QString, id);
        Run r(id.toStdString());
        QVERIFY(r.scenario);
        CodeView view;
        view.resize(900, 500);
        // Forward through every step, then a few jumps back, so both the incremental and the replay path run.
        std::vector<std::uint32_t> cursors;
        // (Every step of a small run; about 400 evenly spread ones of a long one, such as 10,000 asyncio tasks,
        // since each check replays the trace.)
        const std::uint32_t stride = std::max<std::uint32_t>(1, r.last() / 400);
        for (std::uint32_t s = 0; s <= r.last(); s += stride) cursors.push_back(s);
        for (std::uint32_t s : {r.last() / 2, 1u, r.last(), 0u}) cursors.push_back(s);
        for (std::uint32_t cursor : cursors) {
            view.setView(r.view(cursor));
            QCOMPARE(view.actorColumnCount(), static_cast<int>(r.trace->actorCount()));
            const RunState states = r.derivation()->stateAt(cursor);
            std::vector<int> expected(r.trace->actorCount(), 0);
            for (std::size_t i = 0; i < r.endOf(cursor); ++i) expected[r.trace->event(i).actor] = r.trace->event(i).line;
            for (ActorId a = 0; a < r.trace->actorCount(); ++a) {
                QVERIFY2(view.currentLine(a) == expected[a],
                         qPrintable(QString("step %1 actor %2: line %3, expected %4")
                                        .arg(cursor).arg(a).arg(view.currentLine(a)).arg(expected[a])));
                QCOMPARE(view.actorState(a), states.actor(a).state.state);
            }
        }
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.grab();  // paints every visible column without crashing
    }

    // One listing for all threads: at every step the thread that ran it is the code view's last actor, the
    // line it ran is marked "just ran", and the line of its next event (the trace goes on past the cursor)
    // is marked "next". Every thread that is on a line has its name chip there.
    void codeViewMarksJustRanAndNext() {
        Run r("race-counter-sleep");
        QVERIFY(r.scenario);
        CodeView view;
        view.resize(700, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const Trace& t = *r.trace;
        int nexts = 0;
        for (std::uint32_t cursor = 1; cursor <= r.last(); ++cursor) {
            view.setView(r.view(cursor));
            const ActorId last = t.event(t.stepBegin(cursor)).actor;
            QCOMPARE(view.lastActor(), last);
            int ran = 0;
            for (std::size_t i = 0; i < t.stepEnd(cursor); ++i)
                if (t.event(i).actor == last) ran = t.event(i).line;
            QCOMPARE(view.justRanLine(), ran);
            int next = 0;
            for (std::size_t i = t.stepEnd(cursor); i < t.eventCount() && next == 0; ++i)
                if (t.event(i).actor == last && t.event(i).line > 0) next = t.event(i).line;
            QCOMPARE(view.nextLine(), next);
            nexts += next > 0;
            for (ActorId a = 0; a < t.actorCount(); ++a) {
                const bool onALine = view.currentLine(a) > 0 && view.actorState(a) != ActorState::Done;
                QCOMPARE(view.chipRect(a).isValid(), onALine);
            }
        }
        QVERIFY(nexts > 5);
    }

    void codeViewSaysWhoHoldsTheLock() {
        Run r("deadlock-two-locks");
        CodeView view;
        view.setView(r.view(r.last()));
        QCOMPARE(view.actorState(r.actor("T1")), ActorState::Blocked);
        QCOMPARE(view.statusText(r.actor("T1")), QStringLiteral("blocked: acquire lock_b (held by T2)"));
        QCOMPARE(view.statusText(r.actor("T2")), QStringLiteral("blocked: acquire lock_a (held by T1)"));
        QCOMPARE(view.statusText(r.actor("MainThread")), QStringLiteral("blocked: join T1"));
    }

    // A data race is marked on both accesses' lines, in the columns of the threads that made them, once the
    // second access has happened; the lock version marks nothing.
    void codeViewMarksBothAccessesOfARace() {
        Run r("race-counter-sleep");
        QVERIFY(!r.trace->races().empty());
        const DataRace& race = r.trace->races().front();
        CodeView view;
        view.setView(r.view(race.second.step - 1));
        QVERIFY(view.raceAccesses().empty());
        view.setView(r.view(race.second.step));
        std::size_t happened = 0;
        for (const DataRace& x : r.trace->races()) happened += x.second.step <= race.second.step ? 1 : 0;
        QCOMPARE(view.raceAccesses().size(), 2 * happened);  // both accesses of each race so far
        // Each marked line is the line of that actor's load or store in the trace.
        for (const DataRace::Access& a : {race.first, race.second}) {
            int expected = 0;
            for (std::size_t e = r.trace->stepBegin(a.step); e < r.trace->stepEnd(a.step); ++e) {
                const TraceEvent& ev = r.trace->event(e);
                if (ev.actor == a.actor && ev.object == race.object && (ev.op == Op::Load || ev.op == Op::Store))
                    expected = ev.line;
            }
            QVERIFY(expected > 0);
            const std::vector<int> lines = view.raceLines(a.actor);
            QVERIFY2(std::find(lines.begin(), lines.end(), expected) != lines.end(),
                     qPrintable(QStringLiteral("line %1 of actor %2").arg(expected).arg(a.actor)));
        }
        QVERIFY(view.raceLines(r.actor("MainThread")).empty());
        view.resize(900, 500);
        view.grab();
        Run locked("lock-counter");
        view.setView(locked.view(locked.last()));
        QVERIFY(view.raceAccesses().empty());
    }

    // actorChosen only for candidates: in manual mode at the live step, or at a past step (to branch there).
    void codeViewChoosesOnlyCandidates_data() {
        QTest::addColumn<bool>("manual");
        QTest::addColumn<bool>("atLive");
        QTest::addColumn<bool>("emits");
        QTest::newRow("manual at live") << true << true << true;
        QTest::newRow("past step, to branch") << true << false << true;
        QTest::newRow("automatic") << false << true << false;
    }
    void codeViewChoosesOnlyCandidates() {
        QFETCH(bool, manual);
        QFETCH(bool, atLive);
        QFETCH(bool, emits);
        Run r("semaphore-groups");
        const ActorId t1 = r.actor("T1"), t2 = r.actor("T2"), main = r.actor("MainThread");
        TraceView v = r.view(r.last());
        v.ended = false;
        v.manual = manual;
        v.live = atLive ? v.cursor : v.cursor + 1;
        v.candidates = {t1, t2};
        CodeView view;
        view.resize(4000, 400);  // every column in sight
        QSignalSpy spy(&view, &CodeView::actorChosen);
        view.setView(v.derive());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.isChoosable(t1), emits);
        QCOMPARE(view.isChoosable(t2), emits);
        QVERIFY(!view.isChoosable(main));

        // A non-candidate never emits, whatever the mode.
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.columnRect(main).center());
        QCOMPARE(spy.count(), 0);
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.columnRect(t2).center());
        QCOMPARE(spy.count(), emits ? 1 : 0);
        if (emits) {
            QCOMPARE(spy.takeFirst().at(0).value<ActorId>(), t2);
            const QRect button = view.chooseButtonRect(t1);
            QVERIFY(button.isValid());
            QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, button.center());
            QCOMPARE(spy.count(), 1);
            QCOMPARE(spy.takeFirst().at(0).value<ActorId>(), t1);
        } else {
            QVERIFY(!view.chooseButtonRect(t1).isValid());
        }
    }

    // ---------------------------------------------------------------- inspector
    // Stepping forward and back through every scenario keeps the model consistent.
    void inspectorModelIsConsistent_data() { codeViewCurrentLines_data(); }
    void inspectorModelIsConsistent() {
        QFETCH(QString, id);
        Run r(id.toStdString());
        Inspector inspector;
        QAbstractItemModelTester tester(inspector.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The tester re-reads the whole model on every change, so a long run is visited at about 100 spread
        // steps (every step of a short one), and a run with thousands of rows (10,000 tasks) at fewer: enough
        // to cross every kind of change, affordable under ASan.
        inspector.setView(r.view(r.last()));
        int rows = 0;
        for (int g = 0; g < inspector.model()->rowCount(); ++g)
            rows += inspector.model()->rowCount(inspector.model()->index(g, 0));
        const std::uint32_t visits = std::clamp(200000 / std::max(rows, 1), 10, 100);
        const std::uint32_t stride = std::max<std::uint32_t>(1, r.last() / visits);
        for (std::uint32_t s = 0; s <= r.last(); s += stride) inspector.setView(r.view(s));
        for (std::uint32_t s : {r.last() / 2, 0u, r.last()}) inspector.setView(r.view(s));
        QCOMPARE(inspector.model()->rowCount(), static_cast<int>(InspectorModel::GroupCount));
    }

    void inspectorSharedValueAtEnd() {
        Run r("race-counter-sleep");
        Inspector inspector;
        inspector.setView(r.view(r.last()));
        QVERIFY(!r.trace->outcome().shared.empty());
        for (const FinalValue& v : r.trace->outcome().shared)
            QCOMPARE(objectData(*inspector.model(), v.object, InspectorModel::ValueRole).toString(),
                     QString::fromStdString(v.text));
        // Each step agrees with the analysis' own reading of the variable.
        const ObjectId counter = r.object("counter");
        for (std::uint32_t s = 1; s <= r.last(); ++s) {
            inspector.setView(r.view(s));
            QCOMPARE(objectData(*inspector.model(), counter, InspectorModel::ValueRole).toString(),
                     QString::fromStdString(TraceAnalysis(*r.trace).sharedValueAt(counter, s)));
        }
    }

    void inspectorLocksInDeadlock() {
        Run r("deadlock-two-locks");
        Inspector inspector;
        inspector.setView(r.view(r.last()));
        const InspectorModel& m = *inspector.model();
        QCOMPARE(objectData(m, r.object("lock_a"), InspectorModel::OwnerRole).toString(), QStringLiteral("T1"));
        QCOMPARE(objectData(m, r.object("lock_a"), InspectorModel::WaitersRole).toStringList(), QStringList{"T2"});
        QCOMPARE(objectData(m, r.object("lock_a"), InspectorModel::CountRole).toInt(), 1);
        QCOMPARE(objectData(m, r.object("lock_b"), InspectorModel::OwnerRole).toString(), QStringLiteral("T2"));
        QCOMPARE(objectData(m, r.object("lock_b"), InspectorModel::WaitersRole).toStringList(), QStringList{"T1"});
        // Before T1 took lock_a, nobody held it.
        inspector.setView(r.view(r.firstStep(Op::Acquire, r.object("lock_a")) - 1));
        QCOMPARE(objectData(m, r.object("lock_a"), InspectorModel::OwnerRole).toString(), QString());
        QCOMPARE(objectData(m, r.object("lock_a"), InspectorModel::WaitersRole).toStringList(), QStringList());
    }

    void inspectorRLockDepth() {
        Run r("lock-vs-rlock");
        Inspector inspector;
        const ObjectId rlock = r.object("rlock");
        // The step after the second successful acquire of the RLock.
        std::uint32_t second = 0;
        int acquired = 0;
        for (std::size_t i = 0; i < r.trace->eventCount() && !second; ++i) {
            const TraceEvent& e = r.trace->event(i);
            if (e.object == rlock && e.op == Op::Acquire && e.result == Result::Acquired && ++acquired == 2)
                second = r.trace->stepOfEvent(i);
        }
        QVERIFY(second > 0);
        inspector.setView(r.view(second));
        QCOMPARE(objectData(*inspector.model(), rlock, InspectorModel::CountRole).toInt(), 2);
        QCOMPARE(objectData(*inspector.model(), rlock, InspectorModel::OwnerRole).toString(), QStringLiteral("MainThread"));
        inspector.setView(r.view(r.last()));
        QCOMPARE(objectData(*inspector.model(), rlock, InspectorModel::OwnerRole).toString(), QString());
    }

    // At t=0 three threads are inside Semaphore(3) and the other four wait, in the order they arrived.
    void inspectorSemaphoreSlots() {
        Run r("semaphore-groups");
        Inspector inspector;
        const ObjectId sem = r.object("slots");
        std::uint32_t lastAtZero = 0;
        for (std::size_t i = 0; i < r.trace->eventCount() && r.trace->event(i).time == 0; ++i)
            lastAtZero = r.trace->stepOfEvent(i);
        QVERIFY(lastAtZero > 0);
        inspector.setView(r.view(lastAtZero));
        const InspectorModel& m = *inspector.model();
        QStringList holders = objectData(m, sem, InspectorModel::HoldersRole).toStringList();
        holders.removeAll(QString());
        QCOMPARE(holders.size(), 3);
        QCOMPARE(objectData(m, sem, InspectorModel::CountRole).toInt(), 0);
        // The waiters are exactly the threads blocked in acquire by then, in arrival order.
        std::vector<ActorId> blocked;
        for (std::size_t i = 0; i < r.endOf(lastAtZero); ++i) {
            const TraceEvent& e = r.trace->event(i);
            if (e.object == sem && e.op == Op::Acquire && e.result == Result::Blocked) blocked.push_back(e.actor);
        }
        QCOMPARE(objectData(m, sem, InspectorModel::WaitersRole).toStringList(), names(r, blocked));
        QCOMPARE(objectData(m, sem, InspectorModel::WaitingCountRole).toInt(), static_cast<int>(blocked.size()));
        QVERIFY(!blocked.empty());
        // Holders match the analysis' slot intervals at that step.
        QStringList fromHolds;
        for (const HoldInterval& h : TraceAnalysis(*r.trace).holds(sem))
            if (h.beginStep <= lastAtZero && lastAtZero < h.endStep)
                fromHolds << QString::fromStdString(r.trace->actor(h.holder).name);
        holders.sort();
        fromHolds.sort();
        QCOMPARE(holders, fromHolds);
    }

    // Queue contents follow put/get in FIFO order, and their number matches the analysis' queue length.
    void inspectorQueueContents() {
        Run r("queue-producer-consumers");
        Inspector inspector;
        const ObjectId q = r.object("q");
        const auto lengths = TraceAnalysis(*r.trace).queueLength(q);
        std::deque<QString> expected;
        std::size_t next = 0;
        bool sawTwo = false;
        for (std::uint32_t s = 1; s <= r.last(); ++s) {
            for (; next < r.endOf(s); ++next) {
                const TraceEvent& e = r.trace->event(next);
                if (e.object != q || e.result != Result::Ok) continue;
                if (e.op == Op::Put) expected.push_back(QString::fromUtf8(r.trace->argText(e)));
                if (e.op == Op::Get) expected.pop_front();
            }
            inspector.setView(r.view(s));
            const QStringList items = objectData(*inspector.model(), q, InspectorModel::ItemsRole).toStringList();
            QCOMPARE(items, QStringList(expected.begin(), expected.end()));
            int length = 0;
            for (const CountPoint& p : lengths)
                if (p.step <= s) length = p.value;
            QCOMPARE(items.size(), length);
            sawTwo = sawTwo || items.size() >= 2;
        }
        QVERIFY(sawTwo);  // the run does fill the queue beyond one item, so order was really checked
    }

    void inspectorEventFlag() {
        Run r("event-set-wait");
        Inspector inspector;
        const ObjectId ready = r.object("ready");
        const std::uint32_t set = r.firstStep(Op::Set, ready);
        QVERIFY(set > 1);
        inspector.setView(r.view(set - 1));
        QCOMPARE(objectData(*inspector.model(), ready, InspectorModel::FlagRole).toBool(), false);
        QCOMPARE(objectData(*inspector.model(), ready, InspectorModel::WaitersRole).toStringList(), QStringList{"waiter"});
        inspector.setView(r.view(set));
        QCOMPARE(objectData(*inspector.model(), ready, InspectorModel::FlagRole).toBool(), true);
        QCOMPARE(objectData(*inspector.model(), ready, InspectorModel::WaitersRole).toStringList(), QStringList());
    }

    // race-counter-sleep: the shared counter says who wrote it last, and each data race gets a row of its own
    // once the cursor reaches its later access; groups with nothing in them are not shown.
    void inspectorRacesAndWriters() {
        Run r("race-counter-sleep");
        Inspector inspector;
        QAbstractItemModelTester tester(inspector.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const InspectorModel& m = *inspector.model();
        const ObjectId counter = r.object("counter");
        const QModelIndex races = m.index(InspectorModel::RaceGroup, 0);
        QCOMPARE(r.trace->races().size(), std::size_t(2));
        const std::uint32_t found = r.trace->races()[0].second.step;
        const std::uint32_t lost = r.trace->races()[1].second.step;
        inspector.setView(r.view(found - 1));
        QCOMPARE(m.rowCount(races), 0);
        QVERIFY(inspector.tree()->isRowHidden(InspectorModel::RaceGroup, {}));
        QVERIFY(inspector.tree()->isRowHidden(InspectorModel::LockGroup, {}));
        QVERIFY(!inspector.tree()->isRowHidden(InspectorModel::SharedGroup, {}));
        inspector.setView(r.view(found));
        QCOMPARE(m.rowCount(races), 1);
        QVERIFY(!inspector.tree()->isRowHidden(InspectorModel::RaceGroup, {}));
        inspector.setView(r.view(lost));
        QCOMPARE(m.rowCount(races), 2);
        const QModelIndex race = m.index(1, 0, races);
        QCOMPARE(race.data(InspectorModel::NameRole).toString(), QString("counter"));
        QCOMPARE(race.data(InspectorModel::OtherActorRole).toString(), QString("T1"));
        QCOMPARE(race.data(InspectorModel::OtherStepRole).toInt(), int(r.trace->races()[1].first.step));
        QCOMPARE(race.data(InspectorModel::WriterRole).toString(), QString("T2"));
        QCOMPARE(race.data(InspectorModel::StepRole).toInt(), int(lost));
        QCOMPARE(race.data(InspectorModel::ValueRole).toString(),
                 QString("T1's store at step %1, then T2's store at step %2").arg(r.trace->races()[1].first.step).arg(lost));
        // The counter at that step: 20, stored by T2 just now.
        QCOMPARE(objectData(m, counter, InspectorModel::ValueRole).toString(), QString("20"));
        QCOMPARE(objectData(m, counter, InspectorModel::WriterRole).toString(), QString("T2"));
        QCOMPARE(objectData(m, counter, InspectorModel::StepRole).toInt(), int(lost));
        QVERIFY(m.index(m.indexOfObject(counter).row(), InspectorModel::DetailsColumn, m.indexOfObject(counter).parent())
                    .data()
                    .toString()
                    .contains(QString("written by T2 at step %1").arg(lost)));
    }

    // A Python program's threads record their frame's locals (Op::Locals): the inspector lists them by thread
    // at the cursor, with the function they are in, and drops a thread's row when its function ended.
    void inspectorLocals() {
        const auto recordLocals = [](const std::string& text) {
            Execution& ex = Execution::current();
            const ActorId me = ex.enter();
            ex.record(me, Op::Locals, kNoObject, Result::Ok, ex.text(text), TraceEvent::ArgIsString);
        };
        Run r([&] {
            Thread worker([&] {
                recordLocals("work: n = 10");
                lockstep::sleep(std::chrono::milliseconds(1));
                recordLocals("work: n = 10, v = 0");
                lockstep::sleep(std::chrono::milliseconds(1));
            }, {.name = "W"});
            worker.start();
            worker.join();
        });
        Inspector inspector;
        QAbstractItemModelTester tester(inspector.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const InspectorModel& m = *inspector.model();
        const QModelIndex locals = m.index(InspectorModel::LocalsGroup, 0);
        const std::uint32_t first = r.firstStep(Op::Locals, kNoObject);
        QVERIFY(first > 0);
        inspector.setView(r.view(first - 1));
        QCOMPARE(m.rowCount(locals), 0);
        QVERIFY(inspector.tree()->isRowHidden(InspectorModel::LocalsGroup, {}));
        inspector.setView(r.view(first));
        QCOMPARE(m.rowCount(locals), 1);
        QCOMPARE(m.index(0, 0, locals).data(InspectorModel::NameRole).toString(), QString("W"));
        QCOMPARE(m.index(0, 0, locals).data(InspectorModel::ValueRole).toString(), QString("n = 10"));
        QCOMPARE(m.index(0, 0, locals).data(InspectorModel::CoroutineRole).toString(), QString("work"));
        std::uint32_t second = 0;
        for (std::size_t i = 0; i < r.trace->eventCount() && !second; ++i)
            if (r.trace->event(i).op == Op::Locals && r.trace->stepOfEvent(i) > first) second = r.trace->stepOfEvent(i);
        QVERIFY(second > first);
        inspector.setView(r.view(second));
        QCOMPARE(m.index(0, 0, locals).data(InspectorModel::ValueRole).toString(), QString("n = 10, v = 0"));
        inspector.setView(r.view(r.last()));
        QCOMPARE(m.rowCount(locals), 0);
    }

    void inspectorErrors() {
        Run r("bounded-semaphore-pool");
        Inspector inspector;
        const InspectorModel& m = *inspector.model();
        const QModelIndex errors = m.index(InspectorModel::ErrorGroup, 0);
        inspector.setView(r.view(0));
        QCOMPARE(m.rowCount(errors), 0);
        inspector.setView(r.view(r.last()));
        int raised = 0;
        for (std::size_t i = 0; i < r.trace->eventCount(); ++i) raised += r.trace->event(i).op == Op::Raise;
        QVERIFY(raised > 0);
        QCOMPARE(m.rowCount(errors), raised);
        const QModelIndex first = m.index(0, 0, errors);
        QVERIFY(first.data(InspectorModel::MessageRole).toString().startsWith(QStringLiteral("ValueError")));
        QCOMPARE(first.data(InspectorModel::ActorRole).toString(), QStringLiteral("MainThread"));
    }

    // ---------------------------------------------------------------- multiprocessing
    // Processes: pid, alive, then how each ended; a crash is an error.
    void inspectorProcesses() {
        Run r(processProgram);
        QCOMPARE(r.trace->outcome().status, RunStatus::Finished);
        Inspector inspector;
        QAbstractItemModelTester tester(inspector.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const InspectorModel& m = *inspector.model();
        const ObjectId writer = r.object("writer"), crasher = r.object("crasher");
        const ActorId writerActor = r.actor("writer");
        const std::uint32_t started = r.firstStep(Op::Start, writer);
        QVERIFY(started > 1);
        inspector.setView(r.view(started - 1));
        QCOMPARE(objectData(m, writer, InspectorModel::GroupRole).toInt(), int(InspectorModel::ProcessGroup));
        QCOMPARE(objectData(m, writer, InspectorModel::ValueRole).toString(), QStringLiteral("not started"));
        QCOMPARE(objectData(m, writer, InspectorModel::PidRole).toLongLong(), 0);
        QVERIFY(objectData(m, writer, InspectorModel::ExitCodeRole).isNull());
        inspector.setView(r.view(started));
        QCOMPARE(objectData(m, writer, InspectorModel::ValueRole).toString(), QStringLiteral("alive"));
        QCOMPARE(objectData(m, writer, InspectorModel::AliveRole).toBool(), true);
        QCOMPARE(objectData(m, writer, InspectorModel::PidRole).toLongLong(), r.trace->actor(writerActor).pid);
        QVERIFY(m.indexOfObject(writer).siblingAtColumn(InspectorModel::DetailsColumn).data().toString().contains(
            QStringLiteral("pid %1").arg(r.trace->actor(writerActor).pid)));
        inspector.setView(r.view(r.last()));
        QCOMPARE(m.rowCount(m.index(InspectorModel::ProcessGroup, 0)), 3);
        QCOMPARE(objectData(m, writer, InspectorModel::ValueRole).toString(), QStringLiteral("exit 0"));
        QCOMPARE(objectData(m, writer, InspectorModel::AliveRole).toBool(), false);
        QCOMPARE(objectData(m, writer, InspectorModel::ExitCodeRole).toInt(), 0);
        QCOMPARE(objectData(m, crasher, InspectorModel::ExitCodeRole).toInt(), -6);
        QCOMPARE(objectData(m, crasher, InspectorModel::ValueRole).toString(), QStringLiteral("exit -6 (SIGABRT)"));
        QCOMPARE(objectData(m, crasher, Qt::ForegroundRole).value<QBrush>().color(), style::OkabeIto::vermillion());
    }

    // Pipe ends: the messages sent to each and not read yet, in order.
    void inspectorPipeUnread() {
        Run r(processProgram);
        Inspector inspector;
        const InspectorModel& m = *inspector.model();
        const ObjectId reader = r.object("Connection-1"), writerEnd = r.object("Connection-2");
        const auto unread = [&] { return objectData(m, reader, InspectorModel::ItemsRole).toStringList(); };
        inspector.setView(r.view(r.firstStep(Op::Send, writerEnd)));
        QCOMPARE(objectData(m, reader, InspectorModel::GroupRole).toInt(), int(InspectorModel::PipeGroup));
        QCOMPARE(unread(), QStringList{"'one'"});
        QCOMPARE(objectData(m, reader, InspectorModel::ValueRole).toString(), QStringLiteral("1 unread"));
        QCOMPARE(objectData(m, reader, InspectorModel::PeerRole).toString(), QStringLiteral("Connection-2"));
        QCOMPARE(objectData(m, writerEnd, InspectorModel::PeerRole).toString(), QStringLiteral("Connection-1"));
        const std::uint32_t recv = r.firstStep(Op::Recv, reader, kNoActor, Result::Ok);
        inspector.setView(r.view(recv - 1));
        QCOMPARE(unread(), (QStringList{"'one'", "'two'", "'three'"}));
        inspector.setView(r.view(recv));
        QCOMPARE(unread(), (QStringList{"'two'", "'three'"}));
        QCOMPARE(objectData(m, reader, InspectorModel::CountRole).toInt(), 2);
        QVERIFY(m.indexOfObject(reader).siblingAtColumn(InspectorModel::DetailsColumn).data().toString().startsWith(
            QStringLiteral("['two', 'three']")));
        QCOMPARE(objectData(m, writerEnd, InspectorModel::ItemsRole).toStringList(), QStringList());
    }

    // A multiprocessing.Queue lists its contents as queue.Queue does; shared memory shows its latest value.
    void inspectorProcessQueueAndSharedMemory() {
        Run r(processProgram);
        Inspector inspector;
        const InspectorModel& m = *inspector.model();
        const ObjectId q = r.object("multiprocessing.Queue-1");
        const ObjectId counter = r.object("Value-1"), arr = r.object("Array-1");
        inspector.setView(r.view(r.last()));
        QCOMPARE(objectData(m, q, InspectorModel::GroupRole).toInt(), int(InspectorModel::QueueGroup));
        QCOMPARE(objectData(m, q, InspectorModel::ItemsRole).toStringList(), QStringList{"2"});
        QCOMPARE(objectData(m, q, InspectorModel::KindRole).toString(), QStringLiteral("multiprocessing.Queue"));
        QCOMPARE(objectData(m, counter, InspectorModel::GroupRole).toInt(), int(InspectorModel::SharedGroup));
        QCOMPARE(objectData(m, counter, InspectorModel::ValueRole).toString(), QStringLiteral("1000"));
        QCOMPARE(objectData(m, arr, InspectorModel::ValueRole).toString(), QStringLiteral("[0, 2, 4]"));
        // At every step: the text of the last create, load or store of each.
        std::map<ObjectId, QString> expected;
        std::size_t next = 0;
        for (std::uint32_t s = 1; s <= r.last(); ++s) {
            for (; next < r.endOf(s); ++next) {
                const TraceEvent& e = r.trace->event(next);
                if ((e.object == counter || e.object == arr) &&
                    (e.op == Op::Create || e.op == Op::Load || e.op == Op::Store))
                    expected[e.object] = QString::fromUtf8(r.trace->argText(e));
            }
            inspector.setView(r.view(s));
            for (const auto& [o, text] : expected) QCOMPARE(objectData(m, o, InspectorModel::ValueRole).toString(), text);
        }
        QCOMPARE(expected[arr], QStringLiteral("[0, 2, 4]"));
    }

    // A child's lines carry its name and pid; its crash report is on stderr, in the error colour.
    void outputShowsChildProcesses() {
        Run r(processProgram);
        Output output;
        QAbstractItemModelTester tester(output.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        output.setView(r.view(r.last()));
        const QAbstractItemModel& m = *output.model();
        QCOMPARE(m.headerData(OutputModel::ActorColumn, Qt::Horizontal).toString(), QStringLiteral("Process / thread"));
        const std::int64_t pid = r.trace->actor(r.actor("crasher")).pid;
        int crashRow = -1, reportRow = -1;
        for (int row = 0; row < m.rowCount(); ++row) {
            const QString text = m.index(row, 0).data(OutputModel::TextRole).toString();
            if (text == QStringLiteral("about to crash")) crashRow = row;
            if (text.contains(QStringLiteral("was killed by signal 6"))) reportRow = row;
        }
        QVERIFY(crashRow >= 0 && reportRow > crashRow);
        for (int row : {crashRow, reportRow}) {
            QCOMPARE(m.index(row, OutputModel::ActorColumn).data().toString(), QStringLiteral("crasher"));
            QCOMPARE(m.index(row, 0).data(OutputModel::PidRole).toLongLong(), pid);
            QVERIFY(m.index(row, OutputModel::ActorColumn).data(Qt::ToolTipRole).toString().startsWith(
                QStringLiteral("crasher (pid %1)").arg(pid)));
        }
        QCOMPARE(m.index(crashRow, 0).data(OutputModel::StderrRole).toBool(), false);
        QCOMPARE(m.index(reportRow, 0).data(OutputModel::StderrRole).toBool(), true);
        QCOMPARE(m.index(reportRow, OutputModel::TextColumn).data(Qt::ForegroundRole).value<QBrush>().color(),
                 style::OkabeIto::vermillion());
        QVERIFY(!m.index(crashRow, OutputModel::TextColumn).data(Qt::ForegroundRole).isValid());
        // A child's traceback is one row showing every line of it, the exception last; the tooltip has it as
        // printed.
        Run raised([] {
            mp::Process p(&raiser);
            p.start();
            p.join();
        });
        output.setView(raised.view(raised.last()));
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(m.index(0, OutputModel::TextColumn).data().toString(), QStringLiteral("Process Process-1: ↵ ValueError: bad input"));
        QVERIFY(m.index(0, OutputModel::TextColumn).data(Qt::ToolTipRole).toString().startsWith(
            QStringLiteral("Process Process-1:\nValueError: bad input\n")));
        QCOMPARE(m.index(0, 0).data(OutputModel::StderrRole).toBool(), true);
        // A run without processes keeps its header.
        Run plain("race-counter-sleep");
        output.setView(plain.view(plain.last()));
        QCOMPARE(m.headerData(OutputModel::ActorColumn, Qt::Horizontal).toString(), QStringLiteral("Thread"));
    }

    // ---------------------------------------------------------------- wait-for graph
    void waitForGraphShowsTheCycle() {
        Run r("deadlock-two-locks");
        QCOMPARE(r.trace->outcome().status, RunStatus::Deadlock);
        Inspector inspector;
        inspector.setView(r.view(r.last()));
        const WaitForGraphData& g = inspector.waitForGraph()->graph();
        const int t1 = g.actorNode(r.actor("T1")), t2 = g.actorNode(r.actor("T2"));
        const int a = g.objectNode(r.object("lock_a")), b = g.objectNode(r.object("lock_b"));
        QVERIFY(t1 >= 0 && t2 >= 0 && a >= 0 && b >= 0);
        using K = WaitForGraphData::EdgeKind;
        // T1 -> lock_b -> T2 -> lock_a -> T1, every edge on the cycle.
        const std::pair<int, int> cycle[] = {{t1, b}, {b, t2}, {t2, a}, {a, t1}};
        for (const auto& [from, to] : cycle) {
            const WaitForGraphData::Edge* e = g.edge(from, to);
            QVERIFY(e);
            QVERIFY(e->onCycle);
            QCOMPARE(e->kind, g.nodes[static_cast<std::size_t>(from)].isActor ? K::WaitsFor : K::HeldBy);
        }
        // MainThread waits in join for T1, off the cycle.
        const int main = g.actorNode(r.actor("MainThread"));
        QVERIFY(main >= 0);
        const WaitForGraphData::Edge* join = g.edge(main, g.objectNode(r.object("T1")));
        QVERIFY(join && !join->onCycle);

        // One step earlier the cycle has not closed: nothing is marked.
        inspector.setView(r.view(r.trace->cycles().front().step - 1));
        for (const auto& e : inspector.waitForGraph()->graph().edges) QVERIFY(!e.onCycle);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        inspector.grab();
    }

    // ---------------------------------------------------------------- one palette
    // A state has one colour in every view: the timeline's band, the code view's line and marker, the wait-for
    // graph's node and the charts' bar all come from style::Palette::actorState and agree, read from what each
    // view reports (and, for the timeline, from the pixels it paints), not from the palette alone.
    void everyViewColoursAStateAlike() {
        Run r(everyStateProgram);
        QCOMPARE(r.trace->outcome().status, RunStatus::Finished);
        std::map<ActorState, QColor> timelineColour, codeColour, graphColour, chartColour;
        auto agree = [](std::map<ActorState, QColor>& seen, ActorState s, const QColor& c, const char* view) {
            const auto [it, added] = seen.emplace(s, c);
            QVERIFY2(it->second == c, qPrintable(QStringLiteral("%1: %2 is %3 and %4").arg(view, stateText(s),
                                                                                         it->second.name(QColor::HexArgb),
                                                                                         c.name(QColor::HexArgb))));
            QVERIFY2(c == style::Palette::actorState(s),
                     qPrintable(QStringLiteral("%1: %2 is %3, the palette's %4")
                                    .arg(view, stateText(s), c.name(QColor::HexArgb),
                                         style::Palette::actorState(s).name(QColor::HexArgb))));
        };

        // The timeline: every band of every thread's lane, and what the painter puts on screen for the wide ones.
        using namespace lockstep::timeline;
        const TimelineModel tm(*r.trace);
        const TimelineLayout layout =
            TimelineLayout::compute(QRect(0, 0, 1400, 400), tm, TimelineLayout::defaultFont(), false, false);
        ZoomState zoom;
        zoom.setRange(tm.rangeBegin(Axis::Steps), tm.rangeEnd(Axis::Steps));
        zoom.setWidth(layout.plot.width());
        zoom.fit();
        QImage image(1400, 400, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            TimelinePainter(tm, zoom, Axis::Steps).paint(p, layout, PaintOptions{});
        }
        std::set<ActorState> paintedStates;
        for (ActorId a = 0; a < r.trace->actorCount(); ++a) {
            const int row = tm.actorLane(a);
            QVERIFY(row >= 0);
            const auto* lane = laneAs<ActorLane>(tm.lane(row));
            QVERIFY(lane);
            for (std::size_t i = 0; i < lane->bands.size(); ++i) {
                const Band& b = lane->bands[i];
                const ActorState s = lane->data[i].state;
                agree(timelineColour, s, QColor::fromRgba(b.fill), "timeline");
                const Pos c0 = zoom.columnOf(beginOf(b, Axis::Steps)), c1 = zoom.columnOf(endOf(b, Axis::Steps));
                if (qAlpha(b.fill) == 0 || c1 - c0 < 8) continue;
                // Near the band's bottom edge (under its label, away from the marks on its top edge and
                // middle), the band's colour is painted: at the foot itself, or just above it where a critical
                // section's bracket runs along the foot (the holder holds the lock through its sleep).
                bool painted = false;
                for (int fromBottom : {4, 6}) {
                    const int y = layout.laneTop(row, 0) + layout.laneHeight - fromBottom;
                    for (Pos c = c0 + 1; c < c1 - 1 && !painted; ++c)
                        painted = image.pixelColor(layout.plot.left() + int(c), y) == QColor::fromRgba(b.fill);
                }
                QVERIFY2(painted, qPrintable(QStringLiteral("%1's %2 band at steps [%3, %4) is not painted %5")
                                                 .arg(QString::fromStdString(r.trace->actor(a).name), stateText(s))
                                                 .arg(b.beginStep)
                                                 .arg(b.endStep)
                                                 .arg(QColor::fromRgba(b.fill).name())));
                paintedStates.insert(s);
            }
        }
        QCOMPARE(timelineColour.size(), kActorStates);
        // Every state but "not started" (transparent: nothing painted) had a band wide enough to look at.
        QCOMPARE(paintedStates.size(), kActorStates - 1);

        // The code view and the wait-for graph, at every step: an actor's line and marker, and its node
        // when the graph has one, in the colour of the state the code view says it is in.
        CodeView code;
        code.resize(900, 500);
        Inspector inspector;
        for (std::uint32_t cursor = 0; cursor <= r.last(); ++cursor) {
            const TraceView view = r.view(cursor);
            code.setView(view);
            inspector.setView(view);
            const app::WaitForGraph& graph = *inspector.waitForGraph();
            for (ActorId a = 0; a < r.trace->actorCount(); ++a) {
                const ActorState s = code.actorState(a);
                agree(codeColour, s, code.markerColor(a), "code view marker");
                // The line's background is the same colour, translucent so the code stays readable.
                QCOMPARE(code.lineBackground(a).rgb(), code.markerColor(a).rgb());
                QCOMPARE(code.lineBackground(a), style::Palette::actorStateBackground(s));
                const int node = graph.graph().actorNode(a);
                if (node < 0) continue;
                QCOMPARE(graph.graph().nodes[std::size_t(node)].state, s);
                agree(graphColour, s, graph.nodeBorder(node), "wait-for graph border");
                QCOMPARE(graph.nodeFill(node).rgb(), graph.nodeBorder(node).rgb());
                QCOMPARE(graph.nodeFill(node), code.lineBackground(a));
            }
        }
        QCOMPARE(codeColour.size(), kActorStates);
        // The graph shows the waiters and the holders only; a node in each state the rest of the way.
        QVERIFY(graphColour.count(ActorState::Blocked));
        WaitForGraphData every;
        for (std::size_t k = 0; k < kActorStates; ++k)
            every.nodes.push_back({.isActor = true, .actor = ActorId(k), .name = stateText(ActorState(k)),
                                   .state = ActorState(k)});
        app::WaitForGraph graph;
        graph.setGraph(every);
        for (std::size_t k = 0; k < kActorStates; ++k) {
            agree(graphColour, ActorState(k), graph.nodeBorder(int(k)), "wait-for graph border");
            QCOMPARE(graph.nodeFill(int(k)), style::Palette::actorStateBackground(ActorState(k)));
        }

        // The charts: the time in each state, one bar set per state, named and coloured as the state.
        ChartsPanel charts;
        charts.setView(r.view(r.last()));
        QVERIFY(!charts.isChartEmpty(ChartsPanel::ActorStatesChart));
        const auto* bars =
            qobject_cast<QHorizontalStackedBarSeries*>(charts.chart(ChartsPanel::ActorStatesChart)->series().front());
        QVERIFY(bars);
        for (QBarSet* set : bars->barSets()) {
            std::size_t k = 0;
            while (k < kActorStates && style::StateNames::actor(ActorState(k)) != set->label()) ++k;
            QVERIFY2(k < kActorStates, qPrintable(QStringLiteral("a bar set named %1").arg(set->label())));
            agree(chartColour, ActorState(k), set->color(), "charts");
        }
        QCOMPARE(chartColour.size(), kActorStates);

        // And so they agree with each other, state by state.
        for (std::size_t k = 0; k < kActorStates; ++k) {
            const ActorState s = ActorState(k);
            QCOMPARE(codeColour[s], timelineColour[s]);
            QCOMPARE(graphColour[s], timelineColour[s]);
            QCOMPARE(chartColour[s], timelineColour[s]);
        }
    }

    // ---------------------------------------------------------------- live run
    // While a run goes on, each panel follows the growing trace step by step (the incremental paths) and
    // must show exactly what a fresh panel computes from scratch at the same step.
    void panelsFollowALiveRun() {
        const scenarios::Scenario* s = scenarios::find("queue-producer-consumers");
        QVERIFY(s);
        std::mutex mutex;
        ControllerReport last;
        Controller controller([&](const ControllerReport& r) {
            std::lock_guard lock(mutex);
            last = r;
        });
        RunConfig config;
        config.policy = s->defaults.policy;
        const scenarios::Params p = s->resolve({});
        controller.load(config, [s, p] { s->main(p); });
        controller.waitIdle();

        Output output;
        Inspector inspector;
        CodeView code;
        QAbstractItemModelTester outputTester(output.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester inspectorTester(inspector.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto rows = [](const QAbstractItemModel& m, const QModelIndex& parent = {}) {
            QStringList out;
            for (int r = 0; r < m.rowCount(parent); ++r)
                for (int c = 0; c < m.columnCount(parent); ++c) out << m.index(r, c, parent).data().toString();
            return out;
        };
        bool ended = false;
        for (int guard = 0; !ended && guard < 5000; ++guard) {
            controller.step(1);
            controller.waitIdle();
            TraceView v;
            {
                std::lock_guard lock(mutex);
                v.trace = last.trace;
                v.live = last.steps;
                v.ended = last.ended;
                v.candidates = last.candidates;
            }
            v.scenario = s;
            v.cursor = v.live;
            ended = v.ended;
            output.setView(v.derive());
            inspector.setView(v.derive());
            code.setView(v.derive());

            Output freshOutput;
            Inspector freshInspector;
            CodeView freshCode;
            freshOutput.setView(v.derive());
            freshInspector.setView(v.derive());
            freshCode.setView(v.derive());
            QCOMPARE(rows(*output.model()), rows(*freshOutput.model()));
            QCOMPARE(output.model()->currentRow(), freshOutput.model()->currentRow());
            for (int g = 0; g < InspectorModel::GroupCount; ++g)
                QCOMPARE(rows(*inspector.model(), inspector.model()->index(g, 0)),
                         rows(*freshInspector.model(), freshInspector.model()->index(g, 0)));
            QCOMPARE(code.actorColumnCount(), freshCode.actorColumnCount());
            for (ActorId a = 0; a < static_cast<ActorId>(code.actorColumnCount()); ++a) {
                QCOMPARE(code.currentLine(a), freshCode.currentLine(a));
                QCOMPARE(code.statusText(a), freshCode.statusText(a));
            }
        }
        QVERIFY(ended);
        QVERIFY(output.model()->rowCount() > 0);
    }

    // ---------------------------------------------------------------- output
    void outputRowsArePrintedLines_data() { codeViewCurrentLines_data(); }
    void outputRowsArePrintedLines() {
        QFETCH(QString, id);
        Run r(id.toStdString());
        Output output;
        QAbstractItemModelTester tester(output.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        output.setView(r.view(r.last()));
        const OutputModel& m = *output.model();
        int row = 0;
        for (std::size_t i = 0; i < r.trace->eventCount(); ++i) {
            const TraceEvent& e = r.trace->event(i);
            if (e.op != Op::Print) continue;
            QVERIFY(row < m.rowCount());
            const QModelIndex idx = m.index(row, 0);
            QCOMPARE(idx.data(OutputModel::TextRole).toString(), QString::fromUtf8(r.trace->argText(e)));
            QCOMPARE(idx.data(OutputModel::ActorNameRole).toString(), QString::fromStdString(r.trace->actor(e.actor).name));
            QCOMPARE(idx.data(OutputModel::StepRole).value<std::uint32_t>(), r.trace->stepOfEvent(i));
            QCOMPARE(idx.data(OutputModel::TimeRole).toDouble(), toSeconds(e.time));
            QCOMPARE(idx.data(OutputModel::StderrRole).toBool(), (e.flags & TraceEvent::ToStderr) != 0);
            ++row;
        }
        QCOMPARE(m.rowCount(), row);
        // The current row is the last line printed at or before the cursor.
        for (std::uint32_t s = 0; s <= r.last(); ++s) {
            output.setView(r.view(s));
            int expected = -1;
            for (int i = 0; i < m.rowCount(); ++i)
                if (m.index(i, 0).data(OutputModel::StepRole).value<std::uint32_t>() <= s) expected = i;
            QCOMPARE(m.currentRow(), expected);
            if (expected >= 0) QVERIFY(m.index(expected, 0).data(OutputModel::CurrentRole).toBool());
        }
    }

    void outputClickRequestsStep() {
        Run r("condition-producer-consumer");
        Output output;
        output.resize(800, 600);
        output.setView(r.view(r.last()));
        output.show();
        QVERIFY(QTest::qWaitForWindowExposed(&output));
        QSignalSpy spy(&output, &Output::stepRequested);
        const OutputModel& m = *output.model();
        QVERIFY(m.rowCount() >= 3);
        for (int row : {0, 2}) {
            const QModelIndex idx = m.index(row, OutputModel::TextColumn);
            output.table()->scrollTo(idx);
            QTest::mouseClick(output.table()->viewport(), Qt::LeftButton, {}, output.table()->visualRect(idx).center());
            QCOMPARE(spy.count(), 1);
            QCOMPARE(spy.takeFirst().at(0).value<std::uint32_t>(), idx.data(OutputModel::StepRole).value<std::uint32_t>());
        }
    }

    // A new trace (a restart) replaces the rows rather than appending to them.
    void outputFollowsANewTrace() {
        Run a("race-counter-sleep");
        Run b("condition-producer-consumer");
        Output output;
        QAbstractItemModelTester tester(output.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        output.setView(a.view(a.last()));
        QCOMPARE(output.model()->rowCount(), 1);
        output.setView(b.view(b.last()));
        QCOMPARE(output.model()->index(0, 0).data(OutputModel::ActorNameRole).toString(), QStringLiteral("consumer-1"));
        output.setView(TraceView{});
        QCOMPARE(output.model()->rowCount(), 0);
    }
};

#define main lockstepQTestMain
QTEST_MAIN(TestPanels)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_panels.moc"
