#include "panels/ExplorePanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QCursor>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QBarLegendMarker>
#include <QtCharts/QValueAxis>

#include <chrono>
#include <cmath>

#include "lockstep/scenarios/Scenario.h"
#include "style/Palette.h"
#include "view/OneAfterAnother.h"
#include "view/StoryText.h"

namespace lockstep::app {

namespace {

QString statusWord(RunStatus s) {
    switch (s) {
        case RunStatus::Finished: return ExplorePanel::tr("finished");
        case RunStatus::Deadlock: return ExplorePanel::tr("deadlock");
        case RunStatus::Stuck: return ExplorePanel::tr("stuck");
        case RunStatus::StepLimit: return ExplorePanel::tr("step limit");
        case RunStatus::TraceLimit: return ExplorePanel::tr("trace full");
        case RunStatus::Error: return ExplorePanel::tr("error");
        case RunStatus::Aborted: return ExplorePanel::tr("aborted");
        case RunStatus::Crashed: return ExplorePanel::tr("crashed");
        case RunStatus::Frozen: return ExplorePanel::tr("frozen");
        default: return QString::fromUtf8(runStatusName(s).data());
    }
}

}  // namespace

ExplorePanel::ExplorePanel(QWidget* parent) : QWidget(parent) {
    targetLabel_ = new QLabel(this);
    targetLabel_->setWordWrap(true);
    strategy_ = new QComboBox(this);
    for (int i = 0; i < 3; ++i) strategy_->addItem(QString(), i);
    // The strategies' names are long in Russian; sized by its longest name the combo made the panel (and the
    // whole right column it shares) so wide that the code view was left 170 px at 1366 px.
    strategy_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    strategy_->setMinimumContentsLength(12);
    runs_ = new QSpinBox(this);
    runs_->setRange(1, 1'000'000);
    runs_->setValue(1000);
    runs_->setGroupSeparatorShown(true);
    bound_ = new QSpinBox(this);
    bound_->setRange(-1, 20);
    bound_->setValue(-1);
    reduction_ = new QCheckBox(this);
    reduction_->setChecked(true);
    startButton_ = new QPushButton(this);
    startButton_->setDefault(true);
    cancelButton_ = new QPushButton(this);
    progress_ = new QProgressBar(this);
    progress_->setTextVisible(true);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::PlainText);
    chartView_ = new QChartView(this);
    chartView_->setRenderHint(QPainter::Antialiasing);
    chartView_->setMinimumHeight(110);
    chartView_->setChart(new QChart);
    caption_ = new QLabel(this);
    caption_->setWordWrap(true);
    caption_->setTextFormat(Qt::PlainText);

