#include "panels/InspectorState.h"

#include <algorithm>

#include "lockstep/TraceAnalysis.h"

namespace lockstep::app {

namespace {
const std::vector<ActorId> kNoActors;
const std::deque<std::string> kNoItems;
const std::string kNoValue;
}  // namespace

void InspectorState::reset(const Trace* trace) {
    trace_ = trace;
    cursor_ = 0;
    applied_ = 0;
    step_ = 0;
    objects_.clear();
    actors_.clear();
    created_.clear();
    errors_.clear();
    deadlockCycle_ = -1;
}

void InspectorState::update(const Trace* trace, std::uint32_t cursor) {
    // Going back in time cannot be undone event by event (a pop from a queue loses the item), so it
    // replays from the start; going forward continues where the last update stopped.
    if (trace != trace_ || cursor < cursor_ || (trace && trace->eventCount() < applied_)) reset(trace);
    cursor_ = cursor;
    if (!trace) return;
    const std::size_t end = cursor >= trace->stepCount() ? trace->eventCount() : trace->stepEnd(cursor);
    for (; applied_ < end; ++applied_) {
        const TraceEvent& e = trace->event(applied_);
        if (e.flags & TraceEvent::StepStart) ++step_;
        apply(e, step_);
    }
}

InspectorState::ObjectState& InspectorState::object(ObjectId o) {
    if (o >= objects_.size()) objects_.resize(o + 1);
    return objects_[o];
}

InspectorState::ActorStateRow& InspectorState::actor(ActorId a) {
    if (a >= actors_.size()) actors_.resize(static_cast<std::size_t>(a) + 1);
    return actors_[a];
}

void InspectorState::stopWaiting(ActorId a) {
    ActorStateRow& row = actor(a);
    if (row.waitingOn == kNoObject) return;
    auto& w = object(row.waitingOn).waiters;
    w.erase(std::remove(w.begin(), w.end(), a), w.end());
    row.waitingOn = kNoObject;
}

void InspectorState::apply(const TraceEvent& e, std::uint32_t step) {
    if (e.actor != kNoActor) actor(e.actor).line = e.line;
    const bool hasObject = e.object != kNoObject;
    const auto text = [&] {
        return (e.flags & TraceEvent::ArgIsString) ? std::string(trace_->argText(e)) : std::to_string(e.arg);
    };
    if (hasObject && trace_ && e.object < trace_->objectCount() && trace_->object(e.object).kind == ObjectKind::Future) {
        if (const auto next = futureStateAfter(e)) {
            ObjectState& f = object(e.object);
            f.future = *next;
            if (*next == FutureState::Running) f.worker = e.actor;
            // The result's repr or the exception's text, shown as the future's value once it is done.
            if (*next == FutureState::Finished || *next == FutureState::Failed) f.value = trace_->argText(e);
        }
    }
    switch (e.op) {
        case Op::Create: {
            if (!hasObject) break;
            ObjectState& o = object(e.object);
            if (!o.created) created_.push_back(e.object);
            o.created = true;
            o.count = e.arg;  // a semaphore's initial value; harmless for the others
            o.value = text();
            o.flag = e.arg != 0;
            break;
        }
        case Op::Start:
            if (hasObject) object(e.object).threadActor = static_cast<ActorId>(e.arg);
            break;
        case Op::Run:
            if (e.result == Result::Done || e.result == Result::Error || e.result == Result::Aborted) {
                stopWaiting(e.actor);
                actor(e.actor).ended = true;
            }
            break;
        case Op::Deadlock:
            // Deadlock carries Result::Blocked too, but it marks the cycle, not a new wait.
            deadlockCycle_ = e.arg;
            return;
        case Op::Raise:
            errors_.push_back(RaisedError{step, e.time, e.actor, text()});
            break;
        case Op::Store:
            if (hasObject) object(e.object).value = text();
            break;
        case Op::Set:
            if (hasObject) object(e.object).flag = true;
            break;
        case Op::Clear:
            if (hasObject) object(e.object).flag = false;
            break;
        case Op::Put:
            if (hasObject && e.result == Result::Ok) {
                ObjectState& q = object(e.object);
                q.items.push_back(text());
                ++q.unfinished;
            }
            break;
        case Op::Get:
            if (hasObject && e.result == Result::Ok && !object(e.object).items.empty())
                object(e.object).items.pop_front();
            break;
        case Op::TaskDone:
            if (hasObject && e.result == Result::Ok && object(e.object).unfinished > 0) --object(e.object).unfinished;
            break;
        case Op::Acquire:
            if (hasObject && e.result == Result::Acquired && trace_ && e.object < trace_->objectCount()) {
                ObjectState& o = object(e.object);
                const ObjectKind kind = trace_->object(e.object).kind;
                if (kind == ObjectKind::Semaphore || kind == ObjectKind::BoundedSemaphore) {
                    // arg is the slot taken
                    if (e.arg >= 0) {
                        if (o.slotHolders.size() <= static_cast<std::size_t>(e.arg)) o.slotHolders.resize(e.arg + 1, kNoActor);
                        o.slotHolders[e.arg] = e.actor;
                    }
                    --o.count;
                } else {
                    o.owner = e.actor;
                    o.count = e.arg;  // recursion depth after this acquire (1 for a plain Lock)
                }
            }
            break;
        case Op::Release:
            if (hasObject && e.result == Result::Ok && trace_ && e.object < trace_->objectCount()) {
                ObjectState& o = object(e.object);
                const ObjectKind kind = trace_->object(e.object).kind;
                if (kind == ObjectKind::Semaphore || kind == ObjectKind::BoundedSemaphore) {
                    if (e.arg >= 0 && static_cast<std::size_t>(e.arg) < o.slotHolders.size()) o.slotHolders[e.arg] = kNoActor;
                    ++o.count;
                } else {
                    o.count = e.arg;  // depth left
                    if (e.arg <= 0) o.owner = kNoActor;
                }
            }
            break;
        default:
            break;
    }
    if (e.op == Op::Sleep || e.op == Op::Work) return;  // time passing, not waiting on an object
    if (e.result == Result::Blocked && hasObject) {
        stopWaiting(e.actor);
        ActorStateRow& a = actor(e.actor);
        a.waitingOn = e.object;
        a.waitOp = e.op;
        object(e.object).waiters.push_back(e.actor);
    } else if (e.result == Result::Woken || e.result == Result::Timeout) {
        stopWaiting(e.actor);
    }
}

const std::vector<ActorId>& InspectorState::slotHolders(ObjectId o) const {
    return o < objects_.size() ? objects_[o].slotHolders : kNoActors;
}

const std::vector<ActorId>& InspectorState::waiters(ObjectId o) const {
    return o < objects_.size() ? objects_[o].waiters : kNoActors;
}

const std::deque<std::string>& InspectorState::items(ObjectId o) const {
    return o < objects_.size() ? objects_[o].items : kNoItems;
}

const std::string& InspectorState::value(ObjectId o) const {
    return o < objects_.size() ? objects_[o].value : kNoValue;
}

std::vector<ObjectId> InspectorState::waitedOn() const {
    std::vector<ObjectId> out;
    for (std::size_t o = 0; o < objects_.size(); ++o)
        if (!objects_[o].waiters.empty()) out.push_back(static_cast<ObjectId>(o));
    return out;
}

std::vector<ActorId> InspectorState::holders(ObjectId o) const {
    std::vector<ActorId> out;
    if (o >= objects_.size()) return out;
    const ObjectState& s = objects_[o];
    if (s.owner != kNoActor) out.push_back(s.owner);
    for (ActorId a : s.slotHolders)
        if (a != kNoActor && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    if (s.threadActor != kNoActor && !(s.threadActor < actors_.size() && actors_[s.threadActor].ended))
        out.push_back(s.threadActor);
    if (s.future == FutureState::Running && s.worker != kNoActor) out.push_back(s.worker);
    return out;
}

}  // namespace lockstep::app
