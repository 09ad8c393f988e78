// (7) Learners' programs in the runner: each run a fork of the runner process, its trace streamed back. Every
// figure next to a baseline measured in the same run:
//   - explore of the lost-update program (two threads: read a global counter, time.sleep(0.1), write it back)
//     with the systematic strategy (dfs), up to kDfsRuns schedules: wall time and runs per second; baselines:
//     one run of the same program in plain CPython (/usr/bin/python3.11, start-up included), and the built-in
//     race-counter-sleep explored exhaustively (dfs) in this process;
//   - 200 random runs of the same program (explore --strategy random --runs 200);
//   - memory: this process's resident set and the runner's before and after 10,000 runs.

#include <signal.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "BenchSupport.h"
#include "lockstep/Explorer.h"
#include "lockstep/python/Program.h"
#include "lockstep/python/Runner.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using lockstep::bench::nowNs;

namespace {

constexpr int kDfsRuns = 554;  // the number of schedules the issue's exhaustive search took
constexpr int kMemoryRuns = 10'000;

const char* kLostUpdate = R"py(import threading
import time

counter = 0

def add():
    global counter
    seen = counter
    time.sleep(0.1)
    counter = seen + 1

a = threading.Thread(target=add)
b = threading.Thread(target=add)
a.start()
b.start()
a.join()
b.join()
print(counter)
)py";

const scenarios::Scenario* lostUpdate() {
    static const scenarios::Scenario* s = [] {
        std::string error;
        const scenarios::Scenario* p = python::loadSource("/tmp/lockstep-bench/lost_update.py", kLostUpdate, error);
        if (!p) std::fprintf(stderr, "lost_update.py: %s\n", error.c_str());
        return p;
    }();
    return s;
}

ExploreResult explore(const scenarios::Scenario* s, ExploreStrategy strategy, int runs) {
    WorkerPool pool;
    Explorer explorer(pool);
    explorer.useOpener(s->opener());
    RunConfig config;
    s->defaults.applyTo(config);
    ExploreOptions options;
    options.strategy = strategy;
    options.maxRuns = runs;
    return explorer.explore(s->id, std::function<void()>{}, config, options);
}

void BM_ExploreLostUpdateDfs(benchmark::State& state) {
    const scenarios::Scenario* s = lostUpdate();
    explore(s, ExploreStrategy::Random, 1);  // the runner is started once, outside the timing
    for (auto _ : state) {
        const std::int64_t t0 = nowNs();
        const ExploreResult r = explore(s, ExploreStrategy::Dfs, kDfsRuns);
        const double seconds = static_cast<double>(nowNs() - t0) * 1e-9;
        state.SetIterationTime(seconds);
        state.counters["runs"] = r.runs;
        state.counters["exhaustive"] = r.exhaustive;
        state.counters["ms_total"] = seconds * 1e3;
        state.counters["ms_per_run"] = seconds * 1e3 / r.runs;
        state.counters["outcomes"] = static_cast<double>(r.outcomes.size());
    }
}

void BM_ExploreLostUpdateRandom200(benchmark::State& state) {
    const scenarios::Scenario* s = lostUpdate();
    explore(s, ExploreStrategy::Random, 1);
    for (auto _ : state) {
        const std::int64_t t0 = nowNs();
        const ExploreResult r = explore(s, ExploreStrategy::Random, 200);
        const double seconds = static_cast<double>(nowNs() - t0) * 1e-9;
        state.SetIterationTime(seconds);
        state.counters["runs"] = r.runs;
        state.counters["ms_total"] = seconds * 1e3;
    }
}

void BM_PlainCPythonOnce(benchmark::State& state) {
    const std::string path = "/tmp/lockstep-bench-lost-update.py";
    std::ofstream(path) << kLostUpdate;
    for (auto _ : state) {
        const std::int64_t t0 = nowNs();
        std::system(("/usr/bin/python3.11 -I " + path + " > /dev/null").c_str());
        const double seconds = static_cast<double>(nowNs() - t0) * 1e-9;
        state.SetIterationTime(seconds);
        state.counters["ms_total"] = seconds * 1e3;
    }
}

void BM_BuiltinRaceCounterSleepDfs(benchmark::State& state) {
    const scenarios::Scenario* s = scenarios::find("race-counter-sleep");
    for (auto _ : state) {
        WorkerPool pool;
        Explorer explorer(pool);
        RunConfig config;
        s->defaults.applyTo(config);
        const std::int64_t t0 = nowNs();
        const ExploreResult r = explorer.explore(s->id, [s, p = s->resolve({})] { s->main(p); }, config, ExploreOptions{});
        const double seconds = static_cast<double>(nowNs() - t0) * 1e-9;
        state.SetIterationTime(seconds);
        state.counters["runs"] = r.runs;
        state.counters["exhaustive"] = r.exhaustive;
        state.counters["ms_total"] = seconds * 1e3;
    }
}

