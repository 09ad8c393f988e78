// The GIL: the gil-cpu-bound scenario's elapsed times under the GIL and without it on several cores, the
// hand-overs at the switch interval, a sleeping thread that holds nothing; the comparison of thread counts x
// GIL x cores (lockstep::scenarios::compare); and the charts panel's comparison chart, computed off the GUI
// thread.

#include "common/TestMain.h"
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <memory>
#include <set>

#include "cli/Cli.h"
#include "common/ScenarioTrace.h"
#include "lockstep/TraceAnalysis.h"
#include "lockstep/scenarios/Compare.h"
#include "panels/ChartsPanel.h"

using namespace lockstep;
using namespace lockstep::testing;
using lockstep::app::ChartsPanel;
using lockstep::app::TraceView;

namespace {

constexpr const char* kId = "gil-cpu-bound";
constexpr Nanos kWork = 400 * kMilli;  // the scenario's default work_ms

WorkerPool& pool() {
    static WorkerPool p;
    return p;
}

// A run of gil-cpu-bound with the given thread count, GIL and cores; the io thread is off unless asked for.
std::unique_ptr<Run> runGil(int threads, bool gil, int cores, bool io = false, ParamList more = {}) {
    ParamList params{{"threads", threads}, {"io_thread", io ? 1 : 0}};
    params.insert(params.end(), more.begin(), more.end());
    return runScenario(pool(), kId, std::nullopt, std::nullopt, params, cores, gil);
}

Nanos elapsed(const Run& r) { return r.outcome().endTime; }

std::optional<ObjectId> objectByKind(const Trace& t, ObjectKind kind) {
    for (ObjectId o = 0; o < t.objectCount(); ++o)
        if (t.object(o).kind == kind) return o;
    return std::nullopt;
}

bool overlaps(Nanos a0, Nanos a1, Nanos b0, Nanos b1) { return std::max(a0, b0) < std::min(a1, b1); }

RunConfig defaultConfig(ParamList params = {}) {
    const scenarios::Scenario* s = scenarios::find(kId);
    RunConfig c;
    s->defaults.applyTo(c);
    c.params = s->resolve(params).values();
    return c;
}

TraceView viewOf(const RunConfig& config) {
    const scenarios::Scenario* s = scenarios::find(kId);
    auto trace = std::make_shared<Trace>();
    const scenarios::Params p = s->resolve(config.params);
    {
        Execution ex(pool(), *trace, config, [s, p] { s->main(p); });
        ex.runToEnd();
    }
    TraceView view;
    view.trace = trace;
    view.scenario = s;
    view.config = config;
    view.live = view.cursor = trace->stepCount();
    view.ended = true;
    return view.derive();
}

QBarSeries* barsOf(QChart* chart) {
    if (!chart || chart->series().size() != 1) return nullptr;
    return qobject_cast<QBarSeries*>(chart->series().front());
}

}  // namespace

class TestGil : public QObject {
    Q_OBJECT

private slots:
    // ---------------------------------------------------------------- the scenario

    void scenarioDefaultsMakeThePoint() {
        const scenarios::Scenario* s = scenarios::find(kId);
        QVERIFY(s);
        QCOMPARE(QString(s->family), QStringLiteral("pools"));
        QVERIFY(s->defaults.gil);
        QVERIFY(s->defaults.cores > 1);  // on one core the GIL would change nothing
        QVERIFY(scenarios::canCompare(*s));
        QVERIFY(scenarios::offersComparison(*s));
        QVERIFY(!scenarios::offersComparison(*scenarios::find("semaphore-groups")));
    }

