// (4) asyncio at scale: async-gather-many (10,000 tasks, each sleeping 5 s, gathered) run to the end, in its
// own process. Wall time is measured against a baseline in the same process: the same scenario with one
// task (what a run costs before any task). Peak resident memory is the process's high-water mark
// (getrusage ru_maxrss) after the runs, next to the resident set before the first run.
// Targets (issue 5): wall time < 1 s, peak resident memory < 100 MB.

#include <sys/resource.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>

#include "BenchSupport.h"
#include "lockstep/Execution.h"
#include "lockstep/Trace.h"
#include "lockstep/TraceAnalysis.h"
#include "lockstep/WorkerPool.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using lockstep::bench::nowNs;
using lockstep::bench::residentBytes;

namespace {

WorkerPool& pool() {
    static WorkerPool p;
    return p;
}

std::size_t startRss = 0;

void runGather(benchmark::State& state, std::int64_t tasks) {
    const scenarios::Scenario* s = scenarios::find("async-gather-many");
    if (!s) {
        state.SkipWithError("no scenario async-gather-many");
        return;
    }
    double worst = 0;
    for (auto _ : state) {
        Trace trace;
        RunConfig config;
        s->defaults.applyTo(config);
        config.maxSteps = UINT32_MAX;
        config.params = {{"tasks", tasks}};
        const scenarios::Params p = s->resolve(config.params);
        const std::int64_t t0 = nowNs();
        {
            Execution ex(pool(), trace, config, [s, p] { s->main(p); });
            ex.runToEnd();
        }
        const std::int64_t t1 = nowNs();
        state.SetIterationTime(static_cast<double>(t1 - t0) * 1e-9);
        worst = std::max(worst, static_cast<double>(t1 - t0) * 1e-9);
        state.counters["wall_s"] = worst;  // the slowest of the iterations, for the report
        std::size_t taskObjects = 0;
        for (ObjectId o = 0; o < trace.objectCount(); ++o) taskObjects += trace.object(o).kind == ObjectKind::AsyncTask;
        state.counters["virtual_s"] = static_cast<double>(trace.outcome().endTime) / 1e9;
        state.counters["tasks"] = static_cast<double>(taskObjects);
        state.counters["events"] = static_cast<double>(trace.eventCount());
        state.counters["steps"] = trace.stepCount();
        state.counters["finished"] = trace.outcome().status == RunStatus::Finished;
    }
}

void BM_AsyncGatherOne(benchmark::State& state) { runGather(state, 1); }
void BM_AsyncGatherMany(benchmark::State& state) { runGather(state, 10000); }

}  // namespace

// The baseline first. Each iteration's counters are the last iteration's (the reporter keeps one set).
BENCHMARK(BM_AsyncGatherOne)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AsyncGatherMany)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    startRss = residentBytes();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    lockstep::bench::CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double peakMb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux

    using lockstep::bench::verdict;
    std::printf("\n==== Lockstep asyncio at scale (fresh process) ====\n");
    const char* many = "BM_AsyncGatherMany";
    const char* one = "BM_AsyncGatherOne";
    if (reporter.has(many) && reporter.has(one)) {
        const double wall = reporter.get(many, "wall_s"), base = reporter.get(one, "wall_s");
        std::printf("(4) async-gather-many, 10,000 tasks sleeping 5 s, to the end: %.3f s wall, slowest of 3 (one task: %.4f s, "
                    "ratio %.0fx), %.0f s virtual, %.0f tasks, %.0f events, finished=%s   target < 1 s   %s\n",
                    wall, base, wall / base, reporter.get(many, "virtual_s"), reporter.get(many, "tasks"),
                    reporter.get(many, "events"), reporter.get(many, "finished") ? "yes" : "no", verdict(wall < 1.0));
        std::printf("    peak resident memory of this process: %.1f MB (%.1f MB before the first run)   target < 100 MB   "
                    "%s\n",
                    peakMb, static_cast<double>(startRss) / (1024.0 * 1024.0), verdict(peakMb < 100.0));
    } else {
        std::printf("(4) async-gather-many did not run (is the scenario in the catalogue?)\n");
    }
    return 0;
}
