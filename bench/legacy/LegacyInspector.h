#pragma once
// The trace's derivation as it was before the one analysis layer (lockstep::TraceModel): kept in bench/ only
// as the baseline the analysis benchmark measures the new layer against, in the same run. Not built into
// Lockstep itself; do not use it elsewhere.
// The state of every synchronisation object at one step, rebuilt from the trace's events alone: who owns
// each lock and how deep, which slot of a semaphore each thread holds, the waiters of every object in the
// order they arrived, queue contents, event flags, shared values, each actor's current listing line, and the
// errors raised so far. The inspector, the code view and the wait-for graph all read it.
//
// asyncio: every task's state (pending, ready, running, waiting, done, failed, cancelled), what it awaits, its
// coroutine function and its result or exception; the task holding an asyncio.Lock, the tasks holding an
// asyncio.Semaphore's slots and its value, an asyncio.Event's flag, an asyncio.Queue's size, and the tasks
// awaiting each of them. Tasks run on the loop's thread, so an await is not the thread waiting: the loop's
// actor never appears as a waiter of a task or an asyncio primitive.
//
// multiprocessing: each Process's actor, exit code once it ended, and the signal terminate()/kill() sent it;
// the messages on their way to each Pipe end (sent on the other end, not received yet); a multiprocessing
// Queue's contents as a queue.Queue's; a shared Value's or Array's latest value (every load and store carries
// it whole).
//
// Cost: moving the cursor forward only replays the new events, so stepping through a 100k-event trace stays
// cheap; moving it back (or to another trace) replays from the start once.

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "lockstep/Trace.h"
#include "LegacyAnalysis.h"

namespace lockstep::legacy {

struct RaisedError {
    std::uint32_t step = 0;
    Nanos time = 0;
    ActorId actor = kNoActor;
    std::string text;  // "Type: message"
};

class InspectorState {
public:
    // Brings the state to the end of step `cursor` (0: before the first step) of `trace`.
    void update(const Trace* trace, std::uint32_t cursor);

    const Trace* trace() const { return trace_; }
    std::uint32_t cursor() const { return cursor_; }

    // Objects whose Create event lies at or before the cursor, in creation order.
    const std::vector<ObjectId>& created() const { return created_; }
    bool isCreated(ObjectId o) const { return o < objects_.size() && objects_[o].created; }

    ActorId owner(ObjectId o) const { return o < objects_.size() ? objects_[o].owner : kNoActor; }
    int count(ObjectId o) const { return o < objects_.size() ? objects_[o].count : 0; }  // lock depth, sem value
    const std::vector<ActorId>& slotHolders(ObjectId o) const;                                  // semaphore slot holders
    const std::vector<ActorId>& waiters(ObjectId o) const;                                // in arrival order
    const std::deque<std::string>& items(ObjectId o) const;                               // queue contents
    int unfinishedTasks(ObjectId o) const { return o < objects_.size() ? objects_[o].unfinished : 0; }
    bool flag(ObjectId o) const { return o < objects_.size() && objects_[o].flag; }
    const std::string& value(ObjectId o) const;                                           // Shared: value text
    // A concurrent.futures.Future: its state, the worker that runs or ran it, and once it is finished or failed
    // the repr of its result or the text of its exception.
    FutureState futureState(ObjectId o) const { return o < objects_.size() ? objects_[o].future : FutureState::Pending; }
    ActorId futureWorker(ObjectId o) const { return o < objects_.size() ? objects_[o].worker : kNoActor; }
    // An asyncio task (or asyncio future): its state, what it awaits while waiting (kNoObject for a sleep), the
    // length of that sleep in microseconds (-1: not a sleep), whether the wait has a timeout, and its coroutine
    // function's name (empty when the trace does not say). value() is the repr of a done task's result or a
    // failed task's "Type: message" (empty when the trace does not say).
    TaskState taskState(ObjectId o) const { return o < objects_.size() ? objects_[o].task : TaskState::Pending; }
    ObjectId awaited(ObjectId o) const { return o < objects_.size() ? objects_[o].awaited : kNoObject; }
    std::int32_t sleepMicros(ObjectId o) const { return o < objects_.size() ? objects_[o].sleepMicros : -1; }
    bool awaitHasTimeout(ObjectId o) const { return o < objects_.size() && objects_[o].hasTimeout; }
    const std::string& coroutine(ObjectId o) const;
    // Tasks awaiting `o` (a task, an asyncio future, lock, event, semaphore or queue), in arrival order.
    const std::vector<ObjectId>& waitingTasks(ObjectId o) const;
    // asyncio.Lock: the task holding it (kNoObject: free); asyncio.Semaphore: the tasks holding it, in the order
    // they acquired (count() is its value, queue sizes are count() too).
    ObjectId holderTask(ObjectId o) const { return o < objects_.size() ? objects_[o].holderTask : kNoObject; }
    const std::vector<ObjectId>& holderTasks(ObjectId o) const;

