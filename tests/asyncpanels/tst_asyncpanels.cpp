// asyncio in what the learner reads: `run --summary`'s tasks and task_counts, the charts' ready queue, and the
// inspector's Tasks group and asyncio primitives. Real runs cover what the event loop records today (tasks,
// sleeps, results and exceptions); traces built by hand, event by event as the asyncio trace protocol says,
// cover what it will record (ready-queue lengths, coroutine names, results' reprs, cancellation, asyncio
// primitives), so these views are right the day the loop records them.

#include "common/TestMain.h"
#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QTreeView>
#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "cli/SummaryJson.h"
#include "lockstep/Execution.h"
#include "lockstep/PyError.h"
#include "lockstep/asyncio/Asyncio.h"
#include "lockstep/scenarios/Registry.h"
#include "panels/ChartData.h"
#include "panels/ChartsPanel.h"
#include "panels/Inspector.h"
#include "panels/InspectorModel.h"

using namespace lockstep;
using namespace lockstep::app;
using namespace std::chrono_literals;
namespace aio = lockstep::asyncio;

namespace {

// A trace written the way the event loop's actor records one (see the asyncio trace protocol in Types.h):
// each call that starts with step() is one scheduling step of the loop.
struct AsyncTraceBuilder {
    std::shared_ptr<Trace> trace = std::make_shared<Trace>();
    ActorId loop = kNoActor;
    ObjectId loopObject = kNoObject;
    Nanos now = 0;
    std::vector<char> started;

