#pragma once
// Every user-visible string of the timeline, in one translation context, so the painter (screen and exports)
// and the widget's tooltips say the same thing in the same language.

#include <QCoreApplication>
#include <QString>

#include "timeline/Axis.h"
#include "timeline/Lane.h"

namespace lockstep::timeline {

class TimelineModel;

class TimelineStrings {
    Q_DECLARE_TR_FUNCTIONS(lockstep::timeline::TimelineStrings)

public:
    static QString stateName(ActorState s);
    static QString futureStateName(FutureState s);
    static QString futureLegend(FutureState s);
    static QString markName(MarkKind k);
    static QString laneTitle(const Lane& lane);
    // Text of a band drawn wide enough to hold it.
    static QString bandLabel(const TimelineModel& m, const Lane& lane, const Band& b);
    // The state alone, for a band too narrow for bandLabel(); empty on lanes whose label is a name.
    static QString shortBandLabel(const Lane& lane, const Band& b);
    static QString bandTooltip(const TimelineModel& m, const Lane& lane, const Band& b);
    static QString markTooltip(const TimelineModel& m, const Lane& lane, const Mark& mk);
    static QString countTooltip(const Lane& lane, int value);
    // Virtual time with as many decimals as `resolution` (ns) needs, e.g. "0.100 s" at 1 ms; resolution 0 is
    // exact: every significant digit, at least three ("0.100 s", "0.0015 s").
    static QString seconds(Nanos t, Nanos resolution = 0);
    static QString axisTitle(Axis a);
    static QString cycleLegend();
    static QString holderLegend();
    static QString countLegend();
};

}  // namespace lockstep::timeline
