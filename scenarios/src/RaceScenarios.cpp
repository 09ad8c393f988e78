// Races and locks: lost updates, locks, re-entrant locks and deadlocks.

#include <chrono>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lockstep/Api.h"
#include "lockstep/Event.h"
#include "lockstep/Lock.h"
#include "lockstep/Shared.h"
#include "lockstep/Thread.h"
#include "lockstep/ThreadPoolExecutor.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

using namespace std::chrono_literals;

namespace {

void raceIncrementDouble(const Params& p) {
    line(3);
    Shared<int> x("x", static_cast<int>(p.get("start", 2)));
    auto addOne = [x]() mutable {
        line(7);
        const int seen = x.load();
        line(8);
        x.store(seen + 1);
    };
    auto twice = [x]() mutable {
        line(12);
        const int seen = x.load();
        line(13);
        x.store(seen * 2);
    };
    line(15);
    Thread t1(addOne, {.name = "T1"});
    line(16);
    Thread t2(twice, {.name = "T2"});
    line(17);
    t1.start();
    t2.start();
    line(18);
    t1.join();
    t2.join();
    line(19);
    print("x =", x.peek());
}

void raceCounterSleep(const Params& p) {
    const auto pause = std::chrono::milliseconds(p.get("delay_ms", 100));
    line(4);
    Shared<int> counter("counter", 0);
    auto update = [counter, pause](int by) mutable {
        line(8);
        const int local = counter.load();
        line(9);
        sleep(pause);
        line(10);
        counter.store(local + by);
    };
    line(12);
    Thread t1([=]() mutable { update(static_cast<int>(p.get("by1", 10))); }, {.name = "T1"});
    line(13);
    Thread t2([=]() mutable { update(static_cast<int>(p.get("by2", 20))); }, {.name = "T2"});
    line(14);
    t1.start();
    t2.start();
    line(15);
    t1.join();
    t2.join();
    line(16);
    print("counter =", counter.peek());
}

void lockCounter(const Params& p) {
    const auto pause = std::chrono::milliseconds(p.get("delay_ms", 100));
    const int n = static_cast<int>(p.get("threads", 2));
    line(4);
    Shared<int> counter("counter", 0);
    line(5);
    Lock lock("lock");
    auto update = [counter, lock, pause](int by) mutable {
        line(9);
        With guard(lock);
        line(10);
        const int seen = counter.load();
        line(11);
        sleep(pause);
        line(12);
        counter.store(seen + by);
        line(9);  // leaving the with block releases the lock
    };
    line(14);
    std::vector<Thread> threads;
    for (int i = 1; i <= n; ++i)
        threads.emplace_back([update, i]() mutable { update(10 * i); }, ThreadOptions{.name = "T" + std::to_string(i)});
    line(16);
    for (Thread& t : threads) t.start();
    line(17);
    for (Thread& t : threads) t.join();
    line(18);
    print("counter =", counter.peek());
}

void lockCounterMany(const Params& p) {
    const std::int64_t threadCount = p.get("threads", 5);
    const std::int64_t n = p.get("increments", 100);
    const auto cost = std::chrono::milliseconds(p.get("work_ms", 1));
    line(5);
    Shared<int> counter("counter", 0);
    line(6);
    Lock lock("lock");
    auto busy = [](std::chrono::nanoseconds d) {
        line(10);
        work(d);  // the whole spin loop is one CPU burst
    };
    auto worker = [=]() mutable {
        line(15);
        int contended = 0;
        line(16);
        double waited = 0.0;
        for (std::int64_t i = 0; i < n; ++i) {
            line(18);
            // locked() is not a scheduling point, so no one can take or free the lock between this look and
            // the acquire below: a look that finds it taken is exactly an acquire that has to wait.
            if (lock.locked()) {
                line(19);
                ++contended;
            }
            line(20);
            const double start = monotonic();
            line(21);
            With guard(lock);
            line(22);
            waited += monotonic() - start;
            line(23);
            const int value = counter.load();
            line(24);
            busy(cost);
            line(25);
            counter.store(value + 1);
            line(21);  // leaving the with block releases the lock
        }
        line(26);
        const std::string name = current_thread().name;
        line(27);
        print(name + ":", "found the lock taken", contended, "of", n, "times, waited",
              std::llround(waited * 1000), "ms");
    };
    line(29);
    if (p.get("pool", 0) != 0) {
        line(31);
        // The pool's workers take the place of the threads: one task per worker, the same loop in each.
        ThreadPoolExecutor pool(threadCount, "T");
        {
            With scope(pool);
            line(32);
            for (std::int64_t i = 1; i <= threadCount; ++i) pool.submit(worker);
            line(31);  // leaving the with block: shutdown(wait=True) joins the workers
        }
    } else {
        line(34);
        std::vector<Thread> threads;
        for (std::int64_t i = 1; i <= threadCount; ++i)
            threads.emplace_back(worker, ThreadOptions{.name = "T" + std::to_string(i)});
        line(35);
        for (Thread& t : threads) t.start();
        line(36);
        for (Thread& t : threads) t.join();
    }
    line(37);
    print("counter =", counter.peek());
}

// The Point of the point-atomicity listing; copies share its lock and coordinates, like Python references.
class Point {
public:
    explicit Point(std::int64_t mode)
        : lock_(makeLock(mode)), x_(coordinate(9, "x")), y_(coordinate(10, "y")) {}

