#include "panels/ChartsPanel.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <QEvent>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QSvgGenerator>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "panels/ComparisonJob.h"
#include "style/OkabeIto.h"
#include "style/Palette.h"
#include "style/StateNames.h"

namespace lockstep::app {

namespace {

constexpr QSize kExportSize(960, 600);  // used when the chart is not on screen to give its own size

// Integer ticks for counts (items, slots): about ten of them, never a fractional step.
void countAxis(QValueAxis* axis, double maximum) {
    const double top = std::max(1.0, maximum);
    axis->setRange(0, top);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(std::max(1.0, std::ceil(top / 10.0)));
}

// Step numbers: ticks at round steps (0, 2000, 4000...), about eight of them; a tick between two steps would be
// labelled with a step that is not there.
void stepAxis(QValueAxis* axis, double steps) {
    const double top = std::max(1.0, steps);
    const double raw = top / 8.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(raw, 1.0))));
    double interval = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= raw) {
            interval = m * magnitude;
            break;
        }
    axis->setRange(0, top);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(std::max(1.0, interval));
}

QLineSeries* stepLine(const ChartData::StepSeries& s, const QColor& color) {
    auto* line = new QLineSeries;
    line->setObjectName(QStringLiteral("data"));
    line->setName(s.name);
    line->replace(QList<QPointF>(s.points.begin(), s.points.end()));
    QPen pen(color);
    pen.setWidthF(2.0);
    line->setPen(pen);
    return line;
}

// Adds a series to a chart made by makeTimeChart and ties it to both of its axes.
void attach(QChart* chart, QAbstractSeries* series) {
    chart->addSeries(series);
    for (QAbstractAxis* axis : chart->axes()) series->attachAxis(axis);
}

}  // namespace

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent) {
    job_ = new ComparisonJob(this);
    connect(job_, &ComparisonJob::progressed, this, [this] { showComparison(); });
    connect(job_, &ComparisonJob::finished, this, [this] { showComparison(); });
    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);
    for (Page& page : pages_) {
        page.stack = new QStackedWidget;
        page.view = new QChartView;
        page.view->setRenderHint(QPainter::Antialiasing);
        page.empty = new QLabel;
        page.empty->setAlignment(Qt::AlignCenter);
        page.empty->setWordWrap(true);
        page.empty->setMargin(12);
        page.stack->addWidget(page.view);
        page.stack->addWidget(page.empty);
        tabs_->addTab(page.stack, QString());
    }
    connect(tabs_->tabBar(), &QTabBar::tabBarClicked, this, [this] { tabPickedByHand_ = true; });
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        startComparisonIfSeen();
        if (tabs_->currentIndex() == GilComparisonChart) showComparison();
    });
    retranslateTabs();
    rebuild();
    tabs_->setTabVisible(GilComparisonChart, false);
    tabs_->setTabVisible(ReadyQueueChart, false);
    showComparison();
}

ChartsPanel::~ChartsPanel() = default;

QString ChartsPanel::chartTitle(int index) const {
    switch (index) {
        case QueueLengthChart: return tr("Queue length over time");
        case SemaphoreChart: return tr("Semaphore occupancy over time");
        case ActorStatesChart: return tr("Time each thread spent in each state");
        case CoreUtilisationChart: return tr("Core utilisation");
        case ReadyQueueChart: return tr("Event loop's ready queue by step");
        case GilComparisonChart: return tr("Elapsed time by threads, GIL and cores");
        default: return QString();
    }
}

int ChartsPanel::currentChart() const { return tabs_->currentIndex(); }

void ChartsPanel::setCurrentChart(int index) {
    if (index >= 0 && index < ChartCount) tabs_->setCurrentIndex(index);
}

QChart* ChartsPanel::chart(int index) const {
    if (index < 0 || index >= ChartCount) return nullptr;
    return pages_[static_cast<std::size_t>(index)].view->chart();
}

bool ChartsPanel::isChartEmpty(int index) const {
    if (index < 0 || index >= ChartCount) return true;
    const Page& page = pages_[static_cast<std::size_t>(index)];
    return page.stack->currentWidget() == page.empty;
}

bool ChartsPanel::isChartAvailable(int index) const { return index >= 0 && index < ChartCount && tabs_->isTabVisible(index); }

QString ChartsPanel::emptyMessage(int index) const {
    if (!isChartEmpty(index)) return QString();
    return pages_[static_cast<std::size_t>(index)].empty->text();
}

