#pragma once

#include <cstdint>

#include "lockstep/Policy.h"
#include "lockstep/SplitMix64.h"

namespace lockstep {

// Seeded random: at every scheduling point any candidate may run next, the current actor included.
class RandomPolicy final : public Policy {
public:
    explicit RandomPolicy(std::uint64_t seed) : rng_(seed) {}
    ActorId pick(const DecisionContext& ctx) override {
        return ctx.candidates[rng_.below(static_cast<std::uint32_t>(ctx.candidates.size()))];
    }
    bool preemptive() const override { return true; }
    PolicyKind kind() const override { return PolicyKind::Random; }

private:
    SplitMix64 rng_;
};

}  // namespace lockstep
