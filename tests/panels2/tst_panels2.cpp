// The scenario browser (catalogue model, search, run settings, load requests, saved state) and the charts
// panel (queue length, semaphore occupancy, per-actor state times, core utilisation, cursor, export).

#include "common/TestMain.h"
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeView>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QLineSeries>
#include <QtTest>

#include <chrono>
#include <memory>
#include <set>

#include "cli/Cli.h"
#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/Thread.h"
#include "lockstep/scenarios/Registry.h"
#include "panels/ChartsPanel.h"
#include "panels/ScenarioBrowser.h"
#include "panels/ScenarioCatalogModel.h"
#include "style/Glyphs.h"

using namespace lockstep;
using namespace lockstep::app;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(lockstep::PolicyKind)

namespace {

// Runs a body to the end and returns what a panel receives.
TraceView runBody(Execution::Body body, RunConfig config, const scenarios::Scenario* scenario = nullptr) {
    static WorkerPool pool;
    auto trace = std::make_shared<Trace>();
    {
        Execution ex(pool, *trace, config, std::move(body));
        ex.runToEnd();
    }
    TraceView view;
    view.trace = trace;
    view.scenario = scenario;
    view.config = config;
    view.live = trace->stepCount();
    view.cursor = view.live;
    view.ended = true;
    return view.derive();
}

TraceView runScenario(const char* id, std::vector<std::pair<std::string, std::int64_t>> params = {}) {
    const scenarios::Scenario* s = scenarios::find(id);
    if (!s) return {};
    RunConfig config;
    s->defaults.applyTo(config);
    config.params = s->resolve(params).values();
    const scenarios::Params p = s->resolve(config.params);
    return runBody([s, p] { s->main(p); }, config, s);
}

// Scenario ids under the visible family rows of the browser's filtered model.
QStringList visibleIds(const QAbstractItemModel* model) {
    QStringList ids;
    for (int f = 0; f < model->rowCount(); ++f) {
        const QModelIndex family = model->index(f, 0);
        for (int r = 0; r < model->rowCount(family); ++r)
            ids << model->index(r, 0, family).data(ScenarioCatalogModel::ScenarioIdRole).toString();
    }
    return ids;
}

QList<QLineSeries*> linesNamed(QChart* chart, const QString& objectName) {
    QList<QLineSeries*> out;
    if (!chart) return out;
    for (QAbstractSeries* s : chart->series())
        if (auto* line = qobject_cast<QLineSeries*>(s); line && line->objectName() == objectName) out << line;
    return out;
}

double maxY(const QLineSeries* line) {
    double m = -1;
    for (const QPointF& p : line->points()) m = std::max(m, p.y());
    return m;
}

}  // namespace

class TestPanels2 : public QObject {
    Q_OBJECT

private slots:
    // ---------------------------------------------------------------- scenario browser