    AsyncTraceBuilder() {
        ActorInfo main;
        main.name = "MainThread";
        main.kind = ActorKind::MainThread;
        loop = trace->addActor(main);
        step();
        event(Op::Run, kNoObject, Result::Started);
        loopObject = object("event loop", ObjectKind::EventLoop);
    }
    void step() { trace->beginStep(); }
    void event(Op op, ObjectId object, Result result, std::int32_t arg = 0, std::uint8_t flags = 0) {
        TraceEvent e;
        e.time = now;
        e.object = object;
        e.arg = arg;
        e.actor = loop;
        e.op = op;
        e.result = result;
        e.flags = flags;
        trace->add(e);
    }
    std::int32_t text(std::string_view s) { return static_cast<std::int32_t>(trace->intern(s)); }
    ObjectId object(const std::string& name, ObjectKind kind, std::int64_t param = 0) {
        ObjectInfo info;
        info.name = name;
        info.kind = kind;
        info.param = param;
        const ObjectId id = trace->addObject(info);
        event(Op::Create, id, Result::Ok, static_cast<std::int32_t>(param));
        return id;
    }
    // A task of coroutine function `coro` (Create's arg, as the protocol gives it).
    ObjectId task(const std::string& name, const std::string& coro) {
        ObjectInfo info;
        info.name = name;
        info.kind = ObjectKind::AsyncTask;
        const ObjectId id = trace->addObject(info);
        event(Op::Create, id, Result::Ok, text(coro), TraceEvent::ArgIsString);
        return id;
    }
    // The loop takes `task` from a ready queue of `ready` entries (it included) and runs it to its next await.
    void resume(ObjectId task, int ready) {
        if (started.size() <= task) started.resize(task + 1, 0);
        step();
        event(Op::Resume, task, started[task] ? Result::Ok : Result::Started, ready);
        started[task] = 1;
    }
    void awaits(ObjectId task, ObjectId on, bool timeout = false) {
        event(Op::Await, task, Result::Blocked, static_cast<std::int32_t>(on), timeout ? TraceEvent::HasTimeout : 0);
    }
    void sleeps(ObjectId task, std::int32_t micros) { event(Op::Await, task, Result::Blocked, micros, TraceEvent::ArgIsMicros); }
    void woken(ObjectId task) { event(Op::Await, task, Result::Woken); }
    void returns(ObjectId task, const std::string& repr = {}) {
        if (repr.empty()) event(Op::Run, task, Result::Done);
        else event(Op::Run, task, Result::Done, text(repr), TraceEvent::ArgIsString);
    }
    void raises(ObjectId task, const std::string& error) {
        event(Op::Run, task, Result::Error, text(error), TraceEvent::ArgIsString);
    }
    void cancelled(ObjectId task) { event(Op::Run, task, Result::Cancelled); }
    // Nothing ready: the loop waits in select() until its next timer, `micros` later.
    void loopWaits(std::int32_t micros) {
        step();
        event(Op::Wait, loopObject, Result::Blocked, micros, TraceEvent::ArgIsMicros | TraceEvent::HasTimeout);
        now += Nanos(micros) * 1000;
        step();
        event(Op::Wait, loopObject, Result::Timeout);
    }
    void end(RunStatus status) {
        RunOutcome& o = trace->outcomeMut();
        o.status = status;
        o.endTime = now;
        o.steps = trace->stepCount();
    }
    TraceView view(std::uint32_t cursor = 0xFFFFFFFF) const {
        TraceView v;
        v.trace = trace;
        v.live = trace->stepCount();
        v.cursor = std::min(cursor, v.live);
        v.ended = trace->outcome().status != RunStatus::Running;
        return v.derive();
    }
};

// asyncio.run(main()) where main gathers n workers that each sleep 1 s; `finishing` of them end (returning their
// index) before the run stops, the rest still sleep. The ready queue holds n entries when the first worker starts.
struct Gather {
    ObjectId main = kNoObject, gather = kNoObject;
    std::vector<ObjectId> workers;
    std::uint32_t firstWorkerStep = 0;
};
Gather buildGather(AsyncTraceBuilder& b, int n, int finishing) {
    Gather g;
    g.main = b.task("Task-1", "main");
    b.resume(g.main, 1);
    for (int i = 0; i < n; ++i) g.workers.push_back(b.task("Task-" + std::to_string(i + 2), "worker"));
    g.gather = b.object("gather", ObjectKind::AsyncFuture);
    b.awaits(g.main, g.gather);
    for (int i = 0; i < n; ++i) {
        b.resume(g.workers[static_cast<std::size_t>(i)], n - i);
        if (i == 0) g.firstWorkerStep = b.trace->stepCount();
        b.sleeps(g.workers[static_cast<std::size_t>(i)], 1'000'000);
    }
    b.loopWaits(1'000'000);
    b.step();
    for (int i = 0; i < finishing; ++i) b.woken(g.workers[static_cast<std::size_t>(i)]);
    for (int i = 0; i < finishing; ++i) {
        b.resume(g.workers[static_cast<std::size_t>(i)], finishing - i);
        b.returns(g.workers[static_cast<std::size_t>(i)], std::to_string(i));
    }
    b.end(RunStatus::StepLimit);
    return g;
}

// A finished real run of `body` on MainThread, as a panel receives it.
TraceView runBody(std::function<void()> body) {
    static WorkerPool pool;
    auto trace = std::make_shared<Trace>();
    {
        Execution ex(pool, *trace, RunConfig{}, std::move(body));
        ex.runToEnd();
    }
    TraceView v;
    v.trace = trace;
    v.live = trace->stepCount();
    v.cursor = v.live;
    v.ended = true;
    return v.derive();
}

TraceView runScenario(const char* id) {
    const scenarios::Scenario* s = scenarios::find(id);
    if (!s) return {};
    RunConfig config;
    s->defaults.applyTo(config);
    const scenarios::Params p = s->resolve({});
    TraceView v = runBody([s, p] { s->main(p); });
    v.scenario = s;
    v.config = config;
    return v;
}

aio::Coroutine<int> returnsLater() {
    co_await aio::sleep(1s);
    co_return 42;
}

aio::Coroutine<int> raisesLater() {
    co_await aio::sleep(2s);
    throw ValueError("bad value");
}

aio::Coroutine<void> napper(std::chrono::nanoseconds d) { co_await aio::sleep(d); }

QJsonObject taskNamed(const QJsonObject& summary, const QString& name) {
    for (const auto& t : summary["tasks"].toArray())
        if (t.toObject()["name"].toString() == name) return t.toObject();
    return {};
}

QModelIndex child(const QAbstractItemModel& m, const QModelIndex& parent, const QString& name) {
    for (int r = 0; r < m.rowCount(parent); ++r)
        if (m.index(r, 0, parent).data(InspectorModel::NameRole).toString() == name) return m.index(r, 0, parent);
    return {};
}

QString cell(const QModelIndex& row, int column) { return row.siblingAtColumn(column).data().toString(); }

}  // namespace

class TestAsyncPanels : public QObject {
    Q_OBJECT

private slots:
    // ---------------------------------------------------------------- run --summary

