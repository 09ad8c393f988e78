#pragma once
// multiprocessing.Pool and concurrent.futures.ProcessPoolExecutor: worker processes (real children, this
// binary again) that take calls from a task queue and put their results on a result queue. A call names its
// function, registered with LOCKSTEP_PROCESS_FUNCTION, as Python pickles a function by its qualified name; an
// unregistered one (a lambda) gives the PicklingError Python gives.
//
// Both are used by the process that made them (not passed to children), as in Python.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lockstep/Future.h"
#include "lockstep/Lock.h"
#include "lockstep/mp/Multiprocessing.h"
#include "lockstep/mp/Obj.h"

namespace lockstep::mp {

class PoolObject;

// What apply_async() and map_async() return (Python's ApplyResult / MapResult).
class AsyncResult {
public:
    // The value (a list for map_async), or the function's error raised again; multiprocessing.TimeoutError
    // when the timeout passes first.
    Obj get(Timeout timeout = std::nullopt);
    void wait(Timeout timeout = std::nullopt);
    bool ready();       // takes in the results already waiting on the result queue, then answers
    bool successful();  // ValueError while not ready

private:
    AsyncResult(std::shared_ptr<PoolObject> pool, std::int64_t job) : pool_(std::move(pool)), job_(job) {}
    std::shared_ptr<PoolObject> pool_;
    std::int64_t job_ = 0;
    friend class Pool;
};

// multiprocessing.Pool(processes=None): `processes` worker processes ("SpawnPoolWorker-N", daemon), started
// now. The parent puts tasks (job, index, function, arguments) on the pool's inqueue and reads (job, index,
// (ok, value)) from its outqueue while it waits for a result, keeping those of other jobs for later, so the
// results come back in submission order whatever order the workers finish in. map() splits the items into
// chunks as Python does (chunksize None: len / (4 * processes), rounded up), one task per chunk.
class Pool {
public:
    explicit Pool(std::optional<std::int64_t> processes = std::nullopt);  // None: the run's core count

    List map(Function fn, const List& iterable, std::optional<std::int64_t> chunksize = std::nullopt);
    List starmap(Function fn, const List& iterable, std::optional<std::int64_t> chunksize = std::nullopt);
    AsyncResult map_async(Function fn, const List& iterable, std::optional<std::int64_t> chunksize = std::nullopt);
    AsyncResult apply_async(Function fn, Args args = {});
    Obj apply(Function fn, Args args = {});  // apply_async(...).get()

    void close();      // no more tasks: one None per worker on the inqueue
    void terminate();  // SIGTERM to every worker still running, then join them
    void join();       // ValueError("Pool is still running") before close() or terminate()

    const std::vector<Process>& processes() const;  // Python's pool._pool
    ObjectId id() const;

private:
    AsyncResult submitMap(Function fn, const List& iterable, std::optional<std::int64_t> chunksize, bool star);
    std::shared_ptr<PoolObject> object_;
};

class ExecutorState;

// concurrent.futures.ProcessPoolExecutor(max_workers=None), as CPython 3.11+ runs it with the spawn start
// method: submit() makes a pending Future, wakes the executor's manager thread (a daemon thread of this
// process, "Thread-N") and starts a worker process ("SpawnProcess-N", daemon) unless one is idle or
// max_workers run. The manager thread moves work to the call queue (bounded: max_workers + 1), setting each
// future running as it does, reads results from the result queue and sets the futures. Python's wakeup is a
// pipe of its own; here it is a 'wakeup' message on the result queue, so the thread waits on one queue.
class ProcessPoolExecutor {
public:
    explicit ProcessPoolExecutor(std::optional<std::int64_t> max_workers = std::nullopt);  // None: cores

    // submit(fn, *args): the future is named after the call, "square(3)". RuntimeError after shutdown().
    Future<Obj> submit(Function fn, Args args = {});
    // map(fn, items, timeout=None): one future per item; the results in item order. An error raised by fn
    // for an item is raised here, and the futures not yet read are cancelled.
    List map(Function fn, const List& items, Timeout timeout = std::nullopt);
    // shutdown(wait=True, cancel_futures=False): no new submits; the manager thread stops the workers once
    // every future is done; with wait, joins it.
    void shutdown(bool wait = true, bool cancel_futures = false);

    std::int64_t max_workers() const;
    const std::vector<Process>& processes() const;  // started so far
    ObjectId id() const;

private:
    std::shared_ptr<ExecutorState> state_;
};

}  // namespace lockstep::mp

namespace lockstep {

// `with Pool(...) as pool:` — terminate() at the end of the scope, as Pool.__exit__ does (not close/join).
template <>
class [[nodiscard]] With<mp::Pool> {
public:
    explicit With(mp::Pool& pool) : pool_(pool) {}
    ~With() {
        exitScope([this] { pool_.terminate(); });
    }
    With(const With&) = delete;
    With& operator=(const With&) = delete;

private:
    mp::Pool& pool_;
};

// `with ProcessPoolExecutor(...) as executor:` — shutdown(wait=True) at the end of the scope.
template <>
class [[nodiscard]] With<mp::ProcessPoolExecutor> {
public:
    explicit With(mp::ProcessPoolExecutor& executor) : executor_(executor) {}
    ~With() {
        exitScope([this] { executor_.shutdown(true); });
    }
    With(const With&) = delete;
    With& operator=(const With&) = delete;

private:
    mp::ProcessPoolExecutor& executor_;
};

}  // namespace lockstep
