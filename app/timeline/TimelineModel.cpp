#include "timeline/TimelineModel.h"

#include <algorithm>

#include "lockstep/InsideCall.h"
#include "lockstep/ObjectTraits.h"
#include "style/Palette.h"
#include "timeline/TimelineStrings.h"

namespace lockstep::timeline {

namespace {
const std::vector<Transfer> kNoTransfers;
}  // namespace

void TimelineModel::clear() {
    model_.reset();
    owned_.reset();
    generation_ = 0;
    rows_seen_.reset();
    lanes_.clear();
    rows_.clear();
    rowOf_.clear();
    objectLane_.clear();
    actorNames_.clear();
    objectNames_.clear();
    incidentsSeen_ = 0;
    stepCount_ = 0;
    eventCount_ = 0;
    endTime_ = 0;
    status_ = RunStatus::Running;
    cycleCount_ = 0;
    cycle_ = {};
    hasCycle_ = false;
    usage_ = {};
    usageSeen_.clear();
    usageStale_ = true;
}

void TimelineModel::build(const Trace& trace) {
    owned_ = std::make_shared<TraceModel>(trace);
    const auto owned = owned_;
    build(std::shared_ptr<const TraceModel>(owned));
    owned_ = owned;
}

void TimelineModel::build(std::shared_ptr<const TraceModel> model) {
    const auto owned = owned_;
    clear();
    if (owned && owned.get() == model.get()) owned_ = owned;
    model_ = std::move(model);
    if (model_) rebuild();
}

bool TimelineModel::update(const Trace& trace) {
    if (!owned_) owned_ = std::make_shared<TraceModel>();
    owned_->advance(trace);
    const auto owned = owned_;
    return update(std::shared_ptr<const TraceModel>(owned));
}

LaneContext TimelineModel::context() {
    return LaneContext{*model_, lanes_, objectLane_, actorNames_, objectNames_, cycle()};
}

void TimelineModel::readNames() {
    const TraceModel& m = *model_;
    rows_seen_ = m.snapshot().rows;
    actorNames_.resize(m.actorCount());
    for (std::size_t a = 0; a < m.actorCount(); ++a) actorNames_[a] = QString::fromStdString(m.actor(ActorId(a)).name);
    objectNames_.resize(m.objectCount());
    for (std::size_t o = 0; o < m.objectCount(); ++o)
        objectNames_[o] = QString::fromStdString(m.object(ObjectId(o)).name);
}

void TimelineModel::rebuild() {
    const TraceModel& m = *model_;
    const auto expanded = tasks_.expandedKeys();
    const int threshold = tasks_.threshold();
    const std::shared_ptr<const TraceModel> model = model_;
    const auto owned = owned_;
    lanes_.clear();
    rows_.clear();
    incidentsSeen_ = 0;
    model_ = model;
    owned_ = owned;
    generation_ = m.generation();
    status_ = m.outcome().status;
    cycleCount_ = m.cycles().size();
    hasCycle_ = m.shownCycle() != nullptr;
    cycle_ = hasCycle_ ? *m.shownCycle() : DeadlockCycle{};
    readNames();
    objectLane_.assign(m.objectCount(), -1);
    tasks_.setExpandedKeys(expanded);
    tasks_.setThreshold(threshold);
    LaneContext c = context();
    actors_.setLoopLanes(&tasks_.loopLanes());
    for (LaneBuilder* family : families()) family->build(c);
    routeMarks();
    stepCount_ = m.steps();
    eventCount_ = m.events();
    endTime_ = m.endTime();
    usage_ = {};
    usageSeen_.clear();
    usageStale_ = true;
    computeRows();
}

bool TimelineModel::outgrown() const {
    const TraceModel& m = *model_;
    return m.generation() != generation_ || m.outcome().status != status_ || m.cycles().size() != cycleCount_ ||
           m.objectCount() < objectNames_.size() ||
           std::ranges::any_of(families(), [&m](const LaneBuilder* f) { return f->outgrown(m); });
}

std::array<LaneBuilder*, 6> TimelineModel::families() {
    // Actors' lanes first, then the tasks' (their rows follow the actors'), then the fixed sections.
    return {&actors_, &tasks_, &cores_, &holds_, &signals_, &futures_};
}

std::array<const LaneBuilder*, 6> TimelineModel::families() const {
    return {&actors_, &tasks_, &cores_, &holds_, &signals_, &futures_};
}

bool TimelineModel::update(std::shared_ptr<const TraceModel> model) {
    if (!model) {
        const bool had = model_ != nullptr;
        clear();
        return had;
    }
    if (model != model_) {
        if (!(owned_ && owned_ == model)) owned_.reset();
        build(std::move(model));
        return true;
    }
    const TraceModel& m = *model_;
    if (m.events() == eventCount_ && m.steps() == stepCount_ && m.outcome().status == status_ &&
        m.cycles().size() == cycleCount_ && m.snapshot().rows == rows_seen_ && m.generation() == generation_)
        return false;
    // What changes the set or order of lanes, the cycle highlighted, or the end of open intervals before the last
    // event, is rare (a thread started, an object with a lane created, the run ended): rebuild then.
    if (outgrown()) {
        rebuild();
        return true;
    }
    objectLane_.resize(m.objectCount(), -1);
    LaneContext c = context();
    bool rowsDirty = false;
    if (m.snapshot().rows != rows_seen_) {
        // Names may have changed (a Python program names an object when it is assigned): read them again.
        readNames();
        for (LaneBuilder* family : families()) family->rename(c);
        // An object is marked internal just after it is made, possibly in a later report than its lane.
        if (!showInternals_) rowsDirty = true;
    }
    const std::size_t lanesBefore = lanes_.size();
    for (LaneBuilder* family : families()) family->update(c);
    routeMarks();
    stepCount_ = m.steps();
    eventCount_ = m.events();
    endTime_ = m.endTime();
    usageStale_ = true;
    if (tasks_.takeRowsDirty() || lanes_.size() != lanesBefore || rows_.empty() || rowsDirty) computeRows();
    return true;
}

// Marks go on the lane of whoever they concern: a switch, a raise, a deadlock, an exit or a race on the actor's
// lane; a wait, a wake-up, a notify, a set or a clear on the lane of the object (an Event, a Condition, a
// Barrier, a future).
void TimelineModel::routeMarks() {
    const TraceModel& m = *model_;
    const auto& incidents = m.incidents();
    for (; incidentsSeen_ < incidents.size(); ++incidentsSeen_) {
        const Incident& mk = incidents[incidentsSeen_];
        int lane = -1;
        switch (mk.kind) {
            case IncidentKind::Switch:
            case IncidentKind::Raise:
            case IncidentKind::Deadlock:
            case IncidentKind::Exit:
            case IncidentKind::Race: lane = actors_.actorLane(mk.actor); break;
            default:
                lane = mk.object < objectLane_.size() ? objectLane_[mk.object] : -1;
                if (lane >= 0 && !lanes_[std::size_t(lane)]->objectMarks) lane = -1;
                break;
        }
        if (lane < 0) continue;
        lanes_[std::size_t(lane)]->marks[std::size_t(mk.kind)].push_back(mk);
        if (mk.kind != IncidentKind::Race || mk.race < 0 || std::size_t(mk.race) >= m.races().size()) continue;
        // Both accesses are marked: this one, and the earlier one of the other thread it races with, each
        // pointing at the other. The earlier mark goes in step order among its lane's.
        const DataRace& race = m.races()[std::size_t(mk.race)];
        const int firstLane = actors_.actorLane(race.first.actor);
        if (firstLane < 0 || race.first.step < 1 || race.first.step > m.steps()) continue;
        Incident first = mk;
        first.step = race.first.step;
        first.actor = race.first.actor;
        first.other = mk.actor;
        if (const auto k = m.raceAccessEvent(race, race.first)) {
            first.time = m.trace()->event(*k).time;
            first.event = std::uint32_t(*k);
        }
        auto& list = lanes_[std::size_t(firstLane)]->marks[std::size_t(MarkKind::Race)];
        list.insert(std::upper_bound(list.begin(), list.end(), first,
                                     [](const Mark& a, const Mark& b) { return a.step < b.step; }),
                    first);
    }
}

void TimelineModel::setShowInternals(bool show) {
    if (show == showInternals_) return;
    showInternals_ = show;
    if (model_) computeRows();
}

void TimelineModel::computeRows() {
    tasks_.flagRows(lanes_);
    rows_.clear();
    for (const LaneBuilder* family : families()) family->rows(rows_);
    if (!showInternals_)
        std::erase_if(rows_, [this](int lane) { return isInternal(*model_, lanes_[std::size_t(lane)]->object); });
    rowOf_.assign(lanes_.size(), -1);
    for (std::size_t r = 0; r < rows_.size(); ++r) rowOf_[std::size_t(rows_[r])] = int(r);
}

void TimelineModel::setGroupThreshold(int lanes) {
    tasks_.setThreshold(lanes);
    if (model_) computeRows();
}

QString TimelineModel::groupKey(int row) const {
    if (row < 0 || row >= laneCount()) return {};
    return tasks_.groupKey(lane(row));
}

bool TimelineModel::toggleGroup(int row) {
    const QString key = groupKey(row);
    if (key.isEmpty()) return false;
    setGroupExpanded(key, !tasks_.isExpanded(key));
    return true;
}

void TimelineModel::setGroupExpanded(const QString& key, bool expanded) {
    tasks_.setExpanded(key, expanded);
    if (model_) computeRows();
}

void TimelineModel::setExpandedGroups(const QStringList& keys) {
    tasks_.setExpandedKeys(keys);
    if (model_) computeRows();
}

int TimelineModel::actorLane(ActorId a) const {
    const int lane = actors_.actorLane(a);
    return lane >= 0 && std::size_t(lane) < rowOf_.size() ? rowOf_[std::size_t(lane)] : -1;
}
int TimelineModel::objectLane(ObjectId o) const {
    const int lane = o < objectLane_.size() ? objectLane_[o] : -1;
    return lane >= 0 && std::size_t(lane) < rowOf_.size() ? rowOf_[std::size_t(lane)] : -1;
}
int TimelineModel::loopLane(ActorId a) const {
    const auto& loops = tasks_.loopLanes();
    const int lane = a < loops.size() ? loops[a] : -1;
    return lane >= 0 && std::size_t(lane) < rowOf_.size() ? rowOf_[std::size_t(lane)] : -1;
}
const Lane* TimelineModel::taskLane(ObjectId o) const {
    const int lane = tasks_.taskLaneIndex(o);
    return lane >= 0 ? lanes_[std::size_t(lane)].get() : nullptr;
}

const TimelineModel::Usage& TimelineModel::usage() const {
    if (!usageStale_) return usage_;
    // What was seen stays seen until a rebuild (bands only grow), so only bands added since are read; the last
    // two seen are read again, as an update replaces a lane's open tail (a child's end takes its exit's colour).
    const QRgb failed = style::Palette::failedExit().rgba();
    usageSeen_.resize(lanes_.size(), 0);
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        const Lane& lane = *lanes_[i];
        const std::size_t from = std::min(usageSeen_[i], lane.bands.size()) - std::min<std::size_t>(
                                     2, std::min(usageSeen_[i], lane.bands.size()));
        usageSeen_[i] = lane.bands.size();
        for (std::size_t k = 0; k < kMarkKinds; ++k)
            if (!lane.marks[k].empty()) usage_.marks |= 1u << k;
        if (lane.countMax > 0) usage_.counts = true;
        if (const auto* a = laneAs<ActorLane>(lane)) {
            for (std::size_t b = from; b < a->bands.size(); ++b) {
                usage_.actorStates |= 1u << unsigned(a->data[b].state);
                usage_.failedExit = usage_.failedExit || a->bands[b].fill == failed;
            }
        } else if (const auto* t = laneAs<TaskLane>(lane)) {
            for (std::size_t b = from; b < t->data.size(); ++b) usage_.taskStates |= 1u << unsigned(t->data[b].state);
        } else if (const auto* f = laneAs<FutureLane>(lane)) {
            for (std::size_t b = from; b < f->data.size(); ++b)
                usage_.futureStates |= 1u << unsigned(f->data[b].state);
        } else {
            for (std::size_t b = from; b < lane.bands.size() && !usage_.holders; ++b)
                usage_.holders = lane.bands[b].held;
        }
    }
    usageStale_ = false;
    return usage_;
}

