#pragma once
// A finished trace's histories as whole arrays: TraceModel fed every event, for callers that want one answer
// about a whole run (the exporters, the command line, the tests) rather than a model that follows a growing
// trace. Each array is flat and step-sorted, so a view can binary-search it. Intervals carry both axes: steps
// [beginStep, endStep) and virtual time [begin, end); the last interval of each reaches the end of the run.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lockstep/RunState.h"
#include "lockstep/Trace.h"
#include "lockstep/TraceModel.h"

namespace lockstep {

class TraceAnalysis {
public:
    explicit TraceAnalysis(const Trace& trace) : model_(trace) {}

    const TraceModel& model() const { return model_; }

    // One array per actor, covering steps 1..stepCount (intervals of zero length in steps are kept when they
    // have a length in time, and the other way round).
    std::vector<std::vector<StateInterval>> actorStates() const;
    // Who held a Lock/RLock/GIL, or each semaphore slot, over the run, by the step each hold began.
    std::vector<HoldInterval> holds(ObjectId object) const;
    // Number of actors blocked on an object after each step where it changed.
    std::vector<CountPoint> waiters(ObjectId object) const;
    // A future's states from its creation (submit) on.
    std::vector<FutureInterval> futureStates(ObjectId future) const;
    // Every asyncio task's and future's states, indexed by object id (empty for other objects).
    std::vector<std::vector<TaskInterval>> taskStates() const;
    // Length of the event loop's ready queue over the run: at each callback or task step, the callbacks
    // waiting (that one included); 0 while the loop waits for a timer or a thread.
    std::vector<CountPoint> readyQueue() const { return model_.readyQueue(); }
    // Items in a queue (queue.Queue or multiprocessing.Queue) after each put/get.
    std::vector<CountPoint> queueLength(ObjectId queue) const { return model_.queueLengths(queue); }
    // Each actor's state at the end of step `step` (1-based), and what it waits on.
    std::vector<StateInterval> statesAt(std::uint32_t step) const;
    // Every message through a multiprocessing.Queue or Pipe that was received, in the order of the receives.
    std::vector<Transfer> transfers() const { return model_.transfers(); }
    // Value of a Shared variable after step `step`, as text.
    std::string sharedValueAt(ObjectId object, std::uint32_t step) const;
    // The load or store event of one access of a data race, or nullopt when the trace does not hold that step.
    std::optional<std::size_t> raceAccessEvent(const DataRace& race, const DataRace::Access& access) const {
        return model_.raceAccessEvent(race, access);
    }

private:
    TraceModel model_;
};

}  // namespace lockstep
