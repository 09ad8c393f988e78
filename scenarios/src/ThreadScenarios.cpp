// Threads: starting, joining and naming threads, daemons, Thread subclasses, thread-local data, timers.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "lockstep/Api.h"
#include "lockstep/Thread.h"
#include "lockstep/ThreadLocal.h"
#include "lockstep/Timer.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

using namespace std::chrono_literals;

namespace {

std::string numbered(const char* prefix, std::int64_t i) { return prefix + std::to_string(i); }

void threadsStartJoin(const Params& p) {
    auto worker = [](std::int64_t seconds) {
        line(5);
        const std::string name = current_thread().name;
        line(6);
        print(name + ":", "started, sleeping", seconds, "s");
        line(7);
        sleep(std::chrono::seconds(seconds));
        line(8);
        print(name + ":", "finished");
    };
    line(10);
    Thread w1([=] { worker(p.get("sleep1", 2)); }, {.name = "worker-1"});
    line(11);
    Thread w2([=] { worker(p.get("sleep2", 1)); }, {.name = "worker-2"});
    line(12);
    w1.start();
    line(13);
    w2.start();
    line(14);
    print("main: both workers started");
    line(15);
    w1.join();
    line(16);
    w2.join();
    line(17);
    print("main: both workers finished");
}

void threadsRandomSleep(const Params& p) {
    const std::int64_t workers = p.get("workers", 4);
    const std::int64_t longest = p.get("max_s", 10);
    auto worker = [=](std::int64_t number) {
        const std::string name = numbered("worker-", number);
        line(6);
        const std::int64_t seconds = randint(1, longest);
        line(7);
        print(name + ":", "sleeping", seconds, "s");
        line(8);
        sleep(std::chrono::seconds(seconds));
        line(9);
        print(name + ":", "awake after", seconds, "s");
    };
    line(11);
    std::vector<Thread> threads;
    for (std::int64_t number = 1; number <= workers; ++number) {
        line(12);
        line(13);
        Thread t([=] { worker(number); }, {.name = numbered("worker-", number)});
        line(14);
        threads.push_back(t);
        line(15);
        t.start();
    }
    for (Thread& t : threads) {
        line(16);
        line(17);
        t.join();
    }
    line(18);
    print("main: every worker is awake");
}

// The logging helper of the listing: every line starts with the name of the thread that prints it.
void logLine(const std::string& message) {
    line(5);
    print("[" + current_thread().name + "]", message);
}

void threadNames(const Params& p) {
    const std::int64_t unnamedCount = p.get("unnamed", 2);
    auto worker = [] {
        line(8);
        logLine("starting");
        line(9);
        sleep(2s);
        line(10);
        logLine("exiting");
    };
    auto service = [] {
        line(13);
        logLine("starting");
        line(14);
        sleep(3s);
        line(15);
        logLine("exiting");
    };
    line(17);
    Thread s(service, {.name = "service"});
    line(18);
    Thread w(worker, {.name = "worker"});
    line(19);
    std::vector<Thread> unnamed;
    for (std::int64_t i = 0; i < unnamedCount; ++i) unnamed.emplace_back(worker);  // no name: Thread-N
    line(20);
    std::vector<Thread> threads{w};
    threads.insert(threads.end(), unnamed.begin(), unnamed.end());
    threads.push_back(s);
    for (Thread& t : threads) {
        line(21);
        line(22);
        t.start();
    }
    line(23);
    std::string names;
    for (const Thread& t : threads) names += (names.empty() ? "" : ", ") + t.name();
    logLine("started " + names);
    for (Thread& t : threads) {
        line(24);
        line(25);
        t.join();
    }
    line(26);
    logLine("every thread has ended");
}

void daemonThreads(const Params& p) {
    const std::int64_t mode = p.get("mode", 0);
    auto daemon = [] {
        line(7);
        print("daemon: starting");
        line(8);
        sleep(2s);
        line(9);
        print("daemon: exiting");
    };
    auto nonDaemon = [] {
        line(12);
        print("non-daemon: starting");
        line(13);
        print("non-daemon: exiting");
    };
    line(15);
    Thread d(daemon, {.name = "daemon", .daemon = true});
    line(16);
    Thread t(nonDaemon, {.name = "non-daemon"});
    line(17);
    d.start();
    line(18);
    t.start();
    line(19);
    if (mode == 1) {
        line(20);
        d.join();
    } else {
        line(21);
        if (mode == 2) {
            line(22);
            d.join(1s);
            line(23);
            print("main: daemon alive:", d.is_alive());
        }
    }
    line(24);
    t.join();
    line(25);
    print("main: done");
}

// class Worker(threading.Thread) of the listing: start() runs the overridden run() in the new thread.
class SleepyWorker : public Thread {
public:
    SleepyWorker(std::int64_t seconds, std::string name)
        : Thread(ThreadOptions{.name = std::move(name)}), seconds_(seconds) {}

protected:
    // main joins both workers, so each object outlives its thread. When a run is aborted, main unwinds
    // first; the worker then unwinds out of sleep() without touching its members again.
    void run() override {
        line(12);
        print(this->name() + ":", "started, sleeping", seconds_, "s");
        line(13);
        sleep(std::chrono::seconds(seconds_));
        line(14);
        print(this->name() + ":", "finished");
    }

private:
    std::int64_t seconds_;
};

void threadSubclass(const Params& p) {
    const bool subclass = p.get("subclass", 1) != 0;
    const std::int64_t sleep1 = p.get("sleep1", 2);
    const std::int64_t sleep2 = p.get("sleep2", 1);
    auto work = [](std::int64_t seconds) {
        line(17);
        const std::string name = current_thread().name;
        line(18);
        print(name + ":", "started, sleeping", seconds, "s");
        line(19);
        sleep(std::chrono::seconds(seconds));
        line(20);
        print(name + ":", "finished");
    };
    // Held through the base class, as Python's names are: a Thread copied out of a SleepyWorker would lose
    // its run().
    std::unique_ptr<Thread> w1;
    std::unique_ptr<Thread> w2;
    line(22);
    if (subclass) {
        line(23);
        w1 = std::make_unique<SleepyWorker>(sleep1, "worker-1");
        line(24);
        w2 = std::make_unique<SleepyWorker>(sleep2, "worker-2");
    } else {
        line(25);
        line(26);
        w1 = std::make_unique<Thread>([=] { work(sleep1); }, ThreadOptions{.name = "worker-1"});
        line(27);
        w2 = std::make_unique<Thread>([=] { work(sleep2); }, ThreadOptions{.name = "worker-2"});
    }
    line(28);
    w1->start();
    line(29);
    w2->start();
    line(30);
    print("main: both workers started");
    line(31);
    w1->join();
    line(32);
    w2->join();
    line(33);
    print("main: both workers finished");
}

void threadLocalData(const Params& p) {
    const std::int64_t workers = p.get("threads", 2);
    line(4);
    ThreadLocal<std::int64_t> data("data");
    // show(who) of the listing; reading an attribute the thread never set raises AttributeError.
    auto show = [data](const std::string& who) mutable {
        line(7);
        line(8);
        if (data.has()) {
            print(who + ":", "value =", data.get());
            return;
        }
        line(9);
        line(10);
        print(who + ":", "no value yet");
    };
    auto worker = [show, data](std::int64_t number) mutable {
        line(13);
        const std::string name = current_thread().name;
        line(14);
        show(name);
        line(15);
        data.set(number * 10);
        line(16);
        sleep(1s);
        line(17);
        show(name);
    };
    line(19);
    show("main");
    line(20);
    data.set(1000);
    line(21);
    show("main");
    line(22);
    std::vector<Thread> threads;
    for (std::int64_t n = 1; n <= workers; ++n) threads.emplace_back([=]() mutable { worker(n); }, ThreadOptions{.name = numbered("T", n)});
    for (Thread& t : threads) {
        line(23);
        line(24);
        t.start();
    }
    for (Thread& t : threads) {
        line(25);
        line(26);
        t.join();
    }
    line(27);
    show("main");
}

void timerCancel(const Params& p) {
    const auto interval = std::chrono::seconds(p.get("interval_s", 3));
    const auto cancelAfter = std::chrono::seconds(p.get("cancel_after_s", 2));
    auto fire = [] {
        line(5);
        print(current_thread().name + ":", "fired");
    };
    line(7);
    // Python's Timer takes no name; the listing sets it on the next line, before start(), which is the same.
    Timer t1(interval, fire, {.name = "t1"});
    line(9);
    Timer t2(interval, fire, {.name = "t2"});
    line(11);
    print("main: starting both timers");
    line(12);
    t1.start();
    line(13);
    t2.start();
    line(14);
    sleep(cancelAfter);
    line(15);
    print("main: cancelling t2");
    line(16);
    t2.cancel();
    line(17);
    print("main: done");
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
        .listing = R"(import threading
import time

def worker(seconds):
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
    out.push_back(Scenario{
        .id = "threads-random-sleep",
        .family = "threads",
        .title = QT_TRANSLATE_NOOP("Scenario", "Four threads, random sleeps"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Four workers each draw a sleep of 1 to 10 s with random.randint, print it and sleep. They were "
            "started in order 1, 2, 3, 4, but they wake in the order of their sleeps: the shortest sleeper "
            "prints first, and workers that drew the same number wake at the same moment. The draws come from "
            "the run's seed: the same seed and policy give the same sleeps every time, another seed gives "
            "others. Change the seed and watch the finishing order change."),
        .listing = R"(import random
import threading
import time

def worker(number):
    seconds = random.randint(1, 10)
    print(f"worker-{number}: sleeping {seconds} s")
    time.sleep(seconds)
    print(f"worker-{number}: awake after {seconds} s")

threads = []
for number in range(1, 5):
    t = threading.Thread(target=worker, args=(number,), name=f"worker-{number}")
    threads.append(t)
    t.start()
for t in threads:
    t.join()                           # returns when that worker is awake
print("main: every worker is awake")
)",
        .params = {{"workers", QT_TRANSLATE_NOOP("Scenario", "Number of workers"), 4, 1, 10},
                   {"max_s", QT_TRANSLATE_NOOP("Scenario", "Longest sleep (s)"), 10, 1, 60}},
        .defaults = {},
        .main = threadsRandomSleep,
    });
    out.push_back(Scenario{
        .id = "thread-names",
        .family = "threads",
        .title = QT_TRANSLATE_NOOP("Scenario", "Thread names and the current thread"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Two threads get names of their own, worker and service; two more are created without one, so "
            "Python numbers them Thread-1 and Thread-2 (Python 3.10 and later add the target in brackets: "
            "Thread-1 (worker)). Every line goes through log(), which asks threading.current_thread() who is "
            "printing, the way logging's %(threadName)s does: the same function prints [worker], [Thread-1] "
            "or [MainThread] depending on the thread that calls it. The workers exit at t=2, the service at "
            "t=3."),
        .listing = R"(import threading
import time

def log(message):
    print(f"[{threading.current_thread().name}] {message}")

def worker():
    log("starting")
    time.sleep(2)
    log("exiting")

def service():
    log("starting")
    time.sleep(3)
    log("exiting")

s = threading.Thread(target=service, name="service")
w = threading.Thread(target=worker, name="worker")
unnamed = [threading.Thread(target=worker) for _ in range(2)]    # Thread-1, Thread-2
threads = [w, *unnamed, s]
for t in threads:
    t.start()
log("started " + ", ".join(t.name for t in threads))
for t in threads:
    t.join()
log("every thread has ended")
)",
        .params = {{"unnamed", QT_TRANSLATE_NOOP("Scenario", "Threads without a name"), 2, 0, 5}},
        .defaults = {},
        .main = threadNames,
    });
    out.push_back(Scenario{
        .id = "daemon-threads",
        .family = "threads",
        .title = QT_TRANSLATE_NOOP("Scenario", "Daemon threads do not keep the program alive"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "A daemon thread sleeps 2 s; a non-daemon thread prints two lines and ends at once. Python exits "
            "when every non-daemon thread has ended and stops the daemons that are still running. In mode 0 "
            "nobody waits for the daemon: the program ends at t=0 and the daemon's \"exiting\" line never "
            "appears. In mode 1, d.join() keeps main until the daemon ends at t=2. In mode 2, "
            "d.join(timeout=1) gives up at t=1, is_alive() is still True, and the program ends there with the "
            "daemon stopped mid-sleep."),
        .listing = R"(import threading
import time

MODE = 0        # the "mode" parameter: 0 no join, 1 d.join(), 2 d.join(timeout=1)

def daemon():
    print("daemon: starting")
    time.sleep(2)
    print("daemon: exiting")           # only if the program still runs at t=2

def non_daemon():
    print("non-daemon: starting")
    print("non-daemon: exiting")

d = threading.Thread(target=daemon, name="daemon", daemon=True)
t = threading.Thread(target=non_daemon, name="non-daemon")
d.start()
t.start()
if MODE == 1:
    d.join()                           # waits until the daemon ends at t=2
elif MODE == 2:
    d.join(timeout=1)                  # gives up at t=1
    print("main: daemon alive:", d.is_alive())
t.join()
print("main: done")                    # then Python exits and stops a daemon that still runs
)",
        .params = {{"mode", QT_TRANSLATE_NOOP("Scenario", "Waiting for the daemon (0: none, 1: join(), 2: join(timeout=1))"), 0, 0, 2}},
        .defaults = {},
        .main = daemonThreads,
    });
    out.push_back(Scenario{
        .id = "thread-subclass",
        .family = "threads",
        .title = QT_TRANSLATE_NOOP("Scenario", "A Thread subclass with its own run()"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Two workers that sleep 2 s and 1 s, written as a subclass of threading.Thread. The constructor "
            "passes the name on to Thread and keeps its own argument, the sleep; run() takes the place of the "
            "target function, and start() calls it in the new thread. Set subclass to 0 and the same program "
            "runs with Thread(target=work, args=...) instead: the timeline, the printed lines and the times do "
            "not change, only the highlighted lines do. worker-2 ends at t=1, worker-1 and main at t=2."),
        .listing = R"(import threading
import time

SUBCLASS = 1    # the "subclass" parameter: 1 class Worker, 0 a target function

class Worker(threading.Thread):
    def __init__(self, seconds, name):
        super().__init__(name=name)
        self.seconds = seconds

    def run(self):                     # start() calls this in the new thread
        print(f"{self.name}: started, sleeping {self.seconds} s")
        time.sleep(self.seconds)
        print(f"{self.name}: finished")

def work(seconds):                     # the same body as a plain function
    name = threading.current_thread().name
    print(f"{name}: started, sleeping {seconds} s")
    time.sleep(seconds)
    print(f"{name}: finished")

if SUBCLASS:
    w1 = Worker(2, name="worker-1")
    w2 = Worker(1, name="worker-2")
else:
    w1 = threading.Thread(target=work, args=(2,), name="worker-1")
    w2 = threading.Thread(target=work, args=(1,), name="worker-2")
w1.start()
w2.start()
print("main: both workers started")
w1.join()
w2.join()
print("main: both workers finished")
)",
        .params = {{"subclass", QT_TRANSLATE_NOOP("Scenario", "Form (1: Thread subclass, 0: target function)"), 1, 0, 1},
                   {"sleep1", QT_TRANSLATE_NOOP("Scenario", "Sleep of worker-1 (s)"), 2, 0, 60},
                   {"sleep2", QT_TRANSLATE_NOOP("Scenario", "Sleep of worker-2 (s)"), 1, 0, 60}},
        .defaults = {},
        .main = threadSubclass,
    });
    out.push_back(Scenario{
        .id = "thread-local",
        .family = "threads",
        .title = QT_TRANSLATE_NOOP("Scenario", "Thread-local data"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "One threading.local() object, data, is shared by every thread, yet each thread sees only the "
            "value it stored itself. Main stores 1000. Each worker starts with no value at all (reading it "
            "raises AttributeError), stores its own number times 10 and sleeps 1 s, so the other workers store "
            "theirs in between; after the sleep it still reads its own value. At the end main still reads "
            "1000: no worker's store reached it."),
        .listing = R"(import threading
import time

data = threading.local()

def show(who):
    try:
        print(f"{who}: value = {data.value}")
    except AttributeError:
        print(f"{who}: no value yet")

def worker(number):
    name = threading.current_thread().name
    show(name)                         # a new thread starts with no value
    data.value = number * 10
    time.sleep(1)                      # the other workers store theirs meanwhile
    show(name)                         # still this thread's own value

show("main")
data.value = 1000
show("main")
threads = [threading.Thread(target=worker, args=(n,), name=f"T{n}") for n in range(1, 3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
show("main")                           # 1000: the workers never touched main's value
)",
        .params = {{"threads", QT_TRANSLATE_NOOP("Scenario", "Number of threads"), 2, 1, 8}},
        .defaults = {},
        .main = threadLocalData,
    });
    out.push_back(Scenario{
        .id = "timer-cancel",
        .family = "threads",
        .title = QT_TRANSLATE_NOOP("Scenario", "Two timers, one cancelled"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "threading.Timer is a thread that waits, then calls a function. Main starts two 3 s timers, t1 "
            "and t2, sleeps 2 s and cancels t2. t2 has not fired yet, so it never will: its thread ends at t=2 "
            "without calling fire(). t1 is left alone and fires at t=3, after main has already printed "
            "\"done\"; the program ends then. Make the cancel come later than the interval and both timers "
            "fire: cancel() only stops a timer that is still waiting."),
        .listing = R"(import threading
import time

def fire():
    print(f"{threading.current_thread().name}: fired")

t1 = threading.Timer(3, fire)
t1.name = "t1"
t2 = threading.Timer(3, fire)
t2.name = "t2"
print("main: starting both timers")
t1.start()
t2.start()
time.sleep(2)
print("main: cancelling t2")
t2.cancel()                            # t2 is still waiting, so it never fires
print("main: done")
)",
        .params = {{"interval_s", QT_TRANSLATE_NOOP("Scenario", "Interval of both timers (s)"), 3, 0, 60},
                   {"cancel_after_s", QT_TRANSLATE_NOOP("Scenario", "Time before t2 is cancelled (s)"), 2, 0, 60}},
        .defaults = {},
        .main = timerCancel,
    });
}

}  // namespace lockstep::scenarios
