// The global interpreter lock: CPU-bound threads on one and several virtual cores, with and without the GIL.

#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

void addGilScenarios(std::vector<Scenario>& /*out*/) {}

}  // namespace lockstep::scenarios
