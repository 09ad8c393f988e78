#pragma once
// What every panel of the window shows: one run's derivation (TraceModel: histories, rows, outcome) and the
// state at the step under the cursor. Passed by value on the GUI thread; the model and the state are shared
// and only read, and they hold only what the engine had published when the last report came, so a view may
// read them while the run goes on.

#include <cstdint>
#include <memory>
#include <vector>

#include "lockstep/RunConfig.h"
#include "lockstep/RunState.h"
#include "lockstep/Trace.h"
#include "lockstep/TraceModel.h"
#include "lockstep/scenarios/Scenario.h"

namespace lockstep::app {

struct TraceView {
    std::shared_ptr<const Trace> trace;        // null before a scenario is loaded; keeps the model's events alive
    std::shared_ptr<const TraceModel> model;   // the trace's derivation, as of the last report
    std::shared_ptr<const RunState> state;     // the state at the end of the cursor step
    const scenarios::Scenario* scenario = nullptr;
    RunConfig config;
    std::uint32_t cursor = 0;                  // step shown (1-based; 0 = before the first step)
    std::uint32_t live = 0;                    // last step the engine has reached
    bool ended = false;                        // the run is over (trace final)
    // Who could run after the cursor step: at the live step, the pending decision's candidates; at a past
    // step, the threads that were ready there (picking another one branches the run).
    std::vector<ActorId> candidates;
    bool manual = false;                       // the user may pick the next actor (manual policy, or branching)
    // Show the objects the standard library made for itself (ObjectInfo::internal: a Thread's _started, a
    // Queue's not_full). Off, every view leaves them out and names the learner's call a thread waits inside.
    bool showInternals = false;

    // For a trace nothing writes to any more (the command line, tests): makes its derivation if the view has
    // none, and the state at the cursor. The window keeps its own model and state instead, advanced per report.
    TraceView& derive() {
        if (trace && (!model || model->trace() != trace.get())) model = std::make_shared<TraceModel>(*trace);
        if (model) state = std::make_shared<RunState>(model->stateAt(cursor));
        return *this;
    }
};

}  // namespace lockstep::app
