#pragma once
// The numbers behind the charts panel, computed from the trace's derivation and nothing else, so they can be tested without
// a widget and the panel only has to turn them into QtCharts series. All times are virtual seconds.

#include <QPointF>
#include <QString>

#include <cstdint>
#include <vector>

#include "lockstep/Trace.h"
#include "lockstep/TraceModel.h"
#include "lockstep/scenarios/Compare.h"

namespace lockstep::app {

struct ChartData {
    // A step-shaped curve: each change is drawn as a vertical jump at the time it happened, so the line never
    // suggests values in between (a queue holds 2 or 3 items, never 2.5).
    struct StepSeries {
        QString name;
        std::int64_t capacity = 0;   // queue maxsize (0: unbounded) or semaphore initial value
        int maximum = 0;             // the highest value the curve reaches
        std::vector<QPointF> points; // (seconds, value), time never decreasing
    };
    // Virtual seconds one actor spent in each state; the seven parts add up to the run's end time.
    struct ActorTimes {
        QString name;
        double running = 0;
        double computing = 0;   // CPU bursts on a core
        double ready = 0;
        double blocked = 0;
        double sleeping = 0;
        double notStarted = 0;
        double done = 0;
        double total() const { return running + computing + ready + blocked + sleeping + notStarted + done; }
    };

    double endSeconds = 0;
    std::uint32_t steps = 0;              // steps recorded so far (the ready queue's x range)
    std::vector<StepSeries> queues;
    std::vector<StepSeries> semaphores;   // slots taken
    std::vector<ActorTimes> actors;
    std::vector<double> coreBusy;         // per virtual core, the fraction of [0, end] spent computing
    // asyncio: whether the run has an event loop (a task, an asyncio future, a callback or the loop itself),
    // and the loop's ready queue by step: (step, tasks and callbacks waiting to run, the one taken included),
    // 0 while the loop waits. By step, not time: a loop runs many tasks in one instant of virtual time.
    bool hasEventLoop = false;
    StepSeries readyQueue;

    // Most points a step curve keeps: a run of 10,000 tasks has tens of thousands of changes, more than a
    // chart has pixels, and QtCharts would redraw them all on every step.
    static constexpr std::size_t kMaxCurvePoints = 4000;

    // The comparison chart's numbers: one group of bars per (GIL, cores) setting, one bar in each group per
    // thread count, in the order they first appear in the results. Within a group the learner reads the
    // question the chart asks: do more threads finish sooner here?
    struct ComparisonBars {
        struct Setting {
            bool gil = false;
            int cores = 1;
        };
        std::vector<Setting> settings;   // the groups (categories), in order
        std::vector<int> threads;        // the bar sets, in order
        // milliseconds[thread set][group]: elapsed virtual time, 0 where that combination was not run. In
        // ms, not s: the bars' labels then read 407, 400, 200, 101 rather than 0.407, 0.4, 0.2, 0.101.
        std::vector<std::vector<double>> milliseconds;
        double maximum = 0;              // the tallest bar
    };

    // Without `showInternals`, the standard library's own queues and semaphores (a ThreadPoolExecutor's work
    // queue, its idle semaphore) are left out, as the other views leave them out.
    static ChartData fromModel(const TraceModel& model, int cores, bool showInternals = true);
    // The same for a trace nothing writes to any more.
    static ChartData fromTrace(const Trace& trace, int cores);
    // A step curve over steps from count points, ending at step `end`. Past maxPoints it is thinned: the steps
    // fall into buckets and each bucket becomes one vertical stroke from its lowest to its highest value, so
    // no peak or trough is lost, and then its last value.
    static StepSeries stepCurve(const std::vector<CountPoint>& points, std::uint32_t end,
                                std::size_t maxPoints = kMaxCurvePoints);
    static ComparisonBars comparisonBars(const std::vector<scenarios::CompareResult>& results);
    // Virtual time at the end of `step` (0 before the first step).
    static double secondsAtStep(const TraceModel& model, std::uint32_t step);
    static double secondsAtStep(const Trace& trace, std::uint32_t step);
};

}  // namespace lockstep::app
