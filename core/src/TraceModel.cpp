#include "lockstep/TraceModel.h"

#include <algorithm>

#include "lockstep/ObjectTraits.h"

namespace lockstep {

namespace {

const std::vector<StateInterval> kNoStates;
const std::vector<HoldInterval> kNoHolds;
const std::vector<CountPoint> kNoCounts;
const std::vector<FutureInterval> kNoFutures;
const std::vector<TaskInterval> kNoTasks;
const std::vector<LoopRun> kNoLoopRuns;

// Checkpoints come every this many events at least, and further apart in runs with many objects, so that
// their memory stays a fraction of the trace's (a state costs roughly 200 bytes an object).
constexpr std::size_t kCheckpointEvery = 4096;
constexpr std::size_t kEventsPerObject = 8;
// Moving a state forward by applying events beats copying a checkpoint up to this far.
constexpr std::size_t kForwardLimit = 2 * kCheckpointEvery;

bool sameEvent(const TraceEvent& x, const TraceEvent& y) {
    return x.time == y.time && x.object == y.object && x.arg == y.arg && x.actor == y.actor && x.op == y.op &&
           x.result == y.result && x.flags == y.flags;
}

// A step curve point: several changes within one step keep the step's last value.
void pointAt(std::vector<CountPoint>& points, std::uint32_t step, Nanos time, int value) {
    if (!points.empty() && points.back().step == step) points.back().value = value;
    else points.push_back(CountPoint{step, time, value});
}

template <typename T>
const T& at(const std::vector<T>& v, std::size_t i, const T& none) {
    return i < v.size() ? v[i] : none;
}

}  // namespace

// Turns what the reducer reports into histories.
struct TraceModel::Recorder final : RunListener {
    TraceModel& m;
    explicit Recorder(TraceModel& model) : m(model) {}
    std::uint32_t step() const { return m.head_.step(); }
    Nanos time() const { return m.head_.time(); }

