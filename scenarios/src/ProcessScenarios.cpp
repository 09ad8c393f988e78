// Processes: real child processes (multiprocessing), each with its own pid and its own memory, talking
// through pipes, queues and shared memory.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "lockstep/Api.h"
#include "lockstep/mp/Manager.h"
#include "lockstep/mp/Multiprocessing.h"
#include "lockstep/mp/Pool.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

using namespace std::chrono_literals;

namespace {

std::string pidOf() { return std::to_string(mp::current_process().pid); }

// ---- process-start-join -----------------------------------------------------------------------------

void announceAndSleep(const std::string& name, std::int64_t seconds) {
    line(4);
    print(name + ": pid " + pidOf() + ", parent " + std::to_string(::getppid()));
    line(5);
    sleep(std::chrono::seconds(seconds));
    line(6);
    print(name + ": done after " + std::to_string(seconds) + " s");
}

void startJoinWork(const mp::Args& a) { announceAndSleep(a.at(0).asStr(), a.at(1).asInt()); }
LOCKSTEP_PROCESS_TARGET(startJoinWork);

// class Sleeper(Process) with run() overridden. With the spawn start method the child rebuilds the object
// from its class and fields and calls run(); here the class's run() is the registered target it finds.
void sleeperRun(const mp::Args& fields) {
    line(14);
    announceAndSleep(mp::current_process().name, fields.at(0).asInt());
}
LOCKSTEP_PROCESS_TARGET(sleeperRun);

class Sleeper : public mp::Process {
public:
    explicit Sleeper(std::int64_t seconds) : Process(&sleeperRun, {seconds}, {.name = "sleeper"}) {}
};

void processStartJoin(const Params& p) {
    line(17);  // set_start_method("spawn"): the engine starts every child that way
    line(18);
    print("main: pid " + pidOf());
    line(19);
    mp::Process a(&startJoinWork, {"worker", p.get("worker_s", 2)}, {.name = "worker"});
    line(20);
    Sleeper b(p.get("sleeper_s", 1));
    line(21);
    mp::Process d(&startJoinWork, {"watcher", p.get("watcher_s", 5)}, {.name = "watcher", .daemon = true});
    line(23);
    for (mp::Process* proc : {&a, static_cast<mp::Process*>(&b), &d}) {
        line(23);
        proc->start();
    }
    line(24);
    print("main: started pids " + std::to_string(a.pid()) + ", " + std::to_string(b.pid()) + ", " +
          std::to_string(d.pid()));
    line(25);
    a.join();
    line(26);
    b.join();
    line(27);
    print("main: exit codes " + str(a.exitcode()) + " " + str(b.exitcode()) + "; watcher alive: " + str(d.is_alive()));
}

// ---- process-pipe -----------------------------------------------------------------------------------

void pipeSender(const mp::Args& a) {
    mp::Connection conn(a.at(0));
    const std::int64_t count = a.at(1).asInt();
    for (std::int64_t i = 1; i <= count; ++i) {
        line(4);
        line(5);
        sleep(1s);
        line(6);
        conn.send("message " + std::to_string(i));
        line(7);
        print("sender: sent message " + std::to_string(i));
    }
    line(8);
    conn.send(mp::None());
}
LOCKSTEP_PROCESS_TARGET(pipeSender);

void pipeReceiver(const mp::Args& a) {
    mp::Connection conn(a.at(0));
    for (;;) {
        line(11);
        line(12);
        const mp::Obj message = conn.recv();
        line(13);
        if (message.isNone()) break;
        line(15);
        print("receiver: got " + message.repr());
    }
    line(16);
    print("receiver: the sender is done");
}
LOCKSTEP_PROCESS_TARGET(pipeReceiver);

void processPipe(const Params& p) {
    line(19);  // set_start_method("spawn"): the engine starts every child that way
    line(20);
    auto [left, right] = mp::Pipe();
    line(21);
    mp::Process sender(&pipeSender, {left, p.get("messages", 3)}, {.name = "sender"});
    line(22);
    mp::Process receiver(&pipeReceiver, {right}, {.name = "receiver"});
    line(23);
    receiver.start();
    sender.start();
    line(24);
    sender.join();
    receiver.join();
    line(25);
    print("main: both processes are done");
}

// ---- process-queue ----------------------------------------------------------------------------------

void queueProducer(const mp::Args& a) {
    mp::Queue q(a.at(0));
    const std::int64_t items = a.at(1).asInt();
    const std::int64_t consumers = a.at(2).asInt();
    for (std::int64_t i = 1; i <= items; ++i) {
        line(4);
        line(5);
        sleep(500ms);
        line(6);
        q.put("item " + std::to_string(i));
        line(7);
        print("producer: put item " + std::to_string(i));
    }
    for (std::int64_t c = 0; c < consumers; ++c) {
        line(8);
        line(9);
        q.put(mp::None());
    }
}
LOCKSTEP_PROCESS_TARGET(queueProducer);

void queueConsumer(const mp::Args& a) {
    mp::Queue q(a.at(0));
    const std::string name = mp::current_process().name;
    for (;;) {
        line(12);
        line(13);
        const mp::Obj item = q.get();
        line(14);
        if (item.isNone()) break;
        line(16);
        print(name + ": got " + item.repr());
        line(17);
        sleep(std::chrono::milliseconds(a.at(1).asInt()));
    }
    line(18);
    print(name + ": got the sentinel, stopping");
}
LOCKSTEP_PROCESS_TARGET(queueConsumer);

void processQueue(const Params& p) {
    const std::int64_t items = p.get("items", 6);
    const std::int64_t consumers = p.get("consumers", 2);
    line(21);  // set_start_method("spawn"): the engine starts every child that way
    line(22);
    mp::Queue q;
    line(23);
    mp::Process producer(&queueProducer, {q, items, consumers}, {.name = "producer"});
    line(24);
    std::vector<mp::Process> eaters;
    for (std::int64_t c = 1; c <= consumers; ++c)
        eaters.emplace_back(&queueConsumer, mp::Args{q, p.get("consume_ms", 800)},
                            mp::ProcessOptions{.name = "consumer-" + std::string(1, static_cast<char>('A' + c - 1))});
    line(26);
    producer.start();
    for (mp::Process& e : eaters) e.start();
    line(27);
    producer.join();
    for (mp::Process& e : eaters) e.join();
    line(28);
    print("main: every item was consumed");
}

// ---- process-shared-value ---------------------------------------------------------------------------

int plainCounter = 0;  // a plain global: each process has its own copy

void addToValue(const mp::Args& a) {
    mp::Value total(a.at(0));
    const bool useLock = a.at(1).asBool();
    const std::int64_t amount = a.at(2).asInt();
    line(9);
    plainCounter += static_cast<int>(amount);  // changes only this child's memory
    line(10);
    if (useLock) {
        mp::ProcessLock lock = total.get_lock();
        line(11);
        lock.acquire();
        line(12);
        total.set(total.value().asInt() + amount);
        line(11);
        lock.release();
    } else {  // `with nullcontext():` does nothing on entry or exit
        line(11);
        line(12);
        total.set(total.value().asInt() + amount);
    }
}
LOCKSTEP_PROCESS_TARGET(addToValue);

void doubleItem(const mp::Args& a) {
    mp::Array arr(a.at(0));
    const std::int64_t index = a.at(1).asInt();
    mp::ProcessLock lock = arr.get_lock();
    line(15);
    lock.acquire();
    line(16);
    arr.set(index, arr.get(index).asFloat() * 2);
    line(15);
    lock.release();
}
LOCKSTEP_PROCESS_TARGET(doubleItem);

void processSharedValue(const Params& p) {
    const std::int64_t workers = p.get("workers", 10);
    const std::int64_t amount = p.get("amount", 100);
    const bool useLock = p.get("lock", 1) != 0;
    line(19);  // set_start_method("spawn"): the engine starts every child that way
    line(20);
    mp::Value total('i', 0);
    line(21);
    mp::Array arr('d', mp::List{10.0, 20.0, 30.0});
    line(22);
    std::vector<mp::Process> procs;
    for (std::int64_t i = 0; i < workers; ++i)
        procs.emplace_back(&addToValue, mp::Args{total, useLock, amount});
    line(23);
    for (std::int64_t i = 0; i < 3; ++i) procs.emplace_back(&doubleItem, mp::Args{arr, i});
    line(24);
    for (mp::Process& proc : procs) proc.start();
    line(25);
    for (mp::Process& proc : procs) proc.join();
    line(26);
    print("shared value: " + total.value().repr());
    line(27);
    print("shared array: " + mp::Obj(arr.list()).repr());
    line(28);
    print("plain global in the parent: " + std::to_string(plainCounter));
}


// ---- process-manager --------------------------------------------------------------------------------

void managerRecord(const mp::Args& a) {
    mp::DictProxy scores(a.at(0));
    line(4);
    scores.set(a.at(1), a.at(2));
    line(5);
    print(mp::current_process().name + ": " + a.at(1).str() + " = " + a.at(2).repr());
}
LOCKSTEP_PROCESS_TARGET(managerRecord);

void managerCollect(const mp::Args& a) {
    mp::ListProxy names(a.at(0));
    line(8);
    names.append(a.at(1));
}
LOCKSTEP_PROCESS_TARGET(managerCollect);

void processManager(const Params& p) {
    const std::int64_t writers = p.get("writers", 3);
    line(11);  // set_start_method("spawn"): the engine starts every child that way
    line(12);
    mp::Manager manager;
    {
        With<mp::Manager> scope(manager);
        line(13);
        mp::DictProxy scores = manager.dict("scores");
        line(14);
        mp::ListProxy names = manager.list({}, "names");
        line(15);
        std::vector<mp::Process> procs;
        for (std::int64_t i = 0; i < writers; ++i)
            procs.emplace_back(&managerRecord, mp::Args{scores, "key" + std::to_string(i), i * 10});
        line(16);
        for (std::int64_t i = 0; i < writers; ++i)
            procs.emplace_back(&managerCollect, mp::Args{names, "item-" + std::to_string(i)});
        line(17);
        for (mp::Process& proc : procs) proc.start();
        line(18);
        for (mp::Process& proc : procs) proc.join();
        line(19);
        print("main: dict " + scores.repr());
        line(20);
        mp::List sorted = names.copy();
        std::sort(sorted.begin(), sorted.end(), [](const mp::Obj& x, const mp::Obj& y) { return x.asStr() < y.asStr(); });
        print("main: list " + mp::Obj(sorted).repr());
        line(12);
    }
}

// ---- process-pool -----------------------------------------------------------------------------------

mp::Obj poolSquare(const mp::Args& a) {
    const std::int64_t x = a.at(0).asInt();
    line(4);
    sleep(std::chrono::milliseconds(100 * (4 - x % 4)));  // unequal tasks: they finish out of order
    line(5);
    print(mp::current_process().name + ": square(" + std::to_string(x) + ")");
    line(6);
    return mp::Obj(x * x);
}
LOCKSTEP_PROCESS_FUNCTION(poolSquare);

void processPool(const Params& p) {
    const std::int64_t workers = p.get("processes", 2);
    const std::int64_t items = p.get("items", 6);
    line(9);  // set_start_method("spawn"): the engine starts every child that way
    line(10);
    mp::Pool pool(workers);
    {
        With<mp::Pool> scope(pool);
        line(11);
        mp::List inputs;
        for (std::int64_t i = 1; i <= items; ++i) inputs.emplace_back(i);
        const mp::List squares = pool.map(&poolSquare, inputs);
        print("map: " + mp::Obj(squares).repr());
        line(12);
        mp::AsyncResult pending = pool.apply_async(&poolSquare, {10});
        line(13);
        print("apply_async: " + pending.get(std::chrono::seconds(5)).repr());
        line(10);
    }
}

}  // namespace

