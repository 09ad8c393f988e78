// multiprocessing.Pool: the worker processes' target and the parent's side (tasks out, results in).
//
// Python's pool has three threads in the parent (worker handler, task handler, result handler) between the
// caller and the queues. Here the caller puts its tasks itself and reads the outqueue itself while it waits
// for a result, so the timeline shows the tasks leaving and the results arriving on the caller's own lane,
// and which worker took each task (the Get on the inqueue is that worker's). Results of other jobs read on
// the way are kept for them. One thread at a time should wait on a pool: a second thread waiting for a
// result in the queue while the first reads it would wait for ever (Python's result handler has no such
// limit).

#include <algorithm>
#include <map>
#include <utility>

#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/mp/Detail.h"
#include "lockstep/mp/Pool.h"

namespace lockstep::mp {

using detail::Method;

namespace {

std::string unregisteredFunction() {
    return "Can't pickle the function: a function for a pool must be registered with LOCKSTEP_PROCESS_FUNCTION "
           "(the worker finds it by name, as Python's pickle does)";
}

// Python's mapstar/starmapstar: a map task carries a chunk of items and gives back the list of results.
Obj runTask(const std::string& name, const Obj& payload) {
    const bool map = name == "mapstar";
    if (map || name == "starmapstar") {
        const List& p = payload.items();
        const std::string& fnName = p.at(0).asStr();
        const Function fn = findFunction(fnName);
        if (!fn) throw PyError("AttributeError", "Can't get attribute '" + fnName + "' in the worker process");
        List results;
        for (const Obj& item : p.at(1).items()) results.push_back(map ? fn(Args{item}) : fn(item.items()));
        return Obj(std::move(results));
    }
    const Function fn = findFunction(name);
    if (!fn) throw PyError("AttributeError", "Can't get attribute '" + name + "' in the worker process");
    return fn(payload.items());
}

void noListingLine() {
    if (auto* link = detail::childLink()) link->line = 0;  // library code: no line of the scenario's listing
}

// A pool worker: take a task, run it, put its result, until the None that close() puts for each worker.
void poolWorker(const Args& a) {
    Queue inqueue(a.at(0));
    Queue outqueue(a.at(1));
    for (;;) {
        noListingLine();
        const Obj task = inqueue.get();
        if (task.isNone()) return;
        const List& t = task.items();  // (job, index, function, arguments)
        Obj outcome;
        try {
            outcome = Obj::tuple({true, runTask(t.at(2).asStr(), t.at(3))});
        } catch (const PyError& e) {
            // Python sends the exception object; here its type and message, raised again in the parent.
            outcome = Obj::tuple({false, Obj::tuple({e.type(), std::string(e.what())})});
        } catch (const std::exception& e) {
            // A C++ error in the function (an argument it does not have): reported, not a dead worker.
            outcome = Obj::tuple({false, Obj::tuple({"InternalError", std::string(e.what())})});
        }
        noListingLine();
        outqueue.put(Obj::tuple({t.at(0), t.at(1), std::move(outcome)}));
    }
}
LOCKSTEP_PROCESS_TARGET(poolWorker);

}  // namespace

class PoolObject final : public SyncObject {
public:
    enum class State { Run, Close, Terminate };
    State state = State::Run;
    Handle inqueue;
    Handle outqueue;
    std::vector<Process> workers;

    struct Job {
        bool isMap = false;
        std::size_t left = 0;       // chunks not yet back
        std::vector<List> chunks;   // a map's results, chunk by chunk
        Obj value;
        bool ready = false;
        bool success = true;
        std::string errorType;
        std::string errorMessage;
    };
    std::map<std::int64_t, Job> jobs;  // Python's pool._cache, kept after the job is done

    void checkRunning() {
        if (state != State::Run) detail::raiseInStep(id(), "ValueError", "Pool not running");
    }

    // A result from the outqueue: (job, index, (ok, value)). A job that failed is done at its first error (as
    // Python's MapResult); later chunks of it are dropped.
    void deliver(const Obj& result) {
        const List& r = result.items();
        auto it = jobs.find(r.at(0).asInt());
        if (it == jobs.end() || it->second.ready) return;
        Job& job = it->second;
        const List& outcome = r.at(2).items();
        if (!outcome.at(0).asBool()) {
            job.ready = true;
            job.success = false;
            job.errorType = outcome.at(1).items().at(0).asStr();
            job.errorMessage = outcome.at(1).items().at(1).asStr();
            return;
        }
        if (!job.isMap) {
            job.value = outcome.at(1);
            job.ready = true;
            return;
        }
        job.chunks.at(static_cast<std::size_t>(r.at(1).asInt())) = outcome.at(1).items();
        if (--job.left == 0) finishMap(job);
    }

