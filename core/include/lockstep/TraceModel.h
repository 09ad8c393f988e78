#pragma once
// The one derivation of a trace: RunState (the state at the newest step, from RunState::apply, the reducer),
// the histories every view draws (each actor's states, each lock's and semaphore slot's holds, waiters,
// queue lengths, futures, tasks, what each event loop ran, marks, messages between processes, printed lines)
// and checkpoints, so that the state at any step costs the same on a million-event trace as on a short one.
//
// One TraceModel per trace, advanced as the trace grows (the window advances it once per controller report;
// the command line, the exporters and the tests once, over the finished trace). Advancing reads only the
// events of the snapshot it is given and the snapshot's rows, never the trace's rows, so a model may be
// advanced while the run goes on. Everything else reads the model; nothing else interprets events.
//
// Histories are flat arrays in the order things happened, so a view that follows a growing trace reads only
// what is new since its last look (sizes only grow, except after a reset, which generation() tells).

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "lockstep/CausalLinks.h"
#include "lockstep/RunState.h"
#include "lockstep/Trace.h"
#include "lockstep/TraceSnapshot.h"

namespace lockstep {

// Who held a Lock/RLock/GIL, or one semaphore slot, over [beginStep, endStep) and [begin, end).
struct HoldInterval {
    std::uint32_t beginStep = 0, endStep = 0;
    Nanos begin = 0, end = 0;
    ActorId holder = kNoActor;
    int slot = 0;  // semaphore slot (0 for locks)
};

// A state of a concurrent.futures.Future over [beginStep, endStep) and [begin, end).
struct FutureInterval {
    std::uint32_t beginStep = 0, endStep = 0;
    Nanos begin = 0, end = 0;
    FutureState state = FutureState::Pending;
    // Pending: who submitted it; Running, Finished, Failed: the worker that ran it; Cancelled: who cancelled it.
    ActorId actor = kNoActor;
};

// A state of an asyncio task or future over [beginStep, endStep) and [begin, end). Running lasts to the end
// of the step the loop spent on the task, so a task resumed and suspended again in one step shows one step
// of running; the state it went to begins with the next step.
struct TaskInterval {
    std::uint32_t beginStep = 0, endStep = 0;
    Nanos begin = 0, end = 0;
    TaskState state = TaskState::Pending;
    ObjectId awaited = kNoObject;   // Waiting: what it awaits (a task, future, queue, lock...), kNoObject for a sleep
    std::int32_t sleepMicros = -1;  // Waiting in asyncio.sleep(): its length in microseconds
    bool hasTimeout = false;        // Waiting with a timeout (wait_for, wait(timeout=))
    ActorId loop = kNoActor;        // the event loop's actor that ran it last
};

// A task's move from one state to another, as the task intervals show it (after the rule above).
struct TaskChange {
    ObjectId task = kNoObject;
    TaskState from = TaskState::Pending;
    TaskState to = TaskState::Pending;
    std::uint32_t step = 0;
    Nanos time = 0;
    bool created = false;  // the task's first state: `from` means nothing
};

// A value (waiters, a queue's length, a ready queue) from step/time on, until the next point.
struct CountPoint {
    std::uint32_t step = 0;
    Nanos time = 0;
    int value = 0;
};

// What an event loop ran over [beginStep, endStep): a task up to its next await, or a callback (one step).
struct LoopRun {
    std::uint32_t beginStep = 0, endStep = 0;
    Nanos begin = 0, end = 0;
    ObjectId object = kNoObject;  // the task or callback
    bool callback = false;
};

// A message that went from one actor to another through a multiprocessing.Queue (put, then get) or a Pipe
// (send on one end, recv on the other), on both axes.
struct Transfer {
    ObjectId object = kNoObject;      // the Queue, or the Pipe end the message was sent on
    ObjectId receivedOn = kNoObject;  // the Queue again, or the Pipe's other end
    ActorId fromActor = kNoActor, toActor = kNoActor;
    std::uint32_t fromStep = 0, toStep = 0;
    Nanos fromTime = 0, toTime = 0;
    std::uint32_t fromEvent = 0, toEvent = 0;  // indices of the put/send and the get/recv event
    EventText text;                            // the message's repr
};

// Instants worth a mark on a timeline.
enum class IncidentKind : std::uint8_t {
    Switch,    // a context switch to `actor` from `other`
    Raise,     // an exception raised
    Deadlock,  // a wait-for cycle closed
    Wait,      // an actor began waiting on an Event, Condition, Barrier or a future's result
    Woken,     // ... and was woken
    Timeout,   // ... or its wait timed out
    Notify,
    Set,
    Clear,
    Race,      // a load or store racing with an earlier access (`other`, at `otherStep`/`otherEvent`)
    Exit,      // a child process ended
    Count_
};
inline constexpr std::size_t kIncidentKinds = std::size_t(IncidentKind::Count_);

struct Incident {
    std::uint32_t step = 0;
    Nanos time = 0;
    std::uint32_t event = 0;    // the event's index in the trace
    ObjectId object = kNoObject;
    ActorId actor = kNoActor;   // who did it (a switch: who runs now)
    ActorId other = kNoActor;   // a switch: who ran before; a race: the other access's actor
    IncidentKind kind = IncidentKind::Switch;
    int race = -1;              // a race: its index in the trace's races()
};

// A printed line (a Print event).
struct OutputLine {
    std::uint32_t step = 0;
    Nanos time = 0;
    std::uint32_t event = 0;
    ActorId actor = kNoActor;
    bool toStderr = false;
    EventText text;
};

class TraceModel {
public:
    TraceModel() = default;
    // A model of a finished trace (or one nothing writes to now), advanced over all of it.
    explicit TraceModel(const Trace& trace);
    TraceModel(const TraceModel&) = delete;
    TraceModel& operator=(const TraceModel&) = delete;