    // The program prints its own elapsed time, and that is when the run ends.
    void printsTheElapsedTime() {
        const auto r = runScenario(pool(), kId);
        QCOMPARE(r->outcome().status, RunStatus::Finished);
        const auto lines = printedContaining(r->trace, "countdown in 2 thread(s): ");
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines[0].actor, std::string("MainThread"));
        const QString expected = QString::number(toSeconds(elapsed(*r)), 'f', 3) + " s";
        QVERIFY2(QString::fromStdString(lines[0].text).endsWith(expected), lines[0].text.c_str());
        // The io thread is a daemon, killed mid-sleep when main ends: the run still finishes.
        QVERIFY(!printedContaining(r->trace, "io: reply parsed at t=").empty());
        QCOMPARE(r->trace.actor(*actorByName(r->trace, "io")).endState, EndState::Killed);
    }

    // With the GIL the CPU work is done one thread at a time: more threads or more cores never make it
    // finish sooner than one thread. With the io thread the runs differ by its parses (1 ms each, as many as
    // fit in the run), so there the rule is the same in its general form: the run lasts at least the sum of
    // all its CPU bursts, as if on one core.
    void gilThreadsNeverBeatOneThread_data() {
        QTest::addColumn<int>("cores");
        QTest::addColumn<bool>("io");
        for (int cores : {1, 2, 4, 8})
            for (bool io : {false, true})
                QTest::newRow(qPrintable(QStringLiteral("%1 cores%2").arg(cores).arg(io ? ", io" : "")))
                    << cores << io;
    }
    void gilThreadsNeverBeatOneThread() {
        QFETCH(int, cores);
        QFETCH(bool, io);
        const Nanos one = elapsed(*runGil(1, true, cores, io));
        QVERIFY(one >= kWork);
        for (int threads : {2, 4, 8}) {
            const auto r = runGil(threads, true, cores, io);
            QCOMPARE(r->outcome().status, RunStatus::Finished);
            Nanos computed = 0;
            for (const auto& lane : TraceAnalysis(r->trace).actorStates())
                for (const StateInterval& i : lane)
                    if (i.state == ActorState::Computing) computed += i.end - i.begin;
            QVERIFY(computed >= kWork);
            QVERIFY2(elapsed(*r) >= computed, qPrintable(QStringLiteral("%1 threads: %2 s for %3 s of CPU work")
                                                             .arg(threads).arg(toSeconds(elapsed(*r))).arg(toSeconds(computed))));
            if (!io) QCOMPARE(elapsed(*r), one);
        }
    }

    // Without the GIL (what separate processes give) the work spreads over the cores.
    void withoutGilFourThreadsOnFourCores_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("cores");
        QTest::addColumn<double>("share");  // of the single-thread time
        QTest::newRow("1 thread, 4 cores") << 1 << 4 << 1.0;
        QTest::newRow("2 threads, 4 cores") << 2 << 4 << 0.5;
        QTest::newRow("4 threads, 4 cores") << 4 << 4 << 0.25;
        QTest::newRow("8 threads, 4 cores") << 8 << 4 << 0.25;  // no more than 4 compute at once
        QTest::newRow("4 threads, 1 core") << 4 << 1 << 1.0;
        QTest::newRow("4 threads, 2 cores") << 4 << 2 << 0.5;
    }
    void withoutGilFourThreadsOnFourCores() {
        QFETCH(int, threads);
        QFETCH(int, cores);
        QFETCH(double, share);
        const Nanos one = elapsed(*runGil(1, false, cores));
        QCOMPARE(one, kWork);
        const Nanos many = elapsed(*runGil(threads, false, cores));
        QCOMPARE(many, Nanos(double(kWork) * share));
        // With the io thread's little bursts competing for the cores it is still about that share.
        const double withIo = double(elapsed(*runGil(threads, false, cores, true))) / double(elapsed(*runGil(1, false, cores, true)));
        QVERIFY2(std::abs(withIo - share) <= 0.05 * share, qPrintable(QString::number(withIo)));
    }

    // One GIL holder at a time; while two threads want it, it changes hands every switch interval. A
    // different switch interval moves the hand-overs with it.
    void handOversAtTheSwitchInterval_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<qint64>("interval");
        QTest::newRow("2 threads, 5 ms") << 2 << qint64(5 * kMilli);
        QTest::newRow("4 threads, 5 ms") << 4 << qint64(5 * kMilli);
        QTest::newRow("2 threads, 2 ms") << 2 << qint64(2 * kMilli);
    }
    void handOversAtTheSwitchInterval() {
        QFETCH(int, threads);
        QFETCH(qint64, interval);
        const scenarios::Scenario* s = scenarios::find(kId);
        RunConfig config = defaultConfig({{"threads", threads}, {"io_thread", 0}});
        config.switchInterval = interval;
        Run r;
        const scenarios::Params p = s->resolve(config.params);
        {
            Execution ex(pool(), r.trace, config, [s, p] { s->main(p); });
            ex.runToEnd();
        }
        const Trace& t = r.trace;
        const auto gil = objectByKind(t, ObjectKind::Gil);
        QVERIFY(gil);
        auto holds = TraceAnalysis(t).holds(*gil);
        // Hand-overs at the end of a switch interval happen while virtual time advances, several within one
        // step, so the holds are put in time order here.
        std::stable_sort(holds.begin(), holds.end(), [](const HoldInterval& a, const HoldInterval& b) { return a.begin < b.begin; });
        QVERIFY(holds.size() >= std::size_t(kWork / interval) - 1);
        for (std::size_t i = 1; i < holds.size(); ++i) {
            QVERIFY(holds[i].begin >= holds[i - 1].end);        // never two holders
            QVERIFY(holds[i].holder != holds[i - 1].holder);    // each hand-over goes to another thread
        }
        // Every hold but the last of each thread (which ends when its countdown does) lasts one interval.
        const auto handovers = events(t, Op::Release, Result::Handover, t.object(*gil).name);
        QVERIFY(!handovers.empty());
        for (const HoldInterval& h : holds) {
            const bool handedOver = std::any_of(handovers.begin(), handovers.end(),
                                                [&](const TraceEvent& e) { return e.time == h.end && e.actor == h.holder; });
            if (handedOver) QCOMPARE(h.end - h.begin, Nanos(interval));
            else QVERIFY(h.end - h.begin <= interval);
        }
        // The threads take turns in a fixed rotation: T1, T2, ... T1, T2, ...
        for (std::size_t i = threads; i < holds.size() && holds[i].end - holds[i].begin == interval; ++i)
            QCOMPARE(holds[i].holder, holds[i - threads].holder);
        // However many cores there are, at most one thread computes at any moment.
        const auto lanes = TraceAnalysis(t).actorStates();
        std::vector<std::pair<Nanos, Nanos>> computing;
        for (const auto& lane : lanes)
            for (const StateInterval& i : lane)
                if (i.state == ActorState::Computing && i.end > i.begin) computing.emplace_back(i.begin, i.end);
        std::sort(computing.begin(), computing.end());
        for (std::size_t i = 1; i < computing.size(); ++i) QVERIFY(computing[i].first >= computing[i - 1].second);
    }

    // The io thread holds the GIL only for its short bursts, never while it sleeps; meanwhile the counting
    // threads use it. After waking it must wait for the GIL, behind the threads already queued.
    void sleepingThreadReleasesTheGil() {
        const auto r = runGil(2, true, 4, true);
        const Trace& t = r->trace;
        const ActorId io = *actorByName(t, "io");
        const auto gil = objectByKind(t, ObjectKind::Gil);
        QVERIFY(gil);
        auto holds = TraceAnalysis(t).holds(*gil);
        std::stable_sort(holds.begin(), holds.end(), [](const HoldInterval& a, const HoldInterval& b) { return a.begin < b.begin; });
        const auto lanes = TraceAnalysis(t).actorStates();
        int sleeps = 0;
        for (const StateInterval& sleep : lanes[io]) {
            if (sleep.state != ActorState::Sleeping || sleep.end <= sleep.begin) continue;
            ++sleeps;
            bool othersHeldIt = false;
            for (const HoldInterval& h : holds) {
                if (!overlaps(sleep.begin, sleep.end, h.begin, h.end)) continue;
                QVERIFY2(h.holder != io, qPrintable(QStringLiteral("io holds the GIL while asleep at %1 s").arg(toSeconds(h.begin))));
                othersHeldIt = true;
            }
            QVERIFY(othersHeldIt);
        }
        QVERIFY2(sleeps >= 5, qPrintable(QString::number(sleeps)));
        // Each wake-up is followed by a wait for the GIL: io's hold begins after it asked, at a hand-over.
        int ioHolds = 0;
        for (const HoldInterval& h : holds) {
            if (h.holder != io || h.end == elapsed(*r)) continue;  // the last may be cut short by the end
            ++ioHolds;
            QCOMPARE(h.end - h.begin, kMilli);  // its 1 ms parse, shorter than a switch interval: never cut
        }
        QVERIFY(ioHolds >= sleeps - 1);
        const auto woken = events(t, Op::Sleep, Result::Woken);
        for (const TraceEvent& w : woken) {
            if (w.actor != io) continue;
            const auto next = std::find_if(holds.begin(), holds.end(), [&](const HoldInterval& h) { return h.holder == io && h.begin >= w.time; });
            if (next == holds.end()) continue;  // killed before it got the GIL
            QVERIFY(next->begin > w.time);
            QVERIFY(next->begin - w.time <= 2 * defaultConfig().switchInterval);  // behind T1 and T2 at most
        }
    }

    // ---------------------------------------------------------------- the comparison

    void gridOrder() {
        const auto g = scenarios::standardGrid();
        QCOMPARE(g.size(), std::size_t(12));
        QCOMPARE(g.front(), (scenarios::CompareSetting{1, true, 1}));
        QCOMPARE(g[1], (scenarios::CompareSetting{1, true, 4}));
        QCOMPARE(g[2], (scenarios::CompareSetting{1, false, 1}));
        QCOMPARE(g.back(), (scenarios::CompareSetting{4, false, 4}));
        std::set<std::tuple<int, bool, int>> distinct;
        for (const auto& s : g) distinct.insert({s.threads, s.gil, s.cores});
        QCOMPARE(distinct.size(), std::size_t(12));
    }

    void comparisonMatchesSeparateRuns() {
        const scenarios::Scenario& s = *scenarios::find(kId);
        const RunConfig base = defaultConfig({{"io_thread", 0}});
        std::size_t progressCalls = 0;
        const auto results = scenarios::compare(pool(), s, base, scenarios::standardGrid(), nullptr,
                                                [&](std::size_t done) { QCOMPARE(done, ++progressCalls); });
        QCOMPARE(results.size(), std::size_t(12));
        QCOMPARE(progressCalls, std::size_t(12));
        for (std::size_t i = 0; i < results.size(); ++i) {
            const scenarios::CompareResult& c = results[i];
            QCOMPARE(c.setting, scenarios::standardGrid()[i]);
            QCOMPARE(c.status, RunStatus::Finished);
            const auto r = runGil(c.setting.threads, c.setting.gil, c.setting.cores);
            QCOMPARE(c.elapsed, elapsed(*r));
            QCOMPARE(int(c.coreBusy.size()), c.setting.cores);
            // All the countdown's CPU time, and no core busier than the run was long.
            QCOMPARE(c.cpuTime, kWork);
            for (Nanos busy : c.coreBusy) QVERIFY(busy >= 0 && busy <= c.elapsed);
            // The hand-overs counted are the GIL's release events of that kind.
            const auto gil = objectByKind(r->trace, ObjectKind::Gil);
            const int handovers = gil ? int(events(r->trace, Op::Release, Result::Handover, r->trace.object(*gil).name).size()) : 0;
            QCOMPARE(c.gilHandovers, handovers);
            if (c.setting.gil) {
                QCOMPARE(c.coreWait, Nanos(0));
                if (c.setting.threads == 1) QCOMPARE(c.gilWait, Nanos(0));
                else QVERIFY(c.gilWait > 0);
            } else {
                QCOMPARE(c.gilWait, Nanos(0));
                QCOMPARE(c.gilHandovers, 0);
                if (c.setting.threads <= c.setting.cores) QCOMPARE(c.coreWait, Nanos(0));
                else QVERIFY(c.coreWait > 0);
            }
        }
        const auto* base4 = scenarios::singleThreadBaseline(results, {4, false, 4});
        QVERIFY(base4);
        QCOMPARE(base4->setting, (scenarios::CompareSetting{1, false, 4}));
        QCOMPARE(results.back().elapsed * 4, base4->elapsed);
    }

    // Two threads on the GIL: each waits while the other computes, so together they wait the whole run
    // less the first slice... exactly: the waits add up to the time the other thread computed meanwhile.
    void gilWaitIsTheOtherThreadsComputing() {
        const scenarios::Scenario& s = *scenarios::find(kId);
        const auto results = scenarios::compare(pool(), s, defaultConfig({{"io_thread", 0}}), {{2, true, 4}});
        QCOMPARE(results.size(), std::size_t(1));
        // T1 starts first and computes 5 ms slices alternating with T2 until both are done at 400 ms; T2
        // finishes last, so T1 waited while T2 computed before T1's end, and T2 waited while T1 computed.
        const auto r = runGil(2, true, 4);
        const Trace& t = r->trace;
        const auto lanes = TraceAnalysis(t).actorStates();
        Nanos readyWhileOtherComputes = 0;
        const ActorId t1 = *actorByName(t, "T1"), t2 = *actorByName(t, "T2");
        for (auto [me, other] : {std::pair{t1, t2}, std::pair{t2, t1}})
            for (const StateInterval& mine : lanes[me]) {
                if (mine.state != ActorState::Ready) continue;
                for (const StateInterval& theirs : lanes[other])
                    if (theirs.state == ActorState::Computing)
                        readyWhileOtherComputes += std::max<Nanos>(0, std::min(mine.end, theirs.end) - std::max(mine.begin, theirs.begin));
            }
        QCOMPARE(results[0].gilWait, readyWhileOtherComputes);
    }

    void comparisonCanBeCancelled() {
        const scenarios::Scenario& s = *scenarios::find(kId);
        std::atomic<bool> cancel{true};
        QVERIFY(scenarios::compare(pool(), s, defaultConfig(), scenarios::standardGrid(), &cancel).empty());
        // Cancelled after the third run: the three results so far come back, and the pool still works.
        cancel = false;
        const auto some = scenarios::compare(pool(), s, defaultConfig(), scenarios::standardGrid(), &cancel,
                                             [&](std::size_t done) { if (done == 3) cancel = true; });
        QCOMPARE(some.size(), std::size_t(3));
        QCOMPARE(runScenario(pool(), kId)->outcome().status, RunStatus::Finished);
    }

    void comparisonKeepsTheOtherParameters() {
        const scenarios::Scenario& s = *scenarios::find(kId);
        const auto results = scenarios::compare(pool(), s, defaultConfig({{"work_ms", 100}, {"io_thread", 0}, {"threads", 7}}),
                                                {{1, false, 1}, {2, false, 2}});
        QCOMPARE(results.size(), std::size_t(2));
        QCOMPARE(results[0].elapsed, 100 * kMilli);   // work_ms kept
        QCOMPARE(results[1].elapsed, 50 * kMilli);    // threads from the setting, not the 7 given
    }

    // ---------------------------------------------------------------- the chart

    void chartIsComputedOffTheGuiThread() {
        ChartsPanel panel;
        auto* tabs = panel.findChild<QTabWidget*>();
        QVERIFY(tabs);
        QVERIFY(!tabs->isTabVisible(ChartsPanel::GilComparisonChart));
        panel.setView(viewOf(defaultConfig()));
        QVERIFY(tabs->isTabVisible(ChartsPanel::GilComparisonChart));
        QVERIFY(panel.offersComparison());
        // setView returned before the twelve runs were done: the tab says it is computing.
        QVERIFY(panel.isComparing());
        QVERIFY(panel.isChartEmpty(ChartsPanel::GilComparisonChart));
        QVERIFY2(panel.emptyMessage(ChartsPanel::GilComparisonChart).startsWith("Computing"),
                 qPrintable(panel.emptyMessage(ChartsPanel::GilComparisonChart)));
        QString error;
        QTemporaryDir dir;
        QVERIFY(!panel.exportChart(ChartsPanel::GilComparisonChart, dir.filePath("c.png"), &error));
        // The event loop runs meanwhile and delivers the results.
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComparing(), 60000);
        QVERIFY(!panel.isChartEmpty(ChartsPanel::GilComparisonChart));
        QCOMPARE(panel.comparison().size(), std::size_t(12));
    }

    void chartBarsAreTheComparisonsNumbers() {
        ChartsPanel panel;
        const RunConfig config = defaultConfig();
        panel.setView(viewOf(config));
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComparing(), 60000);
        // The oracle: the same comparison run here, on this thread.
        const auto expected = scenarios::compare(pool(), *scenarios::find(kId), config, scenarios::standardGrid());
        QChart* chart = panel.chart(ChartsPanel::GilComparisonChart);
        QBarSeries* series = barsOf(chart);
        QVERIFY(series);
        QCOMPARE(chart->title(), panel.chartTitle(ChartsPanel::GilComparisonChart));
        // One bar set per thread count, one group per (GIL, cores) setting.
        const QStringList setNames{"1 thread", "2 threads", "4 threads"};
        const std::vector<scenarios::CompareSetting> groups{{0, true, 1}, {0, true, 4}, {0, false, 1}, {0, false, 4}};
        QCOMPARE(series->barSets().size(), setNames.size());
        for (int s = 0; s < setNames.size(); ++s) {
            QBarSet* set = series->barSets()[s];
            QCOMPARE(set->label(), setNames[s]);
            QCOMPARE(set->count(), int(groups.size()));
            for (int g = 0; g < set->count(); ++g) {
                scenarios::CompareSetting want = groups[std::size_t(g)];
                want.threads = std::array{1, 2, 4}[std::size_t(s)];
                const auto it = std::find_if(expected.begin(), expected.end(), [&](const auto& r) { return r.setting == want; });
                QVERIFY(it != expected.end());
                QCOMPARE(set->at(g), double(it->elapsed) / 1e6);  // milliseconds
            }
        }
        // The point of the chart, in its bars: GIL on, 4 threads take no less than the countdown's CPU time on
        // one core; GIL off on 4 cores, about a quarter of one thread's time.
        QBarSet* one = series->barSets()[0];
        QBarSet* four = series->barSets()[2];
        QVERIFY(four->at(1) >= double(kWork) / 1e6);
        QVERIFY(four->at(3) < 0.3 * one->at(3));
        // Groups read as text (two lines: the GIL, then the cores), and the value axis says what it measures.
        QBarCategoryAxis* categories = nullptr;
        QValueAxis* values = nullptr;
        for (QAbstractAxis* axis : chart->axes()) {
            if (auto* c = qobject_cast<QBarCategoryAxis*>(axis)) categories = c;
            if (auto* v = qobject_cast<QValueAxis*>(axis)) values = v;
        }
        QVERIFY(categories && values);
        QStringList plain;
        for (const QString& c : categories->categories()) plain << QString(c).replace("<br>", " ");
        QCOMPARE(plain, (QStringList{"GIL on 1 core", "GIL on 4 cores", "GIL off 1 core", "GIL off 4 cores"}));
        QVERIFY(values->titleText().contains("elapsed"));
        QVERIFY(values->max() > four->at(1) * 1.1);  // the tallest bar and its label fit
        QVERIFY(chart->legend()->isVisible());
        QCOMPARE(chart->legend()->markers(series).size(), setNames.size());
    }

    void chartIsNotRecomputedForWhatItVaries() {
        ChartsPanel panel;
        RunConfig config = defaultConfig();
        panel.setView(viewOf(config));
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComparing(), 60000);
        QChart* before = panel.chart(ChartsPanel::GilComparisonChart);
        // Another thread count, the GIL off, one core: the comparison already covers them.
        config.gil = false;
        config.cores = 1;
        config.params = scenarios::find(kId)->resolve({{"threads", 4}}).values();
        panel.setView(viewOf(config));
        QVERIFY(!panel.isComparing());
        QCOMPARE(panel.chart(ChartsPanel::GilComparisonChart), before);
        // More work changes every bar: computed again.
        config.params = scenarios::find(kId)->resolve({{"work_ms", 200}}).values();
        panel.setView(viewOf(config));
        QVERIFY(panel.isComparing());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComparing(), 60000);
        QCOMPARE(panel.comparison().front().setting, (scenarios::CompareSetting{1, true, 1}));
        QCOMPARE(panel.comparison().front().elapsed, elapsed(*runGil(1, true, 1, true, {{"work_ms", 200}})));
        // Another scenario hides the tab and drops the comparison under way.
        panel.setView(viewOf(defaultConfig({{"work_ms", 300}})));
        QVERIFY(panel.isComparing());
        TraceView other;
        other.scenario = scenarios::find("semaphore-groups");
        panel.setView(other);
        QVERIFY(!panel.isComparing());
        QVERIFY(!panel.offersComparison());
        QVERIFY(!panel.findChild<QTabWidget*>()->isTabVisible(ChartsPanel::GilComparisonChart));
        QVERIFY(panel.isChartEmpty(ChartsPanel::GilComparisonChart));
        QVERIFY(panel.emptyMessage(ChartsPanel::GilComparisonChart).contains("gil-cpu-bound"));
    }

    // The panel can go away while the comparison runs: the job is cancelled and its thread joined.
    void panelDestroyedWhileComputing() {
        for (int i = 0; i < 3; ++i) {
            auto panel = std::make_unique<ChartsPanel>();
            panel->setView(viewOf(defaultConfig({{"work_ms", 5000}, {"threads", 8}})));
            QVERIFY(panel->isComparing());
            QTest::qWait(i * 20);
        }
        QCOMPARE(runScenario(pool(), kId)->outcome().status, RunStatus::Finished);
    }

    void chartExportsLikeTheOthers() {
        ChartsPanel panel;
        panel.setView(viewOf(defaultConfig()));
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isComparing(), 60000);
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath("gil.png");
        QVERIFY2(panel.exportChart(ChartsPanel::GilComparisonChart, png, &error), qPrintable(error));
        QImage image(png);
        QVERIFY(!image.isNull());
        std::set<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 8);
        const QString svg = dir.filePath("gil.svg");
        QVERIFY2(panel.exportChart(ChartsPanel::GilComparisonChart, svg, &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (const char* label : {"1 thread", "4 threads", "GIL off", "4 cores"}) QVERIFY2(text.contains(label), label);
        if (!qEnvironmentVariableIsEmpty("LOCKSTEP_GIL_CHART_PNG")) {
            // For looking at the chart by hand: the panel as a learner sees it, at a dock's size, in the
            // language LOCKSTEP_GIL_CHART_LANG names (en by default).
            lockstep::app::installTranslations(qEnvironmentVariable("LOCKSTEP_GIL_CHART_LANG", "en"));
            panel.resize(qEnvironmentVariableIntValue("LOCKSTEP_GIL_CHART_WIDTH") > 0 ? qEnvironmentVariableIntValue("LOCKSTEP_GIL_CHART_WIDTH") : 560, 440);
            panel.findChild<QTabWidget*>()->setCurrentIndex(ChartsPanel::GilComparisonChart);
            panel.show();
            QVERIFY(QTest::qWaitForWindowExposed(&panel));
            panel.grab().save(qEnvironmentVariable("LOCKSTEP_GIL_CHART_PNG"));
            lockstep::app::installTranslations(QStringLiteral("en"));
        }
    }
};

#define main lockstepQTestMain
QTEST_MAIN(TestGil)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_gil.moc"
