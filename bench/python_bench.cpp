// (6) Python mode: what a scheduling point costs when the learner's own program runs under the scheduler, and
// the 10,000-task asyncio program's wall time, each against a baseline measured in the same run.
//   - points, one thread: a loop of N iterations (two lines each, so 2N points) with nobody else ready;
//   - points, two threads: two such loops under the random policy, so about half the points switch threads;
//   - baselines: the same loop in plain CPython (/usr/bin/python3.11, no tracing), under a do-nothing
//     sys.settrace tracer (what any Python debugger pays), and a built-in scenario's scheduling point (a print
//     of an engine thread);
//   - asyncio: 10,000 tasks sleeping 5 s, gathered; against the built-in async-gather-many with 10,000 tasks.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "BenchSupport.h"
#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/Thread.h"
#include "lockstep/Trace.h"
#include "lockstep/WorkerPool.h"
#include "lockstep/python/Program.h"
#include "lockstep/python/Runner.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using lockstep::bench::nowNs;

namespace {

constexpr int kIterations = 20000;

WorkerPool& pool() {
    static WorkerPool p;
    return p;
}

const char* kLoop = R"py(def loop(n):
    v = 0
    for i in range(n):
        v = i

loop(N)
)py";

const char* kTwoLoops = R"py(import threading

def loop(n):
    v = 0
    for i in range(n):
        v = i

a = threading.Thread(target=loop, args=(N,))
b = threading.Thread(target=loop, args=(N,))
a.start()
b.start()
a.join()
b.join()
)py";

const char* kTasks = R"py(import asyncio

async def nap():
    await asyncio.sleep(5)

async def main():
    await asyncio.gather(*(nap() for _ in range(10000)))

asyncio.run(main())
)py";

// The program with its placeholder N replaced by a number.
std::string withN(const char* text, int n) {
    std::string s = text;
    for (auto p = s.find("(N"); p != std::string::npos; p = s.find("(N")) s.replace(p + 1, 1, std::to_string(n));
    return s;
}

const scenarios::Scenario* load(const std::string& name, const std::string& text) {
    std::string error;
    const scenarios::Scenario* s = python::loadSource("/tmp/lockstep-bench/" + name, text, error);
    if (!s) std::fprintf(stderr, "%s: %s\n", name.c_str(), error.c_str());
    return s;
}

void runTimed(benchmark::State& state, const scenarios::Scenario* s, PolicyKind policy, bool perStep) {
    for (auto _ : state) {
        Trace trace;
        RunConfig cfg;
        cfg.policy = policy;
        cfg.maxSteps = 10'000'000;
        const std::int64_t t0 = nowNs();
        s->opener()(pool(), trace, cfg, nullptr)->runToEnd();  // a program: in the runner's child
        const double seconds = static_cast<double>(nowNs() - t0) * 1e-9;
        state.SetIterationTime(seconds);
        const double steps = trace.stepCount();
        if (perStep) state.counters["us_each"] = seconds * 1e6 / steps;
        else state.counters["ms_total"] = seconds * 1e3;
        state.counters["steps"] = steps;
        state.counters["switches"] = trace.outcome().switches;
        state.counters["end_s"] = static_cast<double>(trace.outcome().endTime) / 1e9;
        state.counters["finished"] = trace.outcome().status == RunStatus::Finished;
    }
}

void BM_PyPointsOneThread(benchmark::State& state) {
    static const scenarios::Scenario* s = load("loop1.py", withN(kLoop, kIterations));
    runTimed(state, s, PolicyKind::RoundRobin, true);
}

void BM_PyPointsTwoThreads(benchmark::State& state) {
    static const scenarios::Scenario* s = load("loop2.py", withN(kTwoLoops, kIterations / 2));
    runTimed(state, s, PolicyKind::Random, true);
}

// Plain CPython, and CPython under a do-nothing Python-level tracer: ns per line, printed by the child.
double plainCpythonNsPerLine(bool traced) {
    std::string script = std::string("import sys, time\n") + (traced ? "def t(f, e, a):\n    return t\nsys.settrace(t)\n" : "") +
                         "def loop(n):\n    v = 0\n    for i in range(n):\n        v = i\n"
                         "t0 = time.perf_counter_ns()\nloop(" +
                         std::to_string(kIterations) + ")\nprint((time.perf_counter_ns() - t0) / (2 * " +
                         std::to_string(kIterations) + "))\n";
    const std::string path = "/tmp/lockstep-bench-plain.py";
    if (FILE* f = std::fopen(path.c_str(), "w")) {
        std::fputs(script.c_str(), f);
        std::fclose(f);
    }
    double ns = -1;
    if (FILE* p = popen(("/usr/bin/python3.11 -I " + path).c_str(), "r")) {
        if (std::fscanf(p, "%lf", &ns) != 1) ns = -1;
        pclose(p);
    }
    return ns;
}

