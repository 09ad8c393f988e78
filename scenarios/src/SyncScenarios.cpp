// Semaphores, events, conditions and queues: threads that wait for each other.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lockstep/Api.h"
#include "lockstep/Condition.h"
#include "lockstep/Event.h"
#include "lockstep/Lock.h"
#include "lockstep/PyError.h"
#include "lockstep/Queue.h"
#include "lockstep/Semaphore.h"
#include "lockstep/Thread.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

using namespace std::chrono_literals;

namespace {

std::string numbered(const char* prefix, std::int64_t i) { return prefix + std::to_string(i); }

void semaphoreGroups(const Params& p) {
    const auto hold = std::chrono::seconds(p.get("hold_s", 2));
    const std::int64_t n = p.get("threads", 7);
    line(4);
    Semaphore slots(p.get("slots", 3), "slots");
    line(5);
    const double start = monotonic();
    auto job = [=]() mutable {
        line(8);
        slots.acquire();
        line(9);
        const double elapsed = monotonic() - start;
        line(10);
        print(current_thread().name, "enters at t=" + str(elapsed));
        line(11);
        sleep(hold);
        line(12);
        slots.release();
    };
    line(14);
    std::vector<Thread> threads;
    for (std::int64_t i = 1; i <= n; ++i) threads.emplace_back(job, ThreadOptions{.name = numbered("T", i)});
    line(15);
    for (Thread& t : threads) t.start();
    line(16);
    for (Thread& t : threads) t.join();
}

void boundedSemaphorePool(const Params& p) {
    const std::int64_t clients = p.get("clients", 10);
    const std::int64_t longest = p.get("max_hold_s", 3);
    line(5);
    BoundedSemaphore pool(p.get("size", 3), "pool");
    auto client = [=]() mutable {
        line(8);
        const std::string name = current_thread().name;
        line(9);
        print(name + ":", "waiting for a connection");
        line(10);
        {
            With connection(pool);
            line(11);
            const std::int64_t seconds = randint(1, longest);
            line(12);
            print(name + ":", "connected for", seconds, "s");
            line(13);
            sleep(std::chrono::seconds(seconds));
            line(10);  // leaving the with block releases the slot
        }
        line(14);
        print(name + ":", "disconnected");
    };
    line(16);
    std::vector<Thread> threads;
    for (std::int64_t i = 1; i <= clients; ++i)
        threads.emplace_back(client, ThreadOptions{.name = numbered("client-", i)});
    line(17);
    for (Thread& t : threads) t.start();
    line(18);
    for (Thread& t : threads) t.join();
    line(19);
    try {
        line(20);
        pool.release();
    } catch (const ValueError& error) {
        line(22);
        print("ValueError:", error.what());
    }
}

// Python's repr of a list of strings: ['a', 'b'].
std::string listRepr(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& item : items) out += (out.size() > 1 ? ", " : "") + repr(item);
    return out + "]";
}

void semaphoreActivePool(const Params& p) {
    const std::int64_t workers = p.get("workers", 4);
    const std::int64_t longest = p.get("max_work_s", 3);
    // The ActivePool of the listing: a plain list, touched only while its lock is held.
    line(20);
    line(7);
    auto active = std::make_shared<std::vector<std::string>>();
    line(8);
    Lock lock("lock");
    auto makeActive = [=](const std::string& name) mutable {
        line(11);
        With guard(lock);
        line(12);
        active->push_back(name);
        line(13);
        print(name + ":", "in,  active =", listRepr(*active));
        line(11);  // leaving the with block releases the lock
    };
    auto makeInactive = [=](const std::string& name) mutable {
        line(16);
        With guard(lock);
        line(17);
        active->erase(std::find(active->begin(), active->end(), name));
        line(18);
        print(name + ":", "out, active =", listRepr(*active));
        line(16);
    };
    line(21);
    Semaphore slots(p.get("slots", 2), "slots");
    auto worker = [=]() mutable {
        line(24);
        const std::string name = current_thread().name;
        line(25);
        With slot(slots);
        line(26);
        makeActive(name);
        line(27);
        sleep(std::chrono::seconds(randint(1, longest)));
        line(28);
        makeInactive(name);
        line(25);  // leaving the with block releases the slot
    };
    line(30);
    std::vector<Thread> threads;
    for (std::int64_t i = 1; i <= workers; ++i)
        threads.emplace_back(worker, ThreadOptions{.name = numbered("worker-", i)});
    line(31);
    for (Thread& t : threads) t.start();
    line(32);
    for (Thread& t : threads) t.join();
}