    void catalogueIsAValidModel() {
        ScenarioBrowser browser;
        QAbstractItemModelTester source(browser.catalog(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filtered(browser.filteredModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Filtering and retranslating change rows and data under the testers' eyes.
        browser.searchField()->setText(QStringLiteral("lock"));
        browser.searchField()->setText(QStringLiteral("xyzzy"));
        browser.searchField()->clear();
        browser.catalog()->retranslate();
    }

    void treeListsEveryScenarioByFamily() {
        ScenarioBrowser browser;
        const QAbstractItemModel* model = browser.filteredModel();
        // Families in catalogue order, leaving out any that has no scenario.
        std::vector<std::string> shown;
        for (const std::string& f : scenarios::families())
            if (std::any_of(scenarios::all().begin(), scenarios::all().end(),
                            [&](const scenarios::Scenario& s) { return f == s.family; }))
                shown.push_back(f);
        QCOMPARE(model->rowCount(), int(shown.size()));
        int total = 0;
        for (int f = 0; f < model->rowCount(); ++f) {
            const QModelIndex family = model->index(f, 0);
            const std::string familyId = shown[std::size_t(f)];
            QCOMPARE(family.data(ScenarioCatalogModel::FamilyIdRole).toString().toStdString(), familyId);
            QCOMPARE(family.data().toString(), QString::fromUtf8(scenarios::familyTitle(familyId)));
            QVERIFY(!(family.flags() & Qt::ItemIsSelectable));
            QStringList expected;
            for (const auto& s : scenarios::all())
                if (familyId == s.family) expected << QString::fromStdString(s.id);
            QStringList actual;
            for (int r = 0; r < model->rowCount(family); ++r) {
                const QModelIndex row = model->index(r, 0, family);
                actual << row.data(ScenarioCatalogModel::ScenarioIdRole).toString();
                // The title, then how many of the campaign's challenges on it were won ("  ☆ 0/2").
                const QString title = QString::fromUtf8(scenarios::find(actual.back().toStdString())->title);
                const int challenges = row.data(ScenarioCatalogModel::ChallengeCountRole).toInt();
                QCOMPARE(row.data().toString(),
                         challenges == 0 ? title
                                         : QStringLiteral("%1  %2 %3/%4")
                                               .arg(title, style::Glyphs::challengeMark(
                                                               row.data(ScenarioCatalogModel::ChallengesWonRole).toInt() == challenges))
                                               .arg(row.data(ScenarioCatalogModel::ChallengesWonRole).toInt())
                                               .arg(challenges));
            }
            QCOMPARE(actual, expected);
            total += actual.size();
        }
        QCOMPARE(total, int(scenarios::all().size()));
    }

    void searchFilters_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("mustContain");
        QTest::addColumn<int>("count");
        QTest::newRow("empty shows all") << QString() << QStringList{} << int(scenarios::all().size());
        // The three deadlock scenarios by id and title, and lock-vs-rlock, whose description points the
        // learner to "the self-deadlock scenario".
        const QStringList deadlocks{"deadlock-two-locks", "deadlock-ordered", "deadlock-self", "lock-vs-rlock"};
        QTest::newRow("deadlock") << "deadlock" << deadlocks << 4;
        QTest::newRow("case-insensitive") << "DeadLock" << deadlocks << 4;
        QTest::newRow("surrounding spaces") << "  deadlock " << deadlocks << 4;
        QTest::newRow("title words") << "Deadlock with yourself" << QStringList{"deadlock-self"} << 1;
        QTest::newRow("by id") << "queue-producer-consumers" << QStringList{"queue-producer-consumers"} << 1;
        QTest::newRow("by description") << "sentinels" << QStringList{"queue-producer-consumers"} << 1;
        QTest::newRow("nothing") << "xyzzy" << QStringList{} << 0;
    }
    void searchFilters() {
        QFETCH(QString, query);
        QFETCH(QStringList, mustContain);
        QFETCH(int, count);
        ScenarioBrowser browser;
        browser.searchField()->setText(query);
        const QStringList ids = visibleIds(browser.filteredModel());
        // The oracle: every scenario whose id, title or description contains the query (the rows' counts were
        // written for the first catalogue; the oracle keeps them true as scenarios are added).
        int expected = 0;
        for (const auto& sc : scenarios::all()) {
            const QString text = QString::fromStdString(sc.id) + '\n' + QString::fromUtf8(sc.title) + '\n' +
                                 QString::fromUtf8(sc.description);
            if (text.contains(query.trimmed(), Qt::CaseInsensitive)) ++expected;
        }
        QCOMPARE(ids.size(), expected);
        QVERIFY(ids.size() >= std::min(count, 1));
        for (const QString& id : mustContain) QVERIFY2(ids.contains(id), qPrintable(id));
        // Families without a match disappear instead of showing as empty headings.
        for (int f = 0; f < browser.filteredModel()->rowCount(); ++f)
            QVERIFY(browser.filteredModel()->rowCount(browser.filteredModel()->index(f, 0)) > 0);
    }

    // Every text a learner reads about a scenario has a Russian translation: title, description, parameter
    // labels and family headings (a missing one would show English in the Russian window).
    void everyScenarioTextIsTranslated() {
        app::installTranslations(QStringLiteral("ru"));
        auto backToEnglish = qScopeGuard([] { app::installTranslations(QStringLiteral("en")); });
        QStringList missing;
        auto check = [&](const std::string& where, const char* text) {
            if (QCoreApplication::translate("Scenario", text) == QString::fromUtf8(text))
                missing << QString::fromStdString(where) + ": " + QString::fromUtf8(text).left(60);
        };
        for (const std::string& f : scenarios::families()) check("family " + f, scenarios::familyTitle(f));
        for (const auto& sc : scenarios::all()) {
            check(sc.id + " title", sc.title);
            check(sc.id + " description", sc.description);
            for (const auto& p : sc.params) check(sc.id + " parameter " + p.key, p.label);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join('\n')));
    }

    void searchInRussian() {
        ScenarioBrowser browser;
        browser.selectScenario(QStringLiteral("deadlock-two-locks"));
        app::installTranslations(QStringLiteral("ru"));  // every *_ru.qm compiled into the binary
        auto backToEnglish = qScopeGuard([] { app::installTranslations(QStringLiteral("en")); });
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        QCoreApplication::processEvents();
        const scenarios::Scenario* s = scenarios::find("deadlock-two-locks");
        const QString russianTitle = QCoreApplication::translate("Scenario", s->title);
        QVERIFY(russianTitle != QString::fromUtf8(s->title));
        // The tree shows the new language, and the search reads it.
        const QModelIndex row = browser.catalog()->indexOfScenario(QStringLiteral("deadlock-two-locks"));
        QVERIFY(row.data().toString().startsWith(russianTitle));
        browser.searchField()->setText(QStringLiteral("взаимоблокировка"));
        const QStringList ids = visibleIds(browser.filteredModel());
        QVERIFY2(ids.contains(QStringLiteral("deadlock-two-locks")), qPrintable(ids.join(',')));
        // The oracle: every scenario whose id, Russian title or Russian description contains the word.
        int expected = 0;
        for (const auto& sc : scenarios::all()) {
            const QString text = QString::fromStdString(sc.id) + '\n' + QCoreApplication::translate("Scenario", sc.title) +
                                 '\n' + QCoreApplication::translate("Scenario", sc.description);
            if (text.contains(QStringLiteral("взаимоблокировка"), Qt::CaseInsensitive)) ++expected;
        }
        QCOMPARE(ids.size(), expected);
        // An upper-case Cyrillic query matches too, and English titles no longer do (ids still do).
        browser.searchField()->setText(QStringLiteral("ВЗАИМОБЛОКИРОВКА"));
        QCOMPARE(visibleIds(browser.filteredModel()).size(), expected);
        browser.searchField()->setText(QStringLiteral("opposite orders"));
        QCOMPARE(visibleIds(browser.filteredModel()).size(), 0);
        // Parameter labels follow the language too.
        browser.selectScenario(QStringLiteral("semaphore-groups"));
        const QSpinBox* slotsEditor = browser.parameterEditor(QStringLiteral("slots"));
        QVERIFY(slotsEditor);
        QString label;
        for (const QLabel* l : browser.findChildren<QLabel*>())
            if (l->buddy() == slotsEditor) label = l->text();
        QCOMPARE(label, QCoreApplication::translate("Scenario", "Semaphore slots") + ':');
        QVERIFY(label != QStringLiteral("Semaphore slots:"));
        backToEnglish.dismiss();
        app::installTranslations(QStringLiteral("en"));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        QCoreApplication::processEvents();
        QVERIFY(row.data().toString().startsWith(QString::fromUtf8(s->title)));
        QCOMPARE(visibleIds(browser.filteredModel()).size(), 1);
    }

    void runSetupRoundTrip_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<lockstep::PolicyKind>("policy");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("cores");
        QTest::addColumn<bool>("gil");
        QTest::addColumn<qint64>("quantum");
        QTest::addColumn<QString>("paramKey");
        QTest::addColumn<qint64>("paramValue");
        QTest::newRow("queue, random, big seed") << "queue-producer-consumers" << PolicyKind::Random
                                                 << quint64(18'000'000'000'000'000'000ull) << 4 << true
                                                 << qint64(250'000) << "maxsize" << qint64(2);
        QTest::newRow("semaphores, manual") << "semaphore-groups" << PolicyKind::Manual << quint64(0) << 8 << false
                                            << qint64(10'000'000) << "threads" << qint64(12);
        QTest::newRow("no parameters, cooperative") << "lock-vs-rlock" << PolicyKind::Cooperative << quint64(42)
                                                    << 1 << true << qint64(1'000'000) << QString() << qint64(0);
    }
    void runSetupRoundTrip() {
        QFETCH(QString, id);
        QFETCH(lockstep::PolicyKind, policy);
        QFETCH(quint64, seed);
        QFETCH(int, cores);
        QFETCH(bool, gil);
        QFETCH(qint64, quantum);
        QFETCH(QString, paramKey);
        QFETCH(qint64, paramValue);
        const scenarios::Scenario* s = scenarios::find(id.toStdString());
        QVERIFY(s);
        RunSetup in;
        in.scenario = s;
        in.config.policy = policy;
        in.config.seed = seed;
        in.config.cores = cores;
        in.config.gil = gil;
        in.config.quantum = quantum;
        in.config.maxSteps = 1234;           // not edited by the browser: must pass through
        in.config.switchInterval = 7'000'000;
        in.config.schedule = {"T1", "T2"};
        if (!paramKey.isEmpty()) in.config.params = {{paramKey.toStdString(), paramValue}};

        ScenarioBrowser browser;
        browser.selectScenario(QStringLiteral("race-counter-sleep"));  // something else first
        browser.setRunSetup(in);
        const RunSetup out = browser.currentSetup();
        QCOMPARE(out.scenario, s);
        QCOMPARE(browser.currentScenarioId(), id);
        QCOMPARE(int(out.config.policy), int(policy));
        QCOMPARE(out.config.seed, seed);
        QCOMPARE(out.config.cores, cores);
        QCOMPARE(out.config.gil, gil);
        QCOMPARE(out.config.quantum, quantum);
        QCOMPARE(out.config.maxSteps, 1234u);
        QCOMPARE(out.config.switchInterval, Nanos(7'000'000));
        QCOMPARE(out.config.schedule, in.config.schedule);
        QCOMPARE(out.config.params, s->resolve(in.config.params).values());
        if (!paramKey.isEmpty()) QCOMPARE(qint64(browser.parameterEditor(paramKey)->value()), paramValue);
        // The tree follows.
        QCOMPARE(browser.tree()->currentIndex().data(ScenarioCatalogModel::ScenarioIdRole).toString(), id);
    }

    void selectingAnotherScenarioResetsToItsDefaults() {
        ScenarioBrowser browser;
        QVERIFY(!browser.selectScenario(QStringLiteral("no-such-scenario")));
        RunSetup in;
        in.scenario = scenarios::find("queue-producer-consumers");
        in.config.policy = PolicyKind::Random;
        in.config.seed = 77;
        in.config.params = {{"maxsize", 2}, {"items", 3}};
        browser.setRunSetup(in);
        QSignalSpy changed(&browser, &ScenarioBrowser::scenarioChanged);
        // The user picks another scenario in the tree.
        const QModelIndex other = browser.filteredModel()->index(1, 0, browser.filteredModel()->index(1, 0));
        QVERIFY(other.isValid());
        browser.tree()->setCurrentIndex(other);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.front().front().toString(), other.data(ScenarioCatalogModel::ScenarioIdRole).toString());
        QCOMPARE(browser.currentScenarioId(), changed.front().front().toString());
        QVERIFY(browser.selectScenario(QStringLiteral("queue-producer-consumers")));
        const scenarios::Scenario* s = scenarios::find("queue-producer-consumers");
        const RunSetup out = browser.currentSetup();
        QCOMPARE(out.config.params, s->resolve({}).values());
        QCOMPARE(int(out.config.policy), int(s->defaults.policy));
        QCOMPARE(out.config.seed, s->defaults.seed);
        QCOMPARE(out.config.cores, s->defaults.cores);
        // Selecting the current scenario again keeps what the user set.
        browser.parameterEditor(QStringLiteral("maxsize"))->setValue(5);
        QVERIFY(browser.selectScenario(QStringLiteral("queue-producer-consumers")));
        QCOMPARE(browser.parameterEditor(QStringLiteral("maxsize"))->value(), 5);
    }

