#pragma once
// asyncio's lanes: one per task and asyncio future (pending, ready, running, waiting on what, done, failed,
// cancelled), one under each event loop's actor naming what the loop runs at each step with its ready queue's
// length, and, past a threshold of task lanes, one lane per coroutine function counting its tasks in each state
// (expandable into the tasks' own lanes). New tasks extend the lanes without a rebuild, so a program creating
// thousands of tasks stays incremental; only the lanes of tasks that changed are touched at an update.

#include <QHash>
#include <QSet>
#include <QStringList>

#include <array>
#include <utility>
#include <variant>

#include "timeline/LaneBuilder.h"
#include "timeline/LaneOf.h"

namespace lockstep::timeline {

// A task's state during a band. While Waiting, `awaited` is what it awaits (kNoObject for a sleep, whose length
// is `sleepMicros`), with a timeout or not; `loop` is the actor whose event loop runs it.
struct TaskBand {
    TaskState state = TaskState::Pending;
    ObjectId awaited = kNoObject;
    std::int32_t sleepMicros = -1;
    bool hasTimeout = false;
    ActorId loop = kNoActor;
    bool operator==(const TaskBand&) const = default;
};

// The coroutine function a task runs ("worker"), empty when the trace does not say; inGroup: shown under its
// expanded group.
struct TaskLaneInfo {
    QString coroutine;
    bool inGroup = false;
    bool operator==(const TaskLaneInfo&) const = default;
};

// A group of tasks of one coroutine function (or asyncio futures of one name): what they run, how many.
struct TaskGroupInfo {
    QString coroutine;  // empty for futures
    int members = 0;
    int group = -1;  // its index in the family
    bool operator==(const TaskGroupInfo&) const = default;
};

// What an event loop runs during a band (a task, a future's callback, a callback), and which of the two hues
// that take turns at each change it has.
struct LoopBand {
    ObjectId runs = kNoObject;
    bool shade = false;
    bool operator==(const LoopBand&) const = default;
};

struct LoopLaneInfo {
    ActorId actor = kNoActor;  // whose event loop
    bool operator==(const LoopLaneInfo&) const = default;
};

using TaskLane = LaneOf<TaskBand, TaskLaneInfo>;
using TaskGroupLane = LaneOf<std::monostate, TaskGroupInfo>;
using LoopLane = LaneOf<LoopBand, LoopLaneInfo>;

class TaskLanes final : public LaneBuilder {
public:
    void build(LaneContext& c) override;
    bool outgrown(const TraceModel& model) const override;
    void update(LaneContext& c) override;
    // The task rows (groups and their expanded tasks); the loop lanes are placed under their actors (see
    // loopLanes()).
    void rows(std::vector<int>& out) const override;
    void rename(LaneContext& c) override;
    // Sets what the rows depend on: a task lane shown under its group, a group lane expanded.
    void flagRows(std::vector<std::unique_ptr<Lane>>& lanes) const;

    QString title(const Lane& lane) const override;
    QString bandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const override;
    QString shortBandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const override;
    QString bandTooltip(const TimelineModel& m, const Lane& lane, std::size_t band, Axis axis) const override;
    QString nameTooltip(const TimelineModel& m, const Lane& lane) const override;
    QString rowTooltip(const TimelineModel& m, const Lane& lane, Axis axis, Pos at, std::uint32_t step) const override;
    QString countTooltip(const Lane& lane, int value) const override;
    std::span<const StackLayer> stackLayers(const Lane& lane) const override;
    QString stackLabel(const StateCounts& counts) const override;
    void legend(const TimelineModel& m, std::vector<LegendEntry>& out) const override;

    const std::vector<int>& loopLanes() const { return loopLane_; }
    int taskLaneIndex(ObjectId o) const { return o < tasks_.size() ? tasks_[o].lane : -1; }
    bool hasTasks() const { return !order_.empty(); }
    QString coroutine(ObjectId task) const { return task < tasks_.size() ? tasks_[task].coroutine : QString(); }

    // "Task-2 worker()": a task's name and coroutine function; an asyncio future's name.
    static QString taskTitle(const TimelineModel& m, ObjectId task);
    // What a waiting task waits on, for its band: "sleep 5 s", "Task-3", "gather", "queue 'q'"...
    static QString awaitedText(const TimelineModel& m, const TaskBand& b);
    // A group's make-up at one point: "9998 waiting, 1 running, 1 done" (largest first).
    static QString groupSummary(const StateCounts& c);

    // ---- groups
    void setThreshold(int lanes) { threshold_ = std::max(0, lanes); }
    int threshold() const { return threshold_; }
    bool grouped() const { return int(order_.size()) > threshold_; }
    // The key of the group a group lane shows ("" when the lane is not a group's).
    QString groupKey(const Lane& lane) const;
    void setExpanded(const QString& key, bool expanded);
    bool isExpanded(const QString& key) const { return expanded_.contains(key); }
    void setExpandedKeys(const QStringList& keys) { expanded_ = QSet<QString>(keys.begin(), keys.end()); }
    QStringList expandedKeys() const;
    // Whether rows changed (a task lane or a group member was added) since the last call.
    bool takeRowsDirty() { return std::exchange(rowsDirty_, false); }

private:
    void addTask(LaneContext& c, ObjectId o);
    void joinGroup(LaneContext& c, ObjectId o);
    void syncTask(LaneContext& c, ObjectId o);
    void syncLoop(LaneContext& c, ActorId loop);
    QString loopInstantTooltip(const TimelineModel& m, const LoopLane& lane, std::size_t band, Axis axis) const;

    static constexpr std::size_t kNone = SIZE_MAX;
    struct Task {
        int lane = -1;
        int group = -1;
        std::size_t seen = 0;      // closed intervals copied
        bool open = false;         // the lane's last band is the open one
        QString coroutine;
        std::size_t dirtyFrom = kNone;
    };
    struct Group {
        QString key;
        int lane = -1;
        std::vector<ObjectId> members;
        std::array<std::int32_t, std::size_t(TaskState::Count_)> count{};
    };
    struct Loop {
        std::size_t settled = 0;   // runs before this are final
        std::size_t countsSeen = 0;
    };
    std::vector<Task> tasks_;       // by object
    std::vector<ObjectId> order_;   // tasks and asyncio futures with lanes, in creation order
    std::vector<Group> groups_;
    QHash<QString, int> groupByKey_;
    QSet<QString> expanded_;        // kept across rebuilds
    int threshold_ = 40;
    std::size_t changesSeen_ = 0;
    std::vector<int> loopLane_;     // by actor
    std::vector<Loop> loops_;       // by actor
    std::size_t loopActorsSeen_ = 0;
    bool rowsDirty_ = true;
};

}  // namespace lockstep::timeline
