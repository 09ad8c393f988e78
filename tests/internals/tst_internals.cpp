// A learner's Python program must not show the standard library's own objects: t.start() waits on the thread's
// `_started` Event, q.put() on the queue's `not_full` Condition, and neither was written by the learner. With
// internals hidden (the window's default) no timeline lane, inspector row or wait-for node names them, and the
// story, the code view's header and the scheduler bar name the learner's call instead; with View > Show
// internals they are all back. Objects the learner made stay visible either way. Asserted on model data and
// text, never on timing.

#include "common/TestMain.h"

#include <QtTest>

#include <optional>

#include "common/ScenarioTrace.h"
#include "lockstep/InsideCall.h"
#include "lockstep/Story.h"
#include "lockstep/TraceModel.h"
#include "lockstep/python/Program.h"
#include "panels/ChartData.h"
#include "panels/CodeView.h"
#include "panels/InspectorModel.h"
#include "panels/SchedulerBar.h"
#include "panels/StoryPanel.h"
#include "panels/WaitForGraphData.h"
#include "timeline/TimelineModel.h"
#include "view/StoryText.h"
#include "view/TraceView.h"

using namespace lockstep;
using namespace lockstep::app;
using namespace lockstep::testing;

namespace {

const char* kThreadProgram = R"py(import threading

def work():
    pass

lock = threading.Lock()
t = threading.Thread(target=work)
t.start()
t.join()
with lock:
    pass
)py";

const char* kQueueProgram = R"py(import queue
import threading
import time

q = queue.Queue(1)

def produce():
    for i in range(2):
        q.put(i)

def consume():
    time.sleep(1)
    print(q.get())
    print(q.get())

p = threading.Thread(target=produce, name="P")
c = threading.Thread(target=consume, name="C")
p.start()
c.start()
p.join()
c.join()
)py";

// A finished run of a program, with what the views need.
struct ProgramRun {
    const scenarios::Scenario* scenario = nullptr;
    std::unique_ptr<Run> run;
    std::shared_ptr<const Trace> trace;
    std::shared_ptr<const TraceModel> model;
};

ProgramRun runProgram(WorkerPool& pool, const std::string& name, const std::string& source) {
    ProgramRun r;
    std::string error;
    r.scenario = python::loadSource("/tmp/lockstep-internals/" + name, source, error);
    if (!r.scenario) qFatal("%s does not load: %s", name.c_str(), error.c_str());
    r.run = runScenario(pool, r.scenario->id, PolicyKind::RoundRobin, 1);
    r.trace = std::shared_ptr<const Trace>(std::shared_ptr<const Trace>(), &r.run->trace);  // not owned: the run outlives the views
    r.model = std::make_shared<TraceModel>(r.run->trace);
    return r;
}

// The first step at whose end `actor` is blocked on one of the standard library's own objects.
std::optional<std::uint32_t> firstInternalWait(const TraceModel& model, ActorId actor) {
    for (std::uint32_t step = 1; step <= model.steps(); ++step) {
        const RunState state = model.stateAt(step);
        const StateInterval& st = state.actor(actor).state;
        if (st.state == ActorState::Blocked && isInternal(model, st.object)) return step;
    }
    return std::nullopt;
}

TraceView viewAt(const ProgramRun& r, std::uint32_t step, bool showInternals) {
    TraceView v;
    v.trace = r.trace;
    v.model = r.model;
    v.scenario = r.scenario;
    v.cursor = step;
    v.live = r.model->steps();
    v.ended = true;
    v.showInternals = showInternals;
    v.state = std::make_shared<RunState>(r.model->stateAt(step));
    return v;
}

QStringList laneNames(const timeline::TimelineModel& lanes) {
    QStringList out;
    for (int row = 0; row < lanes.laneCount(); ++row) out << lanes.lane(row).name;
    return out;
}