    void searchingKeepsTheChosenScenarioAndItsSettings() {
        ScenarioBrowser browser;
        QVERIFY(browser.selectScenario(QStringLiteral("queue-producer-consumers")));
        browser.parameterEditor(QStringLiteral("maxsize"))->setValue(2);
        browser.seedBox()->setText(QStringLiteral("4242"));
        browser.searchField()->setText(QStringLiteral("deadlock"));  // hides the chosen scenario
        QCOMPARE(browser.currentScenarioId(), QStringLiteral("queue-producer-consumers"));
        QVERIFY(!browser.tree()->currentIndex().isValid());
        browser.searchField()->setText(QStringLiteral("queue"));     // shows it again
        QCOMPARE(browser.tree()->currentIndex().data(ScenarioCatalogModel::ScenarioIdRole).toString(),
                 QStringLiteral("queue-producer-consumers"));
        browser.searchField()->clear();
        const RunSetup out = browser.currentSetup();
        QCOMPARE(out.scenario, scenarios::find("queue-producer-consumers"));
        QCOMPARE(scenarios::Params(out.config.params).get("maxsize", -1), std::int64_t(2));
        QCOMPARE(out.config.seed, std::uint64_t(4242));
    }

    void loadRequestedCarriesTheChoices() {
        ScenarioBrowser browser;
        std::vector<RunSetup> loads;
        connect(&browser, &ScenarioBrowser::loadRequested, this, [&](const RunSetup& s) { loads.push_back(s); });
        auto* load = browser.findChild<QPushButton*>();
        QVERIFY(load);
        QVERIFY(!load->isEnabled());  // nothing chosen yet
        QVERIFY(browser.selectScenario(QStringLiteral("queue-producer-consumers")));
        QVERIFY(load->isEnabled());
        browser.parameterEditor(QStringLiteral("maxsize"))->setValue(2);
        browser.parameterEditor(QStringLiteral("consumers"))->setValue(3);
        browser.policyBox()->setCurrentIndex(browser.policyBox()->findData(int(PolicyKind::Random)));
        QTest::mouseClick(load, Qt::LeftButton);
        QCOMPARE(loads.size(), std::size_t(1));
        const RunSetup s = loads.front();  // a copy: the next load reallocates the vector
        QCOMPARE(s.scenario, scenarios::find("queue-producer-consumers"));
        QCOMPARE(int(s.config.policy), int(PolicyKind::Random));
        const scenarios::Params p(s.config.params);
        QCOMPARE(p.get("maxsize", -1), std::int64_t(2));
        QCOMPARE(p.get("consumers", -1), std::int64_t(3));
        QCOMPARE(p.get("items", -1), std::int64_t(10));  // untouched: the default
        QCOMPARE(s.config.params.size(), s.scenario->params.size());
        // Enter on the scenario in the tree loads it too.
        QTest::keyClick(browser.tree(), Qt::Key_Return);
        QCOMPARE(loads.size(), std::size_t(2));
        QCOMPARE(loads.back().config.params, s.config.params);
    }