void ChartsPanel::setView(const TraceView& view) {
    view_ = view;
    updateComparison();
    const Trace* trace = view.trace.get();
    const std::uint32_t steps = trace ? trace->stepCount() : 0;
    // Charts summarise the whole run so far; only new steps (or the end, which fixes the end time) change
    // them. Rebuilding on every cursor move would redo the whole analysis for nothing.
    if (trace != builtTrace_ || steps != builtSteps_ || view.ended != builtEnded_ || view.config.cores != builtCores_ ||
        view.showInternals != builtInternals_) {
        if (trace != builtTrace_) tabPickedByHand_ = false;
        builtTrace_ = trace;
        builtSteps_ = steps;
        builtEnded_ = view.ended;
        builtCores_ = view.config.cores;
        builtInternals_ = view.showInternals;
        rebuild();
    } else {
        moveCursor();
    }
}

void ChartsPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    startComparisonIfSeen();
}

void ChartsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateTabs();
        rebuild();  // titles, axis titles, set names and empty messages are all made in rebuild()...
        showComparison();  // ...and in showComparison(), from the results already there
    }
    QWidget::changeEvent(event);
}

void ChartsPanel::retranslateTabs() {
    tabs_->setTabText(QueueLengthChart, tr("Queues"));
    tabs_->setTabText(SemaphoreChart, tr("Semaphores"));
    tabs_->setTabText(ActorStatesChart, tr("States"));
    tabs_->setTabText(CoreUtilisationChart, tr("Cores"));
    tabs_->setTabText(ReadyQueueChart, tr("Ready queue"));
    tabs_->setTabText(GilComparisonChart, tr("GIL"));
    for (int i = 0; i < ChartCount; ++i) tabs_->setTabToolTip(i, chartTitle(i));
}

void ChartsPanel::rebuild() {
    data_ = view_.model ? ChartData::fromModel(*view_.model, view_.config.cores, view_.showInternals) : ChartData{};
    if (!view_.model) {
        const QString none = tr("Load a scenario to see its charts.");
        for (int i = 0; i < GilComparisonChart; ++i) showChart(i, nullptr, none);
        tabs_->setTabVisible(ReadyQueueChart, false);
        cursorSeconds_ = 0;
        return;
    }
    QString empty;
    QChart* c = makeQueueChart(empty);
    showChart(QueueLengthChart, c, empty);
    c = makeSemaphoreChart(empty);
    showChart(SemaphoreChart, c, empty);
    c = makeStatesChart(empty);
    showChart(ActorStatesChart, c, empty);
    c = makeCoresChart(empty);
    showChart(CoreUtilisationChart, c, empty);
    c = makeReadyQueueChart(empty);
    showChart(ReadyQueueChart, c, empty);
    tabs_->setTabVisible(ReadyQueueChart, data_.hasEventLoop);
    showAChartThatApplies();
    moveCursor();
}

void ChartsPanel::showAChartThatApplies() {
    if (tabPickedByHand_) return;
    const auto shows = [this](int i) {
        const Page& page = pages_[static_cast<std::size_t>(i)];
        return tabs_->isTabVisible(i) && page.stack->currentWidget() == page.view;
    };
    // The most specific chart first: a run's queues or semaphores say more than its threads' states.
    for (int i : {int(QueueLengthChart), int(SemaphoreChart), int(ReadyQueueChart), int(ActorStatesChart),
                  int(CoreUtilisationChart)})
        if (shows(i)) {
            tabs_->setCurrentIndex(i);
            return;
        }
    // Nothing to draw yet (no virtual time has passed): the states chart, which every run with threads comes
    // to, says why it is empty; "this scenario has no queue" would say nothing about this run.
    tabs_->setCurrentIndex(ActorStatesChart);
}

void ChartsPanel::showChart(int index, QChart* chart, const QString& emptyText) {
    Page& page = pages_[static_cast<std::size_t>(index)];
    if (!chart) {
        // Keep an empty chart in the view so chart() is never a dangling pointer to a deleted one.
        chart = new QChart;
        chart->setTitle(chartTitle(index));
        page.cursor = nullptr;
    }
    QChart* old = page.view->chart();
    page.view->setChart(chart);  // the view releases the old chart without deleting it
    delete old;
    page.empty->setText(emptyText);
    page.stack->setCurrentWidget(emptyText.isEmpty() ? static_cast<QWidget*>(page.view) : page.empty);
}