    void set(int a) {
        line(13);
        const Guard guard(lock_);
        line(14);
        x_.store(a);
        line(15);
        y_.store(a);
        line(13);  // leaving the with block
    }

    void setNested(int a) {
        line(18);
        const Guard guard(lock_);
        line(19);
        setX(a);
        line(20);
        setY(a);
        line(18);
    }

    std::pair<int, int> get() {
        line(31);
        const Guard guard(lock_);
        line(32);
        const int x = x_.load();
        const int y = y_.load();
        line(31);
        return {x, y};
    }

private:
    // `with self.lock:` where the lock may be nullcontext(), which does nothing.
    class Guard {
    public:
        explicit Guard(std::optional<Lock>& lock) {
            if (lock) with_.emplace(*lock);
        }

    private:
        std::optional<With<Lock>> with_;
    };

    static std::optional<Lock> makeLock(std::int64_t mode) {
        line(8);
        if (mode == 1) return Lock("lock");
        if (mode == 2) return RLock("lock");  // the same handle type; the engine object is re-entrant
        return std::nullopt;                  // nullcontext()
    }
    static Shared<int> coordinate(int listingLine, const char* name) {
        line(listingLine);
        return Shared<int>(name, 0);
    }

    void setX(int a) {
        line(23);
        const Guard guard(lock_);
        line(24);
        x_.store(a);
        line(23);
    }
    void setY(int a) {
        line(27);
        const Guard guard(lock_);
        line(28);
        y_.store(a);
        line(27);
    }

