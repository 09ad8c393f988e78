#include "lockstep/Barrier.h"

#include "lockstep/Execution.h"
#include "lockstep/PyError.h"

namespace lockstep {

Barrier::Barrier(int parties, std::function<void()> action, Timeout timeout, std::string name)
    : object_(std::make_shared<BarrierObject>()) {
    Execution& ex = Execution::current();
    object_->parties = parties;
    object_->action = std::move(action);
    object_->defaultTimeout = timeout;
    ex.registerObject(object_, ObjectKind::Barrier, std::move(name), parties, parties);
    if (parties < 1) {
        const ActorId me = ex.enter();
        if (me == kNoActor) return;
        ex.beginStep();
        ex.raise(me, id(), ValueError("parties must be >= 1"));
    }
}

void Barrier::breakIn(ActorId) {
    Execution& ex = object_->execution();
    object_->broken = true;
    object_->count = 0;
    ex.wakeWaiters(object_->waitersMut());
}

int Barrier::wait(Timeout timeout) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return -1;
    ex.beginStep();
    if (object_->broken) ex.raise(me, id(), BrokenBarrierError());
    if (!timeout) timeout = object_->defaultTimeout;
    const int index = object_->count++;
    ex.hbRelease(me, *object_);  // everything before wait() happens before everything after it, in every party
    if (object_->count == object_->parties) {
        ex.record(me, Op::Wait, id(), Result::Ok, index);
        if (object_->action) {
            try {
                object_->action();
            } catch (const PyError&) {
                breakIn(me);
                throw;
            }
        }
        object_->count = 0;
        ex.hbAcquire(me, *object_);
        ex.wakeWaiters(object_->waitersMut());
        ex.yieldPoint(me);
        return index;
    }
    const Nanos deadline = timeout ? ex.now() + std::max<Nanos>(0, timeout->count()) : kForever;
    object_->waitersMut().push_back(me);
    const bool woken = ex.block(me, *object_, Op::Wait, deadline);
    if (ex.aborting()) return -1;
    if (!woken) {
        // A timeout breaks the barrier for everyone, as in Python.
        ex.beginStep();
        breakIn(me);
        ex.raise(me, id(), BrokenBarrierError());
    }
    if (object_->broken) {
        ex.beginStep();
        ex.raise(me, id(), BrokenBarrierError());
    }
    ex.hbAcquire(me, *object_);
    return index;
}

void Barrier::abort() {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    ex.record(me, Op::Cancel, id(), Result::Ok);
    breakIn(me);
    ex.yieldPoint(me);
}

void Barrier::reset() {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    ex.record(me, Op::Clear, id(), Result::Ok);
    if (object_->count > 0) breakIn(me);
    object_->broken = false;
    object_->count = 0;
    ex.yieldPoint(me);
}

}  // namespace lockstep
