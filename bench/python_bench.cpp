// (6) Python mode: what a scheduling point costs when the learner's own program runs under the scheduler, and
// the 10,000-task asyncio program's wall time, each against a baseline measured in the same run.
//   - points, one thread: a loop of N iterations (two lines each, so 2N points) with nobody else ready;
//   - points, two threads: two such loops under the random policy, so about half the points switch threads;
//   - baselines: the same loop in plain CPython (/usr/bin/python3.11, no tracing), under a do-nothing
//     sys.settrace tracer (what any Python debugger pays), and a built-in scenario's scheduling point (a print
//     of an engine thread);
//   - asyncio: 10,000 tasks sleeping 5 s, gathered; against the built-in async-gather-many with 10,000 tasks;
//   - large programs: ThreadPoolExecutor.map over 10,000 items and 100,000 submit() calls (4 workers), whole
//     runs under the random policy (programs' default), against /usr/bin/python3.11 running the same file,
//     measured alternately in every iteration;
//   - exploration: DFS of the two-thread lost update (read, sleep, write back) on every core, against one
//     plain CPython run of it and the built-in race-counter-sleep's exploration;
//   - processes: 1,000 round trips of a message between two processes through two multiprocessing queues,
//     then a Pool of two workers mapping over 1,000 numbers, against /usr/bin/python3.11 (as the large programs);
//   - CPU time: eight CPU-bound loops, each timed with perf_counter() inside the program: the virtual time
//     Lockstep gives them against the real time /usr/bin/python3.11 takes (best of five) on this machine.

#include <chrono>
#include <cmath>
#include <cstdint>
#include <map>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>
#include <cstdlib>

#include "BenchSupport.h"
#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/Explorer.h"
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

const char* kExecutorMap = R"py(from concurrent.futures import ThreadPoolExecutor

def square(n):
    return n * n

with ThreadPoolExecutor(max_workers=4) as pool:
    total = sum(pool.map(square, range(N)))
print(total)
)py";

const char* kExecutorSubmit = R"py(from concurrent.futures import ThreadPoolExecutor

def square(n):
    return n * n

with ThreadPoolExecutor(max_workers=4) as pool:
    futures = [pool.submit(square, i) for i in range(N)]
    total = sum(f.result() for f in futures)
print(total)
)py";

const char* kLostUpdate = R"py(import threading
import time

counter = 0

def add(amount):
    global counter
    seen = counter
    time.sleep(0.1)
    counter = seen + amount

a = threading.Thread(target=add, args=(10,))
b = threading.Thread(target=add, args=(20,))
a.start()
b.start()
a.join()
b.join()
print(counter)
)py";

// The program with its placeholder N replaced by a number.
// Two processes passing a message back and forth N times through two queues, then a pool of two workers
// squaring N numbers: every message is a request of a child process to its stand-in in the run's process.
const char* kProcessPingPong = R"py(import multiprocessing as mp

STOP = None

def echo(inbox, outbox):
    while True:
        received = inbox.get()
        if received is STOP:
            break
        outbox.put(received + 1)

def square(n):
    return n * n

if __name__ == "__main__":
    there, back = mp.Queue(), mp.Queue()
    child = mp.Process(target=echo, args=(there, back))
    child.start()
    message = 0
    for _ in range(N):
        there.put(message)
        message = back.get()
    there.put(STOP)
    child.join()
    with mp.Pool(2) as pool:
        print(message, sum(pool.map(square, range(N))))
)py";

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
        if (perStep) {
            state.counters["us_each"] = seconds * 1e6 / steps;
            // What the trace keeps per step, and the part of it that the frames' locals (Op::Locals events and
            // the texts only they use) take: the figure without them is the baseline.
            std::size_t textBytes = 0, localsBytes = 0;
            std::vector<bool> usedElsewhere(trace.stringCount()), usedByLocals(trace.stringCount());
            for (std::size_t i = 0; i < trace.eventCount(); ++i) {
                const TraceEvent& e = trace.event(i);
                if (!(e.flags & TraceEvent::ArgIsString) || e.arg < 0 || std::size_t(e.arg) >= trace.stringCount()) {
                    if (e.op == Op::Locals) localsBytes += sizeof(TraceEvent);
                    continue;
                }
                if (e.op == Op::Locals) {
                    localsBytes += sizeof(TraceEvent);
                    usedByLocals[std::size_t(e.arg)] = true;
                } else {
                    usedElsewhere[std::size_t(e.arg)] = true;
                }
            }
            for (std::uint32_t i = 0; i < trace.stringCount(); ++i) {
                const std::size_t bytes = trace.string(i).size() + sizeof(std::string);
                textBytes += bytes;
                if (usedByLocals[i] && !usedElsewhere[i]) localsBytes += bytes;
            }
            const double total = static_cast<double>(trace.eventStorageBytes() + textBytes);
            state.counters["trace_bytes_per_step"] = total / steps;
            state.counters["trace_bytes_per_step_without_locals"] = (total - static_cast<double>(localsBytes)) / steps;
        }
        else state.counters["ms_total"] = seconds * 1e3;
        state.counters["steps"] = steps;
        state.counters["switches"] = trace.outcome().switches;
        state.counters["end_s"] = static_cast<double>(trace.outcome().endTime) / 1e9;
        state.counters["finished"] = trace.outcome().status == RunStatus::Finished;
    }
}

