#include "timeline/SignalLanes.h"

#include "lockstep/ObjectTraits.h"

namespace lockstep::timeline {

namespace {
bool hasLane(ObjectKind k) {
    const LaneFamily lane = objectTraits(k).lane;
    return lane == LaneFamily::Signal || lane == LaneFamily::Queue;
}
}  // namespace

void SignalLanes::build(LaneContext& c) {
    const TraceModel& m = c.model;
    *this = SignalLanes{};
    objectsSeen_ = m.objectCount();
    // Signals first, then queues, each in creation order.
    for (const LaneFamily family : {LaneFamily::Signal, LaneFamily::Queue})
        for (std::size_t o = 0; o < objectsSeen_; ++o) {
            if (objectTraits(m.object(ObjectId(o)).kind).lane != family) continue;
            Lane lane;
            lane.kind = family == LaneFamily::Queue ? LaneKind::Queue : LaneKind::Signal;
            lane.name = c.objectNames[o];
            lane.object = ObjectId(o);
            Counted counted{ObjectId(o), c.addLane(std::move(lane)), family == LaneFamily::Queue, 0};
            c.objectLane[o] = counted.lane;
            lanes_.push_back(counted);
        }
    update(c);
}

bool SignalLanes::outgrown(const TraceModel& m) const {
    for (std::size_t o = objectsSeen_; o < m.objectCount(); ++o)
        if (hasLane(m.object(ObjectId(o)).kind)) return true;
    return false;
}

void SignalLanes::update(LaneContext& c) {
    for (Counted& l : lanes_) {
        Lane& lane = c.lanes[std::size_t(l.lane)];
        const auto& points = l.queue ? c.model.queueLengths(l.object) : c.model.waiterCounts(l.object);
        const std::size_t before = lane.counts.size();
        l.seen = copyCounts(points, l.seen, lane.counts);
        lane.finish(std::min(before, lane.bands.size()));
    }
}

void SignalLanes::rows(std::vector<int>& out) const {
    for (const Counted& l : lanes_) out.push_back(l.lane);
}

}  // namespace lockstep::timeline
