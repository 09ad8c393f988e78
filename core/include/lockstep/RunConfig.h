#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "lockstep/Policy.h"
#include "lockstep/Types.h"

namespace lockstep {

// Everything that, with the scenario, determines a run. Two runs with equal configs give identical traces.
struct RunConfig {
    PolicyKind policy = PolicyKind::RoundRobin;
    std::uint64_t seed = 1;
    int cores = 1;                         // virtual cores, 1..8
    bool gil = false;                      // model CPython's global interpreter lock
    Nanos quantum = 10'000'000;            // round-robin time slice for CPU bursts (10 ms)
    Nanos switchInterval = 5'000'000;      // GIL switch interval (5 ms, as sys.getswitchinterval())
    std::uint32_t maxSteps = 1'000'000;    // the run ends with status step-limit after this many steps
    std::vector<std::pair<std::string, std::int64_t>> params;  // scenario parameters
    // Forced choices, one per decision that has more than one candidate, by actor name or number; after the
    // list the policy decides (manual: the cooperative rule on the command line, the user in the window).
    std::vector<std::string> schedule;

    static constexpr int kMaxCores = 8;
};

}  // namespace lockstep
