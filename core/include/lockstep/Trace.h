#pragma once
// The trace is the single source of truth of a run: an append-only list of events grouped into steps, an
// actor table, an object table and a string table. Everything the views show is derived from it
// (see TraceAnalysis), so any step can be drawn again without re-running.
//
// Threading: one writer (whichever actor holds the baton) appends. Another thread may read events, steps
// and strings below their published sizes at any time. Actor and object rows may change (a thread's OS id,
// an end state) while the run goes on, so read those only while the run is paused or over.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lockstep/AppendOnlyVector.h"
#include "lockstep/TraceEvent.h"
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
    std::int64_t param = 0;  // initial value (semaphore, shared), maxsize (queue), parties (barrier)
};

// A scheduling decision that had more than one candidate. `step` is the step after which it was taken.
struct Decision {
    std::uint32_t step = 0;
    ActorId chosen = kNoActor;
    std::uint16_t choices = 0;
};

// A cycle in the wait-for graph: actors[i] waits for objects[i], which actors[i+1] (cyclically) holds.
struct DeadlockCycle {
    std::uint32_t step = 0;
    std::vector<ActorId> actors;
    std::vector<ObjectId> objects;
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
    std::string message;          // for Error: what went wrong
    int deadlockCycle = -1;       // index into cycles() when status is Deadlock
    std::vector<FinalValue> shared;
};

class Trace {
public:
    Trace() = default;
    Trace(const Trace&) = delete;
    Trace& operator=(const Trace&) = delete;

    // ---- writer side ----
    void clear();
    void beginStep() { stepFirst_.push_back(static_cast<std::uint32_t>(events_.size())); }
    void add(const TraceEvent& e) { events_.push_back(e); }
    std::uint32_t intern(std::string_view s);
    ActorId addActor(ActorInfo info);
    ObjectId addObject(ObjectInfo info);
    ActorInfo& actorMut(ActorId a) { return actors_.mut(a); }
    void addDecision(Decision d) { decisions_.push_back(d); }
    int addCycle(DeadlockCycle c);
    RunOutcome& outcomeMut() { return outcome_; }

    // ---- reader side ----
    std::size_t eventCount() const { return events_.size(); }
    const TraceEvent& event(std::size_t i) const { return events_[i]; }
    // Steps are numbered from 1; step s holds events [stepBegin(s), stepEnd(s)).
    std::uint32_t stepCount() const { return static_cast<std::uint32_t>(stepFirst_.size()); }
    std::size_t stepBegin(std::uint32_t s) const { return stepFirst_[s - 1]; }
    std::size_t stepEnd(std::uint32_t s) const {
        return s < stepFirst_.size() ? stepFirst_[s] : events_.size();
    }
    std::uint32_t stepOfEvent(std::size_t eventIndex) const;

    std::size_t stringCount() const { return strings_.size(); }
    const std::string& string(std::uint32_t id) const { return strings_[id]; }
    std::size_t actorCount() const { return actors_.size(); }
    const ActorInfo& actor(ActorId a) const { return actors_[a]; }
    std::size_t objectCount() const { return objects_.size(); }
    const ObjectInfo& object(ObjectId o) const { return objects_[o]; }
    const std::vector<Decision>& decisions() const { return decisions_; }
    const std::vector<DeadlockCycle>& cycles() const { return cycles_; }
    const RunOutcome& outcome() const { return outcome_; }

    // Text of an event's argument when it names a string.
    std::string_view argText(const TraceEvent& e) const;

    // Bytes held by the event and step storage (for the memory benchmark).
    std::size_t eventStorageBytes() const { return events_.memoryBytes() + stepFirst_.memoryBytes(); }

private:
    AppendOnlyVector<TraceEvent, 14, (1u << 16)> events_;
    AppendOnlyVector<std::uint32_t, 14, (1u << 16)> stepFirst_;
    AppendOnlyVector<std::string, 10, 4096> strings_;
    AppendOnlyVector<ActorInfo, 8, 4096> actors_;
    AppendOnlyVector<ObjectInfo, 8, 4096> objects_;
    std::unordered_map<std::string, std::uint32_t> stringIds_;
    std::vector<Decision> decisions_;
    std::vector<DeadlockCycle> cycles_;
    RunOutcome outcome_;
};

}  // namespace lockstep
