#pragma once
// One family of timeline lanes (actors and cores, holds, signals, queues, futures, tasks), built from the
// trace's derivation (lockstep::TraceModel) and nothing else: a family reads the histories the model keeps and
// turns them into bands, counts and marks; it never looks at events. TimelineModel gathers the families, orders
// their rows and routes marks; a new kind of lane is a new family.
//
// A family is built once from the model as it is, then updated with what the model added since. When the
// model outgrows the lanes (a new lock, a new semaphore slot, a new core), the whole timeline is rebuilt.

#include <QString>

#include <cstddef>
#include <vector>

#include "lockstep/TraceModel.h"
#include "timeline/Lane.h"

namespace lockstep::timeline {

// What the families of one timeline share while they build or update.
struct LaneContext {
    const TraceModel& model;
    std::vector<Lane>& lanes;
    std::vector<int>& objectLane;          // by object: its (first) lane, -1 for none
    const std::vector<QString>& actorNames;
    const std::vector<QString>& objectNames;
    const DeadlockCycle* cycle;            // the cycle shown, or nullptr

    int addLane(Lane lane) {
        lanes.push_back(std::move(lane));
        return int(lanes.size()) - 1;
    }
    bool actorInCycle(ActorId a) const;
    bool objectInCycle(ObjectId o) const;
};

// Copies the points of a step curve added since `seen` (the last one seen may have changed since: a step's
// value is rewritten until the step ends) to `out`, which holds exactly the points copied so far. Returns the
// new count seen.
std::size_t copyCounts(const std::vector<CountPoint>& from, std::size_t seen, std::vector<CountPoint>& out);

class LaneBuilder {
public:
    virtual ~LaneBuilder() = default;
    // Makes the family's lanes for the model as it is now, filled with everything it holds.
    virtual void build(LaneContext& c) = 0;
    // True when the model holds something this family has no lane for yet.
    virtual bool outgrown(const TraceModel& model) const = 0;
    // Adds what the model recorded since the last build or update; lanes keep their bands so far.
    virtual void update(LaneContext& c) = 0;
    // The family's rows, top to bottom, in lane indices.
    virtual void rows(std::vector<int>& out) const = 0;
};

// Lanes whose last bands are the intervals still open (a thread's current state, a lock still held): those
// reach to the end of the run and are replaced at every update. The settled bands before them stay.
class TailedLanes {
public:
    void track(int lane) { settled_.push_back({lane, 0}); }
    // Drops the tails of every tracked lane (before new settled bands are appended).
    void dropTails(std::vector<Lane>& lanes) const;
    // Marks the bands now on the lanes as settled, remembering from where each lane changed.
    void settle(std::vector<Lane>& lanes);
    // Calls Lane::finish on every tracked lane from where it changed (tails included).
    void finish(std::vector<Lane>& lanes);
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
