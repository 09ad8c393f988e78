// asyncio scenarios: run, coroutine objects, gather, sleep, chains. Each runs asyncio.run(main()) on MainThread's own thread with
// lockstep::asyncio (core/include/lockstep/asyncio/Asyncio.h).
//
// Every scenario's coroutines live in a namespace of their own, so each can call its coroutines what the listing
// calls them (main, worker, nap...): the timeline names a task after its coroutine function. Every task runs on
// MainThread, whose current line is the last line(n) called: so each coroutine marks its line again after every
// await it resumes from, before it records anything.

#include <chrono>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "lockstep/Api.h"
#include "lockstep/PyError.h"
#include "lockstep/asyncio/Asyncio.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

namespace aio = lockstep::asyncio;
using namespace std::chrono_literals;

namespace {

// f"{loop.time() - start:.0f}": whole seconds of the loop's clock since `start`.
std::int64_t secondsSince(double start) { return std::llround(aio::get_running_loop().time() - start); }

std::chrono::seconds seconds(std::int64_t s) { return std::chrono::seconds(s); }

namespace never_awaited {

aio::Coroutine<void> greet(std::string name) {
    line(6);
    print("greet(" + name + "): running");
    line(7);
    co_await aio::sleep(1s);
    line(8);
    print("greet(" + name + "): done");
}

aio::Coroutine<void> main(bool awaitIt) {
    line(11);
    if (awaitIt) {
        line(12);
        co_await greet("first");
    } else {
        line(13);
        line(14);
        // The coroutine object is a temporary: it is dropped at the end of the statement, as Python drops an
        // unused expression's value, and the warning comes at once.
        (void)greet("first");
    }
    line(15);
    // Kept in a local until main's frame ends: its warning comes only then.
    auto kept = greet("second");
    line(16);
    print("main: holding a coroutine object");
    line(17);
    co_await aio::sleep(1s);
    line(18);
    print("main: done");
}

void run(const Params& p) {
    line(20);
    aio::run(main(p.get("await_it", 0) != 0));
}

}  // namespace never_awaited

namespace run_nested {

aio::Coroutine<void> inner() {
    line(4);
    print("inner: running");
    line(5);
    co_await aio::sleep(1s);
    line(6);
    print("inner: done");
}

aio::Coroutine<void> main() {
    line(9);
    print("main: calling asyncio.run() inside the running loop");
    line(10);
    try {
        line(11);
        aio::run(inner());
    } catch (const RuntimeError& error) {
        line(12);
        line(13);
        print("main: RuntimeError:", error.what());
    }
    line(14);
    co_await inner();
    line(15);
    print("main: done");
}

void run(const Params&) {
    line(17);
    aio::run(main());
}

}  // namespace run_nested

namespace gather_two {

aio::Coroutine<std::int64_t> nap(std::string name, std::int64_t s) {
    line(4);
    print(name + ": sleeping", s, "s");
    line(5);
    co_await aio::sleep(seconds(s));
    line(6);
    print(name + ": awake");
    line(7);
    co_return s;
}

aio::Coroutine<void> main(std::int64_t sleepA, std::int64_t sleepB) {
    line(10);
    aio::EventLoop& loop = aio::get_running_loop();
    line(11);
    const double start = loop.time();
    line(12);
    const auto [a, b] = co_await aio::gather(nap("a", sleepA), nap("b", sleepB));
    line(13);
    print("main: results", a, "and", b, "after", secondsSince(start), "s");
}

void run(const Params& p) {
    line(15);
    aio::run(main(p.get("sleep_a", 5), p.get("sleep_b", 5)));
}

}  // namespace gather_two

namespace gather_many {

aio::Coroutine<std::int64_t> nap(std::int64_t number) {
    line(6);
    co_await aio::sleep(5s);
    line(7);
    co_return number;
}

aio::Coroutine<void> main(std::int64_t tasks) {
    line(10);
    aio::EventLoop& loop = aio::get_running_loop();
    line(11);
    const double start = loop.time();
    line(12);
    std::vector<aio::Coroutine<std::int64_t>> naps;
    naps.reserve(static_cast<std::size_t>(tasks));
    for (std::int64_t n = 0; n < tasks; ++n) naps.push_back(nap(n));
    const std::vector<std::int64_t> results = co_await aio::gather(std::move(naps));
    line(13);
    std::int64_t sum = 0;
    for (const std::int64_t r : results) sum += r;
    print("main:", results.size(), "results, sum", std::to_string(sum) + ",", "after", secondsSince(start), "s");
}

void run(const Params& p) {
    line(15);
    aio::run(main(p.get("tasks", 10000)));
}

}  // namespace gather_many

namespace sleep_zero {

aio::Coroutine<void> hello(std::string name, bool yield) {
    line(6);
    print(name + ": start");
    line(7);
    if (yield) {
        line(8);
        co_await aio::sleep(0s);
    }
    line(9);
    print(name + ": exit");
}

aio::Coroutine<void> main(bool yield) {
    line(12);
    co_await aio::gather(hello("A", yield), hello("B", yield));
}

void run(const Params& p) {
    line(14);
    aio::run(main(p.get("sleep_zero", 1) != 0));
}

}  // namespace sleep_zero

namespace three_workers {

aio::Coroutine<void> worker(std::int64_t number, std::int64_t s) {
    line(4);
    print("worker", number, "sleeping", s, "s");
    line(5);
    co_await aio::sleep(seconds(s));
    line(6);
    print("worker", number, "exits");
}

aio::Coroutine<void> main(std::int64_t s1, std::int64_t s2, std::int64_t s3) {
    line(9);
    co_await aio::gather(worker(1, s1), worker(2, s2), worker(3, s3));
    line(10);
    print("main: every worker has exited");
}

void run(const Params& p) {
    line(12);
    aio::run(main(p.get("sleep1", 2), p.get("sleep2", 2), p.get("sleep3", 1)));
}

}  // namespace three_workers

namespace chain_parts {

aio::Coroutine<std::string> part1(std::int64_t n, std::int64_t longest) {
    line(8);
    const std::int64_t s = randint(1, longest);
    line(9);
    print("part1(" + std::to_string(n) + "): sleeping", s, "s");
    line(10);
    co_await aio::sleep(seconds(s));
    line(11);
    const std::string result = "result" + std::to_string(n) + "-A";
    line(12);
    print("part1(" + std::to_string(n) + "): returns", result);
    line(13);
    co_return result;
}

aio::Coroutine<std::string> part2(std::int64_t n, std::string arg, std::int64_t longest) {
    line(16);
    const std::int64_t s = randint(1, longest);
    line(17);
    print("part2(" + std::to_string(n) + "): sleeping", s, "s");
    line(18);
    co_await aio::sleep(seconds(s));
    line(19);
    const std::string result = "result" + std::to_string(n) + "-B from " + arg;
    line(20);
    print("part2(" + std::to_string(n) + "): returns", result);
    line(21);
    co_return result;
}

aio::Coroutine<void> chain(std::int64_t n, std::int64_t longest) {
    line(24);
    aio::EventLoop& loop = aio::get_running_loop();
    line(25);
    const double start = loop.time();
    line(26);
    const std::string first = co_await part1(n, longest);
    line(27);
    const std::string second = co_await part2(n, first, longest);
    line(28);
    print("chain", std::to_string(n) + ":", second + ",", secondsSince(start), "s");
}

aio::Coroutine<void> main(std::int64_t chains, std::int64_t longest) {
    line(31);
    aio::EventLoop& loop = aio::get_running_loop();
    line(32);
    const double start = loop.time();
    line(33);
    std::vector<aio::Coroutine<void>> all;
    for (std::int64_t n = 1; n <= chains; ++n) all.push_back(chain(n, longest));
    co_await aio::gather(std::move(all));
    line(34);
    print("main: all chains done after", secondsSince(start), "s");
}

void run(const Params& p) {
    line(36);
    aio::run(main(p.get("chains", 3), p.get("max_s", 5)));
}

}  // namespace chain_parts

}  // namespace

