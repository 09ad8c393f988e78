#pragma once
// The main window: the scenario browser, the timeline in the centre, every actor's listing, the inspector,
// the output and the charts, all showing one TraceView (the run's trace and the step under the cursor).
// The engine runs on the Controller's thread; its reports arrive here as queued plain values, so the
// window never waits for a run.

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

#include "cli/RunOptions.h"
#include "view/TraceView.h"
#include "lockstep/Controller.h"

class QAction;
class QActionGroup;
class QLabel;
class QProgressBar;
class QSlider;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace lockstep::timeline {
class TimelineWidget;
}

namespace lockstep::app {

class ChartsPanel;
class CodeView;
class SchedulerBar;
class ExplorePanel;
class Inspector;
class LearnPanel;
class Output;
class StoryPanel;
class StartPage;
class ScenarioBrowser;
class VerdictJob;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Load a scenario with its run settings and advance it `steps` steps.
    void load(const RunSetup& setup, int steps);
    // Switch the interface language: "en", "ru", or "" for the system's. Takes effect at once.
    void setLanguage(const QString& language);
    // Virtual time (true) or steps (false) along the timeline.
    void setTimeAxis(bool time);

    // Where the panels go. Learn: the timeline and its scheduler bar across the top, the code and the story
    // under it, and the scenarios, inspector, charts and explore panels as tabs of one column, so that a
    // 1366x768 laptop gives each of them room. Full: every panel in sight at once, for large screens.
    // A new window takes Learn on a screen smaller than the full layout needs; View > Layout switches.
    enum class WindowLayout { Learn, Full };
    void setWindowLayout(WindowLayout layout);
    WindowLayout windowLayout() const { return layout_; }
    // The layout a new window takes on a screen of that size.
    static WindowLayout defaultLayout(const QSize& screen);
    QDockWidget* dockOf(QWidget* panel) const;

    // File > Open Python program: loads the file with lockstep::python::loadProgram, lists it under "Your
    // programs" and in File > Recent programs, and loads it as picking a scenario in the browser does. A
    // file that cannot be read or compiled is reported in a message box naming it; returns false then.
    bool openProgram(const QString& path);
    // Lists a program loaded elsewhere (the command line's `lockstep prog.py`) as openProgram does, without
    // loading it: in the browser's "Your programs" and in Recent programs.
    void noteOpenedProgram(const scenarios::Scenario* program);
    // Writes the code view's text to the program's file and loads it again, ready at step 0; `steps` > 0
    // goes on that many steps. False (with a message) when the file cannot be written or does not compile.
    bool saveProgram(int steps = 0);
    // The most recently opened programs, newest first (at most kMaxRecentPrograms), as absolute paths.
    QStringList recentPrograms() const;
    void clearRecentPrograms();
    static constexpr int kMaxRecentPrograms = 8;
    QMenu* recentProgramsMenu() const { return recentMenu_; }
    // For tests: error messages go to `hook` (title, text) instead of a message box, and closing or switching
    // away from an edited program does not ask whether to save it.
    void setMessageHook(std::function<void(const QString& title, const QString& text)> hook) {
        messageHook_ = std::move(hook);
    }

    // For tests and the --screenshot option.
    const TraceView& view() const { return view_; }
    void waitForEngine();  // until every command sent to the engine is done and its reports are shown
    timeline::TimelineWidget* timeline() const { return timeline_; }
    CodeView* codeView() const { return code_; }
    SchedulerBar* schedulerBar() const { return schedulerBar_; }
    Inspector* inspector() const { return inspector_; }
    Output* output() const { return output_; }
    ChartsPanel* charts() const { return charts_; }
    ScenarioBrowser* browser() const { return browser_; }
    ExplorePanel* explorePanel() const { return explore_; }
    StoryPanel* storyPanel() const { return story_; }
    LearnPanel* learnPanel() const { return learn_; }
    // The status bar's run line: its text (elided) and its tooltip (the whole line, when elided).
    const QLabel* statusLine() const { return statusLabel_; }

public slots:
    void stepForward();
    void stepBack();
    void restart();
    // Takes `steps` steps (up to a choice the learner has to make).
    void stepBy(int steps);
    void togglePlay();
    void runToEnd();
    void runToDeadlock();
    // Show the Explore panel and start a search of the loaded scenario's schedules.
    void explore();
    // Load the run a replay token describes (an outcome of a search), ready to step through.
    bool replay(const QString& token);
    void moveCursor(std::uint32_t step);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildDocks();
    void arrangeDocks(WindowLayout layout);
    void showPanelsHiddenUntilARun();
    void retranslateUi();
    void onReport(const ControllerReport& report);
    void onActorChosen(ActorId actor);
    // At the end of a run: its verdict, once the one-after-the-other run (made once per load, off the GUI thread)
    // is there.
    void requestVerdict();
    void showVerdict();
    void updateViews();
    void updateStatus();
    static QString statusText(RunStatus status);
    void stopPlaying();
    void exportTimeline();
    void exportChart();
    void exportTrace();
    void showError(const QString& title, const QString& message);
    void openProgramDialog();
    // The lesson file next to a program that is loaded: the Learn panel lists it; a malformed one is reported.
    void readProgramLesson(const scenarios::Scenario* program);
    void showLearnPanel();
    void addRecentProgram(const QString& path);
    void rebuildRecentMenu();
    // Before a run goes on: an edited program is saved and reloaded first, so the run matches the text.
    // Returns Unchanged (nothing edited), Reloaded (a fresh run at step 0, advanced `steps` steps) or Failed.
    enum class EditState { Unchanged, Reloaded, Failed };
    EditState saveEditedProgram(int steps = 0);
    // Whether unsaved edits may be left (saved, or discarded on the learner's word); false: stay.
    bool mayLeaveEditedProgram();
    bool programLoaded() const;
    void saveSettings();
    void restoreSettings();

