#include "lockstep/ThreadPoolExecutor.h"

#include <algorithm>
#include <deque>

#include "lockstep/QueueObject.h"

namespace lockstep {

// The executor's work queue (Python's queue.SimpleQueue): unbounded, no task_done. It is a queue of the
// trace, so the timeline draws how many work items wait and the inspector lists them by future name.
class WorkQueueObject final : public QueueObject {
public:
    WorkQueueObject() : QueueObject(0) {}

    void putIn(ActorId me, WorkItem item) {
        const std::string text = repr(item);
        items_.push_back(std::move(item));
        afterPut(me, text);
    }
    WorkItem popIn(ActorId me) {
        WorkItem item = std::move(items_.front());
        items_.pop_front();
        afterGet(me, repr(item));
        return item;
    }
    bool empty() const { return items_.empty(); }

private:
    std::deque<WorkItem> items_;
};

class ExecutorObject final : public SyncObject, public std::enable_shared_from_this<ExecutorObject> {
public:
    std::int64_t maxWorkers = 1;
    std::string prefix;
    bool shutdown = false;
    // Python's _idle_semaphore, without its own lane: every work item a worker finishes adds one, and a
    // submit that finds it above zero takes one instead of starting a thread. (It counts finished items, not
    // idle threads, so it may exceed the number of threads; CPython behaves the same.)
    std::int64_t idle = 0;
    std::vector<Thread> threads;
    std::shared_ptr<WorkQueueObject> queue;

    void adjustThreadCount(ActorId me);
    void workerLoop();
};

void ExecutorObject::adjustThreadCount(ActorId me) {
    Execution& ex = execution();
    if (idle > 0) {
        --idle;
        ex.yieldPoint(me);
        return;
    }
    if (static_cast<std::int64_t>(threads.size()) >= maxWorkers) {
        ex.yieldPoint(me);
        return;
    }
    // A weak reference, as Python's worker holds its executor: the executor owns its threads.
    std::weak_ptr<ExecutorObject> weak = weak_from_this();
    Thread worker(
        [weak] {
            if (auto self = weak.lock()) self->workerLoop();
        },
        ThreadOptions{.name = prefix + "_" + std::to_string(threads.size())});
    threads.push_back(worker);
    // Inside the submit's step: Python holds the executor's shutdown lock from the put to the new thread's
    // start, so no shutdown() (or other submit) can come between them.
    worker.startIn(me);
    ex.yieldPoint(me);
}

void ExecutorObject::workerLoop() {
    Execution& ex = execution();
    for (;;) {
        const ActorId me = ex.enter();
        if (me == kNoActor) return;
        ex.setLine(me, 0);  // pool code: no line of the scenario's listing
        ex.beginStep();
        if (!queue->waitForItem(me, true, kForever)) return;  // the run is being aborted
        WorkItem item = queue->popIn(me);
        ex.yieldPoint(me);
        if (item.future) {
            ex.beginStep();
            const bool run = item.future->setRunningIn(me);
            ex.yieldPoint(me);
            if (run) {
                item.run();
                item.future->runCallbacks(me);
            }
            ++idle;
            continue;
        }
        if (shutdown) {
            // Each None stops one worker, which puts another for the next one.
            ex.beginStep();
            queue->putIn(me, WorkItem{});
            ex.yieldPoint(me);
            return;
        }
    }
}

ThreadPoolExecutor::ThreadPoolExecutor(std::optional<std::int64_t> max_workers,
                                       std::string thread_name_prefix) {
    Execution& ex = Execution::current();
    if (max_workers && *max_workers <= 0) {
        const ActorId me = ex.enter();
        if (me != kNoActor) {
            ex.beginStep();
            ex.raise(me, kNoObject, ValueError("max_workers must be greater than 0"));
        }
    }
    object_ = std::make_shared<ExecutorObject>();
    object_->maxWorkers = max_workers.value_or(std::min<std::int64_t>(32, ex.config().cores + 4));
    if (thread_name_prefix.empty()) {
        // Python numbers the executors created without a prefix from 0, per process (here: per run).
        int n = 0;
        for (ObjectId o = 0; o < ex.trace().objectCount(); ++o) {
            const ObjectInfo& info = ex.trace().object(o);
            if (info.kind == ObjectKind::ThreadPoolExecutor && info.name.rfind("ThreadPoolExecutor-", 0) == 0)
                ++n;
        }
        thread_name_prefix = "ThreadPoolExecutor-" + std::to_string(n);
    }
    object_->prefix = thread_name_prefix;
    ex.registerObject(object_, ObjectKind::ThreadPoolExecutor, thread_name_prefix, object_->maxWorkers,
                      static_cast<std::int32_t>(std::min<std::int64_t>(object_->maxWorkers, INT32_MAX)));
    object_->queue = std::make_shared<WorkQueueObject>();
    ex.registerObject(object_->queue, ObjectKind::Queue, thread_name_prefix + ".work_queue");
}

void ThreadPoolExecutor::checkOpen(ActorId me) {
    if (object_->shutdown)
        Execution::current().raise(me, object_->id(),
                                   RuntimeError("cannot schedule new futures after shutdown"));
}

void ThreadPoolExecutor::submitIn(ActorId me, WorkItem item) {
    Execution& ex = Execution::current();
    ExecutorObject& o = *object_;
    ex.record(me, Op::Submit, o.id(), Result::Ok, static_cast<std::int32_t>(item.future->id()));
    o.queue->putIn(me, std::move(item));
    o.adjustThreadCount(me);
}

void ThreadPoolExecutor::shutdown(bool wait, bool cancel_futures) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    ExecutorObject& o = *object_;
    o.shutdown = true;
    ex.record(me, Op::Shutdown, o.id(), Result::Ok, (wait ? 1 : 0) | (cancel_futures ? 2 : 0));
    std::vector<std::shared_ptr<FutureObject>> cancelled;
    if (cancel_futures) {
        while (!o.queue->empty()) {
            WorkItem item = o.queue->popIn(me);
            if (item.future && item.future->cancelIn(me)) cancelled.push_back(item.future);
        }
    }
    // Wakes a worker blocked on the empty queue; it passes the None on to the next before it ends.
    o.queue->putIn(me, WorkItem{});
    ex.yieldPoint(me);
    for (const auto& f : cancelled) f->runCallbacks(me);
    if (!wait) return;
    std::vector<Thread> threads = o.threads;
    for (Thread& t : threads) t.join();
}

ObjectId ThreadPoolExecutor::executorId() const {
    return object_->id();
}
std::int64_t ThreadPoolExecutor::max_workers() const {
    return object_->maxWorkers;
}
const std::vector<Thread>& ThreadPoolExecutor::threads() const {
    return object_->threads;
}

}  // namespace lockstep