void addProcessScenarios(std::vector<Scenario>& out) {
    out.push_back(Scenario{
        .id = "process-start-join",
        .family = "processes",
        .title = QT_TRANSLATE_NOOP("Scenario", "Starting and joining processes"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Three child processes, each a real OS process with its own pid (the lane names show it, and so "
            "does `ps` while the run is paused): one started from a function, one from a Process subclass "
            "that overrides run(), and a daemon watcher. Each prints its pid and its parent's pid, which is "
            "the pid of the main process. join() waits for a child to end, and exitcode is 0 once it has "
            "returned. The daemon is not joined: when the main process ends, it is killed with it."),
        .listing = R"(import multiprocessing, os, time

def work(name, seconds):
    print(f"{name}: pid {os.getpid()}, parent {os.getppid()}")
    time.sleep(seconds)
    print(f"{name}: done after {seconds} s")

class Sleeper(multiprocessing.Process):
    def __init__(self, seconds):
        super().__init__(name="sleeper")
        self.seconds = seconds

    def run(self):                      # what the child runs
        work(self.name, self.seconds)

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")    # a child starts a new interpreter and imports this file
    print(f"main: pid {os.getpid()}")
    a = multiprocessing.Process(target=work, args=("worker", 2), name="worker")
    b = Sleeper(1)
    d = multiprocessing.Process(target=work, args=("watcher", 5),
                                name="watcher", daemon=True)
    for p in (a, b, d): p.start()
    print(f"main: started pids {a.pid}, {b.pid}, {d.pid}")
    a.join()
    b.join()
    print(f"main: exit codes {a.exitcode} {b.exitcode}; watcher alive: {d.is_alive()}")
)",
        .params = {{"worker_s", QT_TRANSLATE_NOOP("Scenario", "The worker's sleep (s)"), 2, 0, 30},
                   {"sleeper_s", QT_TRANSLATE_NOOP("Scenario", "The Sleeper subclass's sleep (s)"), 1, 0, 30},
                   {"watcher_s", QT_TRANSLATE_NOOP("Scenario", "The daemon watcher's sleep (s)"), 5, 0, 30}},
        .defaults = {.policy = PolicyKind::RoundRobin, .seed = 1, .cores = 2},
        .main = processStartJoin,
    });

    out.push_back(Scenario{
        .id = "process-pipe",
        .family = "processes",
        .title = QT_TRANSLATE_NOOP("Scenario", "Two processes talking over a Pipe"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "A sender process sends a message every second over a Pipe, then None to say it is done; a "
            "receiver process waits in recv(). The receiver is blocked until each message arrives; the "
            "arrows on the timeline go from each send to the recv that took it. The two processes share no "
            "memory: every message is copied from one to the other."),
        .listing = R"(import multiprocessing, time

def sender(conn, count):
    for i in range(1, count + 1):
        time.sleep(1)
        conn.send(f"message {i}")
        print(f"sender: sent message {i}")
    conn.send(None)                     # nothing more to come

def receiver(conn):
    while True:
        message = conn.recv()           # blocks until a message arrives
        if message is None:
            break
        print(f"receiver: got {message!r}")
    print("receiver: the sender is done")

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")    # a child starts a new interpreter and imports this file
    left, right = multiprocessing.Pipe()
    s = multiprocessing.Process(target=sender, args=(left, 3), name="sender")
    r = multiprocessing.Process(target=receiver, args=(right,), name="receiver")
    r.start(); s.start()
    s.join(); r.join()
    print("main: both processes are done")
)",
        .params = {{"messages", QT_TRANSLATE_NOOP("Scenario", "Messages to send"), 3, 1, 20}},
        .defaults = {.policy = PolicyKind::RoundRobin, .seed = 1, .cores = 2},
        .main = processPipe,
    });

    out.push_back(Scenario{
        .id = "process-queue",
        .family = "processes",
        .title = QT_TRANSLATE_NOOP("Scenario", "Producer and consumers over a process Queue"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "A producer process puts an item on a multiprocessing.Queue every half second, then one None per "
            "consumer; two consumer processes take items and spend a while on each. Every item arrives "
            "once, in the order it was put; a consumer stops at its None. Each arrow on the timeline is one "
            "item going from the producer to the consumer that got it."),
        .listing = R"(import multiprocessing, time

def producer(q, items, consumers):
    for i in range(1, items + 1):
        time.sleep(0.5)
        q.put(f"item {i}")
        print(f"producer: put item {i}")
    for _ in range(consumers):
        q.put(None)                     # one sentinel per consumer

def consumer(q, pause):
    while True:
        item = q.get()                  # blocks while the queue is empty
        if item is None:
            break
        print(f"{multiprocessing.current_process().name}: got {item!r}")
        time.sleep(pause)
    print(f"{multiprocessing.current_process().name}: got the sentinel, stopping")

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")    # a child starts a new interpreter and imports this file
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=producer, args=(q, 6, 2), name="producer")
    eaters = [multiprocessing.Process(target=consumer, args=(q, 0.8),
                                      name=f"consumer-{'AB'[i]}") for i in range(2)]
    for proc in [p, *eaters]: proc.start()
    for proc in [p, *eaters]: proc.join()
    print("main: every item was consumed")
)",
        .params = {{"items", QT_TRANSLATE_NOOP("Scenario", "Items to produce"), 6, 1, 50},
                   {"consumers", QT_TRANSLATE_NOOP("Scenario", "Consumer processes"), 2, 1, 2},
                   {"consume_ms", QT_TRANSLATE_NOOP("Scenario", "Time a consumer spends on an item (ms)"), 800, 0, 5000}},
        .defaults = {.policy = PolicyKind::RoundRobin, .seed = 1, .cores = 2},
        .main = processQueue,
    });

    out.push_back(Scenario{
        .id = "process-shared-value",
        .family = "processes",
        .title = QT_TRANSLATE_NOOP("Scenario", "Shared memory: Value and Array (and a plain global)"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Ten processes each add 100 to a multiprocessing.Value under its lock, and three more each "
            "double one item of a multiprocessing.Array. Both live in real shared memory, so the parent "
            "reads 1000 and [20.0, 40.0, 60.0] afterwards. Each child also adds to a plain global variable, "
            "but that changes only the child's own copy: the parent's stays 0, because processes do not "
            "share memory unless asked to. Turn the lock off and try the Random policy: two processes read "
            "the same value, and one update is lost."),
        .listing = R"(import multiprocessing
from contextlib import nullcontext

LOCK = 1                                # the "lock" parameter: 0 leaves the value's lock out
plain = 0                               # a plain global: every process has its own

def add(total, use_lock, amount):
    global plain
    plain += amount                     # changes this child's copy only
    lock = total.get_lock() if use_lock else nullcontext()
    with lock:                          # without the lock two children may read the same old value
        total.value = total.value + amount

def double(arr, i):
    with arr.get_lock():
        arr[i] = arr[i] * 2

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")    # a child starts a new interpreter and imports this file
    total = multiprocessing.Value('i', 0)
    arr = multiprocessing.Array('d', [10.0, 20.0, 30.0])
    procs = [multiprocessing.Process(target=add, args=(total, LOCK, 100)) for _ in range(10)]
    procs += [multiprocessing.Process(target=double, args=(arr, i)) for i in range(3)]
    for p in procs: p.start()
    for p in procs: p.join()
    print(f"shared value: {total.value}")
    print(f"shared array: {arr[:]}")
    print(f"plain global in the parent: {plain}")
)",
        .params = {{"workers", QT_TRANSLATE_NOOP("Scenario", "Processes adding to the value"), 10, 1, 20},
                   {"amount", QT_TRANSLATE_NOOP("Scenario", "What each one adds"), 100, 1, 1000},
                   {"lock", QT_TRANSLATE_NOOP("Scenario", "Use the value's lock (1 = yes, 0 = no)"), 1, 0, 1}},
        .defaults = {.policy = PolicyKind::RoundRobin, .seed = 1, .cores = 2},
        .main = processSharedValue,
    });

    out.push_back(Scenario{
        .id = "process-manager",
        .family = "processes",
        .title = QT_TRANSLATE_NOOP("Scenario", "A manager's shared dict and list"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "A Manager starts a server process that holds a dict and a list in its own memory. Three "
            "processes each set one key of the dict and three more each append to the list, through proxies: "
            "every operation is a request to the manager process and an answer back (the arrows on the "
            "timeline). The parent, reading through its own proxies, sees every change the children made. "
            "Leaving the with block shuts the manager down."),
        .listing = R"py(import multiprocessing

def record(scores, key, value):
    scores[key] = value                 # a request to the manager process
    print(f"{multiprocessing.current_process().name}: {key} = {value!r}")

def collect(names, item):
    names.append(item)

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")    # a child starts a new interpreter and imports this file
    with multiprocessing.Manager() as manager:
        scores = manager.dict()
        names = manager.list()
        procs = [multiprocessing.Process(target=record, args=(scores, f"key{i}", i * 10)) for i in range(3)]
        procs += [multiprocessing.Process(target=collect, args=(names, f"item-{i}")) for i in range(3)]
        for p in procs: p.start()
        for p in procs: p.join()
        print(f"main: dict {scores}")
        print(f"main: list {sorted(names)}")
)py",
        .params = {{"writers", QT_TRANSLATE_NOOP("Scenario", "Processes writing the dict (and as many the list)"), 3, 1, 8}},
        .defaults = {.policy = PolicyKind::RoundRobin, .seed = 1, .cores = 2},
        .main = processManager,
    });

    out.push_back(Scenario{
        .id = "process-pool",
        .family = "processes",
        .title = QT_TRANSLATE_NOOP("Scenario", "A pool of processes: map and apply_async"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "A Pool of two worker processes (the processes parameter gives 4 as well) squares the numbers 1 to 6 with "
            "map(), then one more with apply_async(). The tasks take unequal times, so the workers finish "
            "them out of order and each worker does several: the Get arrows from the pool's task queue show "
            "which worker took which task. map() still returns the results in the order of its input, and "
            "get() waits for the apply_async result."),
        .listing = R"py(import multiprocessing, time

def square(x):
    time.sleep(0.1 * (4 - x % 4))       # unequal tasks: they finish out of order
    print(f"{multiprocessing.current_process().name}: square({x})")
    return x * x

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")    # a child starts a new interpreter and imports this file
    with multiprocessing.Pool(processes=2) as pool:
        print(f"map: {pool.map(square, range(1, 7))}")
        pending = pool.apply_async(square, (10,))
        print(f"apply_async: {pending.get(timeout=5)}")
)py",
        .params = {{"processes", QT_TRANSLATE_NOOP("Scenario", "Worker processes in the pool"), 2, 1, 8},
                   {"items", QT_TRANSLATE_NOOP("Scenario", "Numbers to square with map"), 6, 1, 30}},
        .defaults = {.policy = PolicyKind::RoundRobin, .seed = 1, .cores = 2},
        .main = processPool,
    });
}

}  // namespace lockstep::scenarios
