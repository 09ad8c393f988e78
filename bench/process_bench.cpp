// (5) Processes: what a child process's scheduling point and start cost, against a thread's in the same run.
// A child's scheduling point is a request over its socket to its stand-in actor and the answer back, on top
// of the baton hand-off a thread's costs; starting a child is a posix_spawn of this binary, its start-up, and
// the hand-shake.
//   - points: one actor (a thread, then a child process) prints N lines; wall time per print.
//   - start:  start and join one actor whose body does nothing; wall time per actor.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "BenchSupport.h"
#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/Thread.h"
#include "lockstep/Trace.h"
#include "lockstep/WorkerPool.h"
#include "lockstep/mp/Multiprocessing.h"

using namespace lockstep;
using lockstep::bench::nowNs;

namespace {

constexpr std::int64_t kPoints = 2000;

WorkerPool& pool() {
    static WorkerPool p;
    return p;
}

void printMany(std::int64_t n) {
    for (std::int64_t i = 0; i < n; ++i) printText("x");
}

void printManyTarget(const mp::Args& a) { printMany(a.at(0).asInt()); }
LOCKSTEP_PROCESS_TARGET(printManyTarget);

void nothing(const mp::Args&) {}
LOCKSTEP_PROCESS_TARGET(nothing);

template <typename Body>
void timed(benchmark::State& state, Body body, double per) {
    for (auto _ : state) {
        Trace trace;
        const std::int64_t t0 = nowNs();
        {
            Execution ex(pool(), trace, RunConfig{}, body);
            ex.runToEnd();
        }
        const double seconds = static_cast<double>(nowNs() - t0) * 1e-9;
        state.SetIterationTime(seconds);
        state.counters["us_each"] = seconds * 1e6 / per;
        state.counters["finished"] = trace.outcome().status == RunStatus::Finished;
    }
}

void BM_ThreadPoints(benchmark::State& state) {
    timed(state, [] {
        Thread t([] { printMany(kPoints); });
        t.start();
        t.join();
    }, kPoints);
}

void BM_ProcessPoints(benchmark::State& state) {
    timed(state, [] {
        mp::Process p(&printManyTarget, {static_cast<long long>(kPoints)});
        p.start();
        p.join();
    }, kPoints);
}

void BM_ThreadStart(benchmark::State& state) {
    timed(state, [] {
        for (int i = 0; i < 10; ++i) {
            Thread t([] {});
            t.start();
            t.join();
        }
    }, 10);
}

void BM_ProcessStart(benchmark::State& state) {
    timed(state, [] {
        for (int i = 0; i < 10; ++i) {
            mp::Process p(&nothing);
            p.start();
            p.join();
        }
    }, 10);
}

}  // namespace

BENCHMARK(BM_ThreadPoints)->UseManualTime()->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ProcessPoints)->UseManualTime()->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ThreadStart)->UseManualTime()->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ProcessStart)->UseManualTime()->Iterations(5)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    // The children of this benchmark are this program started again in the worker mode.
    if (const int child = mp::runChildIfRequested(argc, argv); child >= 0) return child;
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    lockstep::bench::CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    std::printf("\n==== Lockstep processes ====\n");
    if (reporter.has("BM_ProcessPoints") && reporter.has("BM_ThreadPoints")) {
        const double p = reporter.get("BM_ProcessPoints", "us_each"), t = reporter.get("BM_ThreadPoints", "us_each");
        std::printf("(5a) a scheduling point (print) of a child process: %.1f us; of a thread: %.1f us; ratio %.1fx\n", p, t,
                    p / t);
    }
    if (reporter.has("BM_ProcessStart") && reporter.has("BM_ThreadStart")) {
        const double p = reporter.get("BM_ProcessStart", "us_each"), t = reporter.get("BM_ThreadStart", "us_each");
        std::printf("(5b) start + join of a child process that does nothing: %.2f ms; of a thread: %.3f ms; ratio %.0fx\n",
                    p / 1000, t / 1000, p / t);
    }
    return 0;
}
