// asyncio scenarios: wait, timeouts, done callbacks, blocking calls, queues, I/O clients. Each runs asyncio.run(main()) on MainThread's own thread with
// lockstep::asyncio (core/include/lockstep/asyncio/Asyncio.h).
//
// Each scenario's coroutines live in a namespace of their own, named as in the listing (fetch, main...): a
// coroutine's name on the timeline is its C++ function's name.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "lockstep/Api.h"
#include "lockstep/ThreadPoolExecutor.h"
#include "lockstep/asyncio/Asyncio.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

using namespace std::chrono_literals;
namespace aio = lockstep::asyncio;

namespace {

// f"{v:.1f}"
std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::chrono::nanoseconds millis(std::int64_t ms) { return std::chrono::milliseconds(ms); }
std::chrono::nanoseconds seconds(std::int64_t s) { return std::chrono::seconds(s); }

// Python's text of a list of ints or bools: [1, 2, 2] / [True, False].
template <typename T>
std::string pyList(const std::vector<T>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + str(items[i]);
    return out + "]";
}

double loopTime() { return aio::get_running_loop().time(); }

// ---- async-first-completed ----
namespace first_completed {

aio::Coroutine<std::string> fetch(std::string name, std::int64_t secs) {
    line(4);
    print(name + ":", "started, needs", secs, "s");
    try {
        line(6);
        co_await aio::sleep(seconds(secs));
    } catch (const aio::CancelledError&) {
        line(8);
        print(name + ":", "cancelled, cleaning up");
        line(9);
        throw;
    }
    line(10);
    print(name + ":", "finished");
    line(11);
    co_return name + " data";
}

aio::Coroutine<void> main(std::int64_t slowS, std::int64_t fastS) {
    line(14);
    auto slow = aio::create_task(fetch("slow", slowS), "slow");
    line(15);
    auto fast = aio::create_task(fetch("fast", fastS), "fast");
    line(16);
    std::vector<aio::Task<std::string>> both{slow, fast};
    auto [done, pending] = co_await aio::wait(std::move(both), std::nullopt, aio::FIRST_COMPLETED);
    line(17);
    for (const auto& task : done) {
        line(18);
        print("first result:", task.result());
        line(17);
    }
    line(19);
    for (const auto& task : pending) {
        line(20);
        task.cancel();
        line(19);
    }
    line(21);
    co_await aio::gather(std::move(pending), aio::return_exceptions);
    line(22);
    print("slow cancelled:", slow.cancelled(), "fast cancelled:", fast.cancelled());
}

}  // namespace first_completed

void asyncFirstCompleted(const Params& p) {
    line(24);
    aio::run(first_completed::main(p.get("slow_s", 5), p.get("fast_s", 2)));
}

// ---- async-timeout ----
namespace timeout {

aio::Coroutine<std::string> fetch(std::string name, std::int64_t delayMs) {
    try {
        line(5);
        co_await aio::sleep(millis(delayMs));
    } catch (const aio::CancelledError&) {
        line(7);
        print(name + ":", "cancelled");
        line(8);
        throw;
    }
    line(9);
    print(name + ":", "answered after", toSeconds(millis(delayMs).count()), "s");
    line(10);
    co_return name;
}

aio::Coroutine<void> attempt(std::int64_t n, std::int64_t timeoutMs, std::int64_t fastMs, std::int64_t slowMs) {
    line(13);
    auto fast = aio::create_task(fetch("fast-" + str(n), fastMs), "fast-" + str(n));
    line(14);
    auto slow = aio::create_task(fetch("slow-" + str(n), slowMs), "slow-" + str(n));
    line(15);
    std::vector<aio::Task<std::string>> both{fast, slow};
    auto [done, pending] = co_await aio::wait(std::move(both), millis(timeoutMs));
    line(16);
    print("timeout " + str(toSeconds(millis(timeoutMs).count())) + ":", done.size(), "done,", pending.size(),
          "pending");
    line(17);
    for (const auto& task : pending) {
        line(18);
        task.cancel();
        line(17);
    }
    line(19);
    co_await aio::gather(std::move(pending), aio::return_exceptions);
}

aio::Coroutine<void> main(std::int64_t firstMs, std::int64_t secondMs, std::int64_t fastMs, std::int64_t slowMs) {
    const std::vector<std::int64_t> timeouts{firstMs, secondMs};
    for (std::size_t i = 0; i < timeouts.size(); ++i) {
        line(22);
        line(23);
        co_await attempt(static_cast<std::int64_t>(i) + 1, timeouts[i], fastMs, slowMs);
    }
    line(22);
}

}  // namespace timeout

void asyncTimeout(const Params& p) {
    line(25);
    aio::run(timeout::main(p.get("timeout1_ms", 50), p.get("timeout2_ms", 200), p.get("fast_ms", 100),
                           p.get("slow_ms", 300)));
}

// ---- async-done-callback ----
namespace done_callback {

void report(aio::Future<std::int64_t> task) {
    line(5);
    aio::EventLoop& loop = aio::get_running_loop();
    line(6);
    print("report:", task.get_name(), "gave", task.result(), "at t=" + fixed1(loop.time()));
}

aio::Coroutine<std::int64_t> compute(std::int64_t x, std::int64_t secs) {
    line(9);
    co_await aio::sleep(seconds(secs));
    line(10);
    print("compute: returning at t=" + fixed1(loopTime()));
    line(11);
    co_return x * x;
}

aio::Coroutine<void> main(std::int64_t secs) {
    line(14);
    auto task = aio::create_task(compute(7, secs), "compute");
    line(15);
    task.add_done_callback(report, "report");
    line(16);
    print("main: callback added, now awaiting the task");
    line(17);
    const std::int64_t result = co_await task;
    line(18);
    print("main: await gave", result, "at t=" + fixed1(loopTime()));
}

}  // namespace done_callback

void asyncDoneCallback(const Params& p) {
    line(20);  // start = time.monotonic(): the loop's clock starts at 0 here
    line(21);
    aio::run(done_callback::main(p.get("seconds", 2)));
}

// ---- async-vs-sync ----
namespace vs_sync {

aio::Coroutine<void> blocking_worker(std::int64_t n, std::int64_t secs) {
    line(6);
    lockstep::sleep(seconds(secs));  // time.sleep: the loop's thread itself sleeps
    line(7);
    print("blocking worker " + str(n) + ":", "slept", secs, "s");
    co_return;  // no await in it, but still a coroutine, as an async def is
}

aio::Coroutine<void> awaiting_worker(std::int64_t n, std::int64_t secs) {
    line(10);
    co_await aio::sleep(seconds(secs));
    line(11);
    print("awaiting worker " + str(n) + ":", "slept", secs, "s");
}

aio::Coroutine<void> main(std::int64_t workers, std::int64_t maxS) {
    line(14);
    aio::EventLoop& loop = aio::get_running_loop();
    line(15);
    std::vector<std::int64_t> sleeps;
    std::int64_t sum = 0;
    std::int64_t max = 0;
    for (std::int64_t i = 0; i < workers; ++i) {
        sleeps.push_back(randint(1, maxS));
        sum += sleeps.back();
        max = std::max(max, sleeps.back());
    }
    line(16);
    print("sleeps:", pyList(sleeps), "sum:", sum, "max:", max);
    line(17);
    double start = loop.time();
    line(18);
    std::vector<aio::Coroutine<void>> blocking;
    for (std::size_t i = 0; i < sleeps.size(); ++i)
        blocking.push_back(blocking_worker(static_cast<std::int64_t>(i) + 1, sleeps[i]));
    co_await aio::gather(std::move(blocking));
    line(19);
    print("blocking: " + fixed1(loop.time() - start) + " s");
    line(20);
    start = loop.time();
    line(21);
    std::vector<aio::Coroutine<void>> awaiting;
    for (std::size_t i = 0; i < sleeps.size(); ++i)
        awaiting.push_back(awaiting_worker(static_cast<std::int64_t>(i) + 1, sleeps[i]));
    co_await aio::gather(std::move(awaiting));
    line(22);
    print("awaited: " + fixed1(loop.time() - start) + " s");
}

}  // namespace vs_sync

void asyncVsSync(const Params& p) {
    line(24);
    aio::run(vs_sync::main(p.get("workers", 5), p.get("max_s", 2)));
}

// ---- async-blocking-call ----
namespace blocking_call {

enum Mode : std::int64_t { kSleep = 0, kCpu = 1, kToThread = 2 };

void crunch(std::int64_t secs) {
    line(7);
    line(8);
    lockstep::work(seconds(secs));  // the busy loop, as one CPU burst
    line(9);
}

std::int64_t blocking_io(std::int64_t secs) {
    line(12);
    lockstep::sleep(seconds(secs));
    line(13);
    return secs;
}

aio::Coroutine<void> ticker(std::string name, std::int64_t ticks) {
    line(16);
    aio::EventLoop& loop = aio::get_running_loop();
    for (std::int64_t i = 1; i <= ticks; ++i) {
        line(17);
        line(18);
        co_await aio::sleep(500ms);
        line(19);
        print(name + ":", "tick", i, "at t=" + fixed1(loop.time()));
    }
    line(17);
}

aio::Coroutine<void> slow_call(std::int64_t mode, std::int64_t secs) {
    line(22);
    print("slow_call: a", secs, "s call starts");
    line(23);
    if (mode == kSleep) {
        line(24);
        blocking_io(secs);
    } else if (mode == kCpu) {
        line(25);
        line(26);
        crunch(secs);
    } else {
        line(25);
        line(27);
        line(28);
        co_await aio::to_thread(def("blocking_io", blocking_io), secs);
    }
    line(29);
    print("slow_call: the call returned at t=" + fixed1(loopTime()));
}

aio::Coroutine<void> main(std::int64_t mode, std::int64_t secs, std::int64_t ticks) {
    line(32);
    co_await aio::gather(ticker("A", ticks), ticker("B", ticks), slow_call(mode, secs));
}

}  // namespace blocking_call

void asyncBlockingCall(const Params& p) {
    line(34);  // start = time.monotonic(): the loop's clock starts at 0 here
    line(35);
    aio::run(blocking_call::main(p.get("mode", 0), p.get("seconds", 2), p.get("ticks", 4)));
}

// ---- async-queue ----
namespace queue {

aio::Coroutine<void> producer(aio::Queue<std::string>* q, std::string name, std::int64_t count) {
    for (std::int64_t i = 1; i <= count; ++i) {
        line(5);
        line(6);
        const std::string item = name + ":" + str(i);
        line(7);
        co_await q->put(item);
        line(8);
        print(name + ":", "put", item);
        line(9);
        co_await aio::sleep(200ms);
    }
    line(5);
}

aio::Coroutine<void> consumer(aio::Queue<std::string>* q, std::string name) {
    try {
        for (;;) {
            line(13);
            line(14);
            const std::string item = co_await q->get();
            line(15);
            co_await aio::sleep(500ms);
            line(16);
            print(name + ":", "handled", item);
            line(17);
            q->task_done();
        }
    } catch (const aio::CancelledError&) {
        line(19);
        print(name + ":", "cancelled");
        line(20);
        throw;
    }
}

aio::Coroutine<void> main(std::int64_t producers, std::int64_t consumers, std::int64_t items, std::int64_t maxsize) {
    line(23);
    aio::Queue<std::string> q(maxsize, "q");
    line(24);
    std::vector<aio::Task<void>> consumerTasks;
    for (std::int64_t n = 1; n <= consumers; ++n)
        consumerTasks.push_back(aio::create_task(consumer(&q, "consumer-" + str(n)), "consumer-" + str(n)));
    line(26);
    std::vector<aio::Task<void>> producerTasks;
    for (std::int64_t n = 1; n <= producers; ++n)
        producerTasks.push_back(aio::create_task(producer(&q, "producer-" + str(n), items), "producer-" + str(n)));
    line(28);
    co_await aio::gather(std::move(producerTasks));
    line(29);
    co_await q.join();
    line(30);
    print("every item handled at t=" + fixed1(loopTime()));
    line(31);
    for (const auto& c : consumerTasks) {
        line(32);
        c.cancel();
        line(31);
    }
    line(33);
    std::vector<aio::Task<void>> stopping = consumerTasks;
    co_await aio::gather(std::move(stopping), aio::return_exceptions);
    line(34);
    std::vector<bool> cancelled;
    for (const auto& c : consumerTasks) cancelled.push_back(c.cancelled());
    print("consumers cancelled:", pyList(cancelled));
}

}  // namespace queue

void asyncQueue(const Params& p) {
    line(36);  // start = time.monotonic(): the loop's clock starts at 0 here
    line(37);
    aio::run(queue::main(p.get("producers", 2), p.get("consumers", 2), p.get("items", 4), p.get("maxsize", 2)));
}

// ---- async-io-clients ----
namespace io_clients {

aio::Coroutine<std::int64_t> request(std::string client, std::int64_t latencyMs) {
    line(4);
    print(client + ":", "request sent");
    line(5);
    co_await aio::sleep(millis(latencyMs));
    line(6);
    print(client + ":", "response after", toSeconds(millis(latencyMs).count()), "s");
    line(7);
    co_return latencyMs;
}

aio::Coroutine<void> main(std::vector<std::pair<std::string, std::int64_t>> latencies) {
    line(10);
    aio::EventLoop& loop = aio::get_running_loop();
    line(11);
    line(12);
    double start = loop.time();
    for (const auto& [client, latency] : latencies) {
        line(13);
        line(14);
        co_await request(client, latency);
    }
    line(13);
    line(15);
    print("sequential: " + fixed1(loop.time() - start) + " s");
    line(16);
    start = loop.time();
    line(17);
    std::vector<aio::Coroutine<std::int64_t>> requests;
    for (const auto& [client, latency] : latencies) requests.push_back(request(client, latency));
    co_await aio::gather(std::move(requests));
    line(18);
    print("concurrent: " + fixed1(loop.time() - start) + " s");
}

}  // namespace io_clients

void asyncIoClients(const Params& p) {
    std::vector<std::pair<std::string, std::int64_t>> latencies{
        {"client-a", p.get("a_ms", 1500)}, {"client-b", p.get("b_ms", 800)}, {"client-c", p.get("c_ms", 1200)}};
    line(20);
    aio::run(io_clients::main(std::move(latencies)));
}

}  // namespace