    void actorStateClosed(ActorId a, const StateInterval& closed) override {
        m.grow(std::size_t(a) + 1, 0);
        // Intervals of no length on either axis are instants nobody saw: a change and another in one step.
        if (closed.endStep > closed.beginStep || closed.end > closed.begin) m.actorStates_[a].push_back(closed);
    }
    void holdClosed(ObjectId o, int slot, const SlotHold& hold, std::uint32_t endStep, Nanos end) override {
        m.grow(0, std::size_t(o) + 1);
        m.holds_[o].push_back(HoldInterval{hold.step, endStep, hold.time, end, hold.holder, slot});
    }
    void waitersChanged(ObjectId o, int count) override {
        m.grow(0, std::size_t(o) + 1);
        pointAt(m.waiters_[o], step(), time(), count);
    }
    void queueLengthChanged(ObjectId o, int length) override {
        m.grow(0, std::size_t(o) + 1);
        m.queues_[o].push_back(CountPoint{step(), time(), length});
    }
    void futureChanged(ObjectId o, FutureState next) override {
        m.grow(0, std::size_t(o) + 1);
        FutureInterval& f = m.futureNow_[o];
        const TraceEvent& e = m.trace_->event(m.head_.events() - 1);
        if (m.futureCreated_[o] && f.state == next) return;
        if (m.futureCreated_[o]) {
            f.endStep = step();
            f.end = time();
            if (f.endStep > f.beginStep || f.end > f.begin) m.futures_[o].push_back(f);
        }
        m.futureCreated_[o] = 1;
        f = FutureInterval{step(), step(), time(), time(), next, e.actor};
    }
    void taskChanged(ObjectId o, TaskState, const ObjectNow& now) override {
        m.grow(0, std::size_t(o) + 1);
        TaskInterval n{step(), step(), time(), time(), now.task, now.awaited, now.sleepMicros, now.hasTimeout, now.loop};
        m.openTask(o, n);
    }
    void loopRan(ActorId loop, ObjectId what, bool callback, int ready) override {
        m.grow(std::size_t(loop) + 1, 0);
        if (m.loopRuns_[loop].empty() && m.readyQueues_[loop].empty()) m.loopActors_.push_back(loop);
        pointAt(m.readyQueues_[loop], step(), time(), ready);
        pointAt(m.readyQueueAll_, step(), time(), ready);
        // A callback runs within its step; a task's run is opened here and closed with its Running interval.
        if (callback) m.loopRuns_[loop].push_back(LoopRun{step(), step() + 1, time(), time(), what, true});
    }
    void loopIdle(ActorId loop) override {
        m.grow(std::size_t(loop) + 1, 0);
        if (m.loopRuns_[loop].empty() && m.readyQueues_[loop].empty()) m.loopActors_.push_back(loop);
        pointAt(m.readyQueues_[loop], step(), time(), 0);
        pointAt(m.readyQueueAll_, step(), time(), 0);
    }
    void itemTaken(ObjectId receivedOn, const QueuedItem& item) override {
        if (receivedOn >= m.head_.objectCount()) return;
        const TraceEvent& e = m.trace_->event(m.head_.events() - 1);
        if (!objectTraits(m.head_.kind(receivedOn)).channel) {
            // A queue.Queue's item: a put → get link (between processes, the transfer is that arrow).
            m.causal_.itemTaken(receivedOn, item.from, item.step, item.time, item.event, e,
                                std::uint32_t(m.head_.events() - 1), step());
            return;
        }
        Transfer t;
        t.object = item.sentOn;
        t.receivedOn = receivedOn;
        t.fromActor = item.from;
        t.toActor = e.actor;
        t.fromStep = item.step;
        t.toStep = step();
        t.fromTime = item.time;
        t.toTime = time();
        t.fromEvent = item.event;
        t.toEvent = std::uint32_t(m.head_.events() - 1);
        t.text = item.text;
        m.transfers_.push_back(t);
    }
};

TraceModel::TraceModel(const Trace& trace) { advance(trace); }

void TraceModel::reset() {
    trace_ = nullptr;
    snapshot_ = {};
    ++generation_;
    lastEvent_ = {};
    head_ = RunState{};
    stepBegin_.clear();
    stepTime_.clear();
    checkpoints_.clear();
    checkpointBytes_ = 0;
    sinceCheckpoint_ = 0;
    actorStates_.clear();
    holds_.clear();
    waiters_.clear();
    queues_.clear();
    slots_.clear();
    futures_.clear();
    futureNow_.clear();
    futureCreated_.clear();
    tasks_.clear();
    taskNow_.clear();
    deferred_.clear();
    taskChanges_.clear();
    taskObjects_.clear();
    loopRuns_.clear();
    readyQueues_.clear();
    readyQueueAll_.clear();
    loopActors_.clear();
    incidents_.clear();
    transfers_.clear();
    causal_.reset();
    output_.clear();
    cores_ = 0;
    objectsSeen_ = 0;
    finalized_ = false;
}

void TraceModel::grow(std::size_t actors, std::size_t objects) {
    if (actors > actorStates_.size()) {
        actorStates_.resize(actors);
        loopRuns_.resize(actors);
        readyQueues_.resize(actors);
    }
    if (objects > holds_.size()) {
        holds_.resize(objects);
        waiters_.resize(objects);
        queues_.resize(objects);
        slots_.resize(objects, 0);
        futures_.resize(objects);
        futureNow_.resize(objects);
        futureCreated_.resize(objects, 0);
        tasks_.resize(objects);
        taskNow_.resize(objects);
    }
}

bool TraceModel::advance(const Trace& trace, const TraceSnapshot& snapshot) {
    // A different trace, or the same one cleared and filled again (a restart into one Trace), starts over.
    const std::size_t processed = head_.events();
    const bool sameHistory = trace_ == &trace && snapshot.events >= processed &&
                             (processed == 0 || sameEvent(trace.event(processed - 1), lastEvent_));
    if (trace_ && !sameHistory) reset();
    const bool changed = trace_ != &trace || snapshot.events != head_.events() || snapshot.rows != snapshot_.rows;
    trace_ = &trace;
    snapshot_ = snapshot;
    grow(snapshot.actorCount(), snapshot.objectCount());
    // Semaphores' slots and the tasks in creation order are known from the rows.
    for (; objectsSeen_ < snapshot.objectCount(); ++objectsSeen_)
        if (objectTraits(snapshot.object(ObjectId(objectsSeen_)).kind).lane == LaneFamily::Task)
            taskObjects_.push_back(ObjectId(objectsSeen_));
    Recorder recorder(*this);
    for (std::size_t i = head_.events(); i < snapshot.events; ++i) {
        const TraceEvent& e = trace.event(i);
        if (e.flags & TraceEvent::StepStart) {
            if (sinceCheckpoint_ >= std::max(kCheckpointEvery, kEventsPerObject * head_.objectCount()))
                takeCheckpoint();
            const std::uint32_t step = head_.step() + 1;
            stepBegin_.push_back(std::uint32_t(i));
            stepTime_.push_back(e.time);
            if (!deferred_.empty()) applyDeferred(step);
        }
        causal_.before(e, head_);
        head_.apply(trace, snapshot, i, &recorder);
        causal_.after(e, std::uint32_t(i), head_.step(), head_);
        record(e, i);
        ++sinceCheckpoint_;
    }
    if (head_.events() > 0) lastEvent_ = trace.event(head_.events() - 1);
    // A run that is over has no next step: what its tasks did in its last step ends them there.
    if (!finalized_ && snapshot.outcome().status != RunStatus::Running && head_.events() == trace.eventCount()) {
        finalized_ = true;
        if (!deferred_.empty()) applyDeferred(head_.step() + 1);
    }
    return changed;
}

void TraceModel::takeCheckpoint() {
    checkpoints_.push_back(Checkpoint{head_.step(), head_});
    checkpointBytes_ += head_.footprint();
    sinceCheckpoint_ = 0;
}

// Marks, printed lines and the slots semaphores need: what the reducer does not report.
void TraceModel::record(const TraceEvent& e, std::size_t index) {
    const std::uint32_t step = head_.step();
    Incident m;
    m.step = step;
    m.time = e.time;
    m.event = std::uint32_t(index);
    m.object = e.object;
    m.actor = e.actor;
    const bool known = e.object < head_.objectCount();
    const ObjectKind kind = known ? head_.kind(e.object) : ObjectKind::Count_;
    bool mark = true;
    switch (e.op) {
        case Op::Print:
            output_.push_back(OutputLine{step, e.time, std::uint32_t(index), e.actor,
                                         (e.flags & TraceEvent::ToStderr) != 0, EventText::of(e)});
            mark = false;
            break;
        case Op::Work:
            if (e.result == Result::Started) cores_ = std::max(cores_, int(e.core) + 1);
            mark = false;
            break;
        case Op::Acquire:
            if (known && objectTraits(kind).slotted && e.result == Result::Acquired) {
                grow(0, std::size_t(e.object) + 1);
                slots_[e.object] = std::max(slots_[e.object], e.arg + 1);
            }
            mark = false;
            break;
        case Op::Switch:
            if (e.arg == e.actor) mark = false;
            m.kind = IncidentKind::Switch;
            m.other = ActorId(e.arg);
            break;
        case Op::Raise: m.kind = IncidentKind::Raise; break;
        case Op::Deadlock: m.kind = IncidentKind::Deadlock; break;
        case Op::Exit: m.kind = IncidentKind::Exit; break;
        case Op::Race: {
            m.kind = IncidentKind::Race;
            m.race = e.arg;
            const auto& races = snapshot_.races();
            if (e.arg >= 0 && std::size_t(e.arg) < races.size()) m.other = races[std::size_t(e.arg)].first.actor;
            break;
        }
        case Op::FutureResult:
        case Op::FutureException:
            // Someone waiting for a future's outcome: marked as waits on an event are.
            if (e.result == Result::Ok) mark = false;
            m.kind = e.result == Result::Blocked   ? IncidentKind::Wait
                     : e.result == Result::Timeout ? IncidentKind::Timeout
                                                   : IncidentKind::Woken;
            break;
        default:
            mark = known && objectTraits(kind).family == ObjectFamily::Signal;
            if (!mark) break;
            if (e.op == Op::Wait || e.op == Op::WaitFor) {
                m.kind = e.result == Result::Blocked   ? IncidentKind::Wait
                         : e.result == Result::Timeout ? IncidentKind::Timeout
                                                       : IncidentKind::Woken;
            } else if (e.op == Op::Notify || e.op == Op::NotifyAll) {
                m.kind = IncidentKind::Notify;
            } else if (e.op == Op::Set) {
                m.kind = IncidentKind::Set;
            } else if (e.op == Op::Clear) {
                m.kind = IncidentKind::Clear;
            } else {
                mark = false;
            }
            break;
    }
    if (mark) incidents_.push_back(m);
}

void TraceModel::openTask(ObjectId o, const TaskInterval& next) {
    TaskTrack& t = taskNow_[o];
    if (!t.created) {
        t.created = true;
        taskChanges_.push_back(TaskChange{o, next.state, next.state, next.beginStep, next.begin, true});
        enterTask(o, next);
        return;
    }
    if (t.cur.state == TaskState::Running) {
        // Out of Running when this step ends (the last change in the step wins).
        t.next = next;
        t.next.beginStep = t.next.endStep = next.beginStep + 1;
        if (!t.deferred) {
            t.deferred = true;
            deferred_.push_back(o);
        }
        return;
    }
    if (t.cur.state == next.state && t.cur.awaited == next.awaited && t.cur.sleepMicros == next.sleepMicros) return;
    TaskInterval closed = t.cur;
    closed.endStep = next.beginStep;
    closed.end = next.begin;
    // An interval of no length on either axis is kept when it was a state of its own: the task did wait on
    // that queue, if only for an instant (the timeline leaves such instants out; the story does not).
    if (closed.endStep > closed.beginStep || closed.end > closed.begin || closed.state != next.state)
        tasks_[o].push_back(closed);
    taskChanges_.push_back(TaskChange{o, t.cur.state, next.state, next.beginStep, next.begin});
    enterTask(o, next);
}

void TraceModel::enterTask(ObjectId o, const TaskInterval& state) {
    taskNow_[o].cur = state;
    // The loop's lane shows the same steps, naming the task; the run ends with the task's Running interval.
    if (state.state == TaskState::Running && state.loop < loopRuns_.size())
        loopRuns_[state.loop].push_back(LoopRun{state.beginStep, kOpenStep, state.begin, kForever, o, false});
}

void TraceModel::applyDeferred(std::uint32_t step) {
    for (ObjectId o : deferred_) {
        TaskTrack& t = taskNow_[o];
        t.deferred = false;
        TaskInterval closed = t.cur;
        closed.endStep = t.next.beginStep;
        closed.end = t.next.begin;
        tasks_[o].push_back(closed);
        taskChanges_.push_back(TaskChange{o, t.cur.state, t.next.state, step, t.next.begin});
        // The loop's run of this task ends with its Running interval.
        if (closed.loop < loopRuns_.size())
            for (auto it = loopRuns_[closed.loop].rbegin(); it != loopRuns_[closed.loop].rend(); ++it)
                if (it->object == o && it->endStep == kOpenStep) {
                    it->endStep = closed.endStep;
                    it->end = closed.end;
                    break;
                }
        enterTask(o, t.next);
    }
    deferred_.clear();
}

Nanos TraceModel::endTime() const {
    if (outcome().status == RunStatus::Running || !snapshot_.rows) return head_.events() ? head_.time() : 0;
    return outcome().endTime;
}

std::size_t TraceModel::stepBegin(std::uint32_t step) const {
    if (step == 0) return 0;
    return step - 1 < stepBegin_.size() ? stepBegin_[step - 1] : head_.events();
}

std::uint32_t TraceModel::stepOfEvent(std::size_t event) const {
    const auto it = std::upper_bound(stepBegin_.begin(), stepBegin_.end(), std::uint32_t(event));
    return std::uint32_t(it - stepBegin_.begin());
}

Nanos TraceModel::stepTime(std::uint32_t step) const {
    if (step == 0 || stepTime_.empty()) return 0;
    return stepTime_[std::min<std::size_t>(step, stepTime_.size()) - 1];
}

Nanos TraceModel::timeAtEndOf(std::uint32_t step) const {
    if (step == 0 || !trace_) return 0;
    const std::size_t end = stepEnd(std::min(step, steps()));
    return end == 0 ? 0 : trace_->event(end - 1).time;
}

RunState TraceModel::stateAt(std::uint32_t step) const {
    RunState s;
    moveTo(s, step);
    return s;
}

void TraceModel::moveTo(RunState& state, std::uint32_t step) const {
    if (!trace_) {
        state = RunState{};
        return;
    }
    step = std::min(step, steps());
    const std::size_t end = stepEnd(step);
    // The nearest checkpoint at or before the step (checkpoint steps only grow).
    const auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), step,
                                     [](std::uint32_t s, const Checkpoint& c) { return s < c.step; });
    const Checkpoint* cp = it == checkpoints_.begin() ? nullptr : &*(it - 1);
    // Going back cannot be undone event by event (a get loses the item): back goes through a checkpoint, and
    // so does a long way forward.
    const bool behind = state.events() <= end;
    if (!behind || (cp && cp->state.events() > state.events() + kForwardLimit)) state = cp ? cp->state : RunState{};
    for (std::size_t i = state.events(); i < end; ++i) state.apply(*trace_, snapshot_, i);
}