void BM_PlainCPython(benchmark::State& state) {
    for (auto _ : state) {
        const double ns = plainCpythonNsPerLine(false);
        state.SetIterationTime(ns * 1e-9);
        state.counters["us_each"] = ns / 1000;
    }
}

void BM_TracedCPython(benchmark::State& state) {
    for (auto _ : state) {
        const double ns = plainCpythonNsPerLine(true);
        state.SetIterationTime(ns * 1e-9);
        state.counters["us_each"] = ns / 1000;
    }
}

void BM_BuiltinPoints(benchmark::State& state) {
    for (auto _ : state) {
        Trace trace;
        const std::int64_t t0 = nowNs();
        {
            Execution ex(pool(), trace, RunConfig{}, [] {
                for (int i = 0; i < 2 * kIterations; ++i) printText("x");
            });
            ex.runToEnd();
        }
        const double seconds = static_cast<double>(nowNs() - t0) * 1e-9;
        state.SetIterationTime(seconds);
        state.counters["us_each"] = seconds * 1e6 / (2 * kIterations);
    }
}

void BM_Py10kTasks(benchmark::State& state) {
    static const scenarios::Scenario* s = load("tasks.py", kTasks);
    runTimed(state, s, PolicyKind::RoundRobin, false);
}

void BM_Builtin10kTasks(benchmark::State& state) {
    runTimed(state, scenarios::find("async-gather-many"), PolicyKind::RoundRobin, false);
}

}  // namespace

BENCHMARK(BM_PyPointsOneThread)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PyPointsTwoThreads)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlainCPython)->UseManualTime()->Iterations(3)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TracedCPython)->UseManualTime()->Iterations(3)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BuiltinPoints)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Py10kTasks)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Builtin10kTasks)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    // This binary is also the runner of the Python programs it measures.
    if (const int runner = python::runRunnerIfRequested(argc, argv); runner >= 0) return runner;
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    lockstep::bench::CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    std::printf("\n==== Lockstep Python mode ====\n");
    if (reporter.has("BM_PyPointsOneThread") && reporter.has("BM_PlainCPython") && reporter.has("BM_BuiltinPoints")) {
        const double one = reporter.get("BM_PyPointsOneThread", "us_each");
        const double plain = reporter.get("BM_PlainCPython", "us_each");
        const double builtin = reporter.get("BM_BuiltinPoints", "us_each");
        std::printf("(6a) a scheduling point (a line) of a Python program, no thread switch: %.2f us; a line of plain "
                    "CPython: %.3f us (%.0fx); a built-in scenario's point: %.2f us (%.1fx)\n",
                    one, plain, one / plain, builtin, one / builtin);
        if (reporter.has("BM_TracedCPython")) {
            const double traced = reporter.get("BM_TracedCPython", "us_each");
            std::printf("     a line under a do-nothing sys.settrace tracer: %.3f us (the point costs %.1fx that)\n", traced,
                        one / traced);
        }
    }
    if (reporter.has("BM_PyPointsTwoThreads") && reporter.has("BM_PyPointsOneThread")) {
        const double two = reporter.get("BM_PyPointsTwoThreads", "us_each");
        const double one = reporter.get("BM_PyPointsOneThread", "us_each");
        const double switches = reporter.get("BM_PyPointsTwoThreads", "switches");
        const double steps = reporter.get("BM_PyPointsTwoThreads", "steps");
        const double share = steps > 0 ? switches / steps : 0;
        std::printf("(6b) two threads, random policy: %.2f us a point with %.0f%% of points switching threads; so a "
                    "point with a switch costs about %.1f us\n",
                    two, share * 100, share > 0 ? one + (two - one) / share : 0.0);
    }
    if (reporter.has("BM_Py10kTasks") && reporter.has("BM_Builtin10kTasks")) {
        const double py = reporter.get("BM_Py10kTasks", "ms_total");
        const double builtin = reporter.get("BM_Builtin10kTasks", "ms_total");
        std::printf("(6c) 10,000 asyncio tasks sleeping 5 s, gathered, as a Python program: %.0f ms of wall time (ends at "
                    "t=%.1f s); the built-in async-gather-many with 10,000 tasks: %.0f ms (%.1fx)\n",
                    py, reporter.get("BM_Py10kTasks", "end_s"), builtin, py / builtin);
    }
    return 0;
}
