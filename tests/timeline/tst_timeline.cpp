// The timeline: coordinate maths to the unit, lane models against the trace of real scenarios, the painter's
// aggregation, the exporters (golden properties of PNG, SVG and PDF) and the widget on the offscreen
// platform.

#include "common/TestMain.h"
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <random>
#include <set>

#include <unistd.h>

#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/TraceAnalysis.h"
#include "lockstep/asyncio/Asyncio.h"
#include "lockstep/mp/Multiprocessing.h"
#include "lockstep/scenarios/Registry.h"
#include "style/Palette.h"
#include "style/StateNames.h"
#include "timeline/TimelineExporter.h"
#include "timeline/TimelineLayout.h"
#include "timeline/TimelineModel.h"
#include "timeline/TimelinePainter.h"
#include "timeline/TimelineStrings.h"
#include "timeline/TimelineWidget.h"
#include "timeline/ZoomState.h"

using namespace lockstep;
using namespace lockstep::timeline;
using namespace std::chrono_literals;
namespace aio = lockstep::asyncio;
namespace mp = lockstep::mp;

namespace {

// ---- child processes (this test binary started again in its worker mode)

// Puts items 0..n-1 on the queue, a second apart.
void mpProducer(const mp::Args& a) {
    mp::Queue q(a.at(0));
    for (std::int64_t i = 0; i < a.at(1).asInt(); ++i) {
        lockstep::sleep(1s);
        q.put(i);
    }
}
LOCKSTEP_PROCESS_TARGET(mpProducer);

// Gets n items from the queue, then says so over its end of a pipe.
void mpConsumer(const mp::Args& a) {
    mp::Queue q(a.at(0));
    mp::Connection done(a.at(1));
    std::int64_t sum = 0;
    for (std::int64_t i = 0; i < a.at(2).asInt(); ++i) sum += q.get().asInt();
    done.send(mp::Obj(mp::List{"sum", sum}));
}
LOCKSTEP_PROCESS_TARGET(mpConsumer);

void mpSleepsLong(const mp::Args&) { lockstep::sleep(100s); }
LOCKSTEP_PROCESS_TARGET(mpSleepsLong);


constexpr Nanos kSecond = 1'000'000'000;

WorkerPool& workerPool() {
    static WorkerPool pool;
    return pool;
}

std::shared_ptr<Trace> runScenario(const char* id, RunConfig config = {}) {
    auto trace = std::make_shared<Trace>();
    const scenarios::Scenario* s = scenarios::find(id);
    if (!s) return nullptr;
    const scenarios::Params p = s->resolve(config.params);
    Execution ex(workerPool(), *trace, config, [s, p] { s->main(p); });
    ex.runToEnd();
    return trace;
}

// A program body run as MainThread to its end (the asyncio runs below).
std::shared_ptr<Trace> runBody(std::function<void()> body) {
    auto trace = std::make_shared<Trace>();
    Execution ex(workerPool(), *trace, RunConfig{}, std::move(body));
    ex.runToEnd();
    return trace;
}

// MainThread starts a producer, a consumer and a sleeper; waits for the consumer's word over a pipe,
// terminates the sleeper and joins everyone: 3 messages through the queue, 1 through the pipe.
std::shared_ptr<Trace> processRun() {
    return runBody([] {
        mp::Queue q;
        auto [mine, theirs] = mp::Pipe();
        mp::Process producer(&mpProducer, {q, 3}, {.name = "producer"});
        mp::Process consumer(&mpConsumer, {q, theirs, 3}, {.name = "consumer"});
        mp::Process sleeper(&mpSleepsLong, {}, {.name = "sleeper"});
        producer.start();
        consumer.start();
        sleeper.start();
        print("main got", mine.recv());
        sleeper.terminate();
        producer.join();
        consumer.join();
        sleeper.join();
    });
}

aio::Coroutine<void> worker(std::chrono::nanoseconds d) {
    co_await aio::sleep(d);
}

// asyncio.run(gather(*(worker(d) for each d))).
std::shared_ptr<Trace> gatherRun(std::vector<std::chrono::nanoseconds> sleeps) {
    return runBody([sleeps] {
        std::vector<aio::Coroutine<void>> coros;
        for (auto d : sleeps) coros.push_back(worker(d));
        aio::run(aio::gather(std::move(coros)));
    });
}

// main() creates tasks with the names given and awaits them in order.
aio::Coroutine<void> namedTasks(std::vector<std::string> names, std::chrono::nanoseconds d) {
    std::vector<aio::Task<void>> tasks;
    for (const auto& n : names) tasks.push_back(aio::create_task(worker(d), n));
    for (auto& t : tasks) co_await t;
}

std::vector<ObjectId> objectsOfKind(const Trace& t, ObjectKind kind) {
    std::vector<ObjectId> out;
    for (ObjectId o = 0; o < t.objectCount(); ++o)
        if (t.object(o).kind == kind) out.push_back(o);
    return out;
}

// What band i of a task lane, or of an event loop's lane, shows.
const TaskBand& taskBand(const Lane& lane, std::size_t i) {
    return laneAs<TaskLane>(lane)->data.at(i);
}
const LoopBand& loopBand(const Lane& lane, std::size_t i) {
    return laneAs<LoopLane>(lane)->data.at(i);
}

// A task lane's states in order, one entry per band, repeats folded.
std::vector<TaskState> taskStateSequence(const Lane& lane) {
    std::vector<TaskState> out;
    for (const TaskBand& b : laneAs<TaskLane>(lane)->data)
        if (out.empty() || out.back() != b.state) out.push_back(b.state);
    return out;
}

// Task lanes against TraceAnalysis::taskStates(): every interval with a length in virtual time has its state
// over that time, and the task runs during each step in which the loop resumed it (a resume and the await
// that ends it share one step: there the lane shows the step as running, where the analysis has an instant).
QString taskLanesDifference(const Trace& t, const TimelineModel& m) {
    const auto analysis = TraceAnalysis(t).taskStates();
    for (ObjectId o = 0; o < t.objectCount(); ++o) {
        const ObjectKind kind = t.object(o).kind;
        if (kind != ObjectKind::AsyncTask && kind != ObjectKind::AsyncFuture) continue;
        const Lane* lane = m.taskLane(o);
        if (!lane) return QString("no lane for %1").arg(o);
        for (const TaskInterval& iv : analysis[o]) {
            if (iv.end <= iv.begin) continue;
            for (Pos p : {Pos(iv.begin), Pos(iv.end - 1)}) {
                const int at = lane->bandAt(Axis::Time, p);
                if (at < 0) return QString("%1: nothing at t=%2").arg(lane->name).arg(p);
                const TaskBand& b = taskBand(*lane, std::size_t(at));
                if (b.state != iv.state || b.awaited != iv.awaited || b.sleepMicros != iv.sleepMicros)
                    return QString("%1 at t=%2: %3 vs %4")
                        .arg(lane->name)
                        .arg(p)
                        .arg(int(b.state))
                        .arg(int(iv.state));
            }
        }
        std::uint32_t step = 0;
        for (std::size_t i = 0; i < t.eventCount(); ++i) {
            const TraceEvent& e = t.event(i);
            if (e.flags & TraceEvent::StepStart) ++step;
            if (e.object != o || e.op != Op::Resume) continue;
            const int at = lane->bandAt(Axis::Steps, step);
            if (at < 0 || taskBand(*lane, std::size_t(at)).state != TaskState::Running)
                return QString("%1: not running at step %2").arg(lane->name).arg(step);
        }
    }
    return {};
}

bool sameBand(const Band& b, std::uint32_t bs, std::uint32_t es, Nanos bt, Nanos et) {
    return b.beginStep == bs && b.endStep == es && b.begin == bt && b.end == et;
}

// A synthetic trace: `actors` threads switching every step, one lock held by turns, with `steps` steps.
// A model's whole run drawn as the export and the widget draw it, fitted to `size`, on white.
struct Drawn {
    TimelineLayout layout;
    ZoomState zoom;
    QImage image;
};
Drawn drawWhole(const TimelineModel& m, Axis axis, QSize size) {
    Drawn d{TimelineLayout::compute(QRect(QPoint(0, 0), size), m, TimelineLayout::defaultFont(), false, true), {},
            QImage(size, QImage::Format_ARGB32_Premultiplied)};
    d.zoom.setRange(m.rangeBegin(axis), m.rangeEnd(axis));
    d.zoom.setWidth(d.layout.plot.width());
    d.zoom.fit();
    d.image.fill(Qt::white);
    QPainter p(&d.image);
    TimelinePainter(m, d.zoom, axis).paint(p, d.layout, PaintOptions{});
    return d;
}

std::shared_ptr<Trace> syntheticTrace(int actors, int steps) {
    auto t = std::make_shared<Trace>();
    for (int a = 0; a < actors; ++a) t->addActor(ActorInfo{"T" + std::to_string(a)});
    const ObjectId lock = t->addObject(ObjectInfo{"lock", ObjectKind::Lock, 0});
    ActorId prev = 0;
    for (int s = 0; s < steps; ++s) {
        const auto a = ActorId(s % actors);
        t->beginStep();
        TraceEvent e;
        e.time = Nanos(s) * 1000;
        e.actor = a;
        e.op = Op::Switch;
        e.arg = prev;
        t->add(e);
        e.op = (s % 2) ? Op::Release : Op::Acquire;
        e.result = (s % 2) ? Result::Ok : Result::Acquired;
        e.object = lock;
        e.arg = 0;
        t->add(e);
        prev = a;
    }
    t->outcomeMut().status = RunStatus::Finished;
    t->outcomeMut().endTime = Nanos(steps) * 1000;
    t->outcomeMut().steps = std::uint32_t(steps);
    return t;
}

// Lanes equal field by field (bands, marks, counts), so an extended model can be compared with a fresh one.
QString laneDifference(const TimelineModel& x, const TimelineModel& y) {
    if (x.laneCount() != y.laneCount())
        return QString("lane count %1 vs %2").arg(x.laneCount()).arg(y.laneCount());
    if (x.stepCount() != y.stepCount() || x.endTime() != y.endTime()) return "step count or end time";
    for (int i = 0; i < x.laneCount(); ++i) {
        const Lane& a = x.lane(i);
        const Lane& b = y.lane(i);
        // What every lane has, then what its kind of lane keeps beside its bands (LaneOf::sameData).
        if (a.name != b.name || a.object != b.object || a.shape != b.shape || a.inCycle != b.inCycle ||
            a.bold != b.bold || a.indent != b.indent || a.guide != b.guide || a.disclosure != b.disclosure ||
            a.numerous != b.numerous || a.ticks != b.ticks || a.objectMarks != b.objectMarks ||
            a.endTag != b.endTag || a.title() != b.title())
            return "lane " + a.name;
        if (a.bands.size() != b.bands.size())
            return QString("%1: %2 vs %3 bands").arg(a.name).arg(a.bands.size()).arg(b.bands.size());
        for (std::size_t k = 0; k < a.bands.size(); ++k) {
            const Band& p = a.bands[k];
            const Band& q = b.bands[k];
            if (p.beginStep != q.beginStep || p.endStep != q.endStep || p.begin != q.begin ||
                p.end != q.end || p.fill != q.fill || p.highlight != q.highlight || p.tick != q.tick)
                return QString("%1: band %2 differs").arg(a.name).arg(k);
        }
        if (!a.sameData(b)) return a.name + ": what its bands show";
        for (std::size_t m = 0; m < kMarkKinds; ++m) {
            if (a.marks[m].size() != b.marks[m].size())
                return QString("%1: marks of kind %2").arg(a.name).arg(m);
            for (std::size_t k = 0; k < a.marks[m].size(); ++k)
                if (a.marks[m][k].event != b.marks[m][k].event || a.marks[m][k].step != b.marks[m][k].step)
                    return QString("%1: mark %2").arg(a.name).arg(k);
        }
        if (a.counts.size() != b.counts.size()) return a.name + ": counts";
        for (std::size_t k = 0; k < a.counts.size(); ++k)
            if (a.counts[k].step != b.counts[k].step || a.counts[k].time != b.counts[k].time ||
                a.counts[k].value != b.counts[k].value)
                return QString("%1: count %2").arg(a.name).arg(k);
        if (a.countMax != b.countMax) return a.name + ": count max";
        if (a.states.size() != b.states.size()) return a.name + ": state counts";
        for (std::size_t k = 0; k < a.states.size(); ++k)
            if (a.states[k].step != b.states[k].step || a.states[k].time != b.states[k].time ||
                a.states[k].count != b.states[k].count)
                return QString("%1: state counts %2").arg(a.name).arg(k);
        for (Axis axis : {Axis::Steps, Axis::Time})
            for (Pos p : {Pos(0), Pos(1), Pos(x.stepCount() / 2), Pos(x.endTime() / 2)})
                if (a.firstBand(axis, p) != b.firstBand(axis, p)) return a.name + ": running maxima";
    }
    if (x.transfers().size() != y.transfers().size())
        return QString("%1 vs %2 transfers").arg(x.transfers().size()).arg(y.transfers().size());
    for (std::size_t k = 0; k < x.transfers().size(); ++k) {
        const Transfer& p = x.transfers()[k];
        const Transfer& q = y.transfers()[k];
        if (p.fromEvent != q.fromEvent || p.toEvent != q.toEvent || p.fromStep != q.fromStep ||
            p.toStep != q.toStep || x.transferText(p) != y.transferText(q))
            return QString("transfer %1 differs").arg(k);
    }
    return {};
}

// The asyncio protocol's events this branch's loop does not record yet (Woken, Cancelled, Callback, a
// coroutine name on Create, a gather future, a wait on a queue, ready-queue lengths), written by hand as the
// protocol says: Task-1 main() gathers Task-2 and Task-3 worker(); Task-3 cancels Task-2 and raises after 1
// s.
std::shared_ptr<Trace> protocolTrace() {
    auto trace = std::make_shared<Trace>();
    Trace& t = *trace;
    t.addActor(ActorInfo{"MainThread", ActorKind::MainThread});
    const ObjectId main = t.addObject(ObjectInfo{"Task-1", ObjectKind::AsyncTask, 0});
    const ObjectId a = t.addObject(ObjectInfo{"Task-2", ObjectKind::AsyncTask, 0});
    const ObjectId b = t.addObject(ObjectInfo{"Task-3", ObjectKind::AsyncTask, 0});
    const ObjectId gather = t.addObject(ObjectInfo{"gather", ObjectKind::AsyncFuture, 0});
    const ObjectId q = t.addObject(ObjectInfo{"q", ObjectKind::AsyncQueue, 0});
    const ObjectId onDone = t.addObject(ObjectInfo{"on_done", ObjectKind::AsyncCallback, 0});
    const ObjectId selector = t.addObject(ObjectInfo{"event loop", ObjectKind::EventLoop, 0});
    Nanos now = 0;
    auto add = [&](Op op, ObjectId o, Result r, std::int32_t arg = 0, std::uint8_t flags = 0) {
        TraceEvent e;
        e.time = now;
        e.actor = 0;
        e.op = op;
        e.object = o;
        e.result = r;
        e.arg = arg;
        e.flags = flags;
        t.add(e);
    };
    auto str = [&](const char* text) { return std::int32_t(t.intern(text)); };
    t.beginStep();  // 1
    add(Op::Create, main, Result::Ok, str("main"), TraceEvent::ArgIsString);
    t.beginStep();  // 2: main creates two workers and gathers them
    add(Op::Resume, main, Result::Started, 1);
    add(Op::Create, a, Result::Ok, str("worker"), TraceEvent::ArgIsString);
    add(Op::Create, b, Result::Ok, str("worker"), TraceEvent::ArgIsString);
    add(Op::Create, gather, Result::Ok);
    add(Op::Await, main, Result::Blocked, std::int32_t(gather));
    t.beginStep();  // 3: Task-2 waits on the queue
    add(Op::Resume, a, Result::Started, 2);
    add(Op::Await, a, Result::Blocked, std::int32_t(q));
    t.beginStep();  // 4: a callback scheduled with call_soon
    add(Op::Callback, onDone, Result::Ok, 2);
    t.beginStep();  // 5: Task-3 cancels Task-2 and sleeps 1 s
    add(Op::Resume, b, Result::Started, 1);
    add(Op::Cancel, a, Result::Ok);
    add(Op::Await, a, Result::Woken);
    add(Op::Await, b, Result::Blocked, 1'000'000, TraceEvent::ArgIsMicros);
    t.beginStep();  // 6: Task-2 ends cancelled
    add(Op::Resume, a, Result::Ok, 1);
    add(Op::Run, a, Result::Cancelled);
    t.beginStep();  // 7: nothing ready: select() until the timer
    add(Op::Wait, selector, Result::Blocked, 1'000'000, TraceEvent::ArgIsMicros | TraceEvent::HasTimeout);
    now = kSecond;
    t.beginStep();  // 8
    add(Op::Wait, selector, Result::Timeout);
    add(Op::Await, b, Result::Woken);
    t.beginStep();  // 9: Task-3 raises
    add(Op::Resume, b, Result::Ok, 1);
    add(Op::Run, b, Result::Error, str("ValueError: bad"), TraceEvent::ArgIsString);
    t.beginStep();  // 10: gather's callback sees it, fails, wakes main
    add(Op::Callback, gather, Result::Ok, 2);
    add(Op::Run, gather, Result::Error, str("ValueError: bad"), TraceEvent::ArgIsString);
    add(Op::Await, main, Result::Woken);
    t.beginStep();  // 11
    add(Op::Resume, main, Result::Ok, 1);
    add(Op::Run, main, Result::Done, str("42"), TraceEvent::ArgIsString);
    t.beginStep();  // 12: asyncio.run() returns 42, the program prints it
    add(Op::Print, kNoObject, Result::Ok, str("42"), TraceEvent::ArgIsString);
    t.outcomeMut().status = RunStatus::Finished;
    t.outcomeMut().endTime = now;
    return trace;
}

}  // namespace