    std::unique_ptr<Controller> controller_;
    RunSetup setup_;
    TraceView view_;
    std::shared_ptr<TraceModel> model_;      // the derivation of view_.trace
    std::shared_ptr<RunState> cursorState_;  // the state at view_.cursor, moved along as the cursor moves
    bool followLive_ = true;   // the cursor moves with the engine until the user steps back
    bool busy_ = false;        // a command is running on the engine
    std::shared_ptr<const Trace> shownTrace_;  // the trace the charts were last opened on
    bool readyQueueOpened_ = false;            // the charts were switched to the ready queue for shownTrace_
    QString language_;
    VerdictJob* verdictJob_ = nullptr;
    std::shared_ptr<const Trace> sequential_;           // the loaded setup run one after the other, once made
    std::shared_ptr<const TraceModel> verdictModel_;    // the ended run whose verdict was asked for

    timeline::TimelineWidget* timeline_ = nullptr;
    CodeView* code_ = nullptr;
    SchedulerBar* schedulerBar_ = nullptr;
    Inspector* inspector_ = nullptr;
    Output* output_ = nullptr;
    ChartsPanel* charts_ = nullptr;
    ScenarioBrowser* browser_ = nullptr;
    ExplorePanel* explore_ = nullptr;
    StoryPanel* story_ = nullptr;
    LearnPanel* learn_ = nullptr;
    QString lessonProgram_;  // the program whose lesson file the Learn panel lists (its path)
    std::vector<QDockWidget*> docks_;
    WindowLayout layout_ = WindowLayout::Full;
    std::vector<QDockWidget*> hiddenUntilARun_;  // panels with nothing to show before the first run
    QMenu* layoutMenu_ = nullptr;
    QAction* learnLayoutAction_ = nullptr;
    QAction* fullLayoutAction_ = nullptr;

    std::function<void(const QString&, const QString&)> messageHook_;

    QMenu* fileMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* saveAction_ = nullptr;
    QAction* clearRecentAction_ = nullptr;
    QMenu* runMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* learnMenu_ = nullptr;
    QAction* challengesAction_ = nullptr;
    QAction* resetProgressAction_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QToolBar* toolbar_ = nullptr;
    QAction* restartAction_ = nullptr;
    QAction* backAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    QAction* playAction_ = nullptr;
    QAction* endAction_ = nullptr;
    QAction* deadlockAction_ = nullptr;
    QAction* exploreAction_ = nullptr;
    QAction* zoomInAction_ = nullptr;
    QAction* zoomOutAction_ = nullptr;
    QAction* fitAction_ = nullptr;
    QAction* axisAction_ = nullptr;
    QAction* causesAction_ = nullptr;  // every cause → effect arrow, or only the cursor step's
    QAction* legendAction_ = nullptr;  // the timeline's legend shown or folded away
    QAction* internalsAction_ = nullptr;  // the standard library's own objects shown in every view
    QAction* exportTimelineAction_ = nullptr;
    QAction* exportChartAction_ = nullptr;
    QAction* exportTraceAction_ = nullptr;
    QAction* findAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* guideAction_ = nullptr;
    QStackedWidget* centreStack_ = nullptr;  // the start page until something is loaded, then the timeline
    StartPage* startPage_ = nullptr;
    QActionGroup* languageGroup_ = nullptr;
    QAction* langSystem_ = nullptr;
    QAction* langEnglish_ = nullptr;
    QAction* langRussian_ = nullptr;
    QSlider* speed_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QLabel* statusLabel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QTimer* playTimer_ = nullptr;
};

}  // namespace lockstep::app