QStringList inspectorNames(const InspectorModel& m) {
    QStringList out;
    for (int g = 0; g < m.rowCount(); ++g) {
        const QModelIndex group = m.index(g, 0);
        for (int i = 0; i < m.rowCount(group); ++i) out << m.index(i, 0, group).data(InspectorModel::NameRole).toString();
    }
    return out;
}

QStringList graphNames(const WaitForGraphData& g) {
    QStringList out;
    for (const WaitForGraphData::Node& n : g.nodes) out << n.name;
    return out;
}

bool anyContains(const QStringList& list, const QString& part) {
    return std::any_of(list.begin(), list.end(), [&](const QString& s) { return s.contains(part); });
}

// The story sentence of `step` in which `actor` begins to wait.
std::optional<StorySentence> waitSentence(const ProgramRun& r, std::uint32_t step, ActorId actor) {
    StoryTeller teller(*r.model, r.scenario->listing);
    for (const StorySentence& s : teller.storyOf(step))
        if (s.actor == actor && (s.kind == StoryKind::Blocked || s.kind == StoryKind::AskedForHeld)) return s;
    return std::nullopt;
}

}  // namespace

class TestInternals : public QObject {
    Q_OBJECT
    WorkerPool pool_;

private slots:
    void callOnLine_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("call");
        QTest::newRow("method") << "t.start()" << "t.start()";
        QTest::newRow("arguments left out") << "q.put(item, timeout=2)" << "q.put()";
        QTest::newRow("inner call waits") << "print(q.get())" << "q.get()";
        QTest::newRow("chain: the last call") << "threading.Thread(target=f).start()" << "threading.Thread(…).start()";
        QTest::newRow("assignment") << "value = fut.result()  # wait (here)" << "fut.result()";
        QTest::newRow("string brackets ignored") << "print(\"q.get(\", box.get())" << "box.get()";
        QTest::newRow("no call") << "with lock:" << "";
        QTest::newRow("keyword") << "while(done)" << "";
        QTest::newRow("two statements: both named") << "p.start(); c.start()" << "p.start() or c.start()";
        QTest::newRow("';' inside a call is no statement") << "print('a; b', q.get())" << "q.get()";
        QTest::newRow("builtins that never wait are passed over")
            << "results = list(pool.map(square, range(20)))" << "pool.map()";
        QTest::newRow("a generator's waiting call") << "total = sum(f.result() for f in futures)" << "f.result()";
        QTest::newRow("only a builtin") << "x = len(items)" << "len()";
    }

    void callOnLine() {
        QFETCH(QString, code);
        QFETCH(QString, call);
        QCOMPARE(QString::fromStdString(lockstep::callOnLine(code.toStdString())), call);
    }

    void insideCallReadsTheListingLine() {
        const std::string listing = "import queue\nq = queue.Queue(1)\nq.put(1)\r\nwith lock:\n";
        QCOMPARE(insideCall(listing, 3), (InsideCall{3, "q.put()"}));
        QCOMPARE(insideCall(listing, 4), (InsideCall{4, ""}));
        QCOMPARE(insideCall(listing, 40), (InsideCall{40, ""}));
        QCOMPARE(StoryText::inside(InsideCall{4, ""}), QStringLiteral("the standard library (line 4)"));
        QCOMPARE(StoryText::inside(InsideCall{3, "q.put()"}), QStringLiteral("q.put()"));
    }

    // Objects the standard library makes are marked in the trace; the learner's own are not.
    void bridgeMarksTheLibrarysObjects() {
        const ProgramRun r = runProgram(pool_, "thread_start.py", kThreadProgram);
        QCOMPARE(r.run->outcome().status, RunStatus::Finished);
        const Trace& t = r.run->trace;
        const ObjectId lock = t.findObject("lock");
        QVERIFY(lock != kNoObject);
        QVERIFY(!t.object(lock).internal);
        const ObjectId started = t.findObject("t._started");
        QVERIFY2(started != kNoObject, "the thread's _started Event is an engine object");
        QVERIFY(t.object(started).internal);
        // The thread itself is the learner's.
        for (std::size_t o = 0; o < t.objectCount(); ++o)
            if (t.object(ObjectId(o)).kind == ObjectKind::Thread) QVERIFY(!t.object(ObjectId(o)).internal);
    }

    void threadStartHidden() {
        const ProgramRun r = runProgram(pool_, "thread_start.py", kThreadProgram);
        const TraceModel& m = *r.model;
        const ActorId main = 0;
        const auto step = firstInternalWait(m, main);
        QVERIFY2(step, "MainThread waits on the thread's _started inside t.start()");
        const RunState state = m.stateAt(*step);
        QCOMPARE(QString::fromStdString(m.object(state.actor(main).state.object).name), QStringLiteral("t._started"));

        // The story: one derivation (the sentence carries the call), two wordings.
        const auto s = waitSentence(r, *step, main);
        QVERIFY(s);
        QVERIFY(s->internal);
        QCOMPARE(QString::fromStdString(s->inside.call), QStringLiteral("t.start()"));
        const QString hidden = StoryText::sentence(*s, m, false);
        QCOMPARE(hidden, QStringLiteral("MainThread waits inside t.start(): MainThread is blocked."));
        QVERIFY2(StoryText::sentence(*s, m, true).contains("t._started"), qPrintable(StoryText::sentence(*s, m, true)));

        // The story panel leaves out every sentence about the library's objects (their creation, sets...).
        StoryPanel story;
        story.setView(viewAt(r, m.steps(), false));
        QVERIFY2(!anyContains(story.texts(), "_started"), qPrintable(story.texts().join('\n')));
        story.setView(viewAt(r, *step, false));
        QVERIFY2(story.texts().contains("    " + hidden), qPrintable(story.texts().join('\n')));
        story.setView(viewAt(r, *step, true));
        QVERIFY(anyContains(story.texts(), "t._started"));

        // Timeline: no lane of _started while hidden, back with internals shown; the learner's lock stays.
        timeline::TimelineModel lanes(r.model);
        lanes.setShowInternals(false);
        QVERIFY2(!anyContains(laneNames(lanes), "_started"), qPrintable(laneNames(lanes).join(", ")));
        QVERIFY(laneNames(lanes).contains("lock"));
        QVERIFY(laneNames(lanes).contains("MainThread"));
        lanes.setShowInternals(true);
        QVERIFY2(laneNames(lanes).contains("t._started"), qPrintable(laneNames(lanes).join(", ")));
        QVERIFY(laneNames(lanes).contains("lock"));

        // Inspector: likewise.
        InspectorModel inspector;
        inspector.update(r.model.get(), &state, false);
        QVERIFY2(!anyContains(inspectorNames(inspector), "_started"), qPrintable(inspectorNames(inspector).join(", ")));
        QVERIFY(inspectorNames(inspector).contains("lock"));
        inspector.update(r.model.get(), &state, true);
        QVERIFY2(inspectorNames(inspector).contains("t._started"), qPrintable(inspectorNames(inspector).join(", ")));

        // Wait-for graph: the waiting thread stays, the library's event goes.
        const WaitForGraphData hiddenGraph = WaitForGraphData::build(m, state, false);
        QVERIFY(hiddenGraph.actorNode(main) >= 0);
        QVERIFY(!anyContains(graphNames(hiddenGraph), "_started"));
        for (const WaitForGraphData::Edge& e : hiddenGraph.edges) {
            QVERIFY(e.from >= 0 && std::size_t(e.from) < hiddenGraph.nodes.size());
            QVERIFY(e.to >= 0 && std::size_t(e.to) < hiddenGraph.nodes.size());
        }
        const WaitForGraphData shownGraph = WaitForGraphData::build(m, state, true);
        QVERIFY(graphNames(shownGraph).contains("t._started"));

        // The code view's header and the scheduler bar name the call too.
        CodeView code;
        code.resize(600, 400);
        code.setView(viewAt(r, *step, false));
        QCOMPARE(code.statusText(main), QStringLiteral("blocked: inside t.start()"));
        code.setView(viewAt(r, *step, true));
        QVERIFY2(code.statusText(main).contains("t._started"), qPrintable(code.statusText(main)));
        SchedulerBar bar;
        bar.setView(viewAt(r, *step, false));
        QCOMPARE(bar.reason(main), QStringLiteral("MainThread waits inside t.start()."));
    }

    void queuePutHidden() {
        const ProgramRun r = runProgram(pool_, "queue_full.py", kQueueProgram);
        QCOMPARE(r.run->outcome().status, RunStatus::Finished);
        const TraceModel& m = *r.model;
        const ActorId producer = r.run->trace.findActor("P");
        QVERIFY(producer != kNoActor);
        const auto step = firstInternalWait(m, producer);
        QVERIFY2(step, "P waits on the full queue's not_full inside q.put()");
        const RunState state = m.stateAt(*step);
        QCOMPARE(QString::fromStdString(m.object(state.actor(producer).state.object).name), QStringLiteral("q.not_full"));

        const auto s = waitSentence(r, *step, producer);
        QVERIFY(s);
        QCOMPARE(QString::fromStdString(s->inside.call), QStringLiteral("q.put()"));
        QCOMPARE(StoryText::sentence(*s, m, false), QStringLiteral("P waits inside q.put(): P is blocked."));

        CodeView code;
        code.resize(600, 400);
        code.setView(viewAt(r, *step, false));
        QCOMPARE(code.statusText(producer), QStringLiteral("blocked: inside q.put()"));
        QVERIFY(!code.statusText(producer).contains("not_full"));

        StoryPanel story;
        story.setView(viewAt(r, m.steps(), false));
        QVERIFY2(!anyContains(story.texts(), "q.mutex") && !anyContains(story.texts(), "q.not_"),
                 qPrintable(story.texts().join('\n')));

        // The queue's lock and conditions have no lane or row; the learner's queue itself does (a lane and a
        // row of the queue's contents would be the same with internals shown).
        timeline::TimelineModel lanes(r.model);
        lanes.setShowInternals(false);
        const QStringList names = laneNames(lanes);
        QVERIFY2(!anyContains(names, "q.mutex") && !anyContains(names, "q.not_") && !anyContains(names, "q.all_tasks"),
                 qPrintable(names.join(", ")));
        lanes.setShowInternals(true);
        QVERIFY2(anyContains(laneNames(lanes), "q.not_full") || anyContains(laneNames(lanes), "q.mutex"),
                 qPrintable(laneNames(lanes).join(", ")));
        InspectorModel inspector;
        inspector.update(r.model.get(), &state, false);
        QVERIFY2(!anyContains(inspectorNames(inspector), "q."), qPrintable(inspectorNames(inspector).join(", ")));
    }

    // A ThreadPoolExecutor's work queue and idle semaphore are the library's: the charts leave them out (there
    // is then no semaphore or queue chart to show) unless internals are shown.
    void chartsLeaveOutTheLibrarysObjects() {
        const ProgramRun r = runProgram(pool_, "pool_map.py",
                                        "from concurrent.futures import ThreadPoolExecutor\n\ndef square(n):\n"
                                        "    return n * n\n\nwith ThreadPoolExecutor(max_workers=2) as pool:\n"
                                        "    print(sum(pool.map(square, range(6))))\n");
        QCOMPARE(r.run->outcome().status, RunStatus::Finished);
        const ChartData hidden = ChartData::fromModel(*r.model, 1, false);
        QVERIFY(hidden.semaphores.empty());
        QVERIFY(hidden.queues.empty());
        const ChartData shown = ChartData::fromModel(*r.model, 1, true);
        QStringList names;
        for (const auto& s : shown.semaphores) names << s.name;
        QVERIFY2(names.join(' ').contains("pool._idle_semaphore"), qPrintable(names.join(", ")));
    }
};

#define main lockstepQTestMain
QTEST_MAIN(TestInternals)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_internals.moc"
