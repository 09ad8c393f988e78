#include "timeline/TimelineStrings.h"

#include <algorithm>
#include <cmath>

#include "timeline/TimelineModel.h"

namespace lockstep::timeline {

QString TimelineStrings::stateName(ActorState s) {
    switch (s) {
        case ActorState::NotStarted:
            return tr("not started");
        case ActorState::Running:
            return tr("running");
        case ActorState::Ready:
            return tr("ready");
        case ActorState::Blocked:
            return tr("blocked");
        case ActorState::Sleeping:
            return tr("sleeping");
        case ActorState::Computing:
            return tr("computing");
        case ActorState::Done:
            return tr("done");
    }
    return {};
}

// A disambiguation of its own: a future "running" is a task on a worker, not a thread on a core, and a
// translation may want other words for it.
QString TimelineStrings::futureStateName(FutureState s) {
    switch (s) {
        case FutureState::Pending:
            return tr("pending", "future state");
        case FutureState::Running:
            return tr("running", "future state");
        case FutureState::Finished:
            return tr("finished", "future state");
        case FutureState::Failed:
            return tr("failed", "future state");
        case FutureState::Cancelled:
            return tr("cancelled", "future state");
        case FutureState::Count_:
            break;
    }
    return {};
}

QString TimelineStrings::futureLegend(FutureState s) {
    return tr("Future: %1").arg(futureStateName(s));
}

QString TimelineStrings::markName(MarkKind k) {
    switch (k) {
        case MarkKind::Switch:
            return tr("context switch");
        case MarkKind::Raise:
            return tr("error raised");
        case MarkKind::Deadlock:
            return tr("deadlock");
        case MarkKind::Race:
            return tr("data race");
        case MarkKind::Wait:
            return tr("wait");
        case MarkKind::Woken:
            return tr("woken");
        case MarkKind::Timeout:
            return tr("timeout");
        case MarkKind::Notify:
            return tr("notify");
        case MarkKind::Set:
            return tr("set");
        case MarkKind::Clear:
            return tr("clear");
        case MarkKind::Count_:
            break;
    }
    return {};
}

QString TimelineStrings::laneTitle(const Lane& lane) {
    switch (lane.kind) {
        case LaneKind::Core:
            return tr("core %1").arg(lane.index);
        case LaneKind::SemaphoreWaiting:
            return tr("%1 waiting").arg(lane.name);
        default:
            return lane.name;
    }
}

QString TimelineStrings::bandLabel(const TimelineModel& m, const Lane& lane, const Band& b) {
    if (lane.kind == LaneKind::Future) {
        switch (b.future) {
            case FutureState::Running:
                return tr("running on %1").arg(m.actorName(b.actor));
            case FutureState::Finished:
                return tr("finished: %1").arg(m.futureOutcome(lane.object));
            case FutureState::Failed:
                return tr("failed: %1").arg(m.futureOutcome(lane.object));
            default:
                return futureStateName(b.future);
        }
    }
    if (lane.kind != LaneKind::Actor) return m.actorName(b.actor);
    if (b.state == ActorState::Blocked && b.object != kNoObject)
        return tr("blocked on %1").arg(m.objectName(b.object));
    if (b.state == ActorState::Blocked && b.op == Op::AsCompleted) return tr("waiting in as_completed");
    return stateName(b.state);
}

QString TimelineStrings::shortBandLabel(const Lane& lane, const Band& b) {
    if (lane.kind == LaneKind::Future) return futureStateName(b.future);
    if (lane.kind == LaneKind::Actor) return stateName(b.state);
    return {};
}

namespace {
QString stepRange(std::uint32_t begin, std::uint32_t end) {
    // Intervals are [begin, end); a zero-step interval is the instant `begin`.
    if (end <= begin + 1) return TimelineStrings::tr("step %1").arg(begin);
    return TimelineStrings::tr("steps %1–%2").arg(begin).arg(end - 1);
}
QString timeRange(Nanos begin, Nanos end) {
    if (end <= begin) return TimelineStrings::tr("t = %1").arg(TimelineStrings::seconds(begin, 0));
    return TimelineStrings::tr("t = %1 – %2")
        .arg(TimelineStrings::seconds(begin, 0), TimelineStrings::seconds(end, 0));
}
}  // namespace

QString TimelineStrings::bandTooltip(const TimelineModel& m, const Lane& lane, const Band& b) {
    QString what;
    switch (lane.kind) {
        case LaneKind::Actor:
            what = tr("%1: %2").arg(m.actorName(b.actor), stateName(b.state));
            if (b.state == ActorState::Blocked && b.object != kNoObject)
                what = tr("%1: blocked in %2 on %3")
                           .arg(m.actorName(b.actor), QString::fromUtf8(opName(b.op).data()),
                                m.objectName(b.object));
            else if (b.state == ActorState::Computing)
                what = tr("%1: computing on core %2").arg(m.actorName(b.actor)).arg(b.core);
            else if (b.state == ActorState::Blocked && b.op == Op::AsCompleted)
                what = tr("%1: blocked in as_completed until one of its futures is done").arg(m.actorName(b.actor));
            break;
        case LaneKind::Future:
            switch (b.future) {
                case FutureState::Pending:
                    what = tr("%1: pending, submitted by %2; waits in the work queue for a free worker")
                               .arg(lane.name, m.actorName(b.actor));
                    break;
                case FutureState::Running:
                    what = tr("%1: running on %2").arg(lane.name, m.actorName(b.actor));
                    break;
                case FutureState::Finished:
                    what = tr("%1: finished on %2, result %3")
                               .arg(lane.name, m.actorName(b.actor), m.futureOutcome(lane.object));
                    break;
                case FutureState::Failed:
                    what = tr("%1: failed on %2, raised %3")
                               .arg(lane.name, m.actorName(b.actor), m.futureOutcome(lane.object));
                    break;
                case FutureState::Cancelled:
                case FutureState::Count_:
                    what = tr("%1: cancelled by %2 before it started").arg(lane.name, m.actorName(b.actor));
                    break;
            }
            break;
        case LaneKind::Core:
            what = tr("core %1: %2 computing").arg(lane.index).arg(m.actorName(b.actor));
            break;
        case LaneKind::SemaphoreSlot:
            what = tr("%1, slot %2: held by %3")
                       .arg(m.objectName(lane.object))
                       .arg(lane.index + 1)
                       .arg(m.actorName(b.actor));
            break;
        default:
            what = tr("%1: held by %2").arg(m.objectName(lane.object), m.actorName(b.actor));
            break;
    }
    if (b.highlight) what += QLatin1Char('\n') + tr("part of the deadlock cycle");
    return what + QLatin1Char('\n') + stepRange(b.beginStep, b.endStep) + QLatin1Char('\n') +
           timeRange(b.begin, b.end);
}

QString TimelineStrings::markTooltip(const TimelineModel& m, const Lane& lane, const Mark& mk) {
    QString what;
    if (mk.kind == MarkKind::Switch)
        what = tr("context switch: %1 → %2").arg(m.actorName(mk.other), m.actorName(mk.actor));
    else if (mk.kind == MarkKind::Race && mk.other != kNoActor)
        what = tr("%1: data race on %2 with %3 (nothing orders the two accesses)")
                   .arg(m.actorName(mk.actor), m.objectName(mk.object), m.actorName(mk.other));
    else if (lane.kind == LaneKind::Signal || lane.kind == LaneKind::Future)
        what = tr("%1: %2 by %3").arg(m.objectName(lane.object), markName(mk.kind), m.actorName(mk.actor));
    else
        what = tr("%1: %2").arg(m.actorName(mk.actor), markName(mk.kind));
    return what + QLatin1Char('\n') + tr("step %1").arg(mk.step) + QLatin1Char('\n') +
           tr("t = %1").arg(seconds(mk.time, 0));
}

QString TimelineStrings::countTooltip(const Lane& lane, int value) {
    if (lane.kind == LaneKind::Queue) return tr("%1: %n item(s) queued", nullptr, value).arg(lane.name);
    return tr("%1: %n waiting", nullptr, value).arg(lane.name);
}

QString TimelineStrings::seconds(Nanos t, Nanos resolution) {
    int decimals = 9;
    for (Nanos r = std::max<Nanos>(resolution, 1); r >= 10 && decimals > 0; r /= 10) --decimals;
    decimals = std::max(decimals, resolution >= 1'000'000'000 ? 0 : 1);
    // Whole and fractional parts separately: a double would print 0.30000000000000004 for 0.3 s.
    const Nanos whole = t / 1'000'000'000, frac = std::llabs(t % 1'000'000'000);
    QString text = QString::number(whole);
    if (t < 0 && whole == 0) text = QStringLiteral("-0");
    QString fraction = QStringLiteral("%1").arg(frac, 9, 10, QLatin1Char('0')).left(decimals);
    if (resolution <= 0)  // exact: every digit that is not a trailing zero, and at least milliseconds
        while (fraction.size() > 3 && fraction.endsWith(QLatin1Char('0'))) fraction.chop(1);
    if (!fraction.isEmpty()) text += QLatin1Char('.') + fraction;
    return tr("%1 s").arg(text);
}

QString TimelineStrings::axisTitle(Axis a) {
    return a == Axis::Steps ? tr("step") : tr("virtual time");
}
QString TimelineStrings::cycleLegend() {
    return tr("deadlock cycle");
}
QString TimelineStrings::holderLegend() {
    return tr("held by / computing (actor colour)");
}
QString TimelineStrings::countLegend() {
    return tr("waiting / queue length");
}

}  // namespace lockstep::timeline
