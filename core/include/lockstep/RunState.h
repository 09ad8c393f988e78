#pragma once
// The state of a run at the end of one step, derived from the trace's events and nothing else: each actor's
// state (running, ready, blocked on what and in which call, sleeping, computing, done) and listing line; each
// object's holder, slots, waiters, items, flag, value and last writer, future and task states; the errors
// raised, the deadlock reached, how many races and printed lines there were. This is the one place where the
// meaning of an event is decided: RunState::apply() is the reducer every view, the command line and the tests
// go through (TraceModel feeds it, keeps histories from what it reports, and checkpoints copies of it).
//
// A RunState is a plain value: copying one is how a checkpoint is taken. Objects and lists are kept small
// (texts are string ids into the trace, not copies), so a checkpoint of a run with 10,000 tasks costs a few
// megabytes.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lockstep/TraceEvent.h"
#include "lockstep/Types.h"

namespace lockstep {

class Trace;
struct TraceSnapshot;

enum class ActorState : std::uint8_t { NotStarted, Running, Ready, Blocked, Sleeping, Computing, Done };
std::string_view actorStateName(ActorState s);
inline constexpr std::size_t kActorStates = 7;

// An actor's state over [beginStep, endStep) and [begin, end). While an interval is open, its ends are where
// the run is now.
struct StateInterval {
    std::uint32_t beginStep = 0, endStep = 0;
    Nanos begin = 0, end = 0;
    ActorState state = ActorState::NotStarted;
    Op op = Op::Run;               // Blocked: the call it waits in (acquire, join, get...); Sleeping: sleep
    ObjectId object = kNoObject;   // Blocked: what it waits on
    std::uint8_t core = 0;         // Computing: the virtual core
    friend bool operator==(const StateInterval&, const StateInterval&) = default;
};

// A text an event carried: a number, or a string of the trace's table. Kept as the event had it, so a state
// costs no string copies; text() turns it into words.
struct EventText {
    enum class Kind : std::uint8_t { None, Number, String };
    std::int32_t value = 0;
    Kind kind = Kind::None;

    static EventText of(const TraceEvent& e);
    bool empty() const { return kind == Kind::None; }
    std::string text(const Trace& trace) const;
    friend bool operator==(const EventText&, const EventText&) = default;
};

// A Python-style exception raised in the run ("Type: message").
struct RaisedError {
    std::uint32_t step = 0;
    Nanos time = 0;
    ActorId actor = kNoActor;
    ObjectId object = kNoObject;  // what it was raised about (the lock released while unlocked...), if anything
    EventText text;
    bool uncaught = false;        // it ended its thread
    friend bool operator==(const RaisedError&, const RaisedError&) = default;
};

// An item in a queue, or a message on its way through a multiprocessing Queue or Pipe: what it is and who
// put or sent it, when.
struct QueuedItem {
    EventText text;
    ActorId from = kNoActor;
    std::uint32_t step = 0;
    Nanos time = 0;
    std::uint32_t event = 0;       // the put or send event
    ObjectId sentOn = kNoObject;   // the Queue, or the Pipe end it was sent on
    friend bool operator==(const QueuedItem&, const QueuedItem&) = default;
};

struct ActorNow {
    StateInterval state{1, 1};     // the current state, since state.beginStep (its end is not kept)
    std::uint16_t line = 0;        // listing line of its last event (0: none yet)
    std::uint32_t lastStep = 0;    // the last step in which it had an event
    bool hasTimeout = false;       // Blocked or Sleeping with a timeout
    bool ended = false;            // its Run ended (done, error, aborted)
    bool failed = false;           // it ended by an uncaught exception
    std::int32_t readyQueue = -1;  // an actor running an event loop: callbacks and tasks ready (-1: none)
    EventText locals;              // a Python program's thread: its innermost frame's locals (Op::Locals)
    friend bool operator==(const ActorNow&, const ActorNow&) = default;
};

struct SlotHold {
    ActorId holder = kNoActor;
    std::uint32_t step = 0;
    Nanos time = 0;
    friend bool operator==(const SlotHold&, const SlotHold&) = default;
};

struct ObjectNow {
    bool created = false;
    // Lock, RLock, GIL: the holder since `held`; count is an RLock's depth. Semaphores: count is the value,
    // slotHolds the holder of each slot. asyncio.Semaphore: count is the value; asyncio.Queue: its size.
    SlotHold held;
    std::int32_t count = 0;
    std::vector<SlotHold> slotHolds;
    std::vector<ActorId> waiters;       // actors blocked on it, in the order they came
    std::vector<QueuedItem> items;      // a queue's contents, or the messages on their way to a Pipe end
    std::int32_t unfinished = 0;        // queue.Queue: items put and not yet task_done()
    bool flag = false;                  // Event: set; Pipe end: closed
    EventText value;                    // Shared: value; Future, task: result or exception; Value/Array: as seen
    ActorId writer = kNoActor;          // Shared, Value, Array: who stored the value, at which step
    std::uint32_t writeStep = 0;
    ActorId actor = kNoActor;           // Thread, Timer, Process: the actor it started; Future: the worker
    FutureState future = FutureState::Pending;
    // asyncio task or future: state, what it awaits (kNoObject for a sleep of sleepMicros), its coroutine
    // function, the loop that last ran it, and the step it last ran in.
    TaskState task = TaskState::Pending;
    ObjectId awaited = kNoObject;
    std::int32_t sleepMicros = -1;
    bool hasTimeout = false;
    EventText coroutine;
    ActorId loop = kNoActor;
    std::uint32_t ranStep = 0;
    std::vector<ObjectId> waitingTasks;  // tasks awaiting it
    ObjectId holderTask = kNoObject;     // asyncio.Lock: the task holding it
    std::vector<ObjectId> holderTasks;   // asyncio.Semaphore: tasks holding it, in the order they acquired
    // multiprocessing.Process: exit code once it ended, the signal terminate()/kill() sent and by whom.
    bool exited = false;
    std::int32_t exitCode = 0;
    std::int32_t signal = 0;
    ActorId signalledBy = kNoActor;
    ObjectId peer = kNoObject;           // a Pipe end's other end
    friend bool operator==(const ObjectNow&, const ObjectNow&) = default;
};

// What a change of state meant, for whoever keeps histories (TraceModel): apply() reports it as it happens.
// Every call comes during apply() of the event at `eventIndex()`.
class RunListener {
public:
    virtual ~RunListener() = default;
    // An actor leaves the state it had; `closed` has its end filled in.
    virtual void actorStateClosed(ActorId, const StateInterval& closed) = 0;
    // A hold of a lock or a semaphore slot ends (slot 0 for locks).
    virtual void holdClosed(ObjectId, int slot, const SlotHold& hold, std::uint32_t endStep, Nanos end) = 0;
    virtual void waitersChanged(ObjectId, int count) = 0;
    virtual void queueLengthChanged(ObjectId, int length) = 0;
    // A concurrent future or an asyncio task/future moves to another state.
    virtual void futureChanged(ObjectId, FutureState) = 0;
    // `now` is the task's state after the change; `from` the state it left (Pending when it was just created).
    virtual void taskChanged(ObjectId, TaskState from, const ObjectNow& now) = 0;
    // An event loop runs a task (Resume) or a callback; its ready queue then holds `ready`.
    virtual void loopRan(ActorId loop, ObjectId what, bool callback, int ready) = 0;
    virtual void loopIdle(ActorId loop) = 0;
    // A message through a multiprocessing Queue or Pipe (or an item through a queue.Queue) was taken.
    virtual void itemTaken(ObjectId receivedOn, const QueuedItem& item) = 0;
};

class RunState {
public:
    RunState() = default;

