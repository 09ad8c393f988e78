// The trace's derivation on the synthetic one-million-event trace, against the way the views derived it
// before the one analysis layer (bench/legacy/, the same code the window ran then), measured in the same run:
//  (7) a random cursor jump: what the window recomputes when the learner clicks anywhere on the timeline.
//      Before: the code view, the inspector and the branch candidates each rebuilt every actor's states from
//      event 0 (TraceAnalysis::statesAt), and the code view and the inspector each replayed their
//      InspectorState from event 0 when the jump went back. Now: one TraceModel::moveTo from the nearest
//      checkpoint (target < 1 ms).
//  (8) the per-step update of every panel's derivation when the run takes one more step and the cursor follows
//      it. Before: three statesAt, two InspectorState steps, and ChartData::fromTrace (a scan of every event
//      per queue and per semaphore, and every actor's states). Now: TraceModel::advance, one moveTo, the
//      charts' numbers from the model's histories (ChartData::fromModel) and the wait-for graph. The timeline's
//      own update and painting are lockstep_bench_timeline's (6).
// main() prints a summary after Google Benchmark's own table.

#include <QGuiApplication>

#include <cstdio>
#include <random>
#include <vector>

#include "BenchSupport.h"
#include "SyntheticTrace.h"
#include "legacy/LegacyAnalysis.h"
#include "legacy/LegacyChartData.h"
#include "legacy/LegacyInspector.h"
#include "lockstep/TraceModel.h"
#include "lockstep/WaitForGraph.h"
#include "panels/ChartData.h"

using namespace lockstep;
using lockstep::bench::median;
using lockstep::bench::nowNs;
using lockstep::bench::synthetic;

namespace {

constexpr int kJumps = 12;

std::vector<std::uint32_t> jumpTargets(std::uint32_t steps) {
    std::mt19937 random(7);
    std::uniform_int_distribution<std::uint32_t> pick(1, steps);
    std::vector<std::uint32_t> out;
    for (int i = 0; i < kJumps; ++i) out.push_back(pick(random));
    return out;
}

// What the views derived at a cursor step before: three actor-state rebuilds and two inspector states.
void legacyCursor(const Trace& t, std::uint32_t step, legacy::InspectorState& code, legacy::InspectorState& inspector) {
    for (int view = 0; view < 3; ++view) benchmark::DoNotOptimize(legacy::TraceAnalysis(t).statesAt(step));
    code.update(&t, step);
    inspector.update(&t, step);
}

void BM_JumpLegacy(benchmark::State& state) {
    const Trace& t = synthetic().trace;
    const auto targets = jumpTargets(t.stepCount());
    std::vector<double> ms;
    for (auto _ : state) {
        legacy::InspectorState code, inspector;
        for (std::uint32_t step : targets) {
            const std::int64_t t0 = nowNs();
            legacyCursor(t, step, code, inspector);
            ms.push_back(double(nowNs() - t0) / 1e6);
        }
        state.SetIterationTime(median(ms) / 1e3);
    }
    state.counters["ms"] = median(ms);
}

void BM_JumpModel(benchmark::State& state) {
    const Trace& t = synthetic().trace;
    static const TraceModel model(t);
    const auto targets = jumpTargets(t.stepCount());
    std::vector<double> ms;
    for (auto _ : state) {
        RunState cursor;
        for (std::uint32_t step : targets) {
            const std::int64_t t0 = nowNs();
            model.moveTo(cursor, step);
            benchmark::DoNotOptimize(cursor.actor(0).state.state);
            ms.push_back(double(nowNs() - t0) / 1e6);
        }
        state.SetIterationTime(median(ms) / 1e3);
    }
    state.counters["ms"] = median(ms);
    state.counters["checkpoints"] = double(model.checkpointCount());
    state.counters["checkpoint_mb"] = double(model.checkpointBytes()) / 1e6;
    state.counters["trace_mb"] = double(t.eventStorageBytes()) / 1e6;
}

// The model fed the whole trace at once (what the command line and an export pay).
void BM_FeedModel(benchmark::State& state) {
    const Trace& t = synthetic().trace;
    std::vector<double> ms;
    for (auto _ : state) {
        const std::int64_t t0 = nowNs();
        TraceModel model(t);
        benchmark::DoNotOptimize(model.steps());
        ms.push_back(double(nowNs() - t0) / 1e6);
        state.SetIterationTime(ms.back() / 1e3);
    }
    state.counters["ms"] = median(ms);
}

void BM_StepLegacy(benchmark::State& state) {
    bench::Synthetic& s = synthetic();
    legacy::InspectorState code, inspector;
    code.update(&s.trace, s.trace.stepCount());
    inspector.update(&s.trace, s.trace.stepCount());
    std::vector<double> ms;
    for (auto _ : state) {
        for (int i = 0; i < 3; ++i) {
            s.addStep();
            const std::int64_t t0 = nowNs();
            legacyCursor(s.trace, s.trace.stepCount(), code, inspector);
            benchmark::DoNotOptimize(legacy::ChartData::fromTrace(s.trace, 1).endSeconds);
            ms.push_back(double(nowNs() - t0) / 1e6);
        }
        state.SetIterationTime(median(ms) / 1e3);
    }
    state.counters["ms"] = median(ms);
}

void BM_StepModel(benchmark::State& state) {
    bench::Synthetic& s = synthetic();
    TraceModel model(s.trace);
    RunState cursor;
    model.moveTo(cursor, model.steps());
    std::vector<double> ms;
    for (auto _ : state) {
        for (int i = 0; i < 3; ++i) {
            s.addStep();
            const std::int64_t t0 = nowNs();
            model.advance(s.trace);
            model.moveTo(cursor, model.steps());
            benchmark::DoNotOptimize(app::ChartData::fromModel(model, 1).endSeconds);
            benchmark::DoNotOptimize(WaitForGraph::build(cursor, model.cycles()).nodes.size());
            ms.push_back(double(nowNs() - t0) / 1e6);
        }
        state.SetIterationTime(median(ms) / 1e3);
    }
    state.counters["ms"] = median(ms);
}

}  // namespace

