#pragma once
// Every lane of the timeline, made from the trace's derivation (lockstep::TraceModel) by one builder per lane
// family (ActorLanes, TaskLanes, CoreLanes, HoldLanes, SignalLanes, FutureLanes) and gathered here: rows in
// display order (actors, each event loop's lane under its actor, asyncio tasks, then the fixed sections: cores,
// locks, semaphores, signals, queues, futures), marks routed to the lane they belong on, and the legend of
// every family. The model never reads a
// trace event; it follows a growing TraceModel and reads only what is new, so a step of a million-event run
// costs microseconds, not a rebuild. Names are copied in, so painting and tooltips never read the trace.
//
// multiprocessing: with child processes, actor lanes are grouped by process under Process headings, and every
// message through a multiprocessing Queue or Pipe is a transfer the painter draws as an arrow.

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <memory>
#include <ranges>
#include <vector>

#include "lockstep/Trace.h"
#include "lockstep/TraceModel.h"
#include "timeline/ActorLanes.h"
#include "timeline/Axis.h"
#include "timeline/CoreLanes.h"
#include "timeline/FutureLanes.h"
#include "timeline/HoldLanes.h"
#include "timeline/Lane.h"
#include "timeline/LegendEntry.h"
#include "timeline/SignalLanes.h"
#include "timeline/TaskLanes.h"

namespace lockstep::timeline {

class TimelineModel {
public:
    TimelineModel() = default;
    // Lanes of a finished trace (the model owns its derivation).
    explicit TimelineModel(const Trace& trace) { build(trace); }
    explicit TimelineModel(std::shared_ptr<const TraceModel> model) { build(std::move(model)); }
    TimelineModel(const TimelineModel&) = delete;
    TimelineModel& operator=(const TimelineModel&) = delete;

    void clear();
    // Lanes of the derivation as it is now; later updates follow it as it grows.
    void build(std::shared_ptr<const TraceModel> model);
    // Convenience for a trace nothing writes to any more (tests, exports): the model owns a derivation of it.
    void build(const Trace& trace);
    // Brings the lanes up to date with the derivation, which has grown (or been replaced); true if anything
    // changed. New events extend the lanes, and so do new asyncio tasks and futures; a new actor, an object
    // with a lane of its own (lock, semaphore, event, queue, concurrent future...), a new core or semaphore
    // slot, a new outcome or a new cycle rebuilds them all.
    bool update(std::shared_ptr<const TraceModel> model);
    // The owned derivation follows `trace` (which has grown, or was cleared and filled again) first.
    bool update(const Trace& trace);

    const TraceModel* traceModel() const { return model_.get(); }

    // Whether the lanes of the standard library's own objects (ObjectInfo::internal: a Thread's _started, a
    // Queue's not_full) are rows. They are kept either way, so switching costs no rebuild.
    void setShowInternals(bool show);
    bool showsInternals() const { return showInternals_; }

    // Every lane, those of collapsed groups included, in no particular order.
    auto lanes() const {
        return lanes_ | std::views::transform([](const std::unique_ptr<Lane>& l) -> const Lane& { return *l; });
    }
    // The rows shown, top to bottom.
    int laneCount() const { return static_cast<int>(rows_.size()); }
    const Lane& lane(int row) const {
        return *lanes_[static_cast<std::size_t>(rows_[static_cast<std::size_t>(row)])];
    }
    // What the legend shows for this run: every family's entries, the deadlock cycle and the marks, each only
    // when the run shows it (usage()).
    std::vector<LegendEntry> legend() const;
    // What the lanes show so far, so the legend explains only that: which states have a band, which marks are
    // on some lane, whether any holder band, count chart or failed child's end is drawn. Read from the lanes,
    // which follow the derivation's histories and incidents (no event is read again); after an update only
    // the bands added since the last look, so a step of a long run does not rescan it.
    struct Usage {
        std::uint32_t actorStates = 0, taskStates = 0, futureStates = 0, marks = 0;  // a bit per enum value
        bool holders = false, counts = false, failedExit = false;
        bool has(ActorState s) const { return actorStates >> unsigned(s) & 1u; }
        bool has(TaskState s) const { return taskStates >> unsigned(s) & 1u; }
        bool has(FutureState s) const { return futureStates >> unsigned(s) & 1u; }
        bool has(MarkKind k) const { return marks >> unsigned(k) & 1u; }
    };
    const Usage& usage() const;
    bool hasHolderBands() const { return usage().holders; }
    // Row of an actor's lane or an object's (first) lane, or -1 (none, or hidden in a collapsed group).
    int actorLane(ActorId a) const;
    int objectLane(ObjectId o) const;
    // Row of the lane under an actor that shows what its event loop runs, or -1.
    int loopLane(ActorId a) const;
    // A task's or asyncio future's lane, shown or not (nullptr for other objects).
    const Lane* taskLane(ObjectId o) const;

