#include "timeline/HoldLanes.h"

#include "lockstep/ObjectTraits.h"
#include "style/Palette.h"
#include "timeline/TimelineModel.h"
#include "timeline/TimelineStrings.h"

namespace lockstep::timeline {

namespace {

std::unique_ptr<HoldLane> makeLane(const LaneBuilder* family, HoldLaneInfo::Role role, ObjectId o, QString name) {
    auto lane = std::make_unique<HoldLane>();
    lane->family = family;
    lane->info.role = role;
    lane->object = o;
    lane->name = std::move(name);
    lane->shape = role == HoldLaneInfo::Role::Lock ? LaneShape::BandsOverCounts
                  : role == HoldLaneInfo::Role::Slot ? LaneShape::Bands
                                                     : LaneShape::Counts;
    return lane;
}

QString slotName(const QString& semaphore, int slot) {
    return QStringLiteral("%1[%2]").arg(semaphore).arg(slot + 1);
}

}  // namespace

void HoldLanes::build(LaneContext& c) {
    using Role = HoldLaneInfo::Role;
    const TraceModel& m = c.model;
    *this = HoldLanes{};
    objectsSeen_ = m.objectCount();
    // Locks first, then semaphores, each in creation order.
    for (std::size_t o = 0; o < objectsSeen_; ++o) {
        if (objectTraits(m.object(ObjectId(o)).kind).lane != LaneFamily::Hold) continue;
        auto lane = makeLane(this, Role::Lock, ObjectId(o), c.objectNames[o]);
        lane->inCycle = c.objectInCycle(ObjectId(o));
        Held h;
        h.object = ObjectId(o);
        h.firstLane = h.waitLane = c.addLane(std::move(lane));
        c.objectLane[o] = h.firstLane;
        tails_.track(h.firstLane);
        rows_.push_back(h.firstLane);
        held_.push_back(h);
    }
    for (std::size_t o = 0; o < objectsSeen_; ++o) {
        if (objectTraits(m.object(ObjectId(o)).kind).lane != LaneFamily::Slots) continue;
        Held h;
        h.object = ObjectId(o);
        h.slotCount = m.slotCount(ObjectId(o));
        for (int s = 0; s < h.slotCount; ++s) {
            auto lane = makeLane(this, Role::Slot, ObjectId(o), slotName(c.objectNames[o], s));
            lane->info.slot = s;
            const int index = c.addLane(std::move(lane));
            if (s == 0) h.firstLane = index;
            tails_.track(index);
            rows_.push_back(index);
        }
        h.waitLane = c.addLane(makeLane(this, Role::SlotWaiters, ObjectId(o), c.objectNames[o]));
        if (h.firstLane < 0) h.firstLane = h.waitLane;
        c.objectLane[o] = h.firstLane;
        tails_.track(h.waitLane);
        rows_.push_back(h.waitLane);
        held_.push_back(h);
    }
    update(c);
}

bool HoldLanes::outgrown(const TraceModel& m) const {
    for (std::size_t o = objectsSeen_; o < m.objectCount(); ++o) {
        const LaneFamily lane = objectTraits(m.object(ObjectId(o)).kind).lane;
        if (lane == LaneFamily::Hold || lane == LaneFamily::Slots) return true;
    }
    for (const Held& h : held_)
        if (h.waitLane != h.firstLane && m.slotCount(h.object) > h.slotCount) return true;  // a slot without a lane
    return false;
}

void HoldLanes::addHold(LaneContext& c, const Held& h, const HoldInterval& hold) {
    if (hold.slot < 0 || hold.slot >= h.slotCount) return;
    Band b;
    b.beginStep = hold.beginStep;
    b.endStep = hold.endStep;
    b.begin = hold.begin;
    b.end = hold.end;
    b.fill = style::Palette::holderFill().rgba();
    b.held = true;
    c.lane<HoldLane>(h.firstLane + hold.slot).add(b, HoldBand{hold.holder});
}

void HoldLanes::update(LaneContext& c) {
    const TraceModel& m = c.model;
    tails_.dropTails(c.lanes);
    for (Held& h : held_) {
        const auto& closed = m.holds(h.object);
        for (; h.holdsSeen < closed.size(); ++h.holdsSeen) addHold(c, h, closed[h.holdsSeen]);
        Lane& waitLane = *c.lanes[std::size_t(h.waitLane)];
        h.waitersSeen = copyCounts(m.waiterCounts(h.object), h.waitersSeen, waitLane.counts);
    }
    tails_.settle(c.lanes);
    for (const Held& h : held_)
        for (const HoldInterval& open : m.holdsNow(h.object)) addHold(c, h, open);
    tails_.finish(c.lanes);
}

void HoldLanes::rename(LaneContext& c) {
    for (const Held& h : held_) {
        const QString& name = c.objectNames[h.object];
        for (int lane = h.firstLane; lane <= h.waitLane; ++lane) {
            auto& held = c.lane<HoldLane>(lane);
            held.name = held.info.role == HoldLaneInfo::Role::Slot ? slotName(name, held.info.slot) : name;
        }
    }
}

QString HoldLanes::title(const Lane& lane) const {
    const auto* held = laneAs<HoldLane>(lane);
    if (held && held->info.role == HoldLaneInfo::Role::SlotWaiters)
        return TimelineStrings::tr("%1 waiting").arg(lane.name);
    return lane.name;
}

QString HoldLanes::bandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const {
    const auto* held = laneAs<HoldLane>(lane);
    return held ? m.actorName(held->data[band].holder) : QString();
}

QString HoldLanes::bandTooltip(const TimelineModel& m, const Lane& lane, std::size_t band, Axis) const {
    const auto* held = laneAs<HoldLane>(lane);
    if (!held) return {};
    const QString holder = m.actorName(held->data[band].holder);
    const QString what = held->info.role == HoldLaneInfo::Role::Slot
                             ? TimelineStrings::tr("%1, slot %2: held by %3")
                                   .arg(m.objectName(lane.object))
                                   .arg(held->info.slot + 1)
                                   .arg(holder)
                             : TimelineStrings::tr("%1: held by %2").arg(m.objectName(lane.object), holder);
    return TimelineStrings::bandTooltip(m, lane.bands[band], what);
}

void HoldLanes::legend(const TimelineModel& m, std::vector<LegendEntry>& out) const {
    // Only when a holder's band is drawn: a lock's, a slot's or the GIL's, or a core's computing actor.
    if (!m.hasHolderBands()) return;
    out.push_back({LegendEntry::Section::Holders, LegendEntry::Swatch::Held, style::Palette::holderFill(), {},
                   MarkKind::Switch, TimelineStrings::tr("held by / computing (name inside)"), {}});
}

}  // namespace lockstep::timeline
