#pragma once
// Schedule exploration in the window: pick a strategy, run many schedules of the loaded scenario on a
// background thread (progress bar, Cancel; the window stays responsive), then see the outcomes as a
// histogram. Clicking a bar asks for that outcome's schedule to be replayed in the main view.
//
// Bars are each outcome's share of the schedules the search ran, in percent, and a caption under the chart says
// what those schedules were (every distinct one, or a random sample) and that a share is not a probability: a
// learner reads bar lengths as "how often this happens", which no search over schedules can tell. The bar of the
// outcome the threads give run one after the other (what a learner expects without concurrency) is outlined.

#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

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
class QGraphicsSimpleTextItem;

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
    // What the bars' numbers are shares of, under the chart.
    QLabel* captionLabel() const { return caption_; }
    // The category label of outcome `index` as the histogram shows it.
    QString outcomeLabel(int index) const;
    // The text at the end of outcome `index`'s bar: its share and its count.
    QString barLabel(int index) const;
    // The index of the outcome the threads run one after the other give, in result().outcomes; -1 when no schedule
    // explored ends that way or that run was not made (a cancelled search).
    int oneAfterAnotherOutcome() const { return oneAfterAnotherIndex_; }
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
    QString captionText() const;
    QString captionDetail() const;
    QString describe(const ExploreOutcome& o) const;
    QString percent(double share) const;
    int outcomesCounted() const;
    void placeBarLabels();
    void sortOutcomes();
    void updateEnabled();

    const scenarios::Scenario* scenario_ = nullptr;
    const scenarios::Scenario* explored_ = nullptr;  // the scenario of the search shown
    RunConfig config_;
    ExploreResult result_;
    ExploreOptions searched_;  // the options of the search shown, for the caption
    // How the run ends with the threads one after the other (nullopt: not known), and its bar (-1: none).
    std::optional<ExploreOutcome> oneAfterAnother_;
    int oneAfterAnotherIndex_ = -1;
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
    QLabel* caption_ = nullptr;
    // The share and count at the end of each bar, one per row of the chart (bottom row first); children of the
    // chart, placed again whenever its plot area changes.
    std::vector<QGraphicsSimpleTextItem*> barLabels_;
};

}  // namespace lockstep::app