std::vector<LegendEntry> TimelineModel::legend() const {
    using Section = LegendEntry::Section;
    using Swatch = LegendEntry::Swatch;
    std::vector<LegendEntry> out;
    for (const LaneBuilder* family : families()) family->legend(*this, out);
    // The deadlock cycle and the marks: the timeline's own, whatever lane they fall on; only those drawn.
    if (cycle())
        out.push_back({Section::Cycle, Swatch::Hatched, style::Palette::actorState(ActorState::Blocked), {},
                       MarkKind::Switch, TimelineStrings::cycleLegend(), {}});
    const Usage& used = usage();
    for (MarkKind k : {MarkKind::Switch, MarkKind::Raise, MarkKind::Deadlock, MarkKind::Race, MarkKind::Wait,
                       MarkKind::Woken, MarkKind::Timeout, MarkKind::Notify, MarkKind::Set, MarkKind::Clear})
        if (used.has(k)) out.push_back({Section::Marks, Swatch::Mark, {}, {}, k, TimelineStrings::markName(k), {}});
    std::stable_sort(out.begin(), out.end(),
                     [](const LegendEntry& a, const LegendEntry& b) { return a.section < b.section; });
    return out;
}
ObjectKind TimelineModel::objectKind(ObjectId o) const {
    return model_ && o < model_->objectCount() ? model_->object(o).kind : ObjectKind::Count_;
}