// Wall time of /usr/bin/python3.11 running `text` (from process start to exit), in seconds; -1 on failure.
double cpythonSeconds(const std::string& name, const std::string& text) {
    const std::string path = "/tmp/lockstep-bench/" + name;
    std::system("mkdir -p /tmp/lockstep-bench");
    if (FILE* f = std::fopen(path.c_str(), "w")) {
        std::fputs(text.c_str(), f);
        std::fclose(f);
    }
    const std::int64_t t0 = nowNs();
    const int status = std::system(("/usr/bin/python3.11 -I " + path + " > /dev/null").c_str());
    const std::int64_t t1 = nowNs();
    return status == 0 ? static_cast<double>(t1 - t0) * 1e-9 : -1;
}

// One whole run of a program under the scheduler (random policy, as programs default to), in seconds.
double lockstepSeconds(const scenarios::Scenario* s, RunStatus& status) {
    Trace trace;
    RunConfig cfg;
    cfg.policy = PolicyKind::Random;
    cfg.maxSteps = 100'000'000;
    const std::int64_t t0 = nowNs();
    s->opener()(pool(), trace, cfg, nullptr)->runToEnd();  // a program: in the runner's child
    status = trace.outcome().status;
    return static_cast<double>(nowNs() - t0) * 1e-9;
}

// The program under Lockstep and under plain CPython, alternately, so both see the same machine load.
void largeProgram(benchmark::State& state, const char* name, const char* text, int n) {
    const std::string source = withN(text, n);
    const scenarios::Scenario* s = load(name, source);
    std::vector<double> ours, theirs, ratio;
    bool finished = true;
    int iteration = 0;
    for (auto _ : state) {
        double t[2] = {0, 0};
        for (int k = 0; k < 2; ++k) {
            const int which = iteration % 2 == 0 ? k : 1 - k;
            RunStatus status = RunStatus::Finished;
            t[which] = which == 0 ? lockstepSeconds(s, status) : cpythonSeconds(name, source);
            finished = finished && status == RunStatus::Finished;
        }
        ++iteration;
        state.SetIterationTime(t[0] + t[1]);
        ours.push_back(t[0]);
        theirs.push_back(t[1]);
        ratio.push_back(t[1] > 0 ? t[0] / t[1] : 0);
    }
    state.counters["lockstep_s"] = lockstep::bench::median(ours);
    state.counters["cpython_s"] = lockstep::bench::median(theirs);
    state.counters["ratio"] = lockstep::bench::median(ratio);
    state.counters["finished"] = finished ? 1 : 0;
}

