#include "lockstep/Policy.h"

#include "lockstep/CooperativePolicy.h"
#include "lockstep/ManualPolicy.h"
#include "lockstep/RandomPolicy.h"
#include "lockstep/RoundRobinPolicy.h"

namespace lockstep {

std::unique_ptr<Policy> makePolicy(PolicyKind kind, std::uint64_t seed) {
    switch (kind) {
        case PolicyKind::RoundRobin: return std::make_unique<RoundRobinPolicy>();
        case PolicyKind::Random: return std::make_unique<RandomPolicy>(seed);
        case PolicyKind::Cooperative: return std::make_unique<CooperativePolicy>();
        case PolicyKind::Manual: return std::make_unique<ManualPolicy>();
    }
    return std::make_unique<RoundRobinPolicy>();
}

std::string policyName(PolicyKind kind) {
    switch (kind) {
        case PolicyKind::RoundRobin: return "rr";
        case PolicyKind::Random: return "random";
        case PolicyKind::Cooperative: return "coop";
        case PolicyKind::Manual: return "manual";
    }
    return "rr";
}

bool parsePolicyName(const std::string& text, PolicyKind& out) {
    if (text == "rr" || text == "round-robin") out = PolicyKind::RoundRobin;
    else if (text == "random") out = PolicyKind::Random;
    else if (text == "coop" || text == "cooperative" || text == "fifo") out = PolicyKind::Cooperative;
    else if (text == "manual") out = PolicyKind::Manual;
    else return false;
    return true;
}

}  // namespace lockstep
