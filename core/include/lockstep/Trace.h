#pragma once
// The trace is the single source of truth of a run: an append-only list of events grouped into steps, an
// actor table, an object table and a string table. Everything the views show is derived from it
// (see TraceAnalysis), so any step can be drawn again without re-running.
//
// Threading: one writer (whichever actor holds the baton) appends. Another thread may read events, steps
// and strings below their published sizes at any time. Actor and object rows may change (a thread's OS id,
// an end state) while the run goes on, so read those only while the run is paused or over.

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lockstep/AppendOnlyVector.h"
#include "lockstep/TraceEvent.h"
#include "lockstep/TraceListener.h"
#include "lockstep/Types.h"

namespace lockstep {

struct ActorInfo {
    std::string name;
    ActorKind kind = ActorKind::Thread;
    bool daemon = false;
    ActorId parent = kNoActor;
    ObjectId threadObject = kNoObject;  // the Thread object that represents this actor
    std::int64_t tid = 0;               // OS thread id of the thread that ran it
    std::int64_t pid = 0;
    EndState endState = EndState::NotStarted;
};

struct ObjectInfo {
    std::string name;
    ObjectKind kind = ObjectKind::Lock;
    // initial value (semaphore, shared), maxsize (queue), parties (barrier), max_workers (ThreadPoolExecutor),
    // the executor's object id (future)
    std::int64_t param = 0;
    // Made by the standard library for its own use, not by the learner's code: a Thread's `_started` Event, a
    // queue.Queue's mutex and conditions. A learner never wrote them, so the views leave them out unless asked
    // to show internals, and name the learner's call a thread waits inside instead (see InsideCall.h).
    bool internal = false;
};

// A scheduling decision that had more than one candidate. `step` is the step after which it was taken.
struct Decision {
    std::uint32_t step = 0;
    ActorId chosen = kNoActor;
};

// A cycle in the wait-for graph: actors[i] waits for objects[i], which actors[i+1] (cyclically) holds.
struct DeadlockCycle {
    std::uint32_t step = 0;
    std::vector<ActorId> actors;
    std::vector<ObjectId> objects;
};

// Two accesses to one Shared variable, at least one a store, that no happens-before edge orders.
struct DataRace {
    struct Access {
        std::uint32_t step = 0;
        ActorId actor = kNoActor;
        bool write = false;
    };
    ObjectId object = kNoObject;
    Access first;   // the earlier access
    Access second;  // the access that found the race
};

struct FinalValue {
    ObjectId object = kNoObject;
    std::string text;
    bool numeric = false;
};

struct RunOutcome {
    RunStatus status = RunStatus::Running;
    Nanos endTime = 0;
    std::uint32_t steps = 0;
    std::uint32_t switches = 0;
    std::string message;          // for Error: what went wrong; for StepLimit, TraceLimit: how to go further
    // Error because the forced schedule (--schedule, a replay token's decisions) does not fit this run: it
    // names no thread of the run, or one that cannot run at that decision. The input was wrong, not the
    // program.
    bool scheduleRejected = false;
    int deadlockCycle = -1;       // index into cycles() when status is Deadlock
    std::vector<FinalValue> shared;
};

class Trace {
public:
    Trace() = default;
    Trace(const Trace&) = delete;
    Trace& operator=(const Trace&) = delete;

    // ---- writer side ----
    // Every change from now on is told to `listener` (nullptr: none) as well; see TraceListener.
    void setListener(TraceListener* listener) { listener_ = listener; }
    void clear();
    void beginStep();
    void add(TraceEvent e);
    // The decision just taken had more than one candidate: the next step's first event says so.
    void markChoice() {
        if (listener_) listener_->onMarkChoice();
        choicePending_ = true;
    }
    std::uint32_t intern(std::string_view s);
    ActorId addActor(ActorInfo info);
    ObjectId addObject(ObjectInfo info);
    ActorInfo& actorMut(ActorId a) {
        ++revision_;
        if (listener_) listener_->onActorChanging(a);
        return actors_.mut(a);
    }
    int addCycle(DeadlockCycle c);
    int addRace(DataRace r);
    RunOutcome& outcomeMut() {
        ++revision_;
        if (listener_) listener_->onOutcomeChanging();
        return outcome_;
    }