void BM_ExecutorMap10k(benchmark::State& state) { largeProgram(state, "executor_map.py", kExecutorMap, 10'000); }
void BM_ExecutorSubmit100k(benchmark::State& state) {
    largeProgram(state, "executor_submit.py", kExecutorSubmit, 100'000);
}

void BM_ProcessPingPong1k(benchmark::State& state) {
    largeProgram(state, "process_ping_pong.py", kProcessPingPong, 1'000);
}

// DFS of the lost update on every core, one plain CPython run of the program, and the built-in scenario's DFS.
void BM_ExploreLostUpdate(benchmark::State& state) {
    static const scenarios::Scenario* s = load("lost_update.py", kLostUpdate);
    const scenarios::Scenario* builtin = scenarios::find("race-counter-sleep");
    std::vector<double> ours, plain, builtinSeconds;
    int runs = 0;
    bool exhaustive = true;
    for (auto _ : state) {
        Explorer explorer(pool());
        explorer.useOpener(s->opener());  // each run a child of the runner, as in the command line
        ExploreOptions o;
        o.maxRuns = 100'000;
        const scenarios::Params p = s->resolve({});
        std::int64_t t0 = nowNs();
        const ExploreResult r = explorer.explore(s->id, [p] { s->main(p); }, RunConfig{}, o);
        const double seconds = static_cast<double>(nowNs() - t0) * 1e-9;
        runs = r.runs;
        exhaustive = exhaustive && r.exhaustive;
        ours.push_back(seconds);
        plain.push_back(cpythonSeconds("lost_update.py", kLostUpdate));
        const scenarios::Params bp = builtin->resolve({});
        t0 = nowNs();
        Explorer builtinExplorer(pool());
        builtinExplorer.explore(builtin->id, [builtin, bp] { builtin->main(bp); }, RunConfig{}, o);
        builtinSeconds.push_back(static_cast<double>(nowNs() - t0) * 1e-9);
        state.SetIterationTime(seconds);
    }
    state.counters["explore_s"] = lockstep::bench::median(ours);
    state.counters["cpython_s"] = lockstep::bench::median(plain);
    state.counters["builtin_s"] = lockstep::bench::median(builtinSeconds);
    state.counters["runs"] = runs;
    state.counters["exhaustive"] = exhaustive ? 1 : 0;
}

// Eight CPU-bound loops of different kinds; each prints its name and its perf_counter() time. REPEAT is 1 under
// Lockstep (virtual time has no warm-up) and 5 under CPython (the best, warmed, run counts).
const char* kKernels = R"py(import time

def arith(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def counts(n):
    d = {}
    items = []
    for i in range(n):
        k = i % 97
        d[k] = d.get(k, 0) + 1
        items.append(k)
    return len(items)

def strings(n):
    parts = []
    for i in range(n):
        parts.append(f"item {i}")
    return len(" ".join(parts))

def primes(n):
    found = 0
    for c in range(2, n):
        d = 2
        while d * d <= c:
            if c % d == 0:
                break
            d += 1
        else:
            found += 1
    return found

class Box:
    def __init__(self, v):
        self.v = v
    def bump(self, k):
        self.v += k
        return self.v

def methods(n):
    b = Box(0)
    for i in range(n):
        b.bump(i & 7)
    return b.v

def squares(n):
    return sum([x * 2 for x in range(n) if x % 3])

def mixed(n):
    out = []
    for i in range(n):
        out.append(i if i % 2 else -i)
    return max(out)

for fn, n in ((arith, 30000), (fib, 18), (counts, 20000), (strings, 20000), (primes, 3000), (methods, 20000),
              (squares, 40000), (mixed, 30000)):
    best = None
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        fn(n)
        t = time.perf_counter() - t0
        best = t if best is None else min(best, t)
    print(fn.__name__, best)
)py";

std::map<std::string, double> parseTimes(const std::string& text) {
    std::map<std::string, double> times;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(at, end - at);
        if (const std::size_t space = line.find(' '); space != std::string::npos)
            times[line.substr(0, space)] = std::atof(line.c_str() + space + 1);
        at = end + 1;
    }
    return times;
}

void BM_CpuTimeFidelity(benchmark::State& state) {
    std::string lockstepSource = kKernels, cpythonSource = kKernels;
    lockstepSource.replace(lockstepSource.find("REPEAT):"), 6, "1");
    cpythonSource.replace(cpythonSource.find("REPEAT):"), 6, "5");
    static const scenarios::Scenario* s = load("kernels.py", lockstepSource);
    for (auto _ : state) {
        Trace trace;
        RunConfig cfg;
        cfg.policy = PolicyKind::Random;
        cfg.gil = true;
        cfg.maxSteps = 10'000'000;
        s->opener()(pool(), trace, cfg, nullptr)->runToEnd();
        std::string printed;
        for (std::size_t i = 0; i < trace.eventCount(); ++i)
            if (const TraceEvent& e = trace.event(i); e.op == Op::Print && (e.flags & TraceEvent::ArgIsString))
                printed += trace.string(static_cast<std::uint32_t>(e.arg)) + "\n";
        std::string real;
        std::system("mkdir -p /tmp/lockstep-bench");
        if (FILE* f = std::fopen("/tmp/lockstep-bench/kernels_cpython.py", "w")) {
            std::fputs(cpythonSource.c_str(), f);
            std::fclose(f);
        }
        if (FILE* p = popen("/usr/bin/python3.11 -I /tmp/lockstep-bench/kernels_cpython.py", "r")) {
            char buffer[256];
            while (std::fgets(buffer, sizeof buffer, p)) real += buffer;
            pclose(p);
        }
        const auto ours = parseTimes(printed), theirs = parseTimes(real);
        double logSum = 0;
        int n = 0;
        for (const auto& [name, virtualSeconds] : ours) {
            auto it = theirs.find(name);
            if (it == theirs.end() || it->second <= 0) continue;
            const double ratio = virtualSeconds / it->second;
            state.counters["ratio_" + name] = ratio;
            logSum += std::log(ratio);
            ++n;
        }
        state.counters["kernels"] = n;
        state.counters["geomean"] = n ? std::exp(logSum / n) : 0;
        state.SetIterationTime(1e-3);
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
BENCHMARK(BM_ExecutorMap10k)->UseManualTime()->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExecutorSubmit100k)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExploreLostUpdate)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ProcessPingPong1k)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CpuTimeFidelity)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);

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
        std::printf("     trace kept per point: %.1f bytes; %.1f bytes without the frames' locals (%.2fx)\n",
                    reporter.get("BM_PyPointsOneThread", "trace_bytes_per_step"),
                    reporter.get("BM_PyPointsOneThread", "trace_bytes_per_step_without_locals"),
                    reporter.get("BM_PyPointsOneThread", "trace_bytes_per_step") /
                        reporter.get("BM_PyPointsOneThread", "trace_bytes_per_step_without_locals"));
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
    for (const char* bench : {"BM_ExecutorMap10k", "BM_ExecutorSubmit100k"}) {
        if (!reporter.has(bench)) continue;
        const double ours = reporter.get(bench, "lockstep_s");
        const double theirs = reporter.get(bench, "cpython_s");
        const double ratio = reporter.get(bench, "ratio");
        std::printf("(6d) %s: %.2f s under Lockstep (random policy%s), %.2f s in /usr/bin/python3.11: %.1fx "
                    "(median of per-iteration ratios)   target <= 10x   %s\n",
                    std::string(bench) == "BM_ExecutorMap10k" ? "ThreadPoolExecutor.map over 10,000 items"
                                                             : "100,000 ThreadPoolExecutor.submit() calls",
                    ours, reporter.get(bench, "finished") == 1 ? "" : ", NOT FINISHED", theirs, ratio,
                    lockstep::bench::verdict(ratio > 0 && ratio <= 10));
    }
    if (reporter.has("BM_ExploreLostUpdate")) {
        const double ours = reporter.get("BM_ExploreLostUpdate", "explore_s");
        const double plain = reporter.get("BM_ExploreLostUpdate", "cpython_s");
        const double builtin = reporter.get("BM_ExploreLostUpdate", "builtin_s");
        std::printf("(6e) explore of the lost-update program, dfs on %d workers: %.0f runs, %s, %.2f s of wall time "
                    "(%.1fx one CPython run of it, %.2f s; %.0fx the built-in race-counter-sleep's exploration, %.3f s)\n",
                    Explorer::defaultWorkers(), reporter.get("BM_ExploreLostUpdate", "runs"),
                    reporter.get("BM_ExploreLostUpdate", "exhaustive") == 1 ? "exhaustive" : "NOT exhaustive", ours,
                    plain > 0 ? ours / plain : 0.0, plain, builtin > 0 ? ours / builtin : 0.0, builtin);
    }
    if (reporter.has("BM_CpuTimeFidelity")) {
        std::printf("(6f) CPU time: virtual time of eight CPU-bound loops against /usr/bin/python3.11's real time "
                    "(best of 5):");
        double lowest = 1e9, highest = 0;
        for (const char* name : {"arith", "fib", "counts", "strings", "primes", "methods", "squares", "mixed"}) {
            const std::string key = std::string("ratio_") + name;
            const double r = reporter.get("BM_CpuTimeFidelity", key);
            if (r <= 0) continue;
            lowest = std::min(lowest, r);
            highest = std::max(highest, r);
            std::printf(" %s %.2fx", name, r);
        }
        const double geomean = reporter.get("BM_CpuTimeFidelity", "geomean");
        std::printf("\n     geometric mean %.2fx, range %.2f-%.2fx   target 0.5-2x each   %s\n", geomean, lowest,
                    highest, lockstep::bench::verdict(reporter.get("BM_CpuTimeFidelity", "kernels") == 8 &&
                                                       lowest >= 0.5 && highest <= 2));
    }
    return 0;
}
