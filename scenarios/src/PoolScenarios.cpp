// Pools and futures: ThreadPoolExecutor, submit, map, as_completed and the states of a Future.

#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

void addPoolScenarios(std::vector<Scenario>& /*out*/) {}

}  // namespace lockstep::scenarios
