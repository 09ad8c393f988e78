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
    static QString futureLegend(FutureState s);
    static QString markName(MarkKind k);
    static QString taskLegend(TaskState s);
    static QString loopLegend();
    // "Task-2 worker()": a task's name and coroutine function; an asyncio future's name.
    static QString taskTitle(const TimelineModel& m, ObjectId task);
    // What a waiting task waits on, for its band: "sleep 5 s", "Task-3", "gather", "queue 'q'"...
    static QString awaitedText(const TimelineModel& m, const Band& b);
    // A group lane at one point: "9998 waiting, 1 running, 1 done" (largest first), and its tooltip.
    static QString groupSummary(const StateCounts& c);
    // The steps an event loop took at one instant (no virtual time passes while tasks run).
    static QString loopInstantTooltip(const TimelineModel& m, const Lane& lane,
                                      const std::vector<const Band*>& steps);
    static QString groupTooltip(const TimelineModel& m, const Lane& lane, const StateCounts* c,
                                std::uint32_t step);
    static QString laneTitle(const Lane& lane);
    // Text of a band drawn wide enough to hold it.
    static QString bandLabel(const TimelineModel& m, const Lane& lane, const Band& b);
    // The state alone, for a band too narrow for bandLabel(); empty on lanes whose label is a name.
    static QString shortBandLabel(const TimelineModel& m, const Lane& lane, const Band& b);
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

    // ---- multiprocessing
    // "Process-1 · pid 5678": a process's lane, named as Python names it, with its operating system's id.
    static QString processTitle(const QString& name, std::int64_t pid);
    // "SIGTERM" for 15; "signal 99" for a number the system has no name for.
    static QString signalName(int signal);
    // How a child process ended, on its lane: "exit 0", "exit -15 (SIGTERM)"; the short form drops the signal.
    static QString exitLabel(const Lane& lane);
    static QString shortExitLabel(const Lane& lane);
    // The whole story for a tooltip: "Process-1 (pid 5678) was killed by SIGTERM: terminate() by MainThread".
    static QString exitDescription(const TimelineModel& m, const Lane& lane);
    static QString transferTooltip(const TimelineModel& m, const Transfer& t);
    // A process's heading or a child's lane name: "Process-1 (pid 5678), a child process with its own
    // memory", and how it ended.
    static QString processTooltip(const TimelineModel& m, const Lane& lane);
    static QString transferLegend();
    static QString failedExitLegend();
};

}  // namespace lockstep::timeline