void eventSetWait(const Params& p) {
    const auto delay = std::chrono::seconds(p.get("delay_s", 2));
    line(4);
    Event ready("ready");
    auto waiter = [=]() mutable {
        line(7);
        print("waiter: waiting for the event");
        line(8);
        ready.wait();
        line(9);
        print("waiter: the event is set, going on");
    };
    auto setter = [=]() mutable {
        line(12);
        print("setter: working first");
        line(13);
        sleep(delay);
        line(14);
        print("setter: setting the event");
        line(15);
        ready.set();
    };
    line(17);
    Thread w(waiter, {.name = "waiter"});
    line(18);
    Thread s(setter, {.name = "setter"});
    line(19);
    w.start();
    s.start();
    line(20);
    w.join();
    s.join();
}

void eventTimeout(const Params& p) {
    const auto timeout = std::chrono::seconds(p.get("timeout_s", 2));
    const auto setAt = std::chrono::seconds(p.get("set_s", 3));
    const auto otherWork = std::chrono::milliseconds(p.get("other_ms", 500));
    line(4);
    Event ready("ready");
    auto patient = [=]() mutable {
        line(7);
        print("patient: waiting, no timeout");
        line(8);
        ready.wait();
        line(9);
        print("patient: the event is set");
    };
    auto impatient = [=]() mutable {
        for (;;) {
            line(12);
            if (ready.wait(timeout)) break;
            line(13);
            print("impatient: timed out, doing other work");
            line(14);
            sleep(otherWork);
        }
        line(15);
        print("impatient: the event is set");
    };
    line(17);
    Thread patientThread(patient, {.name = "patient"});
    line(18);
    Thread impatientThread(impatient, {.name = "impatient"});
    line(19);
    patientThread.start();
    impatientThread.start();
    line(20);
    sleep(setAt);
    line(21);
    print("main: setting the event");
    line(22);
    ready.set();
    line(23);
    patientThread.join();
    impatientThread.join();
}

void conditionProducerConsumer(const Params& p) {
    const std::int64_t count = p.get("items", 5);
    const auto produce = std::chrono::milliseconds(p.get("produce_ms", 200));
    const auto handle = std::chrono::milliseconds(p.get("handle_ms", 200));
    line(4);
    Condition cond("cond");
    line(5);
    // A plain list: every access below happens while the condition's lock is held.
    auto items = std::make_shared<std::deque<std::string>>();
    auto producer = [=]() mutable {
        for (std::int64_t i = 0; i < count; ++i) {
            line(9);
            sleep(produce);
            line(10);
            With locked(cond);
            line(11);
            items->push_back(numbered("item-", i));
            line(12);
            print("producer: added", items->back() + ",", items->size(), "in the list");
            line(13);
            cond.notify();
            line(10);  // leaving the with block releases the lock
        }
    };
    auto consumer = [=]() mutable {
        line(16);
        const std::string name = current_thread().name;
        for (;;) {
            {
                line(18);
                With locked(cond);
                line(19);
                if (items->empty()) {
                    line(20);
                    print(name + ":", "waiting");
                    line(21);
                    cond.wait();
                }
                line(22);
                if (items->empty()) {
                    line(23);
                    print(name + ":", "woken, but the list is empty");
                    line(24);
                    continue;
                }
                line(25);
                const std::string item = items->front();
                items->pop_front();
                line(26);
                print(name + ":", "took", item + ",", items->size(), "left");
                line(18);
            }
            line(27);
            sleep(handle);
        }
    };
    line(29);
    Thread(producer, {.name = "producer"}).start();
    line(30);
    Thread(consumer, {.name = "consumer-1"}).start();
    line(31);
    Thread(consumer, {.name = "consumer-2"}).start();
}