    // A real run: one task returns, one raises (caught by main). Each task's end, as the loop recorded it.
    void summaryOfARealRun() {
        const TraceView v = runBody([] {
            aio::run([]() -> aio::Coroutine<void> {
                auto ok = aio::create_task(returnsLater());
                auto bad = aio::create_task(raisesLater());
                co_await ok;
                try {
                    co_await bad;
                } catch (const ValueError&) {
                }
            }());
        });
        QCOMPARE(v.trace->outcome().status, RunStatus::Finished);
        const QJsonObject s = summaryJson(*v.trace, QStringLiteral("test"), RunConfig{}, false);
        const QJsonArray tasks = s["tasks"].toArray();
        QCOMPARE(tasks.size(), 3);  // main and the two it created, in creation order
        QCOMPARE(tasks[1].toObject()["name"].toString(), QStringLiteral("Task-2"));  // Python's default names
        QCOMPARE(tasks[1].toObject()["coro"].toString(), QStringLiteral("returnsLater"));
        QCOMPARE(tasks[2].toObject()["coro"].toString(), QStringLiteral("raisesLater"));
        const QJsonObject ok = tasks[1].toObject(), bad = tasks[2].toObject();
        for (const QJsonObject& t : {ok, bad})
            for (const char* key : {"name", "coro", "state", "result", "exception"}) QVERIFY2(t.contains(key), key);
        QCOMPARE(ok["state"].toString(), QStringLiteral("done"));
        QVERIFY(ok["exception"].isNull());
        // The loop records the result's repr once it has one; until then the summary says null, never a guess.
        QCOMPARE(ok["result"].toString(), QStringLiteral("42"));
        QCOMPARE(bad["state"].toString(), QStringLiteral("failed"));
        QCOMPARE(bad["exception"].toString(), QStringLiteral("ValueError: bad value"));
        QVERIFY(bad["result"].isNull());
        QCOMPARE(tasks[0].toObject()["state"].toString(), QStringLiteral("done"));
        const QJsonObject counts = s["task_counts"].toObject();
        QCOMPARE(counts.size(), 7);  // every state, so a script can read any of them
        QCOMPARE(counts["done"].toInt(), 2);
        QCOMPARE(counts["failed"].toInt(), 1);
        QCOMPARE(counts["waiting"].toInt(), 0);
        // The task's exception ended the task, not MainThread: no uncaught error.
        for (const auto& e : s["errors"].toArray()) QVERIFY(!e.toObject()["uncaught"].toBool());
    }

    // Every final state and every field the protocol carries, in a trace written by hand.
    void summaryFromTheProtocol() {
        AsyncTraceBuilder b;
        const ObjectId main = b.task("Task-1", "main");
        b.resume(main, 1);
        const ObjectId ok = b.task("fetch-1", "fetch");
        const ObjectId none = b.task("fetch-2", "fetch");
        const ObjectId bad = b.task("parse", "parse");
        const ObjectId gone = b.task("Task-5", "fetch");
        const ObjectId stuck = b.task("Task-6", "consumer");
        const ObjectId lock = b.object("lock", ObjectKind::AsyncLock);
        b.awaits(main, ok);
        b.resume(ok, 5);
        b.returns(ok, "{'a': 1}");
        b.resume(none, 4);
        b.returns(none);  // returned, and the loop gave no repr: null
        b.resume(bad, 3);
        b.raises(bad, "KeyError: 'x'");
        b.resume(gone, 2);
        b.sleeps(gone, 5'000'000);
        b.event(Op::Cancel, gone, Result::Ok);
        b.resume(gone, 2);
        b.cancelled(gone);
        b.resume(stuck, 1);
        b.awaits(stuck, lock);
        b.end(RunStatus::Stuck);

        const QJsonObject s = summaryJson(*b.trace, QStringLiteral("test"), RunConfig{}, false);
        QCOMPARE(s["tasks"].toArray().size(), 6);
        const QJsonObject a = taskNamed(s, "fetch-1");
        QCOMPARE(a["coro"].toString(), QStringLiteral("fetch"));
        QCOMPARE(a["state"].toString(), QStringLiteral("done"));
        QCOMPARE(a["result"].toString(), QStringLiteral("{'a': 1}"));
        QVERIFY(a["exception"].isNull());
        QCOMPARE(taskNamed(s, "fetch-2")["state"].toString(), QStringLiteral("done"));
        QVERIFY(taskNamed(s, "fetch-2")["result"].isNull());
        QCOMPARE(taskNamed(s, "parse")["state"].toString(), QStringLiteral("failed"));
        QCOMPARE(taskNamed(s, "parse")["exception"].toString(), QStringLiteral("KeyError: 'x'"));
        QCOMPARE(taskNamed(s, "Task-5")["state"].toString(), QStringLiteral("cancelled"));
        QVERIFY(taskNamed(s, "Task-5")["result"].isNull() && taskNamed(s, "Task-5")["exception"].isNull());
        QCOMPARE(taskNamed(s, "Task-6")["state"].toString(), QStringLiteral("waiting"));
        QCOMPARE(taskNamed(s, "Task-6")["coro"].toString(), QStringLiteral("consumer"));
        QCOMPARE(taskNamed(s, "Task-1")["state"].toString(), QStringLiteral("waiting"));
        const QJsonObject counts = s["task_counts"].toObject();
        QCOMPARE(counts["done"].toInt(), 2);
        QCOMPARE(counts["failed"].toInt(), 1);
        QCOMPARE(counts["cancelled"].toInt(), 1);
        QCOMPARE(counts["waiting"].toInt(), 2);
        QCOMPARE(counts["pending"].toInt(), 0);
        QVERIFY(s["errors"].toArray().isEmpty());  // KeyError ended the task parse, not MainThread
    }