namespace {

// Labels of a seconds axis with enough decimals to tell its ticks apart: a run of 3 ms reads 0.0007, 0.0014...
// rather than 0.00 at every tick.
QString secondsFormat(double maxSeconds) {
    int decimals = 2;
    if (maxSeconds > 0) decimals = std::clamp(static_cast<int>(std::ceil(-std::log10(maxSeconds))) + 1, 2, 7);
    return QStringLiteral("%.%1f").arg(decimals);
}

}  // namespace

QChart* ChartsPanel::makeTimeChart(int index, double yMax, const QString& yTitle) {
    auto* chart = new QChart;
    chart->setTitle(chartTitle(index));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* x = new QValueAxis;
    x->setTitleText(tr("virtual time (s)"));
    x->setRange(0, std::max(data_.endSeconds, 1e-3));
    x->applyNiceNumbers();  // ticks at 0.5 s rather than at 0.675 s; the range may grow a little past the end
    x->setLabelFormat(secondsFormat(x->max()));
    auto* y = new QValueAxis;
    y->setTitleText(yTitle);
    countAxis(y, yMax);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    addCursor(index, y->max(), false);
    return chart;
}

void ChartsPanel::addCursor(int index, double yTop, bool stepAxis) {
    // The cursor is a two-point series on the same axes, so it moves with zoom and export for free.
    Page& page = pages_[static_cast<std::size_t>(index)];
    page.cursor = new QLineSeries;
    page.cursor->setObjectName(QStringLiteral("cursor"));
    page.cursor->setName(tr("cursor"));
    QPen pen(style::OkabeIto::black());
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.5);
    page.cursor->setPen(pen);
    page.cursorTop = yTop;
    page.stepAxis = stepAxis;
}

QChart* ChartsPanel::makeQueueChart(QString& emptyText) {
    emptyText.clear();
    if (data_.queues.empty()) {
        emptyText = tr("This scenario has no queue.");
        pages_[QueueLengthChart].cursor = nullptr;
        return nullptr;
    }
    double top = 1;
    for (const auto& q : data_.queues) top = std::max({top, double(q.maximum), double(q.capacity)});
    QChart* chart = makeTimeChart(QueueLengthChart, top, tr("items in the queue"));
    int colour = 0;
    for (const auto& q : data_.queues) {
        auto* line = stepLine(q, style::OkabeIto::color(colour++));
        line->setName(q.capacity > 0 ? tr("%1 (maxsize %2)").arg(q.name).arg(q.capacity)
                                     : tr("%1 (unbounded)").arg(q.name));
        attach(chart, line);
    }
    attach(chart, pages_[QueueLengthChart].cursor);
    for (QLegendMarker* m : chart->legend()->markers(pages_[QueueLengthChart].cursor)) m->setVisible(false);
    return chart;
}

QChart* ChartsPanel::makeSemaphoreChart(QString& emptyText) {
    emptyText.clear();
    if (data_.semaphores.empty()) {
        emptyText = tr("This scenario has no semaphore.");
        pages_[SemaphoreChart].cursor = nullptr;
        return nullptr;
    }
    double top = 1;
    for (const auto& s : data_.semaphores) top = std::max({top, double(s.maximum), double(s.capacity)});
    QChart* chart = makeTimeChart(SemaphoreChart, top, tr("slots taken"));
    int colour = 0;
    std::vector<QAbstractSeries*> capacities;
    for (const auto& s : data_.semaphores) {
        const QColor c = style::OkabeIto::color(colour++);
        auto* line = stepLine(s, c);
        // "value" as in Python's Semaphore(value=3): the number of slots it starts with.
        line->setName(tr("%1 (value %2)").arg(s.name).arg(s.capacity));
        attach(chart, line);
        // The initial value drawn as a dashed ceiling: a learner sees at once that the line never crosses it.
        auto* capacity = new QLineSeries;
        capacity->setObjectName(QStringLiteral("capacity"));
        capacity->append(0, double(s.capacity));
        capacity->append(std::max(data_.endSeconds, 1e-3), double(s.capacity));
        QPen pen(c);
        pen.setStyle(Qt::DotLine);
        capacity->setPen(pen);
        attach(chart, capacity);
        capacities.push_back(capacity);
    }
    attach(chart, pages_[SemaphoreChart].cursor);
    capacities.push_back(pages_[SemaphoreChart].cursor);
    for (QAbstractSeries* s : capacities)
        for (QLegendMarker* m : chart->legend()->markers(s)) m->setVisible(false);
    return chart;
}

