#pragma once
// The main window: the scenario browser, the timeline in the centre, every actor's listing, the inspector,
// the output and the charts, all showing one TraceView (the run's trace and the step under the cursor).
// The engine runs on the Controller's thread; its reports arrive here as queued plain values, so the
// window never waits for a run.

#include <QMainWindow>
#include <QPointer>

#include <memory>

#include "cli/RunSetup.h"
#include "gui/TraceView.h"
#include "lockstep/Controller.h"

class QAction;
class QActionGroup;
class QLabel;
class QProgressBar;
class QSlider;
class QTimer;
class QToolButton;

namespace lockstep::timeline {
class TimelineWidget;
}

namespace lockstep::app {

class ChartsPanel;
class CodeView;
class ExplorePanel;
class Inspector;
class Output;
class ScenarioBrowser;

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

    // For tests and the --screenshot option.
    const TraceView& view() const { return view_; }
    void waitForEngine();  // until every command sent to the engine is done and its reports are shown
    timeline::TimelineWidget* timeline() const { return timeline_; }
    CodeView* codeView() const { return code_; }
    Inspector* inspector() const { return inspector_; }
    Output* output() const { return output_; }
    ChartsPanel* charts() const { return charts_; }
    ScenarioBrowser* browser() const { return browser_; }
    ExplorePanel* explorePanel() const { return explore_; }

public slots:
    void stepForward();
    void stepBack();
    void restart();
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
    void retranslateUi();
    void onReport(const ControllerReport& report);
    void onActorChosen(ActorId actor);
    void updateViews();
    void updateStatus();
    static QString statusText(RunStatus status);
    void stopPlaying();
    void exportTimeline();
    void exportChart();
    void exportTrace();
    void showError(const QString& title, const QString& message);
    void saveSettings() const;
    void restoreSettings();
    std::vector<ActorId> candidatesAt(std::uint32_t step) const;

    std::unique_ptr<Controller> controller_;
    RunSetup setup_;
    TraceView view_;
    bool followLive_ = true;   // the cursor moves with the engine until the user steps back
    bool busy_ = false;        // a command is running on the engine
    std::shared_ptr<const Trace> shownTrace_;  // the trace the charts were last opened on
    bool readyQueueOpened_ = false;            // the charts were switched to the ready queue for shownTrace_
    QString language_;

    timeline::TimelineWidget* timeline_ = nullptr;
    CodeView* code_ = nullptr;
    Inspector* inspector_ = nullptr;
    Output* output_ = nullptr;
    ChartsPanel* charts_ = nullptr;
    ScenarioBrowser* browser_ = nullptr;
    ExplorePanel* explore_ = nullptr;
    std::vector<QDockWidget*> docks_;

    QMenu* fileMenu_ = nullptr;
    QMenu* runMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
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
    QAction* exportTimelineAction_ = nullptr;
    QAction* exportChartAction_ = nullptr;
    QAction* exportTraceAction_ = nullptr;
    QAction* findAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
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
