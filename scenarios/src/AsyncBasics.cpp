// asyncio scenarios: run, coroutine objects, gather, sleep, chains. Each runs asyncio.run(main()) on MainThread's own thread with
// lockstep::asyncio (core/include/lockstep/asyncio/Asyncio.h).

#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

void addAsyncBasics(std::vector<Scenario>& out) {
    (void)out;
}

}  // namespace lockstep::scenarios
