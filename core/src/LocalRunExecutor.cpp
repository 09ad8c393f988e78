#include <algorithm>
#include <memory>
#include <string_view>

#include "DfsRunPolicy.h"
#include "lockstep/Execution.h"
#include "lockstep/PctPolicy.h"
#include "lockstep/RunExecutor.h"
#include "lockstep/WorkerPool.h"

namespace lockstep {

namespace {

// "ValueError" from "ValueError: bad value", as Python's traceback.format_exception_only() words an exception:
// its first line that is not indented (a SyntaxError's report starts with the indented place it points at).
std::string exceptionType(std::string_view text) {
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        if (!line.empty() && line.front() != ' ') return std::string(line.substr(0, line.find(": ")));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return "Exception";
}

std::vector<UncaughtError> uncaughtErrors(const Trace& trace) {
    std::vector<UncaughtError> out;
    for (std::size_t i = 0; i < trace.eventCount(); ++i) {
        const TraceEvent& e = trace.event(i);
        // An actor's own end, not a task's or a future's: its Run event is on its Thread object (none for the
        // main thread).
        if (e.op != Op::Run || e.result != Result::Error || e.actor >= trace.actorCount() ||
            e.object != trace.actor(e.actor).threadObject)
            continue;
        out.push_back(UncaughtError{trace.actor(e.actor).name, exceptionType(trace.argText(e))});
    }
    std::sort(out.begin(), out.end(), [](const UncaughtError& a, const UncaughtError& b) {
        return a.thread != b.thread ? a.thread < b.thread : a.type < b.type;
    });
    return out;
}

}  // namespace

LocalRunExecutor::LocalRunExecutor(WorkerPool& pool, std::function<void()> body, OpenRun open,
                                   const std::atomic<bool>* cancel, RunJudge judge)
    : pool_(pool), body_(std::move(body)), open_(std::move(open)), cancel_(cancel), judge_(std::move(judge)) {}

LocalRunExecutor::~LocalRunExecutor() = default;

void LocalRunExecutor::interrupt() {
    interrupted_.store(true);
    std::lock_guard lock(currentMutex_);
    if (current_) current_->requestPause();
}

RunReport LocalRunExecutor::execute(const RunRequest& request) {
    RunReport report;
    const auto stopAsked = [this] {
        return interrupted_.load() || (cancel_ && cancel_->load(std::memory_order_relaxed));
    };
    if (stopAsked()) {
        report.interrupted = true;
        return report;
    }
    RunConfig config = request.config;
    config.schedule.clear();
    bool stopped = false;
    {
        std::unique_ptr<Policy> policy;
        DfsRunPolicy* dfs = nullptr;
        if (request.driver == RunRequest::Driver::Pct) {
            policy = std::make_unique<PctPolicy>(config.seed, request.pctDepth, request.pctExpectedDecisions);
        } else if (request.driver == RunRequest::Driver::Dfs) {
            auto p = std::make_unique<DfsRunPolicy>(request, trace_, report);
            dfs = p.get();
            policy = std::move(p);
        }
        std::unique_ptr<RunSession> run;
        if (open_) {
            run = open_(pool_, trace_, config, std::move(policy));
        } else {
            auto ex = std::make_unique<Execution>(pool_, trace_, config, body_);
            ex->usePolicy(std::move(policy));
            run = std::move(ex);
        }
        if (dfs) dfs->setRun(*run);
        {
            std::lock_guard lock(currentMutex_);
            current_ = run.get();
        }
        // interrupt() pauses the run at its next scheduling point; a sleep-blocked DFS run waits for a choice
        // that nobody will make; the cancel flag is looked at every few hundred steps (a few milliseconds).
        // Either way the run is torn down where it stands.
        constexpr std::uint32_t kStepsBetweenChecks = 256;
        while (!run->ended()) {
            if (stopAsked()) {
                stopped = true;
                break;
            }
            StopRequest stop;
            stop.untilStep = cancel_ ? trace_.stepCount() + kStepsBetweenChecks : UINT32_MAX;
            const StopInfo s = run->advance(stop);
            if (s.reason == StopReason::NeedChoice) {
                if (report.sleepBlocked) break;
                run->chooseNext(run->pendingCandidates().front());
            }
        }
        if (dfs && run->ended()) dfs->finish(run->randomDraws());
        {
            std::lock_guard lock(currentMutex_);
            current_ = nullptr;
        }
        run->teardown();
    }
    if (stopped || interrupted_.load()) {
        report.interrupted = true;
        return report;
    }
    reportEnding(trace_, report);
    if (judge_) {
        RunJudgement j = judge_(trace_);
        report.label = std::move(j.label);
        report.labelStep = j.step;
    }
    return report;
}

void reportEnding(const Trace& trace, RunReport& report) {
    const RunOutcome& o = trace.outcome();
    report.status = o.status;
    report.steps = o.steps;
    report.shared.clear();
    report.shared.reserve(o.shared.size());
    for (const FinalValue& v : o.shared) report.shared.push_back({trace.object(v.object).name, v.text, v.numeric});
    report.uncaught = uncaughtErrors(trace);
    report.decisions = trace.decisions();
}

}  // namespace lockstep
