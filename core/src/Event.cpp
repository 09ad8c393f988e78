#include "lockstep/Event.h"

#include "lockstep/Execution.h"

namespace lockstep {

Event::Event(std::string name) {
    Execution& ex = Execution::current();
    object_ = std::make_shared<EventObject>();
    ex.registerObject(object_, ObjectKind::Event, std::move(name));
}

void Event::set() {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    object_->flag = true;
    ex.hbRelease(me, *object_);
    const bool wakes = !object_->waiters().empty();
    ex.record(me, Op::Set, id(), Result::Ok, static_cast<std::int32_t>(object_->waiters().size()));
    ex.wakeWaiters(object_->waitersMut());
    // As a condition's notify (see Condition::notifyIn): an internal event that wakes nobody takes no step.
    if (!wakes && ex.trace().object(id()).internal) return;
    ex.yieldPoint(me);
}

void Event::clear() {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    object_->flag = false;
    ex.record(me, Op::Clear, id(), Result::Ok);
    ex.yieldPoint(me);
}

bool Event::wait(Timeout timeout) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return object_->flag;
    ex.beginStep();
    if (object_->flag) {
        ex.hbAcquire(me, *object_);
        ex.record(me, Op::Wait, id(), Result::Ok, 1);
        ex.yieldPoint(me);
        return true;
    }
    const Nanos deadline = timeout ? ex.now() + std::max<Nanos>(0, timeout->count()) : kForever;
    object_->waitersMut().push_back(me);
    const bool woken = ex.block(me, *object_, Op::Wait, deadline);
    if (woken) ex.hbAcquire(me, *object_);  // set() happens before a wait that it ends
    return woken;
}

}  // namespace lockstep