    std::optional<Lock> lock_;
    Shared<int> x_;
    Shared<int> y_;
};

void pointAtomicity(const Params& p) {
    const std::int64_t mode = p.get("mode", 0);
    const std::int64_t rounds = p.get("rounds", 3);
    const std::int64_t reads = p.get("reads", 5);
    line(4);
    line(34);
    Point point(mode);
    auto writer = [=](int a) mutable {
        for (std::int64_t i = 0; i < rounds; ++i) {
            line(37);
            line(38);
            if (mode == 2) {
                point.setNested(a);
            } else {
                line(39);
                point.set(a);
            }
        }
    };
    auto reader = [=]() mutable {
        for (std::int64_t i = 0; i < reads; ++i) {
            line(42);
            line(43);
            const auto [x, y] = point.get();
            line(44);
            print("reader: (" + str(x) + ", " + str(y) + ")", x == y ? "ok" : "TORN");
        }
    };
    line(46);
    std::vector<Thread> threads;
    threads.emplace_back([writer]() mutable { writer(1); }, ThreadOptions{.name = "W1"});
    line(47);
    threads.emplace_back([writer]() mutable { writer(2); }, ThreadOptions{.name = "W2"});
    line(48);
    threads.emplace_back(reader, ThreadOptions{.name = "reader"});
    line(49);
    for (Thread& t : threads) t.start();
    line(50);
    for (Thread& t : threads) t.join();
    line(51);
    const auto [x, y] = point.get();
    line(51);
    print("final point: (" + str(x) + ", " + str(y) + ")");
}

void lockNonblocking(const Params& p) {
    const auto hold = std::chrono::milliseconds(p.get("hold_ms", 500));
    const auto retry = std::chrono::milliseconds(p.get("retry_ms", 500));
    const std::int64_t wanted = p.get("successes", 3);
    line(4);
    Lock lock("lock");
    line(5);
    Event taken("taken");
    line(6);
    const double start = monotonic();
    auto holder = [=]() mutable {
        for (;;) {
            line(9);
            line(10);
            {
                With guard(lock);
                line(11);
                taken.set();
                line(12);
                sleep(hold);
                line(10);  // leaving the with block releases the lock
            }
            line(13);
            sleep(hold);
        }
    };
    auto worker = [=]() mutable {
        line(16);
        taken.wait();
        line(17);
        std::int64_t tries = 0;
        std::int64_t successes = 0;
        for (;;) {
            line(18);
            if (successes >= wanted) break;
            line(19);
            ++tries;
            line(20);
            const double t = monotonic() - start;
            line(21);
            if (lock.acquire(false)) {
                line(22);
                ++successes;
                line(23);
                print("worker: try", tries, "at t=" + str(t) + ": got the lock (" + str(successes), "of",
                      str(wanted) + ")");
                line(24);
                lock.release();
            } else {
                line(26);
                print("worker: try", tries, "at t=" + str(t) + ": busy");
            }
            line(27);
            sleep(retry);
        }
        line(28);
        print("worker:", wanted, "successes took", tries, "tries");
    };
    line(30);
    Thread(holder, {.name = "holder", .daemon = true}).start();
    line(31);
    Thread w(worker, {.name = "worker"});
    line(32);
    w.start();
    line(33);
    w.join();
}

void lockVsRLock(const Params&) {
    line(3);
    Lock lock("lock");
    line(4);
    print("Lock, first acquire:", lock.acquire());
    line(5);
    print("Lock, second try:", lock.acquire(false));
    line(6);
    lock.release();
    line(8);
    RLock rlock("rlock");
    line(9);
    print("RLock, first acquire:", rlock.acquire());
    line(10);
    print("RLock, second try:", rlock.acquire(false));
    line(11);
    print("RLock recursion count:", rlock.count());
    line(12);
    rlock.release();
    line(13);
    rlock.release();
}

void deadlockTwoLocks(const Params& p) {
    const auto pause = std::chrono::milliseconds(p.get("delay_ms", 100));
    line(4);
    Lock lockA("lock_a");
    line(5);
    Lock lockB("lock_b");
    auto aThenB = [=]() mutable {
        line(8);
        lockA.acquire();
        line(9);
        print("T1: holds lock_a");
        line(10);
        sleep(pause);
        line(11);
        lockB.acquire();
        line(12);
        print("T1: holds both");
        line(13);
        lockB.release();
        line(14);
        lockA.release();
    };
    auto bThenA = [=]() mutable {
        line(17);
        lockB.acquire();
        line(18);
        print("T2: holds lock_b");
        line(19);
        sleep(pause);
        line(20);
        lockA.acquire();
        line(21);
        print("T2: holds both");
        line(22);
        lockA.release();
        line(23);
        lockB.release();
    };
    line(25);
    Thread t1(aThenB, {.name = "T1"});
    line(26);
    Thread t2(bThenA, {.name = "T2"});
    line(27);
    t1.start();
    t2.start();
    line(28);
    t1.join();
    t2.join();
    line(29);
    print("done");
}

void deadlockOrdered(const Params& p) {
    const auto pause = std::chrono::milliseconds(p.get("delay_ms", 100));
    const int n = static_cast<int>(p.get("threads", 2));
    line(4);
    Lock lockA("lock_a");
    line(5);
    Lock lockB("lock_b");
    auto worker = [=]() mutable {
        line(8);
        const std::string name = current_thread().name;
        line(9);
        lockA.acquire();
        line(10);
        print(name + ":", "holds lock_a");
        line(11);
        sleep(pause);
        line(12);
        lockB.acquire();
        line(13);
        print(name + ":", "holds both");
        line(14);
        lockB.release();
        line(15);
        lockA.release();
    };
    line(17);
    std::vector<Thread> threads;
    for (int i = 1; i <= n; ++i) threads.emplace_back(worker, ThreadOptions{.name = "T" + std::to_string(i)});
    line(18);
    for (Thread& t : threads) t.start();
    line(19);
    for (Thread& t : threads) t.join();
    line(20);
    print("done: no deadlock");
}

void deadlockSelf(const Params&) {
    line(3);
    Lock lock("lock");
    auto worker = [lock]() mutable {
        line(6);
        lock.acquire();
        line(7);
        print("T1: holds the lock");
        line(8);
        lock.acquire();
        line(9);
        print("T1: never printed");
        line(10);
        lock.release();
        line(11);
        lock.release();
    };
    line(13);
    Thread t(worker, {.name = "T1"});
    line(14);
    t.start();
    line(15);
    t.join();
}

}  // namespace

