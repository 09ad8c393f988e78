#pragma once
// Views derived from a trace: per-actor state intervals, lock ownership, semaphore slot holders, queue
// lengths. Each is a flat, step-sorted array, so a view can binary-search the visible range.
// Intervals carry both axes: steps [beginStep, endStep) and virtual time [begin, end).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lockstep/Trace.h"

namespace lockstep {

enum class ActorState : std::uint8_t { NotStarted, Running, Ready, Blocked, Sleeping, Computing, Done };
std::string_view actorStateName(ActorState s);

struct StateInterval {
    std::uint32_t beginStep = 0, endStep = 0;
    Nanos begin = 0, end = 0;
    ActorState state = ActorState::NotStarted;
    Op op = Op::Run;               // for Blocked: the operation it waits in (acquire, join, get...)
    ObjectId object = kNoObject;   // for Blocked: what it waits on
    std::uint8_t core = 0;         // for Computing
};

struct HoldInterval {
    std::uint32_t beginStep = 0, endStep = 0;
    Nanos begin = 0, end = 0;
    ActorId holder = kNoActor;
    int slot = 0;                  // semaphore slot (0 for locks)
};

// A state of a concurrent.futures.Future over [beginStep, endStep) and [begin, end).
struct FutureInterval {
    std::uint32_t beginStep = 0, endStep = 0;
    Nanos begin = 0, end = 0;
    FutureState state = FutureState::Pending;
    // Pending: who submitted it; Running, Finished, Failed: the worker that ran it; Cancelled: who cancelled it.
    ActorId actor = kNoActor;
};

// The state an event on a future's object moves the future into, or nullopt when the event changes none
// (a failed cancel(), a worker skipping a cancelled future, result() calls).
std::optional<FutureState> futureStateAfter(const TraceEvent& e);

// A state of an asyncio task or future over [beginStep, endStep) and [begin, end).
struct TaskInterval {
    std::uint32_t beginStep = 0, endStep = 0;
    Nanos begin = 0, end = 0;
    TaskState state = TaskState::Pending;
    // Waiting: what the task awaits (a task, future, queue, lock, event, semaphore), kNoObject for a sleep.
    ObjectId awaited = kNoObject;
    std::int32_t sleepMicros = -1;  // Waiting on asyncio.sleep(): its length in microseconds
    bool hasTimeout = false;        // Waiting with a timeout (wait_for, wait(timeout=))
};

// The state an event on a task's or asyncio future's object moves it into, or nullopt when none.
std::optional<TaskState> taskStateAfter(const TraceEvent& e);

struct CountPoint {
    std::uint32_t step = 0;
    Nanos time = 0;
    int value = 0;
};

class TraceAnalysis {
public:
    explicit TraceAnalysis(const Trace& trace) : trace_(trace) {}

    // One array per actor, covering steps 1..stepCount (intervals of zero length are kept: they are the
    // instants the actor ran without virtual time passing).
    std::vector<std::vector<StateInterval>> actorStates() const;
    // Who held a Lock/RLock/GIL, or each semaphore slot, over the run.
    std::vector<HoldInterval> holds(ObjectId object) const;
    // Number of actors blocked on an object after each step where it changed.
    std::vector<CountPoint> waiters(ObjectId object) const;
    // A future's states from its creation (submit) on; the last lasts to the end of the run.
    std::vector<FutureInterval> futureStates(ObjectId future) const;
    // Every asyncio task's and future's states, indexed by object id (empty for other objects), in one pass
    // over the trace. The last interval lasts to the end of the run.
    std::vector<std::vector<TaskInterval>> taskStates() const;
    // Length of the event loop's ready queue over the run: at each callback or task step, the callbacks
    // waiting (that one included); 0 while the loop waits for a timer or a thread.
    std::vector<CountPoint> readyQueue() const;
    // Items in a queue after each put/get.
    std::vector<CountPoint> queueLength(ObjectId queue) const;
    // Each actor's state at the end of step `step` (1-based), and what it waits on.
    std::vector<StateInterval> statesAt(std::uint32_t step) const;
    // Value of a Shared variable after step `step`, as text.
    std::string sharedValueAt(ObjectId object, std::uint32_t step) const;
    // The load or store event of one access of a data race (its time and listing line), or nullopt when the
    // trace does not hold that step (yet).
    std::optional<std::size_t> raceAccessEvent(const DataRace& race, const DataRace::Access& access) const;

private:
    const Trace& trace_;
};

}  // namespace lockstep