void conditionNotifyAll(const Params& p) {
    const bool wakeAll = p.get("wake_all", 1) != 0;
    const std::int64_t consumerCount = p.get("consumers", 2);
    const auto prepare = std::chrono::seconds(p.get("delay_s", 4));
    line(4);
    line(5);
    Condition cond("cond");
    line(6);
    // A plain flag: read and written only while the condition's lock is held.
    auto available = std::make_shared<bool>(false);
    auto consumer = [=]() mutable {
        line(9);
        const std::string name = current_thread().name;
        line(10);
        With locked(cond);
        line(11);
        print(name + ":", "waiting");
        for (;;) {
            line(12);
            if (*available) break;
            line(13);
            cond.wait();
        }
        line(14);
        print(name + ":", "woken, the resource is available");
        line(10);  // leaving the with block releases the lock
    };
    auto producer = [=]() mutable {
        line(18);
        sleep(prepare);
        line(19);
        With locked(cond);
        line(20);
        *available = true;
        line(21);
        if (wakeAll) {
            line(22);
            print("producer: notify_all()");
            line(23);
            cond.notify_all();
        } else {
            line(25);
            print("producer: notify()");
            line(26);
            cond.notify();
        }
        line(19);
    };
    line(28);
    std::vector<Thread> consumers;
    for (std::int64_t i = 1; i <= consumerCount; ++i)
        consumers.emplace_back(consumer, ThreadOptions{.name = numbered("consumer-", i)});
    line(29);
    for (Thread& c : consumers) c.start();
    line(30);
    Thread(producer, {.name = "producer"}).start();
    line(31);
    for (Thread& c : consumers) c.join();
}

// The BoundedBuffer of the bounded-buffer-monitor listing: a deque guarded by one RLock, with two
// conditions on that lock. Copies share everything, as Python references do.
class BoundedBuffer {
public:
    explicit BoundedBuffer(std::int64_t size)
        : items_((line(7), std::make_shared<std::deque<std::optional<int>>>())),
          size_((line(8), static_cast<std::size_t>(size))),
          lock_((line(9), RLock("lock"))),
          notFull_((line(10), Condition(lock_, "not_full"))),
          notEmpty_((line(11), Condition(lock_, "not_empty"))) {}

    std::size_t len() {
        line(14);
        With locked(lock_);
        line(15);
        const std::size_t n = items_->size();
        line(14);
        return n;
    }

    void put(std::optional<int> item) {
        line(18);
        With locked(notFull_);
        for (;;) {
            line(19);
            if (len() != size_) break;
            line(20);
            notFull_.wait();
        }
        line(21);
        items_->push_back(item);
        line(22);
        const std::size_t n = len();
        line(22);
        print(current_thread().name + ":", "put", str(item) + ",", n, "in the buffer");
        line(23);
        notEmpty_.notify();
        line(18);  // leaving the with block releases the lock
    }

    std::optional<int> get() {
        line(26);
        With locked(notEmpty_);
        for (;;) {
            line(27);
            if (len() > 0) break;
            line(28);
            notEmpty_.wait();
        }
        line(29);
        const std::optional<int> item = items_->front();
        items_->pop_front();
        line(30);
        const std::size_t n = len();
        line(30);
        print(current_thread().name + ":", "got", str(item) + ",", n, "in the buffer");
        line(31);
        notFull_.notify();
        line(32);  // returning leaves the with block, which releases the lock
        return item;
    }

private:
    std::shared_ptr<std::deque<std::optional<int>>> items_;
    std::size_t size_;
    Lock lock_;  // an RLock (the engine object is re-entrant); Condition takes any lock handle
    Condition notFull_;
    Condition notEmpty_;
};

void boundedBufferMonitor(const Params& p) {
    const std::int64_t perProducer = p.get("items", 10);
    const std::int64_t producerCount = p.get("producers", 2);
    const std::int64_t consumerCount = p.get("consumers", 2);
    const auto produce = std::chrono::milliseconds(p.get("produce_ms", 100));
    const auto handle = std::chrono::milliseconds(p.get("handle_ms", 500));
    line(34);
    BoundedBuffer buf(p.get("size", 5));
    auto producer = [=](std::int64_t first) mutable {
        for (std::int64_t item = first; item < first + perProducer; ++item) {
            line(37);
            line(38);
            sleep(produce);
            line(39);
            buf.put(static_cast<int>(item));
        }
    };
    auto consumer = [=]() mutable {
        for (;;) {
            line(42);
            if (!buf.get()) break;
            line(43);
            sleep(handle);
        }
    };
    line(45);
    std::vector<Thread> producers;
    for (std::int64_t k = 0; k < producerCount; ++k)
        producers.emplace_back([=]() mutable { producer(k * perProducer); },
                               ThreadOptions{.name = numbered("producer-", k + 1)});
    line(46);
    std::vector<Thread> consumers;
    for (std::int64_t i = 1; i <= consumerCount; ++i)
        consumers.emplace_back(consumer, ThreadOptions{.name = numbered("consumer-", i)});
    line(47);
    for (Thread& t : consumers) t.start();
    for (Thread& t : producers) t.start();
    line(48);
    for (Thread& t : producers) t.join();
    for (std::int64_t i = 0; i < consumerCount; ++i) {
        line(49);
        buf.put(std::nullopt);
    }
    line(50);
    for (Thread& t : consumers) t.join();
}

