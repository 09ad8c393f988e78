#pragma once
// Runs a scenario (or a learner's program) the way a verdict compares with: each thread to completion in start
// order (lockstep::oneAfterAnotherConfig), through the same opener as any run, so a program goes to its runner.

#include <atomic>
#include <memory>

#include "lockstep/RunConfig.h"
#include "lockstep/Trace.h"
#include "lockstep/scenarios/Scenario.h"

namespace lockstep {
class WorkerPool;
}

namespace lockstep::app {

// The ended trace of `scenario` run one after the other with `config`'s parameters and seed; nullptr when
// `cancel` was set before it ended. Every thread it started is unwound before it returns.
std::unique_ptr<Trace> runOneAfterAnother(WorkerPool& pool, const scenarios::Scenario& scenario, const RunConfig& config,
                                          const std::atomic<bool>* cancel = nullptr);

}  // namespace lockstep::app
