#pragma once
// One lane per virtual core some CPU burst ran on, with the bursts of every actor on it in the actor's colour:
// which thread computed where, and when the cores were idle.

#include "timeline/LaneBuilder.h"
#include "timeline/LaneOf.h"

namespace lockstep::timeline {

// Who computes during a band of a core's lane.
struct CoreBand {
    ActorId actor = kNoActor;
    bool operator==(const CoreBand&) const = default;
};

struct CoreLaneInfo {
    int core = 0;
    bool operator==(const CoreLaneInfo&) const = default;
};

using CoreLane = LaneOf<CoreBand, CoreLaneInfo>;

class CoreLanes final : public LaneBuilder {
public:
    void build(LaneContext& c) override;
    bool outgrown(const TraceModel& model) const override;
    void update(LaneContext& c) override;
    void rows(std::vector<int>& out) const override { out.insert(out.end(), coreLane_.begin(), coreLane_.end()); }
    void rename(LaneContext&) override {}

    QString title(const Lane& lane) const override;
    QString bandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const override;
    QString bandTooltip(const TimelineModel& m, const Lane& lane, std::size_t band, Axis axis) const override;
    void legend(const TimelineModel&, std::vector<LegendEntry>&) const override {}

private:
    void addBurst(LaneContext& c, ActorId a, const StateInterval& s);

    std::vector<int> coreLane_;      // by core
    std::vector<std::size_t> seen_;  // by actor: closed intervals read
    TailedLanes tails_;
};

}  // namespace lockstep::timeline
