#include "timeline/TimelineStrings.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "timeline/TimelineModel.h"

namespace lockstep::timeline {

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
        case MarkKind::Exit:
            return tr("process exit");
        case MarkKind::Count_:
            break;
    }
    return {};
}

QString TimelineStrings::markTooltip(const TimelineModel& m, const Mark& mk, const QString& what) {
    QString text = what;
    if (text.isEmpty()) {
        if (mk.kind == MarkKind::Switch)
            text = tr("context switch: %1 → %2").arg(m.actorName(mk.other), m.actorName(mk.actor));
        else if (mk.kind == MarkKind::Race && mk.other != kNoActor)
            text = tr("%1: data race on %2 with %3 (nothing orders the two accesses)")
                       .arg(m.actorName(mk.actor), m.objectName(mk.object), m.actorName(mk.other));
        else
            text = tr("%1: %2").arg(m.actorName(mk.actor), markName(mk.kind));
    }
    return text + QLatin1Char('\n') + tr("step %1").arg(mk.step) + QLatin1Char('\n') +
           tr("t = %1").arg(seconds(mk.time, 0));
}

QString TimelineStrings::objectMarkTooltip(const TimelineModel& m, ObjectId object, const Mark& mk) {
    // A switch or a race is about actors, whatever lane it lies on.
    if (mk.kind == MarkKind::Switch || (mk.kind == MarkKind::Race && mk.other != kNoActor))
        return markTooltip(m, mk);
    return markTooltip(m, mk, tr("%1: %2 by %3").arg(m.objectName(object), markName(mk.kind), m.actorName(mk.actor)));
}

QString TimelineStrings::stepRange(std::uint32_t begin, std::uint32_t end) {
    // Intervals are [begin, end); a zero-step interval is the instant `begin`.
    if (end <= begin + 1) return tr("step %1").arg(begin);
    return tr("steps %1–%2").arg(begin).arg(end - 1);
}

QString TimelineStrings::timeRange(Nanos begin, Nanos end) {
    if (end <= begin) return tr("t = %1").arg(seconds(begin, 0));
    return tr("t = %1 – %2").arg(seconds(begin, 0), seconds(end, 0));
}

QString TimelineStrings::bandTooltip(const TimelineModel& m, const Band& b, const QString& what) {
    QString text = what;
    if (b.highlight) text += QLatin1Char('\n') + tr("part of the deadlock cycle");
    // An open band (a task's current state) ends with the run so far.
    const std::uint32_t endStep = std::min(b.endStep, m.stepCount() + 1);
    const Nanos end = std::min(b.end, std::max(m.endTime(), b.begin));
    return text + QLatin1Char('\n') + stepRange(b.beginStep, endStep) + QLatin1Char('\n') + timeRange(b.begin, end);
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
    if (!fraction.isEmpty()) text += decimalPoint() + fraction;
    return tr("%1 s").arg(text);
}

QString TimelineStrings::decimalPoint() {
    return QLocale(tr("en_US", "the locale whose decimal point times are written with")).decimalPoint();
}

QString TimelineStrings::axisTitle(Axis a) {
    return a == Axis::Steps ? tr("step") : tr("virtual time");
}
QString TimelineStrings::cycleLegend() {
    return tr("deadlock cycle");
}

QString TimelineStrings::transferTooltip(const TimelineModel& m, const Transfer& t) {
    QString via;
    if (m.objectKind(t.object) == ObjectKind::ProcessQueue)
        via = tr("through the queue %1").arg(m.objectName(t.object));
    else
        via = tr("through the pipe %1 → %2").arg(m.objectName(t.object), m.objectName(t.receivedOn));
    return tr("%1 → %2 %3").arg(m.actorName(t.fromActor), m.actorName(t.toActor), via) + QLatin1Char('\n') +
           tr("message: %1").arg(m.transferText(t)) + QLatin1Char('\n') +
           tr("sent at step %1 (t = %2)").arg(t.fromStep).arg(seconds(t.fromTime, 0)) + QLatin1Char('\n') +
           tr("received at step %1 (t = %2)").arg(t.toStep).arg(seconds(t.toTime, 0));
}

