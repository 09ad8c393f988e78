#pragma once
// One run of an exploration, asked for and answered in plain data: what the Explorer hands to whoever runs
// its schedules. The Explorer (the coordinator) decides which runs to make and in which order; executors
// carry them out, several at once on as many worker threads, each executor with its own engine state (worker
// pool, trace). Because a request says everything that decides its run, the same request gives the same
// report on any executor, in this process or another one: that is what lets the Explorer run requests ahead
// of time on spare cores and still produce exactly the results of a one-core search.
//
// LocalRunExecutor drives each run from this process: by default an Execution of the scenario's body here, or
// whatever RunSession an OpenRun makes (a learner's program: a child of the runner process, see
// lockstep::python). Another kind of executor only has to implement execute() and interrupt(): requests and
// reports hold nothing but numbers, strings and vectors of them.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "lockstep/Footprint.h"
#include "lockstep/RunConfig.h"
#include "lockstep/RunSession.h"
#include "lockstep/Trace.h"
#include "lockstep/Types.h"

namespace lockstep {

class WorkerPool;

// A thread (or process) that an exception ended: which one, and the exception's type ("ValueError").
struct UncaughtError {
    std::string thread;
    std::string type;
    bool operator==(const UncaughtError&) const = default;
};

// An actor asleep in the depth-first search (see Explorer.h): its next transition is known and need not be
// tried before something dependent on it has happened.
struct SleepingActor {
    ActorId actor = kNoActor;
    Footprint next;  // what its next transition touches
    bool operator==(const SleepingActor&) const = default;
};

struct RunRequest {
    // Who decides at each scheduling decision.
    enum class Driver : std::uint8_t {
        Config,  // the policy named by config.policy, seeded with config.seed (the random strategy)
        Pct,     // PctPolicy(config.seed, pctDepth, pctExpectedDecisions)
        Dfs,     // replay `prefix`, then go on without preempting (see Explorer.h)
    };
    RunConfig config;  // scenario parameters, cores, GIL, step limit, seed; config.schedule is ignored
    Driver driver = Driver::Config;
    int pctDepth = 3;
    std::uint32_t pctExpectedDecisions = 0;
    // Dfs: the actor chosen at each of the first prefix.size() decisions (every decision counts, also those
    // with one candidate). After them the current actor goes on while it can, else the longest-ready one;
    // actors in `sleep` are passed over until a transition dependent on theirs wakes them, and a run whose
    // every candidate sleeps stops there (report.sleepBlocked).
    std::vector<ActorId> prefix;
    std::vector<SleepingActor> sleep;  // sorted by actor; applies from the transition of the last prefix choice on
    bool footprints = false;           // Dfs: report what each transition touched

    // Whether two requests of one exploration (same scenario and base config) ask for the same run.
    bool sameRun(const RunRequest& o) const {
        return driver == o.driver && config.seed == o.config.seed && config.policy == o.config.policy &&
               pctDepth == o.pctDepth && pctExpectedDecisions == o.pctExpectedDecisions && prefix == o.prefix &&
               sleep == o.sleep && footprints == o.footprints;
    }
};

struct RunReport {
    RunStatus status = RunStatus::Aborted;
    std::uint32_t steps = 0;
    struct Value {
        std::string name;
        std::string text;
        bool numeric = false;
    };
    std::vector<Value> shared;        // final values of the shared variables, as the trace lists them
    std::vector<UncaughtError> uncaught;  // the threads an exception ended, sorted by thread
    std::vector<Decision> decisions;  // the decisions with a choice, for the replay token

    // Dfs: one entry per scheduling decision the run took, in order.
    struct Step {
        std::vector<ActorId> candidates;
        ActorId current = kNoActor;
        bool currentCanGoOn = false;   // choosing another actor is a preemption
        ActorId chosen = kNoActor;
        std::vector<SleepingActor> sleep;  // asleep at this decision (only after the prefix)
        Footprint footprint;               // the chosen actor's transition that follows (if asked for)
    };
    std::vector<Step> path;
    bool diverged = false;      // a prefix choice was not among the candidates: the scenario is not repeatable
    bool sleepBlocked = false;  // Dfs: stopped early, every candidate was asleep (the run repeats others)
    bool interrupted = false;   // interrupt() or the cancel flag stopped it; the report means nothing
    // What a RunJudge said of the run (see ExploreOptions::judge).
    std::string label;
    std::uint32_t labelStep = 0;
};

// A look at each ended run of a search beyond its outcome: `label` joins the run's outcome key, so runs it tells
// apart count apart (`lockstep check`: which expectations a run broke), and `step` ranks the runs of one outcome
// (0: none), the lowest kept with its replay token (the step a challenge's goal was reached at: the shortest win).
struct RunJudgement {
    std::string label;
    std::uint32_t step = 0;
};
// Called on the thread that carried out the run, several at once: it must only read the trace and its own
// immutable state.
using RunJudge = std::function<RunJudgement(const Trace&)>;

// Fills how the ended `trace` came out: status, steps, final shared values, uncaught errors and decisions. What
// an executor reports of each run, and what a search compares another run with (exploreOutcomeOf).
void reportEnding(const Trace& trace, RunReport& report);

class RunExecutor {
public:
    virtual ~RunExecutor() = default;
    // Runs one request to its end and reports it. One call at a time per executor.
    virtual RunReport execute(const RunRequest& request) = 0;
    // Makes the execute() in progress (and every later one) return soon with report.interrupted set. Any
    // thread may call it.
    virtual void interrupt() = 0;
};

// Makes the executor of worker `index` (0 is the thread that called Explorer::explore).
using RunExecutorFactory = std::function<std::unique_ptr<RunExecutor>(int index)>;

// Runs requests from this process: each an Execution of `body` with real OS threads from `pool`, or, with
// `open`, the run it opens. `cancel` (may be null), once set, stops the run in progress within a few hundred
// steps, and every later one at once, each reported as interrupted.
class LocalRunExecutor final : public RunExecutor {
public:
    LocalRunExecutor(WorkerPool& pool, std::function<void()> body, OpenRun open = {},
                     const std::atomic<bool>* cancel = nullptr, RunJudge judge = {});
    ~LocalRunExecutor() override;
    RunReport execute(const RunRequest& request) override;
    void interrupt() override;

private:
    WorkerPool& pool_;
    std::function<void()> body_;
    OpenRun open_;
    const std::atomic<bool>* cancel_;
    RunJudge judge_;
    Trace trace_;  // reused: its chunks stay allocated between runs
    std::atomic<bool> interrupted_{false};
    std::mutex currentMutex_;
    RunSession* current_ = nullptr;  // the run in progress, for interrupt()
};

}  // namespace lockstep
