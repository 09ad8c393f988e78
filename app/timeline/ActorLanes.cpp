#include "timeline/ActorLanes.h"

#include <algorithm>

namespace lockstep::timeline {

namespace {

Band bandOf(const StateInterval& s, ActorId actor, const DeadlockCycle* cycle) {
    Band b;
    b.beginStep = s.beginStep;
    b.endStep = s.endStep;
    b.begin = s.begin;
    b.end = s.end;
    b.object = s.object;
    b.actor = actor;
    b.state = s.state;
    b.op = s.op;
    b.core = s.core;
    // The blocked interval during which the cycle closed is the one to highlight.
    if (cycle && s.state == ActorState::Blocked && s.endStep > cycle->step)
        for (std::size_t i = 0; i < cycle->actors.size() && i < cycle->objects.size(); ++i)
            if (cycle->actors[i] == actor && cycle->objects[i] == s.object) b.highlight = true;
    return b;
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
        Lane lane;
        lane.kind = LaneKind::Actor;
        lane.name = c.actorNames[a];
        lane.actor = ActorId(a);
        lane.inCycle = c.actorInCycle(ActorId(a));
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
            Lane& lane = c.lanes[std::size_t(actorLane_[a])];
            lane.pid = info.pid;
            lane.processLane = info.kind == ActorKind::Process;
        }
        for (std::size_t g = 0; g < groups_.size(); ++g) {
            ProcessGroup& group = groups_[g];
            const ActorId first = group.actors.front();
            if (group.actors.size() == 1 && m.actor(first).kind == ActorKind::Process) continue;
            Lane header;
            header.kind = LaneKind::Process;
            header.pid = pids[g];
            // Python's name of the scheduler's process; a child's is its Process actor's.
            header.name = QStringLiteral("MainProcess");
            for (ActorId a : group.actors)
                if (m.actor(a).kind == ActorKind::Process) header.name = c.actorNames[a];
            for (ActorId a : group.actors) c.lanes[std::size_t(actorLane_[a])].nested = true;
            group.header = c.addLane(std::move(header));
        }
    }
    for (int core = 0; core < m.coresUsed(); ++core) {
        Lane lane;
        lane.kind = LaneKind::Core;
        lane.index = core;
        lane.name = QStringLiteral("core %1").arg(core);
        coreLane_.push_back(c.addLane(std::move(lane)));
        tails_.track(coreLane_.back());
    }
    update(c);
}

bool ActorLanes::outgrown(const TraceModel& m) const {
    return m.actorCount() != actorCount_ || std::size_t(m.coresUsed()) != coreLane_.size();
}

void ActorLanes::addClosed(LaneContext& c, ActorId a, const StateInterval& s) {
    const Band b = bandOf(s, a, c.cycle);
    c.lanes[std::size_t(actorLane_[a])].bands.push_back(b);
    if (s.state == ActorState::Computing && s.core < coreLane_.size())
        c.lanes[std::size_t(coreLane_[s.core])].bands.push_back(b);
}

void ActorLanes::update(LaneContext& c) {
    const TraceModel& m = c.model;
    tails_.dropTails(c.lanes);
    for (std::size_t a = 0; a < actorCount_; ++a) {
        const auto& closed = m.actorStates(ActorId(a));
        for (; seen_[a] < closed.size(); ++seen_[a]) addClosed(c, ActorId(a), closed[seen_[a]]);
    }
    tails_.settle(c.lanes);
    for (std::size_t a = 0; a < actorCount_; ++a) addClosed(c, ActorId(a), m.actorStateNow(ActorId(a)));
    if (hasProcesses_) readProcesses(c);
    tails_.finish(c.lanes);
}

// How each child process ended, and the signal terminate() or kill() sent it, from its Process object.
void ActorLanes::readProcesses(LaneContext& c) {
    const RunState& head = c.model.head();
    for (ObjectId o : head.created()) {
        if (head.kind(o) != ObjectKind::Process) continue;
        const ObjectNow& p = head.object(o);
        const int lane = actorLane(p.actor);
        if (lane < 0) continue;
        Lane& l = c.lanes[std::size_t(lane)];
        l.exited = p.exited;
        l.exitCode = p.exitCode;
        l.signal = p.signal;
        l.signalledBy = p.signalledBy;
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

}  // namespace lockstep::timeline
