#pragma once
// One lane per concurrent.futures.Future: pending (who submitted it), running (on which worker), finished with
// its result, failed with its exception, or cancelled. Waits for its result are marked on it by the timeline.

#include "timeline/LaneBuilder.h"

namespace lockstep::timeline {

class FutureLanes final : public LaneBuilder {
public:
    void build(LaneContext& c) override;
    bool outgrown(const TraceModel& model) const override;
    void update(LaneContext& c) override;
    void rows(std::vector<int>& out) const override;
    bool empty() const { return futures_.empty(); }

private:
    struct Tracked {
        ObjectId object = kNoObject;
        int lane = -1;
        std::size_t seen = 0;
    };
    std::vector<Tracked> futures_;
    std::size_t objectsSeen_ = 0;
    TailedLanes tails_;
};

}  // namespace lockstep::timeline
