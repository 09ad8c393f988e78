#include <memory>

#include "DfsRunPolicy.h"
#include "lockstep/Execution.h"
#include "lockstep/PctPolicy.h"
#include "lockstep/RunExecutor.h"
#include "lockstep/WorkerPool.h"

namespace lockstep {

LocalRunExecutor::LocalRunExecutor(WorkerPool& pool, std::function<void()> body) : pool_(pool), body_(std::move(body)) {}

LocalRunExecutor::~LocalRunExecutor() = default;

void LocalRunExecutor::interrupt() {
    interrupted_.store(true);
    std::lock_guard lock(currentMutex_);
    if (current_) current_->requestPause();
}

RunReport LocalRunExecutor::execute(const RunRequest& request) {
    RunReport report;
    if (interrupted_.load()) {
        report.interrupted = true;
        return report;
    }
    RunConfig config = request.config;
    config.schedule.clear();
    {
        Execution ex(pool_, trace_, config, body_);
        DfsRunPolicy* dfs = nullptr;
        if (request.driver == RunRequest::Driver::Pct) {
            ex.usePolicy(std::make_unique<PctPolicy>(config.seed, request.pctDepth, request.pctExpectedDecisions));
        } else if (request.driver == RunRequest::Driver::Dfs) {
            auto policy = std::make_unique<DfsRunPolicy>(request, ex, trace_, report);
            dfs = policy.get();
            ex.usePolicy(std::move(policy));
            if (request.footprints) ex.recordTouches();
        }
        {
            std::lock_guard lock(currentMutex_);
            current_ = &ex;
        }
        // interrupt() pauses the run at its next scheduling point; a sleep-blocked DFS run waits for a choice
        // that nobody will make. Either way the run is torn down where it stands.
        while (!ex.ended()) {
            if (interrupted_.load()) break;
            const StopInfo s = ex.advance();
            if (s.reason == StopReason::NeedChoice) {
                if (report.sleepBlocked) break;
                ex.chooseNext(ex.pendingCandidates().front());
            }
        }
        if (dfs && ex.ended()) dfs->finish(ex.randomDraws());
        {
            std::lock_guard lock(currentMutex_);
            current_ = nullptr;
        }
        ex.teardown();
    }
    if (interrupted_.load()) {
        report.interrupted = true;
        return report;
    }
    const RunOutcome& o = trace_.outcome();
    report.status = o.status;
    report.steps = o.steps;
    report.shared.reserve(o.shared.size());
    for (const FinalValue& v : o.shared) report.shared.push_back({trace_.object(v.object).name, v.text, v.numeric});
    report.decisions = trace_.decisions();
    return report;
}

}  // namespace lockstep
