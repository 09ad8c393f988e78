#pragma once
// Lanes of what threads wait on without anyone holding it: one per Event, Condition and Barrier, counting the
// threads waiting there (the marks of waits, wake-ups, notifies, sets and clears are routed to it by the
// timeline), and one per queue.Queue with its length over the run.

#include <variant>

#include "timeline/LaneBuilder.h"
#include "timeline/LaneOf.h"

namespace lockstep::timeline {

struct CountLaneInfo {
    bool queue = false;  // its count is the queue's length, not its waiters
    bool operator==(const CountLaneInfo&) const = default;
};

using CountLane = LaneOf<std::monostate, CountLaneInfo>;

class SignalLanes final : public LaneBuilder {
public:
    void build(LaneContext& c) override;
    bool outgrown(const TraceModel& model) const override;
    void update(LaneContext& c) override;
    void rows(std::vector<int>& out) const override;
    void rename(LaneContext& c) override;

    QString bandLabel(const TimelineModel&, const Lane&, std::size_t) const override { return {}; }
    QString bandTooltip(const TimelineModel&, const Lane&, std::size_t, Axis) const override { return {}; }
    QString markTooltip(const TimelineModel& m, const Lane& lane, const Mark& mark) const override;
    QString countTooltip(const Lane& lane, int value) const override;
    void legend(const TimelineModel& m, std::vector<LegendEntry>& out) const override;

private:
    struct Counted {
        ObjectId object = kNoObject;
        int lane = -1;
        bool queue = false;
        std::size_t seen = 0;
    };
    std::vector<Counted> lanes_;
    std::size_t objectsSeen_ = 0;
};

}  // namespace lockstep::timeline