Pos TimelineModel::rangeEnd(Axis a) const {
    if (a == Axis::Steps) return Pos(stepCount_) + 1;
    // A twentieth of the run: about 50 pixels on a 1000-pixel-wide timeline, whatever the run's length.
    return std::max<Nanos>(endTime_, 1) + std::max<Nanos>(endTime_ / 20, 1);
}

Nanos TimelineModel::stepTime(std::uint32_t step) const { return model_ ? model_->stepTime(step) : 0; }

Pos TimelineModel::stepPosition(Axis a, std::uint32_t step) const {
    return a == Axis::Steps ? Pos(step) : stepTime(step);
}

std::uint32_t TimelineModel::stepAt(Axis a, Pos p) const {
    if (stepCount_ == 0) return 0;
    if (a == Axis::Steps) return std::uint32_t(std::clamp<Pos>(p, 1, stepCount_));
    // The last step whose first event is at or before p.
    std::uint32_t lo = 1, hi = stepCount_;
    if (model_->stepTime(1) > p) return 1;
    while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo + 1) / 2;
        if (model_->stepTime(mid) <= p) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}

QString TimelineModel::actorName(ActorId a) const {
    return a < actorNames_.size() ? actorNames_[a] : QStringLiteral("?");
}
QString TimelineModel::objectName(ObjectId o) const {
    return o < objectNames_.size() ? objectNames_[o] : QStringLiteral("?");
}

QString TimelineModel::futureOutcome(ObjectId o) const {
    if (!model_) return {};
    const ObjectNow& s = model_->head().object(o);
    const bool ended = objectTraits(objectKind(o)).lane == LaneFamily::Task
                           ? s.task == TaskState::Done || s.task == TaskState::Failed
                           : s.future == FutureState::Finished || s.future == FutureState::Failed;
    return ended ? QString::fromStdString(model_->text(s.value)) : QString();
}

const std::vector<Transfer>& TimelineModel::transfers() const {
    return model_ ? model_->transfers() : kNoTransfers;
}

QString TimelineModel::transferText(const Transfer& t) const {
    return model_ ? QString::fromStdString(model_->text(t.text)) : QString();
}

}  // namespace lockstep::timeline
