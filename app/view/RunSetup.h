#pragma once
// A run as the window and the command line hand it around: which scenario (or program), with which settings.
// Plain values, so the scenario browser, the window and the command line share it without depending on each
// other.

#include "lockstep/RunConfig.h"
#include "lockstep/scenarios/Scenario.h"

namespace lockstep::app {

struct RunSetup {
    const scenarios::Scenario* scenario = nullptr;
    RunConfig config;
};

}  // namespace lockstep::app