    // Reads events [events(), snapshot.events) of `trace`; the trace must be the one the model follows (a
    // trace cleared and filled again resets the model first). True when anything changed.
    bool advance(const Trace& trace, const TraceSnapshot& snapshot);
    bool advance(const Trace& trace) { return advance(trace, TraceSnapshot::of(trace, snapshot_)); }
    void reset();
    // Grows by one at every reset, so a view can tell its indices into the histories are stale.
    std::uint64_t generation() const { return generation_; }

    const Trace* trace() const { return trace_; }
    const TraceSnapshot& snapshot() const { return snapshot_; }
    // Rows as of the last advance (names, kinds, outcome, cycles, races).
    std::size_t actorCount() const { return snapshot_.actorCount(); }
    std::size_t objectCount() const { return snapshot_.objectCount(); }
    const ActorInfo& actor(ActorId a) const { return snapshot_.actor(a); }
    const ObjectInfo& object(ObjectId o) const { return snapshot_.object(o); }
    const RunOutcome& outcome() const { return snapshot_.outcome(); }
    const std::vector<DeadlockCycle>& cycles() const { return snapshot_.cycles(); }
    const std::vector<DataRace>& races() const { return snapshot_.races(); }
    bool ended() const { return outcome().status != RunStatus::Running; }
    std::string text(const EventText& t) const { return trace_ ? t.text(*trace_) : std::string(); }

    std::size_t events() const { return head_.events(); }
    std::uint32_t steps() const { return head_.step(); }
    // Where every last interval ends: the run's end time once it is over, else the last event's time.
    Nanos endTime() const;
    // The first event of a step (1-based), and the step an event belongs to.
    std::size_t stepBegin(std::uint32_t step) const;
    std::size_t stepEnd(std::uint32_t step) const { return stepBegin(step + 1); }
    std::uint32_t stepOfEvent(std::size_t event) const;
    // Virtual time of a step's first event (0 for step 0).
    Nanos stepTime(std::uint32_t step) const;
    // Virtual time at the end of a step: its last event's (0 for step 0).
    Nanos timeAtEndOf(std::uint32_t step) const;

    // ---- state
    const RunState& head() const { return head_; }
    // The state at the end of `step` (0: before the first), from the nearest checkpoint.
    RunState stateAt(std::uint32_t step) const;
    // As stateAt, but moving `state` from where it is: forward by applying the events in between when that is
    // cheaper than starting over from a checkpoint.
    void moveTo(RunState& state, std::uint32_t step) const;
    // The load or store event of one access of a data race, or nullopt when the model has not seen its step.
    std::optional<std::size_t> raceAccessEvent(const DataRace& race, const DataRace::Access& access) const;
    std::size_t checkpointCount() const { return checkpoints_.size(); }
    std::size_t checkpointBytes() const { return checkpointBytes_; }

