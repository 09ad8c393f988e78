#pragma once
// Running one scenario under several settings and comparing how long each took: the thread count (the
// scenario's `threads` parameter), the GIL on or off, and the number of virtual cores. Each setting is an
// independent Execution on the caller's WorkerPool, run to its end one after the other; the numbers come
// from its trace. No Qt here: the window's chart and the command line's table share these numbers.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lockstep/RunConfig.h"
#include "lockstep/Trace.h"
#include "lockstep/WorkerPool.h"
#include "lockstep/scenarios/Scenario.h"

namespace lockstep::scenarios {

// The parameter a comparison varies as its thread count.
inline constexpr const char* kThreadsParam = "threads";
// A setting's thread count for a program: the threads it starts itself.
inline constexpr int kProgramsOwnThreads = 0;

struct CompareSetting {
    // The scenario's `threads` parameter; kProgramsOwnThreads for a learner's program, which starts the
    // threads it starts.
    int threads = 1;
    bool gil = false;
    int cores = 1;
    bool operator==(const CompareSetting&) const = default;
};

struct CompareResult {
    CompareSetting setting;
    RunStatus status = RunStatus::Running;
    Nanos elapsed = 0;              // virtual time at the end of the run
    std::vector<Nanos> coreBusy;    // per virtual core: the time a thread computed on it
    Nanos cpuTime = 0;              // the sum of coreBusy
    // Summed over every thread: time it had CPU work to do but was not computing. With the GIL on, one
    // thread computes at a time and the others always have a free core, so all of it is waiting for the
    // GIL; without the GIL it is waiting for a core.
    Nanos gilWait = 0;
    Nanos coreWait = 0;
    int gilHandovers = 0;           // times the GIL passed to a waiting thread at the end of a switch interval
};

// Whether the scenario takes a `threads` parameter a comparison can vary, or is a learner's program (whose
// runs vary only the GIL and the cores).
bool canCompare(const Scenario& scenario);
bool variesThreads(const Scenario& scenario);
// Whether the window offers the comparison chart for this scenario (the scenarios about the GIL, and
// learners' programs, whose CPU time makes the GIL matter).
bool offersComparison(const Scenario& scenario);
// 1, 2 and 4 threads x GIL on and off x 1 and 4 cores, in that nesting order (threads outermost).
std::vector<CompareSetting> standardGrid();
// What the window compares for `scenario`: the standard grid, or for a program its own threads x GIL on and
// off x 1 and 2 cores (with the GIL off, 2 cores show what a free-threaded Python gives).
std::vector<CompareSetting> standardGrid(const Scenario& scenario);
// The grid of every combination, threads outermost, then GIL (on first), then cores.
std::vector<CompareSetting> grid(const std::vector<int>& threads, const std::vector<bool>& gil,
                                 const std::vector<int>& cores);

// The numbers of one finished run.
CompareResult measure(const Trace& trace, const CompareSetting& setting);

// Runs `scenario` once per setting: `base` gives the policy, seed, quantum, switch interval, step limit and
// the other parameters; the setting overrides threads, gil and cores. Stops early, returning the results
// so far, when `cancel` becomes true (it is checked every few hundred steps). `progress` (may be empty) is
// called after each run with the number done.
std::vector<CompareResult> compare(WorkerPool& pool, const Scenario& scenario, const RunConfig& base,
                                   const std::vector<CompareSetting>& settings,
                                   const std::atomic<bool>* cancel = nullptr,
                                   const std::function<void(std::size_t done)>& progress = {});

// The result whose setting has one thread and the same GIL and cores (for a program: the GIL on and one core,
// CPython on one core), or nullptr: the baseline a speed-up is measured against.
const CompareResult* singleThreadBaseline(const std::vector<CompareResult>& results, const CompareSetting& setting);

}  // namespace lockstep::scenarios
