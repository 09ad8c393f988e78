#pragma once

#include <string>
#include <vector>

#include "lockstep/scenarios/Scenario.h"

namespace lockstep::scenarios {

// Every scenario, in catalogue order (families in the order of SCENARIOS.md).
const std::vector<Scenario>& all();
// A built-in scenario, or a program added with addProgram().
const Scenario* find(const std::string& id);
// Programs loaded at run time (lockstep::python). A program with the id of an earlier one replaces it for
// find(); the earlier one stays valid, since a window or a run may still refer to it.
const Scenario* addProgram(Scenario program);
// Family ids in display order, and their English titles (marked for translation in context "Scenario").
const std::vector<std::string>& families();
const char* familyTitle(const std::string& family);

// Each family file adds its scenarios here (called once by all()).
void addThreadScenarios(std::vector<Scenario>& out);
void addRaceScenarios(std::vector<Scenario>& out);
void addSyncScenarios(std::vector<Scenario>& out);
void addPoolScenarios(std::vector<Scenario>& out);  // thread pools and futures
void addGilScenarios(std::vector<Scenario>& out);   // CPU-bound threads under the GIL
void addProcessScenarios(std::vector<Scenario>& out);  // multiprocessing: real child processes
void addAsyncBasics(std::vector<Scenario>& out);        // asyncio: run, coroutines, gather, sleep
void addAsyncCoordination(std::vector<Scenario>& out);  // asyncio: wait, timeouts, callbacks, queues, blocking

}  // namespace lockstep::scenarios
