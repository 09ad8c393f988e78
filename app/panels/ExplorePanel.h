#pragma once
// Schedule exploration in the window: pick a strategy, run many schedules of the loaded scenario on a
// background thread (progress bar, Cancel; the window stays responsive), then see the outcomes as a
// histogram. Clicking a bar asks for that outcome's schedule to be replayed in the main view.

#include <QWidget>

#include <atomic>
#include <memory>
#include <thread>

#include "lockstep/Explorer.h"
#include "lockstep/RunConfig.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QChartView;
class QBarSet;

namespace lockstep::scenarios {
struct Scenario;
}

namespace lockstep::app {

class ExplorePanel : public QWidget {
    Q_OBJECT
public:
    explicit ExplorePanel(QWidget* parent = nullptr);
    ~ExplorePanel() override;  // cancels a running search and joins its thread

    // The scenario and settings the next search explores (the main view's current run).
    void setTarget(const scenarios::Scenario* scenario, const RunConfig& config);
    // Start a search with the options in the panel; does nothing while one runs or without a target.
    void start();
    void cancel();
    bool running() const { return worker_.joinable(); }

    // For tests: the last result, the chart and the options' widgets.
    const ExploreResult& result() const { return result_; }
    QChartView* chartView() const { return chartView_; }
    QComboBox* strategyBox() const { return strategy_; }
    QSpinBox* runsBox() const { return runs_; }
    QSpinBox* boundBox() const { return bound_; }
    QLabel* summaryLabel() const { return summary_; }
    // The category label of outcome `index` as the histogram shows it.
    QString outcomeLabel(int index) const;
    // What clicking the bar of outcome `index` does.
    void replayOutcome(int index);

signals:
    // The replay token of the outcome whose bar was clicked.
    void replayRequested(const QString& token);
    void finished();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void onProgress(int done);
    void onFinished();
    void showResult();
    void sortOutcomes();
    void updateEnabled();

    const scenarios::Scenario* scenario_ = nullptr;
    const scenarios::Scenario* explored_ = nullptr;  // the scenario of the search shown
    RunConfig config_;
    ExploreResult result_;
    std::thread worker_;
    std::atomic<bool> cancelRequested_{false};
    std::atomic<int> lastShownProgress_{0};
    int maxRuns_ = 0;

    QLabel* targetLabel_ = nullptr;
    QLabel* strategyLabel_ = nullptr;
    QComboBox* strategy_ = nullptr;
    QLabel* runsLabel_ = nullptr;
    QSpinBox* runs_ = nullptr;
    QLabel* boundLabel_ = nullptr;
    QSpinBox* bound_ = nullptr;
    QCheckBox* reduction_ = nullptr;
    QPushButton* startButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* summary_ = nullptr;
    QChartView* chartView_ = nullptr;
};

}  // namespace lockstep::app
