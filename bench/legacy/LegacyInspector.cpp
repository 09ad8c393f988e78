// The trace's derivation as it was before the one analysis layer (lockstep::TraceModel): kept in bench/ only
// as the baseline the analysis benchmark measures the new layer against, in the same run. Not built into
// Lockstep itself; do not use it elsewhere.
#include "LegacyInspector.h"

#include <algorithm>
#include <optional>

#include "LegacyAnalysis.h"

namespace lockstep::legacy {

namespace {
const std::vector<ActorId> kNoActors;
const std::vector<ObjectId> kNoObjects;
const std::deque<std::string> kNoItems;
const std::string kNoValue;

bool isAsyncio(ObjectKind kind) {
    switch (kind) {
        case ObjectKind::AsyncTask:
        case ObjectKind::AsyncFuture:
        case ObjectKind::AsyncLock:
        case ObjectKind::AsyncEvent:
        case ObjectKind::AsyncSemaphore:
        case ObjectKind::AsyncQueue: return true;
        default: return false;
    }
}

void eraseOne(std::vector<ObjectId>& v, ObjectId x) {
    const auto it = std::find(v.begin(), v.end(), x);
    if (it != v.end()) v.erase(it);
}
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
    transfers_.clear();
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
        transfers_.feed(*trace, applied_, step_);
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

void InspectorState::markCreated(ObjectId o) {
    ObjectState& s = object(o);
    if (!s.created) created_.push_back(o);
    s.created = true;
}

bool InspectorState::applyAsync(const TraceEvent& e, std::uint32_t step) {
    if (!trace_ || e.object >= trace_->objectCount()) return false;
    const ObjectKind kind = trace_->object(e.object).kind;
    if (!isAsyncio(kind)) return false;
    // Every object an event here may name (the awaited one) gets its row now, so no reference below dangles.
    if (objects_.size() < trace_->objectCount()) objects_.resize(trace_->objectCount());
    ObjectState& o = object(e.object);
    if (e.op == Op::Raise) {  // e.g. releasing an unlocked asyncio.Lock: an error like any other
        errors_.push_back(RaisedError{step, e.time, e.actor, std::string(trace_->argText(e))});
        return true;
    }
    if (kind == ObjectKind::AsyncTask || kind == ObjectKind::AsyncFuture) {
        const std::optional<TaskState> next = taskStateAfter(e);
        if (!next) return true;
        if (*next == TaskState::Pending) {
            markCreated(e.object);
            if (e.flags & TraceEvent::ArgIsString) o.coroutine = trace_->argText(e);
        }
        if (o.task == TaskState::Waiting && o.awaited != kNoObject) eraseOne(object(o.awaited).waitingTasks, e.object);
        ObjectState& t = o;
        t.task = *next;
        t.awaited = kNoObject;
        t.sleepMicros = -1;
        t.hasTimeout = false;
        if (*next == TaskState::Waiting) {
            t.hasTimeout = (e.flags & TraceEvent::HasTimeout) != 0;
            if (e.flags & TraceEvent::ArgIsMicros) {
                t.sleepMicros = e.arg;
            } else if (e.arg >= 0 && static_cast<std::size_t>(e.arg) < trace_->objectCount()) {
                t.awaited = static_cast<ObjectId>(e.arg);
                object(t.awaited).waitingTasks.push_back(e.object);
            }
        } else if ((*next == TaskState::Done || *next == TaskState::Failed) && (e.flags & TraceEvent::ArgIsString)) {
            t.value = trace_->argText(e);
        }
        return true;
    }
    switch (e.op) {
        case Op::Create:
            markCreated(e.object);
            // A semaphore starts at its initial value; a lock free, an event clear, a queue empty.
            o.count = kind == ObjectKind::AsyncSemaphore ? static_cast<int>(trace_->object(e.object).param) : 0;
            break;
        case Op::Acquire:
            if (e.result != Result::Acquired) break;
            if (kind == ObjectKind::AsyncLock) {
                o.holderTask = static_cast<ObjectId>(e.arg);
            } else if (kind == ObjectKind::AsyncSemaphore) {
                o.holderTasks.push_back(static_cast<ObjectId>(e.arg));
                --o.count;
            }
            break;
        case Op::Release:
            if (e.result != Result::Ok) break;
            if (kind == ObjectKind::AsyncLock) {
                o.holderTask = kNoObject;
            } else if (kind == ObjectKind::AsyncSemaphore) {
                // Any task may release a semaphore: the releaser's slot if it holds one, else the oldest.
                const auto it = std::find(o.holderTasks.begin(), o.holderTasks.end(), static_cast<ObjectId>(e.arg));
                if (it != o.holderTasks.end()) o.holderTasks.erase(it);
                else if (!o.holderTasks.empty()) o.holderTasks.erase(o.holderTasks.begin());
                ++o.count;
            }
            break;
        case Op::Set:
            o.flag = true;
            break;
        case Op::Clear:
            o.flag = false;
            break;
        case Op::Put:
        case Op::Get:
            if (e.result == Result::Ok) o.count = e.arg;  // the queue's size after
            break;
        default:
            break;
    }
    return true;
}

void InspectorState::apply(const TraceEvent& e, std::uint32_t step) {
    if (e.actor != kNoActor) actor(e.actor).line = e.line;
    const bool hasObject = e.object != kNoObject;
    if (hasObject && applyAsync(e, step)) return;
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
    if (hasObject && trace_ && e.object < trace_->objectCount()) {
        const ObjectKind kind = trace_->object(e.object).kind;
        if (kind == ObjectKind::Process) {
            if (e.op == Op::Exit) {
                object(e.object).exitCode = e.arg;
            } else if (e.op == Op::Signal && e.result == Result::Ok) {
                object(e.object).signal = e.arg;
                object(e.object).signalledBy = e.actor;
            }
        } else if (kind == ObjectKind::Connection && e.op == Op::Clear) {
            object(e.object).closed = true;  // conn.close()
        } else if ((kind == ObjectKind::SharedValue || kind == ObjectKind::SharedArray) && e.op == Op::Load) {
            object(e.object).value = text();  // a load shows the whole value as it was read
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

std::vector<std::string> InspectorState::unread(ObjectId end) const {
    std::vector<std::string> out;
    if (const auto* pending = transfers_.pending(end))
        for (const TransferMatcher::Pending& m : *pending) out.push_back(m.text);
    return out;
}

const std::string& InspectorState::coroutine(ObjectId o) const {
    return o < objects_.size() ? objects_[o].coroutine : kNoValue;
}

const std::vector<ObjectId>& InspectorState::waitingTasks(ObjectId o) const {
    return o < objects_.size() ? objects_[o].waitingTasks : kNoObjects;
}

const std::vector<ObjectId>& InspectorState::holderTasks(ObjectId o) const {
    return o < objects_.size() ? objects_[o].holderTasks : kNoObjects;
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

}  // namespace lockstep::legacy
