#pragma once

#include "lockstep/Policy.h"

namespace lockstep {

// Cooperative (FIFO): a switch happens only when the running actor blocks, sleeps, yields or ends; a CPU
// burst is never preempted.
class CooperativePolicy final : public Policy {
public:
    ActorId pick(const DecisionContext& ctx) override { return ctx.candidates.front(); }
    bool preemptive() const override { return false; }
    PolicyKind kind() const override { return PolicyKind::Cooperative; }
};

}  // namespace lockstep
