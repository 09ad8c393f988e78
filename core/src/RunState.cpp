#include "lockstep/RunState.h"

#include <algorithm>
#include <array>

#include "lockstep/ObjectTraits.h"
#include "lockstep/Trace.h"
#include "lockstep/TraceSnapshot.h"

namespace lockstep {

const ActorNow RunState::kNoActorNow{};
const ObjectNow RunState::kNoObjectNow{};

std::string_view actorStateName(ActorState s) {
    static constexpr std::array<std::string_view, kActorStates> names{"not started", "running",   "ready", "blocked",
                                                                      "sleeping",    "computing", "done"};
    return names[static_cast<std::size_t>(s)];
}

EventText EventText::of(const TraceEvent& e) {
    return EventText{e.arg, (e.flags & TraceEvent::ArgIsString) ? Kind::String : Kind::Number};
}

std::string EventText::text(const Trace& trace) const {
    switch (kind) {
        case Kind::None: return {};
        case Kind::Number: return std::to_string(value);
        case Kind::String:
            return value >= 0 && std::size_t(value) < trace.stringCount() ? trace.string(std::uint32_t(value))
                                                                           : std::string();
    }
    return {};
}

namespace {

template <typename T>
void eraseFirst(std::vector<T>& v, const T& x) {
    const auto it = std::find(v.begin(), v.end(), x);
    if (it != v.end()) v.erase(it);
}

// The state an event on a concurrent future's object moves it into, if any.
bool futureStateOf(const TraceEvent& e, FutureState& out) {
    switch (e.op) {
        case Op::Create: out = FutureState::Pending; return true;
        case Op::SetRunning:
            if (e.result != Result::Started) return false;  // a worker skipping a cancelled future
            out = FutureState::Running;
            return true;
        case Op::SetResult: out = FutureState::Finished; return true;
        case Op::SetException: out = FutureState::Failed; return true;
        case Op::Cancel:
            if (e.result != Result::Ok) return false;  // cancel() of a future already running or done
            out = FutureState::Cancelled;
            return true;
        default: return false;
    }
}

// The state an event on an asyncio task's (or asyncio future's) object moves it into, if any.
bool taskStateOf(const TraceEvent& e, TaskState& out) {
    switch (e.op) {
        case Op::Create: out = TaskState::Pending; return true;
        case Op::Resume: out = TaskState::Running; return true;
        case Op::Await:
            if (e.result == Result::Blocked) out = TaskState::Waiting;
            else if (e.result == Result::Woken) out = TaskState::Ready;
            else return false;
            return true;
        case Op::Run:
            if (e.result == Result::Done) out = TaskState::Done;
            else if (e.result == Result::Error) out = TaskState::Failed;
            else if (e.result == Result::Cancelled) out = TaskState::Cancelled;
            else return false;
            return true;
        default: return false;
    }
}

}  // namespace

void RunState::sync(const TraceSnapshot& rows, std::size_t objectsNeeded, std::size_t actorsNeeded) {
    // Objects are numbered in creation order and never removed: a new id extends the tables up to it.
    const std::size_t objects = std::min(std::max(objectsNeeded, kinds_.size()), rows.objectCount());
    for (std::size_t o = kinds_.size(); o < objects; ++o) {
        const ObjectInfo& info = rows.object(ObjectId(o));
        kinds_.push_back(info.kind);
        objects_.emplace_back();
        if (info.kind == ObjectKind::Connection) {
            // The second end of a pipe names the first (made just before it) in its param; a first end's param
            // means nothing, so an end pairs only with an earlier end that has no partner yet.
            const auto first = std::size_t(info.param);
            if (info.param >= 0 && first < o && kinds_[first] == ObjectKind::Connection &&
                objects_[first].peer == kNoObject) {
                objects_[first].peer = ObjectId(o);
                objects_[o].peer = ObjectId(first);
            }
        }
    }
    if (actorsNeeded > actors_.size()) actors_.resize(actorsNeeded);
}

ActorNow& RunState::actorMut(ActorId a) {
    if (a >= actors_.size()) actors_.resize(std::size_t(a) + 1);
    return actors_[a];
}

// An interval ends where the next begins; a change within the same step closes a zero-step interval at this
// step, so each step shows the state the actor reached by its end. An actor is among an object's waiters
// exactly while its state is Blocked on that object: leaving the state leaves the list.
void RunState::changeActor(ActorId a, ActorState s, Op op, ObjectId object, std::uint8_t core) {
    if (a == kNoActor) return;
    ActorNow& now = actorMut(a);
    StateInterval& c = now.state;
    if (c.state == s && c.object == object && c.op == op && c.core == core) return;
    if (c.state == ActorState::Blocked && c.object < objects_.size()) {
        auto& w = objects_[c.object].waiters;
        const auto before = w.size();
        eraseFirst(w, a);
        if (listener_ && w.size() != before) listener_->waitersChanged(c.object, int(w.size()));
    }
    if (listener_) {
        StateInterval closed = c;
        closed.endStep = step_;
        closed.end = time_;
        listener_->actorStateClosed(a, closed);
    }
    c = StateInterval{step_, step_, time_, time_, s, op, object, core};
    now.hasTimeout = false;
    if (s == ActorState::Blocked && object < objects_.size()) {
        auto& w = objects_[object].waiters;
        w.push_back(a);
        if (listener_) listener_->waitersChanged(object, int(w.size()));
    }
}

void RunState::apply(const Trace& trace, const TraceSnapshot& rows, std::size_t index, RunListener* listener) {
    const TraceEvent& e = trace.event(index);
    listener_ = listener;
    eventIndex_ = std::uint32_t(index);
    if (e.flags & TraceEvent::StepStart) {
        ++step_;
        lastActor_ = e.actor;
    }
    time_ = e.time;
    events_ = index + 1;
    const bool hasObject = e.object != kNoObject;
    // Every object the snapshot knows gets its row now: an event may name another one in its argument (what a
    // task awaits), which must not dangle.
    sync(rows, rows.objectCount(), e.actor != kNoActor ? std::size_t(e.actor) + 1 : 0);
    if (e.op == Op::Start && e.arg >= 0) actorMut(ActorId(e.arg));
    const bool known = hasObject && e.object < objects_.size();
    const ObjectTraits& traits = objectTraits(known ? kinds_[e.object] : ObjectKind::Count_);

    if (e.actor != kNoActor) {
        ActorNow& a = actorMut(e.actor);
        a.line = e.line;
        a.lastStep = step_;
    }

    // ---- the actor's own state. The event loop's records about its tasks (a task awaits, is resumed, ends)
    // are the tasks' states, not the loop thread's, which runs on.
    const bool taskBusiness =
        e.op == Op::Await || e.op == Op::Resume || e.op == Op::Callback || (known && traits.asyncio);
    if (!taskBusiness) {
        switch (e.op) {
            case Op::Switch: {
                const auto prev = ActorId(e.arg);
                if (prev != e.actor) {
                    ++switches_;
                    if (prev < actors_.size() && actors_[prev].state.state == ActorState::Running)
                        changeActor(prev, ActorState::Ready);
                }
                changeActor(e.actor, ActorState::Running);
                break;
            }
            case Op::Start:
                if (e.arg >= 0) changeActor(ActorId(e.arg), ActorState::Ready);
                break;
            case Op::Locals:
                actorMut(e.actor).locals = EventText::of(e);
                break;
            case Op::Run:
                if (e.result == Result::Started) changeActor(e.actor, ActorState::Running);
                else if (e.result == Result::Done || e.result == Result::Error) changeActor(e.actor, ActorState::Done);
                if (e.result == Result::Done || e.result == Result::Error || e.result == Result::Aborted) {
                    ActorNow& a = actorMut(e.actor);
                    a.locals = {};  // its frames are gone
                    a.ended = true;
                    a.failed = e.result == Result::Error;
                }
                break;
            case Op::Work:
                if (e.result == Result::Started) changeActor(e.actor, ActorState::Computing, Op::Work, kNoObject, e.core);
                else changeActor(e.actor, ActorState::Ready);  // the burst ended, lost its core or was aborted
                break;
            case Op::Sleep:
                if (e.result == Result::Blocked) {
                    changeActor(e.actor, ActorState::Sleeping, Op::Sleep);
                    actorMut(e.actor).hasTimeout = true;
                } else if (e.result == Result::Woken) {
                    changeActor(e.actor, ActorState::Ready);
                }
                break;
            case Op::Deadlock:
                break;  // marks the cycle; its Blocked result is not a new wait
            default:
                if (e.result == Result::Blocked) {
                    // An event loop waiting in select() for its next timer is idle, not stuck on anything.
                    if (e.op == Op::Wait && known && kinds_[e.object] == ObjectKind::EventLoop &&
                        (e.flags & TraceEvent::HasTimeout)) {
                        changeActor(e.actor, ActorState::Sleeping, Op::Wait, e.object);
                        actorMut(e.actor).hasTimeout = true;
                    } else {
                        changeActor(e.actor, ActorState::Blocked, e.op, known ? e.object : kNoObject);
                        actorMut(e.actor).hasTimeout = (e.flags & TraceEvent::HasTimeout) != 0;
                    }
                } else if (e.result == Result::Woken || e.result == Result::Timeout) {
                    changeActor(e.actor, ActorState::Ready);
                }
                break;
        }
    }

    // ---- the event loop's turns
    if ((e.op == Op::Resume || e.op == Op::Callback) && e.actor != kNoActor) {
        actorMut(e.actor).readyQueue = e.arg;
        if (listener_) listener_->loopRan(e.actor, e.object, e.op == Op::Callback, e.arg);
    } else if (e.op == Op::Wait && e.result == Result::Blocked && known && kinds_[e.object] == ObjectKind::EventLoop &&
               e.actor != kNoActor) {
        actorMut(e.actor).readyQueue = 0;
        if (listener_) listener_->loopIdle(e.actor);
    }

    // ---- run-wide facts
    switch (e.op) {
        case Op::Print: ++printed_; break;
        case Op::Deadlock: deadlockCycle_ = e.arg; break;
        case Op::Race:
            if (e.arg >= 0) races_ = std::max(races_, std::uint32_t(e.arg) + 1);
            break;
        case Op::Raise:
            errors_.push_back(RaisedError{step_, time_, e.actor, known ? e.object : kNoObject, EventText::of(e), false});
            break;
        case Op::Run:
            if (e.result == Result::Error && !(known && traits.asyncio)) {
                // The thread died of it: the raise it came from, if the trace has one, is now uncaught; an
                // exception from the learner's own code (Python mode) has no raise event and is listed here.
                const EventText text = EventText::of(e);
                const std::string words = text.text(trace);
                bool marked = false;
                for (auto it = errors_.rbegin(); it != errors_.rend() && !marked; ++it)
                    if (it->actor == e.actor && !it->uncaught && it->text.text(trace) == words) {
                        it->uncaught = true;
                        marked = true;
                    }
                if (!marked) errors_.push_back(RaisedError{step_, time_, e.actor, kNoObject, text, true});
            }
            break;
        default: break;
    }

    if (known) {
        if (traits.asyncio) applyAsyncio(trace, e);
        else applyObject(trace, e);
    }
    listener_ = nullptr;
}

void RunState::applyObject(const Trace& trace, const TraceEvent& e) {
    ObjectNow& o = objects_[e.object];
    const ObjectKind kind = kinds_[e.object];
    const ObjectTraits& traits = objectTraits(kind);
    (void)trace;
    switch (e.op) {
        case Op::Create:
            if (!o.created) created_.push_back(e.object);
            o.created = true;
            o.count = e.arg;  // a semaphore's initial value; harmless for the others
            o.value = EventText::of(e);
            o.flag = e.arg != 0 && kind == ObjectKind::Event;
            break;
        case Op::Start:
            if (e.arg >= 0) o.actor = ActorId(e.arg);
            break;
        case Op::Acquire:
            if (e.result != Result::Acquired) break;
            if (traits.slotted) {
                // arg: the slot taken
                if (e.arg >= 0) {
                    if (o.slotHolds.size() <= std::size_t(e.arg)) o.slotHolds.resize(std::size_t(e.arg) + 1);
                    o.slotHolds[std::size_t(e.arg)] = SlotHold{e.actor, step_, time_};
                }
                --o.count;
            } else if (traits.holder) {
                if (o.held.holder == kNoActor) o.held = SlotHold{e.actor, step_, time_};  // RLock re-entry: same hold
                o.count = e.arg;  // recursion depth after this acquire (1 for a plain Lock)
            }
            break;
        case Op::Release:
            // A GIL released at the end of its switch interval is handed over, not just released.
            if (e.result != Result::Ok && e.result != Result::Handover) break;
            if (traits.slotted) {
                if (e.arg >= 0 && std::size_t(e.arg) < o.slotHolds.size() && o.slotHolds[std::size_t(e.arg)].holder != kNoActor) {
                    if (listener_) listener_->holdClosed(e.object, e.arg, o.slotHolds[std::size_t(e.arg)], step_, time_);
                    o.slotHolds[std::size_t(e.arg)] = SlotHold{};
                }
                ++o.count;
            } else if (traits.holder) {
                o.count = e.arg;  // depth left
                if (e.arg <= 0 && o.held.holder != kNoActor) {
                    if (listener_) listener_->holdClosed(e.object, 0, o.held, step_, time_);
                    o.held = SlotHold{};
                }
            }
            break;
        case Op::Set:
            o.flag = true;
            break;
        case Op::Clear:
            // Event.clear(); on a Pipe end it is close()
            o.flag = false;
            if (kind == ObjectKind::Connection) o.flag = true;
            break;
        case Op::Put:
        case Op::Send:
            if (e.result != Result::Ok) break;
            if (kind == ObjectKind::Queue || kind == ObjectKind::ProcessQueue ||
                (kind == ObjectKind::Connection && e.op == Op::Send)) {
                const ObjectId receiver = kind == ObjectKind::Connection ? o.peer : e.object;
                if (receiver == kNoObject || receiver >= objects_.size()) break;
                ObjectNow& r = objects_[receiver];
                r.items.push_back(QueuedItem{EventText::of(e), e.actor, step_, time_, eventIndex_, e.object});
                if (kind != ObjectKind::Connection) {
                    ++r.unfinished;
                    if (listener_) listener_->queueLengthChanged(receiver, int(r.items.size()));
                }
            }
            break;
        case Op::Get:
        case Op::Recv:
            if (e.result != Result::Ok) break;
            if (kind == ObjectKind::Queue || kind == ObjectKind::ProcessQueue ||
                (kind == ObjectKind::Connection && e.op == Op::Recv)) {
                if (o.items.empty()) break;
                const QueuedItem item = o.items.front();
                o.items.erase(o.items.begin());
                if (listener_) {
                    listener_->itemTaken(e.object, item);
                    if (kind != ObjectKind::Connection) listener_->queueLengthChanged(e.object, int(o.items.size()));
                }
            }
            break;
        case Op::TaskDone:
            if (e.result == Result::Ok && o.unfinished > 0) --o.unfinished;
            break;
        case Op::Store:
            o.value = EventText::of(e);
            o.writer = e.actor;
            o.writeStep = step_;
            break;
        case Op::Load:
            // A multiprocessing Value or Array: a load shows the whole value as it was read.
            if (kind == ObjectKind::SharedValue || kind == ObjectKind::SharedArray) o.value = EventText::of(e);
            break;
        case Op::Exit:
            o.exited = true;
            o.exitCode = e.arg;
            break;
        case Op::Signal:
            if (e.result == Result::Ok) {
                o.signal = e.arg;
                o.signalledBy = e.actor;
            }
            break;
        default:
            break;
    }
    if (kind == ObjectKind::Future) {
        FutureState next;
        if (futureStateOf(e, next)) {
            o.future = next;
            if (next == FutureState::Running) o.actor = e.actor;
            // The result's repr or the exception's text, shown as the future's value once it is done.
            if (next == FutureState::Finished || next == FutureState::Failed) o.value = EventText::of(e);
            if (listener_) listener_->futureChanged(e.object, next);
        }
    }
}

void RunState::applyAsyncio(const Trace&, const TraceEvent& e) {
    ObjectNow& o = objects_[e.object];
    const ObjectKind kind = kinds_[e.object];
    if (kind == ObjectKind::AsyncTask || kind == ObjectKind::AsyncFuture) {
        TaskState next;
        if (!taskStateOf(e, next)) return;
        const TaskState from = o.task;
        if (next == TaskState::Pending) {
            if (!o.created) created_.push_back(e.object);
            o.created = true;
            if (e.flags & TraceEvent::ArgIsString) o.coroutine = EventText::of(e);
        }
        if (o.task == TaskState::Waiting && o.awaited < objects_.size())
            eraseFirst(objects_[o.awaited].waitingTasks, e.object);
        o.task = next;
        o.awaited = kNoObject;
        o.sleepMicros = -1;
        o.hasTimeout = false;
        if (next == TaskState::Running) {
            o.loop = e.actor;
            o.ranStep = step_;
        } else if (next == TaskState::Waiting) {
            o.hasTimeout = (e.flags & TraceEvent::HasTimeout) != 0;
            if (e.flags & TraceEvent::ArgIsMicros) {
                o.sleepMicros = e.arg;
            } else if (e.arg >= 0) {
                o.awaited = ObjectId(e.arg);
                if (o.awaited < objects_.size()) objects_[o.awaited].waitingTasks.push_back(e.object);
            }
        } else if ((next == TaskState::Done || next == TaskState::Failed) && (e.flags & TraceEvent::ArgIsString)) {
            o.value = EventText::of(e);
        }
        if (listener_) listener_->taskChanged(e.object, from, o);
        return;
    }
    switch (e.op) {
        case Op::Create:
            if (!o.created) created_.push_back(e.object);
            o.created = true;
            // A semaphore starts at its initial value; a lock free, an event clear, a queue empty.
            o.count = kind == ObjectKind::AsyncSemaphore ? std::int32_t(e.arg) : 0;
            break;
        case Op::Acquire:
            if (e.result != Result::Acquired) break;
            if (kind == ObjectKind::AsyncLock) {
                o.holderTask = ObjectId(e.arg);
            } else if (kind == ObjectKind::AsyncSemaphore) {
                o.holderTasks.push_back(ObjectId(e.arg));
                --o.count;
            }
            break;
        case Op::Release:
            if (e.result != Result::Ok) break;
            if (kind == ObjectKind::AsyncLock) {
                o.holderTask = kNoObject;
            } else if (kind == ObjectKind::AsyncSemaphore) {
                // Any task may release a semaphore: the releaser's hold if it has one, else the oldest.
                const auto it = std::find(o.holderTasks.begin(), o.holderTasks.end(), ObjectId(e.arg));
                if (it != o.holderTasks.end()) o.holderTasks.erase(it);
                else if (!o.holderTasks.empty()) o.holderTasks.erase(o.holderTasks.begin());
                ++o.count;
            }
            break;
        case Op::Set: o.flag = true; break;
        case Op::Clear: o.flag = false; break;
        case Op::Put:
        case Op::Get:
            if (e.result == Result::Ok) o.count = e.arg;  // the queue's size after
            break;
        default: break;
    }
}

std::vector<ObjectId> RunState::waitedOn() const {
    std::vector<ObjectId> out;
    for (std::size_t o = 0; o < objects_.size(); ++o)
        if (!objects_[o].waiters.empty()) out.push_back(ObjectId(o));
    return out;
}

std::vector<ActorId> RunState::holders(ObjectId o) const {
    std::vector<ActorId> out;
    if (o >= objects_.size()) return out;
    const ObjectNow& s = objects_[o];
    const ObjectTraits& traits = objectTraits(kinds_[o]);
    if (traits.holder && s.held.holder != kNoActor) out.push_back(s.held.holder);
    if (traits.slotted)
        for (const SlotHold& h : s.slotHolds)
            if (h.holder != kNoActor && std::find(out.begin(), out.end(), h.holder) == out.end()) out.push_back(h.holder);
    if (traits.family == ObjectFamily::Thread || traits.family == ObjectFamily::Process) {
        // A join waits for the thread (or process) it started, until that one ends.
        if (s.actor != kNoActor && !(s.actor < actors_.size() && actors_[s.actor].ended)) out.push_back(s.actor);
    }
    if (traits.family == ObjectFamily::Future && s.future == FutureState::Running && s.actor != kNoActor)
        out.push_back(s.actor);
    return out;
}

std::vector<ActorId> RunState::runnable() const {
    std::vector<ActorId> out;
    for (std::size_t a = 0; a < actors_.size(); ++a) {
        const ActorState s = actors_[a].state.state;
        if (s == ActorState::Running || s == ActorState::Ready) out.push_back(ActorId(a));
    }
    return out;
}

namespace {
// Rows one state has and the other not yet (it was fed with an older snapshot, or has seen fewer ids) count as
// the rows of an actor not started and an object not created: equal only when they are still that.
template <typename T>
bool sameRows(const std::vector<T>& a, const std::vector<T>& b, const T& none) {
    const std::size_t n = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i)
        if (!((i < a.size() ? a[i] : none) == (i < b.size() ? b[i] : none))) return false;
    return true;
}
// Objects: a row only one side has is one no event has touched yet (its pipe end may already know its peer).
bool sameObjects(const std::vector<ObjectNow>& a, const std::vector<ObjectNow>& b) {
    const std::size_t common = std::min(a.size(), b.size());
    if (!std::equal(a.begin(), a.begin() + std::ptrdiff_t(common), b.begin())) return false;
    const auto& longer = a.size() > b.size() ? a : b;
    for (std::size_t i = common; i < longer.size(); ++i) {
        ObjectNow untouched;
        untouched.peer = longer[i].peer;
        if (!(longer[i] == untouched)) return false;
    }
    return true;
}
}  // namespace