void addAsyncCoordination(std::vector<Scenario>& out) {
    out.push_back(Scenario{
        .id = "async-first-completed",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "asyncio.wait: take the first result, cancel the rest"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Two tasks fetch something: one needs 5 s, the other 2 s. main waits for them with "
            "asyncio.wait(return_when=FIRST_COMPLETED), which returns as soon as one task is done, at t=2, with "
            "two sets: done and pending. wait() cancels nothing by itself, so main cancels the slow task: the "
            "CancelledError comes out of its await asyncio.sleep, its except block prints its cleanup and "
            "re-raises, and the task ends cancelled at t=2 instead of running to t=5. On the timeline the "
            "fast task ends done, the slow one ends cancelled, and main's lane shows what it waits on."),
        .listing = R"(import asyncio

async def fetch(name, seconds):
    print(f"{name}: started, needs {seconds} s")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled, cleaning up")
        raise                           # a cancelled task must end cancelled
    print(f"{name}: finished")
    return f"{name} data"

async def main():
    slow = asyncio.create_task(fetch("slow", 5), name="slow")
    fast = asyncio.create_task(fetch("fast", 2), name="fast")
    done, pending = await asyncio.wait([slow, fast], return_when=asyncio.FIRST_COMPLETED)
    for task in done:
        print("first result:", task.result())
    for task in pending:
        task.cancel()                   # wait() itself cancels nothing
    await asyncio.gather(*pending, return_exceptions=True)
    print("slow cancelled:", slow.cancelled(), "fast cancelled:", fast.cancelled())

asyncio.run(main())
)",
        .params = {{"slow_s", QT_TRANSLATE_NOOP("Scenario", "Seconds the slow task needs"), 5, 1, 10},
                   {"fast_s", QT_TRANSLATE_NOOP("Scenario", "Seconds the fast task needs"), 2, 1, 10}},
        .defaults = {},
        .main = asyncFirstCompleted,
    });
    out.push_back(Scenario{
        .id = "async-timeout",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "asyncio.wait with a timeout"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Two fetches answer after 0.1 s and 0.3 s. main tries twice, waiting for both with asyncio.wait(..., "
            "timeout=...). With a timeout of 0.05 s nothing has answered yet: wait returns at t=0.05 with both "
            "tasks pending, and main cancels both. With 0.2 s the fast fetch answers at 0.1 s and is in done; "
            "the slow one is still pending when the timeout passes and is cancelled. The timeout does not "
            "raise and does not cancel anything: it only ends the wait, and what to do with the pending tasks "
            "is main's choice. Watch the tasks' lanes end done or cancelled."),
        .listing = R"(import asyncio

async def fetch(name, delay):
    try:
        await asyncio.sleep(delay)      # the server answers after `delay` seconds
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    print(f"{name}: answered after {delay} s")
    return name

async def attempt(n, timeout):
    fast = asyncio.create_task(fetch(f"fast-{n}", 0.1), name=f"fast-{n}")
    slow = asyncio.create_task(fetch(f"slow-{n}", 0.3), name=f"slow-{n}")
    done, pending = await asyncio.wait([fast, slow], timeout=timeout)
    print(f"timeout {timeout}: {len(done)} done, {len(pending)} pending")
    for task in pending:
        task.cancel()                   # the timeout only ends the wait; it cancels nothing
    await asyncio.gather(*pending, return_exceptions=True)

async def main():
    for n, timeout in enumerate((0.05, 0.2), start=1):
        await attempt(n, timeout)

asyncio.run(main())
)",
        .params = {{"timeout1_ms", QT_TRANSLATE_NOOP("Scenario", "First timeout (ms)"), 50, 10, 1000},
                   {"timeout2_ms", QT_TRANSLATE_NOOP("Scenario", "Second timeout (ms)"), 200, 10, 1000},
                   {"fast_ms", QT_TRANSLATE_NOOP("Scenario", "Fast fetch's delay (ms)"), 100, 10, 1000},
                   {"slow_ms", QT_TRANSLATE_NOOP("Scenario", "Slow fetch's delay (ms)"), 300, 10, 1000}},
        .defaults = {},
        .main = asyncTimeout,
    });
    out.push_back(Scenario{
        .id = "async-done-callback",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "A done callback on a task"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "main starts a task that sleeps 2 s and returns 49, and attaches report() to it with "
            "add_done_callback. report is a plain function, not a coroutine: when the task ends, the loop "
            "schedules it, and it runs at the same virtual time as its own step of the loop, before main, "
            "which was queued after it, gets the result of its await. report prints the loop's clock to show "
            "it. On the timeline the callback appears on the loop's lane right after the task's lane ends. "
            "(The simulated loop's clock starts at 0; a real loop.time() starts anywhere.)"),
        .listing = R"(import asyncio
import time

def report(task):                       # a plain function: the loop calls it
    loop = asyncio.get_running_loop()
    print(f"report: {task.get_name()} gave {task.result()} at t={loop.time() - start:.1f}")

async def compute(x, seconds):
    await asyncio.sleep(seconds)
    print(f"compute: returning at t={asyncio.get_running_loop().time() - start:.1f}")
    return x * x

async def main():
    task = asyncio.create_task(compute(7, 2), name="compute")
    task.add_done_callback(report)      # scheduled on the loop when the task ends
    print("main: callback added, now awaiting the task")
    result = await task
    print(f"main: await gave {result} at t={asyncio.get_running_loop().time() - start:.1f}")

start = time.monotonic()                # loop.time() reads the same clock
asyncio.run(main())
)",
        .params = {{"seconds", QT_TRANSLATE_NOOP("Scenario", "Seconds the task sleeps"), 2, 0, 10}},
        .defaults = {},
        .main = asyncDoneCallback,
    });
    out.push_back(Scenario{
        .id = "async-vs-sync",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "time.sleep vs await asyncio.sleep in coroutines"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Five workers each sleep 1 or 2 s (drawn from the run's seed). First they are gathered as "
            "coroutines that call time.sleep: that call blocks the loop's only thread, so the tasks run one "
            "after another and the whole takes the sum of the sleeps. Then the same sleeps are done with await "
            "asyncio.sleep: each task hands the loop back while it waits, the sleeps overlap, and the whole "
            "takes only the longest one. Compare the two totals, and the loop's lane: busy sleeping in the "
            "first half, waiting for the next timer in the second."),
        .listing = R"(import asyncio
import random
import time

async def blocking_worker(n, seconds):
    time.sleep(seconds)                 # holds the loop's thread: no other task runs
    print(f"blocking worker {n}: slept {seconds} s")

async def awaiting_worker(n, seconds):
    await asyncio.sleep(seconds)        # gives the loop back while it waits
    print(f"awaiting worker {n}: slept {seconds} s")

async def main():
    loop = asyncio.get_running_loop()
    sleeps = [random.randint(1, 2) for _ in range(5)]
    print("sleeps:", sleeps, "sum:", sum(sleeps), "max:", max(sleeps))
    start = loop.time()
    await asyncio.gather(*(blocking_worker(n, s) for n, s in enumerate(sleeps, 1)))
    print(f"blocking: {loop.time() - start:.1f} s")
    start = loop.time()
    await asyncio.gather(*(awaiting_worker(n, s) for n, s in enumerate(sleeps, 1)))
    print(f"awaited: {loop.time() - start:.1f} s")

asyncio.run(main())
)",
        .params = {{"workers", QT_TRANSLATE_NOOP("Scenario", "Workers"), 5, 1, 10},
                   {"max_s", QT_TRANSLATE_NOOP("Scenario", "Longest sleep (s)"), 2, 1, 5}},
        .defaults = {},
        .main = asyncVsSync,
    });
    out.push_back(Scenario{
        .id = "async-blocking-call",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "A blocking call stalls the event loop"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Two tickers print every 0.5 s while a third coroutine makes a 2 s call. With mode 0 the call is "
            "time.sleep, with mode 1 it is CPU work: either way it never awaits, so the loop's thread is stuck "
            "in it and neither ticker runs until it returns. Their first tick, due at t=0.5, comes at t=2. "
            "With mode 2 the same blocking function runs through asyncio.to_thread: a real worker thread "
            "(asyncio_0) sleeps on its own lane, the coroutine awaits its result, and the tickers keep their "
            "0.5 s rhythm. Compare the loop's lane and the tick times in the output."),
        .listing = R"(import asyncio
import time

MODE = 0    # the "mode" parameter: 0 time.sleep, 1 CPU work, 2 asyncio.to_thread

def crunch(seconds):                    # CPU-bound: busy for `seconds`
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass

def blocking_io(seconds):               # an ordinary blocking function
    time.sleep(seconds)
    return seconds

async def ticker(name):
    loop = asyncio.get_running_loop()
    for i in range(1, 5):
        await asyncio.sleep(0.5)
        print(f"{name}: tick {i} at t={loop.time() - start:.1f}")

async def slow_call():
    print("slow_call: a 2 s call starts")
    if MODE == 0:
        blocking_io(2)                  # time.sleep blocks the loop's thread
    elif MODE == 1:
        crunch(2)                       # so does computing
    else:
        await asyncio.to_thread(blocking_io, 2)  # a worker thread blocks instead
    print(f"slow_call: the call returned at t={asyncio.get_running_loop().time() - start:.1f}")

async def main():
    await asyncio.gather(ticker("A"), ticker("B"), slow_call())

start = time.monotonic()                # loop.time() reads the same clock
asyncio.run(main())
)",
        .params = {{"mode", QT_TRANSLATE_NOOP("Scenario", "Call: 0 time.sleep, 1 CPU work, 2 asyncio.to_thread"), 0, 0, 2},
                   {"seconds", QT_TRANSLATE_NOOP("Scenario", "Seconds the call takes"), 2, 1, 5},
                   {"ticks", QT_TRANSLATE_NOOP("Scenario", "Ticks per ticker"), 4, 1, 10}},
        .defaults = {},
        .main = asyncBlockingCall,
    });
    out.push_back(Scenario{
        .id = "async-queue",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "asyncio.Queue: producers, consumers, join and cancel"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Two producer tasks put four items each into an asyncio.Queue that holds at most two; two consumer "
            "tasks take items and spend 0.5 s on each. A producer whose put finds the queue full waits on it, "
            "and so does a consumer whose get finds it empty: their lanes name the queue. main waits for the "
            "producers, then for q.join(), which returns once every item has had its task_done(). The "
            "consumers loop forever, so main cancels them: each ends cancelled inside its await q.get(). "
            "The Inspector shows the queue's items and which task waits on it."),
        .listing = R"(import asyncio
import time

async def producer(q, name, count):
    for i in range(1, count + 1):
        item = f"{name}:{i}"
        await q.put(item)               # waits while the queue is full
        print(f"{name}: put {item}")
        await asyncio.sleep(0.2)        # making the next item takes a while

async def consumer(q, name):
    try:
        while True:
            item = await q.get()        # waits while the queue is empty
            await asyncio.sleep(0.5)    # handling the item
            print(f"{name}: handled {item}")
            q.task_done()
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise

async def main():
    q = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(q, f"consumer-{n}"), name=f"consumer-{n}")
                 for n in range(1, 3)]
    producers = [asyncio.create_task(producer(q, f"producer-{n}", 4), name=f"producer-{n}")
                 for n in range(1, 3)]
    await asyncio.gather(*producers)
    await q.join()                      # until every item has had its task_done()
    print(f"every item handled at t={asyncio.get_running_loop().time() - start:.1f}")
    for c in consumers:
        c.cancel()                      # they loop forever: stop them
    await asyncio.gather(*consumers, return_exceptions=True)
    print("consumers cancelled:", [c.cancelled() for c in consumers])

