// concurrent.futures.ProcessPoolExecutor on the multiprocessing machinery: worker processes, a call queue
// and a result queue, and the executor's manager thread in the parent, after CPython's process.py (3.11+,
// spawn start method). The futures are core's concurrent.futures futures, so each shows pending, running
// (when the manager thread moves it to the call queue, as in CPython, not when a worker takes it) and
// finished or failed on the timeline.

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <utility>

#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/Thread.h"
#include "lockstep/ThreadPoolExecutor.h"
#include "lockstep/mp/Detail.h"
#include "lockstep/mp/Pool.h"

namespace lockstep::mp {

using detail::Method;

namespace {

// Python's _process_worker: take a call, run it, send back its result, until the None that stops it.
void processPoolWorker(const Args& a) {
    Queue callQueue(a.at(0));
    Queue resultQueue(a.at(1));
    for (;;) {
        if (auto* link = detail::childLink()) link->line = 0;  // library code: no line of the listing
        const Obj call = callQueue.get();
        if (call.isNone()) return;
        const List& c = call.items();  // (work_id, function, args)
        Obj item;
        try {
            const std::string& name = c.at(1).asStr();
            const Function fn = findFunction(name);
            if (!fn) throw PyError("AttributeError", "Can't get attribute '" + name + "' in the worker process");
            item = Obj::tuple({c.at(0), true, fn(c.at(2).items())});
        } catch (const PyError& e) {
            item = Obj::tuple({c.at(0), false, Obj::tuple({e.type(), std::string(e.what())})});
        } catch (const std::exception& e) {
            // A C++ error in the function (an argument it does not have): reported, not a dead worker.
            item = Obj::tuple({c.at(0), false, Obj::tuple({"InternalError", std::string(e.what())})});
        }
        if (auto* link = detail::childLink()) link->line = 0;
        resultQueue.put(std::move(item));
    }
}
LOCKSTEP_PROCESS_TARGET(processPoolWorker);

// The error with its C++ type, for result() to raise again as `catch (const ValueError&)` expects.
std::exception_ptr typedError(const std::string& type, const std::string& message) {
    try {
        detail::raiseError(type, message);
    } catch (...) {
        return std::current_exception();
    }
}

const char* const kWakeup = "wakeup";

}  // namespace

class ExecutorState final : public SyncObject, public std::enable_shared_from_this<ExecutorState> {
public:
    struct WorkItem {
        std::shared_ptr<FutureObject> future;
        std::function<void(const Obj&)> setValue;
        std::string function;  // empty: not registered, so it cannot be pickled
        Args args;
    };

    std::int64_t maxWorkers = 1;
    Handle callQueue;
    Handle resultQueue;
    std::vector<Process> processes;
    std::optional<Thread> manager;
    std::map<std::int64_t, WorkItem> pending;  // Python's _pending_work_items: until the future is done
    std::deque<std::int64_t> workIds;          // Python's _work_ids: not yet in the call queue
    std::int64_t queueCount = 0;
    std::int64_t idle = 0;  // Python's _idle_worker_semaphore: one per result received
    bool shutdownThread = false;
    bool cancelPending = false;

    void wakeManager() { detail::invoke(resultQueue, Method::Put, {kWakeup, true, Obj()}); }

    void adjustProcessCount() {
        if (idle > 0) {
            --idle;
            return;
        }
        if (static_cast<std::int64_t>(processes.size()) >= maxWorkers) return;
        detail::Table& table = detail::table(execution());
        Process worker(&processPoolWorker, {Obj(callQueue), Obj(resultQueue)},
                       {.name = "SpawnProcess-" + std::to_string(++table.processCounter), .daemon = true});
        processes.push_back(worker);
        worker.start();
    }

    void startManagerThread() {
        if (manager) return;
        // Daemon here, unlike CPython's (which an exit hook joins): a run whose main thread ends without
        // shutdown() then ends, as the Python program ends after that hook.
        std::weak_ptr<ExecutorState> weak = weak_from_this();
        manager.emplace(
            [weak] {
                if (auto self = weak.lock()) self->managerLoop();
            },
            ThreadOptions{.daemon = true});
        manager->start();
    }

