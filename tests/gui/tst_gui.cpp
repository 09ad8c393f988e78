// The main window as a learner uses it: load a scenario, step with the keyboard, read the code view and the
// inspector against the engine's trace, step back, branch, choose in manual mode, switch the language, and
// close without leaving a thread behind.

#include "common/TestMain.h"
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QStackedWidget>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>
#include <QMenuBar>
#include <QPushButton>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>
#include <QDateTimeEdit>

#include "common/ProcessThreads.h"

#include "gui/ExportDialog.h"
#include "gui/MainWindow.h"
#include "lockstep/TraceAnalysis.h"
#include "lockstep/scenarios/Registry.h"
#include "panels/ChartsPanel.h"
#include "panels/CodeView.h"
#include "panels/ExplorePanel.h"
#include "panels/ProgramEditor.h"
#include "panels/PythonHighlighter.h"
#include "panels/ScenarioBrowser.h"
#include "panels/SchedulerBar.h"
#include "panels/ScenarioCatalogModel.h"
#include "panels/Inspector.h"
#include "panels/InspectorModel.h"
#include "panels/Output.h"
#include "panels/StartPage.h"
#include "panels/StoryPanel.h"
#include "style/OkabeIto.h"
#include "panels/OutputModel.h"
#include "timeline/TimelineExporter.h"
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

// The two screens a learner is likely to have, in both languages.
void addScreens() {
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<QString>("language");
    for (const QSize screen : {QSize(1366, 768), QSize(1600, 1000)})
        for (const char* language : {"en", "ru"})
            QTest::addRow("%dx%d %s", screen.width(), screen.height(), language) << screen << QString(language);
}

// A rectangle in `w`'s coordinates lies wholly inside what can be seen of `w` (no parent clips it).
bool whollyVisible(QWidget* w, const QRect& r) {
    return !r.isEmpty() && w->isVisible() && w->visibleRegion().boundingRect().contains(r) &&
           QRegion(r).subtracted(w->visibleRegion()).isEmpty();
}

// A learner's program: two threads adding to a shared counter.
const char* const kCounterProgram =
    "import threading\n"
    "\n"
    "counter = 0  # shared\n"
    "\n"
    "def work(n):\n"
    "    global counter\n"
    "    for _ in range(n):\n"
    "        counter += 1\n"
    "\n"
    "threads = [threading.Thread(target=work, args=(3,)) for _ in range(2)]\n"
    "for t in threads:\n"
    "    t.start()\n"
    "for t in threads:\n"
    "    t.join()\n"
    "print('counter =', counter)\n";

