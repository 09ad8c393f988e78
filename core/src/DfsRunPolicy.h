#pragma once
// The policy of one depth-first run (RunRequest::Driver::Dfs): replays the request's prefix of choices, then
// goes on without preempting (the current actor while it can, else the longest-ready one), passing over
// sleeping actors. It writes one RunReport::Step per decision and, when asked, the footprint of each
// transition: the events the chosen actor recorded up to the next decision, the silent reads and foreign
// touches it made, and whether it drew random numbers.

#include <cstdint>
#include <vector>

#include "lockstep/Policy.h"
#include "lockstep/RunExecutor.h"

namespace lockstep {

class RunSession;
class Trace;

class DfsRunPolicy final : public Policy {
public:
    DfsRunPolicy(const RunRequest& request, const Trace& trace, RunReport& report);
    // The run it decides for (its silent reads and touches): set before the run's first decision.
    void setRun(const RunSession& run) { run_ = &run; }

    // Returns kNoActor (the engine then waits for a choice from outside) when every candidate sleeps.
    ActorId pick(const DecisionContext& ctx) override;
    bool preemptive() const override { return true; }  // as round-robin, so replay tokens reproduce the run
    PolicyKind kind() const override { return PolicyKind::RoundRobin; }
    bool wantsTouches() const override { return request_.footprints; }

    // After the run ended: the last transition's footprint (it ends at the end of the run).
    void finish(std::uint64_t finalDraws);

private:
    void closeTransition(std::size_t k, std::uint64_t drawsNow);

    const RunRequest& request_;
    const RunSession* run_ = nullptr;
    const Trace& trace_;
    RunReport& report_;
    std::vector<SleepingActor> sleep_;
    std::vector<std::size_t> eventBegin_;    // per decision: the first event of the transition it chose
    std::vector<std::uint64_t> drawsBefore_;  // per decision: random draws made before that transition
    std::size_t silentCursor_ = 0;
    std::size_t touchCursor_ = 0;
    bool closedLast_ = false;
};

}  // namespace lockstep
