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

#include "timeline/LaneBuilder.h"

namespace lockstep::timeline {

class TaskLanes final : public LaneBuilder {
public:
    void build(LaneContext& c) override;
    bool outgrown(const TraceModel& model) const override;
    void update(LaneContext& c) override;
    // The task rows (groups and their expanded tasks); the loop lanes are placed under their actors (see
    // loopLanes()).
    void rows(std::vector<int>& out) const override;
    // Sets the flags rows depend on: a task lane shown under its group, a group lane expanded.
    void flagRows(std::vector<Lane>& lanes) const;

    const std::vector<int>& loopLanes() const { return loopLane_; }
    int taskLaneIndex(ObjectId o) const { return o < tasks_.size() ? tasks_[o].lane : -1; }
    bool hasTasks() const { return !order_.empty(); }
    QString coroutine(ObjectId task) const { return task < tasks_.size() ? tasks_[task].coroutine : QString(); }

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
