#pragma once
// PCT, probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010): every
// actor gets a random priority and the highest-priority candidate always runs; at d-1 randomly drawn
// decisions the actor that just ran drops below every initial priority. A bug that needs d ordering
// constraints among n actors and k steps is then found by one run with probability at least 1/(n k^(d-1)),
// which makes it the random strategy of choice for large scenarios where uniform random choices at every
// step almost never produce the one unlikely interleaving.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "lockstep/Policy.h"
#include "lockstep/SplitMix64.h"

namespace lockstep {

class PctPolicy final : public Policy {
public:
    // depth: d (1 = no priority changes); expectedDecisions: k, the number of decisions a run is expected
    // to take (change points are drawn in 1..k).
    PctPolicy(std::uint64_t seed, int depth, std::uint32_t expectedDecisions) : rng_(seed), depth_(std::max(depth, 1)) {
        const std::uint32_t k = std::max<std::uint32_t>(expectedDecisions, 1);
        for (int i = 1; i < depth_; ++i) changePoints_.push_back(1 + rng_.below(k));
    }

    ActorId pick(const DecisionContext& ctx) override {
        ++decisions_;
        // Change point i (1-based) gives the actor that just ran priority i, below all initial ones (>= d).
        for (std::size_t i = 0; i < changePoints_.size(); ++i)
            if (changePoints_[i] == decisions_ && ctx.current != kNoActor)
                priorityOf(ctx.current) = static_cast<double>(i + 1);
        ActorId best = ctx.candidates.front();
        double bestPriority = -1;
        for (ActorId a : ctx.candidates) {
            const double p = priorityOf(a);
            if (p > bestPriority) {
                bestPriority = p;
                best = a;
            }
        }
        return best;
    }
    bool preemptive() const override { return true; }
    PolicyKind kind() const override { return PolicyKind::Random; }

private:
    // Actors appear as the run spawns them; each gets a random initial priority in [d, d+1) when first seen.
    double& priorityOf(ActorId a) {
        if (a >= priorities_.size()) priorities_.resize(a + 1, -1.0);
        double& p = priorities_[a];
        if (p < 0) p = depth_ + static_cast<double>(rng_.next() >> 11) * 0x1.0p-53;
        return p;
    }

    SplitMix64 rng_;
    int depth_;
    std::vector<std::uint32_t> changePoints_;
    std::vector<double> priorities_;
    std::uint32_t decisions_ = 0;
};

}  // namespace lockstep