BENCHMARK(BM_JumpLegacy)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JumpModel)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FeedModel)->UseManualTime()->Iterations(2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StepLegacy)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StepModel)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    const std::size_t events = synthetic().trace.eventCount();
    lockstep::bench::CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    using lockstep::bench::verdict;
    std::printf("\n==== Lockstep analysis (synthetic trace: %zu events, %d threads) ====\n", events,
                lockstep::bench::kActors);
    if (reporter.has("BM_JumpLegacy") && reporter.has("BM_JumpModel")) {
        const double before = reporter.get("BM_JumpLegacy", "ms"), now = reporter.get("BM_JumpModel", "ms");
        std::printf("(7) random cursor jump, ms per jump                                   target < 1\n");
        std::printf("    %-40s: %9.3f ms (baseline)\n", "each view derives from event 0", before);
        std::printf("    %-40s: %9.3f ms   %.0fx faster   %s\n", "one TraceModel::moveTo", now,
                    now > 0 ? before / now : 0.0, verdict(now < 1.0));
        std::printf("    checkpoints: %.0f, %.1f MB (the trace's events: %.1f MB)\n",
                    reporter.get("BM_JumpModel", "checkpoints"), reporter.get("BM_JumpModel", "checkpoint_mb"),
                    reporter.get("BM_JumpModel", "trace_mb"));
    }
    if (reporter.has("BM_StepLegacy") && reporter.has("BM_StepModel")) {
        const double before = reporter.get("BM_StepLegacy", "ms"), now = reporter.get("BM_StepModel", "ms");
        std::printf("(8) one more step: every panel's derivation, ms per step\n");
        std::printf("    %-40s: %9.3f ms (baseline)\n", "statesAt x3, inspector x2, charts' scans", before);
        std::printf("    %-40s: %9.3f ms   %.0fx faster\n", "advance, moveTo, charts, wait-for graph", now,
                    now > 0 ? before / now : 0.0);
    }
    if (reporter.has("BM_FeedModel"))
        std::printf("    feeding the whole trace into a TraceModel: %.0f ms\n", reporter.get("BM_FeedModel", "ms"));
    return 0;
}
