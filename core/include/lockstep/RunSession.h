#pragma once
// One run as a controller drives it: stepped, paused, given a choice, torn down. A built-in scenario's run is
// an Execution in this process; a learner's Python program runs in a process of its own (the runner's child,
// see lockstep::python) behind the same interface, its trace streamed into this process's Trace.

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "lockstep/Policy.h"
#include "lockstep/RunConfig.h"
#include "lockstep/Types.h"

namespace lockstep {

class Trace;
class WorkerPool;

// When advance() should give control back.
struct StopRequest {
    std::uint32_t untilStep = UINT32_MAX;  // pause once this many steps are done
    bool onDeadlock = false;               // pause when a wait-for cycle closes
    ObjectId breakObject = kNoObject;      // pause after a step that touches this object
    ActorId breakActor = kNoActor;         // pause after a step of this actor
};

enum class StopReason : std::uint8_t { StepReached, PauseRequested, Deadlock, Breakpoint, NeedChoice, Ended };

struct StopInfo {
    StopReason reason = StopReason::Ended;
    std::uint32_t step = 0;
};

// A read of an object's state that took no step (see SyncObject::noteRead), with the number of policy
// decisions taken before it: the explorer adds it to the footprint of that transition.
struct SilentRead {
    std::uint64_t decisions;
    ObjectId object;
};

// What a library built on the engine touches without a trace event of its own (a Python program's module
// globals and objects: Footprint::kForeign | its own number for each), with the number of policy decisions
// taken before it as in SilentRead. Recorded only when the run's policy asks (Policy::wantsTouches).
struct Touch {
    std::uint64_t decisions;
    std::uint64_t thing;
    bool write;
};

class RunSession {
public:
    virtual ~RunSession() = default;
    // Controller side: one thread at a time (requestPause() excepted).
    virtual StopInfo advance(const StopRequest& request = {}) = 0;
    virtual bool ended() const = 0;
    // While paused: who could run at the pending decision, and forcing one of them.
    virtual const std::vector<ActorId>& pendingCandidates() const = 0;
    virtual bool chooseNext(ActorId actor) = 0;
    // Any thread, and a signal handler: stop at the next scheduling point.
    virtual void requestPause() = 0;
    // End the run (status Aborted if it had not ended) and leave nothing of it running.
    virtual void teardown() = 0;
    // For the explorer, once the run has ended.
    virtual std::uint64_t randomDraws() const = 0;
    // Both grow as the run goes: a policy's pick() sees those made before its decision, and once the run has
    // ended they are complete.
    virtual const std::vector<SilentRead>& silentReads() const = 0;
    virtual const std::vector<Touch>& touches() const = 0;

    // Advance to the end (a manual decision takes the first candidate), then tear down.
    void runToEnd() {
        while (!ended()) {
            const StopInfo s = advance();
            if (s.reason == StopReason::NeedChoice && !pendingCandidates().empty()) chooseNext(pendingCandidates().front());
            else if (s.reason == StopReason::PauseRequested) break;
        }
        teardown();
    }
};

// Opens a run of one scenario: its trace goes into `trace`; `policy`, when given, replaces the one the config
// names (the explorer's strategies). `pool` serves runs made in this process.
using OpenRun = std::function<std::unique_ptr<RunSession>(WorkerPool& pool, Trace& trace, const RunConfig& config,
                                                          std::unique_ptr<Policy> policy)>;

}  // namespace lockstep
