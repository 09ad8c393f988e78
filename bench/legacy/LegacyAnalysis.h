#pragma once
// The trace's derivation as it was before the one analysis layer (lockstep::TraceModel): kept in bench/ only
// as the baseline the analysis benchmark measures the new layer against, in the same run. Not built into
// Lockstep itself; do not use it elsewhere.
// Views derived from a trace: per-actor state intervals, lock ownership, semaphore slot holders, queue
// lengths. Each is a flat, step-sorted array, so a view can binary-search the visible range.
// Intervals carry both axes: steps [beginStep, endStep) and virtual time [begin, end).

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lockstep/Trace.h"

namespace lockstep::legacy {

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

// A message that went from one actor to another through a multiprocessing.Queue (put, then get) or a Pipe
// (send on one end, recv on the other), on both axes.
struct Transfer {
    ObjectId object = kNoObject;      // the Queue, or the Pipe end the message was sent on
    ObjectId receivedOn = kNoObject;  // the Queue again, or the Pipe's other end
    ActorId fromActor = kNoActor, toActor = kNoActor;
    std::uint32_t fromStep = 0, toStep = 0;
    Nanos fromTime = 0, toTime = 0;
    std::uint32_t fromEvent = 0, toEvent = 0;  // indices of the put/send and the get/recv event
    std::string text;                          // the message's repr
};

// Pairs each message's send with its receive as the trace goes. A multiprocessing.Queue is FIFO, so its n-th
// successful put is its n-th successful get; a Pipe end delivers in order too, so the n-th send on an end is
// the n-th recv on the other end. Fed one event at a time: views that follow a growing trace keep one open
// and read only the new events.
class TransferMatcher {
public:
    // A message sent and not received yet.
    struct Pending {
        ActorId actor = kNoActor;
        std::uint32_t step = 0;
        Nanos time = 0;
        std::uint32_t event = 0;
        ObjectId sentOn = kNoObject;
        std::string text;
    };

    void clear();
    // Reads event `index` of `trace`, which lies in step `step` (events must come in order, each once). True
    // when the event received a message: its transfer is then the last of transfers().
    bool feed(const Trace& trace, std::size_t index, std::uint32_t step);
    const std::vector<Transfer>& transfers() const { return transfers_; }
    std::vector<Transfer> takeTransfers() { return std::move(transfers_); }
    // Messages on their way to `receiver` (a Queue, or the Pipe end they will be received on), oldest first;
    // nullptr when none was ever sent there.
    const std::deque<Pending>* pending(ObjectId receiver) const;
    // The other end of a Pipe end, or kNoObject (not a Pipe end, or not known to the matcher yet).
    ObjectId peer(ObjectId end) const { return end < peers_.size() ? peers_[end] : kNoObject; }
    // Reads the object table up to its current size (feed() does it when an event names a new object).
    void syncObjects(const Trace& trace);

private:
    enum class Channel : std::uint8_t { None, Queue, PipeEnd };
    std::vector<Channel> channels_;  // by object
    std::vector<ObjectId> peers_;    // by object: a Pipe end's other end
    std::unordered_map<ObjectId, std::deque<Pending>> pending_;  // by receiving object
    std::vector<Transfer> transfers_;
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
    // Every message through a multiprocessing.Queue or Pipe that was received, in the order of the receives.
    // Messages still on their way at the end of the trace are not in it.
    std::vector<Transfer> transfers() const;
    // Value of a Shared variable after step `step`, as text.
    std::string sharedValueAt(ObjectId object, std::uint32_t step) const;
    // The load or store event of one access of a data race (its time and listing line), or nullopt when the
    // trace does not hold that step (yet).
    std::optional<std::size_t> raceAccessEvent(const DataRace& race, const DataRace::Access& access) const;

private:
    const Trace& trace_;
};

}  // namespace lockstep::legacy
