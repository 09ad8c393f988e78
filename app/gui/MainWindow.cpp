#include "gui/MainWindow.h"

#include "gui/ExportDialog.h"

#include <QGuiApplication>
#include <QScreen>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSaveFile>
#include <QSettings>
#include <QSlider>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <cmath>
#include <fstream>

#include "cli/Cli.h"
#include "lockstep/ChromeTraceWriter.h"
#include "lockstep/python/Program.h"
#include "lockstep/scenarios/Registry.h"
#include "lockstep/scenarios/RunValidation.h"
#include "learn/LearnPanel.h"
#include "learn/Progress.h"
#include "panels/ChartsPanel.h"
#include "panels/ExplorePanel.h"
#include "panels/CodeView.h"
#include "panels/SchedulerBar.h"
#include "panels/Inspector.h"
#include "panels/Output.h"
#include "panels/StartPage.h"
#include "timeline/TimelineStrings.h"
#include "panels/StoryPanel.h"
#include "panels/VerdictJob.h"
#include "lockstep/Verdict.h"
#include "panels/ScenarioBrowser.h"
#include "timeline/TimelineExporter.h"
#include "timeline/TimelineWidget.h"

namespace lockstep::app {

namespace {

// The speed slider's positions, in steps per second of the animated run.
constexpr int kSpeeds[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
constexpr int kPlayTickMs = 50;

QString trScenario(const char* text) { return QCoreApplication::translate("Scenario", text); }

const QString kRecentProgramsKey = QStringLiteral("recentPrograms");

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName("MainWindow");
    // Reports arrive on the controller thread; they are handed to the GUI thread as plain values, and a
    // report of a run the user has already left is dropped by its generation.
    controller_ = std::make_unique<Controller>([this](const ControllerReport& r) {
        QMetaObject::invokeMethod(this, [this, r] { onReport(r); }, Qt::QueuedConnection);
    });

    // The scheduler bar sits under the timeline, outside every dock: choosing who runs next is the heart of
    // the simulator, so no layout of the docks may hide it.
    // Until something is loaded the centre is the start page, a way in instead of empty panels.
    centreStack_ = new QStackedWidget(this);
    startPage_ = new StartPage(centreStack_);
    auto* centre = new QWidget(centreStack_);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    timeline_ = new timeline::TimelineWidget(centre);
    schedulerBar_ = new SchedulerBar(this);
    centreLayout->addWidget(timeline_, 1);
    centreLayout->addWidget(schedulerBar_);
    centreStack_->addWidget(startPage_);
    centreStack_->addWidget(centre);
    setCentralWidget(centreStack_);
    connect(startPage_, &StartPage::openProgramRequested, this, [this] { openProgramDialog(); });
    connect(schedulerBar_, &SchedulerBar::actorChosen, this, &MainWindow::onActorChosen);
    connect(timeline_, &timeline::TimelineWidget::stepRequested, this, &MainWindow::moveCursor);

    playTimer_ = new QTimer(this);
    playTimer_->setInterval(kPlayTickMs);
    connect(playTimer_, &QTimer::timeout, this, [this] {
        if (busy_) return;
        if (view_.ended && view_.cursor >= view_.live) {
            stopPlaying();
            return;
        }
        const int rate = kSpeeds[speed_->value()];
        const auto n = static_cast<std::uint32_t>(std::max(1, rate * kPlayTickMs / 1000));
        if (view_.cursor < view_.live) {
            moveCursor(std::min(view_.live, view_.cursor + n));
        } else {
            busy_ = true;
            controller_->step(n);
        }
    });

    buildDocks();
    connect(startPage_, &StartPage::scenarioChosen, this, [this](const QString& id) {
        if (browser_->selectScenario(id)) browser_->requestLoad();
    });
    buildActions();
    retranslateUi();
    restoreSettings();
    // Nothing loaded yet: the start page takes the whole centre; the code and story panels (empty until a run)
    // come back with the first run.
    for (QWidget* panel : {static_cast<QWidget*>(code_), static_cast<QWidget*>(story_), static_cast<QWidget*>(output_)})
        if (QDockWidget* d = dockOf(panel); d && !d->isHidden() && !d->isFloating()) {
            d->hide();
            hiddenUntilARun_.push_back(d);
        }
    updateStatus();
}

void MainWindow::showPanelsHiddenUntilARun() {
    for (QDockWidget* d : hiddenUntilARun_) d->show();
    if (!hiddenUntilARun_.empty()) dockOf(story_)->raise();
    hiddenUntilARun_.clear();
}

MainWindow::~MainWindow() {
    playTimer_->stop();
    controller_.reset();  // aborts the run and joins every thread before the widgets go
}

void MainWindow::buildDocks() {
    auto dock = [this](QWidget* w, const char* name, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(this);
        d->setObjectName(name);
        d->setWidget(w);
        addDockWidget(area, d);
        docks_.push_back(d);
        return d;
    };
    browser_ = new ScenarioBrowser(this);
    code_ = new CodeView(this);
    inspector_ = new Inspector(this);
    output_ = new Output(this);
    charts_ = new ChartsPanel(this);
    explore_ = new ExplorePanel(this);
    story_ = new StoryPanel(this);
    learn_ = new LearnPanel(this);
    dock(browser_, "scenarios", Qt::LeftDockWidgetArea);
    dock(code_, "code", Qt::BottomDockWidgetArea);
    dock(inspector_, "inspector", Qt::RightDockWidgetArea);
    dock(output_, "output", Qt::BottomDockWidgetArea);
    dock(charts_, "charts", Qt::RightDockWidgetArea);
    dock(explore_, "explore", Qt::RightDockWidgetArea);
    dock(story_, "story", Qt::BottomDockWidgetArea);
    dock(learn_, "learn", Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    // As large as the full layout was drawn for, but never larger than the screen (a laptop's 1366x768), and
    // on a screen too small for every panel at once, the learning layout.
    QSize size(1600, 1000);
    if (const QScreen* screen = QGuiApplication::primaryScreen()) {
        size = size.boundedTo(screen->availableSize());
        layout_ = defaultLayout(screen->availableSize());
    }
    resize(size);
    arrangeDocks(layout_);

    connect(browser_, &ScenarioBrowser::loadRequested, this, [this](const RunSetup& s) { load(s, 0); });
    connect(code_, &CodeView::actorChosen, this, &MainWindow::onActorChosen);
    connect(code_, &CodeView::programModifiedChanged, this, [this] { retranslateUi(); });
    connect(output_, &Output::stepRequested, this, &MainWindow::moveCursor);
    connect(story_, &StoryPanel::stepRequested, this, &MainWindow::moveCursor);
    verdictJob_ = new VerdictJob(this);
    connect(verdictJob_, &VerdictJob::finished, this, [this](std::shared_ptr<const Trace> trace) {
        sequential_ = std::move(trace);
        if (verdictModel_ && verdictModel_ == model_ && view_.ended) showVerdict();
    });
    connect(explore_, &ExplorePanel::replayRequested, this, &MainWindow::replay);
    connect(learn_, &LearnPanel::loadRequested, this, [this](const RunSetup& s) {
        load(s, 0);
        showLearnPanel();  // the challenge or question stays in sight while its run loads
    });
    connect(learn_, &LearnPanel::replayRequested, this, [this](const QString& token, bool play) {
        if (replay(token) && play) playTimer_->start();
    });
    connect(learn_, &LearnPanel::runToEndRequested, this, [this] {
        // The load the panel asked for just before is still on its way to the engine: run once it is there.
        QTimer::singleShot(0, this, [this] {
            waitForEngine();
            runToEnd();
        });
    });
    connect(learn_, &LearnPanel::exploreRequested, this, &MainWindow::explore);
    connect(learn_, &LearnPanel::challengeWon, this, [this](const QString&) {
        browser_->refreshProgress();
        statusBar()->showMessage(tr("Challenge won! Your progress is saved (Learn panel)."), 10000);
    });
}

MainWindow::WindowLayout MainWindow::defaultLayout(const QSize& screen) {
    // The full layout needs about 1500x900 before its panels start to crowd the timeline.
    return screen.width() < 1500 || screen.height() < 900 ? WindowLayout::Learn : WindowLayout::Full;
}

QDockWidget* MainWindow::dockOf(QWidget* panel) const {
    for (QDockWidget* d : docks_)
        if (d->widget() == panel) return d;
    return nullptr;
}

void MainWindow::setWindowLayout(WindowLayout layout) {
    arrangeDocks(layout);
    QSettings().setValue("layout", layout == WindowLayout::Learn ? "learn" : "full");
}

void MainWindow::arrangeDocks(WindowLayout layout) {
    layout_ = layout;
    if (learnLayoutAction_) {
        learnLayoutAction_->setChecked(layout == WindowLayout::Learn);
        fullLayoutAction_->setChecked(layout == WindowLayout::Full);
    }
    QDockWidget* browserDock = dockOf(browser_);
    QDockWidget* codeDock = dockOf(code_);
    QDockWidget* inspectorDock = dockOf(inspector_);
    QDockWidget* outputDock = dockOf(output_);
    QDockWidget* chartsDock = dockOf(charts_);
    QDockWidget* exploreDock = dockOf(explore_);
    QDockWidget* storyDock = dockOf(story_);
    QDockWidget* learnDock = dockOf(learn_);
    // Every dock is taken out and put back, so a layout the user rearranged by hand starts over cleanly.
    for (QDockWidget* d : docks_) {
        removeDockWidget(d);
        d->setFloating(false);
    }
    const int width = this->width(), height = this->height();
    if (layout == WindowLayout::Full) {
        // The side columns run the full height; the listings and the output share the space under the
        // timeline; the inspector (with its wait-for graph) and the charts share the right column.
        addDockWidget(Qt::LeftDockWidgetArea, browserDock);
        for (QDockWidget* d : {codeDock, outputDock, storyDock}) addDockWidget(Qt::BottomDockWidgetArea, d);
        for (QDockWidget* d : {inspectorDock, chartsDock, exploreDock}) addDockWidget(Qt::RightDockWidgetArea, d);
        splitDockWidget(codeDock, storyDock, Qt::Horizontal);
        splitDockWidget(inspectorDock, chartsDock, Qt::Vertical);
        // Challenges are picked where scenarios are.
        tabifyDockWidget(browserDock, learnDock);
        // Exploring is occasional: it shares the charts' place and comes to the front when asked for.
        tabifyDockWidget(chartsDock, exploreDock);
        // The story shares the output's place and is in front: it is what a learner reads first.
        tabifyDockWidget(storyDock, outputDock);
        for (QDockWidget* d : docks_) d->show();
        chartsDock->raise();
        storyDock->raise();
        browserDock->raise();
        resizeDocks({browserDock, inspectorDock}, {290, 420}, Qt::Horizontal);
        resizeDocks({codeDock, storyDock}, {560, 300}, Qt::Horizontal);
        resizeDocks({codeDock}, {height * 44 / 100}, Qt::Vertical);
        resizeDocks({inspectorDock, chartsDock}, {480, 460}, Qt::Vertical);
        return;
    }
    // Learn: one column of tabs on the left (what to run, and the panels a learner looks at now and then),
    // the timeline and the scheduler bar as wide as the window allows, the code and the story under them.
    addDockWidget(Qt::LeftDockWidgetArea, browserDock);
    tabifyDockWidget(browserDock, inspectorDock);
    tabifyDockWidget(browserDock, chartsDock);
    tabifyDockWidget(browserDock, exploreDock);
    tabifyDockWidget(browserDock, learnDock);
    addDockWidget(Qt::BottomDockWidgetArea, codeDock);
    splitDockWidget(codeDock, storyDock, Qt::Horizontal);
    tabifyDockWidget(storyDock, outputDock);
    for (QDockWidget* d : docks_) d->show();
    // Before anything is loaded the scenarios are what is needed; once a run is on, what it holds.
    (learn_->challenge() || learn_->prediction() ? learnDock : setup_.scenario ? inspectorDock : browserDock)->raise();
    storyDock->raise();
    resizeDocks({browserDock}, {std::clamp(width / 4, 280, 360)}, Qt::Horizontal);
    resizeDocks({codeDock, storyDock}, {width * 55 / 100, width * 45 / 100}, Qt::Horizontal);
    resizeDocks({codeDock}, {height * 42 / 100}, Qt::Vertical);
    // Five tabs share the left column on a laptop: whole titles with scroll arrows read better than "Le...".
    for (QTabBar* bar : findChildren<QTabBar*>(QString(), Qt::FindDirectChildrenOnly)) {
        bar->setElideMode(Qt::ElideNone);
        bar->setUsesScrollButtons(true);
    }
}

void MainWindow::buildActions() {
    auto make = [this](const QKeySequence& key, auto slot) {
        auto* a = new QAction(this);
        if (!key.isEmpty()) a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    restartAction_ = make(QKeySequence(Qt::CTRL | Qt::Key_R), &MainWindow::restart);
    backAction_ = make(QKeySequence(Qt::SHIFT | Qt::Key_F10), &MainWindow::stepBack);
    stepAction_ = make(QKeySequence(Qt::Key_F10), &MainWindow::stepForward);
    playAction_ = make(QKeySequence(Qt::Key_F5), &MainWindow::togglePlay);
    endAction_ = make(QKeySequence(Qt::CTRL | Qt::Key_F5), &MainWindow::runToEnd);
    deadlockAction_ = make(QKeySequence(Qt::CTRL | Qt::Key_D), &MainWindow::runToDeadlock);
    exploreAction_ = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &MainWindow::explore);
    zoomInAction_ = make(QKeySequence::ZoomIn, [this] { timeline_->zoomIn(); });
    zoomOutAction_ = make(QKeySequence::ZoomOut, [this] { timeline_->zoomOut(); });
    fitAction_ = make(QKeySequence(Qt::CTRL | Qt::Key_0), [this] { timeline_->fit(); });
    axisAction_ = make(QKeySequence(Qt::CTRL | Qt::Key_T), [this] { setTimeAxis(axisAction_->isChecked()); });
    axisAction_->setCheckable(true);
    causesAction_ = make(QKeySequence(), [this] { timeline_->setAllCauses(causesAction_->isChecked()); });
    causesAction_->setCheckable(true);
    causesAction_->setObjectName(QStringLiteral("allCauses"));
    legendAction_ = make(QKeySequence(), [this] { timeline_->setLegendShown(legendAction_->isChecked()); });
    legendAction_->setCheckable(true);
    legendAction_->setChecked(true);
    legendAction_->setObjectName(QStringLiteral("timelineLegend"));
    // Off by default: a learner's program should show what the learner wrote, not the locks and events the
    // standard library makes for itself.
    internalsAction_ = make(QKeySequence(), [this] { updateViews(); });
    internalsAction_->setCheckable(true);
    internalsAction_->setObjectName(QStringLiteral("showInternals"));
    auto* layouts = new QActionGroup(this);
    learnLayoutAction_ = make(QKeySequence(Qt::CTRL | Qt::Key_1), [this] { setWindowLayout(WindowLayout::Learn); });
    fullLayoutAction_ = make(QKeySequence(Qt::CTRL | Qt::Key_2), [this] { setWindowLayout(WindowLayout::Full); });
    for (QAction* a : {learnLayoutAction_, fullLayoutAction_}) {
        a->setCheckable(true);
        layouts->addAction(a);
    }
    learnLayoutAction_->setObjectName(QStringLiteral("learnLayout"));
    fullLayoutAction_->setObjectName(QStringLiteral("fullLayout"));
    learnLayoutAction_->setChecked(layout_ == WindowLayout::Learn);
    fullLayoutAction_->setChecked(layout_ == WindowLayout::Full);
    challengesAction_ = make(QKeySequence(Qt::CTRL | Qt::Key_L), [this] {
        learn_->showList();
        showLearnPanel();
    });
    challengesAction_->setObjectName(QStringLiteral("challenges"));
    resetProgressAction_ = make(QKeySequence(), [this] {
        if (!messageHook_ && QMessageBox::question(this, tr("Reset progress"),
                                                   tr("Forget every challenge you have won?")) != QMessageBox::Yes)
            return;
        progress::reset();
        learn_->showList();
        browser_->refreshProgress();
    });
    exportTimelineAction_ = make(QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::exportTimeline);
    exportChartAction_ = make(QKeySequence(), &MainWindow::exportChart);
    exportTraceAction_ = make(QKeySequence(), &MainWindow::exportTrace);
    findAction_ = make(QKeySequence::Find, [this] {
        for (QDockWidget* d : docks_)
            if (d->widget() == browser_) d->show();
        browser_->searchField()->setFocus();
        browser_->searchField()->selectAll();
    });
    quitAction_ = make(QKeySequence::Quit, [this] { close(); });
    openAction_ = make(QKeySequence::Open, &MainWindow::openProgramDialog);
    saveAction_ = make(QKeySequence::Save, [this] { saveProgram(); });
    clearRecentAction_ = make(QKeySequence(), &MainWindow::clearRecentPrograms);
    guideAction_ = make(QKeySequence::HelpContents, [this] {
        auto* box = new QDialog(this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(QStringLiteral("guide"));
        box->setWindowTitle(tr("Guide"));
        auto* text = new QTextBrowser(box);
        text->setHtml(StartPage::guideHtml());
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, box);
        connect(buttons, &QDialogButtonBox::rejected, box, &QDialog::close);
        auto* layout = new QVBoxLayout(box);
        layout->addWidget(text);
        layout->addWidget(buttons);
        box->resize(640, 560);
        box->show();
    });
    guideAction_->setObjectName(QStringLiteral("guide"));
    aboutAction_ = make(QKeySequence(), [this] {
        QMessageBox::about(this, tr("About Lockstep"),
                           tr("<h3>Lockstep %1</h3><p>See concurrency one scheduling decision at a time: every "
                              "thread is a real OS thread, and a tracing scheduler lets one run at a time.</p>"
                              "<p><b>Keys</b>: F10 step, Shift+F10 step back, F5 run/pause, Ctrl+F5 run to the "
                              "end, Ctrl+D run to the next deadlock, Ctrl+R restart, Ctrl+wheel or +/- zoom, "
                              "Ctrl+0 fit, Ctrl+T time or step axis, Ctrl+E export the timeline, Ctrl+Shift+E explore "
                              "the schedules, Ctrl+O open your own Python program, Ctrl+S save the edited program.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });

    languageGroup_ = new QActionGroup(this);
    auto lang = [this](const QString& code) {
        auto* a = new QAction(this);
        a->setCheckable(true);
        a->setData(code);
        languageGroup_->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
        return a;
    };
    langSystem_ = lang(QString());
    langEnglish_ = lang("en");
    langRussian_ = lang("ru");

    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(openAction_);
    recentMenu_ = fileMenu_->addMenu(QString());
    recentMenu_->setObjectName(QStringLiteral("recentPrograms"));
    fileMenu_->addAction(saveAction_);
    fileMenu_->addSeparator();
    fileMenu_->addActions({exportTimelineAction_, exportChartAction_, exportTraceAction_});
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);
    runMenu_ = menuBar()->addMenu(QString());
    runMenu_->addActions({restartAction_, backAction_, stepAction_, playAction_, endAction_, deadlockAction_});
    runMenu_->addSeparator();
    runMenu_->addAction(exploreAction_);
    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->addActions(
        {findAction_, zoomInAction_, zoomOutAction_, fitAction_, axisAction_, causesAction_, legendAction_,
         internalsAction_});
    viewMenu_->addSeparator();
    layoutMenu_ = viewMenu_->addMenu(QString());
    layoutMenu_->setObjectName(QStringLiteral("layoutMenu"));
    layoutMenu_->addActions({learnLayoutAction_, fullLayoutAction_});
    for (QDockWidget* d : docks_) viewMenu_->addAction(d->toggleViewAction());
    learnMenu_ = menuBar()->addMenu(QString());
    learnMenu_->setObjectName(QStringLiteral("learnMenu"));
    learnMenu_->addActions({challengesAction_, resetProgressAction_});
    languageMenu_ = menuBar()->addMenu(QString());
    languageMenu_->addActions(languageGroup_->actions());
    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addActions({guideAction_, aboutAction_});

    toolbar_ = addToolBar(QString());
    toolbar_->setObjectName("controls");
    toolbar_->addActions({restartAction_, backAction_, stepAction_, playAction_, endAction_, deadlockAction_});
    toolbar_->addSeparator();
    toolbar_->addAction(exploreAction_);
    toolbar_->addSeparator();
    speedLabel_ = new QLabel(this);
    speed_ = new QSlider(Qt::Horizontal, this);
    speed_->setRange(0, static_cast<int>(std::size(kSpeeds)) - 1);
    speed_->setValue(3);
    speed_->setFixedWidth(120);
    toolbar_->addWidget(speedLabel_);
    toolbar_->addWidget(speed_);
    toolbar_->addSeparator();
    toolbar_->addActions({zoomInAction_, zoomOutAction_, fitAction_, axisAction_, causesAction_});
    connect(speed_, &QSlider::valueChanged, this, [this] { retranslateUi(); });

    stepLabel_ = new QLabel(this);
    statusLabel_ = new QLabel(this);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 0);  // a long run's length is unknown: a busy indicator
    progress_->setMaximumWidth(160);
    progress_->hide();
    statusBar()->addWidget(stepLabel_);
    statusBar()->addWidget(statusLabel_, 1);
    statusBar()->addPermanentWidget(progress_);
}

void MainWindow::retranslateUi() {
    QString title = setup_.scenario ? tr("Lockstep - %1").arg(trScenario(setup_.scenario->title)) : tr("Lockstep");
    if (code_->isProgramModified()) title += QStringLiteral(" *");
    setWindowTitle(title);
    const QStringList dockTitles{tr("Scenarios"), tr("Code"), tr("Inspector"), tr("Output"), tr("Charts"),
                                  tr("Explore"), tr("Story"), tr("Learn")};
    for (std::size_t i = 0; i < docks_.size(); ++i) docks_[i]->setWindowTitle(dockTitles[static_cast<int>(i)]);
    fileMenu_->setTitle(tr("&File"));
    runMenu_->setTitle(tr("&Run"));
    viewMenu_->setTitle(tr("&View"));
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    toolbar_->setWindowTitle(tr("Controls"));
    auto set = [](QAction* a, const QString& text, const QString& tip) {
        a->setText(text);
        const QString key = a->shortcut().toString(QKeySequence::NativeText);
        a->setToolTip(key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key));
        a->setStatusTip(tip);
    };
    set(restartAction_, tr("Restart"), tr("Run the scenario again from the start with the same settings"));
    set(backAction_, tr("Back"), tr("Move the cursor one step back over the recorded run"));
    set(stepAction_, tr("Step"), tr("One scheduling step forward"));
    set(playAction_, playTimer_->isActive() || (busy_ && !followLive_) ? tr("Pause") : tr("Run"),
        tr("Run step by step at the chosen speed, or pause"));
    set(endAction_, tr("Run to end"), tr("Run until the scenario ends (a long run shows progress and can be paused)"));
    set(deadlockAction_, tr("Run to deadlock"), tr("Run until a wait-for cycle closes, or the end"));
    set(exploreAction_, tr("Explore schedules"),
        tr("Run many schedules of this scenario, count the outcomes and replay any of them"));
    set(findAction_, tr("Find scenario"), tr("Search the scenarios by name or description"));
    set(zoomInAction_, tr("Zoom in"), tr("Zoom the timeline in"));
    set(zoomOutAction_, tr("Zoom out"), tr("Zoom the timeline out"));
    set(fitAction_, tr("Fit"), tr("Show the whole run"));
    set(axisAction_, tr("Time axis"), tr("Show virtual time instead of steps on the timeline's axis"));
    set(causesAction_, tr("Show all cause→effect arrows"),
        tr("Draw every arrow from a cause to its effect (a release to the acquire it let through, a set to the "
           "waits it woke, a put to the get...), not only those of the step at the cursor"));
    set(legendAction_, tr("Timeline legend"),
        tr("Show the legend under the timeline: what each colour and mark of this run means"));
    set(internalsAction_, tr("Show internals"),
        tr("Show the locks, events and conditions the standard library makes for itself (a thread's _started, "
           "a queue's not_full) in every view; hidden, a thread waiting on one is shown waiting inside your call"));
    layoutMenu_->setTitle(tr("&Layout"));
    learnMenu_->setTitle(tr("L&earn"));
    set(challengesAction_, tr("&Challenges and predictions"),
        tr("Play the scheduler to make a bug happen, prevent it in every schedule, or predict what a run shows"));
    set(resetProgressAction_, tr("&Reset progress..."), tr("Forget which challenges you have won"));
    set(learnLayoutAction_, tr("Learn"),
        tr("Timeline, code and story in sight; scenarios, inspector, charts and explore as tabs (fits a laptop)"));
    set(fullLayoutAction_, tr("Full"), tr("Every panel in sight at once (for a large screen)"));
    set(exportTimelineAction_, tr("Export timeline..."), tr("Save the timeline as PNG, SVG or PDF"));
    set(exportChartAction_, tr("Export chart..."), tr("Save the chart on show as PNG or SVG"));
    set(exportTraceAction_, tr("Export trace..."), tr("Save the trace as Chrome Trace Event JSON (opens in Perfetto)"));
    set(quitAction_, tr("&Quit"), tr("Close Lockstep"));
    set(openAction_, tr("&Open Python program..."),
        tr("Open your own Python program (.py) and run its threads under the scheduler"));
    set(saveAction_, tr("&Save program"), tr("Save the edited program and load it again from the start"));
    set(clearRecentAction_, tr("Clear the list"), tr("Forget the recently opened programs"));
    recentMenu_->setTitle(tr("Recent &programs"));
    set(guideAction_, tr("&Guide"), tr("What each part of the window shows, and how to be the scheduler"));
    set(aboutAction_, tr("&About Lockstep"), tr("What Lockstep is, and its keys"));
    rebuildRecentMenu();  // the "(none yet)" entry is text too
    langSystem_->setText(tr("System language"));
    langEnglish_->setText(QStringLiteral("English"));
    langRussian_->setText(QStringLiteral("Русский"));
    speedLabel_->setText(tr("Speed: %1 steps/s").arg(kSpeeds[speed_->value()]));
    speed_->setToolTip(tr("Steps per second when running step by step"));
    updateStatus();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange && fileMenu_) retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!mayLeaveEditedProgram()) {
        event->ignore();
        return;
    }
    stopPlaying();
    saveSettings();
    controller_->abort();  // the run's threads unwind now; the destructor joins the controller
    QMainWindow::closeEvent(event);
}

void MainWindow::setLanguage(const QString& language) {
    language_ = language;
    installTranslations(language);  // Qt sends LanguageChange to every widget, which retranslates itself
    QCoreApplication::processEvents();  // deliver it now, so the window is in the new language on return
    for (QAction* a : languageGroup_->actions())
        if (a->data().toString() == language) a->setChecked(true);
    QSettings().setValue("language", language);
}

void MainWindow::setTimeAxis(bool time) {
    axisAction_->setChecked(time);
    timeline_->setAxis(time ? timeline::Axis::Time : timeline::Axis::Steps);
}

// ---------------------------------------------------------------------------------------------------------
// running

void MainWindow::load(const RunSetup& setup, int steps) {
    if (!setup.scenario) return;
    // Another scenario or program replaces an edited one in the code view: its edits must not vanish unasked.
    if (code_->isProgramModified() && setup_.scenario && setup.scenario->sourcePath != setup_.scenario->sourcePath &&
        !mayLeaveEditedProgram())
        return;
    stopPlaying();
    setup_ = setup;
    // Another setup, another one-after-the-other run: the old one (or its job) is of no use now.
    verdictJob_->cancel();
    sequential_.reset();
    verdictModel_.reset();
    story_->setVerdict({}, nullptr);
    const scenarios::Scenario* s = setup.scenario;
    centreStack_->setCurrentIndex(1);
    showPanelsHiddenUntilARun();
    controller_->load(setup.config, s->opener());  // a Python program runs in the runner's child
    view_ = TraceView{};
    view_.scenario = s;
    view_.config = setup.config;
    view_.manual = setup.config.policy == PolicyKind::Manual;
    followLive_ = true;
    busy_ = true;
    browser_->setRunSetup(setup);
    explore_->setTarget(s, setup.config);
    if (!s->sourcePath.empty() && QString::fromStdString(s->sourcePath) != lessonProgram_) readProgramLesson(s);
    if (steps > 0) controller_->step(static_cast<std::uint32_t>(steps));
    retranslateUi();
    QSettings().setValue("lastScenario", QString::fromStdString(s->id));
}

void MainWindow::readProgramLesson(const scenarios::Scenario* program) {
    lessonProgram_ = QString::fromStdString(program->sourcePath);
    const QString path = lessonPathFor(lessonProgram_);
    if (!QFileInfo::exists(path)) {
        learn_->setProgramLesson(program, std::nullopt);
        return;
    }
    QString error;
    std::optional<Lesson> lesson = readLesson(path, error);
    if (!lesson) {
        learn_->setProgramLesson(program, std::nullopt);
        showError(tr("Cannot read the lesson"), error);
        return;
    }
    learn_->setProgramLesson(program, std::move(lesson));
    showLearnPanel();
    // Once the window is shown and laid out (a program given on the command line is loaded before): a message
    // shown earlier is drawn over the status bar's own labels.
    QTimer::singleShot(0, this, [this] {
        statusBar()->showMessage(tr("This program has a lesson: its challenges are in the Learn panel."), 10000);
    });
}

void MainWindow::showLearnPanel() {
    if (QDockWidget* d = dockOf(learn_)) {
        d->show();
        d->raise();
    }
}

void MainWindow::stepBy(int steps) {
    if (!view_.trace && !busy_) return;
    busy_ = true;
    followLive_ = true;
    controller_->step(static_cast<std::uint32_t>(std::max(steps, 1)));
}

void MainWindow::restart() {
    if (!setup_.scenario) return;
    if (saveEditedProgram() != EditState::Unchanged) return;  // reloaded from the start already, or failed
    load(setup_, 0);
}

void MainWindow::stepForward() {
    if (saveEditedProgram(1) != EditState::Unchanged) return;
    if (!view_.trace) return;
    if (view_.cursor < view_.live) {
        moveCursor(view_.cursor + 1);
        return;
    }
    if (view_.ended || busy_) return;
    busy_ = true;
    followLive_ = true;
    controller_->step();
}

void MainWindow::stepBack() {
    if (view_.cursor > 1) {
        followLive_ = false;
        moveCursor(view_.cursor - 1);
    }
}

void MainWindow::togglePlay() {
    if (playTimer_->isActive()) {
        stopPlaying();
        return;
    }
    if (busy_) {
        controller_->pause();  // a run to the end in progress: pause it
        return;
    }
    if (const EditState edit = saveEditedProgram(); edit != EditState::Unchanged) {
        if (edit == EditState::Reloaded) playTimer_->start();  // it steps once the fresh run is loaded
        retranslateUi();
        return;
    }
    if (!view_.trace || (view_.ended && view_.cursor >= view_.live)) return;
    playTimer_->start();
    retranslateUi();
}

void MainWindow::stopPlaying() {
    if (playTimer_->isActive()) playTimer_->stop();
    if (fileMenu_) retranslateUi();
}

void MainWindow::runToEnd() {
    const EditState edit = saveEditedProgram();
    if (edit == EditState::Failed) return;
    if (edit == EditState::Unchanged && (!view_.trace || view_.ended)) {
        if (view_.trace) moveCursor(view_.live);
        return;
    }
    stopPlaying();
    busy_ = true;
    followLive_ = true;
    progress_->show();
    controller_->run();
    updateStatus();
}

void MainWindow::runToDeadlock() {
    const EditState edit = saveEditedProgram();
    if (edit == EditState::Failed) return;
    if (edit == EditState::Unchanged && (!view_.trace || view_.ended)) return;
    stopPlaying();
    busy_ = true;
    followLive_ = true;
    progress_->show();
    controller_->runToDeadlock();
    updateStatus();
}

void MainWindow::explore() {
    if (saveEditedProgram() == EditState::Failed) return;  // the search runs the text on screen
    for (QDockWidget* d : docks_)
        if (d->widget() == explore_) {
            d->show();
            d->raise();
            // In the full layout the search's place is the charts' (under the inspector), too short at 768 px
            // for the options, the histogram and its caption: exploring takes more of the column's height.
            if (layout_ == WindowLayout::Full && !d->isFloating() && d->height() < height() * 55 / 100)
                resizeDocks({d}, {height() * 55 / 100}, Qt::Vertical);
        }
    explore_->start();
}

bool MainWindow::replay(const QString& token) {
    std::string error;
    RunConfig config;
    // The same reading and checks as the command line's --replay.
    const scenarios::Scenario* s = scenarios::readReplayToken(token.toStdString(), config, error);
    if (!s) {
        showError(tr("Cannot replay"), QString::fromStdString(error));
        return false;
    }
    load(RunSetup{s, config}, 0);
    statusBar()->showMessage(tr("Replaying the chosen schedule: step through it with F10, or run it to the end "
                                "with Ctrl+F5."),
                             10000);
    return true;
}

void MainWindow::moveCursor(std::uint32_t step) {
    if (!view_.trace) return;
    step = std::clamp<std::uint32_t>(step, std::min<std::uint32_t>(1, view_.live), view_.live);
    followLive_ = step == view_.live;
    view_.cursor = step;
    updateViews();
}

void MainWindow::waitForEngine() {
    controller_->waitIdle();
    QCoreApplication::processEvents();  // deliver the queued reports
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

void MainWindow::onActorChosen(ActorId actor) {
    if (!view_.trace) return;
    if (view_.cursor < view_.live || view_.ended) {
        // At a past step: run it again up to there and let this actor go instead (a branch).
        busy_ = true;
        followLive_ = true;
        controller_->branch(view_.cursor, actor);
        return;
    }
    busy_ = true;
    controller_->choose(actor);
}

void MainWindow::onReport(const ControllerReport& r) {
    if (r.generation != controller_->generation()) return;  // a report of a run the user has left
    if (r.trace) {
        // One derivation per trace, advanced once per report over what the report's snapshot published.
        if (r.trace != view_.trace || !model_) {
            model_ = std::make_shared<TraceModel>();
            cursorState_ = std::make_shared<RunState>();
        }
        model_->advance(*r.trace, r.snapshot);
    }
    view_.trace = r.trace;
    view_.model = model_;
    view_.live = model_ ? model_->steps() : 0;
    view_.ended = r.ended;
    switch (r.kind) {
        case ControllerReport::Kind::Loaded:
            view_.cursor = 0;
            busy_ = false;
            break;
        case ControllerReport::Kind::Progress:
            // A long run: show how far it is without redrawing every panel for every slice.
            statusLabel_->setText(tr("Running... %1 steps").arg(r.steps));
            return;
        case ControllerReport::Kind::Failed:
            busy_ = false;
            progress_->hide();
            showError(tr("Cannot do that"), QString::fromStdString(r.message));
            break;
        case ControllerReport::Kind::Stopped:
            busy_ = false;
            progress_->hide();
            if (r.stop.reason == StopReason::NeedChoice) stopPlaying();
            if (r.stop.reason == StopReason::Deadlock) statusBar()->showMessage(tr("A deadlock formed: see the wait-for graph"), 8000);
            break;
    }
    view_.candidates = r.candidates;
    if (followLive_ || view_.cursor > view_.live) view_.cursor = view_.live;
    if (view_.ended) stopPlaying();
    updateViews();
    if (view_.ended && model_ && model_ != verdictModel_) requestVerdict();
}

void MainWindow::requestVerdict() {
    verdictModel_ = model_;
    // A branch of the same setup is compared with the same one-after-the-other run: it is made once per load.
    if (sequential_ || !model_->trace() || !verdictComparesValues(*model_->trace())) showVerdict();
    else if (!verdictJob_->running() && setup_.scenario) verdictJob_->start(*setup_.scenario, setup_.config);
}

void MainWindow::showVerdict() {
    if (!model_) return;
    // Without final values to compare, the verdict stands on the run alone (sequential_ may still be on its way).
    const bool compare = model_->trace() && verdictComparesValues(*model_->trace());
    story_->setVerdict(deriveVerdict(*model_, compare ? sequential_.get() : nullptr), model_);
    updateStatus();
}

void MainWindow::updateViews() {
    if (model_ && cursorState_) {
        model_->moveTo(*cursorState_, view_.cursor);
        view_.state = cursorState_;
    }
    TraceView v = view_;
    v.showInternals = internalsAction_->isChecked();
    if (v.cursor < v.live || v.ended) {
        // Looking at the past: the actors that could have run there (running or ready at the end of the
        // cursor step) can be picked to branch the run.
        v.candidates = v.cursor < v.live && v.cursor > 0 && v.state ? v.state->runnable() : std::vector<ActorId>{};
        v.manual = v.candidates.size() > 1;
    } else {
        v.manual = setup_.config.policy == PolicyKind::Manual;
    }
    timeline_->setView(v);
    code_->setView(v);
    // The bar offers a choice in every policy: at the live step, the engine's pending candidates.
    TraceView choice = v;
    if (!(v.cursor < v.live || v.ended)) choice.candidates = view_.candidates;
    schedulerBar_->setView(choice);
    inspector_->setView(v);
    output_->setView(v);
    story_->setView(v);
    learn_->setView(v);
    charts_->setView(v);
    // A new run opens the charts on one that has something to show (a queue, a semaphore...).
    if (v.trace && v.trace != shownTrace_) {
        shownTrace_ = v.trace;
        readyQueueOpened_ = false;
        // A scenario made for the comparison (gil-cpu-bound) opens on it: that chart is its point.
        if (charts_->offersComparison()) charts_->setCurrentChart(ChartsPanel::GilComparisonChart);
        else if (charts_->isChartEmpty(charts_->currentChart()))
            for (int i = 0; i < charts_->chartCount(); ++i)
                if (!charts_->isChartEmpty(i)) {
                    charts_->setCurrentChart(i);
                    break;
                }
    }
    // An asyncio run: once its loop exists, the ready queue is the chart that tells its story (once per run,
    // so a learner's own choice of tab stays).
    if (v.trace && !readyQueueOpened_ && !charts_->offersComparison() &&
        charts_->isChartAvailable(ChartsPanel::ReadyQueueChart)) {
        readyQueueOpened_ = true;
        charts_->setCurrentChart(ChartsPanel::ReadyQueueChart);
    }
    updateStatus();
}

QString MainWindow::statusText(RunStatus status) { return timeline::TimelineStrings::runStatus(status); }

void MainWindow::updateStatus() {
    if (!stepLabel_) return;
    const bool loaded = view_.trace != nullptr;
    if (!loaded) {
        stepLabel_->setText(QString());
        statusLabel_->setText(setup_.scenario ? tr("Loading...") : tr("Pick a scenario on the left and press Load."));
    } else {
        const Nanos t = view_.model ? view_.model->timeAtEndOf(view_.cursor) : 0;
        stepLabel_->setText(tr("step %1 / %2   t = %3")
                                .arg(view_.cursor)
                                .arg(view_.live)
                                .arg(timeline::TimelineStrings::seconds(t, 1'000'000)));
        QString status;
        QString tip;
        if (view_.ended && view_.model) {
            const RunOutcome& o = view_.model->outcome();
            status = tr("ended: %1 at t = %2")
                         .arg(statusText(o.status), timeline::TimelineStrings::seconds(o.endTime, 1'000'000));
            if (!o.message.empty()) status += QStringLiteral(" - ") + QString::fromStdString(o.message);
            // What the run came to, in a sentence (the Story panel has every item, with links to the steps).
            if (const QString verdict = story_->verdictSummary(); !verdict.isEmpty()) {
                status += QStringLiteral(" - ") + verdict;
                tip = status;
                const int room = std::max(200, statusLabel_->width() - 8);
                status = statusLabel_->fontMetrics().elidedText(status, Qt::ElideRight, room);
            }
        } else if (view_.cursor < view_.live) {
            status = tr("looking back: a thread's Step button under the timeline branches the run here");
        } else if (view_.manual && view_.candidates.size() > 1) {
            status = tr("manual: pick the thread that runs next with its Step button under the timeline (keys 1-9)");
        } else if (busy_) {
            status = tr("running...");
        }
        // Nothing more important to say: what the cursor step did, in one line (the Story panel has the rest).
        if (status.isEmpty() && !story_->summary().isEmpty()) {
            tip = story_->summary();
            const int room = std::max(200, statusLabel_->width() - 8);
            status = statusLabel_->fontMetrics().elidedText(tip, Qt::ElideRight, room);
        }
        statusLabel_->setToolTip(tip);
        statusLabel_->setText(status);
    }
    const bool canGoOn = loaded && !view_.ended;
    backAction_->setEnabled(loaded && view_.cursor > 1);
    stepAction_->setEnabled(loaded && (canGoOn || view_.cursor < view_.live));
    playAction_->setEnabled(loaded && (canGoOn || view_.cursor < view_.live || busy_));
    endAction_->setEnabled(canGoOn);
    deadlockAction_->setEnabled(canGoOn);
    restartAction_->setEnabled(setup_.scenario != nullptr);
    saveAction_->setEnabled(programLoaded());
    exportTimelineAction_->setEnabled(loaded);
    exportTraceAction_->setEnabled(loaded && !busy_);
    exportChartAction_->setEnabled(loaded && charts_->chartCount() > 0);
}

// ---------------------------------------------------------------------------------------------------------
// export and errors

void MainWindow::showError(const QString& title, const QString& message) {
    if (messageHook_) messageHook_(title, message);
    else QMessageBox::warning(this, title, message);
}

// ---------------------------------------------------------------------------------------------------------
// the learner's own programs

bool MainWindow::programLoaded() const { return setup_.scenario && !setup_.scenario->sourcePath.empty(); }

void MainWindow::openProgramDialog() {
    QString dir;
    const QStringList recent = recentPrograms();
    if (!recent.isEmpty()) dir = QFileInfo(recent.front()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Python program"), dir,
                                                      tr("Python programs (*.py);;All files (*)"));
    if (!path.isEmpty()) openProgram(path);
}

bool MainWindow::openProgram(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    std::string error;
    const scenarios::Scenario* s = python::loadProgram(absolute.toStdString(), error);
    if (!s) {
        showError(tr("Cannot open the program"),
                  QStringLiteral("%1\n\n%2").arg(QDir::toNativeSeparators(absolute), QString::fromStdString(error)));
        return false;
    }
    noteOpenedProgram(s);
    // As if the learner picked it in the browser and pressed Load: its parameters and run settings start
    // from their defaults.
    browser_->selectScenario(QString::fromStdString(s->id));
    browser_->requestLoad();
    return setup_.scenario == s;
}

void MainWindow::noteOpenedProgram(const scenarios::Scenario* program) {
    if (!program || program->sourcePath.empty()) return;
    addRecentProgram(QFileInfo(QString::fromStdString(program->sourcePath)).absoluteFilePath());
    browser_->addProgram(QString::fromStdString(program->id));
}

bool MainWindow::saveProgram(int steps) {
    if (!programLoaded()) return false;
    const QString path = QString::fromStdString(setup_.scenario->sourcePath);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(code_->programText().toUtf8()) < 0 || !file.commit()) {
        showError(tr("Cannot save the program"),
                  QStringLiteral("%1\n\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    std::string error;
    const scenarios::Scenario* s = python::loadProgram(path.toStdString(), error);
    if (!s) {
        // Saved, but it does not compile: the run stays on the last text that did, and the editor keeps the edits.
        showError(tr("The program has an error"),
                  tr("%1 was saved, but it cannot run:\n\n%2")
                      .arg(QDir::toNativeSeparators(path), QString::fromStdString(error)));
        return false;
    }
    RunSetup setup = setup_;
    setup.scenario = s;
    setup.config.params = s->resolve(setup_.config.params).values();
    load(setup, steps);
    statusBar()->showMessage(tr("Saved %1 and loaded it again from the start").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

MainWindow::EditState MainWindow::saveEditedProgram(int steps) {
    if (!programLoaded() || !code_->isProgramModified()) return EditState::Unchanged;
    return saveProgram(steps) ? EditState::Reloaded : EditState::Failed;
}

bool MainWindow::mayLeaveEditedProgram() {
    if (!programLoaded() || !code_->isProgramModified() || messageHook_) return true;
    const QString name = QFileInfo(QString::fromStdString(setup_.scenario->sourcePath)).fileName();
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("%1 has changes that are not saved. Save them?").arg(name),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save) {
        const QString path = QString::fromStdString(setup_.scenario->sourcePath);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(code_->programText().toUtf8()) < 0 || !file.commit()) {
            showError(tr("Cannot save the program"),
                      QStringLiteral("%1\n\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
            return false;
        }
    }
    return true;
}

QStringList MainWindow::recentPrograms() const { return QSettings().value(kRecentProgramsKey).toStringList(); }

void MainWindow::addRecentProgram(const QString& path) {
    QStringList list = recentPrograms();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecentPrograms) list.removeLast();
    QSettings().setValue(kRecentProgramsKey, list);
    rebuildRecentMenu();
}

void MainWindow::clearRecentPrograms() {
    QSettings().remove(kRecentProgramsKey);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList list = recentPrograms();
    for (int i = 0; i < list.size(); ++i) {
        const QString path = list[i];
        const QFileInfo info(path);
        // "&1 counter.py  (~/course/week3)": the number is the menu's key, the folder tells files of one name apart.
        auto* a = recentMenu_->addAction(QStringLiteral("&%1 %2  (%3)")
                                             .arg(i + 1)
                                             .arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())));
        a->setData(path);
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (!QFileInfo::exists(path)) {
                // A file that is gone leaves the list, after saying so.
                QStringList rest = recentPrograms();
                rest.removeAll(path);
                QSettings().setValue(kRecentProgramsKey, rest);
                rebuildRecentMenu();
            }
            openProgram(path);
        });
    }
    if (list.isEmpty()) {
        QAction* none = recentMenu_->addAction(tr("(none yet)"));
        none->setEnabled(false);
    }
    recentMenu_->addSeparator();
    recentMenu_->addAction(clearRecentAction_);
    clearRecentAction_->setEnabled(!list.isEmpty());
}

void MainWindow::exportTimeline() {
    if (!view_.trace || !model_) return;
    ExportDialog dialog(QString::fromStdString(setup_.scenario->id) + ".png", view_.live, this);
    if (dialog.exec() != QDialog::Accepted) return;
    timeline::ExportOptions options = timeline_->visibleExportOptions();
    dialog.apply(options);
    const QString path = options.path;
    options.showInternals = internalsAction_->isChecked();
    options.title = trScenario(setup_.scenario->title);
    // How the run ended so far (still running: "running"), its policy and seed, under the title.
    options.caption = timeline::TimelineStrings::runCaption(view_.ended ? model_->outcome().status : RunStatus::Running,
                                                            setup_.config.policy, setup_.config.seed, view_.live);
    QString error;
    // From the window's own derivation, not the trace's rows: a run to the end may be appending to those now.
    if (!timeline::exportTimeline(std::shared_ptr<const TraceModel>(model_), options, &error)) showError(tr("Export failed"), error);
    else statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

void MainWindow::exportChart() {
    if (charts_->chartCount() == 0) return;
    const int index = charts_->currentChart();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), charts_->chartTitle(index) + ".png",
                                                      tr("Images (*.png *.svg)"));
    if (path.isEmpty()) return;
    QString error;
    if (!charts_->exportChart(index, path, &error)) showError(tr("Export failed"), error);
    else statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

void MainWindow::exportTrace() {
    // The Chrome trace reads the trace's rows, which only a paused run may share.
    if (!view_.trace || busy_) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export trace"), QString::fromStdString(setup_.scenario->id) + ".json",
                                                      tr("Chrome Trace Event JSON (*.json)"));
    if (path.isEmpty()) return;
    std::ofstream file(path.toStdString());
    if (file) writeChromeTrace(*view_.trace, setup_.scenario->id, file);
    if (!file) showError(tr("Export failed"), tr("Cannot write %1").arg(path));
    else statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

// ---------------------------------------------------------------------------------------------------------
// settings

void MainWindow::saveSettings() {
    showPanelsHiddenUntilARun();  // they are part of the layout the next window opens with
    QSettings s;
    s.setValue("geometry", saveGeometry());
    s.setValue("windowState", saveState());
    s.setValue("layout", layout_ == WindowLayout::Learn ? "learn" : "full");
    s.setValue("timeAxis", axisAction_->isChecked());
    s.setValue("allCauses", causesAction_->isChecked());
    s.setValue("timelineLegend", legendAction_->isChecked());
    s.setValue("showInternals", internalsAction_->isChecked());
    s.setValue("speed", speed_->value());
    browser_->saveState(s);
}

void MainWindow::restoreSettings() {
    QSettings s;
    restoreGeometry(s.value("geometry").toByteArray());
    // The layout last chosen, then the docks as the user last left them in it.
    const QString layout = s.value("layout").toString();
    const QByteArray state = s.value("windowState").toByteArray();
    if (layout == "learn" || layout == "full") {
        const WindowLayout chosen = layout == "learn" ? WindowLayout::Learn : WindowLayout::Full;
        if (chosen != layout_) arrangeDocks(chosen);
    } else if (!state.isEmpty() && layout_ != WindowLayout::Full) {
        arrangeDocks(WindowLayout::Full);  // docks saved before there were layouts: they were the full one
    }
    restoreState(state);
    setTimeAxis(s.value("timeAxis", false).toBool());
    causesAction_->setChecked(s.value("allCauses", false).toBool());
    timeline_->setAllCauses(causesAction_->isChecked());
    legendAction_->setChecked(s.value("timelineLegend", true).toBool());
    timeline_->setLegendShown(legendAction_->isChecked());
    internalsAction_->setChecked(s.value("showInternals", false).toBool());
    speed_->setValue(s.value("speed", 3).toInt());
    browser_->restoreState(s);
    language_ = s.value("language").toString();
    for (QAction* a : languageGroup_->actions())
        if (a->data().toString() == language_) a->setChecked(true);
    if (language_ != s.value("language").toString()) installTranslations(language_);
}

}  // namespace lockstep::app