QChart* ChartsPanel::makeStatesChart(QString& emptyText) {
    emptyText.clear();
    if (data_.actors.empty()) {
        emptyText = tr("No thread has started yet.");
        return nullptr;
    }
    if (data_.endSeconds <= 0) {
        emptyText = tr("No virtual time has passed yet: every state so far lasted zero seconds.");
        return nullptr;
    }
    auto* chart = new QChart;
    chart->setTitle(chartTitle(ActorStatesChart));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* series = new QHorizontalStackedBarSeries;
    series->setObjectName(QStringLiteral("data"));
    struct Part {
        ActorState state;
        double ChartData::ActorTimes::*field;
    };
    // Every state in its own colour, the timeline's: computing (blue there) is not folded into running (green).
    const Part parts[] = {
        {ActorState::Running, &ChartData::ActorTimes::running},
        {ActorState::Computing, &ChartData::ActorTimes::computing},
        {ActorState::Ready, &ChartData::ActorTimes::ready},
        {ActorState::Blocked, &ChartData::ActorTimes::blocked},
        {ActorState::Sleeping, &ChartData::ActorTimes::sleeping},
        {ActorState::NotStarted, &ChartData::ActorTimes::notStarted},
        {ActorState::Done, &ChartData::ActorTimes::done},
    };
    // Most runs never compute: no computing entry in their legend.
    const bool computes = std::any_of(data_.actors.begin(), data_.actors.end(),
                                      [](const ChartData::ActorTimes& t) { return t.computing > 0; });
    // Bars are laid out bottom-up; the actors go in reverse so the main thread is on top, as in the timeline.
    QStringList names;
    for (auto it = data_.actors.rbegin(); it != data_.actors.rend(); ++it) names << it->name;
    for (const Part& part : parts) {
        if (part.state == ActorState::Computing && !computes) continue;
        auto* set = new QBarSet(style::StateNames::actor(part.state));
        const QColor color = style::Palette::actorState(part.state);
        set->setColor(color);
        // A thread that has not started has no colour, as on the timeline: its part is an outline.
        set->setBorderColor(color.alpha() == 0 ? style::Palette::muted() : color.darker(130));
        for (auto it = data_.actors.rbegin(); it != data_.actors.rend(); ++it) set->append((*it).*part.field);
        series->append(set);
    }
    chart->addSeries(series);
    auto* actors = new QBarCategoryAxis;
    actors->append(names);
    auto* seconds = new QValueAxis;
    seconds->setTitleText(tr("virtual time (s)"));
    seconds->setRange(0, data_.endSeconds);
    seconds->setLabelFormat(secondsFormat(data_.endSeconds));
    chart->addAxis(actors, Qt::AlignLeft);
    chart->addAxis(seconds, Qt::AlignBottom);
    series->attachAxis(actors);
    series->attachAxis(seconds);
    return chart;
}

QChart* ChartsPanel::makeCoresChart(QString& emptyText) {
    emptyText.clear();
    const bool anyBusy = std::any_of(data_.coreBusy.begin(), data_.coreBusy.end(), [](double b) { return b > 0; });
    if (data_.endSeconds <= 0 || !anyBusy) {
        emptyText = tr("No thread has computed on a core in this run so far: the threads only sleep or wait, "
                       "so every core is idle.");
        return nullptr;
    }
    auto* chart = new QChart;
    chart->setTitle(chartTitle(CoreUtilisationChart));
    chart->legend()->setVisible(false);
    auto* series = new QBarSeries;
    series->setObjectName(QStringLiteral("data"));
    auto* set = new QBarSet(tr("busy"));
    set->setColor(style::OkabeIto::blue());
    QStringList cores;
    for (std::size_t c = 0; c < data_.coreBusy.size(); ++c) {
        cores << tr("core %1").arg(c);
        set->append(100.0 * data_.coreBusy[c]);
    }
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value %"));
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    auto* axisX = new QBarCategoryAxis;
    axisX->append(cores);
    auto* axisY = new QValueAxis;
    axisY->setRange(0, 100);
    axisY->setTitleText(tr("busy (% of the run)"));
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    return chart;
}

