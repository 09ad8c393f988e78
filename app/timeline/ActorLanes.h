#pragma once
// Thread and process lanes, and the virtual cores'. One lane per actor with its states (running, ready, blocked
// on what, sleeping, computing, done; the blocked interval in which a deadlock cycle closed is highlighted),
// under a Process heading per process when the run has child processes (a child with one actor needs none: its
// lane is the process, ending with its exit code). One lane per virtual core some CPU burst ran on, with the
// bursts of every actor on it.

#include "timeline/LaneBuilder.h"

namespace lockstep::timeline {

class ActorLanes final : public LaneBuilder {
public:
    void build(LaneContext& c) override;
    bool outgrown(const TraceModel& model) const override;
    void update(LaneContext& c) override;
    void rows(std::vector<int>& out) const override;

    int actorLane(ActorId a) const { return a < actorLane_.size() ? actorLane_[a] : -1; }
    bool hasProcesses() const { return hasProcesses_; }
    // The lanes an event loop's actor shows under it (set by the task lanes' family).
    void setLoopLanes(const std::vector<int>* loopLanes) { loopLanes_ = loopLanes; }
    // Core rows come with the fixed sections, after the tasks.
    void coreRows(std::vector<int>& out) const { out.insert(out.end(), coreLane_.begin(), coreLane_.end()); }

private:
    void addClosed(LaneContext& c, ActorId a, const StateInterval& s);
    void readProcesses(LaneContext& c);

    struct ProcessGroup {
        int header = -1;  // -1: a child process with one actor, whose own lane stands for the process
        std::vector<ActorId> actors;
    };
    std::vector<int> actorLane_;          // by actor
    std::vector<std::size_t> seen_;       // by actor: closed intervals read
    std::vector<int> coreLane_;           // by core
    std::vector<ProcessGroup> groups_;
    bool hasProcesses_ = false;
    std::size_t actorCount_ = 0;
    const std::vector<int>* loopLanes_ = nullptr;
    TailedLanes tails_;
};

}  // namespace lockstep::timeline