std::optional<std::size_t> TraceModel::raceAccessEvent(const DataRace& race, const DataRace::Access& access) const {
    if (!trace_ || access.step < 1 || access.step > steps()) return std::nullopt;
    for (std::size_t i = stepBegin(access.step), end = stepEnd(access.step); i < end; ++i) {
        const TraceEvent& e = trace_->event(i);
        if (e.actor == access.actor && e.object == race.object && (e.op == Op::Load || e.op == Op::Store)) return i;
    }
    return std::nullopt;
}

const std::vector<StateInterval>& TraceModel::actorStates(ActorId a) const { return at(actorStates_, a, kNoStates); }

StateInterval TraceModel::actorStateNow(ActorId a) const {
    StateInterval c = head_.actor(a).state;
    if (a >= head_.actorCount()) c.beginStep = 1;
    c.endStep = steps() + 1;
    c.end = std::max(endTime(), c.begin);
    return c;
}

const std::vector<HoldInterval>& TraceModel::holds(ObjectId o) const { return at(holds_, o, kNoHolds); }

std::vector<HoldInterval> TraceModel::holdsNow(ObjectId o) const {
    std::vector<HoldInterval> out;
    const ObjectNow& s = head_.object(o);
    const auto tail = [&](const SlotHold& h, int slot) {
        if (h.holder != kNoActor)
            out.push_back(HoldInterval{h.step, steps() + 1, h.time, std::max(endTime(), h.time), h.holder, slot});
    };
    tail(s.held, 0);
    for (std::size_t i = 0; i < s.slotHolds.size(); ++i) tail(s.slotHolds[i], int(i));
    return out;
}