QChart* ChartsPanel::makeReadyQueueChart(QString& emptyText) {
    emptyText.clear();
    Page& page = pages_[ReadyQueueChart];
    page.cursor = nullptr;
    if (!data_.hasEventLoop) {
        emptyText = tr("This run has no asyncio event loop.");
        return nullptr;
    }
    auto* chart = new QChart;
    chart->setTitle(chartTitle(ReadyQueueChart));
    chart->legend()->setVisible(false);
    auto* x = new QValueAxis;
    x->setTitleText(tr("step"));
    stepAxis(x, data_.steps);
    auto* y = new QValueAxis;
    y->setTitleText(tr("tasks and callbacks ready to run"));
    countAxis(y, data_.readyQueue.maximum);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto* line = stepLine(data_.readyQueue, style::OkabeIto::blue());
    line->setName(tr("ready queue"));
    attach(chart, line);
    addCursor(ReadyQueueChart, y->max(), true);
    attach(chart, page.cursor);
    return chart;
}

// ---------------------------------------------------------------------------------------------------------
// the comparison of whole runs

bool ChartsPanel::offersComparison() const { return !comparisonKey_.empty(); }

bool ChartsPanel::isComparing() const { return job_->running(); }

const std::vector<scenarios::CompareResult>& ChartsPanel::comparison() const { return job_->results(); }

void ChartsPanel::updateComparison() {
    const scenarios::Scenario* scenario = view_.scenario;
    std::string key;
    if (scenario && scenarios::offersComparison(*scenario)) {
        // Everything the runs share; the thread count, the GIL and the cores are what they vary, so
        // changing those in the window (or stepping, or restarting) does not run the comparison again.
        const RunConfig& c = view_.config;
        key = scenario->id + ' ' + policyName(c.policy) + ' ' + std::to_string(c.seed) + ' ' +
              std::to_string(c.quantum) + ' ' + std::to_string(c.switchInterval) + ' ' + std::to_string(c.maxSteps);
        const scenarios::Params params = scenario->resolve(c.params);
        for (const auto& [k, v] : params.values())
            if (k != scenarios::kThreadsParam) key += ' ' + k + '=' + std::to_string(v);
        // A program's text changes under the same id when it is edited.
        if (!scenario->sourcePath.empty()) key += ' ' + std::to_string(std::hash<std::string>{}(scenario->listing));
    }
    if (key == comparisonKey_) return;
    comparisonKey_ = key;
    tabs_->setTabVisible(GilComparisonChart, !key.empty());
    job_->cancel();
    comparisonPending_ = !key.empty();
    startComparisonIfSeen();
    showComparison();
}

// A program's comparison runs it four more times: it starts only once somebody opens its tab (the GIL
// scenario's, cheap and the point of that scenario, at once).
void ChartsPanel::startComparisonIfSeen() {
    const scenarios::Scenario* scenario = view_.scenario;
    if (!comparisonPending_ || !scenario) return;
    if (!scenario->sourcePath.empty() && (tabs_->currentIndex() != GilComparisonChart || !isVisible())) return;
    comparisonPending_ = false;
    job_->start(*scenario, view_.config, scenarios::standardGrid(*scenario));
}

void ChartsPanel::showComparison() {
    if (!offersComparison()) {
        showChart(GilComparisonChart, nullptr,
                  tr("This comparison is made for the GIL scenario, gil-cpu-bound: load it to compare 1, 2 and 4 "
                     "threads with the GIL on and off, on 1 and on 4 cores."));
        return;
    }
    const bool program = view_.scenario && !view_.scenario->sourcePath.empty();
    if (comparisonPending_) {
        showChart(GilComparisonChart, nullptr,
                  tr("Your program will run with the GIL on and off, on 1 and on 2 cores, to compare how long it "
                     "takes: its code takes CPU time, so the GIL decides whether its threads compute at once."));
        return;
    }
    if (job_->running()) {
        showChart(GilComparisonChart, nullptr,
                  (program ? tr("Computing: your program runs with the GIL on and off, on 1 and on 2 cores. %1 of %2 "
                                "runs done...")
                           : tr("Computing: the scenario runs with 1, 2 and 4 threads, the GIL on and off, on 1 and "
                                "on 4 cores. %1 of %2 runs done..."))
                      .arg(job_->done())
                      .arg(job_->total()));
        return;
    }
    QString empty;
    QChart* chart = makeComparisonChart(empty);
    showChart(GilComparisonChart, chart, empty);
}

