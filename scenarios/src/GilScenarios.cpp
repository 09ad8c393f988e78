// The global interpreter lock: CPU-bound threads on one and several virtual cores, with and without the GIL,
// against processes, which each have their own.

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "lockstep/Api.h"
#include "lockstep/Thread.h"
#include "lockstep/mp/Multiprocessing.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

using namespace std::chrono_literals;

namespace {

// The listing's PASSES_PER_MS: one pass of the countdown loop takes 1 ms / 20,000 = 50 ns of CPU time.
constexpr std::int64_t kPassesPerMs = 20'000;
constexpr Nanos kNanosPerPass = 1'000'000 / kPassesPerMs;

// f"{x:.3f}"
std::string fixed3(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", x);
    return buffer;
}

// countdown(n): the whole loop is one CPU burst of n passes. The engine hands the GIL (and, without it, the
// core) to another thread in the middle of a burst at every switch interval or quantum, just as CPython
// does between two bytecodes of the loop, so one burst shows the same hand-overs as n little ones would.
void countdown(std::int64_t n) {
    line(11);
    if (n > 0) work(std::chrono::nanoseconds(n * kNanosPerPass));
}

// The countdown as a process's target: the child runs it under its own interpreter and its own GIL.
void countdownInProcess(const mp::Args& args) { countdown(args.at(0).asInt()); }
LOCKSTEP_PROCESS_TARGET(countdownInProcess);

void gilCpuBound(const Params& p) {
    const std::int64_t threadCount = p.get("threads", 2);
    const std::int64_t workMs = p.get("work_ms", 400);
    const bool ioThread = p.get("io_thread", 1) != 0;
    const auto ioWait = std::chrono::milliseconds(p.get("io_ms", 50));
    const bool processes = p.get("processes", 0) != 0;
    line(21);  // set_start_method("spawn"): the engine starts every child that way
    line(22);
    const double start = monotonic();
    auto ioWorker = [=] {
        for (;;) {
            line(16);
            sleep(ioWait);
            line(17);
            countdown(kPassesPerMs);
            line(18);
            print("io: reply parsed at t=" + fixed3(monotonic() - start));
            line(15);
        }
    };
    line(23);
    if (ioThread) {
        line(24);
        Thread(ioWorker, {.name = "io", .daemon = true}).start();
    }
    line(25);
    const std::int64_t n = workMs * kPassesPerMs / threadCount;
    line(26);
    line(27);
    if (processes) {
        std::vector<mp::Process> workers;
        for (std::int64_t i = 1; i <= threadCount; ++i)
            workers.emplace_back(&countdownInProcess, mp::Args{n}, mp::ProcessOptions{.name = "P" + std::to_string(i)});
        line(29);
        for (mp::Process& w : workers) w.start();
        line(30);
        for (mp::Process& w : workers) w.join();
    } else {
        std::vector<Thread> workers;
        for (std::int64_t i = 1; i <= threadCount; ++i)
            workers.emplace_back([n] { countdown(n); }, ThreadOptions{.name = "T" + std::to_string(i)});
        line(29);
        for (Thread& t : workers) t.start();
        line(30);
        for (Thread& t : workers) t.join();
    }
    line(31);
    line(32);
    print("countdown in " + std::to_string(threadCount) + (processes ? " process(es): " : " thread(s): ") +
          fixed3(monotonic() - start) + " s");
}

}  // namespace

void addGilScenarios(std::vector<Scenario>& out) {
    out.push_back(Scenario{
        .id = "gil-cpu-bound",
        .family = "pools",
        .title = QT_TRANSLATE_NOOP("Scenario", "CPU-bound threads under the GIL"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "A pure-Python countdown that needs WORK_MS milliseconds of CPU time in all is split evenly "
            "between THREADS threads. With the GIL on (here on 4 virtual cores) only the thread that holds "
            "the GIL runs Python code: the GIL lane shows one holder at a time, passed on every switch "
            "interval (5 ms), the other cores stay idle, and 2 or 4 threads take as long as one. Turn the "
            "GIL off and, on 4 cores, 4 threads finish in about a quarter of the time. Separate processes "
            "give that with the GIL on: set PROCESSES to 1 and the countdown runs in real child processes, "
            "each with its own interpreter and its own GIL, in parallel on the 4 cores. The io thread spends most of its time asleep, as if waiting for a "
            "network reply; asleep it does not hold the GIL, and after each wake-up it waits for the GIL "
            "before it can parse the reply. The GIL tab of the Charts panel runs the program with 1, 2 and 4 "
            "threads, with and without the GIL, on 1 and on 4 cores, and compares the elapsed times."),
        .listing = R"py(import multiprocessing, threading, time

THREADS = 2              # threads (or processes) that share the countdown
WORK_MS = 400            # CPU time of the whole countdown on one core
IO_THREAD = True         # also run a thread that mostly waits for I/O
IO_MS = 50               # how long each of its waits lasts
PASSES_PER_MS = 20_000   # loop passes CPython gets through in about 1 ms
PROCESSES = False        # True: processes instead of threads, each with its own GIL

def countdown(n):
    while n > 0:         # pure Python bytecode: runs only while holding the GIL
        n -= 1

def io_worker():
    while True:
        time.sleep(IO_MS / 1000)    # waiting for I/O: the GIL is free meanwhile
        countdown(PASSES_PER_MS)    # parse the reply: 1 ms of CPU, needs the GIL back
        print(f"io: reply parsed at t={time.monotonic() - start:.3f}")

if __name__ == "__main__":          # a spawned child imports this file: keep this out of it
    multiprocessing.set_start_method("spawn")    # a child starts a new interpreter and imports this file
    start = time.monotonic()
    if IO_THREAD:
        threading.Thread(target=io_worker, name="io", daemon=True).start()
    n = WORK_MS * PASSES_PER_MS // THREADS
    Worker, prefix = (multiprocessing.Process, "P") if PROCESSES else (threading.Thread, "T")
    workers = [Worker(target=countdown, args=(n,), name=f"{prefix}{i}")
               for i in range(1, THREADS + 1)]
    for w in workers: w.start()
    for w in workers: w.join()
    kind = "process(es)" if PROCESSES else "thread(s)"
    print(f"countdown in {THREADS} {kind}: {time.monotonic() - start:.3f} s")
)py",
        .params = {{"threads", QT_TRANSLATE_NOOP("Scenario", "Threads sharing the countdown"), 2, 1, 8},
                   {"work_ms", QT_TRANSLATE_NOOP("Scenario", "CPU time of the whole countdown (ms)"), 400, 10, 5000},
                   {"io_thread", QT_TRANSLATE_NOOP("Scenario", "Also run the io thread (1 = yes, 0 = no)"), 1, 0, 1},
                   {"io_ms", QT_TRANSLATE_NOOP("Scenario", "Each wait of the io thread (ms)"), 50, 1, 1000},
                   {"processes", QT_TRANSLATE_NOOP("Scenario", "Count down in processes instead of threads (1 = processes)"), 0, 0, 1}},
        .defaults = {.policy = PolicyKind::RoundRobin, .seed = 1, .cores = 4, .gil = true},
        .main = gilCpuBound,
    });
}

}  // namespace lockstep::scenarios
