#include "view/OneAfterAnother.h"

#include "lockstep/RunSession.h"
#include "lockstep/Verdict.h"
#include "lockstep/WorkerPool.h"

namespace lockstep::app {

std::unique_ptr<Trace> runOneAfterAnother(WorkerPool& pool, const scenarios::Scenario& scenario, const RunConfig& config,
                                          const std::atomic<bool>* cancel,
                                          const std::function<void(RunSession*)>& onSession) {
    auto trace = std::make_unique<Trace>();
    const RunConfig sequential = oneAfterAnotherConfig(config);
    std::unique_ptr<RunSession> run = scenario.opener()(pool, *trace, sequential, nullptr);
    if (onSession) onSession(run.get());
    bool cancelled = false;
    while (!run->ended()) {
        if (cancel && cancel->load()) {
            cancelled = true;
            break;
        }
        // In slices, so a cancel is seen within a few hundred steps.
        StopRequest request;
        request.untilStep = trace->stepCount() + 256;
        const StopInfo s = run->advance(request);
        if (s.reason == StopReason::NeedChoice) run->chooseNext(run->pendingCandidates().front());
    }
    if (onSession) onSession(nullptr);
    run->teardown();
    if (cancelled) return nullptr;
    return trace;
}

}  // namespace lockstep::app