void addAsyncBasics(std::vector<Scenario>& out) {
    out.push_back(Scenario{
        .id = "async-never-awaited",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "A coroutine called but never awaited"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Calling an async function does not run it: greet(\"first\") only makes a coroutine object, and "
            "nothing of greet's body ever runs. The object is thrown away at the end of that statement, so "
            "Python prints \"RuntimeWarning: coroutine 'greet' was never awaited\" at once. The second object is "
            "kept in a variable: its warning comes only when main ends and the variable goes, at t=1. Set "
            "\"await_it\" to 1 and the first call is awaited: greet runs, takes 1 s, and only one warning is "
            "left."),
        .listing = R"(import asyncio

AWAIT_IT = 0        # the "await_it" parameter: 1 adds the missing await

async def greet(name):
    print(f"greet({name}): running")
    await asyncio.sleep(1)
    print(f"greet({name}): done")

async def main():
    if AWAIT_IT:
        await greet("first")       # runs greet's body: 1 s
    else:
        greet("first")             # a coroutine object, dropped at once: warning now
    kept = greet("second")         # kept, but never awaited
    print(f"main: holding a {type(kept).__name__} object")
    await asyncio.sleep(1)
    print("main: done")            # kept goes when main ends: its warning comes then

asyncio.run(main())
)",
        .params = {{"await_it", QT_TRANSLATE_NOOP("Scenario", "Await the first call (0: no, 1: yes)"), 0, 0, 1}},
        .defaults = {},
        .main = never_awaited::run,
    });
    out.push_back(Scenario{
        .id = "async-run-nested",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "asyncio.run() inside a running loop"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "asyncio.run() starts an event loop, and a thread can run only one loop at a time. main already "
            "runs in one, so its call to asyncio.run(inner()) is refused with RuntimeError: \"asyncio.run() "
            "cannot be called from a running event loop\". main catches it and prints it; nothing crashes. "
            "The refused inner() coroutine never ran, so Python also warns that it was never awaited. Inside "
            "a loop, the way to run a coroutine is to await it (or make it a task): the next line does, and "
            "inner runs for 1 s."),
        .listing = R"(import asyncio

async def inner():
    print("inner: running")
    await asyncio.sleep(1)
    print("inner: done")

async def main():
    print("main: calling asyncio.run() inside the running loop")
    try:
        asyncio.run(inner())       # this thread's loop is already running: refused
    except RuntimeError as error:
        print(f"main: RuntimeError: {error}")
    await inner()                  # inside a loop, await the coroutine instead
    print("main: done")

asyncio.run(main())
)",
        .params = {},
        .defaults = {},
        .main = run_nested::run,
    });
    out.push_back(Scenario{
        .id = "async-gather-two",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "gather: two 5 s sleeps take 5 s"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "asyncio.gather wraps both coroutines in tasks and waits for both. Each task prints, then awaits "
            "asyncio.sleep(5): while it waits, the loop runs the other one, so both sleeps run at the same "
            "time on one thread. Both wake at t=5 and main gets their results after 5 s, not 10. On the "
            "timeline, each task's lane says what it waits on, and the loop's lane shows which task it steps "
            "and when it waits for the next timer. Change the sleeps: the total is always the longer one."),
        .listing = R"(import asyncio

async def nap(name, seconds):
    print(f"{name}: sleeping {seconds} s")
    await asyncio.sleep(seconds)   # the loop runs the other task meanwhile
    print(f"{name}: awake")
    return seconds

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    a, b = await asyncio.gather(nap("a", 5), nap("b", 5))
    print(f"main: results {a} and {b} after {loop.time() - start:.0f} s")

asyncio.run(main())
)",
        .params = {{"sleep_a", QT_TRANSLATE_NOOP("Scenario", "Sleep of nap a (s)"), 5, 0, 60},
                   {"sleep_b", QT_TRANSLATE_NOOP("Scenario", "Sleep of nap b (s)"), 5, 0, 60}},
        .defaults = {},
        .main = gather_two::run,
    });
    out.push_back(Scenario{
        .id = "async-gather-many",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "gather: 10,000 sleeping tasks"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "gather starts 10,000 tasks that each sleep 5 s and return their number. A task costs almost "
            "nothing while it waits, so all of them sleep together and the whole run takes 5 s of virtual "
            "time, not 50,000: main prints the count of results and their sum after 5 s. No thread is started; "
            "every task runs on the main thread, one step at a time. With so many tasks the timeline groups "
            "their lanes by coroutine, with counts by state; click a group's name to open it."),
        .listing = R"(import asyncio

TASKS = 10000       # the "tasks" parameter

async def nap(number):
    await asyncio.sleep(5)
    return number

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(*(nap(n) for n in range(TASKS)))
    print(f"main: {len(results)} results, sum {sum(results)}, after {loop.time() - start:.0f} s")

asyncio.run(main())
)",
        .params = {{"tasks", QT_TRANSLATE_NOOP("Scenario", "Number of tasks"), 10000, 1, 20000}},
        .defaults = {},
        .main = gather_many::run,
    });
    out.push_back(Scenario{
        .id = "async-sleep-zero",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "sleep(0): giving the other task a turn"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Tasks switch only at an await. Two tasks print \"start\", await asyncio.sleep(0) and print "
            "\"exit\". sleep(0) takes no time: it only hands the loop back, so the other task runs its first "
            "line before the first one goes on. The output is start, start, exit, exit, all at t=0. Set "
            "\"sleep_zero\" to 0 and there is no await left: each task runs to its end in one go, and the "
            "output becomes start, exit, start, exit."),
        .listing = R"(import asyncio

SLEEP_ZERO = 1      # the "sleep_zero" parameter: 0 removes the await

async def hello(name):
    print(f"{name}: start")
    if SLEEP_ZERO:
        await asyncio.sleep(0)     # no time passes: the other task gets its turn
    print(f"{name}: exit")

async def main():
    await asyncio.gather(hello("A"), hello("B"))

asyncio.run(main())
)",
        .params = {{"sleep_zero", QT_TRANSLATE_NOOP("Scenario", "Await sleep(0) (0: no, 1: yes)"), 1, 0, 1}},
        .defaults = {},
        .main = sleep_zero::run,
    });
    out.push_back(Scenario{
        .id = "async-three-workers",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "Three workers sleeping 2, 2 and 1 s"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "gather runs three worker tasks that sleep 2, 2 and 1 s. They start in order 1, 2, 3, but they "
            "exit in the order their timers end: worker 3 at t=1, then workers 1 and 2 together at t=2, in the "
            "order they started sleeping. main goes on when the last has exited, at t=2. In between, every task "
            "waits on a timer and the loop waits for the next one to end."),
        .listing = R"(import asyncio

async def worker(number, seconds):
    print(f"worker {number} sleeping {seconds} s")
    await asyncio.sleep(seconds)
    print(f"worker {number} exits")

async def main():
    await asyncio.gather(worker(1, 2), worker(2, 2), worker(3, 1))
    print("main: every worker has exited")

asyncio.run(main())
)",
        .params = {{"sleep1", QT_TRANSLATE_NOOP("Scenario", "Sleep of worker 1 (s)"), 2, 0, 60},
                   {"sleep2", QT_TRANSLATE_NOOP("Scenario", "Sleep of worker 2 (s)"), 2, 0, 60},
                   {"sleep3", QT_TRANSLATE_NOOP("Scenario", "Sleep of worker 3 (s)"), 1, 0, 60}},
        .defaults = {},
        .main = three_workers::run,
    });
    out.push_back(Scenario{
        .id = "async-chain",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "Chained coroutines, gathered"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Each chain awaits part1, then part2 with part1's result: inside a chain the two parts run one "
            "after the other, so a chain takes the sum of its two sleeps. The chains themselves are gathered "
            "and run at the same time, so the whole program takes as long as the longest chain, not the sum "
            "of all. The sleeps are drawn with random.randint from the run's seed: change the seed and other "
            "chains come out longest."),
        .listing = R"(import asyncio
import random

CHAINS = 3          # the "chains" parameter
MAX_S = 5           # the "max_s" parameter

async def part1(n):
    seconds = random.randint(1, MAX_S)
    print(f"part1({n}): sleeping {seconds} s")
    await asyncio.sleep(seconds)
    result = f"result{n}-A"
    print(f"part1({n}): returns {result}")
    return result

async def part2(n, arg):
    seconds = random.randint(1, MAX_S)
    print(f"part2({n}): sleeping {seconds} s")
    await asyncio.sleep(seconds)
    result = f"result{n}-B from {arg}"
    print(f"part2({n}): returns {result}")
    return result

async def chain(n):
    loop = asyncio.get_running_loop()
    start = loop.time()
    first = await part1(n)         # part2 starts only when part1 has returned
    second = await part2(n, first)
    print(f"chain {n}: {second}, {loop.time() - start:.0f} s")

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(*(chain(n) for n in range(1, CHAINS + 1)))
    print(f"main: all chains done after {loop.time() - start:.0f} s")

asyncio.run(main())
)",
        .params = {{"chains", QT_TRANSLATE_NOOP("Scenario", "Number of chains"), 3, 1, 10},
                   {"max_s", QT_TRANSLATE_NOOP("Scenario", "Longest sleep of a part (s)"), 5, 1, 30}},
        .defaults = {},
        .main = chain_parts::run,
    });
}

}  // namespace lockstep::scenarios
