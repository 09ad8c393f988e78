#include "lockstep/QueueObject.h"

#include <algorithm>

#include "lockstep/Execution.h"
#include "lockstep/PyError.h"

namespace lockstep {

namespace {
void erase(std::deque<ActorId>& q, ActorId a) { q.erase(std::remove(q.begin(), q.end(), a), q.end()); }
}  // namespace

void QueueObject::removeWaiter(ActorId a) {
    erase(waiters_, a);
    erase(getters_, a);
    erase(joiners_, a);
}

bool QueueObject::waitForRoom(ActorId me, bool block, Nanos deadline) {
    Execution& ex = execution();
    // A woken putter re-checks: another putter may have filled the queue first (Python loops the same way).
    // Whatever it does after waking is a step of its own.
    while (maxsize > 0 && static_cast<std::int64_t>(count) >= maxsize) {
        if (!block) {
            ex.record(me, Op::Put, id(), Result::Failed);
            return false;
        }
        waiters_.push_back(me);
        if (!ex.block(me, *this, Op::Put, deadline) || ex.aborting()) return false;
        ex.beginStep();
    }
    return true;
}

bool QueueObject::waitForItem(ActorId me, bool block, Nanos deadline) {
    Execution& ex = execution();
    while (count == 0) {
        if (!block) {
            ex.record(me, Op::Get, id(), Result::Failed);
            return false;
        }
        getters_.push_back(me);
        if (!ex.block(me, *this, Op::Get, deadline) || ex.aborting()) return false;
        ex.beginStep();
    }
    return true;
}

void QueueObject::afterPut(ActorId me, const std::string& item) {
    Execution& ex = execution();
    ++unfinished;
    ++count;
    ex.hbRelease(me, *this);  // a put happens before the get that takes its item (and later ones)
    ex.record(me, Op::Put, id(), Result::Ok, ex.text(item), TraceEvent::ArgIsString);
    ex.wakeWaiters(getters_, 1);
}

void QueueObject::afterGet(ActorId me, const std::string& item) {
    Execution& ex = execution();
    --count;
    ex.hbAcquire(me, *this);
    ex.record(me, Op::Get, id(), Result::Ok, ex.text(item), TraceEvent::ArgIsString);
    ex.wakeWaiters(waiters_, 1);
}

void QueueObject::taskDone(ActorId me) {
    Execution& ex = execution();
    if (unfinished <= 0) ex.raise(me, id(), ValueError("task_done() called too many times"));
    --unfinished;
    ex.hbRelease(me, *this);
    ex.record(me, Op::TaskDone, id(), Result::Ok, static_cast<std::int32_t>(unfinished));
    if (unfinished == 0)
        ex.wakeWaiters(joiners_);
}

void QueueObject::join(ActorId me) {
    Execution& ex = execution();
    if (unfinished == 0) {
        ex.hbAcquire(me, *this);
        ex.record(me, Op::QueueJoin, id(), Result::Ok);
        ex.yieldPoint(me);
        return;
    }
    joiners_.push_back(me);
    if (ex.block(me, *this, Op::QueueJoin)) ex.hbAcquire(me, *this);
}

}  // namespace lockstep