bool RunState::operator==(const RunState& o) const {
    const std::size_t kinds = std::min(kinds_.size(), o.kinds_.size());
    return events_ == o.events_ && step_ == o.step_ && time_ == o.time_ && lastActor_ == o.lastActor_ &&
           sameRows(actors_, o.actors_, kNoActorNow) && sameObjects(objects_, o.objects_) &&
           std::equal(kinds_.begin(), kinds_.begin() + std::ptrdiff_t(kinds), o.kinds_.begin()) &&
           created_ == o.created_ && errors_ == o.errors_ && deadlockCycle_ == o.deadlockCycle_ &&
           races_ == o.races_ && printed_ == o.printed_ && switches_ == o.switches_;
}

std::size_t RunState::footprint() const {
    std::size_t bytes = sizeof(*this) + actors_.size() * sizeof(ActorNow) + objects_.size() * sizeof(ObjectNow) +
                        kinds_.size() + created_.size() * sizeof(ObjectId) + errors_.size() * sizeof(RaisedError);
    for (const ObjectNow& o : objects_)
        bytes += o.slotHolds.size() * sizeof(SlotHold) + o.waiters.size() * sizeof(ActorId) +
                 o.items.size() * sizeof(QueuedItem) + (o.waitingTasks.size() + o.holderTasks.size()) * sizeof(ObjectId);
    return bytes;
}

}  // namespace lockstep