class TestTimeline : public QObject {
    Q_OBJECT

private slots:
    // ---------------------------------------------------------------- coordinate maths
    void columnsRoundTrip_data() {
        QTest::addColumn<qint64>("begin");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<int>("width");
        QTest::newRow("1000 units on 100 px") << qint64(0) << qint64(1000) << 100;
        QTest::newRow("37 steps on 1600 px") << qint64(1) << qint64(38) << 1600;
        QTest::newRow("7 units on 3 px") << qint64(5) << qint64(12) << 3;
        QTest::newRow("odd span 1601 on 1600") << qint64(1) << qint64(1602) << 1600;
        QTest::newRow("10^18 ns on 1600 px") << qint64(3) << qint64(1'000'000'000'000'000'003) << 1600;
        QTest::newRow("negative begin") << qint64(-500) << qint64(-17) << 211;
    }
    void columnsRoundTrip() {
        QFETCH(qint64, begin);
        QFETCH(qint64, end);
        QFETCH(int, width);
        ZoomState z;
        z.setRange(begin - 100, end + 100);
        z.setWidth(width);
        z.setWindow(begin, end);
        QCOMPARE(z.begin(), begin);
        QCOMPARE(z.end(), end);
        QCOMPARE(z.xOf(begin), 0.0);
        QCOMPARE(z.xOf(end), double(width));
        QCOMPARE(z.positionAtColumn(0), begin);
        QCOMPARE(z.positionAtColumn(width), end);
        // Each column shows [positionAtColumn(c), positionAtColumn(c + 1)): columnOf inverts it exactly.
        const Pos span = end - begin;
        for (int c = 0; c < width; ++c) {
            const Pos first = z.positionAtColumn(c), next = z.positionAtColumn(c + 1);
            QVERIFY(first <= next);
            if (first == next) continue;  // a column narrower than one unit shows no position of its own
            QCOMPARE(z.columnOf(first), Pos(c));
            QCOMPARE(z.columnOf(next - 1), Pos(c));
        }
        if (span <= 100000)
            for (Pos p = begin; p < end; ++p) {
                const Pos c = z.columnOf(p);
                QVERIFY(c >= 0 && c < width);
                QVERIFY(z.positionAtColumn(c) <= p && p < z.positionAtColumn(c + 1));
                if (span <= width) QCOMPARE(z.positionAtColumn(c), p);  // one unit: at least one pixel
                QCOMPARE(z.positionAtX(z.xOf(p) + 1e-6), p);
            }
    }

    void zoomKeepsAnchor_data() {
        QTest::addColumn<double>("factor");
        QTest::addColumn<double>("anchor");
        QTest::newRow("in x2 middle") << 2.0 << 50.0;
        QTest::newRow("in x3 left") << 3.0 << 10.0;
        QTest::newRow("in x1.5 right") << 1.5 << 99.0;
        QTest::newRow("out x2 from a zoomed window") << 0.5 << 30.0;
    }
    void zoomKeepsAnchor() {
        QFETCH(double, factor);
        QFETCH(double, anchor);
        ZoomState z;
        z.setRange(0, 1'000'000);
        z.setWidth(100);
        z.setWindow(200'000, 300'000);
        const Pos before = z.positionAtX(anchor);
        const Pos spanBefore = z.span();
        z.zoom(factor, anchor);
        QCOMPARE(z.span(), Pos(std::llround(spanBefore / factor)));
        QVERIFY2(std::llabs(z.positionAtX(anchor) - before) <= std::max<Pos>(1, z.span() / 100),
                 qPrintable(QString("%1 -> %2").arg(before).arg(z.positionAtX(anchor))));
    }

    void zoomInOutRestores() {
        ZoomState z;
        z.setRange(0, 1000);
        z.setWidth(100);
        z.zoom(2, 50);
        QCOMPARE(z.begin(), Pos(250));
        QCOMPARE(z.end(), Pos(750));
        z.zoom(0.5, 50);
        QCOMPARE(z.begin(), Pos(0));
        QCOMPARE(z.end(), Pos(1000));
        QVERIFY(z.isFit());
    }

    void clampPanFit() {
        ZoomState z;
        z.setRange(1, 101);
        z.setWidth(50);
        z.setMinimumSpan(4);
        z.zoom(1000, 25);  // not narrower than the minimum span
        QCOMPARE(z.span(), Pos(4));
        z.panBy(-1000);
        QCOMPARE(z.begin(), Pos(1));
        z.panBy(1000);
        QCOMPARE(z.end(), Pos(101));
        z.zoom(0.001, 0);  // not wider than the run
        QVERIFY(z.isFit());
        z.setWindow(10, 30);
        z.panPixels(25);  // half the width = half the span
        QCOMPARE(z.begin(), Pos(20));
        QCOMPARE(z.end(), Pos(40));
        z.fit();
        QCOMPARE(z.begin(), Pos(1));
        QCOMPARE(z.end(), Pos(101));
    }

    void rangeGrowthKeepsFitOrWindow() {
        ZoomState z;
        z.setWidth(100);
        z.setRange(1, 11);
        QVERIFY(z.isFit());
        z.setRange(1, 21);  // a fitted view follows the run as it grows
        QVERIFY(z.isFit());
        z.setWindow(5, 10);
        z.setRange(1, 31);  // a zoomed one stays where it is
        QCOMPARE(z.begin(), Pos(5));
        QCOMPARE(z.end(), Pos(10));
    }

    void ensureVisible() {
        ZoomState z;
        z.setRange(0, 1000);
        z.setWidth(100);
        z.setWindow(0, 100);
        z.ensureVisible(50, 10);
        QCOMPARE(z.begin(), Pos(0));  // already inside the margins
        z.ensureVisible(500, 10);
        QVERIFY(z.contains(500));
        QCOMPARE(z.end(), Pos(511));  // 10 pixels = 10 units of margin
        z.ensureVisible(3, 10);
        QCOMPARE(z.begin(), Pos(0));
    }