    // The browser holds a setup to the checks the command line uses, with the same words: a setup handed to it
    // (a replay token, saved settings) with a value out of range is not loaded, and the reason shows. Its own
    // fields cannot leave the ranges: the quantum's are the command line's bounds.
    void loadRefusesWhatTheCommandLineRefuses() {
        ScenarioBrowser browser;
        std::vector<RunSetup> loads;
        connect(&browser, &ScenarioBrowser::loadRequested, this, [&](const RunSetup& s) { loads.push_back(s); });
        RunSetup in;
        in.scenario = scenarios::find("race-counter-sleep");
        in.config.maxSteps = 1'000'000'000;  // the issue's --max-steps, past the bound
        browser.setRunSetup(in);
        browser.requestLoad();
        QVERIFY(loads.empty());
        QVERIFY(!browser.problemLabel()->isHidden());
        QString cliOut, cliErr;
        QCOMPARE(lockstep::app::runInProcess({"lockstep", "run", "race-counter-sleep", "--max-steps", "1000000000"},
                                             cliOut, cliErr),
                 2);
        const QString reason = QStringLiteral("'1000000000' is not a number of steps from 1 to 10000000 (a longer "
                                              "run's trace would not fit in memory)");
        QCOMPARE(browser.problemLabel()->text(), "Cannot load: max steps: " + reason);
        QCOMPARE(cliErr, "lockstep: --max-steps: " + reason + "\n");

        in.config.maxSteps = 5000;
        browser.setRunSetup(in);
        browser.requestLoad();
        QCOMPARE(loads.size(), std::size_t(1));
        QVERIFY(browser.problemLabel()->isHidden());
        auto* quantum = browser.findChild<QDoubleSpinBox*>();
        QVERIFY(quantum);
        QCOMPARE(quantum->minimum(), 0.001);    // 1 us in ms
        QCOMPARE(quantum->maximum(), 10000.0);  // 10 s in ms
    }

