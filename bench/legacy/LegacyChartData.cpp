// The trace's derivation as it was before the one analysis layer (lockstep::TraceModel): kept in bench/ only
// as the baseline the analysis benchmark measures the new layer against, in the same run. Not built into
// Lockstep itself; do not use it elsewhere.
#include "LegacyChartData.h"

#include <algorithm>
#include <cmath>

#include "LegacyAnalysis.h"

namespace lockstep::legacy {

namespace {

// Appends a change to a step curve: first a point at the old value (the horizontal run up to this time), then
// the new value. Several changes at one instant become one vertical stroke.
void stepTo(ChartData::StepSeries& s, double t, int value) {
    const double before = s.points.empty() ? 0.0 : s.points.back().y();
    if (!s.points.empty() && s.points.back().x() == t && s.points.size() >= 2 &&
        s.points[s.points.size() - 2].x() == t) {
        // Already a vertical stroke at t: move its top instead of piling up points.
        s.points.back().setY(value);
    } else {
        s.points.emplace_back(t, before);
        s.points.emplace_back(t, value);
    }
    s.maximum = std::max(s.maximum, value);
}

void finish(ChartData::StepSeries& s, double end) {
    const double last = s.points.empty() ? 0.0 : s.points.back().y();
    if (s.points.empty() || s.points.back().x() < end) s.points.emplace_back(end, last);
}

QString objectName(const Trace& trace, ObjectId o) { return QString::fromStdString(trace.object(o).name); }

}  // namespace

Nanos ChartData::endTime(const Trace& trace) {
    // Same rule as TraceAnalysis, so that the state bars add up to exactly the end of the last interval.
    const std::size_t events = trace.eventCount();
    if (trace.outcome().status == RunStatus::Running) return events ? trace.event(events - 1).time : 0;
    return trace.outcome().endTime;
}

double ChartData::secondsAtStep(const Trace& trace, std::uint32_t step) {
    step = std::min(step, trace.stepCount());
    if (step == 0) return 0.0;
    const std::size_t end = trace.stepEnd(step);
    return end == 0 ? 0.0 : toSeconds(trace.event(end - 1).time);
}

ChartData ChartData::fromTrace(const Trace& trace, int cores) {
    ChartData d;
    const TraceAnalysis analysis(trace);
    const Nanos end = endTime(trace);
    d.endSeconds = toSeconds(end);
    const std::uint32_t steps = trace.stepCount();

    for (ObjectId o = 0; o < trace.objectCount(); ++o) {
        const ObjectInfo& info = trace.object(o);
        if (info.kind == ObjectKind::Queue || info.kind == ObjectKind::ProcessQueue) {
            StepSeries s{objectName(trace, o), info.param, 0, {{0.0, 0.0}}};
            for (const CountPoint& p : analysis.queueLength(o)) stepTo(s, toSeconds(p.time), p.value);
            finish(s, d.endSeconds);
            d.queues.push_back(std::move(s));
        } else if (info.kind == ObjectKind::Semaphore || info.kind == ObjectKind::BoundedSemaphore) {
            // Occupancy is the number of slots held after each step. Holds that close and open in the same step
            // (a release that hands the slot on) must not count twice, so releases are applied first and only
            // the value at the end of the step is drawn.
            struct Delta {
                std::uint32_t step;
                Nanos time;
                int delta;
            };
            std::vector<Delta> deltas;
            for (const HoldInterval& h : analysis.holds(o)) {
                deltas.push_back({h.beginStep, h.begin, +1});
                if (h.endStep <= steps) deltas.push_back({h.endStep, h.end, -1});
            }
            std::stable_sort(deltas.begin(), deltas.end(), [](const Delta& a, const Delta& b) {
                return a.step != b.step ? a.step < b.step : a.delta < b.delta;
            });
            StepSeries s{objectName(trace, o), info.param, 0, {{0.0, 0.0}}};
            int held = 0;
            for (std::size_t i = 0; i < deltas.size(); ++i) {
                held += deltas[i].delta;
                const bool lastOfStep = i + 1 == deltas.size() || deltas[i + 1].step != deltas[i].step;
                if (lastOfStep) stepTo(s, toSeconds(deltas[i].time), held);
            }
            finish(s, d.endSeconds);
            d.semaphores.push_back(std::move(s));
        }
    }

    d.coreBusy.assign(static_cast<std::size_t>(std::max(cores, 1)), 0.0);
    const auto lanes = analysis.actorStates();
    for (std::size_t a = 0; a < lanes.size(); ++a) {
        ActorTimes t;
        t.name = QString::fromStdString(trace.actor(static_cast<ActorId>(a)).name);
        for (const StateInterval& i : lanes[a]) {
            const double secs = toSeconds(i.end - i.begin);
            switch (i.state) {
                case ActorState::Running: t.running += secs; break;
                case ActorState::Computing:
                    t.running += secs;
                    if (i.core < d.coreBusy.size()) d.coreBusy[i.core] += secs;
                    break;
                case ActorState::Ready: t.ready += secs; break;
                case ActorState::Blocked: t.blocked += secs; break;
                case ActorState::Sleeping: t.sleeping += secs; break;
                case ActorState::NotStarted: t.notStarted += secs; break;
                case ActorState::Done: t.done += secs; break;
            }
        }
        d.actors.push_back(std::move(t));
    }
    for (double& busy : d.coreBusy) busy = d.endSeconds > 0 ? std::min(1.0, busy / d.endSeconds) : 0.0;

    d.steps = steps;
    for (ObjectId o = 0; o < trace.objectCount() && !d.hasEventLoop; ++o) {
        const ObjectKind kind = trace.object(o).kind;
        d.hasEventLoop = kind == ObjectKind::AsyncTask || kind == ObjectKind::AsyncFuture ||
                         kind == ObjectKind::AsyncCallback || kind == ObjectKind::EventLoop;
    }
    if (d.hasEventLoop) d.readyQueue = stepCurve(analysis.readyQueue(), steps);
    return d;
}

ChartData::StepSeries ChartData::stepCurve(const std::vector<CountPoint>& points, std::uint32_t end,
                                           std::size_t maxPoints) {
    StepSeries s{QString(), 0, 0, {{0.0, 0.0}}};
    // Each change costs two points (the end of the old value, the new one); thinned, a bucket costs four.
    if (points.size() * 2 + 2 <= maxPoints) {
        for (const CountPoint& p : points) stepTo(s, p.step, p.value);
    } else {
        const std::size_t buckets = std::max<std::size_t>(1, (maxPoints - 2) / 4);
        const double last = std::max<double>(end, points.back().step);
        const double width = std::max(1.0, std::ceil((last + 1) / static_cast<double>(buckets)));
        std::size_t i = 0;
        s.points.reserve(maxPoints);
        while (i < points.size()) {
            const auto bucket = static_cast<std::int64_t>(points[i].step / width);
            const double x = points[i].step;
            const double before = s.points.back().y();
            int low = points[i].value, high = points[i].value;
            for (; i < points.size() && static_cast<std::int64_t>(points[i].step / width) == bucket; ++i) {
                low = std::min(low, points[i].value);
                high = std::max(high, points[i].value);
            }
            const int after = points[i - 1].value;
            // All four at one x: a single vertical stroke covering the old value, the bucket's range and its end.
            s.points.emplace_back(x, before);
            s.points.emplace_back(x, low);
            s.points.emplace_back(x, high);
            s.points.emplace_back(x, after);
            s.maximum = std::max(s.maximum, high);
        }
    }
    finish(s, end);
    return s;
}

}  // namespace lockstep::legacy
