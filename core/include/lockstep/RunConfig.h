#pragma once

#include <cstddef>
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
    // The run ends with status trace-limit once its trace holds this many events (at most kMaxEvents). Not
    // a setting a user gives: every run gets the whole capacity; tests lower it to reach the limit quickly.
    std::size_t maxEvents = kMaxEvents;
    std::vector<std::pair<std::string, std::int64_t>> params;  // scenario parameters
    // Forced choices, one per decision that has more than one candidate, by actor name or number; after the
    // list the policy decides (manual: the cooperative rule on the command line, the user in the window).
    std::vector<std::string> schedule;
    // One after the other: a thread runs only once every thread started before it has ended (its own
    // ancestors and daemon threads aside), so each runs to completion in start order. Not a user setting: it is
    // how the verdict computes the outcome a run is compared with (lockstep/Verdict.h). A thread that waits
    // for one started after it leaves the run stuck, which the verdict reports as no comparison possible.
    bool oneAfterAnother = false;

    static constexpr int kMaxCores = 8;
    // What a trace may hold: 32 Mi events of 24 bytes, 768 MB. A run is meant to fit in the memory of a
    // learner's machine, with room left for the window's views of it.
    static constexpr std::size_t kMaxEvents = std::size_t{32} << 20;
    // Bounds on what a user may ask for (lockstep::scenarios' validation checks every source of a run
    // against them). A step records at least one event and usually two or three, so ten million steps is
    // about as long a run as the trace can hold; a quantum or GIL switch interval below a microsecond would
    // cut CPU bursts into more slices (each a few events) than any trace could hold.
    static constexpr std::uint32_t kMaxStepLimit = 10'000'000;
    static constexpr Nanos kMinQuantum = 1'000;               // 1 us
    static constexpr Nanos kMaxQuantum = 10'000'000'000;      // 10 s
};

}  // namespace lockstep
