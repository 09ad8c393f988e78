#include "lockstep/Lock.h"

#include "lockstep/Execution.h"
#include "lockstep/PyError.h"

namespace lockstep {

namespace {
Nanos deadlineFor(Execution& ex, ActorId me, ObjectId object, bool blocking, const Timeout& timeout) {
    if (!timeout || timeout->count() < 0) return kForever;
    if (!blocking) ex.raise(me, object, ValueError("can't specify a timeout for a non-blocking call"));
    return ex.now() + timeout->count();
}
}  // namespace

bool LockObject::acquireIn(ActorId me, bool blocking, Nanos deadline, int count) {
    Execution& ex = execution();
    if (reentrant_ && count_ > 0 && owner_ == me) {
        ++count_;
        ex.hbAcquire(me, *this);
        ex.record(me, Op::Acquire, id(), Result::Acquired, count_);
        return true;
    }
    if (count_ == 0) {
        count_ = count;
        owner_ = me;
        ex.hbAcquire(me, *this);
        ex.record(me, Op::Acquire, id(), Result::Acquired, count_);
        return true;
    }
    if (!blocking) {
        ex.record(me, Op::Acquire, id(), Result::Failed);
        return false;
    }
    for (;;) {
        waiters_.push_back(me);
        if (!ex.block(me, *this, Op::Acquire, deadline)) return false;
        // Woken by a release: another thread may have taken the lock first (Python's locks are not fair).
        ex.beginStep();
        if (count_ == 0) {
            count_ = count;
            owner_ = me;
            ex.hbAcquire(me, *this);
            ex.record(me, Op::Acquire, id(), Result::Acquired, count_);
            return true;
        }
        if (ex.aborting()) return false;
    }
}

void LockObject::releaseIn(ActorId me) {
    Execution& ex = execution();
    if (reentrant_) {
        if (count_ == 0 || owner_ != me) ex.raise(me, id(), RuntimeError("cannot release un-acquired lock"));
    } else if (count_ == 0) {
        ex.raise(me, id(), RuntimeError("release unlocked lock"));
    }
    --count_;
    ex.hbRelease(me, *this);
    ex.record(me, Op::Release, id(), Result::Ok, count_);
    if (count_ == 0) {
        owner_ = kNoActor;
        ex.wakeWaiters(waiters_, 1);
    }
}

int LockObject::releaseAllIn(ActorId me) {
    const int saved = reentrant_ ? count_ : 1;
    if (reentrant_) count_ = 1;  // release the whole recursion at once, as RLock._release_save does
    releaseIn(me);
    return saved;
}

void LockObject::reacquireIn(ActorId me, int count) {
    acquireIn(me, true, kForever, reentrant_ ? count : 1);
}

Lock::Lock(std::string name) : Lock(std::move(name), false) {}

Lock::Lock(std::string name, bool reentrant) {
    Execution& ex = Execution::current();
    object_ = std::make_shared<LockObject>(reentrant);
    ex.registerObject(object_, reentrant ? ObjectKind::RLock : ObjectKind::Lock, std::move(name));
}

bool Lock::acquire(bool blocking, Timeout timeout) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return false;
    ex.beginStep();
    const Nanos deadline = deadlineFor(ex, me, object_->id(), blocking, timeout);
    const bool ok = object_->acquireIn(me, blocking, deadline);
    // A lock of the standard library's own (a Queue's mutex, a Future's condition): the learner's call that takes
    // it (q.put()) is one step, as the library's lines are no scheduling points; only a wait for it shows. Not
    // switching here also spares a program's 10,000 futures two hand-overs each.
    if (ok && ex.trace().object(object_->id()).internal) return ok;
    if (ok || !blocking) ex.yieldPoint(me);
    return ok;
}

void Lock::release() {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    object_->releaseIn(me);
    if (ex.trace().object(object_->id()).internal) return;  // part of the learner's call (see acquire)
    ex.yieldPoint(me);
}

RLock::RLock(std::string name) : Lock(std::move(name), true) {}

}  // namespace lockstep