    static void finishMap(Job& job) {
        List all;
        for (List& chunk : job.chunks)
            for (Obj& o : chunk) all.push_back(std::move(o));
        job.value = Obj(std::move(all));
        job.ready = true;
    }

    // Read results until `job` is done. False when the deadline passed first (or the run is being aborted).
    bool collect(std::int64_t job, Nanos deadline) {
        Execution& ex = Execution::current();
        while (!jobs.at(job).ready) {
            Timeout left;
            if (deadline != kForever) left = std::chrono::nanoseconds(std::max<Nanos>(0, deadline - ex.now()));
            const Obj r = detail::invoke(outqueue, Method::TryGet, {detail::timeoutObj(left)});
            if (r.isNone() || !r.items().at(0).asBool()) return false;
            deliver(r.items().at(1));
        }
        return true;
    }

    // Take in the results already in the outqueue, without waiting.
    void drain(std::int64_t job) {
        while (!jobs.at(job).ready && detail::invoke(outqueue, Method::QSize).asInt() > 0) {
            const Obj r = detail::invoke(outqueue, Method::TryGet, {detail::timeoutObj(std::chrono::nanoseconds(0))});
            if (r.isNone() || !r.items().at(0).asBool()) return;
            deliver(r.items().at(1));
        }
    }

