#pragma once
// Lanes of what threads hold: one per Lock, RLock and the GIL (who holds it, and how many wait for it), and for
// each semaphore one lane per slot (who holds that slot) and one counting the threads waiting for a slot.

#include "timeline/LaneBuilder.h"

namespace lockstep::timeline {

class HoldLanes final : public LaneBuilder {
public:
    void build(LaneContext& c) override;
    bool outgrown(const TraceModel& model) const override;
    void update(LaneContext& c) override;
    void rows(std::vector<int>& out) const override { out.insert(out.end(), rows_.begin(), rows_.end()); }

private:
    struct Held {
        ObjectId object = kNoObject;
        int firstLane = -1;   // the lock's lane, or the semaphore's first slot lane
        int waitLane = -1;    // the lane counting waiters (the lock's own lane for a lock)
        int slotCount = 1;
        std::size_t holdsSeen = 0;
        std::size_t waitersSeen = 0;
    };
    std::vector<Held> held_;
    std::vector<int> rows_;
    std::size_t objectsSeen_ = 0;
    TailedLanes tails_;
};

}  // namespace lockstep::timeline
