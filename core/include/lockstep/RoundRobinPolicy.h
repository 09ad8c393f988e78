#pragma once

#include "lockstep/Policy.h"

namespace lockstep {

// Preemptive round-robin: the running actor goes on until it blocks, sleeps, yields, ends or uses up its
// quantum of CPU time while another actor waits for a core; then the actor that has been ready longest runs.
class RoundRobinPolicy final : public Policy {
public:
    ActorId pick(const DecisionContext& ctx) override { return ctx.candidates.front(); }
    bool preemptive() const override { return true; }
    PolicyKind kind() const override { return PolicyKind::RoundRobin; }
};

}  // namespace lockstep