    // ---------------------------------------------------------------- lane models
    void actorLanesMatchAnalysis_data() {
        QTest::addColumn<QString>("id");
        for (const auto& s : scenarios::all()) QTest::newRow(s.id.c_str()) << QString::fromStdString(s.id);
    }
    void actorLanesMatchAnalysis() {
        QFETCH(QString, id);
        const auto trace = runScenario(id.toStdString().c_str());
        QVERIFY(trace);
        const TimelineModel m(*trace);
        const auto states = TraceAnalysis(*trace).actorStates();
        QCOMPARE(m.stepCount(), trace->stepCount());
        for (ActorId a = 0; a < trace->actorCount(); ++a) {
            const int li = m.actorLane(a);
            QVERIFY(li >= 0);
            const auto* lane = laneAs<ActorLane>(m.lane(li));
            QVERIFY(lane);
            QCOMPARE(lane->name, QString::fromStdString(trace->actor(a).name));
            QCOMPARE(lane->bands.size(), states[a].size());
            for (std::size_t i = 0; i < lane->bands.size(); ++i) {
                const Band& b = lane->bands[i];
                QVERIFY(sameBand(b, states[a][i].beginStep, states[a][i].endStep, states[a][i].begin,
                                 states[a][i].end));
                QCOMPARE(lane->data[i].state, states[a][i].state);
                QCOMPARE(lane->data[i].object, states[a][i].object);
                // A child process that ended badly (a pool's workers are terminated) has its end in the failed
                // exit's colour; every other band is its state's.
                const bool failedEnd = states[a][i].state == ActorState::Done && lane->info.exited &&
                                       lane->info.exitCode != 0;
                QCOMPARE(QColor::fromRgba(b.fill), failedEnd ? style::Palette::failedExit()
                                                             : style::Palette::actorState(states[a][i].state));
            }
        }
        // Every lane: bands sorted on both axes, marks sorted, so the visible-window search is valid.
        for (const Lane& lane : m.lanes()) {
            for (std::size_t i = 1; i < lane.bands.size(); ++i) {
                QVERIFY(lane.bands[i - 1].beginStep <= lane.bands[i].beginStep);
                QVERIFY(lane.bands[i - 1].begin <= lane.bands[i].begin);
            }
            for (const auto& list : lane.marks)
                for (std::size_t i = 1; i < list.size(); ++i) QVERIFY(list[i - 1].step <= list[i].step);
        }
        // Context-switch marks: exactly the Switch events to another actor, each in the lane of who now runs.
        std::size_t switches = 0, marks = 0;
        for (std::size_t i = 0; i < trace->eventCount(); ++i) {
            const TraceEvent& e = trace->event(i);
            if (e.op == Op::Switch && e.arg != e.actor) ++switches;
        }
        for (ActorId a = 0; a < trace->actorCount(); ++a) {
            const Lane& lane = m.lane(m.actorLane(a));
            marks += lane.markCount(MarkKind::Switch);
            for (const auto& mk : lane.marks[std::size_t(MarkKind::Switch)]) QCOMPARE(mk.actor, a);
        }
        QCOMPARE(marks, switches);
        // Steps map to positions and back on both axes.
        for (std::uint32_t s = 1; s <= m.stepCount(); ++s) {
            QCOMPARE(m.stepAt(Axis::Steps, m.stepPosition(Axis::Steps, s)), s);
            const std::uint32_t t = m.stepAt(Axis::Time, m.stepPosition(Axis::Time, s));
            QVERIFY(t >= s);  // the last step at that instant
            QCOMPARE(m.stepTime(t), m.stepTime(s));
        }
    }

    void deadlockCycleHighlighted() {
        const auto trace = runScenario("deadlock-two-locks");
        QCOMPARE(trace->outcome().status, RunStatus::Deadlock);
        const TimelineModel m(*trace);
        QVERIFY(m.cycle());
        const DeadlockCycle& c = *m.cycle();
        QCOMPARE(c.actors.size(), std::size_t(2));
        for (std::size_t i = 0; i < c.actors.size(); ++i) {
            const auto& lane = *laneAs<ActorLane>(m.lane(m.actorLane(c.actors[i])));
            QVERIFY(lane.inCycle);
            // The last band: blocked on the object of the cycle, highlighted.
            QCOMPARE(lane.data.back().state, ActorState::Blocked);
            QCOMPARE(lane.data.back().object, c.objects[i]);
            QVERIFY(lane.bands.back().highlight);
            QVERIFY(m.lane(m.objectLane(c.objects[i])).inCycle);
        }
        QVERIFY(!m.lane(m.actorLane(0)).inCycle);  // MainThread waits in join, outside the cycle
        // Lock lanes: holders as TraceAnalysis says; both locks still held at the end.
        for (const char* name : {"lock_a", "lock_b"}) {
            const ObjectId o = trace->findObject(name);
            QVERIFY(o != kNoObject);
            const auto* held = laneAs<HoldLane>(m.lane(m.objectLane(o)));
            QVERIFY(held && held->info.role == HoldLaneInfo::Role::Lock);
            const Lane& lane = *held;
            const auto holds = TraceAnalysis(*trace).holds(o);
            QCOMPARE(lane.bands.size(), holds.size());
            for (std::size_t i = 0; i < holds.size(); ++i) {
                QVERIFY(sameBand(lane.bands[i], holds[i].beginStep, holds[i].endStep, holds[i].begin,
                                 holds[i].end));
                QCOMPARE(held->data[i].holder, holds[i].holder);
                // Who holds is the label; every holder band has the one neutral fill, marked as a hold.
                QCOMPARE(QColor::fromRgba(lane.bands[i].fill), style::Palette::holderFill());
                QVERIFY(lane.bands[i].held);
            }
            QCOMPARE(lane.bands.back().endStep, trace->stepCount() + 1);
            QCOMPARE(lane.counts.empty() ? 0 : lane.counts.back().value, 1);  // one waiter at the end
        }
    }

    void semaphoreSlotLanes_data() {
        QTest::addColumn<QString>("id");
        QTest::newRow("semaphore-groups") << "semaphore-groups";
        QTest::newRow("bounded-semaphore-pool") << "bounded-semaphore-pool";
    }
    void semaphoreSlotLanes() {
        QFETCH(QString, id);
        const auto trace = runScenario(id.toStdString().c_str());
        const TimelineModel m(*trace);
        int semaphores = 0;
        for (ObjectId o = 0; o < trace->objectCount(); ++o) {
            const ObjectKind k = trace->object(o).kind;
            if (k != ObjectKind::Semaphore && k != ObjectKind::BoundedSemaphore) continue;
            ++semaphores;
            const auto holds = TraceAnalysis(*trace).holds(o);
            const int first = m.objectLane(o);
            int slotCount = 0;
            std::size_t bands = 0;
            const auto slotOf = [&m](int row) {
                const auto* held = laneAs<HoldLane>(m.lane(row));
                return held && held->info.role == HoldLaneInfo::Role::Slot ? held->info.slot : -1;
            };
            for (int i = first; i < m.laneCount() && m.lane(i).object == o && slotOf(i) >= 0; ++i) {
                const Lane& lane = m.lane(i);
                QCOMPARE(slotOf(i), slotCount);
                ++slotCount;
                bands += lane.bands.size();
                for (std::size_t b = 1; b < lane.bands.size(); ++b)  // one holder at a time per slot
                    QVERIFY(lane.bands[b - 1].endStep <= lane.bands[b].beginStep);
            }
            QCOMPARE(slotCount, int(trace->object(o).param));
            QCOMPARE(bands, holds.size());
            const Lane& waiting = m.lane(first + slotCount);
            QVERIFY(laneAs<HoldLane>(waiting) &&
                    laneAs<HoldLane>(waiting)->info.role == HoldLaneInfo::Role::SlotWaiters);
            QCOMPARE(waiting.shape, LaneShape::Counts);
            const auto waiters = TraceAnalysis(*trace).waiters(o);
            QCOMPARE(waiting.counts.size(), waiters.size());
            QVERIFY(waiting.countMax > 0);  // somebody had to wait for a slot
        }
        QVERIFY(semaphores > 0);
    }

    void queueAndSignalLanes() {
        {
            const auto trace = runScenario("queue-producer-consumers");
            const TimelineModel m(*trace);
            int queues = 0;
            for (ObjectId o = 0; o < trace->objectCount(); ++o) {
                if (trace->object(o).kind != ObjectKind::Queue) continue;
                ++queues;
                const Lane& lane = m.lane(m.objectLane(o));
                QVERIFY(laneAs<CountLane>(lane) && laneAs<CountLane>(lane)->info.queue);
                const auto lengths = TraceAnalysis(*trace).queueLength(o);
                QCOMPARE(lane.counts.size(), lengths.size());
                for (std::size_t i = 0; i < lengths.size(); ++i)
                    QCOMPARE(lane.counts[i].value, lengths[i].value);
                QCOMPARE(lane.counts.back().value, 0);  // drained
            }
            QCOMPARE(queues, 1);
        }
        for (const char* id : {"event-set-wait", "condition-producer-consumer"}) {
            const auto trace = runScenario(id);
            const TimelineModel m(*trace);
            std::size_t expected = 0, found = 0;
            for (std::size_t i = 0; i < trace->eventCount(); ++i) {
                const TraceEvent& e = trace->event(i);
                if (e.object >= trace->objectCount()) continue;
                const ObjectKind k = trace->object(e.object).kind;
                if (k != ObjectKind::Event && k != ObjectKind::Condition) continue;
                if (e.op == Op::Wait || e.op == Op::WaitFor || e.op == Op::Notify || e.op == Op::NotifyAll ||
                    e.op == Op::Set || e.op == Op::Clear)
                    ++expected;
            }
            bool waits = false, wakes = false;
            for (const Lane& lane : m.lanes()) {
                const auto* counted = laneAs<CountLane>(lane);
                if (!counted || counted->info.queue) continue;
                for (const auto& list : lane.marks) found += list.size();
                waits |= lane.markCount(MarkKind::Wait) > 0;
                wakes |= lane.markCount(MarkKind::Notify) + lane.markCount(MarkKind::Set) > 0;
            }
            QVERIFY2(expected > 0, id);
            QCOMPARE(found, expected);
            QVERIFY2(waits && wakes, id);
        }
    }

    // Errors (Op::Raise) are marked in the lane of the actor that raised them.
    void errorsMarked() {
        auto t = syntheticTrace(2, 10);
        TraceEvent e;
        e.time = 99'000;
        e.actor = 1;
        e.op = Op::Raise;
        e.arg = int(t->intern("RuntimeError: release unlocked lock"));
        e.flags = TraceEvent::ArgIsString;
        t->beginStep();
        t->add(e);
        const TimelineModel m(*t);
        const Lane& lane = m.lane(m.actorLane(1));
        QCOMPARE(lane.markCount(MarkKind::Raise), std::size_t(1));
        QCOMPARE(lane.mark(MarkKind::Raise, 0).step, 11u);
        QVERIFY(lane.markTooltip(m, lane.mark(MarkKind::Raise, 0)).contains("step 11"));
    }

    // A data race is marked on both accesses: in the lane of each thread, at the step of its own load or
    // store, each mark naming the other thread. The model built incrementally agrees.
    void raceMarkedOnBothAccesses() {
        RunConfig config;
        config.policy = PolicyKind::Random;
        config.seed = 4;
        auto t = runScenario("race-counter-sleep", config);
        QVERIFY(!t->races().empty());
        const TimelineModel m(*t);
        std::size_t marks = 0;
        for (int i = 0; i < m.laneCount(); ++i) marks += m.lane(i).markCount(MarkKind::Race);
        QCOMPARE(marks, 2 * t->races().size());
        for (const DataRace& race : t->races()) {
            for (const auto& [mine, theirs] : {std::pair{race.first, race.second}, std::pair{race.second, race.first}}) {
                const Lane& lane = m.lane(m.actorLane(mine.actor));
                bool found = false;
                for (std::size_t k = 0; k < lane.markCount(MarkKind::Race); ++k) {
                    const Mark& mk = lane.mark(MarkKind::Race, k);
                    if (mk.step != mine.step || mk.other != theirs.actor) continue;
                    found = true;
                    QCOMPARE(mk.object, race.object);
                    QVERIFY(lane.markTooltip(m, mk).contains("data race on counter with"));
                }
                QVERIFY2(found, qPrintable(QStringLiteral("no race mark at step %1").arg(mine.step)));
                for (std::size_t k = 1; k < lane.markCount(MarkKind::Race); ++k)  // still in step order
                    QVERIFY(lane.mark(MarkKind::Race, k - 1).step <= lane.mark(MarkKind::Race, k).step);
            }
        }
    }

    // The binary searches agree with a linear scan for every window.
    void visibleWindowSearch() {
        const auto trace = syntheticTrace(3, 500);
        const TimelineModel m(*trace);
        std::mt19937 rng(7);
        for (const Lane& lane : m.lanes())
            for (Axis axis : {Axis::Steps, Axis::Time})
                for (int k = 0; k < 200; ++k) {
                    const Pos lo = m.rangeBegin(axis), hi = m.rangeEnd(axis);
                    Pos a = lo + Pos(rng() % std::uint64_t(hi - lo)),
                        b = lo + Pos(rng() % std::uint64_t(hi - lo));
                    if (a > b) std::swap(a, b);
                    ++b;
                    std::size_t first = lane.bands.size(), end = 0;
                    for (std::size_t i = 0; i < lane.bands.size(); ++i)
                        if (endOf(lane.bands[i], axis) > a && beginOf(lane.bands[i], axis) < b) {
                            first = std::min(first, i);
                            end = i + 1;
                        }
                    if (end == 0) continue;
                    QVERIFY(lane.firstBand(axis, a) <= first);
                    QVERIFY(lane.bandEnd(axis, b) >= end);
                    for (std::size_t i = lane.firstBand(axis, a); i < first; ++i)
                        QVERIFY(endOf(lane.bands[i], axis) <= beginOf(lane.bands[i], axis) ||
                                endOf(lane.bands[i], axis) <= a);
                    const int at = lane.bandAt(axis, a);
                    if (at >= 0) {
                        QVERIFY(beginOf(lane.bands[std::size_t(at)], axis) <= a);
                        QVERIFY(endOf(lane.bands[std::size_t(at)], axis) > a);
                    }
                }
    }