QString writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return QString();
    f.write(text);
    return QFileInfo(path).absoluteFilePath();
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The format the highlighter gave the text at `column` of `line` (1-based) of a document.
QTextCharFormat formatAt(QTextDocument* doc, int line, int column) {
    const QTextBlock block = doc->findBlockByNumber(line - 1);
    for (const QTextLayout::FormatRange& r : block.layout()->formats())
        if (column >= r.start && column < r.start + r.length) return r.format;
    return {};
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
        // bar values equal to the outcomes' shares of the runs that have an outcome.
        QChart* chart = panel->chartView()->chart();
        QCOMPARE(chart->series().size(), 1);
        auto* series = qobject_cast<QAbstractBarSeries*>(chart->series().front());
        QVERIFY(series);
        auto* axis = qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Vertical).front());
        QVERIFY(axis);
        QCOMPARE(axis->categories(), (QStringList{"x=6", "x=5", "x=4", "x=3"}));
        // Every run finished: one status set, and the outlined set of the one-after-the-other outcome.
        QCOMPARE(series->barSets().size(), 2);
        const int counted = r.runs - r.sleepBlocked;  // runs stopped early by the sleep sets have no outcome
        for (int row = 0; row < 4; ++row) {
            double value = 0;
            for (const QBarSet* set : series->barSets()) value += set->at(row);
            QVERIFY(qFuzzyCompare(value, 100.0 * r.outcomes[std::size_t(3 - row)].count / counted));
        }
        // Clicking the bar of x=4 (row 2 from the bottom) loads its schedule; run to the end, the main view's
        // run ends with x=4.
        emit series->barSets().front()->clicked(2);  // the status set holds every row but the outlined one
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

    // The histogram shows shares, not counts, and says what they are shares of: after an exhaustive search of
    // race-counter-sleep the bars sum to 100 %, the caption names the number of schedules and says a share is not
    // a probability. One after the other the threads give counter=30, the full total, which no schedule reaches
    // (the sleep always lets the other thread read 0): no bar is outlined and the caption says so. In Russian
    // the caption is translated and the shares take a decimal comma.
    void exploreShowsSharesNotProbabilities() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setLanguage("en");
        w.load(setupFor("race-counter-sleep"), 0);
        w.waitForEngine();
        ExplorePanel* panel = w.explorePanel();
        QSignalSpy done(panel, &ExplorePanel::finished);
        panel->start();
        QVERIFY(done.wait(60000) || done.count() == 1);
        const ExploreResult& r = panel->result();
        QVERIFY(r.exhaustive);
        auto* series = qobject_cast<QAbstractBarSeries*>(panel->chartView()->chart()->series().front());
        QVERIFY(series);
        double sum = 0;
        for (const QBarSet* set : series->barSets())
            for (int row = 0; row < set->count(); ++row) sum += set->at(row);
        QVERIFY2(qAbs(sum - 100.0) < 1e-9, qPrintable(QString::number(sum)));
        const int counted = r.runs - r.sleepBlocked;
        const QString caption = panel->captionLabel()->text();
        QVERIFY2(caption.contains(QStringLiteral("Share of the %1 distinct schedules explored").arg(counted)), qPrintable(caption));
        QVERIFY(caption.contains("Not a probability"));
        QCOMPARE(panel->oneAfterAnotherOutcome(), -1);
        QVERIFY2(caption.contains("counter=30, which no schedule here gives"), qPrintable(caption));
        QVERIFY(panel->barLabel(0).contains(QStringLiteral(" of %1)").arg(counted)));
        QVERIFY(panel->barLabel(0).contains('.'));

        w.setLanguage("ru");
        const QString russian = panel->captionLabel()->text();
        w.setLanguage("en");
        QVERIFY2(russian != caption, qPrintable(russian));
        QVERIFY2(russian.contains(QString::number(counted)), qPrintable(russian));
        QVERIFY2(russian.contains(QStringLiteral("вероятност")), qPrintable(russian));
        QVERIFY(russian.contains("counter=30"));
    }

    // A run with no choice at all (asyncio: every task on one thread) has one schedule: the caption says it is
    // the only one and its outcome certain, not "a share of the 1 schedules".
    void exploreOfASingleScheduleSaysSo() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setLanguage("en");
        w.load(setupFor("async-gather-two"), 0);
        w.waitForEngine();
        ExplorePanel* panel = w.explorePanel();
        QSignalSpy done(panel, &ExplorePanel::finished);
        panel->start();
        QVERIFY(done.wait(60000) || done.count() == 1);
        QVERIFY(panel->result().exhaustive);
        QCOMPARE(panel->result().runs - panel->result().sleepBlocked, 1);
        const QString caption = panel->captionLabel()->text();
        QVERIFY2(caption.startsWith("This is the only schedule") && !caption.contains("Share of"), qPrintable(caption));
        w.setLanguage("ru");
        QVERIFY2(panel->captionLabel()->text().startsWith(QStringLiteral("Это единственное расписание")),
                 qPrintable(panel->captionLabel()->text()));
        w.setLanguage("en");
    }

    // The outcome the threads give run one after the other is outlined when the search meets it: x=6 ((2+1)*2)
    // in race-increment-double, a set of its own with its share in that row only, named on its bar and in the
    // caption.
    void exploreMarksTheOneAfterTheOtherOutcome() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setLanguage("en");
        w.load(setupFor("race-increment-double"), 0);
        w.waitForEngine();
        ExplorePanel* panel = w.explorePanel();
        QSignalSpy done(panel, &ExplorePanel::finished);
        panel->start();
        QVERIFY(done.wait(60000) || done.count() == 1);
        const int marked = panel->oneAfterAnotherOutcome();
        QVERIFY(marked >= 0);
        QCOMPARE(panel->outcomeLabel(marked), QStringLiteral("x=6"));
        auto* series = qobject_cast<QAbstractBarSeries*>(panel->chartView()->chart()->series().front());
        QVERIFY(series);
        const QBarSet* outlined = nullptr;
        for (const QBarSet* set : series->barSets())
            if (set->objectName() == "oneAfterAnother") outlined = set;
        QVERIFY(outlined);
        const int n = int(panel->result().outcomes.size());
        for (int row = 0; row < n; ++row) QCOMPARE(outlined->at(row) > 0, n - 1 - row == marked);
        QVERIFY(panel->barLabel(marked).contains("one after the other"));
        for (int i = 0; i < n; ++i)
            if (i != marked) QVERIFY(!panel->barLabel(i).contains("one after the other"));
        QVERIFY(panel->captionLabel()->text().contains("Outlined: x=6"));
        w.setLanguage("ru");
        const QString russianLabel = panel->barLabel(marked);
        w.setLanguage("en");
        QVERIFY2(russianLabel.contains(QRegularExpression("\\d,\\d")), qPrintable(russianLabel));  // 33,3 %
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

    // File > Open Python program: the window loads the file as a scenario (id: its absolute path), the
    // browser lists it under "Your programs", and the code view shows it in an editor.
    void openProgramLoadsItInAnEditor() {
        QTemporaryDir dir;
        const QString path = writeFile(dir.filePath("counter.py"), kCounterProgram);
        MainWindow w;
        w.clearRecentPrograms();
        QStringList errors;
        w.setMessageHook([&](const QString& title, const QString& text) { errors << title + ": " + text; });
        QVERIFY(w.openProgram(path));
        w.waitForEngine();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join("\n")));
        QVERIFY(w.view().scenario);
        QCOMPARE(QString::fromStdString(w.view().scenario->id), path);
        QCOMPARE(QString::fromStdString(w.view().scenario->sourcePath), path);
        QCOMPARE(w.browser()->currentScenarioId(), path);
        const QModelIndex row = w.browser()->catalog()->indexOfScenario(path);
        QVERIFY(row.isValid());
        QCOMPARE(row.data().toString(), QStringLiteral("counter.py"));
        QCOMPARE(row.parent().data().toString(), QStringLiteral("Your programs"));
        QVERIFY(w.windowTitle().contains("counter.py"));
        CodeView* code = w.codeView();
        QVERIFY(code->isEditable());
        QCOMPARE(code->programPath(), path);
        QCOMPARE(code->editor()->toPlainText(), QString::fromUtf8(kCounterProgram));
        QVERIFY(!code->isProgramModified());
        // The editor marks the line of every thread that has not ended, as the columns do: step until a
        // worker thread is on a line of work() besides the main thread.
        for (int i = 0; i < 200 && code->editor()->markers().size() < 2; ++i) {
            w.stepForward();
            w.waitForEngine();
        }
        QStringList expected;
        for (ActorId a = 0; a < w.view().trace->actorCount(); ++a)
            if (code->currentLine(a) > 0 && code->actorState(a) != ActorState::Done)
                expected << QStringLiteral("%1@%2").arg(QString::fromStdString(w.view().trace->actor(a).name)).arg(code->currentLine(a));
        QStringList marked;
        for (const ProgramEditor::Marker& m : code->editor()->markers()) marked << QStringLiteral("%1@%2").arg(m.actor).arg(m.line);
        QCOMPARE(marked, expected);
        QCOMPARE(marked.size(), 2);
        QVERIFY2(marked[0].startsWith("MainThread@"), qPrintable(marked.join(" ")));
        const int workerLine = marked[1].section('@', 1).toInt();
        QVERIFY2(workerLine >= 5 && workerLine <= 8, qPrintable(marked.join(" ")));  // inside def work(n)
        // Each marked line has a background in its thread's state colour.
        QCOMPARE(code->editor()->extraSelections().size(), 2);
        QCOMPARE(w.recentPrograms(), QStringList{path});
        // A built-in scenario's listing is not editable.
        w.load(setupFor("race-counter-sleep"), 0);
        w.waitForEngine();
        QVERIFY(!code->isEditable());
        QVERIFY(code->programPath().isEmpty());
        QVERIFY(!code->editor()->isVisibleTo(code));
    }

    // The editor colours Python: keywords, the name after def, strings, comments and numbers.
    void editorHighlightsPython() {
        QTemporaryDir dir;
        const QString path = writeFile(dir.filePath("colours.py"),
                                       "def work(n):  # a comment\n    return 'text' + str(42)\n\"\"\"two\nlines\"\"\" if n else None\n");
        MainWindow w;
        w.setMessageHook([](const QString&, const QString&) {});
        QVERIFY(w.openProgram(path));
        w.waitForEngine();
        QTextDocument* doc = w.codeView()->editor()->document();
        using K = PythonHighlighter::Kind;
        auto colourOf = [](K k) { return PythonHighlighter::format(k).foreground().color(); };
        QCOMPARE(formatAt(doc, 1, 0).foreground().color(), colourOf(K::Keyword));      // def
        QCOMPARE(formatAt(doc, 1, 0).fontWeight(), int(QFont::Bold));
        QCOMPARE(formatAt(doc, 1, 4).foreground().color(), colourOf(K::DefinedName));  // work
        QCOMPARE(formatAt(doc, 1, 16).foreground().color(), colourOf(K::Comment));     // # a comment
        QCOMPARE(formatAt(doc, 2, 4).foreground().color(), colourOf(K::Keyword));      // return
        QCOMPARE(formatAt(doc, 2, 11).foreground().color(), colourOf(K::String));      // 'text'
        QCOMPARE(formatAt(doc, 2, 24).foreground().color(), colourOf(K::Number));      // 42
        QVERIFY(!formatAt(doc, 2, 20).foreground().style());                            // str: a plain name
        // A triple-quoted string goes on to the next line; after it, keywords are keywords again.
        QCOMPARE(formatAt(doc, 4, 1).foreground().color(), colourOf(K::String));       // lines"""
        QCOMPARE(formatAt(doc, 4, 9).foreground().color(), colourOf(K::Keyword));      // if
        QCOMPARE(formatAt(doc, 4, 22).foreground().color(), colourOf(K::Keyword));     // None
    }

    // Editing marks the program modified; the next Step saves the file, loads it again and steps the
    // fresh run, so the run follows the text on screen.
    void editedProgramIsSavedBeforeTheNextStep() {
        QTemporaryDir dir;
        const QString path = writeFile(dir.filePath("counter.py"), kCounterProgram);
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList errors;
        w.setMessageHook([&](const QString& title, const QString& text) { errors << title + "\n" + text; });
        QVERIFY(w.openProgram(path));
        w.waitForEngine();
        const scenarios::Scenario* before = w.view().scenario;
        ProgramEditor* editor = w.codeView()->editor();
        QTextCursor cursor(editor->document());
        cursor.movePosition(QTextCursor::End);
        editor->setTextCursor(cursor);
        QTest::keyClicks(editor, "print('edited')");
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(w.codeView()->isProgramModified());
        QVERIFY(w.windowTitle().endsWith(" *"));
        const QString edited = QString::fromUtf8(kCounterProgram) + "print('edited')\n";
        QCOMPARE(w.codeView()->programText(), edited);
        QCOMPARE(readFile(path), QByteArray(kCounterProgram));  // nothing written yet
        QTest::keyClick(&w, Qt::Key_F10);
        w.waitForEngine();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join("\n")));
        QCOMPARE(QString::fromUtf8(readFile(path)), edited);
        QVERIFY(w.view().scenario != before);
        QCOMPARE(QString::fromStdString(w.view().scenario->listing), edited);
        QCOMPARE(scenarios::find(path.toStdString()), w.view().scenario);
        QCOMPARE(w.view().cursor, 1u);
        QVERIFY(!w.codeView()->isProgramModified());
        QVERIFY(!w.windowTitle().endsWith(" *"));
        QCOMPARE(editor->toPlainText(), edited);
        // The run is the edited program's: its last line prints.
        w.runToEnd();
        w.waitForEngine();
        QVERIFY(w.view().ended);
        QStringList printed;
        for (int r = 0; r < w.output()->model()->rowCount(); ++r)
            printed << w.output()->model()->index(r, OutputModel::TextColumn).data(OutputModel::TextRole).toString();
        QCOMPARE(printed, (QStringList{"counter = 6", "edited"}));
        // Ctrl+S saves at once.
        QTest::keyClicks(editor, "# more");
        QVERIFY(w.codeView()->isProgramModified());
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        w.waitForEngine();
        QVERIFY(!w.codeView()->isProgramModified());
        QVERIFY(QString::fromUtf8(readFile(path)).contains("# more"));
    }

    // A thread of the program that raises: its traceback is one line of the output, on stderr, in the error colour.
    void programTracebackIsShownAsStderr() {
        QTemporaryDir dir;
        const QString path = writeFile(dir.filePath("boom.py"),
                                       "import threading\n\ndef work():\n    raise ValueError('boom')\n\n"
                                       "t = threading.Thread(target=work)\nt.start()\nt.join()\nprint('after')\n");
        MainWindow w;
        w.setMessageHook([](const QString&, const QString&) {});
        QVERIFY(w.openProgram(path));
        w.waitForEngine();
        w.runToEnd();
        w.waitForEngine();
        QVERIFY(w.view().ended);
        const OutputModel* m = w.output()->model();
        int report = -1, after = -1;
        for (int r = 0; r < m->rowCount(); ++r) {
            const QString text = m->index(r, OutputModel::TextColumn).data(OutputModel::TextRole).toString();
            if (text.contains("ValueError: boom")) report = r;
            if (text == "after") after = r;
        }
        QVERIFY(report >= 0 && after > report);
        QVERIFY(m->index(report, 0).data(OutputModel::StderrRole).toBool());
        QVERIFY(!m->index(after, 0).data(OutputModel::StderrRole).toBool());
        QCOMPARE(m->index(report, OutputModel::TextColumn).data(Qt::ForegroundRole).value<QBrush>().color(),
                 style::OkabeIto::vermillion());
    }

    // A saved edit that does not compile: the message names the file and CPython's error, the run stays
    // as it was and the edits stay in the editor.
    void editWithSyntaxErrorIsReported() {
        QTemporaryDir dir;
        const QString path = writeFile(dir.filePath("counter.py"), kCounterProgram);
        MainWindow w;
        QStringList errors;
        w.setMessageHook([&](const QString& title, const QString& text) { errors << title + "\n" + text; });
        QVERIFY(w.openProgram(path));
        w.waitForEngine();
        const scenarios::Scenario* before = w.view().scenario;
        w.codeView()->editor()->selectAll();
        w.codeView()->editor()->insertPlainText("def (:\n    pass\n");  // as if typed over the whole text
        QVERIFY(w.codeView()->isProgramModified());
        w.stepForward();
        w.waitForEngine();
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].startsWith("The program has an error\n"), qPrintable(errors[0]));
        QVERIFY2(errors[0].contains(QDir::toNativeSeparators(path)), qPrintable(errors[0]));
        QVERIFY2(errors[0].contains("SyntaxError"), qPrintable(errors[0]));
        QCOMPARE(w.view().scenario, before);
        QCOMPARE(w.view().cursor, 0u);
        QVERIFY(w.codeView()->isProgramModified());
        QCOMPARE(w.codeView()->programText(), QStringLiteral("def (:\n    pass\n"));
    }

    // A file that cannot be opened: a message naming it and saying why; nothing else changes.
    void openProgramErrors() {
        QTemporaryDir dir;
        MainWindow w;
        w.clearRecentPrograms();
        QStringList errors;
        w.setMessageHook([&](const QString& title, const QString& text) { errors << title + "\n" + text; });
        const QString missing = dir.filePath("missing.py");
        QVERIFY(!w.openProgram(missing));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].startsWith("Cannot open the program\n" + QDir::toNativeSeparators(missing) + "\n"), qPrintable(errors[0]));
        QVERIFY2(errors[0].contains("No such file"), qPrintable(errors[0]));
        const QString bad = writeFile(dir.filePath("bad.py"), "def (:\n    pass\n");
        QVERIFY(!w.openProgram(bad));
        QCOMPARE(errors.size(), 2);
        QVERIFY2(errors[1].contains(QDir::toNativeSeparators(bad)), qPrintable(errors[1]));
        QVERIFY2(errors[1].contains("SyntaxError"), qPrintable(errors[1]));
        QVERIFY(!w.view().scenario);
        QVERIFY(w.recentPrograms().isEmpty());
        QVERIFY(!w.browser()->catalog()->indexOfScenario(bad).isValid());
    }

    // File > Recent programs: newest first, at most eight, each entry opens its file, and Clear empties it.
    void recentProgramsList() {
        QTemporaryDir dir;
        MainWindow w;
        w.clearRecentPrograms();
        w.setMessageHook([](const QString&, const QString&) {});
        QStringList paths;
        for (int i = 1; i <= 9; ++i) {
            paths.prepend(writeFile(dir.filePath(QStringLiteral("p%1.py").arg(i)), "print('hi')\n"));
            QVERIFY(w.openProgram(paths.front()));
            w.waitForEngine();
        }
        QVERIFY(w.openProgram(paths[3]));  // again: moves to the top, no duplicate
        w.waitForEngine();
        paths.move(3, 0);
        QCOMPARE(w.recentPrograms(), paths.mid(0, MainWindow::kMaxRecentPrograms));
        QStringList shown;
        QAction* clear = nullptr;
        for (QAction* a : w.recentProgramsMenu()->actions()) {
            if (!a->data().toString().isEmpty()) shown << a->data().toString();
            else if (a->text() == "Clear the list") clear = a;
        }
        QCOMPARE(shown, paths.mid(0, MainWindow::kMaxRecentPrograms));
        QVERIFY(w.recentProgramsMenu()->actions().front()->text().startsWith("&1 p6.py"));
        // An entry opens its program.
        w.recentProgramsMenu()->actions().at(2)->trigger();
        w.waitForEngine();
        QCOMPARE(QString::fromStdString(w.view().scenario->id), paths[2]);
        QVERIFY(clear && clear->isEnabled());
        clear->trigger();
        QVERIFY(w.recentPrograms().isEmpty());
        QStringList left;
        for (QAction* a : w.recentProgramsMenu()->actions()) if (!a->isSeparator()) left << a->text();
        QCOMPARE(left, (QStringList{"(none yet)", "Clear the list"}));
    }

    // The program's "bytecode" switch is a check box in the parameters (as is every 0..1 parameter), with a
    // tooltip that says what it changes; it goes into the run's parameters.
    // Threads' names on a line of the program editor stand after its code: when they do not fit, they are
    // shortened in the middle (the end that tells ThreadPoolExecutor-0_0 from -0_1 stays), not drawn over it.
    void editorNamesKeepOffTheCode() {
        ProgramEditor editor;
        editor.resize(320, 200);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setPlainText("def square(n):\n    return n * n\n");
        editor.setMarkers({{2, ActorState::Ready, "ThreadPoolExecutor-0_0"}, {2, ActorState::Ready, "ThreadPoolExecutor-0_1"},
                           {1, ActorState::Running, "T1"}});
        const auto boxes = editor.nameBoxes(2);
        QCOMPARE(boxes.size(), std::size_t(2));
        const QTextBlock block = editor.document()->findBlockByNumber(1);
        const int codeEnd = editor.fontMetrics().horizontalAdvance(block.text()) +
                            static_cast<int>(editor.document()->documentMargin());
        for (const auto& b : boxes) {
            QVERIFY2(b.box.left() >= codeEnd, qPrintable(QString("%1 at %2, code ends at %3").arg(b.text).arg(b.box.left()).arg(codeEnd)));
            QVERIFY2(b.text.contains(QChar(0x2026)), qPrintable(b.text));
        }
        QVERIFY(boxes[0].text.endsWith("0_1"));
        QVERIFY(boxes[1].text.endsWith("0_0"));
        // A short name on a line with room is whole.
        const auto one = editor.nameBoxes(1);
        QCOMPARE(one.size(), std::size_t(1));
        QCOMPARE(one[0].text, QString("T1"));
    }

    // A program's GIL tab: it runs the program with the GIL on and off, on 1 and 2 cores, once the tab is
    // opened (not before: four more runs of a learner's program), and draws one bar per setting.
    void programComparisonChart() {
        QTemporaryDir dir;
        const QString path = writeFile(dir.filePath("cpu.py"),
                                       "import threading\n\ndef crunch(n):\n    total = 0\n    for i in range(n):\n"
                                       "        total += i\n\nts = [threading.Thread(target=crunch, args=(5000,)) "
                                       "for _ in range(2)]\nfor t in ts:\n    t.start()\nfor t in ts:\n    t.join()\n");
        MainWindow w;
        w.setMessageHook([](const QString&, const QString&) {});
        QVERIFY(w.openProgram(path));
        w.waitForEngine();
        ChartsPanel* panel = w.charts();
        auto* tabs = panel->findChild<QTabWidget*>();
        QVERIFY(tabs && tabs->isTabVisible(ChartsPanel::GilComparisonChart));
        QVERIFY(!panel->isComparing());
        QVERIFY2(panel->emptyMessage(ChartsPanel::GilComparisonChart).startsWith("Your program will run"),
                 qPrintable(panel->emptyMessage(ChartsPanel::GilComparisonChart)));
        w.show();
        panel->parentWidget()->show();
        tabs->setCurrentIndex(ChartsPanel::GilComparisonChart);
        QTRY_VERIFY_WITH_TIMEOUT(panel->comparison().size() == 4 && !panel->isComparing(), 60000);
        QChart* chart = panel->chart(ChartsPanel::GilComparisonChart);
        QVERIFY(chart);
        QAbstractBarSeries* series = nullptr;
        for (QAbstractSeries* x : chart->series())
            if (auto* b = qobject_cast<QAbstractBarSeries*>(x)) series = b;
        QVERIFY(series);
        QCOMPARE(series->barSets().size(), 1);
        QCOMPARE(series->barSets()[0]->label(), QString("your program"));
        QBarSet* bars = series->barSets()[0];
        QCOMPARE(bars->count(), 4);  // GIL on 1 core, on 2 cores, off 1 core, off 2 cores
        QCOMPARE(bars->at(1), bars->at(0));
        QVERIFY(bars->at(3) < 0.6 * bars->at(0));  // both threads computing at once
        // The run itself lasts well under a millisecond: the states chart's seconds still read apart.
        w.runToEnd();
        w.waitForEngine();
        QChart* states = panel->chart(ChartsPanel::ActorStatesChart);
        QVERIFY(states);
        QValueAxis* seconds = nullptr;
        for (QAbstractAxis* axis : states->axes())
            if (auto* v = qobject_cast<QValueAxis*>(axis)) seconds = v;
        QVERIFY(seconds);
        QVERIFY2(seconds->max() < 1e-3, qPrintable(QString::number(seconds->max())));
        QVERIFY2(seconds->labelFormat() == "%.5f" || seconds->labelFormat() == "%.6f", qPrintable(seconds->labelFormat()));
    }

    void bytecodeSwitchIsACheckBox() {
        QTemporaryDir dir;
        const QString path = writeFile(dir.filePath("counter.py"), kCounterProgram);
        MainWindow w;
        w.setMessageHook([](const QString&, const QString&) {});
        QVERIFY(w.openProgram(path));
        w.waitForEngine();
        QCheckBox* box = w.browser()->parameterCheckBox("bytecode");
        QVERIFY(box);
        QVERIFY(!w.browser()->parameterEditor("bytecode"));
        QVERIFY(!box->isChecked());
        QVERIFY2(box->toolTip().contains("counter += 1 is then a load, an add and a store"), qPrintable(box->toolTip()));
        box->setChecked(true);
        const RunSetup setup = w.browser()->currentSetup();
        QCOMPARE(setup.config.params.size(), std::size_t(3));
        QCOMPARE(setup.config.params[0], (std::pair<std::string, std::int64_t>{"bytecode", 1}));
        // CPU time is a check box too, on by default, and a program runs with the GIL, as CPython does.
        QCheckBox* cpu = w.browser()->parameterCheckBox("cpu");
        QVERIFY(cpu && cpu->isChecked());
        QVERIFY2(cpu->toolTip().contains("twice as long as one with the GIL on"), qPrintable(cpu->toolTip()));
        QCOMPARE(setup.config.params[1], (std::pair<std::string, std::int64_t>{"cpu", 1}));
        QVERIFY(setup.config.gil);
        // The program's start instant is a date, the moment it was opened.
        QCOMPARE(setup.config.params[2].first, std::string("start"));
        auto* when = w.browser()->findChild<QDateTimeEdit*>("start");
        QVERIFY(when);
        QCOMPARE(when->dateTime().toSecsSinceEpoch(), setup.config.params[2].second);
        QVERIFY(qAbs(setup.config.params[2].second - QDateTime::currentSecsSinceEpoch()) < 600);
        QVERIFY2(when->toolTip().contains("datetime.now()"), qPrintable(when->toolTip()));
        w.browser()->requestLoad();
        w.waitForEngine();
        QCOMPARE(w.view().config.params, setup.config.params);
        // A built-in 0..1 parameter becomes a check box too, read as 0 or 1.
        const scenarios::Scenario* withSwitch = nullptr;
        for (const scenarios::Scenario& s : scenarios::all())
            for (const scenarios::ParamSpec& p : s.params)
                if (p.min == 0 && p.max == 1 && !withSwitch) withSwitch = &s;
        QVERIFY(withSwitch);
        QVERIFY(w.browser()->selectScenario(QString::fromStdString(withSwitch->id)));
        const scenarios::ParamSpec* spec = nullptr;
        for (const scenarios::ParamSpec& p : withSwitch->params) if (p.min == 0 && p.max == 1 && !spec) spec = &p;
        QCheckBox* builtIn = w.browser()->parameterCheckBox(QString::fromStdString(spec->key));
        QVERIFY(builtIn);
        QCOMPARE(builtIn->isChecked(), spec->defaultValue != 0);
        builtIn->setChecked(spec->defaultValue == 0);
        const auto values = w.browser()->currentSetup().config.params;
        const auto it = std::find_if(values.begin(), values.end(), [&](const auto& kv) { return kv.first == spec->key; });
        QVERIFY(it != values.end());
        QCOMPARE(it->second, std::int64_t(spec->defaultValue == 0 ? 1 : 0));
    }

    // `lockstep prog.py` opens the window on the program; a file that cannot be loaded is an error, exit 2.
    void commandLineOpensAProgram() {
#ifdef LOCKSTEP_BINARY
        QTemporaryDir dir;
        const QString path = writeFile(dir.filePath("counter.py"), kCounterProgram);
        auto run = [&](const QStringList& args, QString* err) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert("QT_QPA_PLATFORM", "offscreen");
            env.insert("XDG_CONFIG_HOME", dir.filePath("config"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(LOCKSTEP_BINARY), args);
            if (!p.waitForFinished(60000)) return -1;
            if (err) *err = QString::fromUtf8(p.readAllStandardError());
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        QString err;
        const QString shot = dir.filePath("shot.png");
        QCOMPARE(run({path, "--steps", "2", "--screenshot", shot}, &err), 0);
        QVERIFY2(QImage(shot).width() > 0, qPrintable(err));
        QCOMPARE(run({dir.filePath("missing.py"), "--screenshot", shot}, &err), 2);
        QVERIFY2(err.contains("cannot open " + dir.filePath("missing.py")), qPrintable(err));
        const QString bad = writeFile(dir.filePath("bad.py"), "def (:\n    pass\n");
        QCOMPARE(run({bad, "--screenshot", shot}, &err), 2);
        QVERIFY2(err.contains("SyntaxError"), qPrintable(err));
#else
        QSKIP("built without the lockstep binary");
#endif
    }

    // The Story panel tells the cursor step (the lost update of race-counter-sleep at step 13) and the steps
    // before it, follows the cursor back, and a click on an earlier step moves the cursor there.
    // Before anything is loaded the centre is the start page: the first scenarios in the course's order (a
    // click loads one and the timeline takes the centre), a way to open a program, the keys; in Russian too.
    // Help > Guide (F1) says what each part of the window shows.
    void startPageIsTheWayIn() {
        MainWindow w;
        w.setLanguage("en");
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* stack = qobject_cast<QStackedWidget*>(w.centralWidget());
        QVERIFY(stack);
        auto* start = w.findChild<StartPage*>("startPage");
        QVERIFY(start);
        QCOMPARE(stack->currentWidget(), start);
        QVERIFY(start->isVisible());
        const QString text = start->toPlainText();
        QVERIFY2(text.contains("Welcome to Lockstep") && text.contains("Lost update: read, sleep, write") &&
                     text.contains("open your own Python program") && text.contains("F10") &&
                     text.contains("one step back over the recorded run"),
                 qPrintable(text));
        // The course's order: threads before races before locks before deadlocks.
        QVERIFY(text.indexOf("Start two threads") < text.indexOf("Lost update") &&
                text.indexOf("Lost update") < text.indexOf("Deadlock:"));
        w.setLanguage("ru");
        QVERIFY2(start->toPlainText().contains(QStringLiteral("Добро пожаловать в Lockstep")) &&
                     start->toPlainText().contains(QStringLiteral("Потерянное обновление")),
                 qPrintable(start->toPlainText()));
        w.setLanguage("en");
        auto* guide = w.findChild<QAction*>("guide");
        QVERIFY(guide);
        QCOMPARE(guide->shortcut(), QKeySequence(QKeySequence::HelpContents));
        QVERIFY(StartPage::guideHtml().contains("Be the scheduler"));
        for (const QString& id : StartPage::firstScenarios()) QVERIFY2(scenarios::find(id.toStdString()), qPrintable(id));

        emit start->anchorClicked(QUrl("lockstep:scenario/race-counter-sleep"));
        w.waitForEngine();
        QVERIFY(w.view().scenario);
        QCOMPARE(QString::fromStdString(w.view().scenario->id), QString("race-counter-sleep"));
        QVERIFY(stack->currentWidget() != start);
        QVERIFY(w.timeline()->isVisible());
    }

    void storyPanelTellsTheCursorStep() {
        MainWindow w;
        w.setLanguage("en");
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        StoryPanel* story = w.storyPanel();
        QVERIFY(story);
        QVERIFY(story->texts().join("\n").contains("Load a scenario and step"));
        w.load(setupFor("race-counter-sleep"), 13);
        w.waitForEngine();
        QCOMPARE(w.view().cursor, 13u);
        QCOMPARE(story->currentStep(), 13u);
        const QString told = story->texts().join("\n");
        QVERIFY2(told.contains("T2 wrote counter = 20 over T1's 10."), qPrintable(told));
        QVERIFY2(told.contains("T2 never read T1's 10 (written in step 11) before writing over it: T1's update is lost."),
                 qPrintable(told));
        QVERIFY2(told.contains("Step 7,"), qPrintable(told));  // the six steps before are told too
        QVERIFY2(!told.contains("Step 6,"), qPrintable(told));

        QTest::keyClick(&w, Qt::Key_F10, Qt::ShiftModifier);
        w.waitForEngine();
        QCOMPARE(w.view().cursor, 12u);
        QCOMPARE(story->currentStep(), 12u);
        QVERIFY(!story->texts().join("\n").contains("T2 wrote counter = 20"));

        QListWidget* list = story->list();
        QListWidgetItem* earlier = nullptr;
        for (int i = 0; i < list->count() && !earlier; ++i)
            if (list->item(i)->data(StoryPanel::StepRole).toUInt() == 9u) earlier = list->item(i);
        QVERIFY(earlier);
        list->scrollToItem(earlier);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(earlier).center());
        w.waitForEngine();
        QCOMPARE(w.view().cursor, 9u);
        QCOMPARE(story->currentStep(), 9u);
        // Enter on a step's line moves there too (the cursor step's header is the current item).
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Up);
        const std::uint32_t above = list->currentItem()->data(StoryPanel::StepRole).toUInt();
        QCOMPARE(above, 8u);
        QTest::keyClick(list, Qt::Key_Return);
        w.waitForEngine();
        QCOMPARE(w.view().cursor, 8u);

        w.setLanguage("ru");
        QVERIFY2(story->texts().join("\n").contains(QStringLiteral("Шаг 8,")), qPrintable(story->texts().join("\n")));
        w.setLanguage("en");
    }

    // View > Show all cause→effect arrows: a check box that the timeline follows, named in both languages.
    void allCausesToggle() {
        MainWindow w;
        w.setLanguage("en");
        auto* toggle = w.findChild<QAction*>("allCauses");
        QVERIFY(toggle);
        QVERIFY(toggle->isCheckable());
        QCOMPARE(toggle->text(), QString("Show all cause→effect arrows"));
        QVERIFY(!toggle->toolTip().isEmpty());
        auto* timeline = w.timeline();
        QVERIFY(timeline);
        const bool was = toggle->isChecked();
        toggle->trigger();
        QCOMPARE(timeline->allCauses(), !was);
        toggle->trigger();
        QCOMPARE(timeline->allCauses(), was);
        w.setLanguage("ru");
        QCOMPARE(toggle->text(), QStringLiteral("Показывать все стрелки причина→следствие"));
        w.setLanguage("en");
    }

    // View > Timeline legend: a check box that folds the timeline's legend away, named in both languages.
    void timelineLegendToggle() {
        MainWindow w;
        w.setLanguage("en");
        auto* toggle = w.findChild<QAction*>("timelineLegend");
        QVERIFY(toggle);
        QVERIFY(toggle->isCheckable());
        QCOMPARE(toggle->text(), QString("Timeline legend"));
        QVERIFY(!toggle->toolTip().isEmpty());
        auto* timeline = w.timeline();
        QVERIFY(timeline);
        QCOMPARE(timeline->legendShown(), toggle->isChecked());
        const bool was = toggle->isChecked();
        toggle->trigger();
        QCOMPARE(timeline->legendShown(), !was);
        toggle->trigger();
        QCOMPARE(timeline->legendShown(), was);
        w.setLanguage("ru");
        QCOMPARE(toggle->text(), QStringLiteral("Легенда временной шкалы"));
        w.setLanguage("en");
    }

    // ---------------------------------------------------------------- a window a learner can live in
    void codeViewKeepsTheLastThreadInSight_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QSize>("screen");
        QTest::addColumn<QString>("language");
        for (const char* id : {"race-counter-sleep", "deadlock-two-locks"})
            for (const QSize screen : {QSize(1366, 768), QSize(1600, 1000)})
                for (const char* language : {"en", "ru"})
                    QTest::addRow("%s %dx%d %s", id, screen.width(), screen.height(), language)
                        << QString(id) << screen << QString(language);
    }

    // At every step, the line of the thread that ran it is inside what can be seen of the code view, with
    // that thread's name chip on it; the window is no wider than the screen.
    void codeViewKeepsTheLastThreadInSight() {
        QFETCH(QString, scenario);
        QFETCH(QSize, screen);
        QFETCH(QString, language);
        MainWindow w;
        w.setLanguage(language);
        w.resize(screen);
        w.setWindowLayout(MainWindow::defaultLayout(screen));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY2(w.width() <= screen.width(), qPrintable(QString("window %1 px wide").arg(w.width())));
        w.load(setupFor(scenario.toUtf8().constData()), 0);
        w.waitForEngine();
        CodeView* code = w.codeView();
        int checked = 0;
        while (!w.view().ended) {
            w.stepForward();
            w.waitForEngine();
            const std::uint32_t step = w.view().cursor;
            const ActorId last = w.view().state->lastActor();
            QCOMPARE(code->lastActor(), last);
            const QString who = QString::fromStdString(w.view().trace->actor(last).name);
            const int line = code->currentLine(last);
            QCOMPARE(line, expectedLine(*w.view().trace, last, step));
            if (line <= 0 || code->actorState(last) == ActorState::Done) continue;  // a start or an end: no line
            const QRect lineRect = code->lineRect(line);
            QVERIFY2(lineRect.top() >= code->headerHeight() && whollyVisible(code->viewport(), lineRect),
                     qPrintable(QString("step %1: %2's line %3 at %4,%5 is out of sight (viewport %6x%7)")
                                    .arg(step).arg(who).arg(line).arg(lineRect.x()).arg(lineRect.y())
                                    .arg(code->viewport()->width()).arg(code->viewport()->height())));
            QVERIFY2(whollyVisible(code->viewport(), code->chipRect(last)),
                     qPrintable(QString("step %1: %2's chip is out of sight").arg(step).arg(who)));
            QCOMPARE(code->justRanLine(), line);
            ++checked;
        }
        QVERIFY(checked > 5);
        // At the end of the deadlock every button is greyed, and each says what its thread waits for.
        if (scenario == "deadlock-two-locks") {
            const Trace& t = *w.view().trace;
            QPushButton* t1 = w.schedulerBar()->button(t.findActor("T1"));
            QVERIFY(t1 && !t1->isEnabled());
            QVERIFY2(t1->toolTip().contains("lock_b") && t1->toolTip().contains("T2"), qPrintable(t1->toolTip()));
        }
    }

    void schedulerBarStepsTheChosenThread_data() { addScreens(); }

    // The bar under the timeline has a fully visible button per live thread; a blocked one is greyed and its
    // tooltip says why; pressing "Step T2" makes T2 take the next step, at the live step (the policy is
    // round-robin, not manual) and, by its key, at a past step, where the run branches.
    void schedulerBarStepsTheChosenThread() {
        QFETCH(QSize, screen);
        QFETCH(QString, language);
        const bool en = language == "en";
        MainWindow w;
        w.setLanguage(language);
        w.resize(screen);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.load(setupFor("race-counter-sleep"), 0);
        w.waitForEngine();
        const Trace& t = *w.view().trace;
        SchedulerBar* bar = w.schedulerBar();
        // Step until T1 and T2 could both go next and MainThread waits in join() (the threads exist only
        // once MainThread has made them).
        auto canGo = [&](const char* name) {
            const auto& c = w.view().candidates;
            return std::find(c.begin(), c.end(), t.findActor(name)) != c.end();
        };
        while (!(canGo("T1") && canGo("T2") && !canGo("MainThread")) && !w.view().ended) {
            w.stepForward();
            w.waitForEngine();
        }
        QVERIFY(canGo("T1") && canGo("T2"));
        const ActorId main = t.findActor("MainThread"), t1 = t.findActor("T1"), t2 = t.findActor("T2");
        const std::uint32_t at = w.view().cursor;
        for (ActorId a : bar->actors()) {
            QPushButton* b = bar->button(a);
            QVERIFY(b);
            const QString who = QString::fromStdString(t.actor(a).name);
            QCOMPARE(b->text(), (en ? QStringLiteral("Step %1") : QStringLiteral("Шаг %1")).arg(who));
            QVERIFY2(whollyVisible(b, b->rect()), qPrintable(who + " button is clipped"));
            QVERIFY2(whollyVisible(bar, b->geometry()), qPrintable(who + " button is outside the bar"));
            QVERIFY(w.rect().contains(QRect(bar->mapTo(&w, QPoint(0, 0)), bar->size())));
        }
        QPushButton* stepT2 = bar->button(t2);
        QVERIFY(stepT2->isEnabled());
        QPushButton* stepMain = bar->button(main);
        QVERIFY(stepMain && !stepMain->isEnabled());
        QCOMPARE(stepMain->toolTip(), en ? QStringLiteral("MainThread waits in join() for T1 to finish.")
                                         : QStringLiteral("MainThread ждёт в join(), пока T1 не завершится."));

        QTest::mouseClick(stepT2, Qt::LeftButton);
        w.waitForEngine();
        QCOMPARE(w.view().cursor, at + 1);
        QCOMPARE(w.view().state->lastActor(), t2);

        // Back one step, and T1 instead, by its key: the run branches there.
        w.stepBack();
        w.waitForEngine();
        QCOMPARE(w.view().cursor, at);
        const auto& order = bar->actors();
        const auto place = std::find(order.begin(), order.end(), t1) - order.begin();
        QVERIFY(place < SchedulerBar::kMaxKeys && bar->button(t1)->isEnabled());
        QTest::keyClick(&w, static_cast<Qt::Key>(Qt::Key_1 + place));
        w.waitForEngine();
        QCOMPARE(w.view().cursor, at + 1);
        QCOMPARE(w.view().state->lastActor(), t1);

        // A thread asleep says until when.
        while (!w.view().ended && w.view().state->actor(t1).state.state != ActorState::Sleeping) {
            w.stepForward();
            w.waitForEngine();
        }
        QPushButton* stepT1 = bar->button(t1);
        QVERIFY(stepT1 && !stepT1->isEnabled());
        QVERIFY2(stepT1->toolTip().contains(en ? QStringLiteral("T1 sleeps until t = 0.100 s") : QStringLiteral("T1 спит до t = 0,100 с")),
                 qPrintable(stepT1->toolTip()));
    }

    void panelsFitTheScreen_data() { addScreens(); }

    // The layout a window takes on each screen (Learn on a laptop, Full on a large screen), in both languages:
    // the window is no larger than the screen, every panel in sight is at least its minimum size, the
    // timeline gets at least half the width, every "Step" button is whole, and the Output's text column keeps
    // a third of the panel however long the thread names are.
    void panelsFitTheScreen() {
        QFETCH(QSize, screen);
        QFETCH(QString, language);
        MainWindow w;
        w.setLanguage(language);
        w.resize(screen);
        const MainWindow::WindowLayout layout = MainWindow::defaultLayout(screen);
        QCOMPARE(layout, screen.width() < 1500 ? MainWindow::WindowLayout::Learn : MainWindow::WindowLayout::Full);
        w.setWindowLayout(layout);
        QCOMPARE(w.windowLayout(), layout);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // Long thread names ("ThreadPoolExecutor-0_0"), printed lines, a queue.
        w.load(setupFor("thread-pool-futures"), 0);
        w.waitForEngine();
        w.runToEnd();
        w.waitForEngine();
        QVERIFY(w.view().ended);
        QVERIFY2(w.width() <= screen.width() && w.height() <= screen.height(),
                 qPrintable(QString("window %1x%2").arg(w.width()).arg(w.height())));
        int inSight = 0;
        for (QDockWidget* d : w.findChildren<QDockWidget*>()) {
            if (!d->isVisible() || d->visibleRegion().isEmpty()) continue;  // a tab behind another
            ++inSight;
            const QSize least = d->widget()->minimumSizeHint().expandedTo(d->widget()->minimumSize());
            QVERIFY2(d->widget()->width() >= least.width() && d->widget()->height() >= least.height(),
                     qPrintable(QString("%1: %2x%3, less than its minimum %4x%5")
                                    .arg(d->objectName()).arg(d->widget()->width()).arg(d->widget()->height())
                                    .arg(least.width()).arg(least.height())));
        }
        QVERIFY(inSight >= (layout == MainWindow::WindowLayout::Learn ? 3 : 5));
        QVERIFY2(w.timeline()->width() >= screen.width() / 2 && w.timeline()->height() >= 180,
                 qPrintable(QString("timeline %1x%2").arg(w.timeline()->width()).arg(w.timeline()->height())));
        // The scheduler bar at a past step offers the threads that could have run: every button whole.
        w.moveCursor(3);
        w.waitForEngine();
        SchedulerBar* bar = w.schedulerBar();
        QVERIFY(!bar->actors().empty());
        for (ActorId a : bar->actors())
            QVERIFY2(whollyVisible(bar, bar->button(a)->geometry()),
                     qPrintable(QString::fromStdString(w.view().trace->actor(a).name) + "'s button is clipped"));
        QDockWidget* outputDock = w.dockOf(w.output());
        QVERIFY(outputDock);
        outputDock->raise();
        QTRY_VERIFY(w.output()->isVisible() && !w.output()->visibleRegion().isEmpty());
        QTableView* table = w.output()->table();
        QVERIFY(table->model()->rowCount() > 0);
        const int text = table->columnWidth(OutputModel::TextColumn);
        QVERIFY2(text * 3 >= table->viewport()->width() - 3,
                 qPrintable(QString("text column %1 of %2 px").arg(text).arg(table->viewport()->width())));
        // However narrow the panel is dragged, the time and the long thread names do not squeeze the text out.
        Output narrow;
        narrow.setView(w.view());
        narrow.resize(240, 200);
        narrow.show();
        QVERIFY(QTest::qWaitForWindowExposed(&narrow));
        const int narrowText = narrow.table()->columnWidth(OutputModel::TextColumn);
        QVERIFY2(narrowText * 3 >= narrow.table()->viewport()->width() - 3,
                 qPrintable(QString("text column %1 of %2 px").arg(narrowText).arg(narrow.table()->viewport()->width())));
        w.setLanguage("en");
    }

    // View > Layout switches between the two, and every panel stays reachable in both.
    void layoutSwitchesFromTheViewMenu() {
        MainWindow w;
        w.setLanguage("en");
        w.resize(1366, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* learn = w.findChild<QAction*>("learnLayout");
        auto* full = w.findChild<QAction*>("fullLayout");
        QVERIFY(learn && full);
        QCOMPARE(learn->text(), QStringLiteral("Learn"));
        full->trigger();
        QCOMPARE(w.windowLayout(), MainWindow::WindowLayout::Full);
        QVERIFY(full->isChecked() && !learn->isChecked());
        // Full: the inspector and the charts side by side with the code, each in sight.
        for (QWidget* panel : {static_cast<QWidget*>(w.inspector()), static_cast<QWidget*>(w.charts()),
                               static_cast<QWidget*>(w.codeView()), static_cast<QWidget*>(w.browser())})
            QTRY_VERIFY(panel->isVisible() && !panel->visibleRegion().isEmpty());
        learn->trigger();
        QCOMPARE(w.windowLayout(), MainWindow::WindowLayout::Learn);
        // Learn: the scenarios, inspector, charts and explore panels are tabs of one place.
        QList<QDockWidget*> tabs = w.tabifiedDockWidgets(w.dockOf(w.browser()));
        QVERIFY(tabs.contains(w.dockOf(w.inspector())) && tabs.contains(w.dockOf(w.charts())) &&
                tabs.contains(w.dockOf(w.explorePanel())));
        QVERIFY(w.tabifiedDockWidgets(w.dockOf(w.storyPanel())).contains(w.dockOf(w.output())));
        QTRY_VERIFY(w.codeView()->isVisible() && !w.codeView()->visibleRegion().isEmpty());
        w.setLanguage("ru");
        QCOMPARE(learn->text(), QStringLiteral("Обучение"));
        w.setLanguage("en");
    }

    // File > Export timeline: one dialog (file, width, scale, part of the run); a bad extension is said in the
    // dialog, which stays open; the picture has the scenario's title and the run's caption, in the window's
    // language, and only the chosen steps.
    void exportDialogForSlides() {
        QTemporaryDir dir;
        QSettings().setValue("export/folder", dir.path());
        MainWindow w;
        w.setLanguage("ru");
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.load(setupFor("race-counter-sleep"), 0);
        w.waitForEngine();
        w.runToEnd();
        w.waitForEngine();
        QAction* exportAction = nullptr;
        for (QAction* a : w.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E)) exportAction = a;
        QVERIFY(exportAction);
        bool sawError = false;
        QString errorText;
        QTimer::singleShot(0, &w, [&] {
            auto* dialog = w.findChild<ExportDialog*>("exportDialog");
            QVERIFY(dialog);
            QVERIFY(dialog->pathEdit()->text().startsWith(dir.path()));
            QCOMPARE(dialog->toBox()->maximum(), int(w.view().live));
            dialog->pathEdit()->setText(dir.filePath("slide.bmp"));
            dialog->accept();
            sawError = dialog->isVisible() && dialog->errorLabel()->isVisible();
            errorText = dialog->errorLabel()->text();
            dialog->pathEdit()->setText(dir.filePath("slide.svg"));
            dialog->widthBox()->setValue(1200);
            dialog->scaleBox()->setCurrentIndex(dialog->scaleBox()->findData(2.0));
            dialog->rangeBox()->setCurrentIndex(dialog->rangeBox()->findData(ExportDialog::StepRange));
            QVERIFY(dialog->fromBox()->isEnabled());
            dialog->fromBox()->setValue(5);
            dialog->toBox()->setValue(13);
            dialog->accept();
        });
        exportAction->trigger();
        QVERIFY(sawError);
        QVERIFY2(errorText.contains(".bmp"), qPrintable(errorText));
        const QByteArray svg = readFile(dir.filePath("slide.svg"));
        QVERIFY(!svg.isEmpty());
        QVERIFY(svg.contains(QStringLiteral("Потерянное обновление: чтение, пауза, запись").toUtf8()));
        QVERIFY(svg.contains(QStringLiteral("циклическая").toUtf8()));  // the caption: its policy
        // 1200 pixels wide drawn twice as large: a 600-unit scene.
        QVERIFY2(svg.contains("viewBox=\"0 0 600 "), svg.left(400).constData());
        // Steps 5 to 13 only: the axis has no label 16 (the run has 17 steps), and has one of 6.
        QVERIFY(!svg.contains(">16<") && svg.contains(">6<"));
        QCOMPARE(QSettings().value("export/width").toInt(), 1200);
        QCOMPARE(QSettings().value("export/scale").toDouble(), 2.0);
        w.setLanguage("en");
    }

    // `lockstep ID --screenshot` on a 1366x768 screen: a picture no larger than the screen.
    void screenshotFitsALaptopScreen() {
#ifdef LOCKSTEP_BINARY
        QTemporaryDir dir;
        const QString config = writeFile(
            dir.filePath("screen.json"),
            R"({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96,
                "logicalBaseDpi": 96, "dpr": 1}]})");
        for (const char* language : {"en", "ru"}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert("QT_QPA_PLATFORM", "offscreen:configfile=" + config);
            env.insert("XDG_CONFIG_HOME", dir.filePath("config"));
            p.setProcessEnvironment(env);
            const QString shot = dir.filePath(QStringLiteral("shot-%1.png").arg(language));
            p.start(QStringLiteral(LOCKSTEP_BINARY),
                    {"race-counter-sleep", "--steps", "8", "--lang", language, "--screenshot", shot});
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitCode(), 0);
            const QImage image(shot);
            QVERIFY2(image.width() > 1000 && image.width() <= 1366 && image.height() > 600 && image.height() <= 768,
                     qPrintable(QString("%1x%2").arg(image.width()).arg(image.height())));
        }
