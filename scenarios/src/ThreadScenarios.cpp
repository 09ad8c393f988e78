// Threads: starting, joining and naming threads.

#include <chrono>
#include <string>

#include "lockstep/Api.h"
#include "lockstep/Thread.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

using namespace std::chrono_literals;

namespace {

void threadsStartJoin(const Params& p) {
    auto worker = [](std::int64_t seconds) {
        line(2);
        const std::string name = current_thread().name;
        line(3);
        print(name + ":", "started, sleeping", seconds, "s");
        line(4);
        sleep(std::chrono::seconds(seconds));
        line(5);
        print(name + ":", "finished");
    };
    line(7);
    Thread w1([=] { worker(p.get("sleep1", 2)); }, {.name = "worker-1"});
    line(8);
    Thread w2([=] { worker(p.get("sleep2", 1)); }, {.name = "worker-2"});
    line(9);
    w1.start();
    line(10);
    w2.start();
    line(11);
    print("main: both workers started");
    line(12);
    w1.join();
    line(13);
    w2.join();
    line(14);
    print("main: both workers finished");
}

}  // namespace

void addThreadScenarios(std::vector<Scenario>& out) {
    out.push_back(Scenario{
        .id = "threads-start-join",
        .family = "threads",
        .title = QT_TRANSLATE_NOOP("Scenario", "Start two threads, then join them"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "The main thread starts two workers that sleep 2 s and 1 s, prints a line and joins both. "
            "start() returns at once, so main prints before either worker is done. The shorter sleeper, "
            "worker-2, ends at t=1 although it was started second; worker-1 ends at t=2. join() on worker-1 "
            "keeps main waiting until t=2, and the join on worker-2 then returns at once because it has "
            "already ended."),
        .listing = R"(def worker(seconds):
    name = threading.current_thread().name
    print(f"{name}: started, sleeping {seconds} s")
    time.sleep(seconds)
    print(f"{name}: finished")

w1 = threading.Thread(target=worker, args=(2,), name="worker-1")
w2 = threading.Thread(target=worker, args=(1,), name="worker-2")
w1.start()
w2.start()
print("main: both workers started")    # before either worker ends
w1.join()                              # main waits here until t=2
w2.join()                              # worker-2 ended at t=1: returns at once
print("main: both workers finished")
)",
        .params = {{"sleep1", QT_TRANSLATE_NOOP("Scenario", "Sleep of worker-1 (s)"), 2, 0, 60},
                   {"sleep2", QT_TRANSLATE_NOOP("Scenario", "Sleep of worker-2 (s)"), 1, 0, 60}},
        .defaults = {},
        .main = threadsStartJoin,
    });
}

}  // namespace lockstep::scenarios