// Resident bytes of a process (this one or the runner), from /proc/PID/statm.
double residentOf(const std::string& pid) {
    std::ifstream f("/proc/" + pid + "/statm");
    unsigned long size = 0, resident = 0;
    f >> size >> resident;
    return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE));
}

// The runner: the child of this process started with --lockstep-runner.
std::string runnerPid() {
    const std::string me = std::to_string(::getpid());
    std::ifstream children("/proc/" + me + "/task/" + me + "/children");
    std::string pid;
    while (children >> pid) {
        std::ifstream cmd("/proc/" + pid + "/cmdline");
        std::string text((std::istreambuf_iterator<char>(cmd)), std::istreambuf_iterator<char>());
        if (text.find("--lockstep-runner") != std::string::npos) return pid;
    }
    return "self";
}

void BM_Memory10kRuns(benchmark::State& state) {
    const scenarios::Scenario* s = lostUpdate();
    explore(s, ExploreStrategy::Random, 200);  // warm: the allocator's and the runner's steady state
    for (auto _ : state) {
        const std::string runner = runnerPid();
        const double before = residentOf("self");
        const double runnerBefore = residentOf(runner);
        const std::int64_t t0 = nowNs();
        const ExploreResult r = explore(s, ExploreStrategy::Random, kMemoryRuns);
        const double seconds = static_cast<double>(nowNs() - t0) * 1e-9;
        state.SetIterationTime(seconds);
        state.counters["runs"] = r.runs;
        state.counters["growth_kb"] = (residentOf("self") - before) / 1024;
        state.counters["runner_growth_kb"] = (residentOf(runner) - runnerBefore) / 1024;
        state.counters["rss_mb"] = residentOf("self") / (1 << 20);
        state.counters["runner_rss_mb"] = residentOf(runner) / (1 << 20);
        state.counters["ms_per_run"] = seconds * 1e3 / r.runs;
    }
}

}  // namespace

BENCHMARK(BM_PlainCPythonOnce)->UseManualTime()->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuiltinRaceCounterSleepDfs)->UseManualTime()->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExploreLostUpdateDfs)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExploreLostUpdateRandom200)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Memory10kRuns)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    // This binary is also the runner of the programs it measures.
    if (const int runner = python::runRunnerIfRequested(argc, argv); runner >= 0) return runner;
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    lockstep::bench::CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    std::printf("\n==== Lockstep programs in the runner ====\n");
    if (reporter.has("BM_ExploreLostUpdateDfs")) {
        const double ms = reporter.get("BM_ExploreLostUpdateDfs", "ms_total");
        const double runs = reporter.get("BM_ExploreLostUpdateDfs", "runs");
        std::printf("(7a) explore lost_update.py --strategy dfs --runs %d: %.0f ms for %.0f runs (%.2f ms a run, %.0f runs/s)%s",
                    kDfsRuns, ms, runs, ms / runs, runs * 1e3 / ms,
                    reporter.get("BM_ExploreLostUpdateDfs", "exhaustive") > 0 ? ", exhaustive" : ", not exhaustive");
        if (reporter.has("BM_PlainCPythonOnce"))
            std::printf("; %.1fx one CPython run (%.0f ms)", ms / reporter.get("BM_PlainCPythonOnce", "ms_total"),
                        reporter.get("BM_PlainCPythonOnce", "ms_total"));
        if (reporter.has("BM_BuiltinRaceCounterSleepDfs"))
            std::printf("; %.0fx the built-in race-counter-sleep's exhaustive dfs (%.0f runs in %.1f ms)",
                        ms / reporter.get("BM_BuiltinRaceCounterSleepDfs", "ms_total"),
                        reporter.get("BM_BuiltinRaceCounterSleepDfs", "runs"),
                        reporter.get("BM_BuiltinRaceCounterSleepDfs", "ms_total"));
        std::printf("  [target: exhaustive under 1 s on 2 cores]\n");
    }
    if (reporter.has("BM_ExploreLostUpdateRandom200"))
        std::printf("(7b) explore lost_update.py --strategy random --runs 200: %.0f ms  [target: under 1 s]\n",
                    reporter.get("BM_ExploreLostUpdateRandom200", "ms_total"));
    if (reporter.has("BM_Memory10kRuns"))
        std::printf("(7c) %d more runs: this process grew %.0f KB (resident %.1f MB), the runner %.0f KB (resident %.1f "
                    "MB); %.2f ms a run  [target: growth under 1 MB]\n",
                    kMemoryRuns, reporter.get("BM_Memory10kRuns", "growth_kb"), reporter.get("BM_Memory10kRuns", "rss_mb"),
                    reporter.get("BM_Memory10kRuns", "runner_growth_kb"), reporter.get("BM_Memory10kRuns", "runner_rss_mb"),
                    reporter.get("BM_Memory10kRuns", "ms_per_run"));
    return 0;
}