#else
        QSKIP("built without the lockstep binary");
#endif
    }

    // Eight threads at 1366 px in Russian: the buttons drop "Step" (then the title) rather than be clipped.
    void schedulerBarFitsManyThreads() {
        MainWindow w;
        w.setLanguage("ru");
        w.resize(1366, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.load(setupFor("semaphore-groups"), 12);
        w.waitForEngine();
        SchedulerBar* bar = w.schedulerBar();
        QCOMPARE(bar->actors().size(), std::size_t{8});
        for (ActorId a : bar->actors()) {
            QPushButton* b = bar->button(a);
            const QString who = QString::fromStdString(w.view().trace->actor(a).name);
            QVERIFY2(b->text() == who || b->text() == QStringLiteral("Шаг ") + who, qPrintable(b->text()));
            QVERIFY2(b->width() >= b->sizeHint().width() && whollyVisible(bar, b->geometry()),
                     qPrintable(who + " button is clipped"));
        }
        w.setLanguage("en");
    }

    // At the end of race-counter-sleep the Story panel and the status bar give the verdict: the lost update
    // against 30 one after the other; its link moves the cursor to the step of the store that overwrote it.
    void storyPanelShowsTheVerdict() {
        MainWindow w;
        w.setLanguage("en");
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        StoryPanel* story = w.storyPanel();
        w.load(setupFor("race-counter-sleep"), 0);
        w.waitForEngine();
        QVERIFY(story->verdictTexts().isEmpty());  // nothing to judge before the end
        w.runToEnd();
        w.waitForEngine();
        QVERIFY(w.view().ended);
        // The one-after-the-other run is made on a thread of its own; its result arrives as an event.
        QTRY_VERIFY_WITH_TIMEOUT(!story->verdictTexts().isEmpty(), 60000);
        const QString lost = "counter = 20; run one after the other it would be 30: an update was lost (T1's store at "
                             "step 11 was overwritten by T2's at step 13).";
        QCOMPARE(story->verdictTexts().first(), lost);
        QVERIFY(story->verdictLabel()->isVisible());
        QVERIFY2(w.statusLine()->toolTip().contains(lost), qPrintable(w.statusLine()->toolTip()));
        emit story->verdictLabel()->linkActivated(QStringLiteral("13"));
        w.waitForEngine();
        QCOMPARE(w.view().cursor, 13u);

        w.setLanguage("ru");
        QVERIFY2(story->verdictTexts().first().startsWith(QStringLiteral("counter = 20; если выполнить потоки один за "
                                                                         "другим, было бы 30")),
                 qPrintable(story->verdictTexts().first()));
        QVERIFY(story->verdictLabel()->text().contains(QStringLiteral("перейти к шагу 13")));
        w.setLanguage("en");

        // A restart runs again: no verdict until it ends, then the same one.
        w.restart();
        w.waitForEngine();
        QVERIFY(story->verdictTexts().isEmpty());
        w.runToEnd();
        w.waitForEngine();
        QTRY_VERIFY_WITH_TIMEOUT(!story->verdictTexts().isEmpty(), 60000);
        QCOMPARE(story->verdictTexts().first(), lost);
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

    // While a run to the end appends to the trace on the engine's thread, the learner looks back, steps back
    // and exports the timeline: every view reads the window's derivation, advanced from the controller's
    // snapshots, never the rows the engine is writing (the TSan stage of CI runs this), and the trace export,
    // which reads the rows, waits until the run pauses.
    void lookBackAndExportWhileARunGoes() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.load(setupFor("async-gather-many"), 30);  // 30,005 steps
        w.waitForEngine();
        QAction* exportTrace = nullptr;
        for (QAction* a : w.findChildren<QAction*>())
            if (a->text().startsWith("Export trace")) exportTrace = a;
        QVERIFY(exportTrace);
        QVERIFY(exportTrace->isEnabled());
        w.runToEnd();
        QVERIFY(!exportTrace->isEnabled());
        QTemporaryDir dir;
        int looks = 0;
        for (; looks < 40 && !w.view().ended; ++looks) {
            QTest::qWait(10);  // reports arrive; the model grows
            QTest::keyClick(&w, Qt::Key_F10, Qt::ShiftModifier);
            QVERIFY(w.view().cursor <= w.view().live);
            if (looks % 10 == 0 && w.view().model) {
                timeline::ExportOptions options;
                options.path = dir.filePath(QString("t%1.svg").arg(looks));
                options.width = 900;
                QString error;
                QVERIFY2(timeline::exportTimeline(std::shared_ptr<const TraceModel>(w.view().model), options, &error),
                         qPrintable(error));
                QVERIFY(readFile(options.path).contains("MainThread"));
            }
        }
        QVERIFY2(looks > 0, "the run ended before the test could look back");
        QTRY_VERIFY_WITH_TIMEOUT(w.view().ended, 120000);
        w.waitForEngine();
        QCOMPARE(w.view().trace->outcome().status, RunStatus::Finished);
        QVERIFY(exportTrace->isEnabled());
        QCOMPARE(w.view().live, w.view().trace->stepCount());
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
