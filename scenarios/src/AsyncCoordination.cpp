// asyncio scenarios: wait, timeouts, done callbacks, blocking calls, queues, I/O clients. Each runs asyncio.run(main()) on MainThread's own thread with
// lockstep::asyncio (core/include/lockstep/asyncio/Asyncio.h).

#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

void addAsyncCoordination(std::vector<Scenario>& out) {
    (void)out;
}

}  // namespace lockstep::scenarios
