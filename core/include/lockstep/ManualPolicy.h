#pragma once

#include "lockstep/Policy.h"

namespace lockstep {

// Manual: every decision with more than one candidate is taken by an external chooser (the user in the
// window, or a --schedule list on the command line). The engine pauses and asks when this returns kNoActor.
class ManualPolicy final : public Policy {
public:
    ActorId pick(const DecisionContext& ctx) override {
        return ctx.candidates.size() == 1 ? ctx.candidates.front() : kNoActor;
    }
    bool preemptive() const override { return true; }
    PolicyKind kind() const override { return PolicyKind::Manual; }
};

}  // namespace lockstep
