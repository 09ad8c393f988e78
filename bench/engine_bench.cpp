// Engine benchmarks, each measured next to its baseline in the same process:
//  (1) a baton hand-off between two actors through the engine vs a raw std::atomic wait/notify ping-pong
//      between two std::threads (and, for diagnosis, a ping-pong of two bare Batons);
//  (2) scheduling points per second when no switch happens (one actor doing Shared<int> loads and stores);
//  (4) schedules per second exploring catalogue scenarios (random, pct, dfs with reduction) on one worker and on
//      every core, and the ratio;
//  (5) how many schedules partial-order reduction saves against plain DFS.
// main() prints a summary with the ratios and targets after Google Benchmark's own table.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "BenchSupport.h"
#include "lockstep/Api.h"
#include "lockstep/Baton.h"
#include "lockstep/Execution.h"
#include "lockstep/Explorer.h"
#include "lockstep/Shared.h"
#include "lockstep/Thread.h"
#include "lockstep/WorkerPool.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using namespace std::chrono_literals;
using lockstep::bench::median;
using lockstep::bench::nowNs;

namespace {

constexpr int kIterations = 7;

// One pool for every engine benchmark, as the application keeps one.
WorkerPool& pool() {
    static WorkerPool p;
    return p;
}

// Records ns per hand-off for each iteration and reports the median (the machine is small and shared, so a
// median resists the odd descheduled iteration better than a mean).
struct PerIteration {
    std::vector<double> nsPerItem;
    double items = 0;
    void add(benchmark::State& state, std::int64_t ns, double n) {
        state.SetIterationTime(static_cast<double>(ns) * 1e-9);
        nsPerItem.push_back(static_cast<double>(ns) / n);
        items = n;
    }
};

// ---- (1) hand-off ------------------------------------------------------------------------------------
// The three measurements run interleaved, one after the other in every iteration, so that the baseline and
// the engine see the same machine load (other builds share the two cores); the report uses medians.

constexpr std::int64_t kRounds = 10'000;  // per side: 20,000 hand-offs per measurement
constexpr int kHandoffIterations = 21;

// Baseline: two std::threads alternate through one std::atomic<int> with C++20 wait/notify. Each store of
// the other side's value is one hand-off. Returns ns per hand-off.
double rawAtomicPingPong() {
    std::atomic<int> turn{0};
    std::atomic<bool> go{false};
    std::thread other([&] {
        while (!go.load(std::memory_order_acquire)) {}
        for (std::int64_t i = 0; i < kRounds; ++i) {
            turn.wait(0, std::memory_order_acquire);  // until turn == 1
            turn.store(0, std::memory_order_release);
            turn.notify_one();
        }
    });
    const std::int64_t t0 = nowNs();
    go.store(true, std::memory_order_release);
    for (std::int64_t i = 0; i < kRounds; ++i) {
        turn.store(1, std::memory_order_release);
        turn.notify_one();
        turn.wait(1, std::memory_order_acquire);  // until turn == 0
    }
    const std::int64_t t1 = nowNs();
    other.join();
    return static_cast<double>(t1 - t0) / (2.0 * kRounds);
}

// Diagnostic: the same ping-pong with two bare lockstep::Baton objects (what the engine hands over).
double batonPingPong() {
    Baton a, b;
    std::thread other([&] {
        for (std::int64_t i = 0; i < kRounds; ++i) {
            b.take();
            a.give();
        }
    });
    const std::int64_t t0 = nowNs();
    for (std::int64_t i = 0; i < kRounds; ++i) {
        b.give();
        a.take();
    }
    const std::int64_t t1 = nowNs();
    other.join();
    return static_cast<double>(t1 - t0) / (2.0 * kRounds);
}

// The engine: MainThread starts T1 and T2 and joins them (it is blocked from then on); T1 and T2 each call
// sleep(0) kRounds times. Under round-robin, sleep(0) yields and the other thread is the only other
// candidate, so every scheduling point is a real hand-off to the other OS thread (outcome().switches counts
// them). Time is the whole run (start, every step, teardown) divided by the switches.
struct EngineHandoff {
    Trace trace;  // reused, as Explorer does: after the first run its chunks are already allocated
    RunConfig config;
    std::function<void()> body = lockstep::bench::pingPongBody(kRounds);
    EngineHandoff() {
        config.policy = PolicyKind::RoundRobin;
        config.maxSteps = UINT32_MAX;
    }
    // Returns ns per hand-off, or a negative number when the run did not finish.
    double run() {
        const std::int64_t t0 = nowNs();
        std::uint32_t switches = 0;
        {
            Execution ex(pool(), trace, config, body);
            switches = ex.runToEnd().switches;
        }
        const std::int64_t t1 = nowNs();
        if (trace.outcome().status != RunStatus::Finished || switches == 0) return -1;
        return static_cast<double>(t1 - t0) / switches;
    }
};

void BM_Handoff(benchmark::State& state) {
    EngineHandoff engine;
    engine.run();  // warm-up: the pool's threads and the trace's chunks
    std::vector<double> raw, baton, eng, ratio;
    for (auto _ : state) {
        const std::int64_t t0 = nowNs();
        raw.push_back(rawAtomicPingPong());
        baton.push_back(batonPingPong());
        const double e = engine.run();
        if (e < 0) {
            state.SkipWithError("the engine run did not finish");
            break;
        }
        eng.push_back(e);
        ratio.push_back(e / raw.back());
        state.SetIterationTime(static_cast<double>(nowNs() - t0) * 1e-9);
    }
    state.counters["handoffs_each"] = 2.0 * kRounds;
    state.counters["raw_ns"] = median(raw);
    state.counters["baton_ns"] = median(baton);
    state.counters["engine_ns"] = median(eng);
    state.counters["engine_ns_min"] = eng.empty() ? 0 : *std::min_element(eng.begin(), eng.end());
    state.counters["raw_ns_min"] = raw.empty() ? 0 : *std::min_element(raw.begin(), raw.end());
    state.counters["ratio"] = median(ratio);  // median of the per-iteration engine/raw ratios
    state.counters["ratio_best"] = state.counters["engine_ns_min"] / state.counters["raw_ns_min"];
    state.counters["events_per_handoff"] =
        static_cast<double>(engine.trace.eventCount()) / engine.trace.outcome().switches;
}

// ---- (2) scheduling points without a switch -------------------------------------------------------------

constexpr std::int64_t kPointsRounds = 1'000'000;  // load + store each: 2,000,000 scheduling points

// MainThread alone: x.store(x.load() + 1), kPointsRounds times. Each load and each store is a scheduling
// point (a step with its event, the policy's pick, the hand-off to itself), but no other actor exists, so
// the baton never leaves the thread.
void BM_SchedulingPointsNoSwitch(benchmark::State& state) {
    PerIteration it;
    Trace trace;
    RunConfig config;
    config.policy = PolicyKind::RoundRobin;
    config.maxSteps = UINT32_MAX;
    auto body = [] {
        Shared<int> x("x", 0);
        for (std::int64_t i = 0; i < kPointsRounds; ++i) x.store(x.load() + 1);
    };
    {
        Execution ex(pool(), trace, config, body);
        ex.runToEnd();
    }
    for (auto _ : state) {
        const std::int64_t t0 = nowNs();
        std::uint32_t steps = 0, switches = 0;
        {
            Execution ex(pool(), trace, config, body);
            const RunOutcome& o = ex.runToEnd();
            steps = o.steps;
            switches = o.switches;
        }
        const std::int64_t t1 = nowNs();
        if (switches != 0) state.SkipWithError("a switch happened");
        it.add(state, t1 - t0, steps);
    }
    const double ns = median(it.nsPerItem);
    state.counters["points"] = it.items;
    state.counters["ns_per_point"] = ns;
    state.counters["points_per_s"] = ns > 0 ? 1e9 / ns : 0;
}

// Baseline for (2): the same loop on a plain int behind a compiler barrier, to show what the engine adds.
void BM_PlainLoadStore(benchmark::State& state) {
    PerIteration it;
    for (auto _ : state) {
        int x = 0;
        const std::int64_t t0 = nowNs();
        for (std::int64_t i = 0; i < kPointsRounds; ++i) {
            benchmark::DoNotOptimize(x);
            int v = x;
            benchmark::ClobberMemory();
            x = v + 1;
            benchmark::ClobberMemory();
        }
        const std::int64_t t1 = nowNs();
        it.add(state, t1 - t0, 2.0 * kPointsRounds);
    }
    state.counters["ns_per_point"] = median(it.nsPerItem);
}

// ---- (4) exploration -----------------------------------------------------------------------------------
// Schedules per second of one search on one worker and on every core, measured interleaved (one after the
// other in every iteration, the order alternating) so both see the same machine load; the report uses the
// medians and the median of the per-iteration ratios.

constexpr int kExploreRuns = 1000;  // random and pct: schedules per batch
constexpr int kExploreIterations = 7;

struct ExploreCase {
    const char* id;
    int threads;  // the scenario's "threads" parameter, 0 for its default
    ExploreStrategy strategy;
};

int coresForScaling() { return std::max(2, Explorer::defaultWorkers()); }

void exploreScaling(benchmark::State& state, const scenarios::Scenario* scenario, ExploreCase c) {
    RunConfig base;
    base.cores = scenario->defaults.cores;
    base.gil = scenario->defaults.gil;
    if (c.threads > 0) base.params.emplace_back("threads", c.threads);
    const scenarios::Params params = scenario->resolve(base.params);
    const std::function<void()> body = [scenario, params] { scenario->main(params); };
    Explorer explorer(pool());  // one Explorer (and its workers' pools) for every batch
    ExploreOptions options;
    options.strategy = c.strategy;
    options.maxRuns = 50;
    for (int workers : {1, coresForScaling()}) {  // warm-up: every worker's pool has its threads
        options.workers = workers;
        explorer.explore(scenario->id, body, base, options);
    }
    // dfs: the whole (reduced) search each time, however many runs it takes; random and pct: batches.
    options.maxRuns = c.strategy == ExploreStrategy::Dfs ? 1'000'000 : kExploreRuns;
    options.seed = 1000;
    std::vector<double> one, all, ratio;
    std::size_t outcomes = 0;
    int runs = 0;
    bool same = true;
    int iteration = 0;
    for (auto _ : state) {
        double rate[2] = {0, 0};
        std::string keys[2];
        std::int64_t total = 0;
        for (int k = 0; k < 2; ++k) {
            const int which = (iteration % 2 == 0) ? k : 1 - k;  // alternate who goes first
            options.workers = which == 0 ? 1 : coresForScaling();
            const std::int64_t t0 = nowNs();
            const ExploreResult r = explorer.explore(scenario->id, body, base, options);
            const std::int64_t t1 = nowNs();
            total += t1 - t0;
            rate[which] = r.runs * 1e9 / static_cast<double>(t1 - t0);
            for (const ExploreOutcome& o : r.outcomes) keys[which] += o.key + "#" + std::to_string(o.count) + ";";
            outcomes = std::max(outcomes, r.outcomes.size());
            runs = r.runs;
        }
        same = same && keys[0] == keys[1];
        options.seed += static_cast<std::uint64_t>(kExploreRuns);
        ++iteration;
        state.SetIterationTime(static_cast<double>(total) * 1e-9);
        one.push_back(rate[0]);
        all.push_back(rate[1]);
        ratio.push_back(rate[1] / rate[0]);
    }
    state.counters["sps_one"] = median(one);
    state.counters["sps_all"] = median(all);
    state.counters["ratio"] = median(ratio);
    state.counters["outcomes"] = static_cast<double>(outcomes);
    state.counters["runs"] = runs;
    state.counters["same_results"] = same ? 1 : 0;
}

// ---- (5) what partial-order reduction saves ------------------------------------------------------------
// Not a timing: the number of schedules plain DFS and DFS with the reduction run to cover a scenario, under
// the same preemption bound, and whether they found the same outcomes.
struct Savings {
    const char* id;
    int threads;  // the scenario's "threads" parameter, 0 for its default
    int bound;    // -1: no bound
};

void printSavings() {
    const Savings cases[] = {{"race-increment-double", 0, -1}, {"race-counter-sleep", 0, -1}, {"lock-counter", 0, -1},
                             {"deadlock-two-locks", 0, -1},    {"deadlock-ordered", 0, -1},   {"event-set-wait", 0, -1},
                             {"lock-counter", 3, 2},           {"semaphore-groups", 3, 2}};
    std::printf("(5) partial-order reduction: schedules needed to cover a scenario, plain DFS vs DFS with source-set DPOR and sleep sets\n");
    std::printf("    %-32s %-9s %10s %10s %8s  %s\n", "scenario", "bound", "plain", "reduced", "saved", "same outcomes");
    Explorer explorer(pool());
    for (const Savings& c : cases) {
        const scenarios::Scenario* s = scenarios::find(c.id);
        if (!s) continue;
        RunConfig base;
        base.cores = s->defaults.cores;
        base.gil = s->defaults.gil;
        if (c.threads > 0) base.params.emplace_back("threads", c.threads);
        const scenarios::Params params = s->resolve(base.params);
        const std::function<void()> body = [s, params] { s->main(params); };
        ExploreOptions o;
        o.maxRuns = 1'000'000;
        o.maxPreemptions = c.bound;
        o.partialOrderReduction = false;
        const ExploreResult plain = explorer.explore(s->id, body, base, o);
        o.partialOrderReduction = true;
        const ExploreResult reduced = explorer.explore(s->id, body, base, o);
        std::vector<std::string> a, b;
        for (const auto& x : plain.outcomes) a.push_back(x.key);
        for (const auto& x : reduced.outcomes) b.push_back(x.key);
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        const std::string name = std::string(c.id) + (c.threads > 0 ? " threads=" + std::to_string(c.threads) : "");
        std::printf("    %-32s %-9s %10d %10d %7.1f%%  %s\n", name.c_str(),
                    c.bound < 0 ? "none" : std::to_string(c.bound).c_str(), plain.runs, reduced.runs,
                    plain.runs > 0 ? 100.0 * (plain.runs - reduced.runs) / plain.runs : 0.0,
                    a == b ? "yes" : "NO");
    }
}

}  // namespace

