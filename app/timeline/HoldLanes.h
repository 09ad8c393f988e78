#pragma once
// Lanes of what threads hold: one per Lock, RLock and the GIL (who holds it, and how many wait for it), and for
// each semaphore one lane per slot (who holds that slot) and one counting the threads waiting for a slot.

#include "timeline/LaneBuilder.h"
#include "timeline/LaneOf.h"

namespace lockstep::timeline {

// Who holds the object during a band.
struct HoldBand {
    ActorId holder = kNoActor;
    bool operator==(const HoldBand&) const = default;
};

// Which lane of a held object: a lock's (its holder, and below it its waiters), a semaphore's slot, or the
// count of threads waiting for any of a semaphore's slots.
struct HoldLaneInfo {
    enum class Role : std::uint8_t { Lock, Slot, SlotWaiters };
    Role role = Role::Lock;
    int slot = 0;  // a slot's number, from 0
    bool operator==(const HoldLaneInfo&) const = default;
};

using HoldLane = LaneOf<HoldBand, HoldLaneInfo>;

class HoldLanes final : public LaneBuilder {
public:
    void build(LaneContext& c) override;
    bool outgrown(const TraceModel& model) const override;
    void update(LaneContext& c) override;
    void rows(std::vector<int>& out) const override { out.insert(out.end(), rows_.begin(), rows_.end()); }
    void rename(LaneContext& c) override;

    QString title(const Lane& lane) const override;
    QString bandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const override;
    QString bandTooltip(const TimelineModel& m, const Lane& lane, std::size_t band, Axis axis) const override;
    void legend(const TimelineModel& m, std::vector<LegendEntry>& out) const override;

private:
    struct Held {
        ObjectId object = kNoObject;
        int firstLane = -1;  // the lock's lane, or the semaphore's first slot lane
        int waitLane = -1;   // the lane counting waiters (the lock's own lane for a lock)
        int slotCount = 1;
        std::size_t holdsSeen = 0;
        std::size_t waitersSeen = 0;
    };
    void addHold(LaneContext& c, const Held& h, const HoldInterval& hold);

    std::vector<Held> held_;
    std::vector<int> rows_;
    std::size_t objectsSeen_ = 0;
    TailedLanes tails_;
};

}  // namespace lockstep::timeline