void queueProducerConsumers(const Params& p) {
    const std::int64_t perProducer = p.get("items", 10);
    const std::int64_t consumerCount = p.get("consumers", 2);
    const std::int64_t producerCount = p.get("producers", 1);
    const auto produce = std::chrono::milliseconds(p.get("produce_ms", 100));
    const auto handle = std::chrono::milliseconds(p.get("handle_ms", 500));
    line(5);
    Queue<std::optional<int>> q(p.get("maxsize", 0), "q");
    auto producer = [=](std::int64_t first) mutable {
        for (std::int64_t item = first; item < first + perProducer; ++item) {
            line(9);
            sleep(produce);
            line(10);
            q.put(static_cast<int>(item));
            line(11);
            print(current_thread().name + ":", "put", item, "size", q.qsize());
        }
    };
    auto consumer = [=]() mutable {
        for (;;) {
            line(15);
            const std::optional<int> item = q.get();
            line(16);
            if (!item) {
                line(17);
                q.task_done();
                line(18);
                print(current_thread().name + ":", "got None, stopping");
                line(19);
                break;
            }
            line(20);
            print(current_thread().name + ":", "got", *item);
            line(21);
            sleep(handle);
            line(22);
            q.task_done();
        }
    };
    line(24);
    std::vector<Thread> consumers;
    for (std::int64_t i = 1; i <= consumerCount; ++i)
        consumers.emplace_back(consumer, ThreadOptions{.name = numbered("consumer-", i)});
    line(25);
    std::vector<Thread> producers;
    for (std::int64_t k = 0; k < producerCount; ++k)
        producers.emplace_back([=]() mutable { producer(k * perProducer); },
                               ThreadOptions{.name = numbered("producer-", k + 1)});
    line(26);
    for (Thread& t : consumers) t.start();
    for (Thread& t : producers) t.start();
    line(27);
    for (Thread& t : producers) t.join();
    line(28);
    for (std::int64_t i = 0; i < consumerCount; ++i) q.put(std::nullopt);
    line(29);
    q.join();
    line(30);
    print("all items handled");
    line(31);
    for (Thread& t : consumers) t.join();
}

}  // namespace