BENCHMARK(BM_Handoff)->UseManualTime()->Iterations(kHandoffIterations)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlainLoadStore)->UseManualTime()->Iterations(kIterations)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SchedulingPointsNoSwitch)->UseManualTime()->Iterations(kIterations)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    const ExploreCase exploreCases[] = {
        {"race-counter-sleep", 0, ExploreStrategy::Random}, {"race-counter-sleep", 0, ExploreStrategy::Pct},
        {"deadlock-two-locks", 0, ExploreStrategy::Random}, {"deadlock-two-locks", 0, ExploreStrategy::Pct},
        {"race-counter-sleep", 0, ExploreStrategy::Dfs},    {"semaphore-groups", 3, ExploreStrategy::Dfs},
        {"queue-producer-consumers", 0, ExploreStrategy::Dfs},
    };
    auto caseName = [](const ExploreCase& c) {
        return std::string("BM_Explore/") + exploreStrategyName(c.strategy) + "/" + c.id +
               (c.threads > 0 ? "_threads" + std::to_string(c.threads) : "");
    };
    std::vector<std::string> missing;
    for (const ExploreCase& c : exploreCases) {
        const scenarios::Scenario* s = scenarios::find(c.id);
        if (!s) {
            missing.push_back(c.id);
            continue;
        }
        benchmark::RegisterBenchmark(caseName(c).c_str(), exploreScaling, s, c)
            ->UseManualTime()
            ->Iterations(kExploreIterations)
            ->Unit(benchmark::kMillisecond);
    }

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    lockstep::bench::CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    using lockstep::bench::verdict;
    const auto& r = reporter;
    std::printf("\n==== Lockstep engine benchmarks (%u hardware threads) ====\n", std::thread::hardware_concurrency());
    if (r.has("BM_Handoff")) {
        const double raw = r.get("BM_Handoff", "raw_ns");
        const double baton = r.get("BM_Handoff", "baton_ns");
        const double eng = r.get("BM_Handoff", "engine_ns");
        const double ratio = r.get("BM_Handoff", "ratio");
        std::printf("(1) hand-off: T1 and T2 alternate with sleep(0) under round-robin, so every step is a switch to\n"
                    "    the other OS thread (medians of %d interleaved iterations, %.0f hand-offs each)\n",
                    kHandoffIterations, r.get("BM_Handoff", "handoffs_each"));
        std::printf("    raw std::atomic wait/notify ping-pong : %7.0f ns per hand-off (baseline; best %.0f)\n", raw,
                    r.get("BM_Handoff", "raw_ns_min"));
        std::printf("    bare Baton ping-pong (diagnostic)     : %7.0f ns per hand-off\n", baton);
        std::printf("    engine hand-off                       : %7.0f ns per hand-off (best %.0f; %.1f trace events each)\n",
                    eng, r.get("BM_Handoff", "engine_ns_min"), r.get("BM_Handoff", "events_per_handoff"));
        std::printf("    ratio engine/raw = %.2fx (median of per-iteration ratios; best/best %.2fx)   target <= 1.5x   %s\n",
                    ratio, r.get("BM_Handoff", "ratio_best"), verdict(ratio <= 1.5));
    }
    if (r.has("BM_SchedulingPointsNoSwitch")) {
        const double ns = r.get("BM_SchedulingPointsNoSwitch", "ns_per_point");
        const double plain = r.get("BM_PlainLoadStore", "ns_per_point");
        std::printf("(2) scheduling points without a switch (MainThread alone: Shared<int> load + store, RR)\n");
        std::printf("    %.2f M points/s (%.1f ns per point; plain int load/store %.2f ns, so the engine adds %.0fx)\n",
                    1e3 / ns, ns, plain, plain > 0 ? ns / plain : 0);
    }
    std::printf("(4) exploration, schedules per second on 1 worker and on %d (median of %d interleaved iterations):\n"
                "    random and pct in batches of %d schedules; dfs = one whole search with partial-order reduction\n",
                coresForScaling(), kExploreIterations, kExploreRuns);
    for (const ExploreCase& c : exploreCases) {
        const std::string name = caseName(c);
        const std::string label = std::string(c.id) + (c.threads > 0 ? " threads=" + std::to_string(c.threads) : "");
        if (!r.has(name)) {
            bool isMissing = false;
            for (const auto& m : missing) isMissing |= m == c.id;
            std::printf("    %-30s %-6s : skipped (%s)\n", label.c_str(), exploreStrategyName(c.strategy).c_str(),
                        isMissing ? "not in lockstep::scenarios::all() yet" : "filtered out or failed");
            continue;
        }
        const double one = r.get(name, "sps_one");
        const double all = r.get(name, "sps_all");
        const double ratio = r.get(name, "ratio");
        std::printf("    %-30s %-6s : %8.0f/s on 1 (target >= 5000/s %s), %8.0f/s on %d: %.2fx (target >= 1.7x %s)%s%s\n",
                    label.c_str(), exploreStrategyName(c.strategy).c_str(), one, verdict(one >= 5000), all,
                    coresForScaling(), ratio, verdict(ratio >= 1.7),
                    c.strategy == ExploreStrategy::Dfs
                        ? (" [" + std::to_string(static_cast<int>(r.get(name, "runs"))) + " runs]").c_str()
                        : "",
                    r.get(name, "same_results") == 1 ? "" : "  RESULTS DIFFER");
    }
    printSavings();
    return 0;
}
