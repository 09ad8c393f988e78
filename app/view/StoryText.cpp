#include "view/StoryText.h"

#include <QLocale>
#include <QStringList>

#include "lockstep/Trace.h"
#include "lockstep/TraceModel.h"

namespace lockstep::app {

QString StoryText::actorName(const TraceModel& model, ActorId a) {
    if (a == kNoActor || a >= model.actorCount()) return QStringLiteral("?");
    return QString::fromStdString(model.actor(a).name);
}

QString StoryText::objectName(const TraceModel& model, ObjectId o) {
    if (o == kNoObject || o >= model.objectCount()) return QStringLiteral("?");
    return QString::fromStdString(model.object(o).name);
}

QLocale StoryText::numberLocale() {
    // The translation names the locale its numbers are written in, so a Russian story says 0,1 с while the
    // machine's own locale (a Russian teacher's English story, a CI box) plays no part.
    QLocale locale(tr("en_US", "the locale whose decimal point the story's numbers use"));
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale;
}

QString StoryText::number(double value) { return numberLocale().toString(value, 'g', 9); }

QString StoryText::seconds(std::int64_t nanos) {
    // To the nanosecond the clock keeps, without an exponent (a Python program's first steps are at 0.000001115 s,
    // not 1.115E-06 s) and without trailing zeros (0.1 s, 5 s).
    const QLocale locale = numberLocale();
    QString text = locale.toString(toSeconds(nanos), 'f', 9);
    if (text.contains(locale.decimalPoint())) {
        while (text.endsWith('0')) text.chop(1);
        if (text.endsWith(locale.decimalPoint())) text.chop(locale.decimalPoint().size());
    }
    return tr("%1 s").arg(text);
}

QString StoryText::codeOf(const QStringList& listing, int line) {
    if (line < 1 || line > listing.size()) return {};
    QString code = listing[line - 1];
    // The statement without its comment (the listing's notes to the reader would crowd the header): the
    // first # that no string literal holds.
    QChar quote;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\')) ++i;
            else if (c == quote) quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('#')) {
            code.truncate(i);
            break;
        }
    }
    code = code.simplified();
    // A step header is one line: a long statement is cut where it would wrap.
    constexpr int kLongest = 60;
    if (code.size() > kLongest) code = code.left(kLongest - 1) + QChar(0x2026);
    return code;
}

QString StoryText::header(std::uint32_t step, const TraceModel& model, const QStringList& listing) {
    const Trace* trace = model.trace();
    if (!trace || step == 0 || step > model.steps()) return tr("Step %1").arg(step);
    const TraceEvent& first = trace->event(model.stepBegin(step));
    const QString who = actorName(model, first.actor);
    const QString time = seconds(model.stepTime(step));
    if (first.line == 0) return tr("Step %1, t = %2, %3").arg(step).arg(time, who);
    const QString code = codeOf(listing, first.line);
    if (code.isEmpty()) return tr("Step %1, t = %2, %3, line %4").arg(step).arg(time, who).arg(first.line);
    return tr("Step %1, t = %2, %3, line %4: %5").arg(step).arg(time, who).arg(first.line).arg(code);
}

QString StoryText::inside(const InsideCall& call) {
    if (!call.call.empty()) return QString::fromStdString(call.call);
    if (call.line == 0) return tr("the standard library");
    return tr("the standard library (line %1)").arg(call.line);
}

