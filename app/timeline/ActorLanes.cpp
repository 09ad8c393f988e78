#include "timeline/ActorLanes.h"

#include <string.h>  // sigabbrev_np

#include <algorithm>
#include <array>
#include <csignal>

#include "style/Palette.h"
#include "style/StateNames.h"
#include "timeline/TimelineModel.h"
#include "timeline/TimelineStrings.h"

namespace lockstep::timeline {

namespace {

// Colours by state, looked up once: a million-event run makes hundreds of thousands of bands.
QRgb stateFill(ActorState s) {
    static const auto table = [] {
        std::array<QRgb, kActorStates> t{};
        for (std::size_t i = 0; i < t.size(); ++i) t[i] = style::Palette::actorState(ActorState(i)).rgba();
        return t;
    }();
    return table[std::size_t(s)];
}

// "SIGTERM" for 15, as Python's signal.Signals names it; "signal 99" for a number the system has no name for.
QString signalName(int signal) {
    if (const char* abbrev = sigabbrev_np(signal)) return QStringLiteral("SIG") + QString::fromLatin1(abbrev);
    return TimelineStrings::tr("signal %1").arg(signal);
}

const ActorLane* asActorLane(const Lane& lane) {
    return laneAs<ActorLane>(lane);
}

}  // namespace

void ActorLanes::build(LaneContext& c) {
    const TraceModel& m = c.model;
    const std::vector<int>* loopLanes = loopLanes_;
    *this = ActorLanes{};
    loopLanes_ = loopLanes;
    actorCount_ = m.actorCount();
    actorLane_.assign(actorCount_, -1);
    seen_.assign(actorCount_, 0);
    for (std::size_t a = 0; a < actorCount_; ++a) {
        auto lane = std::make_unique<ActorLane>();
        lane->family = this;
        lane->name = c.actorNames[a];
        lane->info.actor = ActorId(a);
        lane->inCycle = c.actorInCycle(ActorId(a));
        actorLane_[a] = c.addLane(std::move(lane));
        tails_.track(actorLane_[a]);
    }
    // With child processes, each process's actors go under it, processes in the order of their first actor
    // (the main process first). A child with one actor needs no heading: its lane is the process.
    for (std::size_t a = 0; a < actorCount_ && !hasProcesses_; ++a)
        hasProcesses_ = m.actor(ActorId(a)).kind == ActorKind::Process;
    if (hasProcesses_) {
        std::vector<std::int64_t> pids;
        for (std::size_t a = 0; a < actorCount_; ++a) {
            const ActorInfo& info = m.actor(ActorId(a));
            const std::size_t g = std::size_t(std::find(pids.begin(), pids.end(), info.pid) - pids.begin());
            if (g == pids.size()) {
                pids.push_back(info.pid);
                groups_.emplace_back();
            }
            groups_[g].actors.push_back(ActorId(a));
            ActorLane& lane = c.lane<ActorLane>(actorLane_[a]);
            lane.info.pid = info.pid;
            lane.info.processLane = info.kind == ActorKind::Process;
            lane.bold = lane.info.processLane;  // a child's one lane stands for the process
        }
        for (std::size_t g = 0; g < groups_.size(); ++g) {
            ProcessGroup& group = groups_[g];
            const ActorId first = group.actors.front();
            if (group.actors.size() == 1 && m.actor(first).kind == ActorKind::Process) continue;
            auto header = std::make_unique<ProcessHeading>();
            header->family = this;
            header->shape = LaneShape::Heading;
            header->bold = true;
            header->info.pid = pids[g];
            // Python's name of the scheduler's process; a child's is its Process actor's.
            header->name = QStringLiteral("MainProcess");
            for (ActorId a : group.actors)
                if (m.actor(a).kind == ActorKind::Process) header->name = c.actorNames[a];
            for (ActorId a : group.actors) {
                ActorLane& lane = c.lane<ActorLane>(actorLane_[a]);
                lane.info.nested = true;
                lane.bold = false;
                lane.indent = 12;
                lane.guide = true;
            }
            group.header = c.addLane(std::move(header));
        }
    }
    update(c);
}

bool ActorLanes::outgrown(const TraceModel& m) const {
    return m.actorCount() != actorCount_;
}

void ActorLanes::addBand(ActorLane& lane, const StateInterval& s, const DeadlockCycle* cycle) const {
    Band b;
    b.beginStep = s.beginStep;
    b.endStep = s.endStep;
    b.begin = s.begin;
    b.end = s.end;
    const ActorId actor = lane.info.actor;
    // A child process that crashed, raised or was killed: its end stands out.
    b.fill = s.state == ActorState::Done && lane.info.exited && lane.info.exitCode != 0
                 ? style::Palette::failedExit().rgba()
                 : stateFill(s.state);
    // The blocked interval during which the cycle closed is the one to highlight.
    if (cycle && s.state == ActorState::Blocked && s.endStep > cycle->step)
        for (std::size_t i = 0; i < cycle->actors.size() && i < cycle->objects.size(); ++i)
            if (cycle->actors[i] == actor && cycle->objects[i] == s.object) b.highlight = true;
    lane.add(b, ActorBand{s.state, s.object, s.op, s.core});
}

void ActorLanes::update(LaneContext& c) {
    const TraceModel& m = c.model;
    // How children ended first: a child's last band takes its colour from its exit code.
    if (hasProcesses_) readProcesses(c);
    tails_.dropTails(c.lanes);
    for (std::size_t a = 0; a < actorCount_; ++a) {
        ActorLane& lane = c.lane<ActorLane>(actorLane_[a]);
        const auto& closed = m.actorStates(ActorId(a));
        for (; seen_[a] < closed.size(); ++seen_[a]) addBand(lane, closed[seen_[a]], c.cycle);
    }
    tails_.settle(c.lanes);
    for (std::size_t a = 0; a < actorCount_; ++a) {
        ActorLane& lane = c.lane<ActorLane>(actorLane_[a]);
        addBand(lane, m.actorStateNow(ActorId(a)), c.cycle);
        // An ended child's exit code belongs at the end of its lane, however narrow its last band.
        lane.endTag = lane.info.exited && lane.data.back().state == ActorState::Done;
    }
    tails_.finish(c.lanes);
}

// How each child process ended, and the signal terminate() or kill() sent it, from its Process object.
void ActorLanes::readProcesses(LaneContext& c) {
    const RunState& head = c.model.head();
    for (ObjectId o : head.created()) {
        if (head.kind(o) != ObjectKind::Process) continue;
        const ObjectNow& p = head.object(o);
        const int index = actorLane(p.actor);
        if (index < 0) continue;
        ActorLaneInfo& info = c.lane<ActorLane>(index).info;
        info.exited = p.exited;
        info.exitCode = p.exitCode;
        info.signal = p.signal;
        info.signalledBy = p.signalledBy;
    }
}

void ActorLanes::rows(std::vector<int>& out) const {
    const auto withLoop = [&](ActorId a) {
        out.push_back(actorLane_[a]);
        if (loopLanes_ && a < loopLanes_->size() && (*loopLanes_)[a] >= 0) out.push_back((*loopLanes_)[a]);
    };
    if (hasProcesses_) {
        for (const ProcessGroup& g : groups_) {
            if (g.header >= 0) out.push_back(g.header);
            for (ActorId a : g.actors) withLoop(a);
        }
    } else {
        for (std::size_t a = 0; a < actorLane_.size(); ++a) withLoop(ActorId(a));
    }
}

void ActorLanes::rename(LaneContext& c) {
    for (std::size_t a = 0; a < actorCount_; ++a) c.lanes[std::size_t(actorLane_[a])]->name = c.actorNames[a];
}

// ---- what the lanes show

QString ActorLanes::processTitle(const QString& name, std::int64_t pid) {
    return TimelineStrings::tr("%1 · pid %2").arg(name).arg(pid);
}

QString ActorLanes::exitLabel(const ActorLaneInfo& p) {
    if (p.exitCode < 0)
        return TimelineStrings::tr("exit %1 (%2)").arg(p.exitCode).arg(signalName(-p.exitCode));
    return shortExitLabel(p);
}

QString ActorLanes::shortExitLabel(const ActorLaneInfo& p) {
    return TimelineStrings::tr("exit %1").arg(p.exitCode);
}

QString ActorLanes::exitDescription(const TimelineModel& m, const Lane& lane, const ActorLaneInfo& p) {
    const QString who = TimelineStrings::tr("%1 (pid %2)").arg(lane.name).arg(p.pid);
    if (p.exitCode >= 0)
        return p.exitCode == 0 ? TimelineStrings::tr("%1 ended: exit code 0").arg(who)
                               : TimelineStrings::tr("%1 ended with exit code %2 (an error)").arg(who).arg(p.exitCode);
    QString text = TimelineStrings::tr("%1 was killed by %2: exit code %3").arg(who, signalName(-p.exitCode)).arg(p.exitCode);
    if (p.signal == -p.exitCode && p.signalledBy != kNoActor) {
        const QString call = p.signal == SIGKILL ? QStringLiteral("kill()") : QStringLiteral("terminate()");
        text += QLatin1Char('\n') + TimelineStrings::tr("%1 called by %2").arg(call, m.actorName(p.signalledBy));
    }
    return text;
}

QString ActorLanes::title(const Lane& lane) const {
    if (const auto* heading = laneAs<ProcessHeading>(lane)) return processTitle(lane.name, heading->info.pid);
    // A child process's one lane names the process; threads under a heading need no pid.
    const ActorLane* a = asActorLane(lane);
    return a && a->info.processLane && !a->info.nested ? processTitle(lane.name, a->info.pid) : lane.name;
}

QString ActorLanes::bandLabel(const TimelineModel& m, const Lane& lane, std::size_t band) const {
    const ActorLane* a = asActorLane(lane);
    if (!a) return {};
    const ActorBand& b = a->data[band];
    if (b.state == ActorState::Done && a->info.exited) return exitLabel(a->info);
    if (b.state == ActorState::Blocked && b.object != kNoObject)
        return TimelineStrings::tr("blocked on %1").arg(m.objectName(b.object));
    if (b.state == ActorState::Blocked && b.op == Op::AsCompleted) return TimelineStrings::tr("waiting in as_completed");
    return style::StateNames::actor(b.state);
}

QString ActorLanes::shortBandLabel(const TimelineModel&, const Lane& lane, std::size_t band) const {
    const ActorLane* a = asActorLane(lane);
    if (!a) return {};
    const ActorBand& b = a->data[band];
    return b.state == ActorState::Done && a->info.exited ? shortExitLabel(a->info) : style::StateNames::actor(b.state);
}

QString ActorLanes::bandTooltip(const TimelineModel& m, const Lane& lane, std::size_t band, Axis) const {
    const ActorLane* a = asActorLane(lane);
    if (!a) return {};
    const ActorBand& b = a->data[band];
    const QString who = m.actorName(a->info.actor);
    QString what = TimelineStrings::tr("%1: %2").arg(who, style::StateNames::actor(b.state));
    if (b.state == ActorState::Blocked && b.object != kNoObject)
        what = TimelineStrings::tr("%1: blocked in %2 on %3")
                   .arg(who, QString::fromUtf8(opName(b.op).data()), m.objectName(b.object));
    else if (b.state == ActorState::Computing)
        what = TimelineStrings::tr("%1: computing on core %2").arg(who).arg(b.core);
    else if (b.state == ActorState::Blocked && b.op == Op::AsCompleted)
        what = TimelineStrings::tr("%1: blocked in as_completed until one of its futures is done").arg(who);
    else if (b.state == ActorState::Done && a->info.exited)
        what = exitDescription(m, lane, a->info);
    return TimelineStrings::bandTooltip(m, lane.bands[band], what);
}

QString ActorLanes::processTooltip(const TimelineModel& m, const Lane& lane) const {
    if (const auto* heading = laneAs<ProcessHeading>(lane))
        return TimelineStrings::tr("%1 (pid %2): a process with its own memory; the lanes under it are its threads")
            .arg(lane.name)
            .arg(heading->info.pid);
    const ActorLane* a = asActorLane(lane);
    if (!a || !a->info.processLane || a->info.nested) return {};
    QString text = TimelineStrings::tr("%1 (pid %2): a child process with its own memory").arg(lane.name).arg(a->info.pid);
    if (a->info.exited) text += QLatin1Char('\n') + exitDescription(m, lane, a->info);
    return text;
}

QString ActorLanes::nameTooltip(const TimelineModel& m, const Lane& lane) const {
    return processTooltip(m, lane);
}

QString ActorLanes::rowTooltip(const TimelineModel& m, const Lane& lane, Axis, Pos, std::uint32_t) const {
    return laneAs<ProcessHeading>(lane) ? processTooltip(m, lane) : QString();
}

QString ActorLanes::markTooltip(const TimelineModel& m, const Lane& lane, const Mark& mark) const {
    const ActorLane* a = asActorLane(lane);
    if (a && mark.kind == MarkKind::Exit) return TimelineStrings::markTooltip(m, mark, exitDescription(m, lane, a->info));
    return LaneBuilder::markTooltip(m, lane, mark);
}

QColor ActorLanes::markColour(const Lane& lane, MarkKind kind) const {
    const ActorLane* a = asActorLane(lane);
    if (a && kind == MarkKind::Exit) return style::Palette::exitMark(a->info.exitCode);
    return LaneBuilder::markColour(lane, kind);
}

void ActorLanes::legend(const TimelineModel& m, std::vector<LegendEntry>& out) const {
    using Section = LegendEntry::Section;
    using Swatch = LegendEntry::Swatch;
    for (ActorState s : {ActorState::Running, ActorState::Ready, ActorState::Blocked, ActorState::Sleeping,
                         ActorState::Computing, ActorState::Done})
        if (m.usage().has(s))
            out.push_back({Section::ActorStates, Swatch::Fill, style::Palette::actorState(s), {}, MarkKind::Switch,
                           style::StateNames::actor(s), {}});
    // Cause arrows and critical sections only in runs that have them, so the others keep their legend short.
    if (const TraceModel* tm = m.traceModel()) {
        if (!tm->causalLinks().empty())
            out.push_back({Section::Holders, Swatch::Cause, style::Palette::cause(), {}, MarkKind::Switch,
                           TimelineStrings::causeLegend(), {}});
        // Brackets are drawn for the holds of a Lock or RLock: only when there was one.
        bool locks = false;
        for (ObjectId o = 0; o < tm->objectCount() && !locks; ++o)
            locks = (tm->object(o).kind == ObjectKind::Lock || tm->object(o).kind == ObjectKind::RLock) &&
                    (!tm->holds(o).empty() || !tm->holdsNow(o).empty());
        if (locks)
            out.push_back({Section::Holders, Swatch::Bracket, style::Palette::criticalSection(), {}, MarkKind::Switch,
                           TimelineStrings::criticalSectionLegend(), {}});
    }
    // Processes only in runs that have them: the other runs keep their legend short.
    if (!hasProcesses_) return;
    if (!m.transfers().empty())
        out.push_back({Section::Processes, Swatch::Arrow, style::Palette::transfer(), {}, MarkKind::Switch,
                       TimelineStrings::transferLegend(), {}});
    if (m.usage().failedExit)
        out.push_back({Section::Processes, Swatch::Fill, style::Palette::failedExit(), {}, MarkKind::Switch,
                       TimelineStrings::tr("process ended with an error or a signal"), {}});
    if (m.usage().has(MarkKind::Exit))
        out.push_back({Section::ProcessMarks, Swatch::Mark, {}, {}, MarkKind::Exit,
                       TimelineStrings::markName(MarkKind::Exit), {}});
}

}  // namespace lockstep::timeline
