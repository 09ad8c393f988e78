#pragma once
// Runs a scenario under many schedules and tallies the outcomes (end status and final shared values),
// keeping for each outcome the replay token of the first run that produced it.
//
// Strategies:
//  * dfs: systematic, stateless search over the scheduling decisions (every run starts from scratch and
//    replays a prefix of decisions, then continues without preempting). With partial-order reduction
//    (source-set DPOR, Abdulla, Aronis, Jonsson and Sagonas, POPL 2014) it only tries an alternative at a
//    decision when the run showed two dependent steps of different actors in an order that could be
//    reversed there, so schedules that differ only in the order of independent steps are not run twice.
//    A preemption bound (Musuvathi and Qadeer, PLDI 2007) limits how many times a run may take the processor
//    from an actor that could go on.
//  * random: seeded uniformly random choices at every decision.
//  * pct: probabilistic concurrency testing (see PctPolicy.h).
//
// Dependence between two steps of different actors: both touch one synchronisation object or thread object
// (queries like locked() or is_set() that take no step count as reads of their object), or one Shared
// variable with at least one store, or both draw random numbers, or both compute on the virtual cores
// (bursts compete for cores and the GIL). Printing and sleeping alone are independent: the
// order of printed lines of different threads is not an outcome, and a sleep's wake-up time does not
// depend on what others do at the same instant.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "lockstep/Execution.h"
#include "lockstep/RunConfig.h"
#include "lockstep/WorkerPool.h"

namespace lockstep {

enum class ExploreStrategy : std::uint8_t { Dfs, Random, Pct };
std::string exploreStrategyName(ExploreStrategy s);
bool parseExploreStrategy(const std::string& text, ExploreStrategy& out);

struct ExploreOptions {
    ExploreStrategy strategy = ExploreStrategy::Dfs;
    int maxRuns = 1000;                  // the budget: at most this many runs
    std::uint64_t seed = 1;              // random: seed of the first run (then +1 per run); pct: the generator's
    int maxPreemptions = -1;             // dfs: the preemption bound; negative: no bound
    bool partialOrderReduction = true;   // dfs: off means every alternative at every decision (plain DFS)
    int pctDepth = 3;                    // pct: d, the number of ordering constraints it aims at
    // Set from any thread (Ctrl+C, a Cancel button) to stop the search within the run it is in: that run is
    // dropped and the result says cancelled. May be null.
    const std::atomic<bool>* cancel = nullptr;
};

// A thread (or process) that an exception ended: which one, and the exception's type ("ValueError").
struct UncaughtError {
    std::string thread;
    std::string type;
    bool operator==(const UncaughtError&) const = default;
};

struct ExploreOutcome {
    RunStatus status = RunStatus::Finished;
    std::vector<std::pair<std::string, std::string>> shared;  // name -> final value, sorted by name
    std::vector<bool> numeric;                                 // per entry of shared
    // The uncaught exceptions of the run, sorted by thread: "finished" and "finished, MainThread died of a
    // ValueError" are different outcomes. Only the type counts; a message may carry a value that varies.
    std::vector<UncaughtError> uncaught;
    std::string key;                                           // status, values and errors, for grouping
    int count = 0;
    int firstRun = 0;                                          // 1-based number of the first run with it
    std::uint64_t seed = 0;                                    // random: that run's seed
    std::string replay;                                        // its replay token
};

struct ExploreResult {
    ExploreStrategy strategy = ExploreStrategy::Random;
    int runs = 0;
    bool cancelled = false;
    // dfs only: every schedule (up to the reduction's equivalence) was run. False when the budget, the
    // preemption bound or a run's step limit cut the search short.
    bool exhaustive = false;
    bool budgetReached = false;      // stopped at maxRuns with work left
    bool boundReached = false;       // dfs: the preemption bound skipped alternatives
    bool stepLimitReached = false;   // some run ended at its step limit or its trace's capacity
    std::uint64_t totalSteps = 0;
    std::string error;               // non-empty: the search stopped because the scenario misbehaved
    std::vector<ExploreOutcome> outcomes;  // in order of first appearance

    // Why the outcomes are not known to be all of them (the first reason that applies), for the command
    // line and the window to put in words.
    enum class Limit : std::uint8_t { None, Sampling, Error, Cancelled, Budget, Bound, StepLimit };
    Limit limit() const {
        if (strategy != ExploreStrategy::Dfs) return Limit::Sampling;
        if (!error.empty()) return Limit::Error;
        if (cancelled) return Limit::Cancelled;
        if (budgetReached) return Limit::Budget;
        if (boundReached) return Limit::Bound;
        if (stepLimitReached) return Limit::StepLimit;
        return Limit::None;
    }
};

class Explorer {
public:
    explicit Explorer(WorkerPool& pool) : pool_(pool) {}
    // How each run is made: by default an Execution of `body` on the pool; a learner's program passes the
    // runner's (each run a process of its own). The explorer reads only the run's trace and its facts.
    void useOpener(OpenRun open) { open_ = std::move(open); }
    // `progress` is called after each run with the number done; returning false stops early (cancelled).
    ExploreResult explore(const std::string& scenarioId, const std::function<void()>& body, RunConfig base,
                          const ExploreOptions& options, const std::function<bool(int)>& progress = {});
    // The random strategy with seeds firstSeed, firstSeed+1, ...
    ExploreResult exploreRandom(const std::string& scenarioId, const std::function<void()>& body, RunConfig base,
                                int runs, std::uint64_t firstSeed,
                                const std::function<bool(int)>& progress = {});

private:
    ExploreResult exploreDfs(const std::string& scenarioId, const std::function<void()>& body,
                             const RunConfig& base, const ExploreOptions& options,
                             const std::function<bool(int)>& progress);
    void tally(ExploreResult& result, const std::string& scenarioId, const RunConfig& config);
    std::unique_ptr<RunSession> openRun(const std::function<void()>& body, const RunConfig& config,
                                        std::unique_ptr<Policy> policy);

    WorkerPool& pool_;
    Trace trace_;  // reused: its chunks stay allocated between runs
    OpenRun open_;
};

}  // namespace lockstep