    strategyLabel_ = new QLabel(this);
    runsLabel_ = new QLabel(this);
    boundLabel_ = new QLabel(this);
    // Compact: the options take three short rows so the histogram gets the height.
    auto* options = new QGridLayout;
    options->addWidget(strategyLabel_, 0, 0);
    options->addWidget(strategy_, 0, 1);
    // One option a row: side by side, the Russian labels made the panel (and the column it shares with the
    // inspector) wider than a laptop can give.
    options->addWidget(runsLabel_, 1, 0);
    options->addWidget(runs_, 1, 1);
    options->addWidget(boundLabel_, 2, 0);
    options->addWidget(bound_, 2, 1);
    options->addWidget(reduction_, 3, 0, 1, 2);
    options->setColumnStretch(1, 1);
    options->setColumnStretch(1, 2);
    options->setColumnStretch(3, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(startButton_);
    buttons->addWidget(cancelButton_);
    buttons->addWidget(progress_, 1);
    // The chart's minimum is low: at 1366x768 the dock is short, and a panel squeezed below its minimum drew
    // the caption over the chart's axis.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(targetLabel_);
    layout->addLayout(options);
    layout->addLayout(buttons);
    layout->addWidget(summary_);
    layout->addWidget(chartView_, 1);
    layout->addWidget(caption_);

    connect(startButton_, &QPushButton::clicked, this, &ExplorePanel::start);
    connect(cancelButton_, &QPushButton::clicked, this, &ExplorePanel::cancel);
    connect(strategy_, &QComboBox::currentIndexChanged, this, &ExplorePanel::updateEnabled);
    retranslateUi();
    updateEnabled();
}

ExplorePanel::~ExplorePanel() {
    cancelRequested_.store(true);
    if (worker_.joinable()) worker_.join();
}

void ExplorePanel::setTarget(const scenarios::Scenario* scenario, const RunConfig& config) {
    scenario_ = scenario;
    config_ = config;
    config_.schedule.clear();  // the search makes its own choices
    retranslateUi();
    updateEnabled();
}

void ExplorePanel::start() {
    if (running() || !scenario_) return;
    ExploreOptions options;
    options.strategy = static_cast<ExploreStrategy>(strategy_->currentData().toInt());
    options.maxRuns = runs_->value();
    options.maxPreemptions = bound_->value();
    options.partialOrderReduction = reduction_->isChecked();
    options.seed = config_.seed;
    options.cancel = &cancelRequested_;  // Cancel, or closing the window, stops even a long run at once
    maxRuns_ = options.maxRuns;
    cancelRequested_.store(false);
    lastShownProgress_.store(0);
    progress_->setRange(0, options.maxRuns);
    progress_->setValue(0);
    progress_->setFormat(tr("%v of at most %m runs"));
    summary_->setText(tr("Exploring..."));
    const scenarios::Scenario* s = scenario_;
    explored_ = s;
    const scenarios::Params params = s->resolve(config_.params);
    const RunConfig config = config_;
    // The search runs on a thread of its own, with its own worker pool, so the window keeps painting and
    // the main view's run is untouched. It reports progress at most every 50 ms and stops within the run it
    // is in when Cancel is pressed.
    worker_ = std::thread([this, s, params, config, options] {
        WorkerPool pool;
        Explorer explorer(pool);
        if (s->openElsewhere) explorer.useOpener(s->openElsewhere);  // each run of a program is a runner's child
        auto lastPost = std::chrono::steady_clock::now();
        auto result = std::make_shared<ExploreResult>(explorer.explore(
            s->id, [s, params] { s->main(params); }, config, options, [this, &lastPost](int done) {
                const auto now = std::chrono::steady_clock::now();
                if (now - lastPost >= std::chrono::milliseconds(50)) {
                    lastPost = now;
                    QMetaObject::invokeMethod(this, [this, done] { onProgress(done); }, Qt::QueuedConnection);
                }
                return !cancelRequested_.load();
            }));
        // The outcome a learner expects without concurrency, for its bar to be marked: one more run, each thread
        // to completion before the next starts, cheap beside the search. Not made for a cancelled search.
        auto sequential = std::make_shared<std::optional<ExploreOutcome>>();
        if (!result->cancelled && !cancelRequested_.load())
            if (const std::unique_ptr<Trace> trace = runOneAfterAnother(pool, *s, config, &cancelRequested_))
                *sequential = exploreOutcomeOf(*trace);
        QMetaObject::invokeMethod(
            this,
            [this, result, sequential, options] {
                result_ = std::move(*result);
                searched_ = options;
                searched_.cancel = nullptr;
                oneAfterAnother_ = std::move(*sequential);
                sortOutcomes();
                // After sorting: the index is into the outcomes as the bars show them.
                oneAfterAnotherIndex_ = oneAfterAnother_ ? findExploreOutcome(result_, oneAfterAnother_->key) : -1;
                onFinished();
            },
            Qt::QueuedConnection);
    });
    updateEnabled();
}

void ExplorePanel::cancel() {
    if (!running()) return;
    cancelRequested_.store(true);
    summary_->setText(tr("Cancelling..."));
}

void ExplorePanel::onProgress(int done) {
    if (!running()) return;
    progress_->setValue(std::min(done, maxRuns_));
}

// Bars in reading order: finished runs first, then the other end states; within one, by the values, numbers
// compared as numbers (x=3 above x=10).
void ExplorePanel::sortOutcomes() {
    auto valueLess = [](const std::string& a, const std::string& b) {
        bool okA = false, okB = false;
        const double x = QString::fromStdString(a).toDouble(&okA);
        const double y = QString::fromStdString(b).toDouble(&okB);
        if (okA && okB && x != y) return x < y;
        if (okA != okB) return okA;
        return a < b;
    };
    std::stable_sort(result_.outcomes.begin(), result_.outcomes.end(),
                     [&](const ExploreOutcome& a, const ExploreOutcome& b) {
                         if (a.status != b.status) return a.status < b.status;
                         for (std::size_t k = 0; k < std::min(a.shared.size(), b.shared.size()); ++k) {
                             if (a.shared[k].first != b.shared[k].first) return a.shared[k].first < b.shared[k].first;
                             if (a.shared[k].second != b.shared[k].second)
                                 return valueLess(a.shared[k].second, b.shared[k].second);
                         }
                         return a.shared.size() < b.shared.size();
                     });
}

void ExplorePanel::onFinished() {
    if (worker_.joinable()) worker_.join();  // it has posted its result and is only releasing its threads
    // A search that ended before its budget (exhaustive, or cancelled) fills the bar to what it did.
    progress_->setRange(0, std::max(1, std::min(result_.runs, maxRuns_)));
    progress_->setValue(std::min(result_.runs, maxRuns_));
    showResult();
    updateEnabled();
    emit finished();
}

QString ExplorePanel::describe(const ExploreOutcome& o) const {
    QStringList parts;
    if (o.status != RunStatus::Finished || o.shared.empty()) parts << statusWord(o.status);
    for (const auto& [name, value] : o.shared)
        parts << QString::fromStdString(name) + QLatin1Char('=') + QString::fromStdString(value);
    for (const UncaughtError& e : o.uncaught)
        parts << tr("%1 died of %2").arg(QString::fromStdString(e.thread), QString::fromStdString(e.type));
    return parts.join(QStringLiteral(", "));
}

QString ExplorePanel::outcomeLabel(int index) const {
    if (index < 0 || index >= static_cast<int>(result_.outcomes.size())) return QString();
    return describe(result_.outcomes[static_cast<std::size_t>(index)]);
}

// The runs that ended in an outcome: a run the sleep sets stopped early repeats schedules counted already and
// is in no outcome, so the shares are of this number, not of ExploreResult::runs.
int ExplorePanel::outcomesCounted() const {
    int n = 0;
    for (const ExploreOutcome& o : result_.outcomes) n += o.count;
    return n;
}

QString ExplorePanel::percent(double share) const {
    // In the translation's notation (42,1 % in Russian), whatever the machine's locale.
    return tr("%1%", "a share in percent").arg(StoryText::numberLocale().toString(share, 'f', 1));
}

QString ExplorePanel::barLabel(int index) const {
    if (index < 0 || index >= static_cast<int>(result_.outcomes.size())) return QString();
    const int counted = outcomesCounted();
    const int count = result_.outcomes[static_cast<std::size_t>(index)].count;
    const QString share = percent(counted > 0 ? 100.0 * count / counted : 0);
    const QLocale locale = StoryText::numberLocale();
    if (index == oneAfterAnotherIndex_)
        return tr("%1 (%2 of %3), one after the other").arg(share, locale.toString(count), locale.toString(counted));
    return tr("%1 (%2 of %3)").arg(share, locale.toString(count), locale.toString(counted));
}

void ExplorePanel::replayOutcome(int index) {
    if (index < 0 || index >= static_cast<int>(result_.outcomes.size())) return;
    emit replayRequested(QString::fromStdString(result_.outcomes[static_cast<std::size_t>(index)].replay));
}

void ExplorePanel::showResult() {
    const ExploreResult& r = result_;
    QString why;
    switch (r.limit()) {
        case ExploreResult::Limit::None: break;
        case ExploreResult::Limit::Sampling: why = tr("sampling finds outcomes but proves nothing"); break;
        case ExploreResult::Limit::Error: why = QString::fromStdString(r.error); break;
        case ExploreResult::Limit::Cancelled: why = tr("cancelled"); break;
        case ExploreResult::Limit::Budget: why = tr("the run limit was reached with schedules left; raise it"); break;
        case ExploreResult::Limit::Bound: why = tr("the preemption bound left schedules out"); break;
        case ExploreResult::Limit::StepLimit: why = tr("some runs reached the step limit"); break;
    }
    const QString head = tr("Schedules run: %1. Distinct outcomes: %2.").arg(r.runs).arg(r.outcomes.size());
    summary_->setText(r.exhaustive ? head + QLatin1Char(' ') +
                                         tr("Exhaustive: these are all the outcomes this scenario can have.")
                                   : head + QLatin1Char(' ') + tr("Not exhaustive: %1.").arg(why));

    progress_->setFormat(tr("%v runs"));
    auto* chart = new QChart;
    // The scenario is named: the main view may have moved on to another one since the search.
    chart->setTitle(tr("Outcomes of %1 (click a bar to replay its schedule)")
                        .arg(explored_ ? QString::fromStdString(explored_->id) : QString()));
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* series = new QHorizontalStackedBarSeries;
    series->setObjectName(QStringLiteral("outcomes"));
    // A horizontal bar chart draws its first category at the bottom; rows go in reverse so the first
    // outcome is on top. rowToOutcome maps a clicked or hovered row back.
    const int n = static_cast<int>(r.outcomes.size());
    auto rowToOutcome = [n](int row) { return n - 1 - row; };
    const int counted = outcomesCounted();
    auto shareOf = [counted](const ExploreOutcome& o) { return counted > 0 ? 100.0 * o.count / counted : 0.0; };
    QStringList categories;
    for (int row = 0; row < n; ++row) categories << outcomeLabel(rowToOutcome(row));
    // One set per end status, each with a value only in its own outcomes' rows: stacked, every row is one
    // bar in its status's colour, and the legend names the colours. The one-after-the-other outcome's bar is a
    // set of its own, in its status's colour with a heavy outline.
    std::vector<RunStatus> statuses;
    for (const ExploreOutcome& o : r.outcomes)
        if (std::find(statuses.begin(), statuses.end(), o.status) == statuses.end()) statuses.push_back(o.status);
    const int marked = oneAfterAnotherIndex_;
    auto addSet = [&](QBarSet* set, auto inSet) {
        for (int row = 0; row < n; ++row) {
            const int index = rowToOutcome(row);
            *set << (inSet(index) ? shareOf(r.outcomes[static_cast<std::size_t>(index)]) : 0.0);
        }
        connect(set, &QBarSet::clicked, this, [this, rowToOutcome](int row) { replayOutcome(rowToOutcome(row)); });
        connect(set, &QBarSet::hovered, this, [this, rowToOutcome](bool on, int row) {
            const int index = rowToOutcome(row);
            if (!on || index < 0 || index >= static_cast<int>(result_.outcomes.size())) {
                QToolTip::hideText();
                return;
            }
            const ExploreOutcome& o = result_.outcomes[static_cast<std::size_t>(index)];
            const int total = outcomesCounted();
            QString text = tr("%1\n%2 of %n schedules explored (%3)", nullptr, total)
                               .arg(outcomeLabel(index), StoryText::numberLocale().toString(o.count),
                                    percent(total > 0 ? 100.0 * o.count / total : 0));
            if (index == oneAfterAnotherIndex_)
                text += QLatin1Char('\n') + tr("The threads run one after the other end this way too.");
            QToolTip::showText(QCursor::pos(), text + QLatin1Char('\n') + tr("Click to replay this schedule in the main view."));
        });
        series->append(set);
    };
    for (RunStatus st : statuses) {
        auto* set = new QBarSet(statusWord(st));
        set->setColor(style::Palette::runStatus(st));
        set->setBorderColor(style::Palette::runStatus(st));
        addSet(set, [&](int index) { return index != marked && r.outcomes[static_cast<std::size_t>(index)].status == st; });
    }
    if (marked >= 0) {
        auto* set = new QBarSet(tr("one after the other"));
        set->setObjectName(QStringLiteral("oneAfterAnother"));
        const QColor fill = style::Palette::runStatus(r.outcomes[static_cast<std::size_t>(marked)].status);
        set->setBrush(fill);
        set->setPen(QPen(style::Palette::oneAfterAnotherOutline(), 3));
        addSet(set, [marked](int index) { return index == marked; });
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    // One colour needs no key. The outline is named by its bar's label and the caption: a legend row would
    // take height the bars need at 1366x768.
    chart->legend()->setVisible(statuses.size() > 1);
    if (marked >= 0)
        for (QLegendMarker* m : chart->legend()->markers(series))
            if (auto* bar = qobject_cast<QBarLegendMarker*>(m); bar && bar->barset()->objectName() == QLatin1String("oneAfterAnother"))
                m->setVisible(false);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(categories);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    // Always 0 to 100: a share is read against the whole, and two searches' charts compare at a glance.
    auto* axisX = new QValueAxis;
    axisX->setTitleText(tr("share of schedules, %"));
    axisX->setRange(0, 100);
    axisX->setTickCount(6);
    axisX->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);

    // The share and count at each bar's end, in the axis labels' font. QtCharts' own bar labels show only the
    // value, and a stacked series labels the empty parts of each row as well.
    barLabels_.clear();
    for (int row = 0; row < n; ++row) {
        auto* label = new QGraphicsSimpleTextItem(barLabel(rowToOutcome(row)), chart);
        label->setFont(axisY->labelsFont());
        label->setZValue(10);
        barLabels_.push_back(label);
    }
    connect(chart, &QChart::plotAreaChanged, this, &ExplorePanel::placeBarLabels);

    QChart* old = chartView_->chart();
    chartView_->setChart(chart);
    delete old;
    caption_->setText(captionText());
    caption_->setToolTip(captionDetail());
    placeBarLabels();
}

// Beyond the end of its bar when the text fits there, else inside the bar's end in the colour that reads on it;
// when it fits neither, on the wider side, cut short with an ellipsis (the bar's tooltip has it whole).
void ExplorePanel::placeBarLabels() {
    QChart* chart = chartView_->chart();
    if (!chart || chart->series().isEmpty() || barLabels_.empty()) return;
    QAbstractSeries* series = chart->series().front();
    const QRectF plot = chart->plotArea();
    const QColor axisText = chart->axes(Qt::Vertical).isEmpty() ? QColor(Qt::black)
                                                                : chart->axes(Qt::Vertical).front()->labelsColor();
    const int n = static_cast<int>(barLabels_.size());
    const int counted = outcomesCounted();
    constexpr qreal kGap = 4;
    for (int row = 0; row < n; ++row) {
        QGraphicsSimpleTextItem* label = barLabels_[static_cast<std::size_t>(row)];
        const int index = n - 1 - row;
        const ExploreOutcome& o = result_.outcomes[static_cast<std::size_t>(index)];
        const double share = counted > 0 ? 100.0 * o.count / counted : 0;
        const QPointF end = chart->mapToPosition(QPointF(share, row), series);
        const QPointF base = chart->mapToPosition(QPointF(0, row), series);
        const QFontMetricsF metrics(label->font());
        const QString text = barLabel(index);
        const qreal width = metrics.horizontalAdvance(text);
        const qreal outside = plot.right() - end.x() - kGap;
        const qreal inside = end.x() - base.x() - 2 * kGap;
        const bool out = width <= outside || (width > inside && outside >= inside);
        label->setText(width <= std::max(outside, inside) ? text
                                                           : metrics.elidedText(text, Qt::ElideRight, std::max(outside, inside)));
        const qreal shown = metrics.horizontalAdvance(label->text());
        label->setBrush(out ? axisText : style::Palette::textOn(style::Palette::runStatus(o.status)));
        label->setPos(out ? end.x() + kGap : end.x() - kGap - shown, end.y() - label->boundingRect().height() / 2);
    }
}

// Short enough for three lines at 1366 px, where the histogram shares the dock's height with the options; the
// caption's tooltip says the rest.
QString ExplorePanel::captionText() const {
    const ExploreResult& r = result_;
    const int n = outcomesCounted();
    QStringList sentences;
    const std::uint64_t firstSeed = searched_.seed;
    const std::uint64_t lastSeed = searched_.seed + static_cast<std::uint64_t>(std::max(0, r.runs - 1));
    switch (r.strategy) {
        case ExploreStrategy::Dfs: {
            const int bound = searched_.maxPreemptions;
            if (n == 1 && r.exhaustive) {
                // One thread, or threads that never could run at the same step (an event loop's tasks): no
                // share to explain, and no "schedules" to count.
                sentences << tr("This is the only schedule: at no step could more than one thread run, so this "
                                "outcome is certain.");
                break;
            }
            if (searched_.partialOrderReduction)
                sentences << (bound >= 0 ? tr("Share of the %n distinct schedules with at most %1 preemption(s) explored "
                                              "(schedules that differ only in the order of independent steps count once).",
                                              nullptr, n)
                                               .arg(bound)
                                         : tr("Share of the %n distinct schedules explored (schedules that differ only "
                                              "in the order of independent steps count once).",
                                              nullptr, n));
            else
                sentences << (bound >= 0 ? tr("Share of the %n schedules with at most %1 preemption(s) explored (every "
                                              "order of the steps counts).",
                                              nullptr, n)
                                               .arg(bound)
                                         : tr("Share of the %n schedules explored (every order of the steps counts).",
                                              nullptr, n));
            const ExploreResult::Limit limit = r.limit();
            if (limit == ExploreResult::Limit::Budget || limit == ExploreResult::Limit::Cancelled ||
                limit == ExploreResult::Limit::Error)
                sentences << tr("The search stopped early: these are shares of the schedules it reached first.");
            sentences << tr("Not a probability: a real OS scheduler favours some schedules.");
            break;
        }
        case ExploreStrategy::Random:
            sentences << (r.runs == 1 ? tr("Share of %n random schedule(s) (seed %1).", nullptr, n).arg(firstSeed)
                                      : tr("Share of %n random schedules (seeds %1 to %2).", nullptr, n)
                                            .arg(firstSeed)
                                            .arg(lastSeed));
            sentences << tr("Not a probability: here every choice is a fair draw, while a real OS scheduler favours "
                            "some schedules.");
            break;
        case ExploreStrategy::Pct:
            sentences << (r.runs == 1 ? tr("Share of %n PCT schedule(s) (seed %1).", nullptr, n).arg(firstSeed)
                                      : tr("Share of %n PCT schedules (seeds %1 to %2).", nullptr, n)
                                            .arg(firstSeed)
                                            .arg(lastSeed));
            sentences << tr("Not a probability: PCT seeks rare orders on purpose, while a real OS scheduler favours "
                            "some schedules.");
            break;
    }
    if (oneAfterAnother_) {
        const QString what = describe(*oneAfterAnother_);
        if (oneAfterAnotherIndex_ >= 0)
            sentences << tr("Outlined: %1, as with the threads run one after the other.").arg(what);
        else if (r.exhaustive)
            sentences << tr("Run one after the other, the threads give %1, which no schedule here gives.").arg(what);
        else
            sentences << tr("Run one after the other, the threads give %1, which no schedule explored gave (one "
                            "left out might).")
                             .arg(what);
    }
    return sentences.join(QLatin1Char(' '));
}

QString ExplorePanel::captionDetail() const {
    QString text = tr("A bar's length counts schedules: every schedule the search ran weighs the same. It does not say "
                      "how often a real computer would end that way; its scheduler runs some orders far more often "
                      "than others.");
    if (oneAfterAnother_)
        text += QLatin1Char('\n') + tr("One after the other: each thread runs to completion before the next starts, "
                                       "the outcome you would expect without concurrency.");
    return text;
}

void ExplorePanel::updateEnabled() {
    const bool busy = running();
    const bool dfs = strategy_->currentData().toInt() == static_cast<int>(ExploreStrategy::Dfs);
    strategy_->setEnabled(!busy);
    runs_->setEnabled(!busy);
    bound_->setEnabled(!busy && dfs);
    reduction_->setEnabled(!busy && dfs);
    startButton_->setEnabled(!busy && scenario_ != nullptr);
    cancelButton_->setEnabled(busy);
}

void ExplorePanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (!running() && result_.runs > 0) showResult();
    }
    QWidget::changeEvent(event);
}