    // A model extended step by step, as the GUI does while stepping, equals one built at once: the same state
    // machines, kept open between updates.
    void extendedModelEqualsBuilt_data() {
        QTest::addColumn<QString>("id");
        for (const auto& s : scenarios::all()) QTest::newRow(s.id.c_str()) << QString::fromStdString(s.id);
    }
    void extendedModelEqualsBuilt() {
        QFETCH(QString, id);
        const auto full = runScenario(id.toStdString().c_str());
        QVERIFY(full);
        // Replay the run into a second trace, step by step; actors, objects and strings are known up front so
        // the lanes stay the same and update() takes the incremental path.
        Trace partial;
        for (std::size_t k = 0; k < full->stringCount(); ++k) partial.intern(full->string(std::uint32_t(k)));
        for (ActorId a = 0; a < full->actorCount(); ++a) partial.addActor(full->actor(a));
        for (ObjectId o = 0; o < full->objectCount(); ++o) partial.addObject(full->object(o));
        TimelineModel extended(partial);
        const std::size_t n = full->eventCount();
        const std::uint32_t every = std::max(1u, full->stepCount() / 300);
        for (std::size_t i = 0; i < n; ++i) {
            const TraceEvent& e = full->event(i);
            if (e.flags & TraceEvent::StepStart) partial.beginStep();
            // A race is in the trace's table before its event, as the engine records it.
            if (e.op == Op::Race) partial.addRace(full->races()[std::size_t(e.arg)]);
            partial.add(e);
            const bool stepDone = i + 1 == n || (full->event(i + 1).flags & TraceEvent::StepStart);
            if (!stepDone) continue;
            QVERIFY(extended.update(partial));
            if (partial.stepCount() % every == 0 || i + 1 == n) {
                const TimelineModel built(partial);
                const QString diff = laneDifference(extended, built);
                QVERIFY2(diff.isEmpty(),
                         qPrintable(QString("step %1: %2").arg(partial.stepCount()).arg(diff)));
                // The legend's "what is drawn", read bit by bit as the lanes grow, is what a fresh read says.
                const auto& a = extended.usage();
                const auto& b = built.usage();
                QVERIFY2(a.actorStates == b.actorStates && a.taskStates == b.taskStates &&
                             a.futureStates == b.futureStates && a.marks == b.marks && a.holders == b.holders &&
                             a.counts == b.counts && a.failedExit == b.failedExit,
                         qPrintable(QString("step %1: usage differs").arg(partial.stepCount())));
            }
        }
        // The run ends: outcome and cycle arrive, the model rebuilds and equals the one of the real trace.
        for (const DeadlockCycle& c : full->cycles()) partial.addCycle(c);
        partial.outcomeMut() = full->outcome();
        QVERIFY(extended.update(partial));
        const QString diff = laneDifference(extended, TimelineModel(*full));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void modelExtendsWhenTraceGrows() {
        auto t = syntheticTrace(2, 10);
        TimelineModel m(*t);
        QCOMPARE(m.stepCount(), 10u);
        QVERIFY(!m.update(*t));
        t->beginStep();
        TraceEvent e;
        e.time = 10'000;
        e.actor = 0;
        e.op = Op::Yield;
        t->add(e);
        QVERIFY(m.update(*t));
        QCOMPARE(m.stepCount(), 11u);
        QCOMPARE(m.lane(m.actorLane(0)).bands.back().endStep, 12u);
        // A restart into the same Trace object: cleared and filled again with a longer, different run.
        t->clear();
        for (int a = 0; a < 2; ++a) t->addActor(ActorInfo{"T" + std::to_string(a)});
        t->addObject(ObjectInfo{"lock", ObjectKind::Lock, 0});
        for (int s = 0; s < 15; ++s) {
            t->beginStep();
            TraceEvent y;
            y.time = Nanos(s) * 7;
            y.actor = ActorId(s % 2);
            y.op = Op::Yield;
            t->add(y);
        }
        QVERIFY(m.update(*t));
        QVERIFY2(laneDifference(m, TimelineModel(*t)).isEmpty(),
                 qPrintable(laneDifference(m, TimelineModel(*t))));
    }

    // ---------------------------------------------------------------- asyncio
    // gather(worker(5 s), worker(5 s)): each task is pending, runs a step, waits 5 s in sleep, runs again and
    // is done; the loop's lane under MainThread names the task of each of those steps.
    void taskLanesOfAGather() {
        const auto t = gatherRun({5s, 5s});
        QCOMPARE(t->outcome().status, RunStatus::Finished);
        const TimelineModel m(*t);
        QVERIFY(!m.grouped());
        const auto tasks = objectsOfKind(*t, ObjectKind::AsyncTask);
        QCOMPARE(tasks.size(), std::size_t(3));  // the main coroutine and the two workers
        // After the actor and its loop: one row per task, in creation order.
        QCOMPARE(m.loopLane(0), m.actorLane(0) + 1);
        for (std::size_t k = 0; k < tasks.size(); ++k)
            QCOMPARE(m.objectLane(tasks[k]), m.loopLane(0) + 1 + int(k));
        const std::vector<TaskState> expected{TaskState::Pending, TaskState::Running, TaskState::Waiting,
                                              TaskState::Running, TaskState::Done};
        for (ObjectId o : {tasks[1], tasks[2]}) {
            const Lane& lane = *m.taskLane(o);
            QVERIFY(laneAs<TaskLane>(lane));
            // Both wake at t=5 in one step; the first runs in that step, the second waits its turn in the ready
            // queue for one step.
            auto want = expected;
            if (o == tasks[2]) want.insert(want.begin() + 3, TaskState::Ready);
            QCOMPARE(taskStateSequence(lane), want);
            const Band& sleeping = lane.bands[2];
            QCOMPARE(taskBand(lane, 2).sleepMicros, 5'000'000);
            QCOMPARE(sleeping.begin, Nanos(0));
            QCOMPARE(sleeping.end, 5 * kSecond);
            QCOMPARE(lane.bandLabel(m, 2), QString("sleep 5 s"));
            QVERIFY(lane.bandTooltip(m, 2).contains("asyncio.sleep(5 s)"));
            // A running step is one step long, on the loop's actor.
            QCOMPARE(lane.bands[1].endStep, lane.bands[1].beginStep + 1);
            QCOMPARE(taskBand(lane, 1).loop, ActorId(0));
        }
        // main waits for the gather, which ends when both workers have; gather's callback then puts main
        // back on the ready queue.
        const Lane& main = *m.taskLane(tasks[0]);
        // (main is created and first run in one step: no pending band.)
        const std::vector<TaskState> mainExpected{TaskState::Running, TaskState::Waiting, TaskState::Ready,
                                                  TaskState::Running, TaskState::Done};
        QCOMPARE(taskStateSequence(main), mainExpected);
        const ObjectId gather = t->findObject("gather");
        QCOMPARE(t->object(gather).kind, ObjectKind::AsyncFuture);
        QCOMPARE(taskBand(main, 1).awaited, gather);
        QCOMPARE(main.bandLabel(m, 1), QString("gather"));
        QVERIFY2(taskLanesDifference(*t, m).isEmpty(), qPrintable(taskLanesDifference(*t, m)));

        // The loop's lane: one band per resume, in order, each naming its task.
        const Lane& loop = m.lane(m.loopLane(0));
        QVERIFY(laneAs<LoopLane>(loop));
        QCOMPARE(loop.title(), QString("MainThread: event loop"));
        std::vector<std::pair<std::uint32_t, ObjectId>> resumes;
        std::uint32_t step = 0;
        for (std::size_t i = 0; i < t->eventCount(); ++i) {
            const TraceEvent& e = t->event(i);
            if (e.flags & TraceEvent::StepStart) ++step;
            if (e.op == Op::Resume || e.op == Op::Callback) resumes.emplace_back(step, e.object);
        }
        // main, worker, worker, worker, worker, gather's callback for each worker, main
        QCOMPARE(resumes.size(), std::size_t(8));
        QCOMPARE(loop.bands.size(), resumes.size());
        for (std::size_t k = 0; k < resumes.size(); ++k) {
            const Band& b = loop.bands[k];
            const ObjectId runs = loopBand(loop, k).runs;
            QCOMPARE(b.beginStep, resumes[k].first);
            QCOMPARE(runs, resumes[k].second);
            const QString tip = loop.bandTooltip(m, k);
            QVERIFY2(tip.contains(TaskLanes::taskTitle(m, runs)) && tip.contains("MainThread"), qPrintable(tip));
            QCOMPARE(loop.bandLabel(m, k), TaskLanes::taskTitle(m, runs));
        }
        QCOMPARE(loopBand(loop, 0).runs, tasks[0]);
        QCOMPARE(loopBand(loop, 1).runs, tasks[1]);
        QCOMPARE(loopBand(loop, 2).runs, tasks[2]);
        QCOMPARE(loopBand(loop, loop.bands.size() - 1).runs, tasks[0]);
    }

    // Events this branch's loop does not record yet (Woken, Cancelled, Callback, a coroutine name on Create,
    // a future, waits on a queue, ready-queue lengths), in a trace written by hand as the protocol says.
    void taskLanesOfTheWholeProtocol() {
        const auto trace = protocolTrace();
        const Trace& t = *trace;
        auto id = [&t](const char* name) { return t.findObject(name); };
        const ObjectId main = id("Task-1"), a = id("Task-2"), b = id("Task-3"), gather = id("gather"),
                       onDone = id("on_done");
        const TimelineModel m(t);
        QVERIFY2(taskLanesDifference(t, m).isEmpty(), qPrintable(taskLanesDifference(t, m)));
        using S = TaskState;
        const Lane& la = *m.taskLane(a);
        QCOMPARE(la.title(), QString("Task-2 worker()"));
        QCOMPARE(taskStateSequence(la),
                 (std::vector<S>{S::Pending, S::Running, S::Waiting, S::Ready, S::Running, S::Cancelled}));
        QCOMPARE(la.bandLabel(m, 2), QString("queue 'q'"));
        QVERIFY(la.bandTooltip(m, 2).contains("waiting on queue 'q'"));
        QCOMPARE(la.bands[2].beginStep, 4u);      // waiting once its step is over
        QCOMPARE(la.bands[3].beginStep, 5u);      // woken inside Task-3's step
        QCOMPARE(la.bands.back().beginStep, 7u);  // cancelled once its step is over
        const Lane& lb = *m.taskLane(b);
        QCOMPARE(taskStateSequence(lb),
                 (std::vector<S>{S::Pending, S::Running, S::Waiting, S::Ready, S::Running, S::Failed}));
        QCOMPARE(lb.bandLabel(m, 2), QString("sleep 1 s"));
        QCOMPARE(lb.bands[2].end, kSecond);
        QCOMPARE(lb.bandLabel(m, lb.bands.size() - 1), QString("failed: ValueError: bad"));
        const Lane& lg = *m.taskLane(gather);
        QCOMPARE(taskStateSequence(lg), (std::vector<S>{S::Pending, S::Failed}));
        QCOMPARE(lg.bands.front().beginStep, 2u);
        QCOMPARE(lg.bands.back().beginStep, 10u);
        const Lane& lm = *m.taskLane(main);
        QCOMPARE(lm.title(), QString("Task-1 main()"));
        QCOMPARE(taskStateSequence(lm),
                 (std::vector<S>{S::Pending, S::Running, S::Waiting, S::Ready, S::Running, S::Done}));
        QCOMPARE(lm.bandLabel(m, 2), QString("gather"));
        QVERIFY(lm.bandTooltip(m, 2).contains("waiting for gather to finish"));
        QCOMPARE(lm.bandLabel(m, lm.bands.size() - 1), QString("done: 42"));

        // The loop: the three tasks' steps, gather's callback, on_done, main again; the ready queue.
        const Lane& loop = m.lane(m.loopLane(0));
        std::vector<ObjectId> ran;
        for (const LoopBand& band : laneAs<LoopLane>(loop)->data) ran.push_back(band.runs);
        QCOMPARE(ran, (std::vector<ObjectId>{main, a, onDone, b, a, b, gather, main}));
        QVERIFY(loop.bandTooltip(m, 2).contains("the callback on_done"));
        QVERIFY(loop.bandTooltip(m, 6).contains("a callback of gather"));
        QCOMPARE(loop.countMax, 2);
        QCOMPARE(loop.countAt(Axis::Steps, 3), 2);
        QCOMPARE(loop.countAt(Axis::Steps, 7), 0);  // in select()

        // Each event in a model extended step by step, as the window does while stepping.
        Trace partial;
        for (std::size_t k = 0; k < t.stringCount(); ++k) partial.intern(t.string(std::uint32_t(k)));
        partial.addActor(t.actor(0));
        TimelineModel extended(partial);
        for (std::size_t i = 0; i < t.eventCount(); ++i) {
            // Objects appear when first used, as the engine registers them.
            const TraceEvent& e = t.event(i);
            while (e.object != kNoObject && partial.objectCount() <= e.object)
                partial.addObject(t.object(ObjectId(partial.objectCount())));
            if (e.flags & TraceEvent::StepStart) partial.beginStep();
            partial.add(e);
            QVERIFY(extended.update(partial));
            const QString diff = laneDifference(extended, TimelineModel(partial));
            QVERIFY2(diff.isEmpty(), qPrintable(QString("event %1: %2").arg(i).arg(diff)));
        }
        partial.outcomeMut() = t.outcome();
        QVERIFY(extended.update(partial));
        QVERIFY2(laneDifference(extended, m).isEmpty(), qPrintable(laneDifference(extended, m)));
    }

    // Past the threshold, tasks of one coroutine share a lane counting them by state; it expands into their
    // lanes and collapses again; a model extended as the tasks appear equals one built at once.
    void taskGroups() {
        const int workers = 50;
        std::vector<std::chrono::nanoseconds> sleeps;
        for (int i = 0; i < workers; ++i) sleeps.push_back(std::chrono::seconds(1 + i % 5));
        const auto t = gatherRun(sleeps);
        TimelineModel m(*t);
        QVERIFY(m.grouped());
        const auto tasks = objectsOfKind(*t, ObjectKind::AsyncTask);
        QCOMPARE(int(tasks.size()), workers + 1);
        // Rows: MainThread, its loop, main's own lane (alone in its group), the workers' group, the gather.
        QCOMPARE(m.laneCount(), 5);
        QCOMPARE(m.objectLane(tasks[0]), 2);
        QCOMPARE(m.objectLane(tasks[1]), -1);  // hidden in the group
        const Lane& group = m.lane(3);
        QVERIFY(laneAs<TaskGroupLane>(group));
        QCOMPARE(laneAs<TaskGroupLane>(group)->info.members, workers);
        QCOMPARE(group.shape, LaneShape::Stack);
        QCOMPARE(group.title(), QString("worker() ×50"));
        QVERIFY(!m.groupKey(3).isEmpty());
        QVERIFY(m.groupKey(2).isEmpty());
        // The counts are those of the members' lanes, at every point of both axes.
        for (Axis axis : {Axis::Steps, Axis::Time}) {
            const Pos end = m.rangeEnd(axis);
            for (Pos p = m.rangeBegin(axis); p < end; p += std::max<Pos>(1, (end - 1) / 97)) {
                std::array<std::int32_t, std::size_t(TaskState::Count_)> count{};
                for (std::size_t k = 1; k < tasks.size(); ++k) {
                    const int at = m.taskLane(tasks[k])->bandAt(axis, p);
                    if (at >= 0) ++count[std::size_t(taskBand(*m.taskLane(tasks[k]), std::size_t(at)).state)];
                }
                const StateCounts* c = group.statesAt(axis, p);  // none before the first task exists
                QVERIFY2((c ? c->count : decltype(count){}) == count,
                         qPrintable(QString("axis %1 at %2").arg(int(axis)).arg(p)));
            }
        }
        // While they all sleep: every worker waiting.
        const StateCounts* mid = group.statesAt(Axis::Time, kSecond / 2);
        QCOMPARE(mid->count[std::size_t(TaskState::Waiting)], workers);
        QCOMPARE(TaskLanes::groupSummary(*mid), QString("50 waiting"));
        QCOMPARE(group.statesAt(Axis::Steps, m.stepCount())->count[std::size_t(TaskState::Done)], workers);

        // Expand, collapse.
        QVERIFY(m.toggleGroup(3));
        QCOMPARE(m.laneCount(), 5 + workers);
        QCOMPARE(m.lane(3).disclosure, Disclosure::Expanded);
        for (int k = 0; k < workers; ++k) {
            QCOMPARE(m.objectLane(tasks[std::size_t(k) + 1]), 4 + k);
            QVERIFY(laneAs<TaskLane>(m.lane(4 + k))->info.inGroup);
            QCOMPARE(m.lane(4 + k).indent, 12);
        }
        QCOMPARE(m.expandedGroups(), QStringList{m.groupKey(3)});
        QVERIFY(!m.toggleGroup(2));
        QVERIFY(m.toggleGroup(3));
        QCOMPARE(m.laneCount(), 5);
        // Under the threshold, no groups.
        m.setGroupThreshold(100);
        QVERIFY(!m.grouped());
        QCOMPARE(m.laneCount(), 2 + workers + 1 + 1);
        m.setGroupThreshold(TimelineModel::kDefaultGroupThreshold);
        QCOMPARE(m.laneCount(), 5);

        // Replayed with objects appearing as the engine registers them: no rebuild needed, same lanes.
        Trace partial;
        for (std::size_t k = 0; k < t->stringCount(); ++k) partial.intern(t->string(std::uint32_t(k)));
        partial.addActor(t->actor(0));
        TimelineModel extended(partial);
        const std::size_t n = t->eventCount();
        for (std::size_t i = 0; i < n; ++i) {
            const TraceEvent& e = t->event(i);
            while (e.object != kNoObject && partial.objectCount() <= e.object)
                partial.addObject(t->object(ObjectId(partial.objectCount())));
            if (e.flags & TraceEvent::StepStart) partial.beginStep();
            partial.add(e);
            const bool stepDone = i + 1 == n || (t->event(i + 1).flags & TraceEvent::StepStart);
            if (!stepDone) continue;
            QVERIFY(extended.update(partial));
            if (partial.stepCount() % 7 == 0) {
                const QString diff = laneDifference(extended, TimelineModel(partial));
                QVERIFY2(diff.isEmpty(),
                         qPrintable(QString("step %1: %2").arg(partial.stepCount()).arg(diff)));
            }
        }
        partial.outcomeMut() = t->outcome();
        QVERIFY(extended.update(partial));
        QVERIFY2(laneDifference(extended, m).isEmpty(), qPrintable(laneDifference(extended, m)));
    }

    // Ten thousand tasks: one group lane, the counts right; every row paints.
    void tenThousandTasks() {
        const int workers = 10'000;
        std::vector<std::chrono::nanoseconds> sleeps(workers, 5s);
        const auto t = gatherRun(sleeps);
        QCOMPARE(t->outcome().status, RunStatus::Finished);
        TimelineModel m(*t);
        QVERIFY(m.grouped());
        QCOMPARE(m.laneCount(), 5);  // MainThread, its loop, main, the workers' group, the gather
        const Lane& group = m.lane(3);
        QCOMPARE(laneAs<TaskGroupLane>(group)->info.members, workers);
        QCOMPARE(group.statesAt(Axis::Time, kSecond)->count[std::size_t(TaskState::Waiting)], workers);
        QCOMPARE(group.statesAt(Axis::Steps, m.stepCount())->count[std::size_t(TaskState::Done)], workers);
        // While the workers start, one runs and the rest are pending or waiting.
        const StateCounts* starting = group.statesAt(
            Axis::Steps, m.taskLane(objectsOfKind(*t, ObjectKind::AsyncTask)[5000])->bands[1].beginStep);
        QCOMPARE(starting->count[std::size_t(TaskState::Running)], 1);
        QCOMPARE(starting->count[std::size_t(TaskState::Pending)] +
                     starting->count[std::size_t(TaskState::Waiting)],
                 workers - 1);
        QVERIFY(m.toggleGroup(3));
        QCOMPARE(m.laneCount(), 5 + workers);
        const QRect rect(0, 0, 1000, 600);
        const TimelineLayout l = TimelineLayout::compute(rect, m, TimelineLayout::defaultFont(), false, true);
        ZoomState z;
        z.setRange(m.rangeBegin(Axis::Steps), m.rangeEnd(Axis::Steps));
        z.setWidth(l.plot.width());
        QImage image(rect.size(), QImage::Format_ARGB32_Premultiplied);
        QPainter p(&image);
        TimelinePainter(m, z, Axis::Steps).paint(p, l, PaintOptions{});
        p.end();
        // An export of ten thousand lanes is refused with a hint; collapsed, it goes through.
        QTemporaryDir dir;
        ExportOptions o;
        o.path = dir.filePath("tasks.png");
        o.expandedGroups = m.expandedGroups();
        QString error;
        QVERIFY(!exportTimeline(*t, o, &error));
        QVERIFY2(error.contains("collapse"), qPrintable(error));
        o.expandedGroups.clear();
        QVERIFY2(exportTimeline(*t, o, &error), qPrintable(error));
    }

    // The task lanes, their labels and the legend land in an SVG export.
    void taskLanesExport() {
        const auto t = runBody([] { aio::run(namedTasks({"Task-2", "Task-3"}, 5s)); });
        const TimelineModel m(*t);
        QTemporaryDir dir;
        ExportOptions o;
        o.path = dir.filePath("tasks.svg");
        o.width = 1200;
        QString error;
        QVERIFY2(exportTimeline(*t, o, &error), qPrintable(error));
        QFile f(o.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(f.readAll());
        for (int row = 0; row < m.laneCount(); ++row)
            QVERIFY2(svg.contains(">" + m.lane(row).title() + "<"), qPrintable(m.lane(row).name));
        QVERIFY(svg.contains(">Task-2 ") && svg.contains(">Task-3 "));
        QVERIFY(svg.contains(">sleep 5 s<"));
        QVERIFY(svg.contains(">Task: " + style::StateNames::task(TaskState::Waiting) + "<"));  // the legend
    }

    // ---------------------------------------------------------------- multiprocessing
    // A run with child processes: a heading for the main process with its thread under it, one lane per child
    // named with its pid, exit codes at the ends, and the messages as transfers between the lanes.
    void processLanesGroupedByProcess() {
        const auto t = processRun();
        QCOMPARE(t->outcome().status, RunStatus::Finished);
        const TimelineModel m(*t);
        QVERIFY(m.hasProcesses());
        QCOMPARE(m.laneCount(), 5);  // heading, MainThread, three children (no core, no lock lanes here)
        const Lane& heading = m.lane(0);
        QVERIFY(laneAs<ProcessHeading>(heading));
        QCOMPARE(heading.shape, LaneShape::Heading);
        QCOMPARE(laneAs<ProcessHeading>(heading)->info.pid, std::int64_t(::getpid()));
        QCOMPARE(heading.title(), QString("MainProcess · pid %1").arg(::getpid()));
        QCOMPARE(m.actorLane(0), 1);
        QVERIFY(laneAs<ActorLane>(m.lane(1))->info.nested);
        QVERIFY(m.lane(1).guide);
        QCOMPARE(m.lane(1).title(), QString("MainThread"));
        for (const char* name : {"producer", "consumer", "sleeper"}) {
            const ActorId a = t->findActor(name);
            QVERIFY(a != kNoActor);
            const int row = m.actorLane(a);
            QVERIFY(row >= 2);
            const auto& lane = *laneAs<ActorLane>(m.lane(row));
            QVERIFY(lane.info.processLane && !lane.info.nested);
            QVERIFY(lane.bold);
            QCOMPARE(lane.info.pid, t->actor(a).pid);
            QVERIFY(lane.info.pid != ::getpid());
            QCOMPARE(lane.title(), QString("%1 · pid %2").arg(name).arg(lane.info.pid));
            QVERIFY(lane.info.exited);
            QVERIFY(lane.endTag);
            QCOMPARE(lane.markCount(MarkKind::Exit), std::size_t(1));
            QCOMPARE(lane.data.back().state, ActorState::Done);
        }
        const auto& producer = *laneAs<ActorLane>(m.lane(m.actorLane(t->findActor("producer"))));
        QCOMPARE(producer.info.exitCode, 0);
        QCOMPARE(producer.bandLabel(m, producer.bands.size() - 1), QString("exit 0"));
        const auto& sleeper = *laneAs<ActorLane>(m.lane(m.actorLane(t->findActor("sleeper"))));
        QCOMPARE(sleeper.info.exitCode, -15);
        QCOMPARE(sleeper.info.signal, 15);
        QCOMPARE(sleeper.info.signalledBy, ActorId(0));
        QCOMPARE(sleeper.bandLabel(m, sleeper.bands.size() - 1), QString("exit -15 (SIGTERM)"));
        const QString exitTip = sleeper.markTooltip(m, sleeper.mark(MarkKind::Exit, 0));
        QVERIFY2(exitTip.contains("killed by SIGTERM") && exitTip.contains("terminate() called by MainThread"),
                 qPrintable(exitTip));

        // Messages: three through the queue (producer -> consumer), one through the pipe (consumer -> main),
        // the same pairs as TraceAnalysis.
        const auto analysis = TraceAnalysis(*t).transfers();
        QCOMPARE(m.transfers().size(), std::size_t(4));
        QCOMPARE(analysis.size(), m.transfers().size());
        const ActorId prod = t->findActor("producer"), cons = t->findActor("consumer");
        for (std::size_t k = 0; k < 3; ++k) {
            QCOMPARE(m.transfers()[k].fromActor, prod);
            QCOMPARE(m.transfers()[k].toActor, cons);
            QCOMPARE(m.transferText(m.transfers()[k]), QString::number(k));
            QCOMPARE(m.transfers()[k].fromEvent, analysis[k].fromEvent);
        }
        QCOMPARE(m.transfers()[3].fromActor, cons);
        QCOMPARE(m.transfers()[3].toActor, ActorId(0));
        QCOMPARE(m.transferText(m.transfers()[3]), QString("['sum', 3]"));
        QCOMPARE(TimelineStrings::transferTooltip(m, m.transfers()[3]).section('\n', 0, 0),
                 QString("consumer → MainThread through the pipe Connection-2 → Connection-1"));
        // The legend names the arrows and the exits, in this run only.
        const TimelineLayout l = TimelineLayout::compute(QRect(0, 0, 1400, 600), m, TimelineLayout::defaultFont(), false, true);
        QVERIFY(std::any_of(l.legendEntries.begin(), l.legendEntries.end(),
                            [](const LegendEntry& e) { return e.swatch == LegendEntry::Swatch::Arrow; }));
        const TimelineModel plain(*runScenario("race-counter-sleep"));
        QVERIFY(!plain.hasProcesses());
        QVERIFY(laneAs<ActorLane>(plain.lane(0)) && !laneAs<ActorLane>(plain.lane(0))->info.nested);
        const TimelineLayout pl = TimelineLayout::compute(QRect(0, 0, 1400, 600), plain, TimelineLayout::defaultFont(), false, true);
        QVERIFY(std::none_of(pl.legendEntries.begin(), pl.legendEntries.end(),
                             [](const LegendEntry& e) { return e.swatch == LegendEntry::Swatch::Arrow; }));
    }

    // Each arrow runs from the sender's lane at its send to the receiver's at its receive, on both axes: a
    // point on it shows the message in a tooltip, and a click there goes to the receive.
    void transferArrowsHitAndTooltip_data() {
        QTest::addColumn<int>("axis");
        QTest::newRow("steps") << int(Axis::Steps);
        QTest::newRow("time") << int(Axis::Time);
    }
    void transferArrowsHitAndTooltip() {
        QFETCH(int, axis);
        const auto t = processRun();
        const TimelineModel m(*t);
        const Axis ax = Axis(axis);
        const TimelineLayout l =
            TimelineLayout::compute(QRect(0, 0, 1600, 400), m, TimelineLayout::defaultFont(), false, true);
        ZoomState zoom;
        zoom.setRange(m.rangeBegin(ax), m.rangeEnd(ax));
        zoom.setWidth(l.plot.width());
        zoom.fit();
        const TimelinePainter painter(m, zoom, ax);
        for (std::size_t k = 0; k < m.transfers().size(); ++k) {
            const Transfer& tr = m.transfers()[k];
            // The run's last instant lies on the plot's right edge: arrows there are drawn just inside.
            const double x0 = std::min(ax == Axis::Steps ? painter.stepX(tr.fromStep) : zoom.xOf(tr.fromTime), l.plot.width() - 2.0);
            const double x1 = std::min(ax == Axis::Steps ? painter.stepX(tr.toStep) : zoom.xOf(tr.toTime), l.plot.width() - 2.0);
            const double y0 = l.laneTop(m.actorLane(tr.fromActor), 0) + l.laneHeight / 2.0;
            const double y1 = l.laneTop(m.actorLane(tr.toActor), 0) + l.laneHeight / 2.0;
            bool found = false;
            for (double f : {0.5, 0.3, 0.7, 0.4, 0.6}) {
                const QPoint pt(int(std::lround(l.plot.left() + x0 + f * (x1 - x0))), int(std::lround(y0 + f * (y1 - y0))));
                const Hit hit = painter.hitTest(l, 0, pt);
                if (hit.transfer < 0) continue;
                const Transfer& got = m.transfers()[std::size_t(hit.transfer)];
                if (got.fromActor != tr.fromActor || got.toActor != tr.toActor) continue;
                QCOMPARE(hit.step, got.toStep);
                QVERIFY(painter.tooltip(hit).contains(QString("message: %1").arg(m.transferText(got))));
                found = true;
                break;
            }
            QVERIFY2(found, qPrintable(QString("transfer %1").arg(k)));
        }
        // The picture has them: the arrows' colour is in the plot.
        QImage image(1600, 400, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            painter.paint(p, l, PaintOptions{});
        }
        const Transfer& last = m.transfers().back();
        const double x = std::min(ax == Axis::Steps ? painter.stepX(last.toStep) : zoom.xOf(last.toTime), l.plot.width() - 2.0);
        const int y1 = l.laneTop(m.actorLane(last.toActor), 0) + l.laneHeight / 2;
        bool dark = false;  // the arrowhead at the receiver
        for (int dy = 0; dy <= 8 && !dark; ++dy)
            for (int dx = -3; dx <= 3 && !dark; ++dx) {
                const QColor c = image.pixelColor(int(l.plot.left() + x) + dx, y1 + dy);
                dark = c.lightness() < 90;
            }
        QVERIFY(dark);
    }

    // A killed child's end stands out in the error colour; a clean exit's stays "done" grey.
    void failedExitColoured() {
        const auto t = processRun();
        const TimelineModel m(*t);
        const Drawn d = drawWhole(m, Axis::Steps, QSize(1400, 400));
        auto colourAtEnd = [&](const char* actor) {
            const int row = m.actorLane(t->findActor(actor));
            return d.image.pixelColor(d.layout.plot.right() - 2, d.layout.laneTop(row, 0) + d.layout.laneHeight - 4);
        };
        QCOMPARE(colourAtEnd("sleeper"), style::Palette::failedExit());
        QCOMPARE(colourAtEnd("producer"), style::Palette::actorState(ActorState::Done));
    }

    // On the time axis the run's last instant has room: the axis goes on past the end, and every lane's last
    // state is drawn there. At the end of a gather, the gather's future is done, not "pending".
    void timeAxisGivesTheLastInstantRoom() {
        const auto t = runScenario("async-gather-two");
        const TimelineModel m(*t);
        QVERIFY(m.rangeEnd(Axis::Time) > m.endTime() + m.endTime() / 25);
        int row = -1;
        for (int i = 0; i < m.laneCount(); ++i)
            if (m.lane(i).name == QStringLiteral("gather")) row = i;
        QVERIFY(row >= 0);
        const Lane& gather = m.lane(row);
        QCOMPARE(beginOf(gather.bands.back(), Axis::Time), m.endTime());  // done at the last instant
        const Drawn d = drawWhole(m, Axis::Time, QSize(1200, 400));
        const QColor end = d.image.pixelColor(d.layout.plot.right() - 3, d.layout.laneTop(row, 0) + d.layout.laneHeight / 2);
        QCOMPARE(end, QColor::fromRgba(gather.bands.back().fill));
        QVERIFY(gather.bands.back().fill != gather.bands.front().fill);  // done looks unlike pending
    }

    // A label never sits under a mark: it stays centred when its text is clear of every mark, and otherwise
    // moves to the widest stretch of its band between them.
    void labelsKeepClearOfMarks() {
        const QRect band(100, 10, 200, 20);
        QCOMPARE(TimelinePainter::clearOfMarks(band, 60, {}, 7), band);
        QCOMPARE(TimelinePainter::clearOfMarks(band, 60, {110.0, 290.0}, 7), band);  // marks at the ends
        const QRect moved = TimelinePainter::clearOfMarks(band, 60, {190.0}, 7);
        QCOMPARE(moved.top(), band.top());
        QCOMPARE(moved.height(), band.height());
        QVERIFY2(moved.left() >= 197 && moved.right() <= band.right(),
                 qPrintable(QString("%1..%2").arg(moved.left()).arg(moved.right())));  // the wider, right part
        const QRect left = TimelinePainter::clearOfMarks(band, 60, {240.0, 260.0}, 7);
        QVERIFY(left.left() == band.left() && left.right() < 233);
        QVERIFY(TimelinePainter::clearOfMarks(QRect(100, 0, 10, 20), 6, {105.0}, 7).isEmpty());
    }

    // ---------------------------------------------------------------- one meaning per colour
    // The legend of an export explains what that run shows and nothing else: a race's mark only where there is
    // a race, the hatched cycle only where there is a deadlock, no notify, set or clear in runs without them.
    void exportLegendListsWhatTheRunUses_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("race");
        QTest::addColumn<bool>("deadlock");
        QTest::newRow("race-counter-sleep") << "race-counter-sleep" << true << false;
        QTest::newRow("deadlock-two-locks") << "deadlock-two-locks" << false << true;
    }
    void exportLegendListsWhatTheRunUses() {
        QFETCH(QString, id);
        QFETCH(bool, race);
        QFETCH(bool, deadlock);
        const auto trace = runScenario(id.toStdString().c_str());
        QTemporaryDir dir;
        ExportOptions o;
        o.path = dir.filePath("legend.svg");
        o.width = 1366;
        QString error;
        QVERIFY2(exportTimeline(*trace, o, &error), qPrintable(error));
        QFile f(o.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(f.readAll());
        auto listed = [&svg](const QString& text) { return svg.contains(">" + text + "<"); };
        QCOMPARE(listed(TimelineStrings::markName(MarkKind::Race)), race);
        QCOMPARE(listed(TimelineStrings::cycleLegend()), deadlock);
        QCOMPARE(listed(TimelineStrings::markName(MarkKind::Deadlock)), deadlock);
        for (MarkKind k : {MarkKind::Notify, MarkKind::Set, MarkKind::Clear, MarkKind::Timeout, MarkKind::Exit})
            QVERIFY2(!listed(TimelineStrings::markName(k)), qPrintable(TimelineStrings::markName(k)));
        QVERIFY(!listed(TimelineStrings::transferLegend()));
        // Neither run computes (no work()): no "computing" in the legend; both have threads that run.
        QVERIFY(!listed(style::StateNames::actor(ActorState::Computing)));
        QVERIFY(listed(style::StateNames::actor(ActorState::Running)));
        // The model says the same as the export, entry by entry.
        const TimelineModel m(*trace);
        for (const LegendEntry& e : m.legend()) QVERIFY2(listed(e.text), qPrintable(e.text));
        // Short enough for two rows at 1366 pixels.
        const TimelineLayout l =
            TimelineLayout::compute(QRect(0, 0, 1366, 700), m, TimelineLayout::defaultFont(), false, true);
        QVERIFY(!l.legendEntries.empty());
        QVERIFY2(l.legend.height() <= 2 * (QFontMetrics(TimelineLayout::defaultFont()).height() + 4) + 8,
                 qPrintable(QString::number(l.legend.height())));
    }

    // A holder's band (a lock's, a semaphore slot's, the GIL's, a core's computing actor) can never be taken for
    // a state: its fill is none of the states' colours, in the model and in the pixels painted.
    void holderBandsAreNoStateColour_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("object");  // a lane whose painted pixels are looked at
        QTest::newRow("deadlock-two-locks") << "deadlock-two-locks" << "lock_a";
        QTest::newRow("semaphore-groups") << "semaphore-groups" << "slots";
        QTest::newRow("gil-cpu-bound") << "gil-cpu-bound" << "";
    }
    void holderBandsAreNoStateColour() {
        QFETCH(QString, id);
        QFETCH(QString, object);
        const auto trace = runScenario(id.toStdString().c_str());
        const TimelineModel m(*trace);
        std::set<QRgb> stateColours;
        for (std::size_t s = 0; s < kActorStates; ++s)
            if (const QColor c = style::Palette::actorState(ActorState(s)); c.alpha() > 0) stateColours.insert(c.rgba());
        for (std::size_t s = 0; s < std::size_t(TaskState::Count_); ++s)
            stateColours.insert(style::Palette::taskState(TaskState(s)).rgba());
        for (std::size_t s = 0; s < std::size_t(FutureState::Count_); ++s)
            stateColours.insert(style::Palette::futureState(FutureState(s)).rgba());
        QVERIFY(!stateColours.count(style::Palette::holderFill().rgba()));
        QVERIFY(!stateColours.count(style::Palette::holderOutline().rgba()));
        QVERIFY(!stateColours.count(style::Palette::holderMark().rgba()));
        int holderBands = 0;
        for (const Lane& lane : m.lanes()) {
            const bool holds = laneAs<HoldLane>(lane) || laneAs<CoreLane>(lane);
            for (const Band& b : lane.bands) {
                QCOMPARE(b.held, holds);
                if (!holds) continue;
                ++holderBands;
                QVERIFY2(!stateColours.count(b.fill), qPrintable(lane.name));
            }
        }
        QVERIFY(holderBands > 0);
        if (object.isEmpty()) return;

        // The pixels: every wide band of the object's (first) lane is mostly the holders' fill, and no pixel
        // of it has a hue of a state (the label's antialiased greys aside, only neutral greys are there).
        const Drawn drawn = drawWhole(m, Axis::Steps, QSize(1400, 800));
        const TimelineLayout& layout = drawn.layout;
        const ZoomState& zoom = drawn.zoom;
        const QImage& image = drawn.image;
        const int row = m.objectLane(trace->findObject(object.toStdString()));
        QVERIFY(row >= 0);
        const Lane& lane = m.lane(row);
        QVERIFY(!lane.bands.empty());
        const int top = layout.laneTop(row, 0);
        int looked = 0;
        for (const Band& b : lane.bands) {
            const Pos c0 = zoom.columnOf(beginOf(b, Axis::Steps)), c1 = zoom.columnOf(endOf(b, Axis::Steps));
            if (c1 - c0 < 12) continue;
            std::map<QRgb, int> seen;
            for (Pos c = c0 + 4; c < c1 - 2; ++c)
                for (int y = top + 4; y < top + layout.laneHeight / 2 + 4; ++y) {
                    const QColor px = image.pixelColor(layout.plot.left() + int(c), y);
                    ++seen[px.rgba()];
                    QVERIFY2(px.hsvSaturation() < 40, qPrintable(px.name() + " in " + lane.name));
                }
            const auto most = std::max_element(seen.begin(), seen.end(),
                                               [](const auto& a, const auto& b) { return a.second < b.second; });
            QCOMPARE(QColor::fromRgba(most->first), style::Palette::holderFill());
            ++looked;
        }
        QVERIFY(looked > 0);
    }

    // The export shows which lane is which process: every lane title, with its pid, is in the SVG.
    void processExportNamesPids() {
        const auto t = processRun();
        const TimelineModel m(*t);
        QTemporaryDir dir;
        ExportOptions o;
        o.path = dir.filePath("processes.svg");
        o.width = 1400;
        o.axis = Axis::Time;
        QString error;
        QVERIFY2(exportTimeline(*t, o, &error), qPrintable(error));
        QFile f(o.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(f.readAll());
        for (int row = 0; row < m.laneCount(); ++row)
            QVERIFY2(svg.contains(">" + m.lane(row).title() + "<"), qPrintable(m.lane(row).name));
        QVERIFY(svg.contains(QString(">MainProcess · pid %1<").arg(::getpid())));
        QVERIFY(svg.contains(QString(">sleeper · pid %1<").arg(t->actor(t->findActor("sleeper")).pid)));
        QVERIFY(svg.contains(">exit -15 (SIGTERM)<"));
        QVERIFY(svg.contains(">" + TimelineStrings::transferLegend() + "<"));
    }

    // The widget says what an arrow carries when the mouse is on it.
    void widgetArrowTooltip() {
        const auto t = processRun();
        TimelineWidget w;
        w.resize(1200, 400);
        w.show();
        lockstep::app::TraceView view;
        view.trace = t;
        view.cursor = t->stepCount();
        w.setView(view.derive());
        const TimelineModel& m = w.model();
        const Transfer& pipe = m.transfers().back();
        const QPoint from = w.pointOf(m.actorLane(pipe.fromActor), pipe.fromStep);
        const QPoint to = w.pointOf(m.actorLane(pipe.toActor), pipe.toStep);
        bool found = false;
        for (double f : {0.5, 0.35, 0.65}) {
            const QString tip = w.toolTipAt(from + (to - from) * f);
            if (tip.contains("message: ['sum', 3]")) found = true;
        }
        QVERIFY(found);
        // The process heading and a child's name say which process they are.
        QVERIFY(w.toolTipAt(w.pointOf(0, 1)).startsWith(QString("MainProcess (pid %1)").arg(::getpid())));
        const int sleeper = m.actorLane(t->findActor("sleeper"));
        const QPoint name(w.layoutInfo().names.left() + 10, w.pointOf(sleeper, 1).y());
        const QString tip = w.toolTipAt(name);
        QVERIFY2(tip.startsWith(QString("sleeper (pid %1)").arg(laneAs<ActorLane>(m.lane(sleeper))->info.pid)) && tip.contains("SIGTERM"),
                 qPrintable(tip));
    }

    // ---------------------------------------------------------------- cause → effect
    // An SVG export names every cause arrow it draws in words. With no cursor (the command line's export) all
    // of them; with a cursor only those from or to its step, unless all are asked for.
    void causeArrowsInExport() {
        const auto t = runScenario("lock-counter");
        const TimelineModel m(*t);
        QVERIFY(m.traceModel());
        QCOMPARE(m.traceModel()->causalLinks().size(), std::size_t(3));
        QTemporaryDir dir;
        const auto svgOf = [&dir, &t](std::uint32_t cursor, bool all) {
            ExportOptions o;
            o.path = dir.filePath("causes.svg");
            o.width = 1200;
            o.cursor = cursor;
            o.allCauses = all;
            QString error;
            if (!exportTimeline(*t, o, &error)) return "export failed: " + error;
            QFile f(o.path);
            if (!f.open(QIODevice::ReadOnly)) return QString("cannot read");
            return QString::fromUtf8(f.readAll());
        };
        const QString release = "<title>T1 released lock → T2 acquired it (steps 12 → 14)</title>";
        const QString join1 = "<title>T1 ended → MainThread's join() returned (step 13)</title>";
        const QString join2 = "<title>T2 ended → MainThread's join() returned (step 20)</title>";
        QString svg = svgOf(0, false);
        QCOMPARE(svg.count("class=\"cause-effect-arrow\""), 3);
        QVERIFY2(svg.contains(release), qPrintable(svg.right(600)));
        QVERIFY(svg.contains(join1) && svg.contains(join2));
        // The legend says what the dashed arrows and the brackets are.
        QVERIFY(svg.contains(">" + TimelineStrings::causeLegend() + "<"));
        QVERIFY(svg.contains(">" + TimelineStrings::criticalSectionLegend() + "<"));
        // The cursor at T2's acquire: the release that let it through, nothing else.
        svg = svgOf(14, false);
        QCOMPARE(svg.count("class=\"cause-effect-arrow\""), 1);
        QVERIFY(svg.contains(release));
        // At the release's step the same arrow, from its other end.
        svg = svgOf(12, false);
        QCOMPARE(svg.count("class=\"cause-effect-arrow\""), 1);
        QVERIFY(svg.contains(release));
        QCOMPARE(svgOf(5, false).count("class=\"cause-effect-arrow\""), 0);
        QCOMPARE(svgOf(5, true).count("class=\"cause-effect-arrow\""), 3);

        // Other kinds read as well: a put and the get that took the item.
        const auto q = runScenario("queue-producer-consumers");
        ExportOptions o;
        o.path = dir.filePath("queue.svg");
        o.width = 1400;
        QString error;
        QVERIFY2(exportTimeline(*q, o, &error), qPrintable(error));
        QFile f(o.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString qsvg = QString::fromUtf8(f.readAll());
        QVERIFY(qsvg.contains("<title>producer-1 put an item in q → consumer-1 got it (steps 12 → 15)</title>"));
        QVERIFY(qsvg.contains("<title>producer-1 ended → MainThread's join() returned (step 55)</title>"));

        // asyncio: the arrow runs between the tasks' lanes and names them.
        const auto a = runScenario("async-chain");
        o.path = dir.filePath("async.svg");
        QVERIFY2(exportTimeline(*a, o, &error), qPrintable(error));
        QFile af(o.path);
        QVERIFY(af.open(QIODevice::ReadOnly));
        const QString asvg = QString::fromUtf8(af.readAll());
        QVERIFY2(asvg.contains("<title>gather finished → woke Task-1 (step "), qPrintable(asvg.right(400)));
    }

    // The widget's arrow at the cursor answers the mouse with its sentence, and a click on it goes to the effect.
    void widgetCauseTooltip() {
        const auto t = runScenario("lock-counter");
        TimelineWidget w;
        w.resize(1200, 400);
        w.show();
        lockstep::app::TraceView view;
        view.trace = t;
        view.cursor = 14;
        w.setView(view.derive());
        const TimelineModel& m = w.model();
        const CausalLink& l = m.traceModel()->causalLinks()[1];
        QCOMPARE(l.kind, CauseKind::ReleaseAcquire);
        const QPoint from = w.pointOf(m.actorLane(l.fromActor), l.fromStep);
        const QPoint to = w.pointOf(m.actorLane(l.toActor), l.toStep);
        const auto found = [&] {
            for (double f : {0.5, 0.4, 0.6, 0.3, 0.7})
                if (w.toolTipAt(from + (to - from) * f + QPoint(0, 2)).contains("T1 released lock → T2 acquired it"))
                    return true;
            return false;
        };
        QVERIFY(found());
        // Elsewhere the arrow is not drawn, so not hit; all of them on the toggle.
        view.cursor = 5;
        w.setView(view.derive());
        QVERIFY(!found());
        w.setAllCauses(true);
        QVERIFY(found());
    }

    // A thread's critical section (from acquiring a lock to releasing it) has a dark bracket along its lane's
    // foot; outside it the lane's foot keeps the band's colour.
    void criticalSectionBracket() {
        const auto t = runScenario("lock-counter");
        const TimelineModel m(*t);
        const TimelineLayout l =
            TimelineLayout::compute(QRect(0, 0, 1200, 300), m, TimelineLayout::defaultFont(), false, true);
        ZoomState zoom;
        zoom.setRange(m.rangeBegin(Axis::Steps), m.rangeEnd(Axis::Steps));
        zoom.setWidth(l.plot.width());
        zoom.fit();
        QImage image(1200, 300, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        const TimelinePainter painter(m, zoom, Axis::Steps);
        {
            QPainter p(&image);
            painter.paint(p, l, PaintOptions{});
        }
        const ObjectId lock = t->findObject("lock");
        const auto& holds = m.traceModel()->holds(lock);
        QVERIFY(!holds.empty());
        const HoldInterval& h = holds.front();  // T1's, steps 6 to 12
        const int row = m.actorLane(h.holder);
        const int foot = l.laneTop(row, 0) + l.laneHeight - 3;
        const auto lightness = [&](std::uint32_t step) {
            return image.pixelColor(l.plot.left() + int(painter.stepX(step)), foot).lightness();
        };
        QVERIFY2(lightness((h.beginStep + h.endStep) / 2) < 90, qPrintable(QString::number(lightness((h.beginStep + h.endStep) / 2))));
        // After T1's release (its lane is "done" grey there) no bracket.
        QVERIFY(lightness(h.endStep + 3) > 150);
    }

    // ---------------------------------------------------------------- painting
    // At full zoom-out every pixel column of a busy lane is painted (aggregated), none left blank.
    void aggregationFillsEveryColumn() {
        const auto t = syntheticTrace(2, 100'000);
        const TimelineModel m(*t);
        const QRect rect(0, 0, 800, 300);
        const TimelineLayout l =
            TimelineLayout::compute(rect, m, TimelineLayout::defaultFont(), false, false);
        ZoomState z;
        z.setRange(m.rangeBegin(Axis::Steps), m.rangeEnd(Axis::Steps));
        z.setWidth(l.plot.width());
        QImage image(rect.size(), QImage::Format_ARGB32_Premultiplied);
        QPainter p(&image);
        TimelinePainter(m, z, Axis::Steps).paint(p, l, PaintOptions{});
        p.end();
        const int y =
            l.laneTop(m.actorLane(0), 0) + l.laneHeight - 4;  // below the switch marks and busy strip
        for (int x = l.plot.left(); x <= l.plot.right(); ++x)
            QVERIFY2(image.pixelColor(x, y) != QColor(Qt::white) &&
                         image.pixelColor(x, y) != QColor(0xFA, 0xFA, 0xFA),
                     qPrintable(QString("column %1 blank").arg(x)));
    }

    void paletteTextReadable() {
        QCOMPARE(style::Palette::textOn(style::Palette::actorState(ActorState::Ready)), QColor(Qt::black));
        QCOMPARE(style::Palette::textOn(style::Palette::actorState(ActorState::Computing)), QColor(Qt::white));
        std::set<QRgb> states;
        for (ActorState s : {ActorState::Running, ActorState::Ready, ActorState::Blocked,
                             ActorState::Sleeping, ActorState::Computing, ActorState::Done})
            states.insert(style::Palette::actorState(s).rgb());
        QCOMPARE(states.size(), std::size_t(6));
    }

    void secondsFormatting_data() {
        QTest::addColumn<qint64>("t");
        QTest::addColumn<qint64>("resolution");
        QTest::addColumn<QString>("text");
        QTest::newRow("0.1 s at 0.1") << qint64(100'000'000) << qint64(100'000'000) << "0.1 s";
        QTest::newRow("0.3 s at ms") << qint64(300'000'000) << qint64(1'000'000) << "0.300 s";
        QTest::newRow("2 s at s") << qint64(2'000'000'000) << qint64(1'000'000'000) << "2 s";
        QTest::newRow("1 ns") << qint64(1) << qint64(1) << "0.000000001 s";
        QTest::newRow("exact 0.1 s") << qint64(100'000'000) << qint64(0) << "0.100 s";
        QTest::newRow("exact 1.5 ms") << qint64(1'500'000) << qint64(0) << "0.0015 s";
        QTest::newRow("exact 0") << qint64(0) << qint64(0) << "0.000 s";
    }
    void secondsFormatting() {
        QFETCH(qint64, t);
        QFETCH(qint64, resolution);
        QFETCH(QString, text);
        QCOMPARE(TimelineStrings::seconds(t, resolution), text);
    }

    // ---------------------------------------------------------------- export
    void exportFormats_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("wholeRun");
        QTest::newRow("png") << "timeline.png" << 1200 << true;
        QTest::newRow("PNG upper case, range") << "timeline.PNG" << 640 << false;
        QTest::newRow("svg") << "timeline.svg" << 1600 << true;
        QTest::newRow("pdf") << "timeline.pdf" << 1000 << true;
        QTest::newRow("pdf range") << "range.pdf" << 800 << false;
    }
    void exportFormats() {
        QFETCH(QString, file);
        QFETCH(int, width);
        QFETCH(bool, wholeRun);
        const auto trace = runScenario("deadlock-two-locks");
        const TimelineModel m(*trace);
        QTemporaryDir dir;
        ExportOptions o;
        o.path = dir.filePath(file);
        o.width = width;
        o.wholeRun = wholeRun;
        o.begin = 5;
        o.end = 12;
        o.title = "deadlock-two-locks";
        o.cursor = 9;
        QString error;
        QVERIFY2(exportTimeline(*trace, o, &error), qPrintable(error));
        QFile f(o.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        const QString suffix = QFileInfo(file).suffix().toLower();
        if (suffix == "png") {
            QImage image;
            QVERIFY(image.loadFromData(data, "PNG"));
            QCOMPARE(image.width(), width);
            QCOMPARE(image.height(),
                     TimelineLayout::preferredHeight(width, m, TimelineLayout::defaultFont(), true, true));
            // Non-blank: many distinct colours, and the state colours are there.
            std::set<QRgb> colours;
            for (int y = 0; y < image.height(); y += 2)
                for (int x = 0; x < image.width(); x += 2) colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));
            QVERIFY(colours.count(style::Palette::actorState(ActorState::Blocked).rgb()));
            QVERIFY(colours.count(style::Palette::actorState(ActorState::Running).rgb()));
        } else if (suffix == "svg") {
            const QString svg = QString::fromUtf8(data);
            QVERIFY(svg.contains("<svg"));
            for (const Lane& lane : m.lanes())
                QVERIFY2(svg.contains(">" + lane.title() + "<"), qPrintable(lane.name));
            QVERIFY(svg.contains(">" + style::StateNames::actor(ActorState::Blocked) + "<"));  // the legend
        } else {
            QVERIFY(data.startsWith("%PDF"));
            // Exactly one page object ("/Type /Page", not the "/Type /Pages" tree).
            static const QRegularExpression page("/Type\\s*/Page(?!s)");
            int pages = 0;
            for (auto it = page.globalMatch(QString::fromLatin1(data)); it.hasNext(); it.next()) ++pages;
            QCOMPARE(pages, 1);
        }
    }

    void exportErrors_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown extension") << "out.jpg" << 800 << ".png, .svg or .pdf";
        QTest::newRow("no extension") << "out" << 800 << ".png, .svg or .pdf";
        QTest::newRow("width too small") << "out.png" << 10 << "width 10";
        QTest::newRow("width too large") << "out.svg" << 100000 << "width 100000";
        QTest::newRow("unwritable png") << "/nonexistent-dir/out.png" << 800 << "cannot write";
        QTest::newRow("unwritable pdf") << "/nonexistent-dir/out.pdf" << 800 << "cannot write";
    }
    void exportErrors() {
        QFETCH(QString, path);
        QFETCH(int, width);
        QFETCH(QString, message);
        const auto trace = syntheticTrace(2, 20);
        ExportOptions o;
        o.path = path;
        o.width = width;
        QString error;
        QVERIFY(!exportTimeline(*trace, o, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    // ---------------------------------------------------------------- widget
    void widgetClickMapsToStep_data() {
        QTest::addColumn<int>("axis");
        QTest::newRow("steps") << int(Axis::Steps);
        QTest::newRow("time") << int(Axis::Time);
    }
    void widgetClickMapsToStep() {
        QFETCH(int, axis);
        const auto trace = runScenario("race-counter-sleep");
        TimelineWidget w;
        w.resize(900, 400);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        lockstep::app::TraceView view;
        view.trace = trace;
        view.cursor = 1;
        view.live = trace->stepCount();
        view.ended = true;
        w.setView(view.derive());
        w.setAxis(Axis(axis));
        QSignalSpy spy(&w, &TimelineWidget::stepRequested);
        const TimelineModel& m = w.model();
        // Click the middle of several steps in MainThread's lane; on the time axis a click lands on the last
        // step at that instant, inside the band under the mouse.
        for (std::uint32_t step : {2u, m.stepCount() / 2, m.stepCount()}) {
            const QPoint at = w.pointOf(m.actorLane(0), step);
            QTest::mouseClick(w.viewport(), Qt::LeftButton, {}, at);
            QVERIFY(!spy.isEmpty());
            const auto got = spy.takeLast().at(0).value<std::uint32_t>();
            if (Axis(axis) == Axis::Steps)
                QCOMPARE(got, step);
            else
                QCOMPARE(m.stepTime(got), m.stepTime(step));
            QCOMPARE(w.cursor(), got);
        }
        QVERIFY(!w.toolTipAt(w.pointOf(m.actorLane(0), 2)).isEmpty());
        const QString tip = w.toolTipAt(w.pointOf(m.actorLane(1), m.stepCount() / 2));
        QVERIFY2(tip.contains("T1") && tip.contains("t = "), qPrintable(tip));
    }

    void widgetZoomKeepsCursorVisible() {
        const auto trace = syntheticTrace(3, 2000);
        TimelineWidget w;
        w.resize(800, 300);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        lockstep::app::TraceView view;
        view.trace = trace;
        view.cursor = 1500;
        w.setView(view.derive());
        const Pos spanBefore = w.zoomState().span();
        for (int i = 0; i < 20; ++i) {
            w.zoomIn();
            QVERIFY(w.zoomState().contains(1500));
        }
        QVERIFY(w.zoomState().span() < spanBefore);
        QCOMPARE(w.zoomState().span(), Pos(4));  // the narrowest window
        // Moving the cursor far away pans to it.
        view.cursor = 20;
        w.setView(view.derive());
        QVERIFY(w.zoomState().contains(20));
        QTest::keyClick(&w, Qt::Key_0);
        QVERIFY(w.zoomState().isFit());
        QTest::keyClick(&w, Qt::Key_Plus);
        QVERIFY(!w.zoomState().isFit());
        QVERIFY(w.zoomState().contains(20));
        const Pos begin = w.zoomState().begin();
        QTest::keyClick(&w, Qt::Key_Right);
        QVERIFY(w.zoomState().begin() > begin);
        QTest::keyClick(&w, Qt::Key_Minus);
        w.fit();
        QVERIFY(w.zoomState().isFit());
        // Ctrl+wheel zooms around the mouse: the step under it stays under it.
        const QPoint at = w.pointOf(0, 1000);
        QWheelEvent wheel(at, w.viewport()->mapToGlobal(at), {}, {0, 240}, Qt::NoButton, Qt::ControlModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(w.viewport(), &wheel);
        QVERIFY(w.zoomState().span() < spanBefore);
        const Pos under = w.zoomState().positionAtX(at.x() - w.layoutInfo().plot.left() + 0.5);
        QVERIFY2(std::llabs(under - 1000) <= 2, qPrintable(QString::number(under)));
        // The trace grows: a fitted view follows it.
        w.fit();
        auto bigger = syntheticTrace(3, 3000);
        view.trace = bigger;
        view.cursor = 3000;
        w.setView(view.derive());
        QVERIFY(w.zoomState().isFit());
        QCOMPARE(w.zoomState().end(), Pos(3001));
        // Painting into the widget goes through (no crash on every axis and zoom).
        w.setAxis(Axis::Time);
        w.zoomIn();
        QVERIFY(w.zoomState().contains(w.model().stepTime(3000)));
        w.grab();
    }

    // A click on a task group's name shows its tasks and hides them again; G does it for every group; the
    // export of what is on screen keeps the group as shown.
    void widgetExpandsTaskGroups() {
        const auto t = gatherRun(std::vector<std::chrono::nanoseconds>(45, 2s));
        TimelineWidget w;
        w.resize(900, 500);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        lockstep::app::TraceView view;
        view.trace = t;
        view.cursor = 1;
        view.live = t->stepCount();
        view.ended = true;
        w.setView(view.derive());
        const TimelineModel& m = w.model();
        QCOMPARE(m.laneCount(), 5);
        const int row = 3;
        QVERIFY(laneAs<TaskGroupLane>(m.lane(row)));
        const TimelineLayout& l = w.layoutInfo();
        const QPoint name(l.names.left() + 20, l.laneTop(row, 0) + l.laneHeight / 2);
        QVERIFY2(w.toolTipAt(name).contains("click the name"), qPrintable(w.toolTipAt(name)));
        // The group's band tells how many tasks are in each state at that step.
        const QString counts = w.toolTipAt(w.pointOf(row, m.stepCount() - 1));
        QVERIFY2(counts.contains("worker() ×45") && counts.contains("45 done"), qPrintable(counts));
        QTest::mouseClick(w.viewport(), Qt::LeftButton, {}, name);
        QCOMPARE(m.laneCount(), 5 + 45);
        QCOMPARE(m.lane(row).disclosure, Disclosure::Expanded);
        QCOMPARE(w.visibleExportOptions().expandedGroups, QStringList{m.groupKey(row)});
        // A member's band: its own state and what it waits on.
        const Lane& member = m.lane(row + 1);
        const QString tip = w.toolTipAt(w.pointOf(row + 1, member.bands[2].beginStep));
        QVERIFY2(tip.contains("asyncio.sleep(2 s)"), qPrintable(tip));
        QTest::mouseClick(w.viewport(), Qt::LeftButton, {}, name);
        QCOMPARE(m.laneCount(), 5);
        QTest::keyClick(&w, Qt::Key_G);
        QCOMPARE(m.laneCount(), 5 + 45);
        QTest::keyClick(&w, Qt::Key_G);
        QCOMPARE(m.laneCount(), 5);
        // The loop's steps on the time axis: ticks at their instants, each instant's steps in the tooltip.
        w.setAxis(Axis::Time);
        const QString atStart = w.toolTipAt(w.pointOf(m.loopLane(0), 3));
        QVERIFY2(atStart.contains("event loop at t = 0") && atStart.contains("worker()"),
                 qPrintable(atStart));
        w.grab();
    }

    void widgetRetranslates() {
        TimelineWidget w;
        // With nothing loaded there is nothing to explain: the legend lists only what a run shows.
        QVERIFY(w.layoutInfo().legendEntries.empty());
        const auto t = runScenario("deadlock-two-locks");
        lockstep::app::TraceView view;
        view.trace = t;
        view.cursor = t->stepCount();
        w.setView(view.derive());
        QEvent change(QEvent::LanguageChange);
        QApplication::sendEvent(&w, &change);
        QCOMPARE(w.accessibleName(), QString("Timeline"));
        QVERIFY(!w.layoutInfo().legendEntries.empty());
        // Folded away (View > Timeline legend), its rows go to the lanes; shown again, it is back.
        const int lanesHeight = w.layoutInfo().plot.height();
        w.setLegendShown(false);
        QVERIFY(w.layoutInfo().legend.isEmpty());
        QVERIFY(w.layoutInfo().legendEntries.empty());
        QVERIFY(w.layoutInfo().plot.height() > lanesHeight);
        w.setLegendShown(true);
        QVERIFY(!w.layoutInfo().legendEntries.empty());
        QCOMPARE(w.layoutInfo().plot.height(), lanesHeight);
    }
};

#define main lockstepQTestMain
QTEST_MAIN(TestTimeline)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_timeline.moc"
