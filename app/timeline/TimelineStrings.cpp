#include "timeline/TimelineStrings.h"

#include <string.h>  // sigabbrev_np

#include <algorithm>
#include <cmath>
#include <csignal>

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

// Python's states split as the loop sees them (see TaskState); "task state" keeps them apart from a thread's
// and a concurrent future's words.
QString TimelineStrings::taskStateName(TaskState s) {
    switch (s) {
        case TaskState::Pending:
            return tr("pending", "task state");
        case TaskState::Ready:
            return tr("ready", "task state");
        case TaskState::Running:
            return tr("running", "task state");
        case TaskState::Waiting:
            return tr("waiting", "task state");
        case TaskState::Done:
            return tr("done", "task state");
        case TaskState::Failed:
            return tr("failed", "task state");
        case TaskState::Cancelled:
            return tr("cancelled", "task state");
        case TaskState::Count_:
            break;
    }
    return {};
}

QString TimelineStrings::taskLegend(TaskState s) {
    return tr("Task: %1").arg(taskStateName(s));
}

QString TimelineStrings::loopLegend() {
    return tr("event loop runs a task or callback (the colour changes at each switch)");
}

QString TimelineStrings::taskTitle(const TimelineModel& m, ObjectId task) {
    const QString name = m.objectName(task), coroutine = m.taskCoroutine(task);
    if (coroutine.isEmpty()) return name;
    if (coroutine == name) return coroutine + QStringLiteral("()");
    return QStringLiteral("%1 %2()").arg(name, coroutine);
}

namespace {
QString stepRange(std::uint32_t begin, std::uint32_t end);

// A sleep's length as written in a program: "5 s", "0.5 s", "0.001 s".
QString sleepLength(std::int32_t micros) {
    QString text = QString::number(micros / 1'000'000);
    QString fraction = QStringLiteral("%1").arg(micros % 1'000'000, 6, 10, QLatin1Char('0'));
    while (fraction.endsWith(QLatin1Char('0'))) fraction.chop(1);
    if (!fraction.isEmpty()) text += QLatin1Char('.') + fraction;
    return TimelineStrings::tr("%1 s").arg(text);
}
}  // namespace

QString TimelineStrings::awaitedText(const TimelineModel& m, const Band& b) {
    if (b.sleepMicros >= 0) return tr("sleep %1").arg(sleepLength(b.sleepMicros));
    if (b.object == kNoObject) return {};
    const QString name = m.objectName(b.object);
    switch (m.objectKind(b.object)) {
        case ObjectKind::AsyncQueue:
            return tr("queue '%1'").arg(name);
        case ObjectKind::AsyncLock:
            return tr("lock '%1'").arg(name);
        case ObjectKind::AsyncEvent:
            return tr("event '%1'").arg(name);
        case ObjectKind::AsyncSemaphore:
            return tr("semaphore '%1'").arg(name);
        default:
            return name;  // a task, a future (gather, to_thread(...)): its own name says it
    }
}

QString TimelineStrings::loopInstantTooltip(const TimelineModel& m, const Lane& lane,
                                            const std::vector<const Band*>& steps) {
    if (steps.empty()) return {};
    constexpr std::size_t kShown = 12;
    QString text = tr("%1's event loop at %2, %3:")
                       .arg(m.actorName(lane.actor), tr("t = %1").arg(seconds(steps.front()->begin, 0)),
                            stepRange(steps.front()->beginStep, steps.back()->endStep));
    for (std::size_t k = 0; k < steps.size() && k < kShown; ++k)
        text += QLatin1Char('\n') + taskTitle(m, steps[k]->object);
    if (steps.size() > kShown)
        text += QLatin1Char('\n') + tr("and %n more", nullptr, int(steps.size() - kShown));
    return text;
}

QString TimelineStrings::groupSummary(const StateCounts& c) {
    std::array<int, std::size_t(TaskState::Count_)> order{};
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = int(i);
    std::stable_sort(order.begin(), order.end(),
                     [&c](int x, int y) { return c.count[std::size_t(x)] > c.count[std::size_t(y)]; });
    QStringList parts;
    for (int s : order)
        if (c.count[std::size_t(s)] > 0)
            parts << tr("%1 %2", "a number of tasks and their state")
                         .arg(c.count[std::size_t(s)])
                         .arg(taskStateName(TaskState(s)));
    return parts.join(QStringLiteral(", "));
}

