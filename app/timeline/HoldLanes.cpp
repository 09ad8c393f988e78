#include "timeline/HoldLanes.h"

#include "lockstep/ObjectTraits.h"

namespace lockstep::timeline {

namespace {

Band bandOf(const HoldInterval& h) {
    Band b;
    b.beginStep = h.beginStep;
    b.endStep = h.endStep;
    b.begin = h.begin;
    b.end = h.end;
    b.actor = h.holder;
    b.state = ActorState::Running;
    return b;
}

}  // namespace

void HoldLanes::build(LaneContext& c) {
    const TraceModel& m = c.model;
    *this = HoldLanes{};
    objectsSeen_ = m.objectCount();
    // Locks first, then semaphores, each in creation order.
    for (std::size_t o = 0; o < objectsSeen_; ++o) {
        if (objectTraits(m.object(ObjectId(o)).kind).lane != LaneFamily::Hold) continue;
        Lane lane;
        lane.kind = LaneKind::Lock;
        lane.name = c.objectNames[o];
        lane.object = ObjectId(o);
        lane.inCycle = c.objectInCycle(ObjectId(o));
        Held h;
        h.object = ObjectId(o);
        h.firstLane = h.waitLane = c.addLane(std::move(lane));
        c.objectLane[o] = h.firstLane;
        tails_.track(h.firstLane);
        rows_.push_back(h.firstLane);
        held_.push_back(h);
    }
    for (std::size_t o = 0; o < objectsSeen_; ++o) {
        if (objectTraits(m.object(ObjectId(o)).kind).lane != LaneFamily::Slots) continue;
        Held h;
        h.object = ObjectId(o);
        h.slotCount = m.slotCount(ObjectId(o));
        for (int s = 0; s < h.slotCount; ++s) {
            Lane lane;
            lane.kind = LaneKind::SemaphoreSlot;
            lane.name = QStringLiteral("%1[%2]").arg(c.objectNames[o]).arg(s + 1);
            lane.object = ObjectId(o);
            lane.index = s;
            const int index = c.addLane(std::move(lane));
            if (s == 0) h.firstLane = index;
            tails_.track(index);
            rows_.push_back(index);
        }
        Lane waiting;
        waiting.kind = LaneKind::SemaphoreWaiting;
        waiting.name = c.objectNames[o];
        waiting.object = ObjectId(o);
        h.waitLane = c.addLane(std::move(waiting));
        if (h.firstLane < 0) h.firstLane = h.waitLane;
        c.objectLane[o] = h.firstLane;
        tails_.track(h.waitLane);
        rows_.push_back(h.waitLane);
        held_.push_back(h);
    }
    update(c);
}

bool HoldLanes::outgrown(const TraceModel& m) const {
    for (std::size_t o = objectsSeen_; o < m.objectCount(); ++o) {
        const LaneFamily lane = objectTraits(m.object(ObjectId(o)).kind).lane;
        if (lane == LaneFamily::Hold || lane == LaneFamily::Slots) return true;
    }
    for (const Held& h : held_)
        if (h.waitLane != h.firstLane && m.slotCount(h.object) > h.slotCount) return true;  // a slot without a lane
    return false;
}

void HoldLanes::update(LaneContext& c) {
    const TraceModel& m = c.model;
    tails_.dropTails(c.lanes);
    for (Held& h : held_) {
        const auto& closed = m.holds(h.object);
        for (; h.holdsSeen < closed.size(); ++h.holdsSeen) {
            const HoldInterval& hold = closed[h.holdsSeen];
            if (hold.slot >= 0 && hold.slot < h.slotCount)
                c.lanes[std::size_t(h.firstLane + hold.slot)].bands.push_back(bandOf(hold));
        }
        Lane& waitLane = c.lanes[std::size_t(h.waitLane)];
        h.waitersSeen = copyCounts(m.waiterCounts(h.object), h.waitersSeen, waitLane.counts);
    }
    tails_.settle(c.lanes);
    for (const Held& h : held_)
        for (const HoldInterval& open : m.holdsNow(h.object))
            if (open.slot >= 0 && open.slot < h.slotCount)
                c.lanes[std::size_t(h.firstLane + open.slot)].bands.push_back(bandOf(open));
    tails_.finish(c.lanes);
}

}  // namespace lockstep::timeline
