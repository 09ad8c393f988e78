#pragma once
// Runs a scenario (or a learner's program) the way a verdict compares with: each thread to completion in start
// order (lockstep::oneAfterAnotherConfig), through the same opener as any run, so a program goes to its runner.

#include <atomic>
#include <functional>
#include <memory>

#include "lockstep/RunConfig.h"
#include "lockstep/Trace.h"
#include "lockstep/scenarios/Scenario.h"

namespace lockstep {
class RunSession;
class WorkerPool;
}

namespace lockstep::app {

// The ended trace of `scenario` run one after the other with `config`'s parameters and seed; nullptr when
// `cancel` was set before it ended. Every thread it started is unwound before it returns. `onSession` is told
// the run once it is open and nullptr before it is torn down, so another thread can requestPause() it: a
// program frozen in real code never comes back to look at `cancel`.
std::unique_ptr<Trace> runOneAfterAnother(WorkerPool& pool, const scenarios::Scenario& scenario, const RunConfig& config,
                                          const std::atomic<bool>* cancel = nullptr,
                                          const std::function<void(RunSession*)>& onSession = {});

}  // namespace lockstep::app
