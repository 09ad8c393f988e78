// Pools and futures: ThreadPoolExecutor, submit, map, as_completed and the states of a Future.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lockstep/Api.h"
#include "lockstep/Future.h"
#include "lockstep/ThreadPoolExecutor.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

namespace {

std::vector<std::int64_t> range(std::int64_t begin, std::int64_t end) {
    std::vector<std::int64_t> out;
    for (std::int64_t i = begin; i < end; ++i) out.push_back(i);
    return out;
}

void threadPoolFutures(const Params& p) {
    const std::int64_t workers = p.get("max_workers", 3);
    const std::int64_t count = p.get("tasks", 6);
    const auto task = def("task", [](std::int64_t n) {
        line(6);
        const std::int64_t seconds = 3 - n % 3;
        line(7);
        print("task " + str(n) + ":", seconds, "s on", current_thread().name);
        line(8);
        sleep(std::chrono::seconds(seconds));
        line(9);
        return n * n;
    });
    line(11);
    ThreadPoolExecutor executor(workers);
    Future<std::int64_t> extra;
    {
        With scope(executor);
        line(12);
        Future<std::int64_t> first = executor.submit(task, 0);
        line(13);
        print("first:", first.result());
        line(14);
        std::vector<Future<std::int64_t>> futures;
        for (std::int64_t n = 1; n <= count; ++n) futures.push_back(executor.submit(task, n));
        line(15);
        extra = executor.submit(task, count + 1);
        line(16);
        print("cancel extra:", extra.cancel());
        line(17);
        for (const Future<std::int64_t>& future : as_completed(futures)) {
            line(18);
            print("completed:", future.result());
            line(17);
        }
        line(19);
        for (const std::int64_t result : executor.map(task, range(count + 2, count + 5))) {
            line(20);
            print("map:", result);
            line(19);
        }
        line(11);  // the end of the with block: shutdown(wait=True)
    }
    line(21);
    print("extra cancelled:", extra.cancelled());
}

}  // namespace

void addPoolScenarios(std::vector<Scenario>& out) {
    out.push_back(Scenario{
        .id = "thread-pool-futures",
        .family = "pools",
        .title = QT_TRANSLATE_NOOP("Scenario", "ThreadPoolExecutor: futures, as_completed and map"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "A pool of three worker threads runs tasks that sleep 1-3 s and return n*n. Main first submits "
            "one "
            "task and waits for its result: its Future goes from pending to running to finished. Then it "
            "submits six tasks at once: three start, the rest wait in the pool's work queue, and a seventh "
            "is "
            "cancelled while it is still pending. as_completed hands the futures over in the order they "
            "finish, "
            "not the order they were submitted; map gives its results in the order of its items and waits "
            "for "
            "a slow one even when later ones are done. Each future has its own lane: its colour is its "
            "state, "
            "and the tooltip names the worker that ran it. Never more than three workers exist."),
        .listing = R"(import time
from concurrent.futures import as_completed, ThreadPoolExecutor
from threading import current_thread

def task(n):
    seconds = 3 - n % 3                 # 3, 2, 1, 3, 2, 1, ...
    print(f"task {n}: {seconds} s on {current_thread().name}")
    time.sleep(seconds)                 # waits like I/O; the worker does nothing else
    return n * n

with ThreadPoolExecutor(max_workers=3) as executor:
    first = executor.submit(task, 0)    # a Future: pending, then running
    print("first:", first.result())     # blocks until task 0 is finished
    futures = [executor.submit(task, n) for n in range(1, 7)]
    extra = executor.submit(task, 7)    # every worker is busy: it waits in the queue
    print("cancel extra:", extra.cancel())  # True: it has not started
    for future in as_completed(futures):    # in the order they finish
        print("completed:", future.result())
    for result in executor.map(task, range(8, 11)):  # in the order of the items
        print("map:", result)
print("extra cancelled:", extra.cancelled())
)",
        .params = {{"max_workers", QT_TRANSLATE_NOOP("Scenario", "Worker threads in the pool"), 3, 1, 8},
                   {"tasks", QT_TRANSLATE_NOOP("Scenario", "Tasks given to as_completed"), 6, 1, 20}},
        .defaults = {},
        .main = threadPoolFutures,
    });
}

}  // namespace lockstep::scenarios