    // A multiprocessing.Process: the actor it runs as once started (kNoActor before), its exit code once it
    // ended (-N: signal N ended it), and the signal terminate() or kill() sent it (0: none) and by whom.
    ActorId processActor(ObjectId o) const { return o < objects_.size() ? objects_[o].threadActor : kNoActor; }
    std::optional<int> exitCode(ObjectId o) const { return o < objects_.size() ? objects_[o].exitCode : std::nullopt; }
    int signalSent(ObjectId o) const { return o < objects_.size() ? objects_[o].signal : 0; }
    ActorId signalledBy(ObjectId o) const { return o < objects_.size() ? objects_[o].signalledBy : kNoActor; }
    // A Pipe end: the messages sent to it and not received yet, oldest first (their reprs); its other end;
    // whether close() was called on it.
    std::vector<std::string> unread(ObjectId end) const;
    ObjectId pipePeer(ObjectId end) const { return transfers_.peer(end); }
    bool closed(ObjectId o) const { return o < objects_.size() && objects_[o].closed; }

    // Whoever keeps a waiter of `o` waiting: a lock's owner, a semaphore's slot holders, the thread a join
    // waits for while it has not ended, the worker running a future. Empty for conditions, events and queues (nobody "holds" them).
    std::vector<ActorId> holders(ObjectId o) const;

    // Line of the actor's last event at or before the cursor (0: none yet).
    int line(ActorId a) const { return a < actors_.size() ? actors_[a].line : 0; }
    // What the actor is blocked on (kNoObject when it is not blocked on an object) and in which operation.
    ObjectId waitingOn(ActorId a) const { return a < actors_.size() ? actors_[a].waitingOn : kNoObject; }
    Op waitOp(ActorId a) const { return a < actors_.size() ? actors_[a].waitOp : Op::Run; }

    // Objects somebody waits on at the cursor, in id order.
    std::vector<ObjectId> waitedOn() const;

    const std::vector<RaisedError>& errors() const { return errors_; }
    // Index into trace->cycles() of the deadlock reached at or before the cursor, or -1.
    int deadlockCycle() const { return deadlockCycle_; }

private:
    struct ObjectState {
        bool created = false;
        ActorId owner = kNoActor;
        int count = 0;
        bool flag = false;
        int unfinished = 0;
        ActorId threadActor = kNoActor;  // for a Thread object: the actor it started
        FutureState future = FutureState::Pending;
        ActorId worker = kNoActor;       // for a Future: the worker that took it
        std::string value;
        std::vector<ActorId> slotHolders;
        std::vector<ActorId> waiters;
        std::deque<std::string> items;
        // asyncio
        TaskState task = TaskState::Pending;
        ObjectId awaited = kNoObject;
        std::int32_t sleepMicros = -1;
        bool hasTimeout = false;
        std::string coroutine;
        std::vector<ObjectId> waitingTasks;
        ObjectId holderTask = kNoObject;
        std::vector<ObjectId> holderTasks;
        // multiprocessing
        std::optional<int> exitCode;
        int signal = 0;
        ActorId signalledBy = kNoActor;
        bool closed = false;
    };
    struct ActorStateRow {
        int line = 0;
        ObjectId waitingOn = kNoObject;
        Op waitOp = Op::Run;
        bool ended = false;
    };

    void reset(const Trace* trace);
    void apply(const TraceEvent& e, std::uint32_t step);
    // Events on asyncio tasks, futures and primitives; false for any other event.
    bool applyAsync(const TraceEvent& e, std::uint32_t step);
    void markCreated(ObjectId o);
    ObjectState& object(ObjectId o);
    ActorStateRow& actor(ActorId a);
    void stopWaiting(ActorId a);

    const Trace* trace_ = nullptr;
    std::uint32_t cursor_ = 0;
    std::size_t applied_ = 0;   // events [0, applied_) are in the state
    std::uint32_t step_ = 0;    // step of event applied_ - 1
    std::vector<ObjectState> objects_;
    std::vector<ActorStateRow> actors_;
    std::vector<ObjectId> created_;
    std::vector<RaisedError> errors_;
    int deadlockCycle_ = -1;
    TransferMatcher transfers_;  // what each Pipe end has to read
};

}  // namespace lockstep::legacy