    void managerLoop() {
        Execution& ex = execution();
        for (;;) {
            const ActorId me = ex.enter();
            if (me == kNoActor) return;
            ex.setLine(me, 0);  // library code: no line of the scenario's listing
            addCallItemsToQueue();
            const Obj message = detail::invoke(resultQueue, Method::Get, {true, Obj()});
            if (message.isNone()) return;  // the run is being aborted
            if (message.isList()) {
                processResult(message);
                ++idle;
            }
            if (shutdownThread) {
                if (cancelPending) cancelPendingFutures();
                if (pending.empty()) {
                    joinExecutorInternals();
                    return;
                }
            }
        }
    }

private:
    // Python's add_call_item_to_queue: while the call queue has room, move work to it, each future set
    // running in the same step as its put (a cancelled one is dropped).
    void addCallItemsToQueue() {
        Execution& ex = execution();
        while (!workIds.empty()) {
            if (detail::invoke(callQueue, Method::QSize).asInt() >= maxWorkers + 1) return;
            const std::int64_t workId = workIds.front();
            workIds.pop_front();
            auto it = pending.find(workId);
            if (it == pending.end()) continue;
            const ActorId me = ex.enter();
            if (me == kNoActor) return;
            ex.beginStep();
            std::shared_ptr<FutureObject> future = it->second.future;
            if (!future->setRunningIn(me)) {
                pending.erase(it);
                ex.yieldPoint(me);
                continue;
            }
            if (it->second.function.empty()) {
                // CPython's queue feeder thread cannot pickle the call and sets the future's exception.
                pending.erase(it);
                const PicklingError error(
                    "Can't pickle the function: a function for a process pool must be registered with "
                    "LOCKSTEP_PROCESS_FUNCTION (the worker finds it by name, as Python's pickle does)");
                future->setExceptionIn(me, error, std::make_exception_ptr(error));
                ex.yieldPoint(me);
                future->runCallbacks(me);
                continue;
            }
            const WorkItem& w = it->second;
            detail::invoke(callQueue, Method::Put,
                           {Obj::tuple({static_cast<long long>(workId), w.function, Obj::tuple(w.args)}), true, Obj()});
        }
    }

    // (work_id, ok, value or (type, message)): set the future, one step, then its done-callbacks.
    void processResult(const Obj& message) {
        const List& r = message.items();
        auto it = pending.find(r.at(0).asInt());
        if (it == pending.end()) return;
        WorkItem w = std::move(it->second);
        pending.erase(it);
        if (r.at(1).asBool()) {
            w.setValue(r.at(2));
            w.future->finishWithResult(r.at(2).repr());
        } else {
            const std::string& type = r.at(2).items().at(0).asStr();
            const std::string& text = r.at(2).items().at(1).asStr();
            w.future->finishWithException(PyError(type, text), typedError(type, text));
        }
        w.future->runCallbacks(execution().self());
    }

    // shutdown(cancel_futures=True): cancel() on every pending future (those already running refuse).
    void cancelPendingFutures() {
        cancelPending = false;
        Execution& ex = execution();
        std::vector<std::int64_t> ids;
        for (const auto& [id, w] : pending) ids.push_back(id);
        for (std::int64_t id : ids) {
            std::shared_ptr<FutureObject> future = pending.at(id).future;
            const ActorId me = ex.enter();
            if (me == kNoActor) return;
            ex.beginStep();
            const bool cancelled = future->cancelIn(me);
            ex.yieldPoint(me);
            if (cancelled) {
                pending.erase(id);
                future->runCallbacks(me);
            }
        }
        workIds.clear();
    }