    void summaryOfTenThousandTasks() {
        AsyncTraceBuilder b;
        buildGather(b, 10'000, 2);
        const QJsonObject s = summaryJson(*b.trace, QStringLiteral("test"), RunConfig{}, false);
        QCOMPARE(s["tasks"].toArray().size(), 10'001);
        QCOMPARE(s["task_counts"].toObject()["waiting"].toInt(), 9'999);  // 9,998 workers and main
        QCOMPARE(s["task_counts"].toObject()["done"].toInt(), 2);
        QCOMPARE(taskNamed(s, "Task-3")["result"].toString(), QStringLiteral("1"));
    }

    // Runs without asyncio keep the summary they always had.
    void summaryWithoutAsyncioHasNoTasks() {
        const TraceView v = runScenario("lock-counter");
        QVERIFY(v.trace);
        const QJsonObject s = summaryJson(*v.trace, QStringLiteral("lock-counter"), v.config, false);
        QVERIFY(!s.contains("tasks"));
        QVERIFY(!s.contains("task_counts"));
    }

    // ---------------------------------------------------------------- ready queue chart

    void readyQueuePeaksAtTheStartOfAGather() {
        constexpr int n = 8;
        AsyncTraceBuilder b;
        const Gather g = buildGather(b, n, n);
        const ChartData d = ChartData::fromTrace(*b.trace, 1);
        QVERIFY(d.hasEventLoop);
        QCOMPARE(d.readyQueue.maximum, n);
        QCOMPARE(d.steps, b.trace->stepCount());
        // Before the first worker runs the queue holds only main; at that step it jumps to n, then drains by one
        // a step, is empty while the loop waits for the timers, and holds the n woken workers after.
        double firstAtN = -1;
        for (const QPointF& p : d.readyQueue.points) {
            if (p.x() < g.firstWorkerStep) QVERIFY2(p.y() <= 1, qPrintable(QString::number(p.y())));
            if (p.y() == n && firstAtN < 0) firstAtN = p.x();
        }
        QCOMPARE(firstAtN, double(g.firstWorkerStep));
        const QPointF last = d.readyQueue.points.back();
        QCOMPARE(last.x(), double(b.trace->stepCount()));
        QCOMPARE(last.y(), 1.0);  // the last worker, taken from a queue of one
        // Steps never go back.
        for (std::size_t i = 1; i < d.readyQueue.points.size(); ++i)
            QVERIFY(d.readyQueue.points[i].x() >= d.readyQueue.points[i - 1].x());
        // The loop's wait in select() empties the queue.
        bool zeroAfterPeak = false;
        for (const QPointF& p : d.readyQueue.points) zeroAfterPeak |= p.x() > firstAtN && p.y() == 0;
        QVERIFY(zeroAfterPeak);
    }

    // Thinned to a few thousand points, the curve keeps its highest and lowest values.
    void longCurvesAreThinnedWithoutLosingPeaks() {
        std::vector<CountPoint> points;
        for (std::uint32_t s = 1; s <= 100'000; ++s) points.push_back(CountPoint{s, 0, 5 + int(s % 3)});
        points[70'000].value = 1234;  // one spike
        points[30'000].value = 0;     // one trough
        const ChartData::StepSeries c = ChartData::stepCurve(points, 100'010);
        QVERIFY2(c.points.size() <= ChartData::kMaxCurvePoints, qPrintable(QString::number(c.points.size())));
        QCOMPARE(c.maximum, 1234);
        double top = 0, bottom = 1e9;
        for (const QPointF& p : c.points) {
            top = std::max(top, p.y());
            if (p.x() > 0) bottom = std::min(bottom, p.y());
        }
        QCOMPARE(top, 1234.0);
        QCOMPARE(bottom, 0.0);
        QCOMPARE(c.points.back().x(), 100'010.0);
        for (std::size_t i = 1; i < c.points.size(); ++i) QVERIFY(c.points[i].x() >= c.points[i - 1].x());
        // Short curves are exact: a change is two points.
        const ChartData::StepSeries exact = ChartData::stepCurve({{3, 0, 2}, {7, 0, 1}}, 10);
        const std::vector<QPointF> expected{{0, 0}, {3, 0}, {3, 2}, {7, 2}, {7, 1}, {10, 1}};
        QCOMPARE(exact.points, expected);
    }

    void readyQueueTabOnlyWithAnEventLoop() {
        ChartsPanel panel;
        panel.setView(runScenario("lock-counter"));
        QVERIFY(!panel.isChartAvailable(ChartsPanel::ReadyQueueChart));
        QVERIFY(panel.isChartEmpty(ChartsPanel::ReadyQueueChart));

        // A real asyncio run has an event loop (its ready-queue lengths come with the loop's next part).
        panel.setView(runBody([] { aio::run(aio::gather(napper(1s), napper(2s))); }));
        QVERIFY(panel.isChartAvailable(ChartsPanel::ReadyQueueChart));
        QVERIFY(!panel.isChartEmpty(ChartsPanel::ReadyQueueChart));

        AsyncTraceBuilder b;
        buildGather(b, 5, 5);
        TraceView v = b.view();
        panel.setView(v.derive());
        QVERIFY(panel.isChartAvailable(ChartsPanel::ReadyQueueChart));
        QChart* chart = panel.chart(ChartsPanel::ReadyQueueChart);
        QLineSeries* data = nullptr;
        QLineSeries* cursor = nullptr;
        for (QAbstractSeries* s : chart->series()) {
            if (s->objectName() == QLatin1String("data")) data = qobject_cast<QLineSeries*>(s);
            if (s->objectName() == QLatin1String("cursor")) cursor = qobject_cast<QLineSeries*>(s);
        }
        QVERIFY(data && cursor);
        double top = 0;
        for (const QPointF& p : data->points()) top = std::max(top, p.y());
        QCOMPARE(top, 5.0);
        // x is steps, ticked at whole steps only (a tick at 4.25 would be labelled 4).
        const auto axes = chart->axes(Qt::Horizontal);
        QCOMPARE(axes.size(), 1);
        auto* x = qobject_cast<QValueAxis*>(axes.front());
        QVERIFY(x);
        QCOMPARE(x->max(), double(b.trace->stepCount()));
        QCOMPARE(x->tickType(), QValueAxis::TicksDynamic);
        QVERIFY(x->tickInterval() >= 1 && x->tickInterval() == std::round(x->tickInterval()));
        // The cursor marks the step, and moving it does not rebuild the chart.
        v.cursor = 7;
        panel.setView(v.derive());
        QCOMPARE(panel.chart(ChartsPanel::ReadyQueueChart), chart);
        QCOMPARE(cursor->at(0).x(), 7.0);
        QCOMPARE(cursor->at(1).x(), 7.0);
        // A live run grows: the chart follows the new steps.
        AsyncTraceBuilder live;
        const ObjectId first = live.task("Task-1", "main");
        panel.setView(live.view());
        QVERIFY(panel.isChartAvailable(ChartsPanel::ReadyQueueChart));
        QCOMPARE(panel.data().readyQueue.maximum, 0);
        live.resume(first, 1);
        panel.setView(live.view());
        QCOMPARE(panel.data().readyQueue.maximum, 1);
    }

    void readyQueueChartExports() {
        AsyncTraceBuilder b;
        buildGather(b, 200, 200);
        ChartsPanel panel;
        panel.setView(b.view());
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("ready.png"));
        QString error;
        QVERIFY2(panel.exportChart(ChartsPanel::ReadyQueueChart, png, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        int inked = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2) inked += image.pixel(x, y) != image.pixel(0, 0);
        QVERIFY2(inked > 500, qPrintable(QString::number(inked)));
    }

    // ---------------------------------------------------------------- inspector

    void inspectorShowsEachTaskAtTheCursor() {
        AsyncTraceBuilder b;
        const Gather g = buildGather(b, 3, 1);
        Inspector inspector;
        QAbstractItemModelTester tester(inspector.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const InspectorModel& m = *inspector.model();
        const QModelIndex tasks = m.index(InspectorModel::TaskGroup, 0);

        // After main's first run: main awaits the gather, the workers are pending.
        inspector.setView(b.view(g.firstWorkerStep - 1));
        QCOMPARE(m.rowCount(tasks), 4);
        QCOMPARE(tasks.data(InspectorModel::CountRole).toInt(), 4);
        const QModelIndex main = m.indexOfObject(g.main);
        QCOMPARE(main.data(InspectorModel::StateRole).toString(), QStringLiteral("waiting"));
        QCOMPARE(main.data(InspectorModel::AwaitsRole).toString(), QStringLiteral("gather"));
        QCOMPARE(main.data(InspectorModel::CoroutineRole).toString(), QStringLiteral("main"));
        QCOMPARE(cell(main, InspectorModel::ValueColumn), QStringLiteral("waiting"));
        QCOMPARE(cell(main, InspectorModel::DetailsColumn), QStringLiteral("main(); awaits gather"));
        QCOMPARE(m.indexOfObject(g.workers[0]).data(InspectorModel::StateRole).toString(), QStringLiteral("pending"));

        // The first worker ran to its sleep.
        inspector.setView(b.view(g.firstWorkerStep));
        const QModelIndex w0 = m.indexOfObject(g.workers[0]);
        QCOMPARE(w0.data(InspectorModel::StateRole).toString(), QStringLiteral("waiting"));
        QCOMPARE(w0.data(InspectorModel::AwaitsRole).toString(), QString());
        QCOMPARE(cell(w0, InspectorModel::DetailsColumn), QStringLiteral("worker(); awaits asyncio.sleep(1)"));

        // At the end: worker 0 returned 0, the others still sleep; the gather is awaited by main.
        inspector.setView(b.view());
        QCOMPARE(m.indexOfObject(g.workers[0]).data(InspectorModel::StateRole).toString(), QStringLiteral("done"));
        QCOMPARE(cell(m.indexOfObject(g.workers[0]), InspectorModel::DetailsColumn), QStringLiteral("worker(); result 0"));
        QCOMPARE(m.indexOfObject(g.workers[1]).data(InspectorModel::StateRole).toString(), QStringLiteral("waiting"));
        // Stepping back replays: the same rows as the first time.
        inspector.setView(b.view(g.firstWorkerStep - 1));
        QCOMPARE(m.indexOfObject(g.workers[0]).data(InspectorModel::StateRole).toString(), QStringLiteral("pending"));
        // The loop's thread waits on nothing its tasks await.
        QVERIFY(inspector.state()->waitedOn().empty());
    }

    void inspectorFollowsARealRun() {
        TraceView v = runBody([] {
            aio::run([]() -> aio::Coroutine<void> {
                auto bad = aio::create_task(raisesLater());
                try {
                    co_await bad;
                } catch (const ValueError&) {
                }
            }());
        });
        Inspector inspector;
        inspector.setView(v.derive());
        const QModelIndex bad = inspector.model()->indexOfObject(v.trace->findObject("Task-2"));
        QVERIFY(bad.isValid());
        QCOMPARE(bad.data(InspectorModel::StateRole).toString(), QStringLiteral("failed"));
        QVERIFY(cell(bad, InspectorModel::DetailsColumn).contains(QStringLiteral("raised ValueError: bad value")));
        QVERIFY(inspector.state()->waitedOn().empty());
    }

    // Past the threshold, one row per coroutine function with its tasks by state, expandable to the tasks.
    void inspectorGroupsManyTasksByCoroutine() {
        AsyncTraceBuilder b;
        const int n = InspectorModel::kTaskRowsBeforeGrouping + 10;
        const Gather g = buildGather(b, n, 2);
        Inspector inspector;
        QAbstractItemModelTester tester(inspector.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        inspector.setView(b.view());
        const InspectorModel& m = *inspector.model();
        const QModelIndex tasks = m.index(InspectorModel::TaskGroup, 0);
        QCOMPARE(m.rowCount(tasks), 2);  // main(), worker()
        QCOMPARE(tasks.data(InspectorModel::CountRole).toInt(), n + 1);
        QCOMPARE(cell(tasks, InspectorModel::ValueColumn), QString::number(n + 1));
        const QModelIndex worker = child(m, tasks, QStringLiteral("worker()"));
        QVERIFY(worker.isValid());
        QCOMPARE(m.rowCount(worker), n);
        QCOMPARE(worker.data(InspectorModel::CountRole).toInt(), n);
        QCOMPARE(cell(worker, InspectorModel::ValueColumn), QStringLiteral("%1 tasks").arg(n));
        QCOMPARE(cell(worker, InspectorModel::DetailsColumn), QStringLiteral("%1 waiting, 2 done").arg(n - 2));
        const QVariantMap counts = worker.data(InspectorModel::StateCountsRole).toMap();
        QCOMPARE(counts.value("waiting").toInt(), n - 2);
        QCOMPARE(counts.value("done").toInt(), 2);
        QCOMPARE(counts.size(), 2);
        // The tasks under it, found by object like any row, without repeating the coroutine's name.
        const QModelIndex w1 = m.indexOfObject(g.workers[1]);
        QCOMPARE(w1.parent(), worker);
        QCOMPARE(cell(w1, InspectorModel::DetailsColumn), QStringLiteral("result 1"));
        QCOMPARE(cell(child(m, tasks, QStringLiteral("main()")), InspectorModel::ValueColumn), QStringLiteral("1 task"));
        // The view keeps the coroutine rows closed, and open across a reset once the learner opened one.
        QTreeView* tree = inspector.tree();
        QVERIFY(tree->isExpanded(tasks));
        QVERIFY(!tree->isExpanded(worker));
        tree->expand(worker);
        inspector.setView(b.view(0));  // back before any task: a reset, and no coroutine row
        QCOMPARE(m.rowCount(m.index(InspectorModel::TaskGroup, 0)), 0);
        inspector.setView(b.view(g.firstWorkerStep - 1));  // the rows again: another reset
        const QModelIndex again = child(m, m.index(InspectorModel::TaskGroup, 0), QStringLiteral("worker()"));
        QVERIFY(again.isValid());
        QVERIFY(tree->isExpanded(again));
        QCOMPARE(again.data(InspectorModel::StateCountsRole).toMap().value("pending").toInt(), n);
        // Under the threshold the tasks are rows of their own.
        AsyncTraceBuilder few;
        buildGather(few, 3, 0);
        inspector.setView(few.view());
        QCOMPARE(m.rowCount(m.index(InspectorModel::TaskGroup, 0)), 4);
        QCOMPARE(m.index(0, 0, m.index(InspectorModel::TaskGroup, 0)).data(InspectorModel::NameRole).toString(),
                 QStringLiteral("Task-1"));
    }

    void inspectorTenThousandTasks() {
        AsyncTraceBuilder b;
        buildGather(b, 10'000, 2);
        Inspector inspector;
        inspector.setView(b.view());
        const InspectorModel& m = *inspector.model();
        const QModelIndex worker = child(m, m.index(InspectorModel::TaskGroup, 0), QStringLiteral("worker()"));
        QCOMPARE(cell(worker, InspectorModel::DetailsColumn), QStringLiteral("9998 waiting, 2 done"));
        QCOMPARE(m.rowCount(worker), 10'000);
        QVERIFY(!inspector.tree()->isExpanded(worker));
    }

    // asyncio's Lock, Semaphore, Event and Queue beside their threading namesakes, held and awaited by tasks.
    void inspectorAsyncPrimitives() {
        AsyncTraceBuilder b;
        const ObjectId main = b.task("Task-1", "main");
        b.resume(main, 1);
        const ObjectId lock = b.object("lock", ObjectKind::AsyncLock);
        const ObjectId sem = b.object("sem", ObjectKind::AsyncSemaphore, 2);
        const ObjectId ready = b.object("ready", ObjectKind::AsyncEvent);
        const ObjectId queue = b.object("jobs", ObjectKind::AsyncQueue, 3);
        const ObjectId a = b.task("A", "user");
        const ObjectId c = b.task("B", "user");
        b.awaits(main, ready);
        b.resume(a, 2);
        b.event(Op::Acquire, lock, Result::Acquired, static_cast<std::int32_t>(a));
        b.event(Op::Acquire, sem, Result::Acquired, static_cast<std::int32_t>(a));
        b.event(Op::Put, queue, Result::Ok, 1);
        b.event(Op::Put, queue, Result::Ok, 2);
        b.sleeps(a, 100'000);
        b.resume(c, 1);
        b.event(Op::Acquire, sem, Result::Acquired, static_cast<std::int32_t>(c));
        b.event(Op::Get, queue, Result::Ok, 1);
        b.awaits(c, lock, true);
        const std::uint32_t bothIn = b.trace->stepCount();
        b.loopWaits(100'000);
        b.step();
        b.woken(a);
        b.resume(a, 1);
        b.event(Op::Release, lock, Result::Ok, static_cast<std::int32_t>(a));
        b.event(Op::Release, sem, Result::Ok, static_cast<std::int32_t>(a));
        b.event(Op::Set, ready, Result::Ok);
        b.returns(a);
        b.end(RunStatus::StepLimit);

        Inspector inspector;
        QAbstractItemModelTester tester(inspector.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const InspectorModel& m = *inspector.model();
        inspector.setView(b.view(bothIn));
        const QModelIndex l = m.indexOfObject(lock);
        QCOMPARE(l.data(InspectorModel::GroupRole).toInt(), int(InspectorModel::LockGroup));
        QCOMPARE(l.data(InspectorModel::KindRole).toString(), QStringLiteral("asyncio.Lock"));
        QCOMPARE(l.data(InspectorModel::OwnerRole).toString(), QStringLiteral("A"));
        QCOMPARE(cell(l, InspectorModel::ValueColumn), QStringLiteral("held by A"));
        QCOMPARE(l.data(InspectorModel::WaitersRole).toStringList(), QStringList{"B"});
        QCOMPARE(cell(l, InspectorModel::DetailsColumn), QStringLiteral("asyncio.Lock; waiting: B"));
        const QModelIndex s = m.indexOfObject(sem);
        QCOMPARE(s.data(InspectorModel::GroupRole).toInt(), int(InspectorModel::SemaphoreGroup));
        QCOMPARE(s.data(InspectorModel::CountRole).toInt(), 0);
        QCOMPARE(s.data(InspectorModel::HoldersRole).toStringList(), (QStringList{"A", "B"}));
        const QModelIndex e = m.indexOfObject(ready);
        QCOMPARE(e.data(InspectorModel::GroupRole).toInt(), int(InspectorModel::EventGroup));
        QCOMPARE(e.data(InspectorModel::FlagRole).toBool(), false);
        QCOMPARE(e.data(InspectorModel::WaitersRole).toStringList(), QStringList{"Task-1"});
        const QModelIndex q = m.indexOfObject(queue);
        QCOMPARE(q.data(InspectorModel::GroupRole).toInt(), int(InspectorModel::QueueGroup));
        QCOMPARE(q.data(InspectorModel::CountRole).toInt(), 1);
        QCOMPARE(cell(q, InspectorModel::ValueColumn), QStringLiteral("1/3"));
        const QModelIndex waiter = m.indexOfObject(c);
        QCOMPARE(cell(waiter, InspectorModel::DetailsColumn), QStringLiteral("user(); awaits lock; with a timeout"));
        QCOMPARE(cell(m.indexOfObject(main), InspectorModel::DetailsColumn), QStringLiteral("main(); awaits ready"));
        // The tasks wait; the loop's thread does not wait on any of it.
        QVERIFY(inspector.state()->waitedOn().empty());

        inspector.setView(b.view());
        QCOMPARE(m.indexOfObject(lock).data(InspectorModel::OwnerRole).toString(), QString());
        QCOMPARE(cell(m.indexOfObject(lock), InspectorModel::ValueColumn), QStringLiteral("free"));
        QCOMPARE(m.indexOfObject(sem).data(InspectorModel::CountRole).toInt(), 1);
        QCOMPARE(m.indexOfObject(sem).data(InspectorModel::HoldersRole).toStringList(), QStringList{"B"});
        QCOMPARE(m.indexOfObject(ready).data(InspectorModel::FlagRole).toBool(), true);
        QCOMPARE(m.indexOfObject(a).data(InspectorModel::StateRole).toString(), QStringLiteral("done"));
    }
};

#define main lockstepQTestMain
QTEST_MAIN(TestAsyncPanels)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_asyncpanels.moc"