    void ctrlFFocusesTheSearch() {
        ScenarioBrowser browser;
        browser.show();
        browser.activateWindow();
        if (!QTest::qWaitForWindowActive(&browser)) QSKIP("this platform cannot activate a window");
        browser.tree()->setFocus();
        QTest::keyClick(browser.tree(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(browser.searchField()->hasFocus());
    }

    void stateIsSavedAndRestored() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("state.ini")), QSettings::IniFormat);
        RunSetup in;
        in.scenario = scenarios::find("semaphore-groups");
        in.config.policy = PolicyKind::Cooperative;
        in.config.seed = 123456789012345ull;
        in.config.cores = 3;
        in.config.gil = true;
        in.config.quantum = 2'500'000;
        in.config.params = {{"slots", 4}};
        {
            ScenarioBrowser browser;
            browser.setRunSetup(in);
            browser.saveState(settings);
        }
        settings.sync();
        ScenarioBrowser restored;
        restored.restoreState(settings);
        const RunSetup out = restored.currentSetup();
        QCOMPARE(out.scenario, in.scenario);
        QCOMPARE(int(out.config.policy), int(in.config.policy));
        QCOMPARE(out.config.seed, in.config.seed);
        QCOMPARE(out.config.cores, 3);
        QCOMPARE(out.config.gil, true);
        QCOMPARE(out.config.quantum, Nanos(2'500'000));
        QCOMPARE(out.config.params, in.scenario->resolve(in.config.params).values());
    }

    // ---------------------------------------------------------------- charts

    void emptyStatesBeforeAnyRun() {
        ChartsPanel panel;
        // The ready queue has its tab only for runs with an asyncio event loop, the GIL comparison only for
        // gil-cpu-bound.
        QCOMPARE(panel.chartCount(), 6);
        QVERIFY(!panel.isChartAvailable(ChartsPanel::ReadyQueueChart));
        QVERIFY(!panel.isChartAvailable(ChartsPanel::GilComparisonChart));
        for (int i = 0; i < panel.chartCount(); ++i) {
            QVERIFY(!panel.chartTitle(i).isEmpty());
            QVERIFY(panel.isChartEmpty(i));
            QVERIFY(!panel.emptyMessage(i).isEmpty());
            QString error;
            QTemporaryDir dir;
            QVERIFY(!panel.exportChart(i, dir.filePath(QStringLiteral("x.png")), &error));
            QVERIFY(!error.isEmpty());
        }
    }

    void scenarioWithoutQueueSaysSo() {
        ChartsPanel panel;
        panel.setView(runScenario("lock-counter"));
        QVERIFY(panel.isChartEmpty(ChartsPanel::QueueLengthChart));
        QVERIFY(panel.emptyMessage(ChartsPanel::QueueLengthChart).contains(QStringLiteral("queue")));
        QVERIFY(panel.isChartEmpty(ChartsPanel::SemaphoreChart));
        QVERIFY(panel.emptyMessage(ChartsPanel::SemaphoreChart).contains(QStringLiteral("semaphore")));
    }

    // A run opens on a chart that applies to it: lock-counter has no queue and no semaphore, so its states;
    // a queue scenario its queue; a tab the learner picked stays picked for the rest of that run.
    void opensOnAChartThatApplies() {
        ChartsPanel panel;
        QCOMPARE(panel.currentChart(), int(ChartsPanel::QueueLengthChart));
        panel.setView(runScenario("lock-counter"));
        QCOMPARE(panel.currentChart(), int(ChartsPanel::ActorStatesChart));
        panel.setView(runScenario("queue-producer-consumers"));
        QCOMPARE(panel.currentChart(), int(ChartsPanel::QueueLengthChart));
        panel.setView(runScenario("semaphore-groups"));
        QCOMPARE(panel.currentChart(), int(ChartsPanel::SemaphoreChart));
    }

    void queueNeverAboveMaxsize() {
        ChartsPanel panel;
        panel.setView(runScenario("queue-producer-consumers", {{"maxsize", 2}}));
        QVERIFY(!panel.isChartEmpty(ChartsPanel::QueueLengthChart));
        const auto lines = linesNamed(panel.chart(ChartsPanel::QueueLengthChart), QStringLiteral("data"));
        QCOMPARE(lines.size(), 1);
        QCOMPARE(maxY(lines.front()), 2.0);  // full at times, never over
        // Step-shaped: time never goes back, and every change is a vertical jump (same x, new y).
        const QList<QPointF> points = lines.front()->points();
        for (qsizetype i = 1; i < points.size(); ++i) {
            QVERIFY(points[i].x() >= points[i - 1].x());
            QVERIFY(points[i].x() == points[i - 1].x() || points[i].y() == points[i - 1].y());
        }
        QCOMPARE(points.back().x(), panel.data().endSeconds);
        QCOMPARE(points.back().y(), 0.0);  // every item was taken
    }

    void unboundedQueuePeakMatchesThePutsAndGets() {
        ChartsPanel panel;
        TraceView view = runScenario("queue-producer-consumers");
        panel.setView(view.derive());
        const auto lines = linesNamed(panel.chart(ChartsPanel::QueueLengthChart), QStringLiteral("data"));
        QCOMPARE(lines.size(), 1);
        // The oracle, straight from the events: successful puts minus successful gets.
        int length = 0, peak = 0;
        for (std::size_t i = 0; i < view.trace->eventCount(); ++i) {
            const TraceEvent& e = view.trace->event(i);
            if (e.result != Result::Ok) continue;
            if (e.op == Op::Put) peak = std::max(peak, ++length);
            else if (e.op == Op::Get) --length;
        }
        QCOMPARE(maxY(lines.front()), double(peak));
        // Six items at t = 1.0 s (as the description says) plus main's two None sentinels put at that instant.
        QCOMPARE(peak, 8);
    }

    void semaphoreOccupancyStaysWithinSlots() {
        ChartsPanel panel;
        panel.setView(runScenario("semaphore-groups"));
        QVERIFY(!panel.isChartEmpty(ChartsPanel::SemaphoreChart));
        QChart* chart = panel.chart(ChartsPanel::SemaphoreChart);
        const auto lines = linesNamed(chart, QStringLiteral("data"));
        QCOMPARE(lines.size(), 1);
        QCOMPARE(maxY(lines.front()), 3.0);  // reaches the limit and never exceeds it
        for (const QPointF& p : lines.front()->points()) QVERIFY(p.y() >= 0);
        const auto capacity = linesNamed(chart, QStringLiteral("capacity"));
        QCOMPARE(capacity.size(), 1);
        QCOMPARE(capacity.front()->at(0).y(), 3.0);
    }

    void stateTotalsEqualTheEndTime_data() {
        QTest::addColumn<QString>("id");
        for (const auto& s : scenarios::all()) QTest::newRow(s.id.c_str()) << QString::fromStdString(s.id);
    }
    void stateTotalsEqualTheEndTime() {
        QFETCH(QString, id);
        TraceView view = runScenario(id.toLatin1().constData());
        QVERIFY(view.trace);
        ChartsPanel panel;
        panel.setView(view.derive());
        const double end = toSeconds(view.trace->outcome().endTime);
        if (end <= 0) {
            QVERIFY(panel.isChartEmpty(ChartsPanel::ActorStatesChart));
            return;
        }
        QVERIFY(!panel.isChartEmpty(ChartsPanel::ActorStatesChart));
        QChart* chart = panel.chart(ChartsPanel::ActorStatesChart);
        QCOMPARE(chart->series().size(), 1);
        auto* bars = qobject_cast<QHorizontalStackedBarSeries*>(chart->series().front());
        QVERIFY(bars);
        const int actors = int(view.trace->actorCount());
        for (QBarSet* set : bars->barSets()) QCOMPARE(set->count(), actors);
        for (int a = 0; a < actors; ++a) {
            double total = 0;
            for (QBarSet* set : bars->barSets()) total += set->at(a);
            QVERIFY2(std::abs(total - end) < 1e-9, qPrintable(QStringLiteral("lane %1: %2 s, run %3 s")
                                                                   .arg(a).arg(total).arg(end)));
        }
    }

    void coreUtilisationFromComputing_data() {
        QTest::addColumn<int>("cores");
        QTest::addColumn<QList<double>>("busy");
        // Two threads each compute 100 ms: on two cores both are busy the whole run; on one core the bursts
        // queue up and the run takes 200 ms; spare cores stay idle.
        QTest::newRow("1 core") << 1 << QList<double>{100.0};
        QTest::newRow("2 cores") << 2 << QList<double>{100.0, 100.0};
        QTest::newRow("4 cores") << 4 << QList<double>{100.0, 100.0, 0.0, 0.0};
    }
    void coreUtilisationFromComputing() {
        QFETCH(int, cores);
        QFETCH(QList<double>, busy);
        RunConfig config;
        config.cores = cores;
        ChartsPanel panel;
        panel.setView(runBody(
            [] {
                Thread a([] { work(100ms); }, ThreadOptions{.name = "a"});
                Thread b([] { work(100ms); }, ThreadOptions{.name = "b"});
                a.start();
                b.start();
                a.join();
                b.join();
            },
            config));
        QVERIFY(!panel.isChartEmpty(ChartsPanel::CoreUtilisationChart));
        QChart* chart = panel.chart(ChartsPanel::CoreUtilisationChart);
        auto* series = qobject_cast<QBarSeries*>(chart->series().value(0));
        QVERIFY(series);
        QCOMPARE(series->barSets().size(), 1);
        QBarSet* set = series->barSets().front();
        QCOMPARE(set->count(), busy.size());
        for (int c = 0; c < busy.size(); ++c) QVERIFY2(std::abs(set->at(c) - busy[c]) < 1e-6, qPrintable(QString::number(set->at(c))));
    }

    void cursorMovesWithoutRebuilding() {
        ChartsPanel panel;
        TraceView view = runScenario("semaphore-groups");
        panel.setView(view.derive());
        QChart* before = panel.chart(ChartsPanel::SemaphoreChart);
        const std::uint32_t mid = view.live / 2;
        view.cursor = mid;
        panel.setView(view.derive());
        QCOMPARE(panel.chart(ChartsPanel::SemaphoreChart), before);  // same trace, same steps: not rebuilt
        const double t = ChartData::secondsAtStep(*view.trace, mid);
        QVERIFY(t > 0 && t < panel.data().endSeconds);
        QCOMPARE(panel.cursorSeconds(), t);
        const auto cursor = linesNamed(before, QStringLiteral("cursor"));
        QCOMPARE(cursor.size(), 1);
        QCOMPARE(cursor.front()->count(), 2);
        QCOMPARE(cursor.front()->at(0).x(), t);
        QCOMPARE(cursor.front()->at(1).x(), t);
        // A trace that grew (here: a new run) rebuilds.
        panel.setView(runScenario("semaphore-groups"));
        QVERIFY(panel.chart(ChartsPanel::SemaphoreChart) != before);
    }

    void languageChangeRebuildsTheCharts() {
        ChartsPanel panel;
        panel.setView(runScenario("semaphore-groups"));
        QChart* before = panel.chart(ChartsPanel::SemaphoreChart);
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&panel, &change);
        QVERIFY(panel.chart(ChartsPanel::SemaphoreChart) != before);
        QVERIFY(!panel.isChartEmpty(ChartsPanel::SemaphoreChart));
        QCOMPARE(panel.chart(ChartsPanel::SemaphoreChart)->title(), panel.chartTitle(ChartsPanel::SemaphoreChart));
        QCOMPARE(linesNamed(panel.chart(ChartsPanel::SemaphoreChart), QStringLiteral("cursor")).size(), 1);
    }

    void exportWritesPngAndSvg() {
        QTemporaryDir dir;
        ChartsPanel panel;
        panel.setView(runScenario("queue-producer-consumers", {{"maxsize", 2}}));
        for (int index : {int(ChartsPanel::QueueLengthChart), int(ChartsPanel::ActorStatesChart)}) {
            const QString png = dir.filePath(QStringLiteral("chart%1.png").arg(index));
            QString error;
            QVERIFY2(panel.exportChart(index, png, &error), qPrintable(error));
            QImage image(png);
            QVERIFY(!image.isNull());
            QVERIFY(image.width() > 100 && image.height() > 100);
            // Not blank: a good share of pixels differ from the background, in more than two colours.
            std::set<QRgb> colours;
            int inked = 0;
            const QRgb background = image.pixel(0, 0);
            for (int y = 0; y < image.height(); y += 2)
                for (int x = 0; x < image.width(); x += 2) {
                    colours.insert(image.pixel(x, y));
                    if (image.pixel(x, y) != background) ++inked;
                }
            QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));
            QVERIFY2(inked > 500, qPrintable(QString::number(inked)));

            const QString svg = dir.filePath(QStringLiteral("chart%1.svg").arg(index));
            QVERIFY2(panel.exportChart(index, svg, &error), qPrintable(error));
            QFile file(svg);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            QVERIFY(text.contains(QStringLiteral("<svg")));
            // The title is drawn as text (not only in the <title> element).
            QVERIFY(text.count(panel.chartTitle(index).toHtmlEscaped()) >= 2);
        }
        QString error;
        QVERIFY(!panel.exportChart(0, dir.filePath(QStringLiteral("chart.bmp")), &error));
        QVERIFY(error.contains(QStringLiteral(".png")));
        QVERIFY(!panel.exportChart(9, dir.filePath(QStringLiteral("chart.png")), &error));
    }
};

#define main lockstepQTestMain
QTEST_MAIN(TestPanels2)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_panels2.moc"