    // One None per worker on the call queue, then join them all.
    void joinExecutorInternals() {
        for (std::size_t i = 0; i < processes.size(); ++i) Queue(Obj(callQueue)).put(Obj());
        for (Process& p : processes) p.join();
    }
};

ProcessPoolExecutor::ProcessPoolExecutor(std::optional<std::int64_t> max_workers) {
    if (inChildProcess()) throw RuntimeError("not supported yet: a process pool in a child process");
    Execution& ex = Execution::current();
    if (max_workers && *max_workers <= 0)
        detail::raiseInStep(kNoObject, "ValueError", "max_workers must be greater than 0");
    state_ = std::make_shared<ExecutorState>();
    state_->maxWorkers = std::max<std::int64_t>(1, max_workers.value_or(ex.config().cores));
    ex.registerObject(state_, ObjectKind::ProcessPoolExecutor, {}, state_->maxWorkers,
                      static_cast<std::int32_t>(state_->maxWorkers));
    const std::string name = ex.trace().object(state_->id()).name;
    // Python: EXTRA_QUEUED_CALLS = 1, so one call waits ready for whichever worker is free first.
    state_->callQueue =
        detail::createObject(ObjectKind::ProcessQueue, {static_cast<long long>(state_->maxWorkers + 1), name + ".call_queue"})
            .handle();
    state_->resultQueue = detail::createObject(ObjectKind::ProcessQueue, {0, name + ".result_queue"}).handle();
}

Future<Obj> ProcessPoolExecutor::submit(Function fn, Args args) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return {};
    ex.beginStep();
    ExecutorState& s = *state_;
    if (s.shutdownThread) ex.raise(me, s.id(), RuntimeError("cannot schedule new futures after shutdown"));
    const char* function = functionName(fn);
    std::string call = std::string(function ? function : "<lambda>") + "(";
    for (std::size_t i = 0; i < args.size(); ++i) call += (i ? ", " : "") + args[i].repr();
    call += ")";
    using State = Future<Obj>::State;
    auto state = std::make_shared<State>();
    ex.registerObject(state, ObjectKind::Future, std::move(call), s.id());
    state->name = ex.trace().object(state->id()).name;
    const std::int64_t workId = s.queueCount++;
    s.pending[workId] = ExecutorState::WorkItem{state, [state](const Obj& v) { state->value = v; },
                                                function ? function : "", std::move(args)};
    s.workIds.push_back(workId);
    ex.record(me, Op::Submit, s.id(), Result::Ok, static_cast<std::int32_t>(state->id()));
    // The manager thread, once it runs, is woken for the new work (the put ends this step).
    if (s.manager) s.wakeManager();
    else ex.yieldPoint(me);
    s.adjustProcessCount();
    s.startManagerThread();
    return Future<Obj>(std::move(state));
}

List ProcessPoolExecutor::map(Function fn, const List& items, Timeout timeout) {
    Execution& ex = Execution::current();
    // As Python: the clock for the timeout starts before anything is submitted.
    const Nanos deadline = timeout ? ex.now() + std::max<Nanos>(0, timeout->count()) : kForever;
    std::vector<Future<Obj>> futures;
    for (const Obj& item : items) futures.push_back(submit(fn, {item}));
    MapResults<Obj> results(std::move(futures), deadline);
    List out;
    for (Obj value : results) out.push_back(std::move(value));
    return out;
}

void ProcessPoolExecutor::shutdown(bool wait, bool cancel_futures) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    ExecutorState& s = *state_;
    s.cancelPending = cancel_futures;
    s.shutdownThread = true;
    ex.record(me, Op::Shutdown, s.id(), Result::Ok, (wait ? 1 : 0) | (cancel_futures ? 2 : 0));
    if (s.manager && s.manager->is_alive()) s.wakeManager();
    else ex.yieldPoint(me);
    if (wait && s.manager) s.manager->join();
}

std::int64_t ProcessPoolExecutor::max_workers() const { return state_->maxWorkers; }
const std::vector<Process>& ProcessPoolExecutor::processes() const { return state_->processes; }
ObjectId ProcessPoolExecutor::id() const { return state_->id(); }

}  // namespace lockstep::mp