const std::vector<CountPoint>& TraceModel::waiterCounts(ObjectId o) const { return at(waiters_, o, kNoCounts); }
const std::vector<CountPoint>& TraceModel::queueLengths(ObjectId o) const { return at(queues_, o, kNoCounts); }

int TraceModel::slotCount(ObjectId o) const {
    if (o >= snapshot_.objectCount()) return 0;
    return std::max(int(std::max<std::int64_t>(snapshot_.object(o).param, 0)), at(slots_, o, 0));
}

const std::vector<FutureInterval>& TraceModel::futureStates(ObjectId o) const { return at(futures_, o, kNoFutures); }

bool TraceModel::futureStateNow(ObjectId o, FutureInterval& out) const {
    if (o >= futureCreated_.size() || !futureCreated_[o]) return false;
    out = futureNow_[o];
    out.endStep = steps() + 1;
    out.end = std::max(endTime(), out.begin);
    return true;
}

const std::vector<TaskInterval>& TraceModel::taskStates(ObjectId o) const { return at(tasks_, o, kNoTasks); }

bool TraceModel::taskStateNow(ObjectId o, TaskInterval& out) const {
    if (o >= taskNow_.size() || !taskNow_[o].created) return false;
    const TaskTrack& t = taskNow_[o];
    out = t.cur;
    out.endStep = steps() + 1;
    out.end = std::max(endTime(), out.begin);
    return true;
}

const std::vector<LoopRun>& TraceModel::loopRuns(ActorId loop) const { return at(loopRuns_, loop, kNoLoopRuns); }
const std::vector<CountPoint>& TraceModel::readyQueue(ActorId loop) const { return at(readyQueues_, loop, kNoCounts); }

const DeadlockCycle* TraceModel::shownCycle() const {
    const auto& cycles = snapshot_.cycles();
    const int chosen = outcome().deadlockCycle;
    if (chosen >= 0 && std::size_t(chosen) < cycles.size()) return &cycles[std::size_t(chosen)];
    return cycles.empty() ? nullptr : &cycles.back();
}

}  // namespace lockstep
