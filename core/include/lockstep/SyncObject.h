#pragma once

#include <algorithm>
#include <deque>
#include <string>

#include "lockstep/Types.h"
#include "lockstep/VectorClock.h"

namespace lockstep {

class Execution;

// Base of every engine-owned object a scenario creates (locks, events, queues, shared variables, threads).
// It owns the one wait queue every blocking primitive is built on. Only the baton holder touches it.
class SyncObject {
public:
    virtual ~SyncObject() = default;
    ObjectId id() const { return id_; }
    Execution& execution() const { return *exec_; }

    // A timer fired for an actor waiting here: take it out of the wait queue.
    virtual void removeWaiter(ActorId a) {
        waiters_.erase(std::remove(waiters_.begin(), waiters_.end(), a), waiters_.end());
    }
    // The one actor whose progress a waiter here depends on (lock owner, joined thread), for the wait-for
    // graph; kNoActor when anyone could release the waiter (events, conditions, semaphores).
    virtual ActorId holder() const { return kNoActor; }
    // The value shown as the final value of a shared variable; empty when the object has none.
    virtual std::string finalValue(bool& numeric) const {
        numeric = false;
        return {};
    }
    // Called once the run is over and every actor unwound (Execution::teardown): release what lives outside
    // the run (a child process that never got to run is killed and reaped here).
    virtual void afterRun() {}
    const std::deque<ActorId>& waiters() const { return waiters_; }
    // A query that reads this object's state without a step (locked(), is_set(), done(), qsize()...). It
    // leaves no trace event, but the explorer must know the step that ran it depends on this object.
    void noteRead() const;
    std::deque<ActorId>& waitersMut() { return waiters_; }

    // What releasing this object published (happens-before for the race detector).
    VectorClock clock;

protected:
    std::deque<ActorId> waiters_;

private:
    friend class Execution;
    ObjectId id_ = kNoObject;
    Execution* exec_ = nullptr;
};

}  // namespace lockstep