QString TimelineStrings::transferLegend() {
    return tr("message through a Pipe or Queue (sender → receiver)");
}

QString TimelineStrings::causeEnd(const TimelineModel& m, ActorId actor, ObjectId task) {
    return task != kNoObject ? m.objectName(task) : m.actorName(actor);
}

QString TimelineStrings::causeText(const TimelineModel& m, const CausalLink& l) {
    const QString from = causeEnd(m, l.fromActor, l.fromTask), to = causeEnd(m, l.toActor, l.toTask);
    const QString object = m.objectName(l.object);
    QString what;
    switch (l.kind) {
        case CauseKind::ReleaseAcquire: what = tr("%1 released %3 → %2 acquired it"); break;
        case CauseKind::SetWait: what = tr("%1 set %3 → %2's wait() returned"); break;
        case CauseKind::NotifyWake: what = tr("%1 notified %3 → %2 woke up"); break;
        case CauseKind::PutGet: what = tr("%1 put an item in %3 → %2 got it"); break;
        case CauseKind::EndJoin: what = tr("%1 ended → %2's join() returned"); break;
        case CauseKind::ResultGet: what = tr("%1 set the outcome of %3 → %2's result() received it"); break;
        case CauseKind::TaskWake:
            // The task or future awaited finished itself; or a task did something to what was awaited (a put
            // into an asyncio queue, a release of its lock).
            what = l.fromTask == l.object ? tr("%1 finished → woke %2") : tr("%1 via %3 → woke %2");
            break;
        case CauseKind::Count_: break;
    }
    const QString steps = l.fromStep == l.toStep ? tr("step %1").arg(l.fromStep)
                                                 : tr("steps %1 → %2").arg(l.fromStep).arg(l.toStep);
    // Every sentence names who caused and who was affected; most name the object too.
    const QString sentence = what.contains(QLatin1String("%3")) ? what.arg(from, to, object) : what.arg(from, to);
    return tr("%1 (%2)").arg(sentence, steps);
}

QString TimelineStrings::causeLegend() {
    return tr("cause → effect (release → acquire, set → wait, put → get...)");
}

QString TimelineStrings::runStatus(RunStatus status) {
    switch (status) {
        case RunStatus::Running: return tr("running");
        case RunStatus::Finished: return tr("finished");
        case RunStatus::Deadlock: return tr("deadlock");
        case RunStatus::Stuck: return tr("stuck (blocked forever, no cycle)");
        case RunStatus::StepLimit: return tr("step limit reached");
        case RunStatus::TraceLimit: return tr("trace full");
        case RunStatus::Error: return tr("error");
        case RunStatus::Aborted: return tr("aborted");
        case RunStatus::Crashed: return tr("the program crashed");
        case RunStatus::Frozen: return tr("frozen in real code");
        case RunStatus::Count_: break;
    }
    return {};
}

QString TimelineStrings::policy(PolicyKind policy) {
    switch (policy) {
        case PolicyKind::RoundRobin: return tr("round-robin");
        case PolicyKind::Random: return tr("random");
        case PolicyKind::Cooperative: return tr("cooperative");
        case PolicyKind::Manual: return tr("manual");
    }
    return {};
}

QString TimelineStrings::runCaption(RunStatus status, PolicyKind policy, std::uint64_t seed, std::uint32_t steps) {
    //: an exported timeline's caption: how the run ended · its policy, seed · its length
    return tr("%1 · %2, seed %3 · %n steps", nullptr, static_cast<int>(steps))
        .arg(runStatus(status), TimelineStrings::policy(policy))
        .arg(seed);
}

QString TimelineStrings::criticalSectionLegend() {
    return tr("critical section (holds a lock)");
}

}  // namespace lockstep::timeline