    // ---- reader side ----
    std::size_t eventCount() const { return events_.size(); }
    const TraceEvent& event(std::size_t i) const { return events_[i]; }
    // Steps are numbered from 1; step s holds events [stepBegin(s), stepEnd(s)). Both find the step through
    // an index of every 256th step and then walk the StepStart flags, so they cost O(256 steps), not O(1).
    std::uint32_t stepCount() const { return stepCount_.load(std::memory_order_acquire); }
    std::size_t stepBegin(std::uint32_t s) const;
    std::size_t stepEnd(std::uint32_t s) const { return stepBegin(s + 1); }
    std::uint32_t stepOfEvent(std::size_t eventIndex) const;

    std::size_t stringCount() const { return strings_.size(); }
    const std::string& string(std::uint32_t id) const { return strings_[id]; }
    std::size_t actorCount() const { return actors_.size(); }
    const ActorInfo& actor(ActorId a) const { return actors_[a]; }
    std::size_t objectCount() const { return objects_.size(); }
    const ObjectInfo& object(ObjectId o) const { return objects_[o]; }
    ObjectInfo& objectMut(ObjectId o) {
        ++revision_;
        if (listener_) listener_->onObjectChanging(o);
        return objects_.mut(o);
    }
    // Changes with every change of a row, cycle, race or the outcome (not with events): a TraceSnapshot
    // copies the rows again only when it moved. Read it where the rows may be read.
    std::uint64_t revision() const { return revision_; }
    // Every decision that had more than one candidate, in order (derived from the Chosen flags).
    std::vector<Decision> decisions() const;
    const std::vector<DeadlockCycle>& cycles() const { return cycles_; }
    const std::vector<DataRace>& races() const { return races_; }
    const RunOutcome& outcome() const { return outcome_; }

    // The first actor / object with this name, or kNoActor / kNoObject.
    ActorId findActor(std::string_view name) const;
    ObjectId findObject(std::string_view name) const;

    // Text of an event's argument when it names a string.
    std::string_view argText(const TraceEvent& e) const;

    // Bytes held by the event and step storage (for the memory benchmark).
    std::size_t eventStorageBytes() const { return events_.memoryBytes() + stepIndex_.memoryBytes(); }

    // Whether a run writing this trace must end now (status trace-limit): it holds `maxEvents` events, or as
    // many strings or objects as it may. The run checks at its scheduling points, and what it records until
    // the next one goes into the storage beyond these limits. Should even that fill up, events are dropped
    // and strings stand in for each other instead of an exception: filling a trace never takes the program
    // down.
    bool full(std::size_t maxEvents) const {
        return eventCount() >= maxEvents || strings_.size() >= kMaxStrings || objects_.size() >= kMaxObjects;
    }
    // What full() found, in words, e.g. "33554432 events"; empty when it is not full.
    std::string fullness(std::size_t maxEvents) const;
    // Events that did not fit in the storage at all (see full()).
    std::size_t droppedEvents() const { return dropped_; }

    static constexpr std::uint32_t kStepIndexEvery = 256;
    // Distinct texts (printed lines, values, names): about 2 M of them take as much memory as the events.
    static constexpr std::size_t kMaxStrings = std::size_t{2} << 20;
    static constexpr std::size_t kMaxObjects = std::size_t{512} << 10;

private:
    static constexpr std::size_t kEventChunks = 1u << 13;
    static constexpr std::size_t kStringChunks = 4096;
    AppendOnlyVector<TraceEvent, 14, kEventChunks> events_;  // up to 134 M events in 384 KB chunks
    AppendOnlyVector<std::uint32_t, 12, (1u << 12)> stepIndex_;  // first event of steps 1, 257, 513, ...
    std::atomic<std::uint32_t> stepCount_{0};
    bool stepPending_ = false;    // a step has begun and has no event yet
    bool choicePending_ = false;
    AppendOnlyVector<std::string, 10, kStringChunks> strings_;
    std::uint32_t overflowString_ = UINT32_MAX;  // the text every string past the storage stands for
    std::size_t dropped_ = 0;
    AppendOnlyVector<ActorInfo, 8, 4096> actors_;
    AppendOnlyVector<ObjectInfo, 8, 4096> objects_;
    std::unordered_map<std::string, std::uint32_t> stringIds_;
    std::vector<DeadlockCycle> cycles_;
    std::vector<DataRace> races_;
    RunOutcome outcome_;
    std::uint64_t revision_ = 0;
    TraceListener* listener_ = nullptr;
};

}  // namespace lockstep
