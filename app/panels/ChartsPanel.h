#pragma once
// Charts computed from a run's trace: queue length and semaphore occupancy over virtual time, the time each
// actor spent in each state, and how busy each virtual core was. For the GIL scenarios one more tab
// compares whole runs: the elapsed virtual time with 1, 2 and 4 threads, GIL on and off, on 1 and 4 cores,
// computed on a thread of its own (ComparisonJob) while the tab says it is computing. Runs with an asyncio
// event loop get a tab with the loop's ready queue by step. The time charts carry a vertical line at
// the virtual time of the cursor's step (the ready queue at the step itself), so the charts follow the
// timeline as the learner steps.
//
// The series are rebuilt only when the trace has grown or ended (a cursor move only shifts the line), and
// every chart without data shows a sentence saying why instead of empty axes.

#include <QString>
#include <QWidget>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "view/TraceView.h"
#include "panels/ChartData.h"

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QStackedWidget;
class QTabWidget;

namespace lockstep::app {

class ComparisonJob;

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    enum ChartIndex {
        QueueLengthChart,
        SemaphoreChart,
        ActorStatesChart,
        CoreUtilisationChart,
        ReadyQueueChart,     // asyncio: its tab is shown only for runs with an event loop
        GilComparisonChart,  // its tab is shown only for scenarios that offer the comparison
        ChartCount
    };

    explicit ChartsPanel(QWidget* parent = nullptr);
    ~ChartsPanel() override;

    void setView(const TraceView& view);

    int chartCount() const { return ChartCount; }
    QString chartTitle(int index) const;
    int currentChart() const;
    void setCurrentChart(int index);
    // Writes chart `index` as PNG or SVG, chosen by the file's extension. On failure returns false with
    // `error` (when given) saying what went wrong; an empty chart is not exported.
    bool exportChart(int index, const QString& path, QString* error) const;

    // For tests and the export dialog: the chart (null before the first view), whether it shows its empty
    // message, that message, and the numbers it was drawn from.
    QChart* chart(int index) const;
    bool isChartEmpty(int index) const;
    QString emptyMessage(int index) const;
    // Whether the chart's tab is shown at all (the ready queue only for runs with an event loop, the GIL
    // comparison only for the scenario that offers it).
    bool isChartAvailable(int index) const;
    const ChartData& data() const { return data_; }
    // Virtual time (seconds) the cursor line marks.
    double cursorSeconds() const { return cursorSeconds_; }
    // The comparison: whether the shown scenario offers it, whether its runs are still going on, and the
    // results its chart was drawn from (empty until they arrive).
    bool offersComparison() const;
    bool isComparing() const;
    const std::vector<scenarios::CompareResult>& comparison() const;

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;  // a dock shown with the GIL tab current starts its comparison

private:
    struct Page {
        QStackedWidget* stack = nullptr;
        QChartView* view = nullptr;
        QLabel* empty = nullptr;
        QLineSeries* cursor = nullptr;  // time charts only
        double cursorTop = 1.0;
        bool stepAxis = false;          // the cursor marks the step, not its time
    };

    void rebuild();
    void retranslateTabs();
    void showChart(int index, QChart* chart, const QString& emptyText);
    QChart* makeQueueChart(QString& emptyText);
    QChart* makeSemaphoreChart(QString& emptyText);
    QChart* makeStatesChart(QString& emptyText);
    QChart* makeCoresChart(QString& emptyText);
    QChart* makeReadyQueueChart(QString& emptyText);
    QChart* makeTimeChart(int index, double yMax, const QString& yTitle);
    void addCursor(int index, double yTop, bool stepAxis);
    void moveCursor();
    void updateComparison();
    void startComparisonIfSeen();
    void showComparison();
    QChart* makeComparisonChart(QString& emptyText);

    QTabWidget* tabs_ = nullptr;
    std::array<Page, ChartCount> pages_{};
    TraceView view_;
    ChartData data_;
    // What the charts were built from: a new trace, more steps or the end of the run rebuild them.
    const Trace* builtTrace_ = nullptr;
    // A run opens on a chart that applies to it: until the learner picks a tab by hand in this run, the tab on
    // show is the first with something to show of queues, semaphores, ready queue, states, cores.
    bool tabPickedByHand_ = false;
    void showAChartThatApplies();
    std::uint32_t builtSteps_ = 0;
    bool builtEnded_ = false;
    int builtCores_ = 0;
    bool builtInternals_ = false;
    double cursorSeconds_ = 0;
    ComparisonJob* job_ = nullptr;
    // What the comparison was started for: the scenario and every setting its runs share. Empty when the
    // shown scenario offers no comparison.
    std::string comparisonKey_;
    bool comparisonPending_ = false;  // a comparison to run once its tab is seen (startComparisonIfSeen)
};

}  // namespace lockstep::app
