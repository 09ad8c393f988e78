// The main window as a learner uses it: load a scenario, step with the keyboard, read the code view and the
// inspector against the engine's trace, step back, branch, choose in manual mode, switch the language, and
// close without leaving a thread behind.

#include "common/TestMain.h"
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QSpinBox>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QMenuBar>
#include <QStandardPaths>
#include <QtTest>

#include "common/ProcessThreads.h"

#include "gui/MainWindow.h"
#include "lockstep/TraceAnalysis.h"
#include "lockstep/scenarios/Registry.h"
#include "panels/CodeView.h"
#include "panels/ExplorePanel.h"
#include "panels/Inspector.h"
#include "panels/InspectorModel.h"
#include "panels/Output.h"
#include "panels/OutputModel.h"
#include "timeline/TimelineWidget.h"

using namespace lockstep;
using namespace lockstep::app;

namespace {


RunSetup setupFor(const char* id, PolicyKind policy = PolicyKind::RoundRobin, std::uint64_t seed = 1) {
    RunSetup s;
    s.scenario = scenarios::find(id);
    s.config.policy = policy;
    s.config.seed = seed;
    s.config.params = s.scenario->resolve({}).values();
    return s;
}


// The listing line an actor is on at the end of `step`: the line of its last event up to there.
int expectedLine(const Trace& t, ActorId a, std::uint32_t step) {
    int line = 0;
    const std::size_t end = t.stepEnd(step);
    for (std::size_t i = 0; i < end; ++i)
        if (t.event(i).actor == a) line = t.event(i).line;
    return line;
}

QStringList menuTitles(QMainWindow& w) {
    QStringList titles;
    for (QAction* a : w.menuBar()->actions()) titles << a->text();
    return titles;
}

}  // namespace

class TestGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // settings of the test, not the user's
        QCoreApplication::setOrganizationName("LockstepTests");
        QCoreApplication::setApplicationName("tst_gui");
    }

    // Run > Explore schedules: a systematic search in the background, its outcomes as a histogram whose
    // categories and bar lengths are the search's own numbers, and a click on a bar replays that schedule.
    void exploreShowsHistogramAndReplays() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.load(setupFor("race-increment-double"), 0);
        w.waitForEngine();
        ExplorePanel* panel = w.explorePanel();
        QSignalSpy done(panel, &ExplorePanel::finished);
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(panel->running() || done.count() == 1);
        QVERIFY(done.wait(60000) || done.count() == 1);
        const ExploreResult& r = panel->result();
        QVERIFY(r.exhaustive);
        QVERIFY(panel->summaryLabel()->text().contains("Exhaustive"));
        QStringList labels;
        for (int i = 0; i < static_cast<int>(r.outcomes.size()); ++i) labels << panel->outcomeLabel(i);
        QCOMPARE(labels, (QStringList{"x=3", "x=4", "x=5", "x=6"}));  // sorted, numbers as numbers
        // The chart: one category per outcome (first outcome on top: the axis lists them bottom-up) and
        // bar values equal to the counts.
        QChart* chart = panel->chartView()->chart();
        QCOMPARE(chart->series().size(), 1);
        auto* series = qobject_cast<QAbstractBarSeries*>(chart->series().front());
        QVERIFY(series);
        auto* axis = qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Vertical).front());
        QVERIFY(axis);
        QCOMPARE(axis->categories(), (QStringList{"x=6", "x=5", "x=4", "x=3"}));
        QCOMPARE(series->barSets().size(), 1);  // every run finished: one colour
        const QBarSet* set = series->barSets().front();
        int total = 0;
        for (int row = 0; row < set->count(); ++row) {
            QCOMPARE(set->at(row), double(r.outcomes[std::size_t(set->count() - 1 - row)].count));
            total += int(set->at(row));
        }
        QCOMPARE(total, r.runs);
        // Clicking the bar of x=4 (row 2 from the bottom) loads its schedule; run to the end, the main view's
        // run ends with x=4.
        emit series->barSets().front()->clicked(2);
        w.waitForEngine();
        QCOMPARE(w.view().cursor, 0u);
        QVERIFY(!w.view().config.schedule.empty());
        w.runToEnd();
        w.waitForEngine();
        const Trace& t = *w.view().trace;
        QCOMPARE(t.outcome().status, RunStatus::Finished);
        QCOMPARE(t.outcome().shared.size(), std::size_t(1));
        QCOMPARE(t.outcome().shared[0].text, std::string("4"));
    }

    // A long search can be cancelled; the window answers meanwhile and no thread is left behind.
    void exploreCancels() {
        const int before = testing::processThreadCount();
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.load(setupFor("semaphore-groups"), 0);
            w.waitForEngine();
            ExplorePanel* panel = w.explorePanel();
            panel->runsBox()->setValue(1'000'000);
            QSignalSpy done(panel, &ExplorePanel::finished);
            panel->start();
            QVERIFY(panel->running());
            // The window keeps stepping its own run while the search goes on.
            QTest::keyClick(&w, Qt::Key_F10);
            w.waitForEngine();
            QCOMPARE(w.view().cursor, 1u);
            panel->cancel();
            QVERIFY(done.wait(30000) || done.count() == 1);
            QVERIFY(!panel->running());
            QVERIFY(panel->result().cancelled);
            QVERIFY(!panel->result().exhaustive);
            QVERIFY(panel->result().runs < 1'000'000);
            QVERIFY(panel->summaryLabel()->text().contains("cancelled"));
            // Closing the window during another search stops it too.
            panel->start();
            QVERIFY(panel->running());
        }
        QTRY_COMPARE_WITH_TIMEOUT(testing::processThreadCount(), before, 10000);
    }

    void stepWithShortcutMatchesTrace() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.load(setupFor("race-counter-sleep"), 0);
        w.waitForEngine();
        for (std::uint32_t k = 1; k <= 14; ++k) {
            QTest::keyClick(&w, Qt::Key_F10);
            w.waitForEngine();
            QCOMPARE(w.view().cursor, k);
            const Trace& t = *w.view().trace;
            QCOMPARE(t.stepCount(), k);
            for (ActorId a = 0; a < t.actorCount(); ++a)
                QCOMPARE(w.codeView()->currentLine(a), expectedLine(t, a, k));
            // The inspector shows the counter's value at this step.
            const ObjectId counter = t.findObject("counter");
            if (counter == kNoObject) continue;
            const QModelIndex row = w.inspector()->model()->indexOfObject(counter);
            QVERIFY(row.isValid());
            QCOMPARE(row.data(InspectorModel::ValueRole).toString(),
                     QString::fromStdString(TraceAnalysis(t).sharedValueAt(counter, k)));
        }
        QCOMPARE(w.timeline()->cursor(), 14u);
    }

    void stepBackMovesOverTheRecordedRun() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.load(setupFor("race-counter-sleep"), 10);
        w.waitForEngine();
        QCOMPARE(w.view().cursor, 10u);
        QTest::keyClick(&w, Qt::Key_F10, Qt::ShiftModifier);
        w.waitForEngine();
        QCOMPARE(w.view().cursor, 9u);
        QCOMPARE(w.view().live, 10u);
        const Trace& t = *w.view().trace;
        for (ActorId a = 0; a < t.actorCount(); ++a) QCOMPARE(w.codeView()->currentLine(a), expectedLine(t, a, 9));
        QTest::keyClick(&w, Qt::Key_F10);  // forward again: over the recorded run, no new step
        w.waitForEngine();
        QCOMPARE(w.view().cursor, 10u);
        QCOMPARE(w.view().trace->stepCount(), 10u);
    }

    void branchAtAPastStep() {
        MainWindow w;
        w.load(setupFor("race-counter-sleep"), 0);
        w.waitForEngine();
        w.runToEnd();
        w.waitForEngine();
        QVERIFY(w.view().ended);
        const std::vector<Decision> decisions = w.view().trace->decisions();
        QVERIFY(!decisions.empty());
        const Decision d = decisions.front();
        w.moveCursor(d.step);
        ActorId other = kNoActor;
        for (ActorId a = 0; a < w.view().trace->actorCount(); ++a)
            if (a != d.chosen && w.codeView()->isChoosable(a)) other = a;
        QVERIFY2(other != kNoActor, "the code view offers another ready thread at a past decision");
        emit w.codeView()->actorChosen(other);
        w.waitForEngine();
        const Trace& t = *w.view().trace;
        QCOMPARE(w.view().cursor, d.step + 1);
        const std::vector<Decision> now = t.decisions();
        QVERIFY(!now.empty());
        QCOMPARE(now.back().step, d.step);
        QCOMPARE(now.back().chosen, other);
    }

    void manualChoiceByClick() {
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.load(setupFor("race-counter-sleep", PolicyKind::Manual), 0);
        w.waitForEngine();
        w.runToEnd();  // stops at the first decision that needs the user
        w.waitForEngine();
        QVERIFY(!w.view().ended);
        QVERIFY(w.view().candidates.size() > 1);
        const ActorId pick = w.view().candidates.back();
        QVERIFY(w.codeView()->isChoosable(pick));
        const QRect button = w.codeView()->chooseButtonRect(pick);
        QVERIFY(!button.isEmpty());
        QTest::mouseClick(w.codeView()->viewport(), Qt::LeftButton, {}, button.center());
        w.waitForEngine();
        const std::vector<Decision> decisions = w.view().trace->decisions();
        QVERIFY(!decisions.empty());
        QCOMPARE(decisions.back().chosen, pick);
    }

    void outputFollowsTheRun() {
        MainWindow w;
        w.load(setupFor("threads-start-join"), 0);
        w.waitForEngine();
        w.runToEnd();
        w.waitForEngine();
        const Trace& t = *w.view().trace;
        int prints = 0;
        for (std::size_t i = 0; i < t.eventCount(); ++i) prints += t.event(i).op == Op::Print;
        QVERIFY(prints > 0);
        QCOMPARE(w.output()->model()->rowCount(), prints);
    }

    void languageSwitchesWithoutRestart() {
        MainWindow w;
        w.setLanguage("en");
        QVERIFY(menuTitles(w).contains("&Run"));
        w.setLanguage("ru");
        QVERIFY2(menuTitles(w).contains(QStringLiteral("&Запуск")), qPrintable(menuTitles(w).join(", ")));
        bool russianDock = false;
        for (QDockWidget* d : w.findChildren<QDockWidget*>()) russianDock = russianDock || d->windowTitle() == QStringLiteral("Сценарии");
        QVERIFY(russianDock);
        w.setLanguage("en");
        QVERIFY(menuTitles(w).contains("&Run"));
    }

    void runToDeadlockAndClose() {
        const int baseline = lockstep::testing::processThreadCount();
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.load(setupFor("deadlock-two-locks"), 0);
            w.waitForEngine();
            QTest::keyClick(&w, Qt::Key_D, Qt::ControlModifier);
            w.waitForEngine();
            QVERIFY(w.view().ended);
            QCOMPARE(w.view().trace->outcome().status, RunStatus::Deadlock);
            // Now a run that never ends, closed while it runs.
            RunSetup spin = setupFor("lock-counter");
            spin.config.maxSteps = 1'000'000'000;
            w.load(spin, 0);
            w.waitForEngine();
            w.runToEnd();
            QTest::qWait(20);
            w.close();
        }
        QTRY_COMPARE_WITH_TIMEOUT(lockstep::testing::processThreadCount(), baseline, 10000);
    }
};

#define main lockstepQTestMain
QTEST_MAIN(TestGui)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_gui.moc"
