#include "timeline/TaskLanes.h"

#include <algorithm>

#include "style/Palette.h"
#include "style/StateNames.h"
#include "timeline/TimelineModel.h"
#include "timeline/TimelineStrings.h"

namespace lockstep::timeline {

namespace {

// Colours by state, looked up once: ten thousand tasks make tens of thousands of bands.
QRgb taskFill(TaskState s) {
    static const auto table = [] {
        std::array<QRgb, std::size_t(TaskState::Count_)> t{};
        for (std::size_t i = 0; i < t.size(); ++i) t[i] = style::Palette::taskState(TaskState(i)).rgba();
        return t;
    }();
    return table[std::size_t(s)];
}

void addTaskBand(TaskLane& lane, const TaskInterval& t, std::uint32_t endStep, Nanos end) {
    Band b;
    b.beginStep = t.beginStep;
    b.endStep = endStep;
    b.begin = t.begin;
    b.end = end;
    b.fill = taskFill(t.state);
    // Steps of a task take no virtual time: on the time axis they are ticks at their instant.
    b.tick = t.state == TaskState::Running;
    lane.add(b, TaskBand{t.state, t.awaited, t.sleepMicros, t.hasTimeout, t.loop});
}

// A sleep's length as written in a program: "5 s", "0.5 s", "0.001 s".
QString sleepLength(std::int32_t micros) {
    QString text = QString::number(micros / 1'000'000);
    QString fraction = QStringLiteral("%1").arg(micros % 1'000'000, 6, 10, QLatin1Char('0'));
    while (fraction.endsWith(QLatin1Char('0'))) fraction.chop(1);
    if (!fraction.isEmpty()) text += QLatin1Char('.') + fraction;
    return TimelineStrings::tr("%1 s").arg(text);
}

// Bottom to top: the ended tasks, then the waiting, then those the loop is about to run or runs.
const std::array<StackLayer, std::size_t(TaskState::Count_)>& taskStack() {
    static const auto layers = [] {
        std::array<StackLayer, std::size_t(TaskState::Count_)> l{};
        const TaskState order[] = {TaskState::Done,    TaskState::Failed, TaskState::Cancelled, TaskState::Waiting,
                                   TaskState::Pending, TaskState::Ready,  TaskState::Running};
        for (std::size_t k = 0; k < l.size(); ++k) l[k] = {int(order[k]), style::Palette::taskState(order[k])};
        return l;
    }();
    return layers;
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
    auto lane = std::make_unique<TaskLane>();
    lane->family = this;
    lane->name = c.objectNames[o];
    lane->object = o;
    lane->numerous = true;
    lane->ticks = true;
    // A wait on a task or future shows as the waiting task's band: no marks on the awaited one.
    lane->objectMarks = false;
    tasks_[o].lane = c.objectLane[o] = c.addLane(std::move(lane));
    order_.push_back(o);
    rowsDirty_ = true;
}

// Tasks group by coroutine function (by name when the trace does not say), futures by name.
void TaskLanes::joinGroup(LaneContext& c, ObjectId o) {
    Task& t = tasks_[o];
    const bool future = c.model.head().kind(o) == ObjectKind::AsyncFuture;
    if (!future) t.coroutine = QString::fromStdString(c.model.text(c.model.head().object(o).coroutine));
    c.lane<TaskLane>(t.lane).info.coroutine = t.coroutine;
    const QString what = t.coroutine.isEmpty() ? c.objectNames[o] : t.coroutine;
    const QString key = (future ? QStringLiteral("future:") : QStringLiteral("task:")) + what;
    int g = groupByKey_.value(key, -1);
    if (g < 0) {
        g = int(groups_.size());
        groupByKey_.insert(key, g);
        Group group;
        group.key = key;
        auto lane = std::make_unique<TaskGroupLane>();
        lane->family = this;
        lane->shape = LaneShape::Stack;
        lane->bold = true;
        lane->indent = 12;  // after the disclosure triangle
        lane->disclosure = Disclosure::Collapsed;
        lane->name = what;
        lane->info.coroutine = future ? QString() : what;
        lane->info.group = g;
        group.lane = c.addLane(std::move(lane));
        groups_.push_back(group);
    }
    Group& group = groups_[std::size_t(g)];
    group.members.push_back(o);
    c.lane<TaskGroupLane>(group.lane).info.members = int(group.members.size());
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
        auto lane = std::make_unique<LoopLane>();
        lane->family = this;
        lane->name = a < c.actorNames.size() ? c.actorNames[a] : QString();
        lane->info.actor = a;
        lane->ticks = true;
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
        auto& points = c.lanes[std::size_t(g.lane)]->states;
        if (!points.empty() && points.back().step == ch.step) points.back().count = g.count;
        else points.push_back(StateCounts{ch.step, ch.time, g.count});
    }
    for (ObjectId o : touched) syncTask(c, o);
    for (ActorId a : m.loopActors()) syncLoop(c, a);
}

void TaskLanes::syncTask(LaneContext& c, ObjectId o) {
    Task& t = tasks_[o];
    TaskLane& lane = c.lane<TaskLane>(t.lane);
    if (t.open) lane.truncate(lane.bands.size() - 1);
    const std::size_t from = lane.bands.size();
    const auto& closed = c.model.taskStates(o);
    // An instant on both axes (a state entered and left within one step at one time) has nothing to draw.
    for (; t.seen < closed.size(); ++t.seen) {
        const TaskInterval& s = closed[t.seen];
        if (s.endStep > s.beginStep || s.end > s.begin) addTaskBand(lane, s, s.endStep, s.end);
    }
    TaskInterval now;
    t.open = c.model.taskStateNow(o, now);
    // Open to the end of the run, whatever that will be: painting clips it to the window.
    if (t.open) addTaskBand(lane, now, kOpenStep, kForever);
    lane.finish(from);
    t.dirtyFrom = kNone;
}

void TaskLanes::syncLoop(LaneContext& c, ActorId a) {
    if (a >= loopLane_.size() || loopLane_[a] < 0) return;
    LoopLane& lane = c.lane<LoopLane>(loopLane_[a]);
    Loop& loop = loops_[a];
    const auto& runs = c.model.loopRuns(a);
    // Runs from the first one that was still open are copied again: their ends may have come since.
    lane.truncate(std::min(loop.settled, lane.bands.size()));
    const std::size_t from = lane.bands.size();
    // Two hues take turns at each change of task or callback, so every switch shows even where the steps are
    // too narrow for names.
    bool shade = lane.data.empty() ? false : lane.data.back().shade;
    ObjectId last = lane.data.empty() ? kNoObject : lane.data.back().runs;
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
        b.fill = style::Palette::loopTurn(shade).rgba();
        // A step of the loop takes no virtual time: on the time axis, a tick at its instant.
        b.tick = true;
        lane.add(b, LoopBand{r.object, shade});
    }
    loop.settled = settled;
    loop.countsSeen = copyCounts(c.model.readyQueue(a), loop.countsSeen, lane.counts);
    lane.finish(from);
    // The ready queue's length in a strip under the runs, once it has been longer than nothing.
    lane.shape = lane.countMax > 0 ? LaneShape::BandsOverCounts : LaneShape::Bands;
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

void TaskLanes::rename(LaneContext& c) {
    for (ObjectId o : order_) c.lanes[std::size_t(tasks_[o].lane)]->name = c.objectNames[o];
}

void TaskLanes::flagRows(std::vector<std::unique_ptr<Lane>>& lanes) const {
    const bool isGrouped = grouped();
    for (ObjectId o : order_) {
        const Task& t = tasks_[o];
        const Group* g = t.group >= 0 ? &groups_[std::size_t(t.group)] : nullptr;
        auto& lane = static_cast<TaskLane&>(*lanes[std::size_t(t.lane)]);
        lane.info.inGroup = isGrouped && g && g->members.size() >= 2;
        lane.indent = lane.info.inGroup ? 12 : 0;  // under its group's name
    }
    for (const Group& g : groups_)
        lanes[std::size_t(g.lane)]->disclosure =
            expanded_.contains(g.key) ? Disclosure::Expanded : Disclosure::Collapsed;
}

QString TaskLanes::groupKey(const Lane& lane) const {
    const auto* group = laneAs<TaskGroupLane>(lane);
    if (!group || group->family != this || group->info.group < 0 || std::size_t(group->info.group) >= groups_.size())
        return {};
    return groups_[std::size_t(group->info.group)].key;
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

// ---- what the lanes show

QString TaskLanes::taskTitle(const TimelineModel& m, ObjectId task) {
    const QString name = m.objectName(task), coroutine = m.taskCoroutine(task);
    if (coroutine.isEmpty()) return name;
    if (coroutine == name) return coroutine + QStringLiteral("()");
    return QStringLiteral("%1 %2()").arg(name, coroutine);
}

QString TaskLanes::awaitedText(const TimelineModel& m, const TaskBand& b) {
    if (b.sleepMicros >= 0) return TimelineStrings::tr("sleep %1").arg(sleepLength(b.sleepMicros));
    if (b.awaited == kNoObject) return {};
    const QString name = m.objectName(b.awaited);
    switch (m.objectKind(b.awaited)) {
        case ObjectKind::AsyncQueue:
            return TimelineStrings::tr("queue '%1'").arg(name);
        case ObjectKind::AsyncLock:
            return TimelineStrings::tr("lock '%1'").arg(name);
        case ObjectKind::AsyncEvent:
            return TimelineStrings::tr("event '%1'").arg(name);
        case ObjectKind::AsyncSemaphore:
            return TimelineStrings::tr("semaphore '%1'").arg(name);
        default:
            return name;  // a task, a future (gather, to_thread(...)): its own name says it
    }
}

QString TaskLanes::groupSummary(const StateCounts& c) {
    std::array<int, std::size_t(TaskState::Count_)> order{};
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = int(i);
    std::stable_sort(order.begin(), order.end(),
                     [&c](int x, int y) { return c.count[std::size_t(x)] > c.count[std::size_t(y)]; });
    QStringList parts;
    for (int s : order)
        if (c.count[std::size_t(s)] > 0)
            parts << TimelineStrings::tr("%1 %2", "a number of tasks and their state")
                         .arg(c.count[std::size_t(s)])
                         .arg(style::StateNames::task(TaskState(s)));
    return parts.join(QStringLiteral(", "));
}

QString TaskLanes::title(const Lane& lane) const {
    if (const auto* task = laneAs<TaskLane>(lane)) {
        const QString& coroutine = task->info.coroutine;
        if (coroutine.isEmpty()) return lane.name;
        if (coroutine == lane.name) return coroutine + QStringLiteral("()");
        return QStringLiteral("%1 %2()").arg(lane.name, coroutine);
    }
    if (const auto* group = laneAs<TaskGroupLane>(lane))
        return group->info.coroutine.isEmpty()
                   ? TimelineStrings::tr("%1 ×%2").arg(lane.name).arg(group->info.members)
                   : TimelineStrings::tr("%1() ×%2").arg(group->info.coroutine).arg(group->info.members);
    if (laneAs<LoopLane>(lane)) return TimelineStrings::tr("%1: event loop").arg(lane.name);
    return lane.name;
}

QString TaskLanes::bandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const {
    if (const auto* loop = laneAs<LoopLane>(lane)) return taskTitle(m, loop->data[band].runs);
    const auto* task = laneAs<TaskLane>(lane);
    if (!task) return {};
    const TaskBand& b = task->data[band];
    switch (b.state) {
        case TaskState::Waiting: {
            const QString what = awaitedText(m, b);
            return what.isEmpty() ? style::StateNames::task(b.state) : what;
        }
        case TaskState::Done:
        case TaskState::Failed: {
            const QString outcome = m.futureOutcome(lane.object);
            return outcome.isEmpty() ? style::StateNames::task(b.state)
                                     : TimelineStrings::tr("%1: %2", "task state: result")
                                           .arg(style::StateNames::task(b.state), outcome);
        }
        default:
            return style::StateNames::task(b.state);
    }
}

QString TaskLanes::shortBandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const {
    if (const auto* loop = laneAs<LoopLane>(lane)) return m.objectName(loop->data[band].runs);
    const auto* task = laneAs<TaskLane>(lane);
    return task ? style::StateNames::task(task->data[band].state) : QString();
}

// Every step the loop took at the instant of a step that took no time, in order.
QString TaskLanes::loopInstantTooltip(const TimelineModel& m, const LoopLane& lane, std::size_t band,
                                      Axis axis) const {
    const Pos at = beginOf(lane.bands[band], axis);
    const auto instant = [&](std::size_t k) {
        return beginOf(lane.bands[k], axis) == at && endOf(lane.bands[k], axis) == at;
    };
    std::size_t first = band, last = band + 1;
    while (first > 0 && instant(first - 1)) --first;
    while (last < lane.bands.size() && instant(last)) ++last;
    constexpr std::size_t kShown = 12;
    QString text = TimelineStrings::tr("%1's event loop at %2, %3:")
                       .arg(m.actorName(lane.info.actor), TimelineStrings::tr("t = %1").arg(TimelineStrings::seconds(lane.bands[first].begin, 0)),
                            TimelineStrings::stepRange(lane.bands[first].beginStep, lane.bands[last - 1].endStep));
    for (std::size_t k = first; k < last && k < first + kShown; ++k)
        text += QLatin1Char('\n') + taskTitle(m, lane.data[k].runs);
    if (last - first > kShown) text += QLatin1Char('\n') + TimelineStrings::tr("and %n more", nullptr, int(last - first - kShown));
    return text;
}

QString TaskLanes::bandTooltip(const TimelineModel& m, const Lane& lane, std::size_t band, Axis axis) const {
    if (const auto* loop = laneAs<LoopLane>(lane)) {
        const Band& at = lane.bands[band];
        if (beginOf(at, axis) == endOf(at, axis)) return loopInstantTooltip(m, *loop, band, axis);
        const ObjectId runs = loop->data[band].runs;
        const QString who = m.actorName(loop->info.actor);
        QString what;
        switch (m.objectKind(runs)) {
            case ObjectKind::AsyncTask:
                what = TimelineStrings::tr("%1's event loop runs %2").arg(who, taskTitle(m, runs));
                break;
            case ObjectKind::AsyncFuture:
                what = TimelineStrings::tr("%1's event loop runs a callback of %2").arg(who, m.objectName(runs));
                break;
            default:
                what = TimelineStrings::tr("%1's event loop runs the callback %2").arg(who, m.objectName(runs));
                break;
        }
        return TimelineStrings::bandTooltip(m, at, what);
    }
    const auto* taskLane = laneAs<TaskLane>(lane);
    if (!taskLane) return {};
    const TaskBand& b = taskLane->data[band];
    const QString task = taskTitle(m, lane.object);
    const QString outcome = m.futureOutcome(lane.object);
    const bool future = m.objectKind(lane.object) == ObjectKind::AsyncFuture;
    QString what;
    switch (b.state) {
        case TaskState::Pending:
            what = future ? TimelineStrings::tr("%1: pending, not done yet").arg(task)
                          : TimelineStrings::tr("%1: pending, created and waiting in the ready queue for its first step").arg(task);
            break;
        case TaskState::Ready:
            what = TimelineStrings::tr("%1: ready, in the event loop's ready queue").arg(task);
            break;
        case TaskState::Running:
            what = TimelineStrings::tr("%1: running on %2's event loop").arg(task, m.actorName(b.loop));
            break;
        case TaskState::Waiting:
            if (b.sleepMicros >= 0)
                what = TimelineStrings::tr("%1: waiting in asyncio.sleep(%2)").arg(task, sleepLength(b.sleepMicros));
            else if (b.awaited == kNoObject)
                what = TimelineStrings::tr("%1: waiting").arg(task);
            else if (m.objectKind(b.awaited) == ObjectKind::AsyncTask ||
                     m.objectKind(b.awaited) == ObjectKind::AsyncFuture)
                what = TimelineStrings::tr("%1: waiting for %2 to finish").arg(task, taskTitle(m, b.awaited));
            else
                what = TimelineStrings::tr("%1: waiting on %2").arg(task, awaitedText(m, b));
            if (b.hasTimeout) what += QLatin1Char('\n') + TimelineStrings::tr("with a timeout");
            break;
        case TaskState::Done:
            what = outcome.isEmpty() ? TimelineStrings::tr("%1: done").arg(task) : TimelineStrings::tr("%1: done, result %2").arg(task, outcome);
            break;
        case TaskState::Failed:
            what = TimelineStrings::tr("%1: failed, raised %2").arg(task, outcome);
            break;
        case TaskState::Cancelled:
        case TaskState::Count_:
            what = TimelineStrings::tr("%1: cancelled").arg(task);
            break;
    }
    return TimelineStrings::bandTooltip(m, lane.bands[band], what);
}

QString TaskLanes::nameTooltip(const TimelineModel&, const Lane& lane) const {
    if (!laneAs<TaskGroupLane>(lane)) return {};
    return title(lane) + QLatin1Char('\n') +
           (lane.disclosure == Disclosure::Expanded ? TimelineStrings::tr("click the name to hide its tasks")
                                                    : TimelineStrings::tr("click the name to show its tasks"));
}

QString TaskLanes::rowTooltip(const TimelineModel&, const Lane& lane, Axis axis, Pos at, std::uint32_t step) const {
    if (!laneAs<TaskGroupLane>(lane)) return {};
    QString text = title(lane);
    const StateCounts* c = lane.statesAt(axis, at);
    if (!c) return text + QLatin1Char('\n') + TimelineStrings::tr("no task created yet");
    text += QLatin1Char('\n') + TimelineStrings::tr("at step %1:").arg(step);
    for (std::size_t s = 0; s < c->count.size(); ++s)
        if (c->count[s] > 0)
            text += QLatin1Char('\n') + TimelineStrings::tr("%1 %2", "a number of tasks and their state")
                                            .arg(c->count[s])
                                            .arg(style::StateNames::task(TaskState(s)));
    text += QLatin1Char('\n') + (lane.disclosure == Disclosure::Expanded ? TimelineStrings::tr("click the name to hide its tasks")
                                                                        : TimelineStrings::tr("click the name to show its tasks"));
    return text;
}

QString TaskLanes::countTooltip(const Lane& lane, int value) const {
    if (laneAs<LoopLane>(lane)) return TimelineStrings::tr("%n in the ready queue", nullptr, value);
    return LaneBuilder::countTooltip(lane, value);
}

std::span<const StackLayer> TaskLanes::stackLayers(const Lane& lane) const {
    if (!laneAs<TaskGroupLane>(lane)) return {};
    return taskStack();
}

QString TaskLanes::stackLabel(const StateCounts& counts) const {
    return groupSummary(counts);
}

void TaskLanes::legend(const TimelineModel& m, std::vector<LegendEntry>& out) const {
    if (!hasTasks()) return;
    for (TaskState s : {TaskState::Pending, TaskState::Ready, TaskState::Running, TaskState::Waiting, TaskState::Done,
                        TaskState::Failed, TaskState::Cancelled})
        if (m.usage().has(s))
            out.push_back({LegendEntry::Section::TaskStates, LegendEntry::Swatch::Fill, style::Palette::taskState(s),
                           {}, MarkKind::Switch, TimelineStrings::tr("Task: %1").arg(style::StateNames::task(s)), {}});
    out.push_back({LegendEntry::Section::TaskStates, LegendEntry::Swatch::Halves, style::Palette::loopTurn(true),
                   style::Palette::loopTurn(false), MarkKind::Switch,
                   TimelineStrings::tr("event loop runs a task or callback (the colour changes at each switch)"), {}});
}

}  // namespace lockstep::timeline