    void put(Obj task) { Queue(Obj(inqueue)).put(std::move(task)); }
};

// ---- AsyncResult --------------------------------------------------------------------------------------

Obj AsyncResult::get(Timeout timeout) {
    Execution& ex = Execution::current();
    const Nanos deadline = timeout ? ex.now() + std::max<Nanos>(0, timeout->count()) : kForever;
    if (!pool_->collect(job_, deadline)) {
        detail::raiseInStep(pool_->id(), "multiprocessing.context.TimeoutError", "");
        return {};
    }
    const PoolObject::Job& job = pool_->jobs.at(job_);
    if (!job.success) {
        detail::raiseInStep(pool_->id(), job.errorType, job.errorMessage);
        return {};
    }
    return job.value;
}

void AsyncResult::wait(Timeout timeout) {
    Execution& ex = Execution::current();
    pool_->collect(job_, timeout ? ex.now() + std::max<Nanos>(0, timeout->count()) : kForever);
}

bool AsyncResult::ready() {
    pool_->drain(job_);
    return pool_->jobs.at(job_).ready;
}

bool AsyncResult::successful() {
    const PoolObject::Job& job = pool_->jobs.at(job_);
    if (!ready()) {
        detail::raiseInStep(pool_->id(), "ValueError",
                std::string("<multiprocessing.pool.") + (job.isMap ? "MapResult" : "ApplyResult") + " object> not ready");
        return false;
    }
    return job.success;
}

// ---- Pool -------------------------------------------------------------------------------------------

Pool::Pool(std::optional<std::int64_t> processes) {
    if (inChildProcess()) throw RuntimeError("not supported yet: starting a pool from a child process");
    Execution& ex = Execution::current();
    const std::int64_t n = processes.value_or(ex.config().cores);
    if (n < 1) detail::raiseInStep(kNoObject, "ValueError", "Number of processes must be at least 1");
    object_ = std::make_shared<PoolObject>();
    ex.registerObject(object_, ObjectKind::Pool, {}, n, static_cast<std::int32_t>(n));
    const std::string name = ex.trace().object(object_->id()).name;
    object_->inqueue = detail::createObject(ObjectKind::ProcessQueue, {0, name + ".inqueue"}).handle();
    object_->outqueue = detail::createObject(ObjectKind::ProcessQueue, {0, name + ".outqueue"}).handle();
    detail::Table& table = detail::table(ex);
    for (std::int64_t i = 0; i < n; ++i) {
        // The spawn start method's name for a pool's worker, numbered by the one process counter.
        Process worker(&poolWorker, {Obj(object_->inqueue), Obj(object_->outqueue)},
                       {.name = "SpawnPoolWorker-" + std::to_string(++table.processCounter), .daemon = true});
        object_->workers.push_back(worker);
        worker.start();
    }
}

AsyncResult Pool::apply_async(Function fn, Args args) {
    object_->checkRunning();
    const std::int64_t job = detail::table(Execution::current()).jobCounter++;
    PoolObject::Job& j = object_->jobs[job];
    j.left = 1;
    if (const char* name = functionName(fn)) {
        object_->put(Obj::tuple({static_cast<long long>(job), 0, name, Obj::tuple(std::move(args))}));
    } else {
        // Python's task handler cannot pickle the task and fails the job with that error.
        j.ready = true;
        j.success = false;
        j.errorType = "_pickle.PicklingError";
        j.errorMessage = unregisteredFunction();
    }
    return AsyncResult(object_, job);
}

Obj Pool::apply(Function fn, Args args) { return apply_async(fn, std::move(args)).get(); }

AsyncResult Pool::submitMap(Function fn, const List& iterable, std::optional<std::int64_t> chunksize, bool star) {
    object_->checkRunning();
    const auto n = static_cast<std::int64_t>(iterable.size());
    std::int64_t size = 0;
    if (chunksize) {
        if (*chunksize < 1) detail::raiseInStep(object_->id(), "ValueError", "Chunksize must be 1+, not " + std::to_string(*chunksize));
        size = *chunksize;
    } else {
        // Python: chunksize, extra = divmod(len(iterable), len(self._pool) * 4); if extra: chunksize += 1
        const auto workers = static_cast<std::int64_t>(object_->workers.size()) * 4;
        size = n / workers + (n % workers ? 1 : 0);
    }
    const std::int64_t job = detail::table(Execution::current()).jobCounter++;
    PoolObject::Job& j = object_->jobs[job];
    j.isMap = true;
    const std::int64_t chunks = n == 0 ? 0 : n / size + (n % size ? 1 : 0);
    j.left = static_cast<std::size_t>(chunks);
    j.chunks.resize(j.left);
    const char* name = functionName(fn);
    if (chunks == 0) {
        PoolObject::finishMap(j);
    } else if (!name) {
        j.ready = true;
        j.success = false;
        j.errorType = "_pickle.PicklingError";
        j.errorMessage = unregisteredFunction();
    } else {
        for (std::int64_t c = 0; c < chunks; ++c) {
            List chunk(iterable.begin() + c * size, iterable.begin() + std::min(n, (c + 1) * size));
            object_->put(Obj::tuple({static_cast<long long>(job), static_cast<long long>(c),
                                     star ? "starmapstar" : "mapstar", Obj::tuple({name, Obj::tuple(std::move(chunk))})}));
        }
    }
    return AsyncResult(object_, job);
}

AsyncResult Pool::map_async(Function fn, const List& iterable, std::optional<std::int64_t> chunksize) {
    return submitMap(fn, iterable, chunksize, false);
}

List Pool::map(Function fn, const List& iterable, std::optional<std::int64_t> chunksize) {
    const Obj v = submitMap(fn, iterable, chunksize, false).get();
    return v.isNone() ? List{} : v.items();
}

List Pool::starmap(Function fn, const List& iterable, std::optional<std::int64_t> chunksize) {
    const Obj v = submitMap(fn, iterable, chunksize, true).get();
    return v.isNone() ? List{} : v.items();
}

void Pool::close() {
    if (object_->state != PoolObject::State::Run) return;
    object_->state = PoolObject::State::Close;
    // Python's task handler sends these sentinels after the tasks already queued: a worker stops at one.
    for (std::size_t i = 0; i < object_->workers.size(); ++i) object_->put(Obj());
}

void Pool::terminate() {
    object_->state = PoolObject::State::Terminate;
    for (Process& w : object_->workers)
        if (w.is_alive()) w.terminate();
    for (Process& w : object_->workers) w.join();
}

void Pool::join() {
    if (object_->state == PoolObject::State::Run) detail::raiseInStep(object_->id(), "ValueError", "Pool is still running");
    for (Process& w : object_->workers) w.join();
}

const std::vector<Process>& Pool::processes() const { return object_->workers; }
ObjectId Pool::id() const { return object_->id(); }

}  // namespace lockstep::mp
