#include "view/VerdictText.h"

#include "view/StoryText.h"

#include "lockstep/Trace.h"
#include "lockstep/TraceModel.h"

namespace lockstep::app {

namespace {

using ::lockstep::app::StoryText;
QString actorName(const TraceModel& model, ActorId a) { return StoryText::actorName(model, a); }
QString objectName(const TraceModel& model, ObjectId o) { return StoryText::objectName(model, o); }

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

}  // namespace

QString VerdictText::sentence(const VerdictItem& item, const Verdict& verdict, const TraceModel& model) {
    const QString actor = actorName(model, item.actor);
    const QString other = actorName(model, item.other);
    const QString object = objectName(model, item.object);
    const QString value = QString::fromStdString(item.value);
    switch (item.kind) {
        case VerdictKind::AsSequential: {
            QStringList values;
            for (const SequentialValue& v : verdict.sequential)
                values << QStringLiteral("%1 = %2").arg(QString::fromStdString(v.name), QString::fromStdString(v.text));
            if (values.isEmpty()) return tr("The run finished as it would with the threads run one after the other.");
            return tr("%1: the same as with the threads run one after the other.").arg(values.join(QStringLiteral(", ")));
        }
        case VerdictKind::Differs: {
            const QString seq = QString::fromStdString(item.sequentialValue);
            if (!item.lost && item.step > 0)
                return tr("%1 = %2; run one after the other it would be %3: the order in which the threads' steps "
                          "interleaved changed the result (the last store was %4's at step %5).")
                    .arg(object, value, seq, actor)
                    .arg(item.step);
            if (!item.lost)
                return tr("%1 = %2; run one after the other it would be %3: the order in which the threads' steps "
                          "interleaved changed the result.")
                    .arg(object, value, seq);
            const QString lost = tr("%1 = %2; run one after the other it would be %3: an update was lost (%4's store "
                                    "at step %5 was overwritten by %6's at step %7)")
                                     .arg(object, value, seq, other)
                                     .arg(item.otherStep)
                                     .arg(actor)
                                     .arg(item.step);
            if (item.lostCount > 1) return tr("%1; %2 updates were lost in all.").arg(lost).arg(item.lostCount);
            return lost + QLatin1Char('.');
        }
        case VerdictKind::Deadlock: {
            QStringList links;
            for (std::size_t i = 0; i < item.actors.size(); ++i) {
                const ActorId holder = item.actors[(i + 1) % item.actors.size()];
                links << tr("%1 waits for %2, held by %3")
                             .arg(actorName(model, item.actors[i]),
                                  objectName(model, i < item.objects.size() ? item.objects[i] : kNoObject),
                                  actorName(model, holder));
            }
            return tr("Deadlock at step %1: %2.").arg(item.step).arg(links.join(QStringLiteral("; ")));
        }
        case VerdictKind::Stuck: {
            QStringList waits;
            for (std::size_t i = 0; i < item.actors.size(); ++i)
                waits << tr("%1 waits on %2")
                             .arg(actorName(model, item.actors[i]),
                                  objectName(model, i < item.objects.size() ? item.objects[i] : kNoObject));
            if (waits.isEmpty())
                return tr("Stuck at step %1: no thread can go on and no timer is left to wake one.").arg(item.step);
            return tr("Stuck at step %1: no thread can go on and no timer is left to wake one (%2).")
                .arg(item.step)
                .arg(waits.join(QStringLiteral("; ")));
        }
        case VerdictKind::Unfinished:
            if (item.message.empty())
                return tr("The run stopped at step %1 without finishing (%2).").arg(item.step).arg(qs(runStatusName(item.status)));
            return tr("The run stopped at step %1 without finishing (%2): %3")
                .arg(item.step)
                .arg(qs(runStatusName(item.status)), QString::fromStdString(item.message));
        case VerdictKind::Uncaught:
            return tr("%1 died of an uncaught exception at step %2: %3.").arg(actor).arg(item.step).arg(value);
        case VerdictKind::Race: {
            const QString mine = item.write ? tr("store") : tr("load");
            const QString theirs = item.otherWrote ? tr("store") : tr("load");
            return tr("Data race on %1: %2's %3 at step %4 and %5's %6 at step %7, with nothing ordering them.")
                .arg(object, other, theirs)
                .arg(item.otherStep)
                .arg(actor, mine)
                .arg(item.step);
        }
        case VerdictKind::NoSequential:
            if (item.waitsForLater)
                return tr("There is no one-after-the-other outcome to compare with: run that way, a thread would wait "
                          "forever for a thread started after it, so these threads must run at the same time.");
            return tr("There is no one-after-the-other outcome to compare with: run that way, the program does "
                      "not finish either (%1).")
                .arg(qs(runStatusName(item.status)));
        case VerdictKind::Finished:
            return tr("The run finished, with no shared variable to compare with the threads run one after the other.");
        case VerdictKind::Count_:
            break;
    }
    return {};
}

QStringList VerdictText::sentences(const Verdict& verdict, const TraceModel& model) {
    QStringList out;
    for (const VerdictItem& item : verdict.items) out << sentence(item, verdict, model);
    return out;
}

}  // namespace lockstep::app
