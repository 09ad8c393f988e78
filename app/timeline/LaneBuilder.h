#pragma once
// One family of timeline lanes (actors, cores, holds, signals and queues, futures, tasks), the way Qt Creator's
// tracing library has one model per category. A family
//  - builds its lanes from the trace's derivation (lockstep::TraceModel) and nothing else: it reads the
//    histories the model keeps and turns them into bands, counts and marks, each band with its colour and
//    beside it what it shows (LaneOf); it never looks at events;
//  - says what its lanes show: their titles, the labels and tooltips of their bands, their marks and counts,
//    and their entries in the legend.
// TimelineModel gathers the families, orders their rows and routes marks; the one painter draws every lane
// from its bands and shape and asks the lane's family for words. A new kind of lane is a new family (or a new
// lane type in one), registered in TimelineModel: nothing else changes.
//
// A family is built once from the model as it is, then updated with what the model added since. When the
// model outgrows the lanes (a new lock, a new semaphore slot, a new core), the whole timeline is rebuilt.

#include <QColor>
#include <QString>

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "lockstep/TraceModel.h"
#include "timeline/Axis.h"
#include "timeline/Lane.h"
#include "timeline/LegendEntry.h"

namespace lockstep::timeline {

class TimelineModel;

// What the families of one timeline share while they build or update.
struct LaneContext {
    const TraceModel& model;
    std::vector<std::unique_ptr<Lane>>& lanes;
    std::vector<int>& objectLane;          // by object: its (first) lane, -1 for none
    const std::vector<QString>& actorNames;
    const std::vector<QString>& objectNames;
    const DeadlockCycle* cycle;            // the cycle shown, or nullptr

    int addLane(std::unique_ptr<Lane> lane) {
        lanes.push_back(std::move(lane));
        return int(lanes.size()) - 1;
    }
    // A lane the family made as an L.
    template <class L>
    L& lane(int index) {
        return static_cast<L&>(*lanes[std::size_t(index)]);
    }
    bool actorInCycle(ActorId a) const;
    bool objectInCycle(ObjectId o) const;
};

// Copies the points of a step curve added since `seen` (the last one seen may have changed since: a step's
// value is rewritten until the step ends) to `out`, which holds exactly the points copied so far. Returns the
// new count seen.
std::size_t copyCounts(const std::vector<CountPoint>& from, std::size_t seen, std::vector<CountPoint>& out);

// A layer of a stack lane: which state (index into StateCounts::count) and its colour, bottom first.
struct StackLayer {
    int state = 0;
    QColor colour;
};

class LaneBuilder {
public:
    virtual ~LaneBuilder() = default;

    // ---- building
    // Makes the family's lanes for the model as it is now, filled with everything it holds.
    virtual void build(LaneContext& c) = 0;
    // True when the model holds something this family has no lane for yet.
    virtual bool outgrown(const TraceModel& model) const = 0;
    // Adds what the model recorded since the last build or update; lanes keep their bands so far.
    virtual void update(LaneContext& c) = 0;
    // The family's rows, top to bottom, in lane indices.
    virtual void rows(std::vector<int>& out) const = 0;
    // Takes the names in `c` again (a Python program names an object when it assigns it).
    virtual void rename(LaneContext& c) = 0;

    // ---- what the family's lanes show
    // The lane's name in the names column.
    virtual QString title(const Lane& lane) const { return lane.name; }
    // Text of a band drawn wide enough to hold it, and of one too narrow for that (empty: no text).
    virtual QString bandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const = 0;
    virtual QString shortBandLabel(const TimelineModel&, const Lane&, std::size_t) const { return {}; }
    virtual QString bandTooltip(const TimelineModel& m, const Lane& lane, std::size_t band, Axis axis) const = 0;
    // The tooltip of the lane's name, and of its whole row for lanes that have one (a heading, a group; empty:
    // the row's bands, marks and counts have their own).
    virtual QString nameTooltip(const TimelineModel&, const Lane&) const { return {}; }
    virtual QString rowTooltip(const TimelineModel&, const Lane&, Axis, Pos, std::uint32_t) const { return {}; }
    // Marks on the lane: what one says, and the colour of a kind (its own, unless the lane changes it).
    virtual QString markTooltip(const TimelineModel& m, const Lane& lane, const Mark& mark) const;
    virtual QColor markColour(const Lane& lane, MarkKind kind) const;
    // The lane's counts at a point: "lock_a: 2 waiting".
    virtual QString countTooltip(const Lane& lane, int value) const;
    // Stack lanes: the layers, bottom first, and the make-up at a point in words (largest first).
    virtual std::span<const StackLayer> stackLayers(const Lane&) const { return {}; }
    virtual QString stackLabel(const StateCounts&) const { return {}; }
    // The legend's entries for this family's lanes (often only when the run has such lanes).
    virtual void legend(const TimelineModel& m, std::vector<LegendEntry>& out) const = 0;
};

// Lanes whose last bands are the intervals still open (a thread's current state, a lock still held): those
// reach to the end of the run and are replaced at every update. The settled bands before them stay.
class TailedLanes {
public:
    void track(int lane) { settled_.push_back({lane, 0}); }
    // Drops the tails of every tracked lane (before new settled bands are appended).
    void dropTails(std::vector<std::unique_ptr<Lane>>& lanes) const;
    // Marks the bands now on the lanes as settled, remembering from where each lane changed.
    void settle(std::vector<std::unique_ptr<Lane>>& lanes);
    // Calls Lane::finish on every tracked lane from where it changed (tails included).
    void finish(std::vector<std::unique_ptr<Lane>>& lanes);
    void clear() { settled_.clear(); }

private:
    struct Entry {
        int lane = -1;
        std::size_t settled = 0;
        std::size_t changedFrom = 0;
    };
    std::vector<Entry> settled_;
};

}  // namespace lockstep::timeline