QString TimelineStrings::groupTooltip(const TimelineModel&, const Lane& lane, const StateCounts* c,
                                      std::uint32_t step) {
    QString text = laneTitle(lane);
    if (!c) return text + QLatin1Char('\n') + tr("no task created yet");
    text += QLatin1Char('\n') + tr("at step %1:").arg(step);
    for (std::size_t s = 0; s < c->count.size(); ++s)
        if (c->count[s] > 0)
            text += QLatin1Char('\n') + tr("%1 %2", "a number of tasks and their state")
                                            .arg(c->count[s])
                                            .arg(taskStateName(TaskState(s)));
    text += QLatin1Char('\n') +
            (lane.expanded ? tr("click the name to hide its tasks") : tr("click the name to show its tasks"));
    return text;
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
        case MarkKind::Exit:
            return tr("process exit");
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
        case LaneKind::Loop:
            return tr("%1: event loop").arg(lane.name);
        case LaneKind::Task:
            if (lane.coroutine.isEmpty()) return lane.name;
            if (lane.coroutine == lane.name) return lane.coroutine + QStringLiteral("()");
            return QStringLiteral("%1 %2()").arg(lane.name, lane.coroutine);
        case LaneKind::TaskGroup:
            return lane.coroutine.isEmpty() ? tr("%1 ×%2").arg(lane.name).arg(lane.members)
                                            : tr("%1() ×%2").arg(lane.coroutine).arg(lane.members);
        case LaneKind::Process:
            return processTitle(lane.name, lane.pid);
        case LaneKind::Actor:
            // A child process's one lane names the process; threads under a heading need no pid.
            return lane.processLane && !lane.nested ? processTitle(lane.name, lane.pid) : lane.name;
        default:
            return lane.name;
    }
}

QString TimelineStrings::bandLabel(const TimelineModel& m, const Lane& lane, const Band& b) {
    if (lane.kind == LaneKind::Task) {
        switch (b.task) {
            case TaskState::Waiting: {
                const QString what = awaitedText(m, b);
                return what.isEmpty() ? taskStateName(b.task) : what;
            }
            case TaskState::Done:
            case TaskState::Failed: {
                const QString outcome = m.futureOutcome(lane.object);
                return outcome.isEmpty()
                           ? taskStateName(b.task)
                           : tr("%1: %2", "task state: result").arg(taskStateName(b.task), outcome);
            }
            default:
                return taskStateName(b.task);
        }
    }
    if (lane.kind == LaneKind::Loop) return taskTitle(m, b.object);
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
    if (b.state == ActorState::Done && lane.exited) return exitLabel(lane);
    if (b.state == ActorState::Blocked && b.object != kNoObject)
        return tr("blocked on %1").arg(m.objectName(b.object));
    if (b.state == ActorState::Blocked && b.op == Op::AsCompleted) return tr("waiting in as_completed");
    return stateName(b.state);
}

QString TimelineStrings::shortBandLabel(const TimelineModel& m, const Lane& lane, const Band& b) {
    if (lane.kind == LaneKind::Future) return futureStateName(b.future);
    if (lane.kind == LaneKind::Task) return taskStateName(b.task);
    if (lane.kind == LaneKind::Loop) return m.objectName(b.object);
    if (lane.kind == LaneKind::Actor)
        return b.state == ActorState::Done && lane.exited ? shortExitLabel(lane) : stateName(b.state);
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
            else if (b.state == ActorState::Done && lane.exited)
                what = exitDescription(m, lane);
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
        case LaneKind::Task: {
            const QString task = taskTitle(m, lane.object);
            const QString outcome = m.futureOutcome(lane.object);
            const bool future = m.objectKind(lane.object) == ObjectKind::AsyncFuture;
            switch (b.task) {
                case TaskState::Pending:
                    what = future
                               ? tr("%1: pending, not done yet").arg(task)
                               : tr("%1: pending, created and waiting in the ready queue for its first step")
                                     .arg(task);
                    break;
                case TaskState::Ready:
                    what = tr("%1: ready, in the event loop's ready queue").arg(task);
                    break;
                case TaskState::Running:
                    what = tr("%1: running on %2's event loop").arg(task, m.actorName(b.actor));
                    break;
                case TaskState::Waiting:
                    if (b.sleepMicros >= 0)
                        what = tr("%1: waiting in asyncio.sleep(%2)").arg(task, sleepLength(b.sleepMicros));
                    else if (b.object == kNoObject)
                        what = tr("%1: waiting").arg(task);
                    else if (m.objectKind(b.object) == ObjectKind::AsyncTask ||
                             m.objectKind(b.object) == ObjectKind::AsyncFuture)
                        what = tr("%1: waiting for %2 to finish").arg(task, taskTitle(m, b.object));
                    else
                        what = tr("%1: waiting on %2").arg(task, awaitedText(m, b));
                    if (b.hasTimeout) what += QLatin1Char('\n') + tr("with a timeout");
                    break;
                case TaskState::Done:
                    what = outcome.isEmpty() ? tr("%1: done").arg(task)
                                             : tr("%1: done, result %2").arg(task, outcome);
                    break;
                case TaskState::Failed:
                    what = tr("%1: failed, raised %2").arg(task, outcome);
                    break;
                case TaskState::Cancelled:
                case TaskState::Count_:
                    what = tr("%1: cancelled").arg(task);
                    break;
            }
            break;
        }
        case LaneKind::Loop:
            switch (m.objectKind(b.object)) {
                case ObjectKind::AsyncTask:
                    what = tr("%1's event loop runs %2").arg(m.actorName(b.actor), taskTitle(m, b.object));
                    break;
                case ObjectKind::AsyncFuture:
                    what = tr("%1's event loop runs a callback of %2")
                               .arg(m.actorName(b.actor), m.objectName(b.object));
                    break;
                default:
                    what = tr("%1's event loop runs the callback %2")
                               .arg(m.actorName(b.actor), m.objectName(b.object));
                    break;
            }
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
    // An open band (a task's current state) ends with the run so far.
    const std::uint32_t endStep = std::min(b.endStep, m.stepCount() + 1);
    const Nanos end = std::min(b.end, std::max(m.endTime(), b.begin));
    return what + QLatin1Char('\n') + stepRange(b.beginStep, endStep) + QLatin1Char('\n') +
           timeRange(b.begin, end);
}

