#pragma once
// The timeline's translation context, and the texts every lane family shares: marks, a band's place in the
// run, times, the axis, messages between processes. Each family writes the texts of its own lanes with
// TimelineStrings::tr, so the painter (screen and exports) and the widget's tooltips say the same thing in the
// same language, from one context of the translation files.

#include <QCoreApplication>
#include <QString>

#include "lockstep/Policy.h"

#include "timeline/Axis.h"
#include "lockstep/CausalLinks.h"
#include "timeline/Lane.h"

namespace lockstep::timeline {

class TimelineModel;

class TimelineStrings {
    Q_DECLARE_TR_FUNCTIONS(lockstep::timeline::TimelineStrings)

public:
    static QString markName(MarkKind k);
    // A mark's tooltip: `what` (by default who did what: "T1: wait", or a switch or a race in full), its step
    // and its instant.
    static QString markTooltip(const TimelineModel& m, const Mark& mk, const QString& what = {});
    // The same for a mark on an object's lane: "ready: set by T2".
    static QString objectMarkTooltip(const TimelineModel& m, ObjectId object, const Mark& mk);
    // A band's tooltip: `what`, "part of the deadlock cycle" when it is, its steps and its times (an open band's
    // clipped to the run so far).
    static QString bandTooltip(const TimelineModel& m, const Band& b, const QString& what);
    // "step 4" or "steps 4–9" for the steps [begin, end); "t = 0.1 s" or "t = 0.1 s – 0.2 s".
    static QString stepRange(std::uint32_t begin, std::uint32_t end);
    static QString timeRange(Nanos begin, Nanos end);
    // Virtual time with as many decimals as `resolution` (ns) needs, e.g. "0.100 s" at 1 ms; resolution 0 is
    // exact: every significant digit, at least three ("0.100 s", "0.0015 s").
    static QString seconds(Nanos t, Nanos resolution = 0);
    // The translation's decimal point ("," in Russian): times read as the learner writes them.
    static QString decimalPoint();
    static QString axisTitle(Axis a);
    // How a run ended and how it was scheduled, for the window's status bar and an export's caption.
    static QString runStatus(RunStatus status);
    static QString policy(PolicyKind policy);
    // An export's caption: "deadlock · round-robin, seed 1 · 14 steps".
    static QString runCaption(RunStatus status, PolicyKind policy, std::uint64_t seed, std::uint32_t steps);
    static QString cycleLegend();

    // ---- multiprocessing: messages between processes (arrows across lanes of any family)
    static QString transferTooltip(const TimelineModel& m, const Transfer& t);
    static QString transferLegend();

    // ---- cause → effect (arrows across lanes) and critical sections
    // One sentence: "T1 released lock → T2 acquired it (steps 12 → 14)". Tooltips and the exported SVG's
    // arrow titles say it.
    static QString causeText(const TimelineModel& m, const CausalLink& l);
    static QString causeLegend();
    static QString criticalSectionLegend();
    // Who is at a link's end: the task's name for asyncio, else the actor's.
    static QString causeEnd(const TimelineModel& m, ActorId actor, ObjectId task);
};

}  // namespace lockstep::timeline
