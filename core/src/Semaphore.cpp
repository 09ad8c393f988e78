#include "lockstep/Semaphore.h"

#include "lockstep/Execution.h"
#include "lockstep/PyError.h"

namespace lockstep {

int SemaphoreObject::takeSlot(ActorId me) {
    for (std::size_t i = 0; i < slots_.size(); ++i)
        if (slots_[i] == kNoActor) {
            slots_[i] = me;
            return static_cast<int>(i);
        }
    slots_.push_back(me);
    return static_cast<int>(slots_.size()) - 1;
}

int SemaphoreObject::freeSlot(ActorId me) {
    int pick = -1;
    for (std::size_t i = 0; i < slots_.size(); ++i)
        if (slots_[i] == me) {
            pick = static_cast<int>(i);
            break;
        }
    if (pick < 0)
        for (std::size_t i = 0; i < slots_.size(); ++i)
            if (slots_[i] != kNoActor) {
                pick = static_cast<int>(i);
                break;
            }
    if (pick >= 0) slots_[static_cast<std::size_t>(pick)] = kNoActor;
    return pick;
}

bool SemaphoreObject::acquireIn(ActorId me, bool blocking, Nanos deadline) {
    Execution& ex = execution();
    for (bool first = true;; first = false) {
        if (!first) ex.beginStep();
        if (value_ > 0) {
            --value_;
            ex.hbAcquire(me, *this);
            ex.record(me, Op::Acquire, id(), Result::Acquired, takeSlot(me));
            return true;
        }
        if (!blocking) {
            ex.record(me, Op::Acquire, id(), Result::Failed);
            return false;
        }
        if (!first && ex.aborting()) return false;
        waiters_.push_back(me);
        if (!ex.block(me, *this, Op::Acquire, deadline)) return false;
    }
}

void SemaphoreObject::releaseIn(ActorId me, int n) {
    Execution& ex = execution();
    if (n < 1) ex.raise(me, id(), ValueError("n must be one or more"));
    if (bounded_ && value_ + n > initial_) ex.raise(me, id(), ValueError("Semaphore released too many times"));
    ex.hbRelease(me, *this);
    for (int i = 0; i < n; ++i) {
        ++value_;
        ex.record(me, Op::Release, id(), Result::Ok, freeSlot(me));
    }
    ex.wakeWaiters(waiters_, n);
}

Semaphore::Semaphore(std::int64_t value, std::string name) : Semaphore(value, std::move(name), false) {}

Semaphore::Semaphore(std::int64_t value, std::string name, bool bounded) {
    Execution& ex = Execution::current();
    if (value < 0) {
        const ActorId me = ex.enter();
        if (me != kNoActor) {
            ex.beginStep();
            ex.raise(me, kNoObject, ValueError("semaphore initial value must be >= 0"));
        }
    }
    object_ = std::make_shared<SemaphoreObject>(value, bounded);
    ex.registerObject(object_, bounded ? ObjectKind::BoundedSemaphore : ObjectKind::Semaphore, std::move(name),
                      value, static_cast<std::int32_t>(value));
}

bool Semaphore::acquire(bool blocking, Timeout timeout) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return false;
    ex.beginStep();
    Nanos deadline = kForever;
    if (timeout && timeout->count() >= 0) {
        if (!blocking) ex.raise(me, id(), ValueError("can't specify timeout for non-blocking acquire"));
        deadline = ex.now() + timeout->count();
    }
    const bool ok = object_->acquireIn(me, blocking, deadline);
    if (ok || !blocking) ex.yieldPoint(me);
    return ok;
}

void Semaphore::release(int n) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    object_->releaseIn(me, n);
    ex.yieldPoint(me);
}

BoundedSemaphore::BoundedSemaphore(std::int64_t value, std::string name) : Semaphore(value, std::move(name), true) {}

}  // namespace lockstep
