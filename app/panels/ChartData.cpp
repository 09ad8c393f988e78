#include "panels/ChartData.h"

#include <algorithm>
#include <cmath>

#include "lockstep/TraceModel.h"

namespace lockstep::app {

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

QString objectName(const TraceModel& model, ObjectId o) { return QString::fromStdString(model.object(o).name); }

}  // namespace

double ChartData::secondsAtStep(const TraceModel& model, std::uint32_t step) {
    return toSeconds(model.timeAtEndOf(step));
}

double ChartData::secondsAtStep(const Trace& trace, std::uint32_t step) {
    return secondsAtStep(TraceModel(trace), step);
}

ChartData ChartData::fromTrace(const Trace& trace, int cores) { return fromModel(TraceModel(trace), cores); }

ChartData ChartData::fromModel(const TraceModel& model, int cores, bool showInternals) {
    ChartData d;
    const Nanos end = model.endTime();
    d.endSeconds = toSeconds(end);
    const std::uint32_t steps = model.steps();

    for (ObjectId o = 0; o < model.objectCount(); ++o) {
        const ObjectInfo& info = model.object(o);
        if (info.internal && !showInternals) continue;
        if (info.kind == ObjectKind::Queue || info.kind == ObjectKind::ProcessQueue) {
            StepSeries s{objectName(model, o), info.param, 0, {{0.0, 0.0}}};
            for (const CountPoint& p : model.queueLengths(o)) stepTo(s, toSeconds(p.time), p.value);
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
            const auto add = [&](const HoldInterval& h) {
                deltas.push_back({h.beginStep, h.begin, +1});
                if (h.endStep <= steps) deltas.push_back({h.endStep, h.end, -1});
            };
            for (const HoldInterval& h : model.holds(o)) add(h);
            for (const HoldInterval& h : model.holdsNow(o)) add(h);
            std::stable_sort(deltas.begin(), deltas.end(), [](const Delta& a, const Delta& b) {
                return a.step != b.step ? a.step < b.step : a.delta < b.delta;
            });
            StepSeries s{objectName(model, o), info.param, 0, {{0.0, 0.0}}};
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
    for (ActorId a = 0; a < model.actorCount(); ++a) {
        ActorTimes t;
        t.name = QString::fromStdString(model.actor(a).name);
        const auto count = [&](const StateInterval& i) {
            const double secs = toSeconds(i.end - i.begin);
            switch (i.state) {
                case ActorState::Running: t.running += secs; break;
                case ActorState::Computing:
                    t.computing += secs;
                    if (i.core < d.coreBusy.size()) d.coreBusy[i.core] += secs;
                    break;
                case ActorState::Ready: t.ready += secs; break;
                case ActorState::Blocked: t.blocked += secs; break;
                case ActorState::Sleeping: t.sleeping += secs; break;
                case ActorState::NotStarted: t.notStarted += secs; break;
                case ActorState::Done: t.done += secs; break;
            }
        };
        for (const StateInterval& i : model.actorStates(a)) count(i);
        count(model.actorStateNow(a));
        d.actors.push_back(std::move(t));
    }
    for (double& busy : d.coreBusy) busy = d.endSeconds > 0 ? std::min(1.0, busy / d.endSeconds) : 0.0;

    d.steps = steps;
    for (ObjectId o = 0; o < model.objectCount() && !d.hasEventLoop; ++o) {
        const ObjectKind kind = model.object(o).kind;
        d.hasEventLoop = kind == ObjectKind::AsyncTask || kind == ObjectKind::AsyncFuture ||
                         kind == ObjectKind::AsyncCallback || kind == ObjectKind::EventLoop;
    }
    if (d.hasEventLoop) d.readyQueue = stepCurve(model.readyQueue(), steps);
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

ChartData::ComparisonBars ChartData::comparisonBars(const std::vector<scenarios::CompareResult>& results) {
    ComparisonBars bars;
    auto settingIndex = [&](bool gil, int cores) -> std::size_t {
        for (std::size_t i = 0; i < bars.settings.size(); ++i)
            if (bars.settings[i].gil == gil && bars.settings[i].cores == cores) return i;
        bars.settings.push_back({gil, cores});
        return bars.settings.size() - 1;
    };
    auto threadIndex = [&](int threads) -> std::size_t {
        const auto it = std::find(bars.threads.begin(), bars.threads.end(), threads);
        if (it != bars.threads.end()) return static_cast<std::size_t>(it - bars.threads.begin());
        bars.threads.push_back(threads);
        return bars.threads.size() - 1;
    };
    for (const auto& r : results) {
        settingIndex(r.setting.gil, r.setting.cores);
        threadIndex(r.setting.threads);
    }
    bars.milliseconds.assign(bars.threads.size(), std::vector<double>(bars.settings.size(), 0.0));
    for (const auto& r : results) {
        const double ms = static_cast<double>(r.elapsed) / 1e6;
        bars.milliseconds[threadIndex(r.setting.threads)][settingIndex(r.setting.gil, r.setting.cores)] = ms;
        bars.maximum = std::max(bars.maximum, ms);
    }
    return bars;
}

}  // namespace lockstep::app
