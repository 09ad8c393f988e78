#include "timeline/SignalLanes.h"

#include "lockstep/ObjectTraits.h"
#include "style/Palette.h"
#include "timeline/TimelineModel.h"
#include "timeline/TimelineStrings.h"

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
            auto lane = std::make_unique<CountLane>();
            lane->family = this;
            lane->shape = LaneShape::Counts;
            lane->info.queue = family == LaneFamily::Queue;
            lane->name = c.objectNames[o];
            lane->object = ObjectId(o);
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
        Lane& lane = *c.lanes[std::size_t(l.lane)];
        const auto& points = l.queue ? c.model.queueLengths(l.object) : c.model.waiterCounts(l.object);
        const std::size_t before = lane.counts.size();
        l.seen = copyCounts(points, l.seen, lane.counts);
        lane.finish(std::min(before, lane.bands.size()));
    }
}

void SignalLanes::rows(std::vector<int>& out) const {
    for (const Counted& l : lanes_) out.push_back(l.lane);
}

void SignalLanes::rename(LaneContext& c) {
    for (const Counted& l : lanes_) c.lanes[std::size_t(l.lane)]->name = c.objectNames[l.object];
}

QString SignalLanes::markTooltip(const TimelineModel& m, const Lane& lane, const Mark& mk) const {
    return TimelineStrings::objectMarkTooltip(m, lane.object, mk);
}

QString SignalLanes::countTooltip(const Lane& lane, int value) const {
    const auto* counted = laneAs<CountLane>(lane);
    if (counted && counted->info.queue)
        return TimelineStrings::tr("%1: %n item(s) queued", nullptr, value).arg(lane.name);
    return LaneBuilder::countTooltip(lane, value);
}

void SignalLanes::legend(const TimelineModel& m, std::vector<LegendEntry>& out) const {
    // Waiters (of a lock, a semaphore, an Event...) and queue lengths: only when some chart rose above zero.
    if (m.usage().counts)
        out.push_back({LegendEntry::Section::Counts, LegendEntry::Swatch::Bars, style::Palette::count(), {},
                       MarkKind::Switch, TimelineStrings::tr("waiting / queue length"), {}});
}

}  // namespace lockstep::timeline
