#pragma once
// The state of every synchronisation object at one step, rebuilt from the trace's events alone: who owns
// each lock and how deep, which slot of a semaphore each thread holds, the waiters of every object in the
// order they arrived, queue contents, event flags, shared values, each actor's current listing line, and the
// errors raised so far. The inspector, the code view and the wait-for graph all read it.
//
// Cost: moving the cursor forward only replays the new events, so stepping through a 100k-event trace stays
// cheap; moving it back (or to another trace) replays from the start once.

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "lockstep/Trace.h"

namespace lockstep::app {

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
    };
    struct ActorStateRow {
        int line = 0;
        ObjectId waitingOn = kNoObject;
        Op waitOp = Op::Run;
        bool ended = false;
    };

    void reset(const Trace* trace);
    void apply(const TraceEvent& e, std::uint32_t step);
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
};

}  // namespace lockstep::app
