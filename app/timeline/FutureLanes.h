#pragma once
// One lane per concurrent.futures.Future: pending (who submitted it), running (on which worker), finished with
// its result, failed with its exception, or cancelled. Waits for its result are marked on it by the timeline.

#include "timeline/LaneBuilder.h"
#include "timeline/LaneOf.h"

namespace lockstep::timeline {

// A future's state during a band, and the actor of it as in FutureInterval: the submitter, the worker, or who
// cancelled it.
struct FutureBand {
    FutureState state = FutureState::Pending;
    ActorId actor = kNoActor;
    bool operator==(const FutureBand&) const = default;
};

using FutureLane = LaneOf<FutureBand>;

class FutureLanes final : public LaneBuilder {
public:
    void build(LaneContext& c) override;
    bool outgrown(const TraceModel& model) const override;
    void update(LaneContext& c) override;
    void rows(std::vector<int>& out) const override;
    void rename(LaneContext& c) override;

    QString bandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const override;
    QString shortBandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const override;
    QString bandTooltip(const TimelineModel& m, const Lane& lane, std::size_t band, Axis axis) const override;
    QString markTooltip(const TimelineModel& m, const Lane& lane, const Mark& mark) const override;
    void legend(const TimelineModel& m, std::vector<LegendEntry>& out) const override;

private:
    void addBand(LaneContext& c, int lane, const FutureInterval& f);

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