void addRaceScenarios(std::vector<Scenario>& out) {
    out.push_back(Scenario{
        .id = "race-increment-double",
        .family = "races",
        .title = QT_TRANSLATE_NOOP("Scenario", "Race: add one vs double"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "x starts at 2. T1 adds 1 to it, T2 doubles it; each reads x and then writes a new value, and a "
            "context switch may fall between the two. Run one after the other they give 6 (add, then double) "
            "or 5 (double, then add). When both read 2 before either writes, the later write wipes out the "
            "earlier one and x ends at 3 or 4: a lost update. The random policy shows it with the default "
            "seed; change the seed to see the other outcomes, or use round-robin to see a serial order."),
        .listing = R"(from threading import Thread

x = 2

def add_one():
    global x
    seen = x                    # read
    x = seen + 1                # write

def double():
    global x
    seen = x                    # read
    x = seen * 2                # write

t1 = Thread(target=add_one, name="T1")
t2 = Thread(target=double, name="T2")
t1.start(); t2.start()
t1.join(); t2.join()
print("x =", x)                 # 6 or 5 in a serial order; 3 or 4 when an update is lost
)",
        .params = {{"start", QT_TRANSLATE_NOOP("Scenario", "Initial value of x"), 2, -1000, 1000}},
        // Seed 4 interleaves the reads: both threads see 2 and T1's write of 3 lands last.
        .defaults = {.policy = PolicyKind::Random, .seed = 4},
        .main = raceIncrementDouble,
    });

    out.push_back(Scenario{
        .id = "race-counter-sleep",
        .family = "races",
        .title = QT_TRANSLATE_NOOP("Scenario", "Lost update: read, sleep, write"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Two threads add 10 and 20 to a shared counter. Each reads the counter, sleeps a little, then "
            "writes back what it read plus its amount. The sleep hands the processor to the other thread "
            "between the read and the write, so both read 0 and one write overwrites the other: the counter "
            "ends at 10 or 20, never 30. Watch the context switch between the load and the store."),
        .listing = R"(import time
from threading import Thread

counter = 0

def update(by):
    global counter
    seen = counter              # read
    time.sleep(0.1)             # the other thread runs here
    counter = seen + by         # write: overwrites the other update

t1 = Thread(target=update, args=(10,), name="T1")
t2 = Thread(target=update, args=(20,), name="T2")
t1.start(); t2.start()
t1.join(); t2.join()
print("counter =", counter)     # 10 or 20, not 30
)",
        .params = {{"by1", QT_TRANSLATE_NOOP("Scenario", "Amount added by T1"), 10, -1000, 1000},
                   {"by2", QT_TRANSLATE_NOOP("Scenario", "Amount added by T2"), 20, -1000, 1000},
                   {"delay_ms", QT_TRANSLATE_NOOP("Scenario", "Sleep between read and write (ms)"), 100, 0, 10000}},
        .defaults = {},
        .main = raceCounterSleep,
    });

    out.push_back(Scenario{
        .id = "lock-counter",
        .family = "races",
        .title = QT_TRANSLATE_NOOP("Scenario", "A Lock makes read-sleep-write safe"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "The lost-update program again, now with the read, the sleep and the write inside `with lock:`. "
            "While one thread holds the lock the others block in acquire, which shows as waiting on the "
            "lock; each update starts only after the previous one is written. The counter always ends at the "
            "full total (30 for two threads), whatever the schedule. The price: the sleeps no longer "
            "overlap, so the run takes one delay per thread."),
        .listing = R"(import time
from threading import Lock, Thread

counter = 0
lock = Lock()

def update(by):
    global counter
    with lock:                  # the others wait here while one thread is inside
        seen = counter          # read
        time.sleep(0.1)         # no one else can touch counter meanwhile
        counter = seen + by     # write

threads = [Thread(target=update, args=(10 * i,), name=f"T{i}")
           for i in range(1, 3)]          # T1 adds 10, T2 adds 20, ...
for t in threads: t.start()
for t in threads: t.join()
print("counter =", counter)     # always the full total: 30 for two threads
)",
        .params = {{"threads", QT_TRANSLATE_NOOP("Scenario", "Number of threads"), 2, 1, 8},
                   {"delay_ms", QT_TRANSLATE_NOOP("Scenario", "Sleep between read and write (ms)"), 100, 0, 10000}},
        .defaults = {},
        .main = lockCounter,
    });

    out.push_back(Scenario{
        .id = "lock-counter-many",
        .family = "races",
        .title = QT_TRANSLATE_NOOP("Scenario", "Five threads, one Lock: counting contention"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Five threads each add 1 to a shared counter 100 times, every update inside `with lock:` and "
            "taking 1 ms of CPU time. The counter always ends at 500, under every policy and seed. Before "
            "each acquire a thread looks whether the lock is already taken and measures how long the acquire "
            "took, and at the end it prints both numbers. Watch the lock lane and the blocked acquires: a "
            "Lock is not fair, so a thread that releases it may take it straight back while the woken "
            "waiter finds it taken again. Compare round-robin, where one thread at a time runs its whole "
            "loop while the others wait, with the random policy, where the lock changes hands often. With "
            "pool = 1 the same loops run as tasks of a ThreadPoolExecutor whose workers (T_0 ... T_4) take "
            "the threads' place: the total is the same, and so is the contention."),
        .listing = R"(import time
from concurrent.futures import ThreadPoolExecutor
from threading import Lock, Thread, current_thread

counter = 0
lock = Lock()

def busy(seconds):              # CPU work: spin until the time is up
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass

def worker(n):
    global counter
    contended = 0               # how often the lock was already taken
    waited = 0.0                # seconds spent waiting for it
    for _ in range(n):
        if lock.locked():       # someone else is inside: we will have to wait
            contended += 1
        start = time.monotonic()
        with lock:
            waited += time.monotonic() - start
            value = counter
            busy(0.001)         # the update takes 1 ms of CPU, lock held
            counter = value + 1
    name = current_thread().name
    print(f"{name}: found the lock taken {contended} of {n} times, waited {waited * 1000:.0f} ms")

USE_POOL = False                # True: the same five loops as tasks of a thread pool
if USE_POOL:
    with ThreadPoolExecutor(max_workers=5, thread_name_prefix="T") as pool:
        for _ in range(5): pool.submit(worker, 100)
else:
    threads = [Thread(target=worker, args=(100,), name=f"T{i}") for i in range(1, 6)]
    for t in threads: t.start()
    for t in threads: t.join()
print("counter =", counter)     # always 5 * 100 = 500
)",
        .params = {{"threads", QT_TRANSLATE_NOOP("Scenario", "Number of threads"), 5, 1, 10},
                   {"increments", QT_TRANSLATE_NOOP("Scenario", "Increments per thread"), 100, 1, 1000},
                   {"work_ms", QT_TRANSLATE_NOOP("Scenario", "CPU time of one update, lock held (ms)"), 1, 0, 100},
                   {"pool", QT_TRANSLATE_NOOP("Scenario", "Run the loops in a ThreadPoolExecutor (0: no, 1: yes)"), 0, 0, 1}},
        .defaults = {.policy = PolicyKind::Random, .seed = 1},
        .main = lockCounterMany,
    });

    out.push_back(Scenario{
        .id = "point-atomicity",
        .family = "races",
        .title = QT_TRANSLATE_NOOP("Scenario", "A point (x, y) written in two steps"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "W1 keeps setting a point to (1, 1) and W2 to (2, 2), one coordinate at a time; a reader reads "
            "x and y and checks that they are equal. With mode 0 (no lock) a context switch can fall "
            "between the two writes or the two reads, and the reader sees a torn pair such as (1, 2), or "
            "the point even ends up torn; the race detector marks the unordered accesses to x and y. Mode 1 "
            "puts both writes and both reads under one Lock: every read is whole and no race is reported. "
            "Mode 2 uses an RLock, because set_nested() holds the lock while calling set_x() and set_y(), "
            "which take it again: the owner may re-enter an RLock, while a plain Lock would deadlock on "
            "itself."),
        .listing = R"py(from contextlib import nullcontext
from threading import Lock, RLock, Thread

MODE = 0                        # 0: no lock, 1: Lock, 2: RLock and nested calls

class Point:
    def __init__(self):
        self.lock = [nullcontext(), Lock(), RLock()][MODE]
        self.x = 0
        self.y = 0

    def set(self, a):               # modes 0 and 1
        with self.lock:
            self.x = a
            self.y = a              # a switch may fall between the two writes

    def set_nested(self, a):        # mode 2: set_x and set_y take the lock again
        with self.lock:
            self.set_x(a)
            self.set_y(a)

    def set_x(self, a):
        with self.lock:             # the holder acquires again: fine for an RLock,
            self.x = a              # a deadlock for a Lock

    def set_y(self, a):
        with self.lock:
            self.y = a

    def get(self):
        with self.lock:
            return self.x, self.y   # two reads: a switch may fall between them too

point = Point()

def writer(a):
    for _ in range(3):
        if MODE == 2: point.set_nested(a)
        else: point.set(a)

def reader():
    for _ in range(5):
        x, y = point.get()
        print(f"reader: ({x}, {y})", "ok" if x == y else "TORN")

threads = [Thread(target=writer, args=(1,), name="W1"),
           Thread(target=writer, args=(2,), name="W2"),
           Thread(target=reader, name="reader")]
for t in threads: t.start()
for t in threads: t.join()
print("final point: (%d, %d)" % point.get())
)py",
        .params = {{"mode", QT_TRANSLATE_NOOP("Scenario", "Mode (0: no lock, 1: Lock, 2: RLock)"), 0, 0, 2},
                   {"rounds", QT_TRANSLATE_NOOP("Scenario", "Times each writer sets the point"), 3, 1, 50},
                   {"reads", QT_TRANSLATE_NOOP("Scenario", "Times the reader reads it"), 5, 1, 50}},
        // Seed 23 gives ok and torn reads, and W1 and W2 interleave their last writes: the point ends torn.
        .defaults = {.policy = PolicyKind::Random, .seed = 23},
        .main = pointAtomicity,
    });

    out.push_back(Scenario{
        .id = "lock-nonblocking",
        .family = "races",
        .title = QT_TRANSLATE_NOOP("Scenario", "acquire(blocking=False): try, and do not wait"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "A daemon holder takes the lock for 0.5 s, leaves it free for 0.5 s, and so on. A worker tries "
            "acquire(blocking=False) every 0.5 s until it has succeeded three times: each try returns at "
            "once, False while the holder is inside and True between its holds. The worker starts while the "
            "holder has the lock, so its first try always fails and it needs more than three tries. How "
            "many more depends on who goes first when both wake at the same instant, and that is the "
            "policy's choice: round-robin lets the holder go first every time, the random policy changes "
            "with the seed. When the worker is done, main ends and the daemon holder stops with it."),
        .listing = R"py(import time
from threading import Event, Lock, Thread

lock = Lock()
taken = Event()                 # set once the holder is inside
start = time.monotonic()

def holder():                   # a daemon: it toggles the lock until the program ends
    while True:
        with lock:
            taken.set()
            time.sleep(0.5)     # holds the lock for 0.5 s
        time.sleep(0.5)         # leaves it free for 0.5 s

def worker():
    taken.wait()                # start while the holder has the lock
    tries = successes = 0
    while successes < 3:
        tries += 1
        t = round(time.monotonic() - start, 1)
        if lock.acquire(blocking=False):    # returns at once: True or False
            successes += 1
            print(f"worker: try {tries} at t={t:g}: got the lock ({successes} of 3)")
            lock.release()
        else:
            print(f"worker: try {tries} at t={t:g}: busy")
        time.sleep(0.5)
    print(f"worker: 3 successes took {tries} tries")

Thread(target=holder, name="holder", daemon=True).start()
w = Thread(target=worker, name="worker")
w.start()
w.join()
)py",
        .params = {{"successes", QT_TRANSLATE_NOOP("Scenario", "Successful tries the worker needs"), 3, 1, 20},
                   {"hold_ms", QT_TRANSLATE_NOOP("Scenario", "Holder: time with and without the lock (ms)"), 500, 100, 5000},
                   {"retry_ms", QT_TRANSLATE_NOOP("Scenario", "Worker: time between tries (ms)"), 500, 100, 5000}},
        .defaults = {},
        .main = lockNonblocking,
    });

    out.push_back(Scenario{
        .id = "lock-vs-rlock",
        .family = "races",
        .title = QT_TRANSLATE_NOOP("Scenario", "Lock vs RLock: acquiring twice"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "One thread acquires a lock and then tries again without blocking. A plain Lock does not record "
            "who holds it, so the second try fails even for its own holder (a blocking second acquire would "
            "hang the thread for good: see the self-deadlock scenario). An RLock remembers its owner and "
            "counts: the second acquire succeeds, the recursion count becomes 2, and the RLock is free only "
            "after two releases."),
        .listing = R"(from threading import Lock, RLock

lock = Lock()
print("Lock, first acquire:", lock.acquire())
print("Lock, second try:", lock.acquire(blocking=False))    # False: even the holder is refused
lock.release()

rlock = RLock()
print("RLock, first acquire:", rlock.acquire())
print("RLock, second try:", rlock.acquire(blocking=False))  # True: the owner may enter again
print("RLock recursion count:", rlock._recursion_count())   # 2 (a helper of CPython's RLock)
rlock.release()
rlock.release()                 # as many releases as acquires
)",
        .params = {},
        .defaults = {},
        .main = lockVsRLock,
    });

    out.push_back(Scenario{
        .id = "deadlock-two-locks",
        .family = "races",
        .title = QT_TRANSLATE_NOOP("Scenario", "Deadlock: two locks taken in opposite orders"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "T1 takes lock_a and then lock_b; T2 takes lock_b and then lock_a. The sleep in between lets "
            "each take its first lock before either asks for its second, so T1 waits for lock_b, held by "
            "T2, and T2 waits for lock_a, held by T1. Neither can go on: the wait-for cycle "
            "T1 -> lock_b -> T2 -> lock_a -> T1 is detected and the run ends in deadlock, with main stuck "
            "in join(). Set the delay to 0 and try the random policy with several seeds: without the sleep "
            "some schedules slip through and some deadlock."),
        .listing = R"(import time
from threading import Lock, Thread

lock_a = Lock()
lock_b = Lock()

def a_then_b():
    lock_a.acquire()
    print("T1: holds lock_a")
    time.sleep(0.1)             # T2 takes lock_b meanwhile
    lock_b.acquire()            # waits for T2, forever
    print("T1: holds both")
    lock_b.release()
    lock_a.release()

def b_then_a():
    lock_b.acquire()
    print("T2: holds lock_b")
    time.sleep(0.1)
    lock_a.acquire()            # waits for T1, forever
    print("T2: holds both")
    lock_a.release()
    lock_b.release()

t1 = Thread(target=a_then_b, name="T1")
t2 = Thread(target=b_then_a, name="T2")
t1.start(); t2.start()
t1.join(); t2.join()
print("done")                   # never printed
)",
        .params = {{"delay_ms", QT_TRANSLATE_NOOP("Scenario", "Sleep between the two acquires (ms)"), 100, 0, 10000}},
        .defaults = {},
        .main = deadlockTwoLocks,
    });

    out.push_back(Scenario{
        .id = "deadlock-ordered",
        .family = "races",
        .title = QT_TRANSLATE_NOOP("Scenario", "No deadlock: one global lock order"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "The cure for the two-lock deadlock: every thread takes lock_a first and lock_b second, and "
            "releases them in the reverse order. A thread that holds lock_b already holds lock_a, so no one "
            "can hold lock_b while waiting for lock_a and no wait-for cycle can form. Threads queue on "
            "lock_a instead; under any policy and any seed the run finishes."),
        .listing = R"(import time
from threading import Lock, Thread, current_thread

lock_a = Lock()
lock_b = Lock()

def worker():
    name = current_thread().name
    lock_a.acquire()            # every thread takes lock_a first...
    print(f"{name}: holds lock_a")
    time.sleep(0.1)
    lock_b.acquire()            # ...and lock_b second: no cycle can form
    print(f"{name}: holds both")
    lock_b.release()            # release in the reverse order
    lock_a.release()

threads = [Thread(target=worker, name=f"T{i}") for i in range(1, 3)]
for t in threads: t.start()
for t in threads: t.join()
print("done: no deadlock")
)",
        .params = {{"threads", QT_TRANSLATE_NOOP("Scenario", "Number of threads"), 2, 1, 8},
                   {"delay_ms", QT_TRANSLATE_NOOP("Scenario", "Sleep between the two acquires (ms)"), 100, 0, 10000}},
        .defaults = {},
        .main = deadlockOrdered,
    });

    out.push_back(Scenario{
        .id = "deadlock-self",
        .family = "races",
        .title = QT_TRANSLATE_NOOP("Scenario", "Deadlock with yourself: a Lock acquired twice"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "T1 acquires a plain Lock and then acquires it again, blocking. A Lock has no owner, so it does "
            "not see that the thread asking is the one holding it: T1 waits for a release only T1 could "
            "make. The wait-for graph has a cycle of one thread (T1 -> lock -> T1), which is detected; main "
            "waits in join() for good. An RLock would have let T1 in."),
        .listing = R"(from threading import Lock, Thread

lock = Lock()

def worker():
    lock.acquire()
    print("T1: holds the lock")
    lock.acquire()              # a Lock has no owner: T1 waits for itself
    print("T1: never printed")
    lock.release()
    lock.release()

t = Thread(target=worker, name="T1")
t.start()
t.join()                        # main waits for T1, forever
)",
        .params = {},
        .defaults = {},
        .main = deadlockSelf,
    });
}

}  // namespace lockstep::scenarios
