#include "timeline/FutureLanes.h"

#include "lockstep/ObjectTraits.h"

namespace lockstep::timeline {

namespace {
Band bandOf(const FutureInterval& f) {
    Band b;
    b.beginStep = f.beginStep;
    b.endStep = f.endStep;
    b.begin = f.begin;
    b.end = f.end;
    b.actor = f.actor;
    b.future = f.state;
    return b;
}
}  // namespace

void FutureLanes::build(LaneContext& c) {
    const TraceModel& m = c.model;
    *this = FutureLanes{};
    objectsSeen_ = m.objectCount();
    for (std::size_t o = 0; o < objectsSeen_; ++o) {
        if (objectTraits(m.object(ObjectId(o)).kind).lane != LaneFamily::Future) continue;
        Lane lane;
        lane.kind = LaneKind::Future;
        lane.name = c.objectNames[o];
        lane.object = ObjectId(o);
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

void FutureLanes::update(LaneContext& c) {
    tails_.dropTails(c.lanes);
    for (Tracked& t : futures_) {
        const auto& closed = c.model.futureStates(t.object);
        for (; t.seen < closed.size(); ++t.seen) c.lanes[std::size_t(t.lane)].bands.push_back(bandOf(closed[t.seen]));
    }
    tails_.settle(c.lanes);
    for (const Tracked& t : futures_) {
        FutureInterval now;
        if (c.model.futureStateNow(t.object, now)) c.lanes[std::size_t(t.lane)].bands.push_back(bandOf(now));
    }
    tails_.finish(c.lanes);
}

void FutureLanes::rows(std::vector<int>& out) const {
    for (const Tracked& t : futures_) out.push_back(t.lane);
}

}  // namespace lockstep::timeline
