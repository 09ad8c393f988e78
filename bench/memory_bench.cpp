// (3) Resident bytes per trace event. Runs in its own process so the heap has no freed memory to reuse: the
// resident set grows by exactly what the new trace touches. For each workload: a warm-up run creates the
// pool's threads (stacks, malloc arenas) into a trace that stays alive, then RSS is read from
// /proc/self/statm before and after one run that records millions of events into a fresh Trace.
// Two workloads, the two extremes of events per step:
//  * ping-pong: two threads alternating with sleep(0): 2 events per step (Sleep + Switch);
//  * single:    MainThread alone doing Shared<int> loads and stores: 1 event per step.
// Steps and decisions are flags on events, so beyond its 24-byte events a trace holds only an index entry
// every 256 steps and the pages of its chunk table that hold a chunk.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <thread>

#include "BenchSupport.h"
#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/Shared.h"
#include "lockstep/Thread.h"
#include "lockstep/WorkerPool.h"

using namespace lockstep;
using namespace std::chrono_literals;
using lockstep::bench::nowNs;
using lockstep::bench::residentBytes;

namespace {

WorkerPool& pool() {
    static WorkerPool p;
    return p;
}

template <typename MakeBody>
void measure(benchmark::State& state, MakeBody makeBody, std::int64_t rounds) {
    RunConfig config;
    config.policy = PolicyKind::RoundRobin;
    config.maxSteps = UINT32_MAX;
    static Trace warmTrace;  // kept alive: freeing it would leave reusable heap memory behind
    {
        Execution ex(pool(), warmTrace, config, makeBody(1000));
        ex.runToEnd();
    }
    for (auto _ : state) {
        auto* trace = new Trace;  // leaked on purpose: see above
        const std::size_t before = residentBytes();
        const std::int64_t t0 = nowNs();
        {
            Execution ex(pool(), *trace, config, makeBody(rounds));
            ex.runToEnd();
        }
        const std::int64_t t1 = nowNs();
        const std::size_t after = residentBytes();
        state.SetIterationTime(static_cast<double>(t1 - t0) * 1e-9);
        const double events = static_cast<double>(trace->eventCount());
        state.counters["events"] = events;
        state.counters["steps"] = trace->stepCount();
        state.counters["rss_bytes_per_event"] = static_cast<double>(after - before) / events;
        state.counters["storage_bytes_per_event"] = static_cast<double>(trace->eventStorageBytes()) / events;
        state.counters["steps_per_s"] = trace->stepCount() * 1e9 / static_cast<double>(t1 - t0);
    }
}

void BM_TraceMemoryPingPong(benchmark::State& state) {
    measure(
        state,
        [](std::int64_t rounds) { return lockstep::bench::pingPongBody(rounds); },
        1'000'000);  // 2 M steps, 4 M events
}

void BM_TraceMemorySingle(benchmark::State& state) {
    measure(
        state,
        [](std::int64_t rounds) {
            return [rounds] {
                Shared<int> x("x", 0);
                for (std::int64_t i = 0; i < rounds; ++i) x.store(x.load() + 1);
            };
        },
        2'000'000);  // 4 M steps, 4 M events
}

}  // namespace

// One iteration each: the measurement needs a heap that has never given memory back.
BENCHMARK(BM_TraceMemoryPingPong)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TraceMemorySingle)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    lockstep::bench::CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    using lockstep::bench::verdict;
    std::printf("\n==== Lockstep trace memory (fresh process) ====\n");
    std::printf("(3) resident bytes per trace event (RSS after - before a run into a fresh Trace)   target <= 24\n");
    const struct {
        const char* bench;
        const char* label;
    } rows[] = {{"BM_TraceMemoryPingPong", "ping-pong, sleep(0), 2 events/step"},
                {"BM_TraceMemorySingle", "single actor, load/store, 1 event/step"}};
    for (const auto& row : rows) {
        if (!reporter.has(row.bench)) continue;
        const double rss = reporter.get(row.bench, "rss_bytes_per_event");
        std::printf("    %-40s: %6.2f B/event RSS, %6.2f B/event eventStorageBytes()  (%.1f M events, %.2f M steps/s "
                    "with a fresh trace)   %s\n",
                    row.label, rss, reporter.get(row.bench, "storage_bytes_per_event"),
                    reporter.get(row.bench, "events") / 1e6, reporter.get(row.bench, "steps_per_s") / 1e6,
                    verdict(rss <= 24.0));
    }
    std::printf("    (each event is sizeof(TraceEvent) = %zu B; steps and decisions are flags on events; the rest is\n"
                "     a 4 B index entry per 256 steps and the used pages of the chunk table)\n",
                sizeof(TraceEvent));
    return 0;
}