QString TimelineStrings::markTooltip(const TimelineModel& m, const Lane& lane, const Mark& mk) {
    QString what;
    if (mk.kind == MarkKind::Switch)
        what = tr("context switch: %1 → %2").arg(m.actorName(mk.other), m.actorName(mk.actor));
    else if (mk.kind == MarkKind::Race && mk.other != kNoActor)
        what = tr("%1: data race on %2 with %3 (nothing orders the two accesses)")
                   .arg(m.actorName(mk.actor), m.objectName(mk.object), m.actorName(mk.other));
    else if (mk.kind == MarkKind::Exit)
        what = exitDescription(m, lane);
    else if (lane.kind == LaneKind::Signal || lane.kind == LaneKind::Future)
        what = tr("%1: %2 by %3").arg(m.objectName(lane.object), markName(mk.kind), m.actorName(mk.actor));
    else
        what = tr("%1: %2").arg(m.actorName(mk.actor), markName(mk.kind));
    return what + QLatin1Char('\n') + tr("step %1").arg(mk.step) + QLatin1Char('\n') +
           tr("t = %1").arg(seconds(mk.time, 0));
}

QString TimelineStrings::countTooltip(const Lane& lane, int value) {
    if (lane.kind == LaneKind::Queue) return tr("%1: %n item(s) queued", nullptr, value).arg(lane.name);
    if (lane.kind == LaneKind::Loop) return tr("%n in the ready queue", nullptr, value);
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

QString TimelineStrings::processTitle(const QString& name, std::int64_t pid) {
    return tr("%1 · pid %2").arg(name).arg(pid);
}

QString TimelineStrings::signalName(int signal) {
    // The system's own abbreviation ("TERM"), as Python's signal.Signals names it: SIGTERM.
    if (const char* abbrev = sigabbrev_np(signal)) return QStringLiteral("SIG") + QString::fromLatin1(abbrev);
    return tr("signal %1").arg(signal);
}

QString TimelineStrings::exitLabel(const Lane& lane) {
    if (lane.exitCode < 0) return tr("exit %1 (%2)").arg(lane.exitCode).arg(signalName(-lane.exitCode));
    return shortExitLabel(lane);
}

QString TimelineStrings::shortExitLabel(const Lane& lane) {
    return tr("exit %1").arg(lane.exitCode);
}

QString TimelineStrings::exitDescription(const TimelineModel& m, const Lane& lane) {
    const QString who = tr("%1 (pid %2)").arg(lane.name).arg(lane.pid);
    if (lane.exitCode >= 0)
        return lane.exitCode == 0 ? tr("%1 ended: exit code 0").arg(who)
                                  : tr("%1 ended with exit code %2 (an error)").arg(who).arg(lane.exitCode);
    QString text = tr("%1 was killed by %2: exit code %3")
                       .arg(who, signalName(-lane.exitCode))
                       .arg(lane.exitCode);
    if (lane.signal == -lane.exitCode && lane.signalledBy != kNoActor) {
        const QString call = lane.signal == SIGKILL ? QStringLiteral("kill()") : QStringLiteral("terminate()");
        text += QLatin1Char('\n') + tr("%1 called by %2").arg(call, m.actorName(lane.signalledBy));
    }
    return text;
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

QString TimelineStrings::processTooltip(const TimelineModel& m, const Lane& lane) {
    if (lane.kind == LaneKind::Process)
        return tr("%1 (pid %2): a process with its own memory; the lanes under it are its threads")
            .arg(lane.name)
            .arg(lane.pid);
    QString text = tr("%1 (pid %2): a child process with its own memory").arg(lane.name).arg(lane.pid);
    if (lane.exited) text += QLatin1Char('\n') + exitDescription(m, lane);
    return text;
}

QString TimelineStrings::transferLegend() {
    return tr("message through a Pipe or Queue (sender → receiver)");
}

QString TimelineStrings::failedExitLegend() {
    return tr("process ended with an error or a signal");
}

}  // namespace lockstep::timeline