QChart* ChartsPanel::makeComparisonChart(QString& emptyText) {
    emptyText.clear();
    const ChartData::ComparisonBars bars = ChartData::comparisonBars(job_->results());
    if (bars.threads.empty() || bars.maximum <= 0) {
        emptyText = tr("The comparison has no run to show.");
        return nullptr;
    }
    auto* chart = new QChart;
    chart->setTitle(chartTitle(GilComparisonChart));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* series = new QBarSeries;
    series->setObjectName(QStringLiteral("data"));
    // One hue, lighter to darker as the thread count grows: the order reads without the legend, and in
    // grey too. (Okabe-Ito's blue and a lighter and a darker shade of it.)
    const QColor shades[] = {QColor(0x9e, 0xca, 0xe1), style::OkabeIto::blue(), QColor(0x08, 0x30, 0x6b)};
    for (std::size_t i = 0; i < bars.threads.size(); ++i) {
        const int n = bars.threads[i];
        auto* set = new QBarSet(n == scenarios::kProgramsOwnThreads ? tr("your program")
                                : n == 1                           ? tr("1 thread")
                                                                   : tr("%n threads", nullptr, n));
        const QColor c = i < std::size(shades) ? shades[i] : style::OkabeIto::color(static_cast<int>(i));
        set->setColor(c);
        set->setBorderColor(c.darker(130));
        set->setLabelColor(style::OkabeIto::black());
        for (double ms : bars.milliseconds[i]) set->append(ms);
        series->append(set);
    }
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(4);  // 407, 100.5
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsAngle(-90);  // upright, a label is wider than its bar and would hide its neighbour's
    chart->addSeries(series);
    // Two lines per group, so four groups fit under a chart as narrow as a dock.
    QStringList groups;
    for (const auto& setting : bars.settings)
        groups << (setting.gil ? tr("GIL on") : tr("GIL off")) + QStringLiteral("<br>") +
                      (setting.cores == 1 ? tr("1 core") : tr("%n cores", nullptr, setting.cores));
    auto* axisX = new QBarCategoryAxis;
    axisX->append(groups);
    auto* axisY = new QValueAxis;
    axisY->setTitleText(tr("elapsed virtual time (ms)"));
    axisY->setRange(0, bars.maximum * 1.3);  // room above the tallest bar for its label
    axisY->applyNiceNumbers();
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    return chart;
}

void ChartsPanel::moveCursor() {
    cursorSeconds_ = view_.model ? ChartData::secondsAtStep(*view_.model, view_.cursor) : 0.0;
    for (Page& page : pages_)
        if (page.cursor) {
            const double x = page.stepAxis ? static_cast<double>(view_.cursor) : cursorSeconds_;
            page.cursor->replace(QList<QPointF>{{x, 0.0}, {x, page.cursorTop}});
        }
}

bool ChartsPanel::exportChart(int index, const QString& path, QString* error) const {
    auto fail = [error](const QString& message) {
        if (error) *error = message;
        return false;
    };
    if (index < 0 || index >= ChartCount) return fail(tr("There is no chart number %1.").arg(index));
    if (isChartEmpty(index))
        return fail(tr("The chart \"%1\" has nothing to show: %2").arg(chartTitle(index), emptyMessage(index)));
    QChartView* view = pages_[static_cast<std::size_t>(index)].view;
    // On screen the export looks like the view. A chart on a hidden tab (or a panel never shown) has no size
    // of its own, and a hidden view defers its resize until it is shown, so the chart is laid out at the
    // export size directly and its scene drawn, then given its old geometry back.
    const bool onScreen = view->isVisible() && !view->size().isEmpty();
    const QSize size = onScreen ? view->size() : kExportSize;
    auto draw = [view, onScreen, size](QPainter& painter) {
        if (onScreen) {
            view->render(&painter);
            return;
        }
        QChart* chart = view->chart();
        const QRectF old = chart->geometry();
        const QRectF target(QPointF(0, 0), QSizeF(size));
        chart->setGeometry(target);
        if (chart->layout()) chart->layout()->activate();
        chart->scene()->render(&painter, target, target);
        chart->setGeometry(old);
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(chartTitle(index));
        svg.setDescription(tr("Exported from Lockstep"));
        QPainter painter;
        if (!painter.begin(&svg)) return fail(tr("Cannot write \"%1\".").arg(path));
        draw(painter);
        painter.end();
        if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
            return fail(tr("Cannot write \"%1\".").arg(path));
        return true;
    }
    if (suffix != QLatin1String("png"))
        return fail(tr("Unknown image format \"%1\": use a file name ending in .png or .svg.").arg(suffix));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        draw(painter);
    }
    if (!image.save(path, "PNG")) return fail(tr("Cannot write \"%1\".").arg(path));
    return true;
}

}  // namespace lockstep::app
