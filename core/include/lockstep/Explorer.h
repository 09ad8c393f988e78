#pragma once
// Runs a scenario under many seeded random schedules and tallies the outcomes (end status and final shared
// values), keeping for each outcome the replay token of the first run that produced it.

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "lockstep/Execution.h"
#include "lockstep/RunConfig.h"
#include "lockstep/WorkerPool.h"

namespace lockstep {

struct ExploreOutcome {
    RunStatus status = RunStatus::Finished;
    std::vector<std::pair<std::string, std::string>> shared;  // name -> final value, sorted by name
    std::vector<bool> numeric;                                 // per entry of shared
    std::string key;                                           // status and values, for grouping
    int count = 0;
    std::uint64_t seed = 0;                                    // seed of the first run with this outcome
    std::string replay;                                        // its replay token
};

struct ExploreResult {
    int runs = 0;
    bool cancelled = false;
    std::vector<ExploreOutcome> outcomes;  // in order of first appearance
};

class Explorer {
public:
    explicit Explorer(WorkerPool& pool) : pool_(pool) {}
    // Runs `runs` schedules with seeds firstSeed, firstSeed+1, ... under the random policy. `progress` is
    // called after each run with the number done; returning false stops early (cancelled = true).
    ExploreResult exploreRandom(const std::string& scenarioId, const std::function<void()>& body, RunConfig base,
                                int runs, std::uint64_t firstSeed,
                                const std::function<bool(int)>& progress = {});

private:
    WorkerPool& pool_;
    Trace trace_;  // reused: its chunks stay allocated between runs
};

}  // namespace lockstep
