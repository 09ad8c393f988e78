#include "timeline/CoreLanes.h"

#include "style/Palette.h"
#include "timeline/TimelineModel.h"
#include "timeline/TimelineStrings.h"

namespace lockstep::timeline {

void CoreLanes::build(LaneContext& c) {
    *this = CoreLanes{};
    for (int core = 0; core < c.model.coresUsed(); ++core) {
        auto lane = std::make_unique<CoreLane>();
        lane->family = this;
        lane->info.core = core;
        lane->name = QStringLiteral("core %1").arg(core);
        coreLane_.push_back(c.addLane(std::move(lane)));
        tails_.track(coreLane_.back());
    }
    update(c);
}

bool CoreLanes::outgrown(const TraceModel& m) const {
    return std::size_t(m.coresUsed()) != coreLane_.size();
}

void CoreLanes::addBurst(LaneContext& c, ActorId a, const StateInterval& s) {
    if (s.state != ActorState::Computing || s.core >= coreLane_.size()) return;
    Band b;
    b.beginStep = s.beginStep;
    b.endStep = s.endStep;
    b.begin = s.begin;
    b.end = s.end;
    b.fill = style::Palette::holderFill().rgba();
    b.held = true;
    c.lane<CoreLane>(coreLane_[s.core]).add(b, CoreBand{a});
}

void CoreLanes::update(LaneContext& c) {
    const TraceModel& m = c.model;
    if (coreLane_.empty()) return;
    seen_.resize(m.actorCount(), 0);
    tails_.dropTails(c.lanes);
    // Actor by actor, so a core's bursts arrive out of order: Lane::finish sorts them.
    for (std::size_t a = 0; a < m.actorCount(); ++a) {
        const auto& closed = m.actorStates(ActorId(a));
        for (; seen_[a] < closed.size(); ++seen_[a]) addBurst(c, ActorId(a), closed[seen_[a]]);
    }
    tails_.settle(c.lanes);
    for (std::size_t a = 0; a < m.actorCount(); ++a) addBurst(c, ActorId(a), m.actorStateNow(ActorId(a)));
    tails_.finish(c.lanes);
}

QString CoreLanes::title(const Lane& lane) const {
    const auto* core = laneAs<CoreLane>(lane);
    return core ? TimelineStrings::tr("core %1").arg(core->info.core) : lane.name;
}

QString CoreLanes::bandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const {
    const auto* core = laneAs<CoreLane>(lane);
    return core ? m.actorName(core->data[band].actor) : QString();
}

QString CoreLanes::bandTooltip(const TimelineModel& m, const Lane& lane, std::size_t band, Axis) const {
    const auto* core = laneAs<CoreLane>(lane);
    if (!core) return {};
    const QString what =
        TimelineStrings::tr("core %1: %2 computing").arg(core->info.core).arg(m.actorName(core->data[band].actor));
    return TimelineStrings::bandTooltip(m, lane.bands[band], what);
}

}  // namespace lockstep::timeline
