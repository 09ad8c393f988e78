#pragma once
// The numbers behind the charts panel, computed from a trace and nothing else, so they can be tested without
// a widget and the panel only has to turn them into QtCharts series. All times are virtual seconds.

#include <QPointF>
#include <QString>

#include <cstdint>
#include <vector>

#include "lockstep/Trace.h"

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
    // Virtual seconds one actor spent in each state; the six parts add up to the run's end time.
    struct ActorTimes {
        QString name;
        double running = 0;     // running plus computing (a CPU burst on a core)
        double ready = 0;
        double blocked = 0;
        double sleeping = 0;
        double notStarted = 0;
        double done = 0;
        double total() const { return running + ready + blocked + sleeping + notStarted + done; }
    };

    double endSeconds = 0;
    std::vector<StepSeries> queues;
    std::vector<StepSeries> semaphores;   // slots taken
    std::vector<ActorTimes> actors;
    std::vector<double> coreBusy;         // per virtual core, the fraction of [0, end] spent computing

    static ChartData fromTrace(const Trace& trace, int cores);
    // Virtual time at the end of `step` (0 before the first step).
    static double secondsAtStep(const Trace& trace, std::uint32_t step);
    // Where the last interval of every lane ends: the run's end time, or while it goes on the last event's.
    static Nanos endTime(const Trace& trace);
};

}  // namespace lockstep::app
