#include "lockstep/scenarios/Compare.h"

#include <algorithm>

#include "lockstep/Execution.h"

namespace lockstep::scenarios {

namespace {

// How often a run checks whether it was cancelled: a few hundred steps take well under a tenth of a second.
constexpr std::uint32_t kStepsBetweenChecks = 256;

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

}  // namespace

bool variesThreads(const Scenario& scenario) {
    return std::any_of(scenario.params.begin(), scenario.params.end(),
                       [](const ParamSpec& p) { return p.key == kThreadsParam; });
}

bool canCompare(const Scenario& scenario) { return variesThreads(scenario) || !scenario.sourcePath.empty(); }

bool offersComparison(const Scenario& scenario) {
    // The chart answers one question, "do more threads finish CPU work sooner?", which only the GIL
    // scenarios ask (a semaphore scenario with a thread count would only show bars of equal height), and a
    // learner's program, whose code takes CPU time, asks of itself.
    return (scenario.id == "gil-cpu-bound" && canCompare(scenario)) || !scenario.sourcePath.empty();
}

std::vector<CompareSetting> grid(const std::vector<int>& threads, const std::vector<bool>& gil,
                                 const std::vector<int>& cores) {
    std::vector<CompareSetting> out;
    for (int t : threads)
        for (bool g : gil)
            for (int c : cores) out.push_back(CompareSetting{t, g, c});
    return out;
}

std::vector<CompareSetting> standardGrid() { return grid({1, 2, 4}, {true, false}, {1, 4}); }

std::vector<CompareSetting> standardGrid(const Scenario& scenario) {
    return variesThreads(scenario) ? standardGrid() : grid({kProgramsOwnThreads}, {true, false}, {1, 2});
}

CompareResult measure(const Trace& trace, const CompareSetting& setting) {
    CompareResult r;
    r.setting = setting;
    r.status = trace.outcome().status;
    r.elapsed = trace.outcome().endTime;
    r.coreBusy.assign(static_cast<std::size_t>(std::clamp(setting.cores, 1, RunConfig::kMaxCores)), 0);

    ObjectId gil = kNoObject;
    for (ObjectId o = 0; o < trace.objectCount(); ++o)
        if (trace.object(o).kind == ObjectKind::Gil) gil = o;

    // Per actor: since when it computes (and on which core), or since when it waits for the CPU.
    struct Open {
        Nanos computingSince = -1;
        std::uint8_t core = 0;
        Nanos waitingSince = -1;
        bool process = false;  // a child process: it has a GIL of its own, so it only ever waits for a core
    };
    std::vector<Open> open(trace.actorCount());
    for (std::size_t a = 0; a < open.size(); ++a) open[a].process = trace.actor(static_cast<ActorId>(a)).kind == ActorKind::Process;
    Nanos waited = 0;
    Nanos waitedForCore = 0;
    auto stopComputing = [&](Open& o, Nanos t) {
        if (o.computingSince < 0) return;
        if (o.core < r.coreBusy.size()) r.coreBusy[o.core] += t - o.computingSince;
        o.computingSince = -1;
    };
    auto stopWaiting = [&](Open& o, Nanos t) {
        if (o.waitingSince < 0) return;
        (o.process ? waitedForCore : waited) += t - o.waitingSince;
        o.waitingSince = -1;
    };
    for (std::size_t i = 0; i < trace.eventCount(); ++i) {
        const TraceEvent& e = trace.event(i);
        if (e.op == Op::Release && e.object == gil && gil != kNoObject && e.result == Result::Handover)
            ++r.gilHandovers;
        if (e.actor >= open.size()) continue;
        Open& o = open[e.actor];
        if (e.op != Op::Work) {
            // A burst of zero length never queues for the CPU: whatever the actor does next ends the wait.
            if (e.op != Op::Acquire && e.op != Op::Release) stopWaiting(o, e.time);
            continue;
        }
        switch (e.result) {
            case Result::Ok:  // asks for the CPU
            case Result::Preempted:
                stopComputing(o, e.time);
                o.waitingSince = e.time;
                break;
            case Result::Started:
                stopWaiting(o, e.time);
                o.computingSince = e.time;
                o.core = e.core;
                break;
            case Result::Done:
                stopComputing(o, e.time);
                break;
            default: break;
        }
    }
    // A daemon thread killed at the end may still compute or wait.
    for (Open& o : open) {
        stopComputing(o, r.elapsed);
        stopWaiting(o, r.elapsed);
    }
    for (Nanos busy : r.coreBusy) r.cpuTime += busy;
    (setting.gil ? r.gilWait : r.coreWait) = waited;
    r.coreWait += waitedForCore;
    return r;
}

std::vector<CompareResult> compare(WorkerPool& pool, const Scenario& scenario, const RunConfig& base,
                                   const std::vector<CompareSetting>& settings, const std::atomic<bool>* cancel,
                                   const std::function<void(std::size_t)>& progress) {
    std::vector<CompareResult> results;
    for (const CompareSetting& setting : settings) {
        if (cancelled(cancel)) break;
        RunConfig config = base;
        config.gil = setting.gil;
        config.cores = setting.cores;
        config.schedule.clear();  // forced choices name the threads of another run
        std::vector<std::pair<std::string, std::int64_t>> given = config.params;
        if (variesThreads(scenario)) {
            std::erase_if(given, [](const auto& p) { return p.first == kThreadsParam; });
            given.emplace_back(kThreadsParam, setting.threads);
        }
        config.params = scenario.resolve(given).values();

        Trace trace;
        bool stopped = false;
        {
            // A built-in scenario runs here; a program in the runner's child, as every run of it does.
            const std::unique_ptr<RunSession> run = scenario.opener()(pool, trace, config, nullptr);
            while (!run->ended()) {
                if (cancelled(cancel)) {
                    stopped = true;
                    break;
                }
                StopRequest request;
                request.untilStep = trace.stepCount() + kStepsBetweenChecks;
                const StopInfo s = run->advance(request);
                // Manual policy: the cooperative rule, as on the command line.
                if (s.reason == StopReason::NeedChoice) run->chooseNext(run->pendingCandidates().front());
            }
            run->teardown();
        }
        if (stopped) break;
        results.push_back(measure(trace, setting));
        if (progress) progress(results.size());
    }
    return results;
}

const CompareResult* singleThreadBaseline(const std::vector<CompareResult>& results, const CompareSetting& setting) {
    for (const CompareResult& r : results)
        if (setting.threads == kProgramsOwnThreads ? r.setting == CompareSetting{kProgramsOwnThreads, true, 1}
                                                   : r.setting == CompareSetting{1, setting.gil, setting.cores})
            return &r;
    return nullptr;
}

}  // namespace lockstep::scenarios