void addSyncScenarios(std::vector<Scenario>& out) {
    out.push_back(Scenario{
        .id = "semaphore-groups",
        .family = "sync",
        .title = QT_TRANSLATE_NOOP("Scenario", "Semaphore(3): threads enter in groups"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Seven threads want a Semaphore with three slots and keep it for 2 s. The first three enter at "
            "t=0 and the other four block in acquire(); when the three release at t=2, three more enter, "
            "and the last one enters at t=4. Never more than three slots are taken. Watch the slot lanes "
            "fill and empty in groups."),
        .listing = R"(import time
from threading import Semaphore, Thread, current_thread

slots = Semaphore(3)
start = time.monotonic()

def job():
    slots.acquire()             # blocks while all 3 slots are taken
    elapsed = round(time.monotonic() - start, 1)
    print(current_thread().name, f"enters at t={elapsed:g}")
    time.sleep(2)
    slots.release()             # lets one waiting thread in

threads = [Thread(target=job, name=f"T{i}") for i in range(1, 8)]
for t in threads: t.start()
for t in threads: t.join()
)",
        .params = {{"slots", QT_TRANSLATE_NOOP("Scenario", "Semaphore slots"), 3, 1, 10},
                   {"threads", QT_TRANSLATE_NOOP("Scenario", "Number of threads"), 7, 1, 30},
                   {"hold_s", QT_TRANSLATE_NOOP("Scenario", "Time each thread holds a slot (s)"), 2, 1, 60}},
        .defaults = {},
        .main = semaphoreGroups,
    });

    out.push_back(Scenario{
        .id = "bounded-semaphore-pool",
        .family = "sync",
        .title = QT_TRANSLATE_NOOP("Scenario", "BoundedSemaphore: a pool of three connections"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Ten clients share a pool of three connections guarded by a BoundedSemaphore(3). Each holds a "
            "connection for a random 1-3 s (the seed fixes the draws), so at most three are inside at any "
            "moment and a waiting client enters as soon as someone leaves. At the end main releases once "
            "more than anyone acquired: a plain Semaphore would quietly grow to four slots, but the bounded "
            "one raises ValueError, which main catches and prints."),
        .listing = R"(import random
import time
from threading import BoundedSemaphore, Thread, current_thread

pool = BoundedSemaphore(3)          # three connections at most

def client():
    name = current_thread().name
    print(f"{name}: waiting for a connection")
    with pool:
        seconds = random.randint(1, 3)
        print(f"{name}: connected for {seconds} s")
        time.sleep(seconds)
    print(f"{name}: disconnected")

clients = [Thread(target=client, name=f"client-{i}") for i in range(1, 11)]
for c in clients: c.start()
for c in clients: c.join()
try:
    pool.release()                  # one release more than acquires
except ValueError as error:
    print("ValueError:", error)     # the bounded semaphore refuses to grow
)",
        .params = {{"size", QT_TRANSLATE_NOOP("Scenario", "Connections in the pool"), 3, 1, 10},
                   {"clients", QT_TRANSLATE_NOOP("Scenario", "Number of clients"), 10, 1, 30},
                   {"max_hold_s", QT_TRANSLATE_NOOP("Scenario", "Longest time a client holds a connection (s)"), 3, 1, 60}},
        .defaults = {},
        .main = boundedSemaphorePool,
    });

    out.push_back(Scenario{
        .id = "semaphore-active-pool",
        .family = "sync",
        .title = QT_TRANSLATE_NOOP("Scenario", "Semaphore(2) and a list of active workers"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Four workers share a Semaphore(2). Inside it each adds its name to a list of active workers, "
            "works for a random 1-3 s and removes its name again; a Lock guards the list, and every change "
            "prints it. The two tools do different jobs: the semaphore limits how many workers are inside at "
            "once, the lock keeps two changes of the list from mixing. Since a worker leaves the list before "
            "it gives its slot back, the printed list never holds more than two names. Watch the slot lanes "
            "and the short holds of the lock."),
        .listing = R"py(import random
import time
from threading import Lock, Semaphore, Thread, current_thread

class ActivePool:
    def __init__(self):
        self.active = []
        self.lock = Lock()

    def make_active(self, name):
        with self.lock:
            self.active.append(name)
            print(f"{name}: in,  active = {self.active}")

    def make_inactive(self, name):
        with self.lock:
            self.active.remove(name)
            print(f"{name}: out, active = {self.active}")

pool = ActivePool()
slots = Semaphore(2)                    # at most two workers inside at once

def worker():
    name = current_thread().name
    with slots:
        pool.make_active(name)
        time.sleep(random.randint(1, 3))    # the work
        pool.make_inactive(name)

threads = [Thread(target=worker, name=f"worker-{i}") for i in range(1, 5)]
for t in threads: t.start()
for t in threads: t.join()
)py",
        .params = {{"slots", QT_TRANSLATE_NOOP("Scenario", "Semaphore slots"), 2, 1, 5},
                   {"workers", QT_TRANSLATE_NOOP("Scenario", "Number of workers"), 4, 1, 12},
                   {"max_work_s", QT_TRANSLATE_NOOP("Scenario", "Longest time a worker works (s)"), 3, 1, 30}},
        .defaults = {},
        .main = semaphoreActivePool,
    });

    out.push_back(Scenario{
        .id = "event-set-wait",
        .family = "sync",
        .title = QT_TRANSLATE_NOOP("Scenario", "Event: one thread waits until another sets it"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "The waiter calls wait() on an Event that is not set and blocks. The setter works for 2 s, then "
            "calls set(): the flag turns on and every waiting thread is woken. The waiter wakes at t=2, "
            "exactly when the event is set, and goes on. Unlike a lock, an event stays set, so a later "
            "wait() would return at once."),
        .listing = R"(import time
from threading import Event, Thread

ready = Event()

def waiter():
    print("waiter: waiting for the event")
    ready.wait()                # blocks until someone calls set()
    print("waiter: the event is set, going on")

def setter():
    print("setter: working first")
    time.sleep(2)
    print("setter: setting the event")
    ready.set()                 # wakes every waiting thread

w = Thread(target=waiter, name="waiter")
s = Thread(target=setter, name="setter")
w.start(); s.start()
w.join(); s.join()
)",
        .params = {{"delay_s", QT_TRANSLATE_NOOP("Scenario", "Time before the event is set (s)"), 2, 0, 60}},
        .defaults = {},
        .main = eventSetWait,
    });

    out.push_back(Scenario{
        .id = "event-timeout",
        .family = "sync",
        .title = QT_TRANSLATE_NOOP("Scenario", "Event.wait with a timeout"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Two threads wait for the same Event, which main sets at t=3. The patient one calls wait() with "
            "no timeout and simply blocks. The impatient one calls wait(timeout=2) in a loop: at t=2 the "
            "wait gives up and returns False, the thread does 0.5 s of other work and waits again. When the "
            "event is set at t=3 both wake at the same instant and wait() returns True. Watch the impatient "
            "thread's wait end at t=2 with a timeout and its second wait end early, at t=3."),
        .listing = R"py(import time
from threading import Event, Thread

ready = Event()

def patient():
    print("patient: waiting, no timeout")
    ready.wait()                        # blocks until the event is set
    print("patient: the event is set")

def impatient():
    while not ready.wait(timeout=2):    # False: the 2 s ran out first
        print("impatient: timed out, doing other work")
        time.sleep(0.5)                 # the other work
    print("impatient: the event is set")

p = Thread(target=patient, name="patient")
i = Thread(target=impatient, name="impatient")
p.start(); i.start()
time.sleep(3)
print("main: setting the event")
ready.set()                             # wakes both waiters
p.join(); i.join()
)py",
        .params = {{"timeout_s", QT_TRANSLATE_NOOP("Scenario", "Timeout of the impatient wait (s)"), 2, 1, 60},
                   {"set_s", QT_TRANSLATE_NOOP("Scenario", "Time when main sets the event (s)"), 3, 0, 60},
                   {"other_ms", QT_TRANSLATE_NOOP("Scenario", "Other work after a timeout (ms)"), 500, 0, 10000}},
        .defaults = {},
        .main = eventTimeout,
    });

    out.push_back(Scenario{
        .id = "condition-producer-consumer",
        .family = "sync",
        .title = QT_TRANSLATE_NOOP("Scenario", "Condition: a producer and two consumers"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "A producer appends five items to a list, one every 0.2 s, and calls notify() each time; two "
            "consumers take items out, waiting on the condition while the list is empty. wait() lets go of "
            "the lock while it waits and takes it back before returning. notify() only makes a waiter "
            "ready: before it gets the lock back, the other consumer (just back from handling an item) may "
            "take the new item first, and the woken one finds the list empty. That is why the code checks "
            "again after waking. (Under round-robin consumer-1 wins every such race.) Nothing tells the consumers that production is over: after the last item "
            "both wait forever, and the run ends stuck."),
        .listing = R"(import time
from threading import Condition, Thread, current_thread

cond = Condition()
items = []

def producer():
    for i in range(5):
        time.sleep(0.2)                 # making an item
        with cond:
            items.append(f"item-{i}")
            print(f"producer: added item-{i}, {len(items)} in the list")
            cond.notify()               # wakes one waiting consumer

def consumer():
    name = current_thread().name
    while True:
        with cond:
            if not items:
                print(f"{name}: waiting")
                cond.wait()             # releases the lock while waiting
            if not items:               # another consumer got there first
                print(f"{name}: woken, but the list is empty")
                continue
            item = items.pop(0)
            print(f"{name}: took {item}, {len(items)} left")
        time.sleep(0.2)                 # handling the item

Thread(target=producer, name="producer").start()
Thread(target=consumer, name="consumer-1").start()
Thread(target=consumer, name="consumer-2").start()
# no one stops the consumers: after the last item both wait forever
)",
        .params = {{"items", QT_TRANSLATE_NOOP("Scenario", "Items to produce"), 5, 1, 50},
                   {"produce_ms", QT_TRANSLATE_NOOP("Scenario", "Time to make an item (ms)"), 200, 0, 10000},
                   {"handle_ms", QT_TRANSLATE_NOOP("Scenario", "Time to handle an item (ms)"), 200, 0, 10000}},
        // Seed 3 hands items to both consumers and shows one empty wake-up; round-robin lets consumer-1
        // win every race, so consumer-2 only ever wakes to an empty list.
        .defaults = {.policy = PolicyKind::Random, .seed = 3},
        .main = conditionProducerConsumer,
    });

    out.push_back(Scenario{
        .id = "condition-notify-all",
        .family = "sync",
        .title = QT_TRANSLATE_NOOP("Scenario", "Condition.notify_all wakes every waiter"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "Two consumers take the condition's lock, find the resource not yet available and wait on the "
            "condition from t=0; wait() lets go of the lock, so both can wait at once. At t=4 the producer "
            "marks the resource available and calls notify_all(): both consumers wake at t=4, then take the "
            "lock back one after the other and go on. Set the wake-all parameter to 0 and the producer calls "
            "notify() instead: it wakes only one consumer, the other waits forever and the run ends stuck."),
        .listing = R"py(import time
from threading import Condition, Thread, current_thread

WAKE_ALL = True                 # False: notify() instead of notify_all()
cond = Condition()
available = False

def consumer():
    name = current_thread().name
    with cond:
        print(f"{name}: waiting")
        while not available:
            cond.wait()         # lets go of the lock while it waits
        print(f"{name}: woken, the resource is available")

def producer():
    global available
    time.sleep(4)               # preparing the resource
    with cond:
        available = True
        if WAKE_ALL:
            print("producer: notify_all()")
            cond.notify_all()   # wakes every waiting consumer
        else:
            print("producer: notify()")
            cond.notify()       # wakes one: the others wait forever

consumers = [Thread(target=consumer, name=f"consumer-{i}") for i in range(1, 3)]
for c in consumers: c.start()
Thread(target=producer, name="producer").start()
for c in consumers: c.join()
)py",
        .params = {{"wake_all", QT_TRANSLATE_NOOP("Scenario", "Wake all (1: notify_all, 0: notify)"), 1, 0, 1},
                   {"consumers", QT_TRANSLATE_NOOP("Scenario", "Number of consumers"), 2, 1, 6},
                   {"delay_s", QT_TRANSLATE_NOOP("Scenario", "Time before the producer notifies (s)"), 4, 0, 60}},
        .defaults = {},
        .main = conditionNotifyAll,
    });

    out.push_back(Scenario{
        .id = "bounded-buffer-monitor",
        .family = "sync",
        .title = QT_TRANSLATE_NOOP("Scenario", "A bounded buffer from one RLock and two Conditions"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "A buffer of five places built by hand, the way queue.Queue is built inside: one RLock and two "
            "conditions on it, not_full and not_empty. put() waits on not_full while the buffer is full and "
            "then wakes a consumer through not_empty; get() waits on not_empty while it is empty and then "
            "wakes a producer through not_full. Two producers make an item every 0.1 s, two consumers need "
            "0.5 s for each: at first the consumers wait on an empty buffer, soon the producers wait on a "
            "full one. Every item is taken exactly once, and a None per consumer stops them. The lock is an "
            "RLock because put() and get() call len(self), which takes it again."),
        .listing = R"py(import collections
import time
from threading import Condition, RLock, Thread, current_thread

class BoundedBuffer:
    def __init__(self, size):
        self.items = collections.deque()
        self.size = size
        self.lock = RLock()
        self.not_full = Condition(self.lock)    # both conditions share the one lock
        self.not_empty = Condition(self.lock)

    def __len__(self):
        with self.lock:         # re-entered: put() and get() call this while holding it
            return len(self.items)

    def put(self, item):
        with self.not_full:     # takes the shared lock
            while len(self) == self.size:
                self.not_full.wait()        # full: wait until a get() makes room
            self.items.append(item)
            print(f"{current_thread().name}: put {item}, {len(self)} in the buffer")
            self.not_empty.notify()         # a waiting consumer may go on

    def get(self):
        with self.not_empty:
            while len(self) == 0:
                self.not_empty.wait()       # empty: wait until a put() brings an item
            item = self.items.popleft()
            print(f"{current_thread().name}: got {item}, {len(self)} in the buffer")
            self.not_full.notify()          # a waiting producer may go on
            return item

buf = BoundedBuffer(5)

def producer(first):
    for item in range(first, first + 10):
        time.sleep(0.1)                     # making an item
        buf.put(item)

def consumer():
    while buf.get() is not None:            # None: the stop signal
        time.sleep(0.5)                     # handling is slower than making

producers = [Thread(target=producer, args=(k * 10,), name=f"producer-{k + 1}") for k in range(2)]
consumers = [Thread(target=consumer, name=f"consumer-{i}") for i in range(1, 3)]
for t in consumers + producers: t.start()
for t in producers: t.join()
for _ in consumers: buf.put(None)           # one stop signal per consumer
for t in consumers: t.join()
)py",
        .params = {{"size", QT_TRANSLATE_NOOP("Scenario", "Places in the buffer"), 5, 1, 20},
                   {"items", QT_TRANSLATE_NOOP("Scenario", "Items per producer"), 10, 1, 100},
                   {"producers", QT_TRANSLATE_NOOP("Scenario", "Number of producers"), 2, 1, 4},
                   {"consumers", QT_TRANSLATE_NOOP("Scenario", "Number of consumers"), 2, 1, 4},
                   {"produce_ms", QT_TRANSLATE_NOOP("Scenario", "Time to make an item (ms)"), 100, 0, 10000},
                   {"handle_ms", QT_TRANSLATE_NOOP("Scenario", "Time to handle an item (ms)"), 500, 0, 10000}},
        .defaults = {},
        .main = boundedBufferMonitor,
    });

    out.push_back(Scenario{
        .id = "queue-producer-consumers",
        .family = "sync",
        .title = QT_TRANSLATE_NOOP("Scenario", "queue.Queue: producers, consumers and None sentinels"),
        .description = QT_TRANSLATE_NOOP(
            "Scenario",
            "A producer puts ten numbers into a queue.Queue, one every 0.1 s; two consumers take them out "
            "and need 0.5 s for each, so items pile up (eight at the peak, counting the two None signals). Every item is taken by exactly one "
            "consumer. When the producers are done, main puts one None per consumer as a stop signal, waits "
            "in q.join() until every item has had its task_done(), and joins the consumers. With maxsize 0 "
            "the queue is unbounded; set it to 5 or 2 and the producer (and main's None) block in put() while "
            "the queue is full, yet the run takes just as long: the consumers set the pace. Watch the queue "
            "length over time."),
        .listing = R"(import queue
import time
from threading import Thread, current_thread

q = queue.Queue(maxsize=0)              # 0: no limit; try 5 or 2

def producer(first):
    for item in range(first, first + 10):
        time.sleep(0.1)                     # making an item
        q.put(item)                         # blocks while the queue is full
        print(f"{current_thread().name}: put {item} size {q.qsize()}")

def consumer():
    while True:
        item = q.get()                      # blocks while the queue is empty
        if item is None:                    # the stop signal
            q.task_done()
            print(f"{current_thread().name}: got None, stopping")
            break
        print(f"{current_thread().name}: got {item}")
        time.sleep(0.5)                     # handling is slower than making
        q.task_done()

consumers = [Thread(target=consumer, name=f"consumer-{i}") for i in range(1, 3)]
producers = [Thread(target=producer, args=(k * 10,), name=f"producer-{k + 1}") for k in range(1)]
for t in consumers + producers: t.start()
for t in producers: t.join()
for _ in consumers: q.put(None)             # one stop signal per consumer
q.join()                                    # every item has had its task_done()
print("all items handled")
for t in consumers: t.join()
)",
        .params = {{"maxsize", QT_TRANSLATE_NOOP("Scenario", "Queue maxsize (0: unbounded)"), 0, 0, 50},
                   {"items", QT_TRANSLATE_NOOP("Scenario", "Items per producer"), 10, 1, 100},
                   {"producers", QT_TRANSLATE_NOOP("Scenario", "Number of producers"), 1, 1, 4},
                   {"consumers", QT_TRANSLATE_NOOP("Scenario", "Number of consumers"), 2, 1, 5},
                   {"produce_ms", QT_TRANSLATE_NOOP("Scenario", "Time to make an item (ms)"), 100, 0, 10000},
                   {"handle_ms", QT_TRANSLATE_NOOP("Scenario", "Time to handle an item (ms)"), 500, 0, 10000}},
        .defaults = {},
        .main = queueProducerConsumers,
    });
}

}  // namespace lockstep::scenarios
