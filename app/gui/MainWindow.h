#pragma once
// The first window: pick a scenario, read its description and listing, step or run it, see each thread's
// state and the printed output. The timeline, inspector and charts come with the GUI issue.

#include <QMainWindow>
#include <QPointer>

#include <memory>

#include "cli/RunSetup.h"
#include "lockstep/Controller.h"

class QTreeWidget;
class QTextBrowser;
class QPlainTextEdit;
class QLabel;
class QAction;

namespace lockstep::app {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;
    // Load a scenario with its run settings and advance it `steps` steps.
    void load(const RunSetup& setup, int steps);

private:
    void buildUi();
    void selectScenario(const QString& id);
    void onReport(const ControllerReport& report);
    void showState();

    std::unique_ptr<Controller> controller_;
    RunSetup setup_;
    std::shared_ptr<const Trace> trace_;
    std::uint64_t generation_ = 0;
    bool ended_ = false;
    QTreeWidget* scenarios_ = nullptr;
    QTextBrowser* description_ = nullptr;
    QPlainTextEdit* listing_ = nullptr;
    QPlainTextEdit* threads_ = nullptr;
    QPlainTextEdit* output_ = nullptr;
    QLabel* status_ = nullptr;
    QAction* stepAction_ = nullptr;
    QAction* runAction_ = nullptr;
    QAction* pauseAction_ = nullptr;
};

}  // namespace lockstep::app
