#pragma once
// Runs a scenario under many schedules and tallies the outcomes (end status and final shared values),
// keeping for each outcome the replay token of the first run that produced it.
//
// Strategies:
//  * dfs: systematic, stateless search over the scheduling decisions (every run starts from scratch and
//    replays a prefix of decisions, then continues without preempting). With partial-order reduction
//    (source-set DPOR with sleep sets, Abdulla, Aronis, Jonsson and Sagonas, POPL 2014) it only tries an
//    alternative at a decision when the run showed two dependent steps of different actors in an order that
//    could be reversed there, so schedules that differ only in the order of independent steps are not run
//    twice. Sleep sets: after an actor's transition was tried at a decision, the later alternatives there
//    keep that actor asleep (not chosen) until something dependent on its transition has run, since every
//    order in which it runs first was tried already; a run whose every candidate sleeps stops early
//    (ExploreResult::sleepBlocked). A preemption bound (Musuvathi and Qadeer, PLDI 2007) limits how many
//    times a run may take the processor from an actor that could go on; under a bound the search keeps no
//    sleep sets, which could hide a schedule within the bound behind an equivalent one beyond it.
//  * random: seeded uniformly random choices at every decision.
//  * pct: probabilistic concurrency testing (see PctPolicy.h).
//
// Dependence between two transitions of different actors (see Footprint.h): both touch one synchronisation
// object or thread object (queries like locked() or is_set() that take no step count as reads of their
// object), or one Shared variable with at least one store, or one thing a library on the engine reports
// (a Python program's globals and objects, Execution::noteTouch) with at least one write, or both draw
// random numbers, or both compute on the virtual cores (bursts compete for cores and the GIL). Printing and
// sleeping alone are independent: the order of printed lines of different threads is not an outcome, and a
// sleep's wake-up time does not depend on what others do at the same instant.
//
// Runs are spread over every core (ExploreOptions::workers): the search itself stays sequential and takes
// each run's report in its own order, while idle workers run ahead the runs it is sure to ask for next
// (RunFarm). Every report is decided by its request, so the outcomes, their order, counts and replay tokens
// are those of a one-core search.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "lockstep/Execution.h"
#include "lockstep/RunConfig.h"
#include "lockstep/RunExecutor.h"
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
    int workers = 0;                     // runs at once, each on a thread of its own; 0: one per core
    // Set from any thread (Ctrl+C, a Cancel button) to stop the search within the run it is in: that run is
    // dropped and the result says cancelled. May be null.
    const std::atomic<bool>* cancel = nullptr;
    // Looks at each run besides its outcome (see RunJudge): runs with different labels are different outcomes.
    // May be empty.
    RunJudge judge;
    // Non-empty: the search stops once a run the judge labelled so is counted (a challenge's first win); the
    // result then says stoppedAtLabel, and is not exhaustive.
    std::string stopAtLabel;
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
    std::string label;                                         // what ExploreOptions::judge said of its runs
    // The lowest step the judge gave a run of this outcome (0: none), and that run's replay token.
    std::uint32_t bestStep = 0;
    std::string bestReplay;
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
    bool stoppedAtLabel = false;     // ExploreOptions::stopAtLabel was reached
    std::uint64_t totalSteps = 0;
    // dfs: runs stopped early because every thread that could go on was asleep (the rest of such a run
    // would only repeat schedules already covered). They count in runs but in no outcome.
    int sleepBlocked = 0;
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
        if (stoppedAtLabel) return Limit::Budget;
        return Limit::None;
    }
};

// The outcome the ended run `run` counts under in a search of its scenario: status, values, errors and key as
// the search's own outcomes have them; count 0, no replay token. Made for a run outside the search, such as the
// one-after-the-other run (oneAfterAnotherConfig) a learner expects without concurrency.
ExploreOutcome exploreOutcomeOf(const Trace& run);
// The index in result.outcomes of the outcome with `key`, or of the one `run` counts under; -1 when no run of the
// search ended that way (a bounded or sampled search may miss it; an exhaustive one says no schedule can).
int findExploreOutcome(const ExploreResult& result, const std::string& key);
int findExploreOutcome(const ExploreResult& result, const Trace& run);

class Explorer {
public:
    explicit Explorer(WorkerPool& pool);
    ~Explorer();
    Explorer(const Explorer&) = delete;
    Explorer& operator=(const Explorer&) = delete;

    // How each run is made: by default an Execution of `body` on a pool of this process; a learner's program
    // passes the runner's (each run a process of its own). The explorer reads only the run's trace and its facts.
    void useOpener(OpenRun open) { open_ = std::move(open); }

    // `progress` is called after each run with the number done; returning false stops early (cancelled).
    // The runs execute `body` in this process: on `pool` with one worker; with several, on pools of the
    // Explorer's own, one pinned to each core.
    ExploreResult explore(const std::string& scenarioId, const std::function<void()>& body, RunConfig base,
                          const ExploreOptions& options, const std::function<bool(int)>& progress = {});
    // The same with the runs carried out by executors from `executors` (one per worker).
    ExploreResult explore(const std::string& scenarioId, const RunExecutorFactory& executors, RunConfig base,
                          const ExploreOptions& options, const std::function<bool(int)>& progress = {});
    // The random strategy with seeds firstSeed, firstSeed+1, ...
    ExploreResult exploreRandom(const std::string& scenarioId, const std::function<void()>& body, RunConfig base,
                                int runs, std::uint64_t firstSeed,
                                const std::function<bool(int)>& progress = {});

    // The number of workers ExploreOptions::workers = 0 stands for: the machine's hardware threads.
    static int defaultWorkers();

private:
    WorkerPool& pool_;
    // The pools of a search on several workers, one per worker, each pinned to a core: kept between searches,
    // so their threads are made once.
    std::vector<std::unique_ptr<WorkerPool>> ownPools_;
    OpenRun open_;
};

}  // namespace lockstep
