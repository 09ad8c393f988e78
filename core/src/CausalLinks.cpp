#include "lockstep/CausalLinks.h"

#include <array>

#include "lockstep/ObjectTraits.h"
#include "lockstep/RunState.h"

namespace lockstep {

std::string_view causeKindName(CauseKind k) {
    static constexpr std::array<std::string_view, kCauseKinds> names{
        "release → acquire", "set → wait",        "notify → wake", "put → get",
        "end → join",        "result → result()", "future → task"};
    return names[std::size_t(k)];
}

namespace {

// Events that may let a waiter through: whatever the reducer saw done to an object by the one who did it.
bool mayCause(const TraceEvent& e) {
    switch (e.op) {
        case Op::Release:
            return e.result == Result::Ok || e.result == Result::Handover;
        case Op::Set:
        case Op::Notify:
        case Op::NotifyAll:
        case Op::SetResult:
        case Op::SetException:
        case Op::Exit:
            return true;
        case Op::Put:
        case Op::Get:
        case Op::Cancel:
            return e.result == Result::Ok;
        case Op::Run:
            return e.result == Result::Done || e.result == Result::Error || e.result == Result::Cancelled;
        default:
            return false;
    }
}

bool taskLane(ObjectKind k) {
    return objectTraits(k).lane == LaneFamily::Task;
}

}  // namespace

CausalLinker::Cause& CausalLinker::causeOf(ObjectId o) {
    if (o >= causes_.size()) causes_.resize(std::size_t(o) + 1);
    return causes_[o];
}

CausalLinker::Pending& CausalLinker::pendingOf(ActorId a) {
    if (a >= pending_.size()) pending_.resize(std::size_t(a) + 1);
    return pending_[a];
}

ObjectId& CausalLinker::runningTask(ActorId loop) {
    if (loop >= running_.size()) running_.resize(std::size_t(loop) + 1, kNoObject);
    return running_[loop];
}

void CausalLinker::reset() {
    causes_.clear();
    pending_.clear();
    running_.clear();
    awaitedBefore_ = kNoObject;
    links_.clear();
}

void CausalLinker::before(const TraceEvent& e, const RunState& head) {
    // A task woken is no longer awaiting anything once the reducer is done with the event: read it first.
    awaitedBefore_ = kNoObject;
    if (e.op == Op::Await && e.result == Result::Woken && e.object != kNoObject)
        awaitedBefore_ = head.object(e.object).awaited;
}

void CausalLinker::link(CauseKind k, ObjectId object, const Cause& c, const TraceEvent& e,
                        std::uint32_t index, std::uint32_t step, ObjectId toTask) {
    CausalLink l;
    l.kind = k;
    l.object = object;
    l.fromActor = c.actor;
    l.toActor = e.actor;
    l.fromTask = c.task;
    l.toTask = toTask;
    l.fromStep = c.step;
    l.toStep = step;
    l.fromTime = c.time;
    l.toTime = e.time;
    l.fromEvent = c.event;
    l.toEvent = index;
    links_.push_back(l);
}

void CausalLinker::after(const TraceEvent& e, std::uint32_t index, std::uint32_t step, const RunState& head) {
    const ActorId actor = e.actor;
    // Which task the event loop runs, so that what a task does is drawn from its lane.
    if (actor != kNoActor) {
        if (e.op == Op::Resume)
            runningTask(actor) = e.object;
        else if (e.op == Op::Callback)
            runningTask(actor) = kNoObject;
        else if ((e.op == Op::Await && e.result == Result::Blocked) ||
                 (e.op == Op::Run && e.object != kNoObject))
            if (runningTask(actor) == e.object) runningTask(actor) = kNoObject;
    }
    if (e.object == kNoObject || e.object >= head.objectCount() || actor == kNoActor) return;
    const ObjectKind kind = head.kind(e.object);
    const ObjectTraits& traits = objectTraits(kind);

    // ---- effects: a wake-up or a return, paired with the cause its object last saw
    const Cause& c = causeOf(e.object);
    const bool sameStep = c.valid && c.step == step;  // a wake-up comes in the step of what woke it
    switch (e.op) {
        case Op::Acquire:
            // The GIL changes hands at every switch interval; its arrows would hide everything else.
            if (traits.asyncio || kind == ObjectKind::Gil || !(traits.holder || traits.slotted)) break;
            if (e.result == Result::Woken) {
                if (sameStep && c.op == Op::Release && c.actor != actor)
                    pendingOf(actor) = Pending{true, e.object, c};
            } else if (e.result == Result::Acquired) {
                Pending& p = pendingOf(actor);
                // The release let it through; the acquire itself happens when the woken thread next runs.
                if (p.valid && p.object == e.object)
                    link(CauseKind::ReleaseAcquire, e.object, p.cause, e, index, step, kNoObject);
                p = {};
            } else if (e.result != Result::Blocked) {
                pendingOf(actor) = {};  // timed out or gave up: nothing let it through
            }
            break;
        case Op::Wait:
        case Op::WaitFor:
            if (e.result != Result::Woken || !sameStep || c.actor == actor) break;
            if (kind == ObjectKind::Event && c.op == Op::Set)
                link(CauseKind::SetWait, e.object, c, e, index, step, kNoObject);
            else if (kind == ObjectKind::Condition && (c.op == Op::Notify || c.op == Op::NotifyAll))
                link(CauseKind::NotifyWake, e.object, c, e, index, step, kNoObject);
            break;
        case Op::Join:
            // Woken when it had to wait, Ok when the thread had already ended: either way the end let it
            // return.
            if ((e.result == Result::Woken || e.result == Result::Ok) && c.valid && c.actor != actor &&
                (c.op == Op::Run || c.op == Op::Exit) &&
                (traits.family == ObjectFamily::Thread || traits.family == ObjectFamily::Process))
                link(CauseKind::EndJoin, e.object, c, e, index, step, kNoObject);
            break;
        case Op::FutureResult:
        case Op::FutureException:
            // The call that returned the value, not the wake-up before it.
            if (e.result == Result::Ok && kind == ObjectKind::Future && c.valid &&
                (c.op == Op::SetResult || c.op == Op::SetException))
                link(CauseKind::ResultGet, e.object, c, e, index, step, kNoObject);
            break;
        case Op::Await:
            if (e.result == Result::Woken && awaitedBefore_ != kNoObject &&
                awaitedBefore_ < head.objectCount()) {
                const Cause& a = causeOf(awaitedBefore_);
                if (a.valid && a.step == step && a.task != e.object)
                    link(CauseKind::TaskWake, awaitedBefore_, a, e, index, step, e.object);
            }
            break;
        default:
            break;
    }

    // ---- causes: remember what the object last had done to it
    if (mayCause(e)) {
        Cause& k = causeOf(e.object);
        k = Cause{true, e.op, actor, kNoObject, step, index, e.time};
        if (traits.asyncio || taskLane(kind))
            k.task = taskLane(kind) ? e.object : (actor < running_.size() ? running_[actor] : kNoObject);
    }
}

void CausalLinker::itemTaken(ObjectId queue, ActorId from, std::uint32_t fromStep, Nanos fromTime,
                             std::uint32_t fromEvent, const TraceEvent& get, std::uint32_t index,
                             std::uint32_t step) {
    Cause c{true, Op::Put, from, kNoObject, fromStep, fromEvent, fromTime};
    link(CauseKind::PutGet, queue, c, get, index, step, kNoObject);
}

}  // namespace lockstep
