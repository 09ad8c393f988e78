#pragma once
// Every lane of the timeline, built from a trace in one pass and extended as the trace grows: update() reads
// only the new events (the same state machines as lockstep::TraceAnalysis, kept open between calls), so a
// step of a million-event run costs microseconds, not a rebuild. Names of actors and objects are copied in,
// so painting and tooltips never read the trace (whose actor rows may change while a run goes on).

#include <QString>
#include <cstdint>
#include <vector>

#include "lockstep/Trace.h"
#include "lockstep/TraceAnalysis.h"
#include "timeline/Axis.h"
#include "timeline/Lane.h"

namespace lockstep::timeline {

class TimelineModel {
public:
    TimelineModel() = default;
    explicit TimelineModel(const Trace& trace) { build(trace); }

    void clear();
    void build(const Trace& trace);
    // Brings the lanes up to date with a trace that has grown; true if anything changed. New events are added
    // to the lanes; a new actor, object, core or semaphore slot, a new outcome or a new cycle rebuilds them
    // all.
    bool update(const Trace& trace);

    const std::vector<Lane>& lanes() const { return lanes_; }
    int laneCount() const { return static_cast<int>(lanes_.size()); }
    const Lane& lane(int i) const { return lanes_[static_cast<std::size_t>(i)]; }
    // Index of an actor's lane or an object's (first) lane, or -1.
    int actorLane(ActorId a) const;
    int objectLane(ObjectId o) const;

    std::uint32_t stepCount() const { return stepCount_; }
    std::size_t eventCount() const { return eventCount_; }
    Nanos endTime() const { return endTime_; }
    // The run on an axis: steps [1, stepCount + 1), time [0, endTime) (never empty).
    Pos rangeBegin(Axis a) const { return a == Axis::Steps ? 1 : 0; }
    Pos rangeEnd(Axis a) const;
    // Virtual time at which a step happened (its first event).
    Nanos stepTime(std::uint32_t step) const;
    // Where a step sits on an axis: its first unit (steps) or its instant (time).
    Pos stepPosition(Axis a, std::uint32_t step) const;
    // The step shown at a position: the step itself, or the last step at or before an instant (>= 1 when
    // any).
    std::uint32_t stepAt(Axis a, Pos p) const;

    QString actorName(ActorId a) const;
    QString objectName(ObjectId o) const;
    // What a future returned (repr) or raised ("Type: message") once it is finished or failed; empty before.
    QString futureOutcome(ObjectId future) const;
    bool hasFutures() const { return hasFutures_; }
    // The deadlock cycle shown (the outcome's, else the last one found), or nullptr.
    const DeadlockCycle* cycle() const { return hasCycle_ ? &cycle_ : nullptr; }

private:
    // Reads events [processed_, end) into the lanes; false when one needs a lane that does not exist yet.
    bool consume(const Trace& trace, std::size_t end);
    // Intervals still open (the actor's current state, a lock still held) end at the end of the run; they are
    // appended after the settled bands and replaced at the next update.
    void appendOpenTails();
    void dropOpenTails();
    void closeState(ActorId a, const StateInterval& s);
    bool cycleHighlight(ActorId a, const StateInterval& s) const;

    struct WaitCount {
        int lane = -1;
        int count = 0;
        std::vector<char> waiting;  // by actor
    };
    struct HoldState {
        int lane = -1;  // first slot lane (locks: the lock's lane)
        int slotCount = 1;
        bool semaphore = false;
        std::vector<HoldInterval> open;  // by slot
    };

    std::vector<Lane> lanes_;
    std::vector<std::size_t> settled_;              // by lane: bands before the open tails
    std::vector<StateInterval> current_;            // by actor: the open state interval
    std::vector<WaitCount> waits_;                  // by object
    std::vector<std::vector<ObjectId>> waitingOn_;  // by actor: objects whose count includes it
    std::vector<HoldState> holds_;                  // by object
    std::vector<int> queueCount_;                   // by object
    std::vector<FutureInterval> futures_;           // by object: a future's open state interval
    std::vector<char> futureCreated_;               // by object: its Create event was seen
    std::vector<QString> futureOutcomes_;           // by object: see futureOutcome()
    bool hasFutures_ = false;
    std::vector<int> coreLane_;                     // by core
    std::vector<ObjectKind> objectKinds_;
    std::size_t processed_ = 0;
    TraceEvent lastEvent_;    // event processed_ - 1, to notice a trace cleared and refilled
    std::uint32_t step_ = 0;  // steps seen in the processed events
    std::vector<int> actorLane_, objectLane_;
    std::vector<Nanos> stepTimes_;  // by step - 1
    std::vector<QString> actorNames_, objectNames_;
    std::uint32_t stepCount_ = 0;
    std::size_t eventCount_ = 0;
    Nanos endTime_ = 0;
    RunStatus status_ = RunStatus::Running;
    DeadlockCycle cycle_;
    bool hasCycle_ = false;
    std::size_t cycleCount_ = 0;
};

}  // namespace lockstep::timeline