    // ---- asyncio task groups
    static constexpr int kDefaultGroupThreshold = 40;
    // Past this many task lanes, tasks of one coroutine function (futures of one name) share a group lane.
    void setGroupThreshold(int lanes);
    int groupThreshold() const { return tasks_.threshold(); }
    bool grouped() const { return tasks_.grouped(); }
    // The key of a group lane's group ("" for other rows); expanding shows its tasks' lanes under it.
    QString groupKey(int row) const;
    bool toggleGroup(int row);
    void setGroupExpanded(const QString& key, bool expanded);
    void setExpandedGroups(const QStringList& keys);
    QStringList expandedGroups() const { return tasks_.expandedKeys(); }

    std::uint32_t stepCount() const { return stepCount_; }
    std::size_t eventCount() const { return eventCount_; }
    Nanos endTime() const { return endTime_; }
    // The run on an axis: steps [1, stepCount + 1), time [0, endTime) (never empty).
    Pos rangeBegin(Axis a) const { return a == Axis::Steps ? 1 : 0; }
    // The axis ends one step past the last; on the time axis, a little past the run's end, so that what the
    // steps at the last instant left (a gather done, a thread finished) has room to be seen: an instant has no
    // width of its own. The states at the end are drawn on through that tail (see tailEnd()).
    Pos rangeEnd(Axis a) const;
    // On the time axis, a lane's last band, when it lasts to the end of the run, goes on to rangeEnd(Time).
    Pos tailEnd(Axis a, Pos end) const { return a == Axis::Time && end >= endTime_ ? rangeEnd(a) : end; }
    // Virtual time at which a step happened (its first event).
    Nanos stepTime(std::uint32_t step) const;
    // Where a step sits on an axis: its first unit (steps) or its instant (time).
    Pos stepPosition(Axis a, std::uint32_t step) const;
    // The step shown at a position: the step itself, or the last step at or before an instant (>= 1 when
    // any).
    std::uint32_t stepAt(Axis a, Pos p) const;

    QString actorName(ActorId a) const;
    QString objectName(ObjectId o) const;
    ObjectKind objectKind(ObjectId o) const;
    // What a future returned (repr) or raised ("Type: message") once it is finished or failed; empty before.
    // The same for an asyncio task or future once done or failed.
    QString futureOutcome(ObjectId future) const;
    // The coroutine function an asyncio task runs ("worker"), from its creation; empty when not known.
    QString taskCoroutine(ObjectId task) const { return tasks_.coroutine(task); }
    // The deadlock cycle shown (the outcome's, else the last one found), or nullptr.
    const DeadlockCycle* cycle() const { return hasCycle_ ? &cycle_ : nullptr; }

    // ---- multiprocessing
    // The run has a child process: actor lanes are grouped by process.
    bool hasProcesses() const { return actors_.hasProcesses(); }
    // Messages received through a multiprocessing.Queue or Pipe so far, in the order of their receives.
    const std::vector<Transfer>& transfers() const;
    // The text a transfer carried (the message's repr).
    QString transferText(const Transfer& t) const;

private:
    LaneContext context();
    // The families in the order they build: actors, tasks, cores, holds, signals and queues, futures; their rows
    // and legend entries come in the same order.
    std::array<LaneBuilder*, 6> families();
    std::array<const LaneBuilder*, 6> families() const;
    void rebuild();
    void readNames();
    void routeMarks();
    void computeRows();
    bool outgrown() const;

    std::shared_ptr<const TraceModel> model_;
    std::shared_ptr<TraceModel> owned_;  // when built from a Trace
    std::uint64_t generation_ = 0;       // the model's, at the last build
    std::shared_ptr<const TraceRows> rows_seen_;
    std::vector<std::unique_ptr<Lane>> lanes_;
    std::vector<int> rows_, rowOf_;
    bool showInternals_ = true;
    std::vector<int> objectLane_;  // by object: its (first) lane index
    std::vector<QString> actorNames_, objectNames_;
    ActorLanes actors_;
    CoreLanes cores_;
    HoldLanes holds_;
    SignalLanes signals_;
    FutureLanes futures_;
    TaskLanes tasks_;
    std::size_t incidentsSeen_ = 0;
    std::uint32_t stepCount_ = 0;
    std::size_t eventCount_ = 0;
    Nanos endTime_ = 0;
    RunStatus status_ = RunStatus::Running;
    std::size_t cycleCount_ = 0;
    DeadlockCycle cycle_;
    bool hasCycle_ = false;
    mutable Usage usage_;
    mutable bool usageStale_ = true;
    mutable std::vector<std::size_t> usageSeen_;  // by lane: bands looked at (a rebuild starts over)
};

}  // namespace lockstep::timeline
