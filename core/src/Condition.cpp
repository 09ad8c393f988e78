#include "lockstep/Condition.h"

#include <algorithm>

#include "lockstep/Execution.h"
#include "lockstep/PyError.h"

namespace lockstep {

namespace {
Lock makeConditionLock(const std::string& name) { return RLock(name.empty() ? std::string() : name + ".lock"); }
}  // namespace

// `name` is copied, not moved: the order in which the two arguments are evaluated is unspecified.
Condition::Condition(std::string name) : Condition(makeConditionLock(name), name) {}

Condition::Condition(const Lock& lock, std::string name) : lock_(lock) {
    Execution& ex = Execution::current();
    object_ = std::make_shared<ConditionObject>();
    object_->lock = lock_.object();
    ex.registerObject(object_, ObjectKind::Condition, std::move(name), lock_.id());
}

bool Condition::wait(Timeout timeout) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return false;
    ex.beginStep();
    LockObject& lock = *object_->lock;
    if (!lock.ownedBy(me)) ex.raise(me, id(), RuntimeError("cannot wait on un-acquired lock"));
    const Nanos deadline = timeout ? ex.now() + std::max<Nanos>(0, timeout->count()) : kForever;
    const int saved = lock.releaseAllIn(me);
    object_->waitersMut().push_back(me);
    const bool notified = ex.block(me, *object_, Op::Wait, deadline);
    if (ex.aborting()) return false;
    if (notified) ex.hbAcquire(me, *object_);
    ex.beginStep();
    lock.reacquireIn(me, saved);
    ex.yieldPoint(me);
    return notified;
}

bool Condition::wait_for(const std::function<bool()>& predicate, Timeout timeout) {
    Execution& ex = Execution::current();
    bool result = predicate();
    std::optional<Nanos> end;
    Timeout wait = timeout;
    while (!result) {
        if (ex.aborting()) return result;
        if (wait) {
            if (!end) {
                end = ex.now() + wait->count();
            } else {
                wait = std::chrono::nanoseconds(*end - ex.now());
                if (wait->count() <= 0) break;
            }
        }
        this->wait(wait);
        result = predicate();
    }
    return result;
}

void Condition::notifyIn(int n, Op op) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    if (!object_->lock->ownedBy(me)) ex.raise(me, id(), RuntimeError("cannot notify on un-acquired lock"));
    // The notify event comes first and says how many it wakes; the wake-ups follow it.
    const int woken = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(n), object_->waiters().size()));
    ex.hbRelease(me, *object_);
    ex.record(me, op, id(), Result::Ok, woken);
    ex.wakeWaiters(object_->waitersMut(), woken);
    // The standard library's own condition (a Future's, a Queue's) that wakes nobody is part of the learner's call
    // (see Lock::acquire); one that wakes a thread gives the scheduler a choice, as CPython's waiter may run.
    if (woken == 0 && ex.trace().object(id()).internal) return;
    ex.yieldPoint(me);
}

void Condition::notify(int n) { notifyIn(n, Op::Notify); }
void Condition::notify_all() { notifyIn(INT32_MAX, Op::NotifyAll); }

}  // namespace lockstep