    // ---- histories (closed intervals, in the order they closed; the open ones are the *Now() calls)
    const std::vector<StateInterval>& actorStates(ActorId a) const;
    // The actor's current interval, reaching to the end of the run (steps: steps() + 1).
    StateInterval actorStateNow(ActorId a) const;
    const std::vector<HoldInterval>& holds(ObjectId o) const;
    // Holds still open, reaching to the end of the run.
    std::vector<HoldInterval> holdsNow(ObjectId o) const;
    const std::vector<CountPoint>& waiterCounts(ObjectId o) const;
    const std::vector<CountPoint>& queueLengths(ObjectId o) const;
    // Slots a semaphore's lanes need: its initial value, or more if a release ever took it above.
    int slotCount(ObjectId o) const;
    const std::vector<FutureInterval>& futureStates(ObjectId o) const;
    // A future's current state (false before it was created), reaching to the end of the run.
    bool futureStateNow(ObjectId o, FutureInterval& out) const;
    const std::vector<TaskInterval>& taskStates(ObjectId o) const;
    bool taskStateNow(ObjectId o, TaskInterval& out) const;
    const std::vector<TaskChange>& taskChanges() const { return taskChanges_; }
    // Tasks and asyncio futures, in the order they were created.
    const std::vector<ObjectId>& taskObjects() const { return taskObjects_; }
    // What an event loop ran, by its actor (the last run may still be open: endStep then kOpenStep).
    const std::vector<LoopRun>& loopRuns(ActorId loop) const;
    const std::vector<CountPoint>& readyQueue(ActorId loop) const;
    // Every loop's ready queue as one series (a run has one loop at a time).
    const std::vector<CountPoint>& readyQueue() const { return readyQueueAll_; }
    // Actors that ran an event loop, in the order they first did.
    const std::vector<ActorId>& loopActors() const { return loopActors_; }
    const std::vector<Incident>& incidents() const { return incidents_; }
    const std::vector<Transfer>& transfers() const { return transfers_; }
    // Cause → effect between actors (a release and the acquire it let through...), in the order the effects
    // happened; see CausalLinks.h.
    const std::vector<CausalLink>& causalLinks() const { return causal_.links(); }
    const std::vector<OutputLine>& output() const { return output_; }
    // Virtual cores some CPU burst ran on (a run without work() has none).
    int coresUsed() const { return cores_; }
    // The trace's deadlock cycle to show: the outcome's, else the last one found (nullptr: none).
    const DeadlockCycle* shownCycle() const;

    static constexpr std::uint32_t kOpenStep = UINT32_MAX;

private:
    struct Recorder;
    friend struct Recorder;
    struct TaskTrack {
        TaskInterval cur;
        TaskInterval next;  // a change out of Running, waiting for its step to end
        bool created = false;
        bool deferred = false;
    };
    void record(const TraceEvent& e, std::size_t index);
    void openTask(ObjectId o, const TaskInterval& next);
    void enterTask(ObjectId o, const TaskInterval& state);
    void applyDeferred(std::uint32_t step);
    void grow(std::size_t actors, std::size_t objects);
    void takeCheckpoint();

    const Trace* trace_ = nullptr;
    TraceSnapshot snapshot_;
    std::uint64_t generation_ = 0;
    TraceEvent lastEvent_;
    RunState head_;
    std::vector<std::uint32_t> stepBegin_;  // by step - 1: its first event
    std::vector<Nanos> stepTime_;           // by step - 1: its first event's time
    struct Checkpoint {
        std::uint32_t step = 0;  // the state at the end of this step
        RunState state;
    };
    std::vector<Checkpoint> checkpoints_;
    std::size_t checkpointBytes_ = 0;
    std::size_t sinceCheckpoint_ = 0;  // events since the last checkpoint

    std::vector<std::vector<StateInterval>> actorStates_;
    std::vector<std::vector<HoldInterval>> holds_;
    std::vector<std::vector<CountPoint>> waiters_;
    std::vector<std::vector<CountPoint>> queues_;
    std::vector<int> slots_;
    std::vector<std::vector<FutureInterval>> futures_;
    std::vector<FutureInterval> futureNow_;
    std::vector<char> futureCreated_;
    std::vector<std::vector<TaskInterval>> tasks_;
    std::vector<TaskTrack> taskNow_;
    std::vector<ObjectId> deferred_;
    std::vector<TaskChange> taskChanges_;
    std::vector<ObjectId> taskObjects_;
    std::vector<std::vector<LoopRun>> loopRuns_;
    std::vector<std::vector<CountPoint>> readyQueues_;
    std::vector<CountPoint> readyQueueAll_;
    std::vector<ActorId> loopActors_;
    std::vector<Incident> incidents_;
    std::vector<Transfer> transfers_;
    CausalLinker causal_;
    std::vector<OutputLine> output_;
    int cores_ = 0;
    std::size_t objectsSeen_ = 0;  // rows read for taskObjects_
    bool finalized_ = false;  // the run's end applied the last deferred task changes
};

}  // namespace lockstep
