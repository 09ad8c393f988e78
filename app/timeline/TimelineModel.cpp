#include "timeline/TimelineModel.h"

#include <algorithm>

namespace lockstep::timeline {

namespace {

bool isLockKind(ObjectKind k) {
    return k == ObjectKind::Lock || k == ObjectKind::RLock || k == ObjectKind::Gil;
}
bool isSemaphoreKind(ObjectKind k) {
    return k == ObjectKind::Semaphore || k == ObjectKind::BoundedSemaphore;
}
bool isSignalKind(ObjectKind k) {
    return k == ObjectKind::Event || k == ObjectKind::Condition || k == ObjectKind::Barrier;
}
bool isTaskKind(ObjectKind k) {
    return k == ObjectKind::AsyncTask || k == ObjectKind::AsyncFuture;
}
// Objects whose lanes sit in a fixed section, built in one go: one appearing mid-run rebuilds the model.
bool hasFixedLane(ObjectKind k) {
    return isLockKind(k) || isSemaphoreKind(k) || isSignalKind(k) || k == ObjectKind::Queue ||
           k == ObjectKind::Future;
}

// The steps and times every interval type covers, as a band's.
template <typename Interval>
Band spanOf(const Interval& i) {
    Band b;
    b.beginStep = i.beginStep;
    b.endStep = i.endStep;
    b.begin = i.begin;
    b.end = i.end;
    return b;
}

Band bandOf(const StateInterval& s, ActorId actor) {
    Band b = spanOf(s);
    b.object = s.object;
    b.actor = actor;
    b.state = s.state;
    b.op = s.op;
    b.core = s.core;
    return b;
}

Band bandOf(const HoldInterval& h) {
    Band b = spanOf(h);
    b.actor = h.holder;
    b.state = ActorState::Running;
    return b;
}

Band bandOf(const FutureInterval& f) {
    Band b = spanOf(f);
    b.actor = f.actor;
    b.future = f.state;
    return b;
}

Band bandOf(const TaskInterval& t, ActorId loop) {
    Band b = spanOf(t);
    b.actor = loop;
    b.task = t.state;
    b.object = t.awaited;
    b.sleepMicros = t.sleepMicros;
    b.hasTimeout = t.hasTimeout;
    return b;
}

bool sameEvent(const TraceEvent& x, const TraceEvent& y) {
    return x.time == y.time && x.object == y.object && x.arg == y.arg && x.actor == y.actor && x.op == y.op &&
           x.result == y.result && x.flags == y.flags;
}

}  // namespace

void TimelineModel::clear() {
    lanes_.clear();
    settled_.clear();
    actorLane_.clear();
    objectLane_.clear();
    stepTimes_.clear();
    actorNames_.clear();
    objectNames_.clear();
    current_.clear();
    waits_.clear();
    waitingOn_.clear();
    holds_.clear();
    queueCount_.clear();
    futures_.clear();
    futureCreated_.clear();
    futureOutcomes_.clear();
    hasFutures_ = false;
    tasks_.clear();
    taskObjects_.clear();
    deferred_.clear();
    coroutines_.clear();
    groups_.clear();
    groupByKey_.clear();
    grouped_ = false;
    loopLane_.clear();
    loopTurns_.clear();
    dirtyFrom_.clear();
    dirtyLanes_.clear();
    tailLanes_.clear();
    holdObjects_.clear();
    futureObjects_.clear();
    fixedLanes_.clear();
    rows_.clear();
    rowOf_.clear();
    rowsDirty_ = true;
    coreLane_.clear();
    objectKinds_.clear();
    processed_ = 0;
    lastEvent_ = {};
    step_ = 0;
    stepCount_ = 0;
    eventCount_ = 0;
    endTime_ = 0;
    status_ = RunStatus::Running;
    hasCycle_ = false;
    cycle_ = {};
    cycleCount_ = 0;
    hasProcesses_ = false;
    processGroups_.clear();
    processActor_.clear();
    matcher_.clear();
}

bool TimelineModel::update(const Trace& trace) {
    const std::size_t events = trace.eventCount();
    if (events == eventCount_ && trace.stepCount() == stepCount_ && trace.outcome().status == status_ &&
        trace.cycles().size() == cycleCount_)
        return false;
    // What changes the set or the order of lanes, or the cycle highlighted, or the end of open intervals
    // before the last event, is rare (a thread started, an object created, the run ended): rebuild then.
    // A trace cleared and filled again (a restart into the same Trace) shows as a different last event.
    const bool sameHistory =
        processed_ == 0 || (events >= processed_ && sameEvent(trace.event(processed_ - 1), lastEvent_));
    const std::size_t knownObjects = objectNames_.size(), objects = trace.objectCount();
    bool rebuild = !sameHistory || trace.actorCount() != actorNames_.size() || objects < knownObjects ||
                   trace.outcome().status != status_ || trace.cycles().size() != cycleCount_;
    for (std::size_t o = knownObjects; o < objects && !rebuild; ++o)
        rebuild = hasFixedLane(trace.object(ObjectId(o)).kind);
    if (rebuild) {
        build(trace);
        return true;
    }
    dropOpenTails();
    addObjects(trace, knownObjects);
    if (!consume(trace, events)) {
        build(trace);
        return true;
    }
    eventCount_ = events;
    stepCount_ = trace.stepCount();
    endTime_ = eventCount_ ? trace.event(eventCount_ - 1).time : 0;  // still running (a new status rebuilt)
    appendOpenTails();
    if (rowsDirty_) computeRows();
    return true;
}

void TimelineModel::addObjects(const Trace& trace, std::size_t from) {
    const std::size_t objects = trace.objectCount();
    for (std::size_t o = from; o < objects; ++o) {
        const ObjectInfo& info = trace.object(ObjectId(o));
        objectNames_.push_back(QString::fromStdString(info.name));
        objectKinds_.push_back(info.kind);
    }
    objectLane_.resize(objects, -1);
    waits_.resize(objects);
    holds_.resize(objects);
    queueCount_.resize(objects, 0);
    futures_.resize(objects);
    futureCreated_.resize(objects, 0);
    futureOutcomes_.resize(objects);
    tasks_.resize(objects);
    coroutines_.resize(objects);
    processActor_.resize(objects, kNoActor);
    for (std::size_t o = from; o < objects; ++o)
        if (isTaskKind(objectKinds_[o])) addTaskLane(ObjectId(o));
}

void TimelineModel::addTaskLane(ObjectId o) {
    Lane lane;
    lane.kind = LaneKind::Task;
    lane.name = objectNames_[o];
    lane.object = o;
    tasks_[o].lane = objectLane_[o] = int(lanes_.size());
    lanes_.push_back(std::move(lane));
    taskObjects_.push_back(o);
    rowsDirty_ = true;
}

void TimelineModel::build(const Trace& trace) {
    clear();
    const std::size_t events = trace.eventCount();
    status_ = trace.outcome().status;
    cycleCount_ = trace.cycles().size();

    const std::size_t actors = trace.actorCount(), objects = trace.objectCount();
    for (std::size_t a = 0; a < actors; ++a)
        actorNames_.push_back(QString::fromStdString(trace.actor(ActorId(a)).name));
    addObjects(trace, 0);  // the task lanes; their rows go after the actors'

    const int outcomeCycle = trace.outcome().deadlockCycle;
    if (outcomeCycle >= 0 && std::size_t(outcomeCycle) < trace.cycles().size()) {
        cycle_ = trace.cycles()[std::size_t(outcomeCycle)];
        hasCycle_ = true;
    } else if (!trace.cycles().empty()) {
        cycle_ = trace.cycles().back();
        hasCycle_ = true;
    }
    auto actorInCycle = [&](ActorId a) {
        return hasCycle_ && std::find(cycle_.actors.begin(), cycle_.actors.end(), a) != cycle_.actors.end();
    };
    auto objectInCycle = [&](ObjectId o) {
        return hasCycle_ &&
               std::find(cycle_.objects.begin(), cycle_.objects.end(), o) != cycle_.objects.end();
    };

    // The lanes, in display order: actors (each event loop's lane under its actor), asyncio tasks and
    // futures, then the fixed sections: cores, locks, semaphores, signals, queues, futures.
    actorLane_.assign(actors, -1);
    loopLane_.assign(actors, -1);
    loopTurns_.assign(actors, LoopTurn{});
    current_.assign(actors, StateInterval{});
    for (StateInterval& c : current_) c.beginStep = 1;
    waitingOn_.assign(actors, {});
    for (std::size_t a = 0; a < actors; ++a) {
        Lane lane;
        lane.kind = LaneKind::Actor;
        lane.name = actorNames_[a];
        lane.actor = ActorId(a);
        lane.inCycle = actorInCycle(ActorId(a));
        actorLane_[a] = int(lanes_.size());
        lanes_.push_back(std::move(lane));
    }
    // With child processes, each process's actors go under it, processes in the order of their first actor
    // (the main process first). A child with one actor needs no heading: its lane is the process.
    for (std::size_t a = 0; a < actors && !hasProcesses_; ++a)
        hasProcesses_ = trace.actor(ActorId(a)).kind == ActorKind::Process;
    if (hasProcesses_) {
        std::vector<std::int64_t> pids;
        for (std::size_t a = 0; a < actors; ++a) {
            const ActorInfo& info = trace.actor(ActorId(a));
            const std::size_t g = std::size_t(std::find(pids.begin(), pids.end(), info.pid) - pids.begin());
            if (g == pids.size()) {
                pids.push_back(info.pid);
                processGroups_.emplace_back();
            }
            processGroups_[g].actors.push_back(ActorId(a));
            Lane& lane = lanes_[std::size_t(actorLane_[a])];
            lane.pid = info.pid;
            lane.processLane = info.kind == ActorKind::Process;
        }
        for (std::size_t g = 0; g < processGroups_.size(); ++g) {
            ProcessGroup& group = processGroups_[g];
            const ActorId first = group.actors.front();
            if (group.actors.size() == 1 && trace.actor(first).kind == ActorKind::Process) continue;
            Lane header;
            header.kind = LaneKind::Process;
            header.pid = pids[g];
            // Python's name of the scheduler's process; a child's is its Process actor's.
            header.name = QStringLiteral("MainProcess");
            for (ActorId a : group.actors)
                if (trace.actor(a).kind == ActorKind::Process) header.name = actorNames_[a];
            for (ActorId a : group.actors) lanes_[std::size_t(actorLane_[a])].nested = true;
            group.header = int(lanes_.size());
            lanes_.push_back(std::move(header));
        }
    }
    // Core lanes exist for the cores some burst ran on (a run without work() has none); loop lanes for the
    // actors that ran an event loop.
    int cores = 0;
    for (std::size_t i = 0; i < events; ++i) {
        const TraceEvent& e = trace.event(i);
        if (e.op == Op::Work && e.result == Result::Started) cores = std::max(cores, int(e.core) + 1);
        if ((e.op == Op::Resume || e.op == Op::Callback) && e.actor < actors && loopLane_[e.actor] < 0) {
            Lane lane;
            lane.kind = LaneKind::Loop;
            lane.name = actorNames_[e.actor];
            lane.actor = e.actor;
            loopLane_[e.actor] = int(lanes_.size());
            lanes_.push_back(std::move(lane));
        }
    }
    for (int c = 0; c < cores; ++c) {
        Lane lane;
        lane.kind = LaneKind::Core;
        lane.index = c;
        lane.name = QStringLiteral("core %1").arg(c);
        coreLane_.push_back(int(lanes_.size()));
        fixedLanes_.push_back(int(lanes_.size()));
        lanes_.push_back(std::move(lane));
    }
    auto countWaiters = [&](ObjectId o, int lane) {
        waits_[o].lane = lane;
        waits_[o].waiting.assign(actors, 0);
    };
    for (std::size_t o = 0; o < objects; ++o)
        if (isLockKind(objectKinds_[o])) {
            Lane lane;
            lane.kind = LaneKind::Lock;
            lane.name = objectNames_[o];
            lane.object = ObjectId(o);
            lane.inCycle = objectInCycle(ObjectId(o));
            objectLane_[o] = holds_[o].lane = int(lanes_.size());
            holds_[o].open.resize(1);
            countWaiters(ObjectId(o), int(lanes_.size()));
            fixedLanes_.push_back(int(lanes_.size()));
            lanes_.push_back(std::move(lane));
        }
    for (std::size_t o = 0; o < objects; ++o)
        if (isSemaphoreKind(objectKinds_[o])) {
            // One lane per slot: the initial value, or more if a release ever went above it (the slot index
            // of each acquire is in the trace).
            int slotCount = int(std::max<std::int64_t>(trace.object(ObjectId(o)).param, 0));
            for (std::size_t i = 0; i < events; ++i) {
                const TraceEvent& e = trace.event(i);
                if (e.object == o && e.op == Op::Acquire && e.result == Result::Acquired)
                    slotCount = std::max(slotCount, e.arg + 1);
            }
            objectLane_[o] = holds_[o].lane = int(lanes_.size());
            holds_[o].slotCount = slotCount;
            holds_[o].semaphore = true;
            holds_[o].open.resize(std::size_t(slotCount));
            for (int s = 0; s < slotCount; ++s) {
                Lane lane;
                lane.kind = LaneKind::SemaphoreSlot;
                lane.name = QStringLiteral("%1[%2]").arg(objectNames_[o]).arg(s + 1);
                lane.object = ObjectId(o);
                lane.index = s;
                fixedLanes_.push_back(int(lanes_.size()));
                lanes_.push_back(std::move(lane));
            }
            Lane waiting;
            waiting.kind = LaneKind::SemaphoreWaiting;
            waiting.name = objectNames_[o];
            waiting.object = ObjectId(o);
            countWaiters(ObjectId(o), int(lanes_.size()));
            fixedLanes_.push_back(int(lanes_.size()));
            lanes_.push_back(std::move(waiting));
        }
    for (std::size_t o = 0; o < objects; ++o)
        if (isSignalKind(objectKinds_[o])) {
            Lane lane;
            lane.kind = LaneKind::Signal;
            lane.name = objectNames_[o];
            lane.object = ObjectId(o);
            objectLane_[o] = int(lanes_.size());
            countWaiters(ObjectId(o), int(lanes_.size()));
            fixedLanes_.push_back(int(lanes_.size()));
            lanes_.push_back(std::move(lane));
        }
    for (std::size_t o = 0; o < objects; ++o)
        if (objectKinds_[o] == ObjectKind::Queue) {
            Lane lane;
            lane.kind = LaneKind::Queue;
            lane.name = objectNames_[o];
            lane.object = ObjectId(o);
            objectLane_[o] = int(lanes_.size());
            fixedLanes_.push_back(int(lanes_.size()));
            lanes_.push_back(std::move(lane));
        }
    for (std::size_t o = 0; o < objects; ++o)
        if (objectKinds_[o] == ObjectKind::Future) {
            Lane lane;
            lane.kind = LaneKind::Future;
            lane.name = objectNames_[o];
            lane.object = ObjectId(o);
            objectLane_[o] = int(lanes_.size());
            fixedLanes_.push_back(int(lanes_.size()));
            lanes_.push_back(std::move(lane));
            hasFutures_ = true;
        }
    settled_.assign(lanes_.size(), 0);
    // Lanes with tails, and objects whose open intervals make them: fixed once built (lanes added later
    // are tasks' and groups', which have none; process headings have no bands), so an update walks these, not
    // every task.
    for (std::size_t i = 0; i < lanes_.size(); ++i)
        if (lanes_[i].kind != LaneKind::Task && lanes_[i].kind != LaneKind::TaskGroup &&
            lanes_[i].kind != LaneKind::Process)
            tailLanes_.push_back(int(i));
    for (std::size_t o = 0; o < objects; ++o) {
        if (holds_[o].lane >= 0) holdObjects_.push_back(ObjectId(o));
        if (objectKinds_[o] == ObjectKind::Future) futureObjects_.push_back(ObjectId(o));
    }

    stepTimes_.reserve(trace.stepCount());
    consume(trace, events);  // cannot fail: every lane it may need exists
    // A run that is over has no next step: what its tasks did in its last step ends them there.
    if (status_ != RunStatus::Running && !deferred_.empty()) applyDeferred(step_ + 1);
    eventCount_ = events;
    stepCount_ = trace.stepCount();
    endTime_ =
        status_ == RunStatus::Running ? (events ? trace.event(events - 1).time : 0) : trace.outcome().endTime;
    appendOpenTails();
    computeRows();
}

bool TimelineModel::cycleHighlight(ActorId a, const StateInterval& s) const {
    // The blocked interval during which the cycle closed is the one to highlight.
    if (!hasCycle_ || s.state != ActorState::Blocked || s.endStep <= cycle_.step) return false;
    for (std::size_t i = 0; i < cycle_.actors.size(); ++i)
        if (cycle_.actors[i] == a && cycle_.objects[i] == s.object) return true;
    return false;
}

void TimelineModel::closeState(ActorId a, const StateInterval& s) {
    Band b = bandOf(s, a);
    b.highlight = cycleHighlight(a, s);
    lanes_[std::size_t(actorLane_[a])].bands.push_back(b);
    if (s.state == ActorState::Computing) lanes_[std::size_t(coreLane_[s.core])].bands.push_back(b);
}

// The state machines below are those of TraceAnalysis (actorStates, holds, waiters, queueLength), run over
// all objects at once and kept open between calls; tst_timeline checks both agree on every scenario, and that
// a model extended step by step equals one built at once.
bool TimelineModel::consume(const Trace& trace, std::size_t end) {
    const std::size_t actors = current_.size(), objects = objectKinds_.size();
    const std::size_t coreCount = coreLane_.size();
    for (std::size_t i = processed_; i < end; ++i) {
        const TraceEvent& e = trace.event(i);
        if (e.flags & TraceEvent::StepStart) {
            ++step_;
            stepTimes_.push_back(e.time);
            if (!deferred_.empty()) applyDeferred(step_);
        }
        const std::uint32_t step = step_;
        matcher_.feed(trace, i, step);

        // ---- child processes: which actor a Process object runs as, who signalled it, how it ended
        if (hasProcesses_ && e.object < objects && objectKinds_[e.object] == ObjectKind::Process) {
            if (e.op == Op::Start && e.arg >= 0) {
                processActor_[e.object] = ActorId(e.arg);
            } else if (e.op == Op::Signal && e.result == Result::Ok) {
                const int lane = laneOfActor(processActor_[e.object]);
                if (lane >= 0) {
                    lanes_[std::size_t(lane)].signal = e.arg;
                    lanes_[std::size_t(lane)].signalledBy = e.actor;
                }
            } else if (e.op == Op::Exit) {
                const int lane = laneOfActor(e.actor);
                if (lane >= 0) {
                    lanes_[std::size_t(lane)].exited = true;
                    lanes_[std::size_t(lane)].exitCode = e.arg;
                }
            }
        }

        // ---- actor states
        auto change = [&](ActorId a, ActorState s, Nanos t, Op op = Op::Run, ObjectId obj = kNoObject,
                          std::uint8_t core = 0) {
            if (a >= actors) return true;
            StateInterval& c = current_[a];
            if (c.state == s && c.object == obj && c.op == op && c.core == core) return true;
            if (s == ActorState::Computing && core >= coreCount) return false;
            c.endStep = step;
            c.end = t;
            if (c.endStep > c.beginStep || c.end > c.begin) closeState(a, c);
            c = StateInterval{step, step, t, t, s, op, obj, core};
            return true;
        };
        bool ok = true;
        switch (e.op) {
            case Op::Switch: {
                const auto prev = ActorId(e.arg);
                if (prev != e.actor && prev < actors && current_[prev].state == ActorState::Running)
                    change(prev, ActorState::Ready, e.time);
                change(e.actor, ActorState::Running, e.time);
                break;
            }
            case Op::Start:
                change(ActorId(e.arg), ActorState::Ready, e.time);
                break;
            case Op::Resume:
            case Op::Await:
            case Op::Callback:
                break;  // the loop's bookkeeping of its tasks: its thread goes on running
            case Op::Run:
                if (e.object < objects && isTaskKind(objectKinds_[e.object])) break;  // a task's end
                if (e.result == Result::Started)
                    change(e.actor, ActorState::Running, e.time);
                else if (e.result == Result::Done || e.result == Result::Error)
                    change(e.actor, ActorState::Done, e.time);
                break;
            case Op::Work:
                if (e.result == Result::Started)
                    ok = change(e.actor, ActorState::Computing, e.time, Op::Work, kNoObject, e.core);
                else
                    change(e.actor, ActorState::Ready, e.time);
                break;
            case Op::Sleep:
                if (e.result == Result::Blocked)
                    change(e.actor, ActorState::Sleeping, e.time, Op::Sleep);
                else if (e.result == Result::Woken)
                    change(e.actor, ActorState::Ready, e.time);
                break;
            default:
                // As TraceAnalysis::actorStates: an event loop waiting for its next timer sleeps.
                if (e.result == Result::Blocked && e.op == Op::Wait && e.object < objects &&
                    objectKinds_[e.object] == ObjectKind::EventLoop && (e.flags & TraceEvent::HasTimeout))
                    change(e.actor, ActorState::Sleeping, e.time, Op::Wait, e.object);
                else if (e.result == Result::Blocked && e.op != Op::Deadlock)
                    change(e.actor, ActorState::Blocked, e.time, e.op, e.object);
                else if (e.result == Result::Woken || e.result == Result::Timeout)
                    change(e.actor, ActorState::Ready, e.time);
                break;
        }
        if (!ok) return false;

        // ---- waiters: an actor counts for an object from blocking on it until it is woken or times out
        if (e.actor < actors && e.op != Op::Await) {
            auto record = [&](WaitCount& w) {
                auto& counts = lanes_[std::size_t(w.lane)].counts;
                if (!counts.empty() && counts.back().step == step)
                    counts.back().value = w.count;
                else
                    counts.push_back(CountPoint{step, e.time, w.count});
            };
            if (e.result == Result::Woken || e.result == Result::Timeout) {
                for (ObjectId o : waitingOn_[e.actor]) {
                    WaitCount& w = waits_[o];
                    w.waiting[e.actor] = 0;
                    --w.count;
                    record(w);
                }
                waitingOn_[e.actor].clear();
            } else if (e.result == Result::Blocked && e.op != Op::Deadlock && e.object < objects &&
                       waits_[e.object].lane >= 0 && !waits_[e.object].waiting[e.actor]) {
                WaitCount& w = waits_[e.object];
                w.waiting[e.actor] = 1;
                ++w.count;
                waitingOn_[e.actor].push_back(e.object);
                record(w);
            }
        }
        // ---- holders of locks and semaphore slots
        if (e.object < objects && holds_[e.object].lane >= 0) {
            HoldState& h = holds_[e.object];
            const int slot = h.semaphore ? e.arg : 0;
            const bool acquired = e.op == Op::Acquire && e.result == Result::Acquired;
            if (acquired && slot >= h.slotCount) return false;  // a slot without a lane
            if (slot >= 0 && slot < h.slotCount) {
                HoldInterval& open = h.open[std::size_t(slot)];
                if (acquired) {
                    if (h.semaphore || open.holder == kNoActor)  // RLock re-entry: the same hold
                        open = HoldInterval{step, step, e.time, e.time, e.actor, slot};
                } else if (e.op == Op::Release && (h.semaphore || e.arg == 0) && open.holder != kNoActor) {
                    open.endStep = step;
                    open.end = e.time;
                    lanes_[std::size_t(h.lane + slot)].bands.push_back(bandOf(open));
                    open.holder = kNoActor;
                }
            }
        }

        // ---- queue occupancy
        if (e.object < objects && objectKinds_[e.object] == ObjectKind::Queue && e.result == Result::Ok &&
            (e.op == Op::Put || e.op == Op::Get)) {
            int& count = queueCount_[e.object];
            count += e.op == Op::Put ? 1 : -1;
            lanes_[std::size_t(objectLane_[e.object])].counts.push_back(CountPoint{step, e.time, count});
        }

        // ---- future states (as TraceAnalysis::futureStates)
        if (e.object < objects && objectKinds_[e.object] == ObjectKind::Future) {
            if (const auto next = futureStateAfter(e)) {
                FutureInterval& f = futures_[e.object];
                if (!futureCreated_[e.object] || f.state != *next) {
                    if (futureCreated_[e.object]) {
                        f.endStep = step;
                        f.end = e.time;
                        if (f.endStep > f.beginStep || f.end > f.begin)
                            lanes_[std::size_t(objectLane_[e.object])].bands.push_back(bandOf(f));
                    }
                    futureCreated_[e.object] = 1;
                    f = FutureInterval{step, step, e.time, e.time, *next, e.actor};
                }
                if (*next == FutureState::Finished || *next == FutureState::Failed)
                    futureOutcomes_[e.object] = QString::fromStdString(std::string(trace.argText(e)));
            }
        }

        // ---- asyncio tasks and futures (as TraceAnalysis::taskStates, but see TaskTrack)
        if (e.object < objects && tasks_[e.object].lane >= 0) {
            if (e.op == Op::Create && tasks_[e.object].group < 0) {
                const bool future = objectKinds_[e.object] == ObjectKind::AsyncFuture;
                if (!future && (e.flags & TraceEvent::ArgIsString))
                    coroutines_[e.object] = QString::fromStdString(std::string(trace.argText(e)));
                // Tasks by coroutine function (by name when the trace does not say), futures by name.
                const QString what =
                    coroutines_[e.object].isEmpty() ? objectNames_[e.object] : coroutines_[e.object];
                lanes_[std::size_t(tasks_[e.object].lane)].coroutine = coroutines_[e.object];
                joinGroup(e.object, (future ? QStringLiteral("future:") : QStringLiteral("task:")) + what,
                          what, future);
            }
            if (const auto next = taskStateAfter(e)) {
                taskEvent(trace, e, *next, step);
                if ((*next == TaskState::Done || *next == TaskState::Failed) &&
                    (e.flags & TraceEvent::ArgIsString))
                    futureOutcomes_[e.object] = QString::fromStdString(std::string(trace.argText(e)));
            }
        }
        // ---- what each event loop runs, and its ready queue
        if ((e.op == Op::Resume || e.op == Op::Callback) && e.actor < actors) {
            if (loopLane_[e.actor] < 0) return false;  // a loop without a lane
            Lane& loop = lanes_[std::size_t(loopLane_[e.actor])];
            if (!loop.counts.empty() && loop.counts.back().step == step)
                loop.counts.back().value = e.arg;
            else
                loop.counts.push_back(CountPoint{step, e.time, e.arg});
            if (e.op == Op::Callback) {
                // A callback runs within its step (a task's band under the loop is made when it suspends).
                Band b;
                b.beginStep = step;
                b.endStep = step + 1;
                b.begin = b.end = e.time;
                b.object = e.object;
                b.state = ActorState::Running;
                addLoopBand(e.actor, b);
            }
        } else if (e.op == Op::Wait && e.result == Result::Blocked && e.object < objects &&
                   objectKinds_[e.object] == ObjectKind::EventLoop && e.actor < actors &&
                   loopLane_[e.actor] >= 0) {
            auto& counts = lanes_[std::size_t(loopLane_[e.actor])].counts;  // nothing ready: select()
            if (!counts.empty() && counts.back().step == step)
                counts.back().value = 0;
            else
                counts.push_back(CountPoint{step, e.time, 0});
        }

        // ---- marks
        Mark m;
        m.step = step;
        m.time = e.time;
        m.event = std::uint32_t(i);
        m.object = e.object;
        m.actor = e.actor;
        int lane = -1;
        switch (e.op) {
            case Op::Switch:
                if (e.arg == e.actor) break;
                m.kind = MarkKind::Switch;
                m.other = ActorId(e.arg);
                lane = laneOfActor(e.actor);
                break;
            case Op::Raise:
                m.kind = MarkKind::Raise;
                lane = laneOfActor(e.actor);
                break;
            case Op::Deadlock:
                m.kind = MarkKind::Deadlock;
                lane = laneOfActor(e.actor);
                break;
            case Op::Exit:
                m.kind = MarkKind::Exit;
                lane = laneOfActor(e.actor);
                break;
            case Op::Race:
                m.kind = MarkKind::Race;
                lane = laneOfActor(e.actor);
                if (e.arg >= 0 && std::size_t(e.arg) < trace.races().size()) {
                    // Both accesses are marked: this one, and the earlier one of the other thread it races
                    // with, each pointing at the other. The earlier mark goes in step order among its lane's.
                    const DataRace& race = trace.races()[std::size_t(e.arg)];
                    m.other = race.first.actor;
                    const int firstLane = laneOfActor(race.first.actor);
                    if (firstLane >= 0 && race.first.step >= 1 && race.first.step <= trace.stepCount()) {
                        Mark first = m;
                        first.step = race.first.step;
                        first.actor = race.first.actor;
                        first.other = e.actor;
                        if (const auto k = TraceAnalysis(trace).raceAccessEvent(race, race.first)) {
                            first.time = trace.event(*k).time;
                            first.event = std::uint32_t(*k);
                        }
                        auto& list = lanes_[std::size_t(firstLane)].marks[std::size_t(MarkKind::Race)];
                        list.insert(std::upper_bound(list.begin(), list.end(), first,
                                                     [](const Mark& a, const Mark& b) { return a.step < b.step; }),
                                    first);
                    }
                }
                break;
            case Op::FutureResult:
            case Op::FutureException:
                // Someone waiting for a future: marked on the future's lane, as waits on an event are.
                if (e.object >= objects || e.result == Result::Ok) break;
                lane = objectLane_[e.object];
                m.kind = e.result == Result::Blocked   ? MarkKind::Wait
                         : e.result == Result::Timeout ? MarkKind::Timeout
                                                       : MarkKind::Woken;
                break;
            default:
                if (e.object >= objects || !isSignalKind(objectKinds_[e.object])) break;
                lane = objectLane_[e.object];
                if (e.op == Op::Wait || e.op == Op::WaitFor) {
                    if (e.result == Result::Blocked)
                        m.kind = MarkKind::Wait;
                    else if (e.result == Result::Timeout)
                        m.kind = MarkKind::Timeout;
                    else
                        m.kind = MarkKind::Woken;
                } else if (e.op == Op::Notify || e.op == Op::NotifyAll) {
                    m.kind = MarkKind::Notify;
                } else if (e.op == Op::Set) {
                    m.kind = MarkKind::Set;
                } else if (e.op == Op::Clear) {
                    m.kind = MarkKind::Clear;
                } else {
                    lane = -1;
                }
                break;
        }
        if (lane >= 0) lanes_[std::size_t(lane)].marks[std::size_t(m.kind)].push_back(m);
    }
    processed_ = end;
    if (end > 0) lastEvent_ = trace.event(end - 1);
    return true;
}

void TimelineModel::taskEvent(const Trace&, const TraceEvent& e, TaskState next, std::uint32_t step) {
    const ObjectId o = e.object;
    TaskTrack& t = tasks_[o];
    TaskInterval n{step, step, e.time, e.time, next};
    if (next == TaskState::Waiting) {
        if (e.flags & TraceEvent::ArgIsMicros)
            n.sleepMicros = e.arg;
        else if (e.arg >= 0)
            n.awaited = ObjectId(e.arg);
        n.hasTimeout = (e.flags & TraceEvent::HasTimeout) != 0;
    }
    if (next == TaskState::Running) t.loop = e.actor;
    if (!t.created) {
        t.created = true;
        openTask(o, n);
        countState(o, -1, next, step, e.time);
        return;
    }
    if (t.cur.state == TaskState::Running) {
        // Out of Running at the end of this step (the last change in the step wins).
        n.beginStep = n.endStep = step + 1;
        t.next = n;
        if (!t.deferred) {
            t.deferred = true;
            deferred_.push_back(o);
        }
        return;
    }
    if (t.cur.state == next && t.cur.awaited == n.awaited && t.cur.sleepMicros == n.sleepMicros) return;
    const TaskState from = t.cur.state;
    closeTask(o, step, e.time);
    openTask(o, n);
    countState(o, int(from), next, step, e.time);
}

void TimelineModel::openTask(ObjectId o, const TaskInterval& state) {
    TaskTrack& t = tasks_[o];
    t.cur = state;
    // Open to the end of the run, whatever that will be: closeTask() gives it its end.
    Band b = bandOf(state, t.loop);
    b.endStep = kOpenStep;
    b.end = kForever;
    auto& bands = lanes_[std::size_t(t.lane)].bands;
    t.band = bands.size();
    bands.push_back(b);
    touch(t.lane, t.band);
    t.loopBand = kNoBand;
    if (state.state == TaskState::Running && t.loop < loopLane_.size() && loopLane_[t.loop] >= 0) {
        // The same steps under the loop, naming the task.
        b.object = o;
        b.state = ActorState::Running;
        t.loopBand = addLoopBand(t.loop, b);
    }
}

void TimelineModel::closeTask(ObjectId o, std::uint32_t endStep, Nanos end) {
    TaskTrack& t = tasks_[o];
    auto& bands = lanes_[std::size_t(t.lane)].bands;
    if (t.band >= bands.size()) return;
    if (endStep == t.cur.beginStep && end == t.cur.begin) {
        bands.pop_back();  // an instant on both axes: nothing to draw (the open band is the lane's last)
    } else {
        bands[t.band].endStep = endStep;
        bands[t.band].end = end;
    }
    touch(t.lane, t.band);
    t.band = kNoBand;
    if (t.loopBand != kNoBand) {
        const int loopLane = loopLane_[t.loop];
        Band& run = lanes_[std::size_t(loopLane)].bands[t.loopBand];
        run.endStep = endStep;
        run.end = end;
        touch(loopLane, t.loopBand);
        t.loopBand = kNoBand;
    }
}

std::size_t TimelineModel::addLoopBand(ActorId loop, Band b) {
    LoopTurn& turn = loopTurns_[loop];
    if (b.object != turn.last) turn.shade = !turn.shade;
    turn.last = b.object;
    b.actor = loop;
    b.shade = turn.shade;
    auto& bands = lanes_[std::size_t(loopLane_[loop])].bands;
    bands.push_back(b);
    touch(loopLane_[loop], bands.size() - 1);
    return bands.size() - 1;
}

void TimelineModel::touch(int lane, std::size_t fromBand) {
    if (dirtyFrom_.size() < lanes_.size()) dirtyFrom_.resize(lanes_.size(), kNoBand);
    std::size_t& from = dirtyFrom_[std::size_t(lane)];
    if (from == kNoBand) dirtyLanes_.push_back(lane);
    from = std::min(from, fromBand);
}

void TimelineModel::applyDeferred(std::uint32_t step) {
    for (ObjectId o : deferred_) {
        TaskTrack& t = tasks_[o];
        const TaskState from = t.cur.state;
        closeTask(o, t.next.beginStep, t.next.begin);
        openTask(o, t.next);
        t.deferred = false;
        countState(o, int(from), t.cur.state, step, t.cur.begin);
    }
    deferred_.clear();
}

void TimelineModel::joinGroup(ObjectId o, const QString& key, const QString& what, bool future) {
    int g = groupByKey_.value(key, -1);
    if (g < 0) {
        g = int(groups_.size());
        groupByKey_.insert(key, g);
        Group group;
        group.key = key;
        group.lane = int(lanes_.size());
        groups_.push_back(group);
        Lane lane;
        lane.kind = LaneKind::TaskGroup;
        lane.name = what;
        lane.coroutine = future ? QString() : what;
        lane.index = g;
        lanes_.push_back(std::move(lane));
    }
    groups_[std::size_t(g)].members.push_back(o);
    lanes_[std::size_t(groups_[std::size_t(g)].lane)].members = int(groups_[std::size_t(g)].members.size());
    tasks_[o].group = g;
    rowsDirty_ = true;
}

void TimelineModel::countState(ObjectId o, int from, TaskState to, std::uint32_t step, Nanos time) {
    const int g = tasks_[o].group;
    if (g < 0) return;
    Group& group = groups_[std::size_t(g)];
    if (from >= 0) --group.count[std::size_t(from)];
    ++group.count[std::size_t(to)];
    auto& points = lanes_[std::size_t(group.lane)].states;
    if (!points.empty() && points.back().step == step)
        points.back().count = group.count;
    else
        points.push_back(StateCounts{step, time, group.count});
}

void TimelineModel::computeRows() {
    grouped_ = int(taskObjects_.size()) > groupThreshold_;
    rows_.clear();
    if (hasProcesses_) {
        for (const ProcessGroup& g : processGroups_) {
            if (g.header >= 0) rows_.push_back(g.header);
            for (ActorId a : g.actors) {
                rows_.push_back(actorLane_[a]);
                if (loopLane_[a] >= 0) rows_.push_back(loopLane_[a]);
            }
        }
    } else {
        for (std::size_t a = 0; a < actorLane_.size(); ++a) {
            rows_.push_back(actorLane_[a]);
            if (loopLane_[a] >= 0) rows_.push_back(loopLane_[a]);
        }
    }
    for (ObjectId o : taskObjects_) {
        const TaskTrack& t = tasks_[o];
        Lane& lane = lanes_[std::size_t(t.lane)];
        const Group* g = t.group >= 0 ? &groups_[std::size_t(t.group)] : nullptr;
        lane.inGroup = grouped_ && g && g->members.size() >= 2;
        if (!lane.inGroup) {
            rows_.push_back(t.lane);
            continue;
        }
        if (g->members.front() != o) continue;  // the group's row is at its first task's place
        Lane& groupLane = lanes_[std::size_t(g->lane)];
        groupLane.expanded = expanded_.contains(g->key);
        rows_.push_back(g->lane);
        if (groupLane.expanded)
            for (ObjectId m : g->members) rows_.push_back(tasks_[m].lane);
    }
    rows_.insert(rows_.end(), fixedLanes_.begin(), fixedLanes_.end());
    rowOf_.assign(lanes_.size(), -1);
    for (std::size_t r = 0; r < rows_.size(); ++r) rowOf_[std::size_t(rows_[r])] = int(r);
    rowsDirty_ = false;
}

void TimelineModel::setGroupThreshold(int lanes) {
    groupThreshold_ = std::max(0, lanes);
    computeRows();
}

QString TimelineModel::groupKey(int row) const {
    if (row < 0 || row >= laneCount() || lane(row).kind != LaneKind::TaskGroup) return {};
    return groups_[std::size_t(lane(row).index)].key;
}

bool TimelineModel::toggleGroup(int row) {
    const QString key = groupKey(row);
    if (key.isEmpty()) return false;
    setGroupExpanded(key, !expanded_.contains(key));
    return true;
}

void TimelineModel::setGroupExpanded(const QString& key, bool expanded) {
    if (expanded)
        expanded_.insert(key);
    else
        expanded_.remove(key);
    computeRows();
}

void TimelineModel::setExpandedGroups(const QStringList& keys) {
    expanded_ = QSet<QString>(keys.begin(), keys.end());
    computeRows();
}

QStringList TimelineModel::expandedGroups() const {
    QStringList keys(expanded_.begin(), expanded_.end());
    keys.sort();
    return keys;
}

void TimelineModel::appendOpenTails() {
    // Bands from the previous settled count on are new (the old tails were dropped there); lanes made since
    // (tasks, groups) have none settled.
    settled_.resize(lanes_.size(), 0);
    std::vector<std::size_t> changedFrom(tailLanes_.size());
    for (std::size_t k = 0; k < tailLanes_.size(); ++k) {
        const std::size_t i = std::size_t(tailLanes_[k]);
        changedFrom[k] = settled_[i];
        settled_[i] = lanes_[i].bands.size();
    }
    const std::uint32_t endStep = stepCount_ + 1;
    for (std::size_t a = 0; a < current_.size(); ++a) {
        StateInterval c = current_[a];
        c.endStep = endStep;
        c.end = std::max(endTime_, c.begin);
        closeState(ActorId(a), c);
    }
    for (ObjectId o : holdObjects_)
        for (const HoldInterval& open : holds_[o].open)
            if (open.holder != kNoActor) {
                HoldInterval tail = open;
                tail.endStep = endStep;
                tail.end = std::max(endTime_, open.begin);
                lanes_[std::size_t(holds_[o].lane + open.slot)].bands.push_back(bandOf(tail));
            }
    for (ObjectId o : futureObjects_)
        if (futureCreated_[o]) {
            FutureInterval tail = futures_[o];
            tail.endStep = endStep;
            tail.end = std::max(endTime_, tail.begin);
            lanes_[std::size_t(objectLane_[o])].bands.push_back(bandOf(tail));
        }
    // Task and loop lanes have no tails (their open bands reach to the end of any run) and change only where
    // touched: those are the only task lanes to finish, so an update costs what it adds, not O(tasks).
    dirtyFrom_.resize(lanes_.size(), kNoBand);
    for (int lane : dirtyLanes_) {
        const std::size_t i = std::size_t(lane);
        if (lanes_[i].kind == LaneKind::Task) lanes_[i].finish(dirtyFrom_[i]);
    }
    for (std::size_t k = 0; k < tailLanes_.size(); ++k) {
        const std::size_t i = std::size_t(tailLanes_[k]);
        lanes_[i].finish(std::min(changedFrom[k], dirtyFrom_[i]));
    }
    for (int lane : dirtyLanes_) dirtyFrom_[std::size_t(lane)] = kNoBand;
    dirtyLanes_.clear();
}

void TimelineModel::dropOpenTails() {
    for (int i : tailLanes_) lanes_[std::size_t(i)].bands.resize(settled_[std::size_t(i)]);
}

int TimelineModel::actorLane(ActorId a) const {
    const int lane = laneOfActor(a);
    return lane >= 0 && std::size_t(lane) < rowOf_.size() ? rowOf_[std::size_t(lane)] : -1;
}
int TimelineModel::objectLane(ObjectId o) const {
    const int lane = o < objectLane_.size() ? objectLane_[o] : -1;
    return lane >= 0 && std::size_t(lane) < rowOf_.size() ? rowOf_[std::size_t(lane)] : -1;
}
int TimelineModel::loopLane(ActorId a) const {
    const int lane = a < loopLane_.size() ? loopLane_[a] : -1;
    return lane >= 0 && std::size_t(lane) < rowOf_.size() ? rowOf_[std::size_t(lane)] : -1;
}
const Lane* TimelineModel::taskLane(ObjectId o) const {
    return o < tasks_.size() && tasks_[o].lane >= 0 ? &lanes_[std::size_t(tasks_[o].lane)] : nullptr;
}
ObjectKind TimelineModel::objectKind(ObjectId o) const {
    return o < objectKinds_.size() ? objectKinds_[o] : ObjectKind::Count_;
}
QString TimelineModel::taskCoroutine(ObjectId task) const {
    return task < coroutines_.size() ? coroutines_[task] : QString();
}

Pos TimelineModel::rangeEnd(Axis a) const {
    return a == Axis::Steps ? Pos(stepCount_) + 1 : std::max<Nanos>(endTime_, 1);
}

Nanos TimelineModel::stepTime(std::uint32_t step) const {
    if (step == 0 || stepTimes_.empty()) return 0;
    return stepTimes_[std::min<std::size_t>(step, stepTimes_.size()) - 1];
}

Pos TimelineModel::stepPosition(Axis a, std::uint32_t step) const {
    return a == Axis::Steps ? Pos(step) : stepTime(step);
}

std::uint32_t TimelineModel::stepAt(Axis a, Pos p) const {
    if (stepCount_ == 0) return 0;
    if (a == Axis::Steps) return std::uint32_t(std::clamp<Pos>(p, 1, stepCount_));
    const auto it = std::upper_bound(stepTimes_.begin(), stepTimes_.end(), p);
    return std::uint32_t(std::max<std::ptrdiff_t>(it - stepTimes_.begin(), 1));
}

QString TimelineModel::actorName(ActorId a) const {
    return a < actorNames_.size() ? actorNames_[a] : QStringLiteral("?");
}
QString TimelineModel::objectName(ObjectId o) const {
    return o < objectNames_.size() ? objectNames_[o] : QStringLiteral("?");
}
QString TimelineModel::futureOutcome(ObjectId future) const {
    return future < futureOutcomes_.size() ? futureOutcomes_[future] : QString();
}

}  // namespace lockstep::timeline
