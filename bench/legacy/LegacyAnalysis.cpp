// The trace's derivation as it was before the one analysis layer (lockstep::TraceModel): kept in bench/ only
// as the baseline the analysis benchmark measures the new layer against, in the same run. Not built into
// Lockstep itself; do not use it elsewhere.
#include "LegacyAnalysis.h"

#include <algorithm>
#include <array>

namespace lockstep::legacy {

std::string_view actorStateName(ActorState s) {
    static constexpr std::array<std::string_view, 7> names{"not started", "running", "ready", "blocked",
                                                           "sleeping",    "computing", "done"};
    return names[static_cast<std::size_t>(s)];
}

std::vector<std::vector<StateInterval>> TraceAnalysis::actorStates() const {
    const std::size_t actors = trace_.actorCount();
    std::vector<std::vector<StateInterval>> lanes(actors);
    std::vector<StateInterval> cur(actors);
    for (auto& c : cur) c.beginStep = 1;
    const std::size_t events = trace_.eventCount();
    std::uint32_t step = 0;

    auto change = [&](ActorId a, ActorState s, Nanos t, Op op = Op::Run, ObjectId obj = kNoObject,
                      std::uint8_t core = 0) {
        if (a >= actors) return;
        StateInterval& c = cur[a];
        if (c.state == s && c.object == obj && c.op == op && c.core == core) return;
        // An interval ends where the next begins; a change within the same step closes a zero-step interval
        // at this step, so each step shows the state the actor reached by its end.
        c.endStep = step;
        c.end = t;
        if (c.endStep > c.beginStep || c.end > c.begin) lanes[a].push_back(c);
        c = StateInterval{step, step, t, t, s, op, obj, core};
    };

    // The event loop's records about its tasks (a task awaits, is resumed, ends) are the tasks' states, not
    // the loop's thread's: that thread runs on.
    const std::size_t objects = trace_.objectCount();
    std::vector<char> asyncObject(objects, 0);
    for (ObjectId o = 0; o < objects; ++o) {
        const ObjectKind k = trace_.object(o).kind;
        asyncObject[o] = k == ObjectKind::AsyncTask || k == ObjectKind::AsyncFuture || k == ObjectKind::AsyncCallback;
    }

    for (std::size_t i = 0; i < events; ++i) {
        const TraceEvent& e = trace_.event(i);
        if (e.flags & TraceEvent::StepStart) ++step;
        const ActorId a = e.actor;
        if (e.op == Op::Await || e.op == Op::Resume || e.op == Op::Callback) continue;
        if (e.object < objects && asyncObject[e.object]) continue;
        switch (e.op) {
            case Op::Switch: {
                const auto prev = static_cast<ActorId>(e.arg);
                if (prev != a && prev < actors && cur[prev].state == ActorState::Running)
                    change(prev, ActorState::Ready, e.time);
                change(a, ActorState::Running, e.time);
                break;
            }
            case Op::Start:
                change(static_cast<ActorId>(e.arg), ActorState::Ready, e.time);
                break;
            case Op::Run:
                if (e.result == Result::Started) change(a, ActorState::Running, e.time);
                else if (e.result == Result::Done || e.result == Result::Error) change(a, ActorState::Done, e.time);
                break;
            case Op::Work:
                if (e.result == Result::Ok) change(a, ActorState::Ready, e.time);
                else if (e.result == Result::Started) change(a, ActorState::Computing, e.time, Op::Work, kNoObject, e.core);
                else change(a, ActorState::Ready, e.time);
                break;
            case Op::Sleep:
                if (e.result == Result::Blocked) change(a, ActorState::Sleeping, e.time, Op::Sleep);
                else if (e.result == Result::Woken) change(a, ActorState::Ready, e.time);
                break;
            default:
                // An event loop waiting in select() for its next timer or a thread is idle, not stuck on
                // anything: shown as sleeping.
                if (e.result == Result::Blocked && e.op == Op::Wait && e.object < objects &&
                    trace_.object(e.object).kind == ObjectKind::EventLoop && (e.flags & TraceEvent::HasTimeout))
                    change(a, ActorState::Sleeping, e.time, Op::Wait, e.object);
                else if (e.result == Result::Blocked && e.op != Op::Deadlock)
                    change(a, ActorState::Blocked, e.time, e.op, e.object);
                else if (e.result == Result::Woken || e.result == Result::Timeout)
                    change(a, ActorState::Ready, e.time);
                break;
        }
    }
    const std::uint32_t lastStep = trace_.stepCount();
    const Nanos endTime = trace_.outcome().status == RunStatus::Running
                              ? (events ? trace_.event(events - 1).time : 0)
                              : trace_.outcome().endTime;
    for (std::size_t a = 0; a < actors; ++a) {
        StateInterval c = cur[a];
        c.endStep = lastStep + 1;
        c.end = std::max(endTime, c.begin);
        lanes[a].push_back(c);
    }
    return lanes;
}

std::vector<HoldInterval> TraceAnalysis::holds(ObjectId object) const {
    std::vector<HoldInterval> out;
    std::vector<HoldInterval> open;  // by slot
    const std::size_t events = trace_.eventCount();
    const bool isSemaphore = object < trace_.objectCount() &&
                             (trace_.object(object).kind == ObjectKind::Semaphore ||
                              trace_.object(object).kind == ObjectKind::BoundedSemaphore);
    for (std::size_t i = 0; i < events; ++i) {
        const TraceEvent& e = trace_.event(i);
        if (e.object != object) continue;
        const int slot = isSemaphore ? e.arg : 0;
        if (slot < 0) continue;
        if (static_cast<std::size_t>(slot) >= open.size()) open.resize(static_cast<std::size_t>(slot) + 1);
        HoldInterval& h = open[static_cast<std::size_t>(slot)];
        if (e.op == Op::Acquire && e.result == Result::Acquired) {
            if (!isSemaphore && h.holder != kNoActor) continue;  // RLock re-entry: same hold
            const std::uint32_t step = trace_.stepOfEvent(i);
            h = HoldInterval{step, step, e.time, e.time, e.actor, slot};
        } else if (e.op == Op::Release && (isSemaphore || e.arg == 0) && h.holder != kNoActor) {
            h.endStep = trace_.stepOfEvent(i);
            h.end = e.time;
            out.push_back(h);
            h.holder = kNoActor;
        }
    }
    const Nanos endTime = trace_.outcome().status == RunStatus::Running
                              ? (events ? trace_.event(events - 1).time : 0)
                              : trace_.outcome().endTime;
    for (HoldInterval& h : open)
        if (h.holder != kNoActor) {
            h.endStep = trace_.stepCount() + 1;
            h.end = std::max(endTime, h.begin);
            out.push_back(h);
        }
    std::sort(out.begin(), out.end(), [](const HoldInterval& a, const HoldInterval& b) {
        return a.beginStep != b.beginStep ? a.beginStep < b.beginStep : a.slot < b.slot;
    });
    return out;
}

std::vector<CountPoint> TraceAnalysis::waiters(ObjectId object) const {
    std::vector<CountPoint> out;
    std::vector<char> waiting(trace_.actorCount(), 0);
    int count = 0;
    const std::size_t events = trace_.eventCount();
    for (std::size_t i = 0; i < events; ++i) {
        const TraceEvent& e = trace_.event(i);
        if (e.actor >= waiting.size()) continue;
        int before = count;
        if (e.object == object && e.result == Result::Blocked && e.op != Op::Deadlock && !waiting[e.actor]) {
            waiting[e.actor] = 1;
            ++count;
        } else if (waiting[e.actor] && (e.result == Result::Woken || e.result == Result::Timeout)) {
            waiting[e.actor] = 0;
            --count;
        }
        if (count != before) {
            const std::uint32_t step = trace_.stepOfEvent(i);
            if (!out.empty() && out.back().step == step) out.back().value = count;
            else out.push_back(CountPoint{step, e.time, count});
        }
    }
    return out;
}

std::optional<FutureState> futureStateAfter(const TraceEvent& e) {
    switch (e.op) {
        case Op::Create:
            return FutureState::Pending;
        case Op::SetRunning:
            if (e.result == Result::Started) return FutureState::Running;
            break;
        case Op::SetResult:
            return FutureState::Finished;
        case Op::SetException:
            return FutureState::Failed;
        case Op::Cancel:
            if (e.result == Result::Ok) return FutureState::Cancelled;
            break;
        default:
            break;
    }
    return std::nullopt;
}

std::vector<FutureInterval> TraceAnalysis::futureStates(ObjectId future) const {
    std::vector<FutureInterval> out;
    const std::size_t events = trace_.eventCount();
    std::uint32_t step = 0;
    bool created = false;
    FutureInterval cur;
    for (std::size_t i = 0; i < events; ++i) {
        const TraceEvent& e = trace_.event(i);
        if (e.flags & TraceEvent::StepStart) ++step;
        if (e.object != future) continue;
        const std::optional<FutureState> next = futureStateAfter(e);
        if (!next || (created && *next == cur.state)) continue;
        if (created) {
            cur.endStep = step;
            cur.end = e.time;
            if (cur.endStep > cur.beginStep || cur.end > cur.begin) out.push_back(cur);
        }
        created = true;
        cur = FutureInterval{step, step, e.time, e.time, *next, e.actor};
    }
    if (created) {
        cur.endStep = trace_.stepCount() + 1;
        const Nanos endTime = trace_.outcome().status == RunStatus::Running
                                  ? (events ? trace_.event(events - 1).time : 0)
                                  : trace_.outcome().endTime;
        cur.end = std::max(endTime, cur.begin);
        out.push_back(cur);
    }
    return out;
}

std::optional<TaskState> taskStateAfter(const TraceEvent& e) {
    switch (e.op) {
        case Op::Create:
            return TaskState::Pending;
        case Op::Resume:
            return TaskState::Running;
        case Op::Await:
            if (e.result == Result::Blocked) return TaskState::Waiting;
            if (e.result == Result::Woken) return TaskState::Ready;
            break;
        case Op::Run:
            if (e.result == Result::Done) return TaskState::Done;
            if (e.result == Result::Error) return TaskState::Failed;
            if (e.result == Result::Cancelled) return TaskState::Cancelled;
            break;
        default:
            break;
    }
    return std::nullopt;
}

std::vector<std::vector<TaskInterval>> TraceAnalysis::taskStates() const {
    const std::size_t objects = trace_.objectCount();
    std::vector<std::vector<TaskInterval>> out(objects);
    std::vector<TaskInterval> open(objects);
    std::vector<char> created(objects, 0);
    std::vector<char> isTask(objects, 0);
    for (ObjectId o = 0; o < objects; ++o)
        isTask[o] = trace_.object(o).kind == ObjectKind::AsyncTask || trace_.object(o).kind == ObjectKind::AsyncFuture;
    const std::size_t events = trace_.eventCount();
    std::uint32_t step = 0;
    for (std::size_t i = 0; i < events; ++i) {
        const TraceEvent& e = trace_.event(i);
        if (e.flags & TraceEvent::StepStart) ++step;
        if (e.object >= objects || !isTask[e.object]) continue;
        const std::optional<TaskState> next = taskStateAfter(e);
        if (!next) continue;
        TaskInterval& cur = open[e.object];
        if (created[e.object]) {
            cur.endStep = step;
            cur.end = e.time;
            if (cur.endStep > cur.beginStep || cur.end > cur.begin || cur.state != *next)
                out[e.object].push_back(cur);
        }
        created[e.object] = 1;
        cur = TaskInterval{step, step, e.time, e.time, *next};
        if (*next == TaskState::Waiting) {
            if (e.flags & TraceEvent::ArgIsMicros) cur.sleepMicros = e.arg;
            else if (e.arg >= 0) cur.awaited = static_cast<ObjectId>(e.arg);
            cur.hasTimeout = (e.flags & TraceEvent::HasTimeout) != 0;
        }
    }
    const Nanos endTime = trace_.outcome().status == RunStatus::Running
                              ? (events ? trace_.event(events - 1).time : 0)
                              : trace_.outcome().endTime;
    for (ObjectId o = 0; o < objects; ++o)
        if (created[o]) {
            TaskInterval cur = open[o];
            cur.endStep = trace_.stepCount() + 1;
            cur.end = std::max(endTime, cur.begin);
            out[o].push_back(cur);
        }
    return out;
}

std::vector<CountPoint> TraceAnalysis::readyQueue() const {
    std::vector<CountPoint> out;
    const std::size_t events = trace_.eventCount();
    const std::size_t objects = trace_.objectCount();
    std::uint32_t step = 0;
    for (std::size_t i = 0; i < events; ++i) {
        const TraceEvent& e = trace_.event(i);
        if (e.flags & TraceEvent::StepStart) ++step;
        int value = -1;
        if (e.op == Op::Resume || e.op == Op::Callback) value = e.arg;
        else if (e.op == Op::Wait && e.result == Result::Blocked && e.object < objects &&
                 trace_.object(e.object).kind == ObjectKind::EventLoop)
            value = 0;
        if (value < 0) continue;
        if (!out.empty() && out.back().step == step) out.back().value = value;
        else out.push_back(CountPoint{step, e.time, value});
    }
    return out;
}

std::vector<CountPoint> TraceAnalysis::queueLength(ObjectId queue) const {
    std::vector<CountPoint> out;
    int count = 0;
    const std::size_t events = trace_.eventCount();
    for (std::size_t i = 0; i < events; ++i) {
        const TraceEvent& e = trace_.event(i);
        if (e.object != queue || e.result != Result::Ok) continue;
        if (e.op == Op::Put) ++count;
        else if (e.op == Op::Get) --count;
        else continue;
        out.push_back(CountPoint{trace_.stepOfEvent(i), e.time, count});
    }
    return out;
}

std::vector<StateInterval> TraceAnalysis::statesAt(std::uint32_t step) const {
    const auto lanes = actorStates();
    std::vector<StateInterval> out(lanes.size());
    for (std::size_t a = 0; a < lanes.size(); ++a)
        for (const StateInterval& s : lanes[a])
            if (s.beginStep <= step) out[a] = s;
    return out;
}

void TransferMatcher::clear() {
    channels_.clear();
    peers_.clear();
    pending_.clear();
    transfers_.clear();
}

void TransferMatcher::syncObjects(const Trace& trace) {
    const std::size_t objects = trace.objectCount();
    for (std::size_t o = channels_.size(); o < objects; ++o) {
        const ObjectInfo& info = trace.object(ObjectId(o));
        Channel c = Channel::None;
        peers_.push_back(kNoObject);
        if (info.kind == ObjectKind::ProcessQueue) {
            c = Channel::Queue;
        } else if (info.kind == ObjectKind::Connection) {
            c = Channel::PipeEnd;
            // The second end of a pipe names the first (created just before it) in its param; a first end's
            // param means nothing, so an end pairs only with an earlier end that has no partner yet.
            const auto first = static_cast<std::size_t>(info.param);
            if (info.param >= 0 && first < o && channels_[first] == Channel::PipeEnd && peers_[first] == kNoObject) {
                peers_[first] = ObjectId(o);
                peers_[o] = ObjectId(first);
            }
        }
        channels_.push_back(c);
    }
}

bool TransferMatcher::feed(const Trace& trace, std::size_t index, std::uint32_t step) {
    const TraceEvent& e = trace.event(index);
    if (e.result != Result::Ok || e.object == kNoObject) return false;
    if (e.op != Op::Put && e.op != Op::Get && e.op != Op::Send && e.op != Op::Recv) return false;
    if (e.object >= channels_.size()) syncObjects(trace);
    if (e.object >= channels_.size()) return false;
    const Channel c = channels_[e.object];
    const bool queue = c == Channel::Queue && (e.op == Op::Put || e.op == Op::Get);
    const bool pipe = c == Channel::PipeEnd && (e.op == Op::Send || e.op == Op::Recv);
    if (!queue && !pipe) return false;
    if (e.op == Op::Put || e.op == Op::Send) {
        const ObjectId receiver = queue ? e.object : peers_[e.object];
        if (receiver == kNoObject) return false;
        pending_[receiver].push_back(
            Pending{e.actor, step, e.time, std::uint32_t(index), e.object, std::string(trace.argText(e))});
        return false;
    }
    const auto it = pending_.find(e.object);
    if (it == pending_.end() || it->second.empty()) return false;
    Pending sent = std::move(it->second.front());
    it->second.pop_front();
    Transfer t;
    t.object = sent.sentOn;
    t.receivedOn = e.object;
    t.fromActor = sent.actor;
    t.toActor = e.actor;
    t.fromStep = sent.step;
    t.toStep = step;
    t.fromTime = sent.time;
    t.toTime = e.time;
    t.fromEvent = sent.event;
    t.toEvent = std::uint32_t(index);
    t.text = std::move(sent.text);
    transfers_.push_back(std::move(t));
    return true;
}

const std::deque<TransferMatcher::Pending>* TransferMatcher::pending(ObjectId receiver) const {
    const auto it = pending_.find(receiver);
    return it == pending_.end() ? nullptr : &it->second;
}

std::vector<Transfer> TraceAnalysis::transfers() const {
    TransferMatcher m;
    m.syncObjects(trace_);
    std::uint32_t step = 0;
    const std::size_t events = trace_.eventCount();
    for (std::size_t i = 0; i < events; ++i) {
        if (trace_.event(i).flags & TraceEvent::StepStart) ++step;
        m.feed(trace_, i, step);
    }
    return m.takeTransfers();
}

std::string TraceAnalysis::sharedValueAt(ObjectId object, std::uint32_t step) const {
    std::string value;
    const std::size_t end = step >= trace_.stepCount() ? trace_.eventCount() : trace_.stepEnd(step);
    for (std::size_t i = 0; i < end; ++i) {
        const TraceEvent& e = trace_.event(i);
        if (e.object != object || (e.op != Op::Create && e.op != Op::Store)) continue;
        value = (e.flags & TraceEvent::ArgIsString) ? std::string(trace_.argText(e)) : std::to_string(e.arg);
    }
    return value;
}

std::optional<std::size_t> TraceAnalysis::raceAccessEvent(const DataRace& race, const DataRace::Access& access) const {
    if (access.step < 1 || access.step > trace_.stepCount()) return std::nullopt;
    const std::size_t end = std::min(trace_.stepEnd(access.step), trace_.eventCount());
    for (std::size_t e = trace_.stepBegin(access.step); e < end; ++e) {
        const TraceEvent& ev = trace_.event(e);
        if (ev.actor == access.actor && ev.object == race.object && (ev.op == Op::Load || ev.op == Op::Store))
            return e;
    }
    return std::nullopt;
}

}  // namespace lockstep::legacy