QString StoryText::sentence(const StorySentence& s, const TraceModel& model, bool showInternals) {
    const QString actor = actorName(model, s.actor);
    if (!showInternals && s.internal && s.isWait()) {
        const QString call = inside(s.inside);
        switch (s.kind) {
            case StoryKind::Woken:
                return tr("%1 is ready again: its wait inside %2 is over.").arg(actor, call);
            case StoryKind::TimedOut:
                return tr("%1 stopped waiting inside %2: its timeout ran out.").arg(actor, call);
            default:
                return tr("%1 waits inside %2: %1 is blocked.").arg(actor, call);
        }
    }
    const QString other = actorName(model, s.other);
    const QString object = objectName(model, s.object);
    const QString value = QString::fromStdString(s.value);
    const QString oldValue = QString::fromStdString(s.oldValue);
    switch (s.kind) {
        case StoryKind::Created:
            if (!s.value.empty()) return tr("%1 created %2 = %3.").arg(actor, object, value);
            return tr("%1 created %2.").arg(actor, object);
        case StoryKind::Began:
            return tr("%1 began running.").arg(actor);
        case StoryKind::StartedThread:
            return tr("%1 started %2: %2 is ready to run.").arg(actor, other);
        case StoryKind::Ended:
            return tr("%1 finished: its function returned.").arg(actor);
        case StoryKind::Failed:
            return tr("%1 died of an uncaught exception: %2.").arg(actor, value);
        case StoryKind::Read:
            return tr("%1 read %2 = %3.").arg(actor, object, value);
        case StoryKind::Wrote:
            if (s.other == kNoActor) return tr("%1 wrote %2 = %3.").arg(actor, object, value);
            if (s.other == s.actor)
                return tr("%1 wrote %2 = %3 over its own %4.").arg(actor, object, value, oldValue);
            return tr("%1 wrote %2 = %3 over %4's %5.").arg(actor, object, value, other, oldValue);
        case StoryKind::LostUpdate:
            return tr("%1 never read %2's %3 (written in step %4) before writing over it: %2's update is "
                      "lost.")
                .arg(actor, other, oldValue)
                .arg(s.otherStep);
        case StoryKind::Raced:
            if (s.otherWrote)
                return tr("Nothing orders this access to %1 after %2's write in step %3: a data race.")
                    .arg(object, other)
                    .arg(s.otherStep);
            return tr("Nothing orders this write to %1 after %2's read in step %3: a data race.")
                .arg(object, other)
                .arg(s.otherStep);
        case StoryKind::Acquired:
            return tr("%1 acquired %2.").arg(actor, object);
        case StoryKind::AskedForHeld:
            return tr("%1 asked for %2, which %3 holds: %1 is now blocked, waiting for %2.")
                .arg(actor, object, other);
        case StoryKind::Released:
            if (s.result == Result::Handover)
                return tr("%1 handed %2 on: its switch interval is over and another thread waits for it.")
                    .arg(actor, object);
            if (s.other != kNoActor)
                return tr("%1 released %2: %3, which was waiting for it, is ready again.")
                    .arg(actor, object, other);
            return tr("%1 released %2.").arg(actor, object);
        case StoryKind::Slept:
            return tr("%1 went to sleep for %2.").arg(actor, seconds(s.micros * 1000));
        case StoryKind::Computing: {
            // A Python program's last few instructions cost less than the microsecond the story counts in.
            const QString work = s.micros > 0 ? seconds(s.micros * 1000) : tr("less than a microsecond");
            if (s.result == Result::Started)
                return tr("%1 computes on core %2 (%3 of work left).").arg(actor).arg(s.core).arg(work);
            return tr("%1 has %2 of computing to do.").arg(actor, work);
        }
        case StoryKind::SliceOver:
            return tr("%1's time slice is over with %2 of work left: it gives up its core.")
                .arg(actor, seconds(s.micros * 1000));
        case StoryKind::ComputeDone:
            return tr("%1 finished computing.").arg(actor);
        case StoryKind::WokeFromSleep:
            return tr("%1 woke up: its sleep is over, it is ready again.").arg(actor);
        case StoryKind::SleptZero:
            return tr("%1 slept for 0 s: it does not wait, but another ready thread may take the turn here.").arg(actor);
        case StoryKind::Blocked:
            switch (s.op) {
                case Op::Join:
                    return tr("%1 waits for %2 to finish (join): %1 is blocked.").arg(actor, other);
                case Op::Get:
                    return tr("%1 waits for an item in %2, which is empty: %1 is blocked.")
                        .arg(actor, object);
                case Op::Put:
                    return tr("%1 waits for room in %2, which is full: %1 is blocked.").arg(actor, object);
                case Op::Acquire:
                    return tr("%1 waits for %2, which has no free slot: %1 is blocked.").arg(actor, object);
                case Op::Recv:
                    return tr("%1 waits for a message on %2: %1 is blocked.").arg(actor, object);
                case Op::AsCompleted:
                    return tr("%1 waits in as_completed() for the next future to finish: %1 is blocked.").arg(actor);
                case Op::FutureResult:
                case Op::FutureException:
                    return tr("%1 waits for %2's result: %1 is blocked until a worker finishes it.").arg(actor, object);
                case Op::Wait:
                case Op::WaitFor:
                    if (s.object != kNoObject && s.object < model.objectCount() &&
                        model.object(s.object).kind == ObjectKind::Condition)
                        return tr("%1 waits on condition %2, letting go of its lock: %1 is blocked until another "
                                  "thread notifies it.")
                            .arg(actor, object);
                    if (s.object != kNoObject && s.object < model.objectCount() &&
                        model.object(s.object).kind == ObjectKind::Barrier)
                        return tr("%1 waits at barrier %2 for the other threads to arrive: %1 is blocked.")
                            .arg(actor, object);
                    if (s.object != kNoObject && s.object < model.objectCount() &&
                        model.object(s.object).kind == ObjectKind::Event)
                        return tr("%1 waits for event %2 to be set: %1 is blocked.").arg(actor, object);
                    [[fallthrough]];
                default:
                    return tr("%1 waits on %2: %1 is blocked until another thread lets it go on.")
                        .arg(actor, object);
            }
        case StoryKind::Woken:
            if (s.op == Op::Join) return tr("%1 is ready again: %2 has finished.").arg(actor, other);
            if (s.op == Op::AsCompleted) return tr("%1 is ready again: a future it waited for has finished.").arg(actor);
            if (s.op == Op::FutureResult || s.op == Op::FutureException)
                return tr("%1 is ready again: %2 has its result.").arg(actor, object);
            return tr("%1 is ready again: its wait on %2 is over.").arg(actor, object);
        case StoryKind::TimedOut:
            return tr("%1 stopped waiting on %2: its timeout ran out.").arg(actor, object);
        case StoryKind::Joined:
            return tr("%1 joined %2, which has finished.").arg(actor, other);
        case StoryKind::Put:
            return tr("%1 put %2 into %3.").arg(actor, value, object);
        case StoryKind::Got:
            if (s.other != kNoActor)
                return tr("%1 took %2 out of %3 (%4 put it there).").arg(actor, value, object, other);
            return tr("%1 took %2 out of %3.").arg(actor, value, object);
        case StoryKind::Set:
            return tr("%1 set %2: threads waiting on it may go on.").arg(actor, object);
        case StoryKind::Cleared:
            return tr("%1 cleared %2.").arg(actor, object);
        case StoryKind::Notified:
            if (s.op == Op::NotifyAll)
                return tr("%1 notified every thread waiting on %2.").arg(actor, object);
            return tr("%1 notified one thread waiting on %2.").arg(actor, object);
        case StoryKind::LocalsChanged: {
            const qsizetype colon = value.indexOf(QLatin1Char(':'));
            if (colon < 0) return tr("%1's local variables: %2.").arg(actor, value);
            return tr("In %1(), %2 now has %3.").arg(value.left(colon), actor, value.mid(colon + 1).trimmed());
        }
        case StoryKind::Printed:
            return tr("%1 printed: %2").arg(actor, value);
        case StoryKind::Raised:
            return tr("%1 raised %2.").arg(actor, value);
        case StoryKind::AtLine:
            return tr("%1 is at line %2: a scheduling point, where the scheduler may switch threads.")
                .arg(actor)
                .arg(s.line);
        case StoryKind::Switched: {
            QString why;
            switch (s.reason) {
                case SwitchReason::Blocked:
                    why = tr("%1 has to wait, so the scheduler switched to %2.");
                    break;
                case SwitchReason::Slept:
                    why = tr("%1 went to sleep, so the scheduler switched to %2.");
                    break;
                case SwitchReason::Ended:
                    why = tr("%1 has finished, so the scheduler switched to %2.");
                    break;
                case SwitchReason::SliceOver:
                    why = tr("%1 used up its time slice, so the scheduler switched to %2.");
                    break;
                default:
                    why = tr(
                        "The scheduler took the turn from %1, which could have gone on, and gave it to %2.");
                    break;
            }
            why = why.arg(other, actor);
            if (s.choice)
                why += QLatin1Char(' ') +
                       tr("(More than one thread was ready; the policy picked %1.)").arg(actor);
            return why;
        }
        case StoryKind::Deadlock: {
            QStringList ring;
            for (std::size_t i = 0; i < s.actors.size(); ++i) {
                const QString waits = actorName(model, s.actors[i]);
                if (i < s.objects.size())
                    ring << tr("%1 waits for %2").arg(waits, objectName(model, s.objects[i]));
                else
                    ring << waits;
            }
            return tr("Deadlock: %1. None of them can ever go on.").arg(ring.join(QStringLiteral("; ")));
        }
        case StoryKind::TaskResumed:
            if (s.result == Result::Started)
                return tr("The event loop in %1 started task %2.").arg(actor, object);
            return tr("The event loop in %1 resumed task %2 where it paused.").arg(actor, object);
        case StoryKind::TaskAwaited:
            if (s.awaited == kNoObject)
                return tr("%1 paused at an await: asyncio.sleep(%2).")
                    .arg(object, number(toSeconds(s.micros * 1000)));
            return tr("%1 paused at an await, waiting for %2.").arg(object, objectName(model, s.awaited));
        case StoryKind::TaskReady:
            return tr("%1 is ready again: it waits in the event loop's ready queue.").arg(object);
        case StoryKind::TaskEnded:
            if (s.result == Result::Error) return tr("%1 ended by raising %2.").arg(object, value);
            if (s.result == Result::Cancelled) return tr("%1 was cancelled.").arg(object);
            return tr("%1 is done.").arg(object);
        case StoryKind::CallbackRan:
            return tr("The event loop in %1 ran the callback %2.").arg(actor, object);
        case StoryKind::Sent:
            return tr("%1 sent %2 through %3.").arg(actor, value, object);
        case StoryKind::Received:
            if (s.other != kNoActor)
                return tr("%1 received %2 on %3 (%4 sent it).").arg(actor, value, object, other);
            return tr("%1 received %2 on %3.").arg(actor, value, object);
        case StoryKind::ProcessExited:
            return tr("Process %1 exited with code %2.").arg(object).arg(s.code);
        case StoryKind::Other:
        case StoryKind::Count_:
            break;
    }
    return tr("%1: %2 (%3)%4.")
        .arg(actor, QString::fromStdString(std::string(opName(s.op))),
             QString::fromStdString(std::string(resultName(s.result))),
             s.object == kNoObject ? QString() : QStringLiteral(" ") + object);
}

}  // namespace lockstep::app
