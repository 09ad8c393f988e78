#pragma once
// Thread and process lanes. One lane per actor with its states (running, ready, blocked on what, sleeping,
// computing, done; the blocked interval in which a deadlock cycle closed is highlighted), under a heading per
// process when the run has child processes (a child with one actor needs none: its lane is the process, ending
// with its exit code).

#include <cstdint>
#include <variant>

#include "timeline/LaneBuilder.h"
#include "timeline/LaneOf.h"

namespace lockstep::timeline {

// What a band of an actor's lane shows.
struct ActorBand {
    ActorState state = ActorState::NotStarted;
    ObjectId object = kNoObject;  // what a blocked actor waits on
    Op op = Op::Run;              // the call a blocked actor waits in
    std::uint8_t core = 0;        // the core a computing actor runs on
    bool operator==(const ActorBand&) const = default;
};

// Whose lane it is. In a run with child processes: `pid` is its process's; `processLane`, the lane is a child
// process's main thread; `nested`, it is shown under its process's heading. A child's end: its exit code (-N:
// signal N ended it), and the signal terminate() or kill() sent it, by whom.
struct ActorLaneInfo {
    ActorId actor = kNoActor;
    std::int64_t pid = 0;
    bool processLane = false;
    bool nested = false;
    bool exited = false;
    int exitCode = 0;
    int signal = 0;
    ActorId signalledBy = kNoActor;
    bool operator==(const ActorLaneInfo&) const = default;
};

// A process's heading over the lanes of its threads.
struct ProcessHeadingInfo {
    std::int64_t pid = 0;
    bool operator==(const ProcessHeadingInfo&) const = default;
};

using ActorLane = LaneOf<ActorBand, ActorLaneInfo>;
using ProcessHeading = LaneOf<std::monostate, ProcessHeadingInfo>;

class ActorLanes final : public LaneBuilder {
public:
    void build(LaneContext& c) override;
    bool outgrown(const TraceModel& model) const override;
    void update(LaneContext& c) override;
    void rows(std::vector<int>& out) const override;
    void rename(LaneContext& c) override;

    QString title(const Lane& lane) const override;
    QString bandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const override;
    QString shortBandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const override;
    QString bandTooltip(const TimelineModel& m, const Lane& lane, std::size_t band, Axis axis) const override;
    QString nameTooltip(const TimelineModel& m, const Lane& lane) const override;
    QString rowTooltip(const TimelineModel& m, const Lane& lane, Axis, Pos, std::uint32_t) const override;
    QString markTooltip(const TimelineModel& m, const Lane& lane, const Mark& mark) const override;
    QColor markColour(const Lane& lane, MarkKind kind) const override;
    void legend(const TimelineModel& m, std::vector<LegendEntry>& out) const override;

    int actorLane(ActorId a) const { return a < actorLane_.size() ? actorLane_[a] : -1; }
    bool hasProcesses() const { return hasProcesses_; }
    // The lanes an event loop's actor shows under it (set by the task lanes' family).
    void setLoopLanes(const std::vector<int>* loopLanes) { loopLanes_ = loopLanes; }

    // "Process-1 · pid 5678": a process's lane, named as Python names it, with its operating system's id.
    static QString processTitle(const QString& name, std::int64_t pid);
    // How a child process ended, on its lane: "exit 0", "exit -15 (SIGTERM)"; the short form drops the signal.
    static QString exitLabel(const ActorLaneInfo& process);
    static QString shortExitLabel(const ActorLaneInfo& process);
    // The whole story for a tooltip: "Process-1 (pid 5678) was killed by SIGTERM: terminate() by MainThread".
    static QString exitDescription(const TimelineModel& m, const Lane& lane, const ActorLaneInfo& process);

private:
    void addBand(ActorLane& lane, const StateInterval& s, const DeadlockCycle* cycle) const;
    void readProcesses(LaneContext& c);
    // A process's heading, or the name of a child's lane: which process it is and, once it ended, how.
    QString processTooltip(const TimelineModel& m, const Lane& lane) const;

    struct ProcessGroup {
        int header = -1;  // -1: a child process with one actor, whose own lane stands for the process
        std::vector<ActorId> actors;
    };
    std::vector<int> actorLane_;     // by actor
    std::vector<std::size_t> seen_;  // by actor: closed intervals read
    std::vector<ProcessGroup> groups_;
    bool hasProcesses_ = false;
    std::size_t actorCount_ = 0;
    const std::vector<int>* loopLanes_ = nullptr;
    TailedLanes tails_;
};

}  // namespace lockstep::timeline
