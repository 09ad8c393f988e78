#pragma once
// What every panel of the window shows: one run's trace and the step under the cursor. Passed by value on
// the GUI thread; the trace is shared and only read (see lockstep::Trace for what may be read while the
// run goes on).

#include <cstdint>
#include <memory>
#include <vector>

#include "lockstep/RunConfig.h"
#include "lockstep/Trace.h"
#include "lockstep/scenarios/Scenario.h"

namespace lockstep::app {

struct TraceView {
    std::shared_ptr<const Trace> trace;        // null before a scenario is loaded
    const scenarios::Scenario* scenario = nullptr;
    RunConfig config;
    std::uint32_t cursor = 0;                  // step shown (1-based; 0 = before the first step)
    std::uint32_t live = 0;                    // last step the engine has reached
    bool ended = false;                        // the run is over (trace final)
    // Who could run after the cursor step: at the live step, the pending decision's candidates; at a past
    // step, the threads that were ready there (picking another one branches the run).
    std::vector<ActorId> candidates;
    bool manual = false;                       // the user may pick the next actor (manual policy, or branching)
};

}  // namespace lockstep::app
