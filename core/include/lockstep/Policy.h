#pragma once
// A scheduling policy decides which ready actor holds the baton next. Each policy is one small class.

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "lockstep/Types.h"

namespace lockstep {

struct DecisionContext {
    // Actors that could run next, in the order the engine offers them: the current actor first when it
    // can go on and did not yield, then the others in the order they became ready (oldest first), then the
    // current actor when it yielded.
    std::span<const ActorId> candidates;
    ActorId current = kNoActor;  // the actor that just ran (it may be blocked or finished)
    bool currentRunnable = false;
    bool yielding = false;
    std::uint32_t step = 0;
    // How many random.randint draws the run has made so far. The draws come from one generator in execution
    // order, so two steps that both draw are dependent: the explorer reads this to see which steps drew.
    std::uint64_t randomDraws = 0;
};

enum class PolicyKind : std::uint8_t { RoundRobin, Random, Cooperative, Manual };

class Policy {
public:
    virtual ~Policy() = default;
    // Returns one of ctx.candidates, or kNoActor when the choice must come from outside (manual).
    virtual ActorId pick(const DecisionContext& ctx) = 0;
    // Whether CPU bursts lose their core at quantum boundaries when others wait for one.
    virtual bool preemptive() const = 0;
    virtual PolicyKind kind() const = 0;
    // Whether the run should record what a library on the engine touches (RunSession::touches): the
    // explorer's depth-first runs do, for their footprints.
    virtual bool wantsTouches() const { return false; }
};

std::unique_ptr<Policy> makePolicy(PolicyKind kind, std::uint64_t seed);
std::string policyName(PolicyKind kind);
bool parsePolicyName(const std::string& text, PolicyKind& out);

}  // namespace lockstep
