#include "timeline/TaskLanes.h"

#include <algorithm>

namespace lockstep::timeline {

namespace {

Band bandOf(const TaskInterval& t) {
    Band b;
    b.beginStep = t.beginStep;
    b.endStep = t.endStep;
    b.begin = t.begin;
    b.end = t.end;
    b.actor = t.loop;
    b.task = t.state;
    b.object = t.awaited;
    b.sleepMicros = t.sleepMicros;
    b.hasTimeout = t.hasTimeout;
    return b;
}

}  // namespace

void TaskLanes::build(LaneContext& c) {
    const QSet<QString> expanded = expanded_;
    const int threshold = threshold_;
    *this = TaskLanes{};
    expanded_ = expanded;
    threshold_ = threshold;
    loopLane_.assign(c.model.actorCount(), -1);
    loops_.assign(c.model.actorCount(), Loop{});
    update(c);
}

bool TaskLanes::outgrown(const TraceModel&) const {
    return false;  // tasks, groups and loops all extend in place
}

void TaskLanes::addTask(LaneContext& c, ObjectId o) {
    if (o >= tasks_.size()) tasks_.resize(std::size_t(o) + 1);
    Lane lane;
    lane.kind = LaneKind::Task;
    lane.name = c.objectNames[o];
    lane.object = o;
    tasks_[o].lane = c.objectLane[o] = c.addLane(std::move(lane));
    order_.push_back(o);
    rowsDirty_ = true;
}

// Tasks group by coroutine function (by name when the trace does not say), futures by name.
void TaskLanes::joinGroup(LaneContext& c, ObjectId o) {
    Task& t = tasks_[o];
    const bool future = c.model.head().kind(o) == ObjectKind::AsyncFuture;
    if (!future) t.coroutine = QString::fromStdString(c.model.text(c.model.head().object(o).coroutine));
    c.lanes[std::size_t(t.lane)].coroutine = t.coroutine;
    const QString what = t.coroutine.isEmpty() ? c.objectNames[o] : t.coroutine;
    const QString key = (future ? QStringLiteral("future:") : QStringLiteral("task:")) + what;
    int g = groupByKey_.value(key, -1);
    if (g < 0) {
        g = int(groups_.size());
        groupByKey_.insert(key, g);
        Group group;
        group.key = key;
        Lane lane;
        lane.kind = LaneKind::TaskGroup;
        lane.name = what;
        lane.coroutine = future ? QString() : what;
        lane.index = g;
        group.lane = c.addLane(std::move(lane));
        groups_.push_back(group);
    }
    groups_[std::size_t(g)].members.push_back(o);
    c.lanes[std::size_t(groups_[std::size_t(g)].lane)].members = int(groups_[std::size_t(g)].members.size());
    t.group = g;
    rowsDirty_ = true;
}

void TaskLanes::update(LaneContext& c) {
    const TraceModel& m = c.model;
    for (ObjectId o : m.taskObjects())
        if (o >= tasks_.size() || tasks_[o].lane < 0) addTask(c, o);
    // New event loops: their lanes, made once, placed under their actors.
    const auto& loops = m.loopActors();
    for (; loopActorsSeen_ < loops.size(); ++loopActorsSeen_) {
        const ActorId a = loops[loopActorsSeen_];
        if (a >= loopLane_.size()) {
            loopLane_.resize(std::size_t(a) + 1, -1);
            loops_.resize(std::size_t(a) + 1);
        }
        Lane lane;
        lane.kind = LaneKind::Loop;
        lane.name = a < c.actorNames.size() ? c.actorNames[a] : QString();
        lane.actor = a;
        loopLane_[a] = c.addLane(std::move(lane));
        rowsDirty_ = true;
    }
    // The changes since the last look: group make-ups, and which task lanes to bring up to date.
    std::vector<ObjectId> touched;
    const auto& changes = m.taskChanges();
    for (; changesSeen_ < changes.size(); ++changesSeen_) {
        const TaskChange& ch = changes[changesSeen_];
        if (ch.task >= tasks_.size() || tasks_[ch.task].lane < 0) continue;
        Task& t = tasks_[ch.task];
        if (ch.created && t.group < 0) joinGroup(c, ch.task);
        if (t.dirtyFrom == kNone) touched.push_back(ch.task);
        t.dirtyFrom = std::min(t.dirtyFrom, t.seen);
        if (t.group < 0) continue;
        Group& g = groups_[std::size_t(t.group)];
        if (!ch.created) --g.count[std::size_t(ch.from)];
        ++g.count[std::size_t(ch.to)];
        auto& points = c.lanes[std::size_t(g.lane)].states;
        if (!points.empty() && points.back().step == ch.step) points.back().count = g.count;
        else points.push_back(StateCounts{ch.step, ch.time, g.count});
    }
    for (ObjectId o : touched) syncTask(c, o);
    for (ActorId a : m.loopActors()) syncLoop(c, a);
}

void TaskLanes::syncTask(LaneContext& c, ObjectId o) {
    Task& t = tasks_[o];
    Lane& lane = c.lanes[std::size_t(t.lane)];
    if (t.open) lane.bands.pop_back();
    const std::size_t from = lane.bands.size();
    const auto& closed = c.model.taskStates(o);
    // An instant on both axes (a state entered and left within one step at one time) has nothing to draw.
    for (; t.seen < closed.size(); ++t.seen)
        if (closed[t.seen].endStep > closed[t.seen].beginStep || closed[t.seen].end > closed[t.seen].begin)
            lane.bands.push_back(bandOf(closed[t.seen]));
    TaskInterval now;
    t.open = c.model.taskStateNow(o, now);
    if (t.open) {
        // Open to the end of the run, whatever that will be: painting clips it to the window.
        Band b = bandOf(now);
        b.endStep = kOpenStep;
        b.end = kForever;
        lane.bands.push_back(b);
    }
    lane.finish(from);
    t.dirtyFrom = kNone;
}

void TaskLanes::syncLoop(LaneContext& c, ActorId a) {
    if (a >= loopLane_.size() || loopLane_[a] < 0) return;
    Lane& lane = c.lanes[std::size_t(loopLane_[a])];
    Loop& loop = loops_[a];
    const auto& runs = c.model.loopRuns(a);
    // Runs from the first one that was still open are copied again: their ends may have come since.
    lane.bands.resize(std::min(loop.settled, lane.bands.size()));
    const std::size_t from = lane.bands.size();
    // Two hues take turns at each change of task or callback, so every switch shows even where the steps are
    // too narrow for names.
    bool shade = lane.bands.empty() ? false : lane.bands.back().shade;
    ObjectId last = lane.bands.empty() ? kNoObject : lane.bands.back().object;
    std::size_t settled = runs.size();
    for (std::size_t i = loop.settled; i < runs.size(); ++i) {
        const LoopRun& r = runs[i];
        if (r.endStep == TraceModel::kOpenStep && settled == runs.size()) settled = i;
        if (r.object != last) shade = !shade;
        last = r.object;
        Band b;
        b.beginStep = r.beginStep;
        b.endStep = r.endStep;
        b.begin = r.begin;
        b.end = r.end;
        b.object = r.object;
        b.actor = a;
        b.state = ActorState::Running;
        b.shade = shade;
        lane.bands.push_back(b);
    }
    loop.settled = settled;
    loop.countsSeen = copyCounts(c.model.readyQueue(a), loop.countsSeen, lane.counts);
    lane.finish(from);
}

void TaskLanes::rows(std::vector<int>& out) const {
    const bool isGrouped = grouped();
    for (ObjectId o : order_) {
        const Task& t = tasks_[o];
        const Group* g = t.group >= 0 ? &groups_[std::size_t(t.group)] : nullptr;
        if (!isGrouped || !g || g->members.size() < 2) {
            out.push_back(t.lane);
            continue;
        }
        if (g->members.front() != o) continue;  // the group's row is at its first task's place
        out.push_back(g->lane);
        if (expanded_.contains(g->key))
            for (ObjectId member : g->members) out.push_back(tasks_[member].lane);
    }
}

void TaskLanes::flagRows(std::vector<Lane>& lanes) const {
    const bool isGrouped = grouped();
    for (ObjectId o : order_) {
        const Task& t = tasks_[o];
        const Group* g = t.group >= 0 ? &groups_[std::size_t(t.group)] : nullptr;
        lanes[std::size_t(t.lane)].inGroup = isGrouped && g && g->members.size() >= 2;
    }
    for (const Group& g : groups_) lanes[std::size_t(g.lane)].expanded = expanded_.contains(g.key);
}

QString TaskLanes::groupKey(const Lane& lane) const {
    if (lane.kind != LaneKind::TaskGroup || lane.index < 0 || std::size_t(lane.index) >= groups_.size()) return {};
    return groups_[std::size_t(lane.index)].key;
}

void TaskLanes::setExpanded(const QString& key, bool expanded) {
    if (expanded) expanded_.insert(key);
    else expanded_.remove(key);
}

QStringList TaskLanes::expandedKeys() const {
    QStringList keys(expanded_.begin(), expanded_.end());
    keys.sort();
    return keys;
}

}  // namespace lockstep::timeline
