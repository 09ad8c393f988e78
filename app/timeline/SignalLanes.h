#pragma once
// Lanes of what threads wait on without anyone holding it: one per Event, Condition and Barrier, counting the
// threads waiting there (the marks of waits, wake-ups, notifies, sets and clears are routed to it by the
// timeline), and one per queue.Queue with its length over the run.

#include "timeline/LaneBuilder.h"

namespace lockstep::timeline {

class SignalLanes final : public LaneBuilder {
public:
    void build(LaneContext& c) override;
    bool outgrown(const TraceModel& model) const override;
    void update(LaneContext& c) override;
    void rows(std::vector<int>& out) const override;

private:
    struct Counted {
        ObjectId object = kNoObject;
        int lane = -1;
        bool queue = false;  // its count is the queue's length, not its waiters
        std::size_t seen = 0;
    };
    std::vector<Counted> lanes_;
    std::size_t objectsSeen_ = 0;
};

}  // namespace lockstep::timeline