void ExplorePanel::retranslateUi() {
    targetLabel_->setText(scenario_ ? tr("Explores the schedules of: %1")
                                          .arg(QCoreApplication::translate("Scenario", scenario_->title))
                                    : tr("Load a scenario to explore its schedules."));
    strategyLabel_->setText(tr("Strategy:"));
    strategy_->setItemText(0, tr("Systematic (every schedule)"));
    strategy_->setItemText(1, tr("Random"));
    strategy_->setItemText(2, tr("PCT (random priorities)"));
    strategy_->setToolTip(
        tr("Systematic: depth-first over every scheduling decision; says whether it saw every outcome. "
           "For small scenarios.\nRandom: seeded random choices at every decision.\n"
           "PCT: random thread priorities that change a few times per run; good at finding rare "
           "interleavings in large scenarios."));
    runsLabel_->setText(tr("At most:"));
    runs_->setSuffix(tr(" runs"));
    boundLabel_->setText(tr("Preemptions:"));
    bound_->setSpecialValueText(tr("no bound"));
    bound_->setToolTip(tr("Systematic only: at most this many times per run may a thread lose the processor "
                          "while it could go on. Small bounds find most bugs in far fewer runs."));
    reduction_->setText(tr("Skip equivalent schedules"));
    reduction_->setToolTip(tr("Partial-order reduction: schedules that only swap independent steps end the same way, "
                              "so only one of them is run."));
    startButton_->setText(tr("Explore"));
    startButton_->setToolTip(tr("Run many schedules of this scenario and count the outcomes (Ctrl+Shift+E)."));
    cancelButton_->setText(tr("Cancel"));
    if (!running() && result_.runs > 0) progress_->setFormat(tr("%v runs"));
    else progress_->setFormat(tr("%v of at most %m runs"));
}

}  // namespace lockstep::app
