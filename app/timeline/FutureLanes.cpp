#include "timeline/FutureLanes.h"

#include "lockstep/ObjectTraits.h"
#include "style/Palette.h"
#include "style/StateNames.h"
#include "timeline/TimelineModel.h"
#include "timeline/TimelineStrings.h"

namespace lockstep::timeline {

void FutureLanes::build(LaneContext& c) {
    const TraceModel& m = c.model;
    *this = FutureLanes{};
    objectsSeen_ = m.objectCount();
    for (std::size_t o = 0; o < objectsSeen_; ++o) {
        if (objectTraits(m.object(ObjectId(o)).kind).lane != LaneFamily::Future) continue;
        auto lane = std::make_unique<FutureLane>();
        lane->family = this;
        lane->name = c.objectNames[o];
        lane->object = ObjectId(o);
        Tracked t{ObjectId(o), c.addLane(std::move(lane)), 0};
        c.objectLane[o] = t.lane;
        tails_.track(t.lane);
        futures_.push_back(t);
    }
    update(c);
}

bool FutureLanes::outgrown(const TraceModel& m) const {
    for (std::size_t o = objectsSeen_; o < m.objectCount(); ++o)
        if (objectTraits(m.object(ObjectId(o)).kind).lane == LaneFamily::Future) return true;
    return false;
}

void FutureLanes::addBand(LaneContext& c, int lane, const FutureInterval& f) {
    Band b;
    b.beginStep = f.beginStep;
    b.endStep = f.endStep;
    b.begin = f.begin;
    b.end = f.end;
    b.fill = style::Palette::futureState(f.state).rgba();
    c.lane<FutureLane>(lane).add(b, FutureBand{f.state, f.actor});
}

void FutureLanes::update(LaneContext& c) {
    tails_.dropTails(c.lanes);
    for (Tracked& t : futures_) {
        const auto& closed = c.model.futureStates(t.object);
        for (; t.seen < closed.size(); ++t.seen) addBand(c, t.lane, closed[t.seen]);
    }
    tails_.settle(c.lanes);
    for (const Tracked& t : futures_) {
        FutureInterval now;
        if (c.model.futureStateNow(t.object, now)) addBand(c, t.lane, now);
    }
    tails_.finish(c.lanes);
}

void FutureLanes::rows(std::vector<int>& out) const {
    for (const Tracked& t : futures_) out.push_back(t.lane);
}

void FutureLanes::rename(LaneContext& c) {
    for (const Tracked& t : futures_) c.lanes[std::size_t(t.lane)]->name = c.objectNames[t.object];
}

QString FutureLanes::bandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const {
    const auto* future = laneAs<FutureLane>(lane);
    if (!future) return {};
    const FutureBand& b = future->data[band];
    switch (b.state) {
        case FutureState::Running:
            return TimelineStrings::tr("running on %1").arg(m.actorName(b.actor));
        case FutureState::Finished:
            return TimelineStrings::tr("finished: %1").arg(m.futureOutcome(lane.object));
        case FutureState::Failed:
            return TimelineStrings::tr("failed: %1").arg(m.futureOutcome(lane.object));
        default:
            return style::StateNames::future(b.state);
    }
}

QString FutureLanes::shortBandLabel(const TimelineModel&, const Lane& lane, std::size_t band) const {
    const auto* future = laneAs<FutureLane>(lane);
    return future ? style::StateNames::future(future->data[band].state) : QString();
}

QString FutureLanes::bandTooltip(const TimelineModel& m, const Lane& lane, std::size_t band, Axis) const {
    const auto* future = laneAs<FutureLane>(lane);
    if (!future) return {};
    const FutureBand& b = future->data[band];
    const QString actor = m.actorName(b.actor);
    QString what;
    switch (b.state) {
        case FutureState::Pending:
            what = TimelineStrings::tr("%1: pending, submitted by %2; waits in the work queue for a free worker").arg(lane.name, actor);
            break;
        case FutureState::Running:
            what = TimelineStrings::tr("%1: running on %2").arg(lane.name, actor);
            break;
        case FutureState::Finished:
            what = TimelineStrings::tr("%1: finished on %2, result %3").arg(lane.name, actor, m.futureOutcome(lane.object));
            break;
        case FutureState::Failed:
            what = TimelineStrings::tr("%1: failed on %2, raised %3").arg(lane.name, actor, m.futureOutcome(lane.object));
            break;
        case FutureState::Cancelled:
        case FutureState::Count_:
            what = TimelineStrings::tr("%1: cancelled by %2 before it started").arg(lane.name, actor);
            break;
    }
    return TimelineStrings::bandTooltip(m, lane.bands[band], what);
}

QString FutureLanes::markTooltip(const TimelineModel& m, const Lane& lane, const Mark& mark) const {
    return TimelineStrings::objectMarkTooltip(m, lane.object, mark);
}

void FutureLanes::legend(const TimelineModel& m, std::vector<LegendEntry>& out) const {
    // Future states only when there are future lanes: the other runs keep their legend short.
    if (futures_.empty()) return;
    for (FutureState s : {FutureState::Pending, FutureState::Running, FutureState::Finished, FutureState::Failed,
                          FutureState::Cancelled})
        if (m.usage().has(s))
            out.push_back({LegendEntry::Section::FutureStates, LegendEntry::Swatch::Fill,
                           style::Palette::futureState(s), {}, MarkKind::Switch,
                           TimelineStrings::tr("Future: %1").arg(style::StateNames::future(s)), {}});
}

}  // namespace lockstep::timeline