start = time.monotonic()                # loop.time() reads the same clock
asyncio.run(main())
)",
        .params = {{"producers", QT_TRANSLATE_NOOP("Scenario", "Producers"), 2, 1, 4},
                   {"consumers", QT_TRANSLATE_NOOP("Scenario", "Consumers"), 2, 1, 4},
                   {"items", QT_TRANSLATE_NOOP("Scenario", "Items per producer"), 4, 1, 10},
                   {"maxsize", QT_TRANSLATE_NOOP("Scenario", "Queue size (maxsize)"), 2, 1, 5}},
        .defaults = {},
        .main = asyncQueue,
    });
    out.push_back(Scenario{
        .id = "async-io-clients",
        .family = "asyncio",
        .title = QT_TRANSLATE_NOOP("Scenario", "Three I/O clients: one after another, then concurrently"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Three clients each send a request and wait for its answer, simulated by await asyncio.sleep of "
            "the client's latency (1.5 s, 0.8 s and 1.2 s). First main awaits the requests one after another: "
            "the loop sits idle during each wait, and the total is the sum, 3.5 s. Then it gathers them: all "
            "three wait at once on one thread, and the total is about the slowest request, 1.5 s. Waiting for "
            "I/O is where asyncio pays off: nothing computes, everything waits."),
        .listing = R"(import asyncio

async def request(client, latency):
    print(f"{client}: request sent")
    await asyncio.sleep(latency)        # waiting for the server: the loop is free
    print(f"{client}: response after {latency} s")
    return latency

async def main():
    loop = asyncio.get_running_loop()
    latencies = {"client-a": 1.5, "client-b": 0.8, "client-c": 1.2}
    start = loop.time()
    for client, latency in latencies.items():
        await request(client, latency)  # one after another
    print(f"sequential: {loop.time() - start:.1f} s")
    start = loop.time()
    await asyncio.gather(*(request(c, l) for c, l in latencies.items()))
    print(f"concurrent: {loop.time() - start:.1f} s")

asyncio.run(main())
)",
        .params = {{"a_ms", QT_TRANSLATE_NOOP("Scenario", "client-a's latency (ms)"), 1500, 100, 5000},
                   {"b_ms", QT_TRANSLATE_NOOP("Scenario", "client-b's latency (ms)"), 800, 100, 5000},
                   {"c_ms", QT_TRANSLATE_NOOP("Scenario", "client-c's latency (ms)"), 1200, 100, 5000}},
        .defaults = {},
        .main = asyncIoClients,
    });
}

}  // namespace lockstep::scenarios