    // Applies event `index` of `trace` (events must come in order, each once). `rows` gives the kinds of the
    // objects the event names. `listener` (may be null) hears what changed.
    void apply(const Trace& trace, const TraceSnapshot& rows, std::size_t index, RunListener* listener = nullptr);

    // Position: events [0, events()) are applied; they end inside step step() (0 before any), at time().
    std::size_t events() const { return events_; }
    std::uint32_t step() const { return step_; }
    Nanos time() const { return time_; }

    std::size_t actorCount() const { return actors_.size(); }
    std::size_t objectCount() const { return objects_.size(); }
    // Actors and objects the trace has not mentioned yet read as not started / not created.
    const ActorNow& actor(ActorId a) const { return a < actors_.size() ? actors_[a] : kNoActorNow; }
    const ObjectNow& object(ObjectId o) const { return o < objects_.size() ? objects_[o] : kNoObjectNow; }
    ObjectKind kind(ObjectId o) const { return o < kinds_.size() ? kinds_[o] : ObjectKind::Count_; }

    // Objects created so far, in creation order.
    const std::vector<ObjectId>& created() const { return created_; }
    // Objects somebody is blocked on, in id order.
    std::vector<ObjectId> waitedOn() const;
    // Whoever keeps a waiter of `o` waiting: a lock's holder, a semaphore's slot holders, the thread a join
    // waits for while it has not ended, the worker running a future. Empty for conditions, events and queues
    // (nobody holds them).
    std::vector<ActorId> holders(ObjectId o) const;
    // Actors that could take the next step: running or ready.
    std::vector<ActorId> runnable() const;
    // The actor that ran the last step (kNoActor before the first).
    ActorId lastActor() const { return lastActor_; }

    const std::vector<RaisedError>& errors() const { return errors_; }
    // The deadlock reached so far: an index into the trace's cycles(), or -1.
    int deadlockCycle() const { return deadlockCycle_; }
    // Races found so far: the first racesFound() of the trace's races().
    std::uint32_t racesFound() const { return races_; }
    std::uint32_t printed() const { return printed_; }
    std::uint32_t switches() const { return switches_; }

    // Approximate bytes a copy holds (for spacing checkpoints).
    std::size_t footprint() const;

    // Two states are equal when they hold the same facts at the same position (what a checkpoint replayed
    // forward must give, and what feeding the same events one by one must give).
    bool operator==(const RunState& other) const;

private:
    void sync(const TraceSnapshot& rows, std::size_t objectsNeeded, std::size_t actorsNeeded);
    ActorNow& actorMut(ActorId a);
    void changeActor(ActorId a, ActorState s, Op op = Op::Run, ObjectId object = kNoObject, std::uint8_t core = 0);
    void applyAsyncio(const Trace& trace, const TraceEvent& e);
    void applyObject(const Trace& trace, const TraceEvent& e);

    static const ActorNow kNoActorNow;
    static const ObjectNow kNoObjectNow;

    std::size_t events_ = 0;
    std::uint32_t step_ = 0;
    Nanos time_ = 0;
    std::uint32_t eventIndex_ = 0;  // of the event being applied
    ActorId lastActor_ = kNoActor;
    std::vector<ActorNow> actors_;
    std::vector<ObjectNow> objects_;
    std::vector<ObjectKind> kinds_;
    std::vector<ObjectId> created_;
    std::vector<RaisedError> errors_;
    int deadlockCycle_ = -1;
    std::uint32_t races_ = 0;
    std::uint32_t printed_ = 0;
    std::uint32_t switches_ = 0;
    RunListener* listener_ = nullptr;  // during apply() only
};

}  // namespace lockstep
