#include "lockstep/asyncio/Asyncio.h"

#include <algorithm>

#include "lockstep/Execution.h"
#include "lockstep/PyError.h"

namespace lockstep::asyncio {

namespace {

thread_local EventLoop* tlsLoop = nullptr;

// What the loop blocks on when every task waits for something that never comes: the run then ends stuck,
// as the Python program would hang.
class Selector : public SyncObject {};

bool timerLater(const EventLoop* /*unused*/, Nanos a, std::uint64_t sa, Nanos b, std::uint64_t sb) {
    return a != b ? a > b : sa > sb;
}

}  // namespace

namespace detail {

void PromiseBase::unhandled_exception() {
    try {
        throw;
    } catch (const AbortRun&) {
        throw;  // leaves resume(): the loop's actor unwinds
    } catch (...) {
        exception = std::current_exception();
    }
}

std::string coroutineName(const char* functionName) {
    std::string f = functionName ? functionName : "";
    if (f.find("<lambda") != std::string::npos) return "<lambda>";
    f = f.substr(0, f.find('('));
    if (const auto space = f.rfind(' '); space != std::string::npos) f = f.substr(space + 1);
    if (const auto scope = f.rfind("::"); scope != std::string::npos) f = f.substr(scope + 2);
    return f;
}

void warnNeverAwaited(const std::string& name) {
    Execution* ex = Execution::currentOrNull();
    if (!ex || ex->aborting()) return;
    const ActorId me = ex->self();
    if (me == kNoActor) return;
    // Python prints this when the coroutine object is garbage-collected; here, when it is destroyed. That
    // is in a destructor, maybe while an exception unwinds: so no scheduling point (which could throw
    // AbortRun), just a line in the step that dropped it.
    ex->record(me, Op::Print, kNoObject, Result::Ok,
               ex->text("RuntimeWarning: coroutine '" + (name.empty() ? std::string("coroutine") : name) +
                        "' was never awaited"),
               TraceEvent::ArgIsString | TraceEvent::ToStderr);
}

void runLoop(std::coroutine_handle<> root, PromiseBase* promise, const std::string& name) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;  // run() destroys root
    if (tlsLoop) ex.raise(me, kNoObject, RuntimeError("asyncio.run() cannot be called from a running event loop"));
    EventLoop loop;
    loop.actor_ = me;
    tlsLoop = &loop;
    struct Reset {
        ~Reset() { tlsLoop = nullptr; }
    } reset;
    ex.beginStep();
    auto main = loop.newTask(root, promise, name.empty() ? std::string("main") : name);
    main->ownedByRun = true;
    loop.runUntilComplete(main);
}

}  // namespace detail

EventLoop& EventLoop::current() {
    if (!tlsLoop) {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        ex.raise(me, kNoObject, RuntimeError("no running event loop"));
    }
    return *tlsLoop;
}

EventLoop* EventLoop::currentOrNull() { return tlsLoop; }

EventLoop::~EventLoop() {
    // Every task's frames go with the loop (the run's main task is destroyed by run(), which reads its
    // result first). Frames still suspended are destroyed without running further.
    for (auto& t : tasks_)
        if (t->root && !t->ownedByRun) t->root.destroy();
}

std::shared_ptr<TaskObject> EventLoop::newTask(std::coroutine_handle<> root, detail::PromiseBase* promise,
                                               std::string name) {
    Execution& ex = Execution::current();
    auto task = std::make_shared<TaskObject>();
    task->root = root;
    task->promise = promise;
    promise->started = true;
    ++taskCounter_;
    task->name = name.empty() ? "Task-" + std::to_string(taskCounter_) : std::move(name);
    ex.registerObject(task, ObjectKind::AsyncTask, task->name);
    tasks_.push_back(task);
    TaskObject* t = task.get();
    callSoon([this, t] { step(*t, t->root); });
    return task;
}

void EventLoop::callSoon(std::function<void()> callback) { ready_.push_back(std::move(callback)); }

void EventLoop::callLater(Nanos delay, std::function<void()> callback) {
    const Nanos at = Execution::current().now() + std::max<Nanos>(delay, 0);
    timers_.push_back(Timer{at, ++timerSeq_, std::move(callback)});
    std::push_heap(timers_.begin(), timers_.end(), [](const Timer& a, const Timer& b) {
        return timerLater(nullptr, a.at, a.seq, b.at, b.seq);
    });
}

void EventLoop::noteAwait(TaskObject& task, ObjectId on, std::int32_t arg, std::uint8_t flags) {
    Execution& ex = Execution::current();
    task.state = TaskObject::State::Waiting;
    (void)on;
    ex.record(actor_, Op::Await, task.id(), Result::Blocked, arg, flags);
}

void EventLoop::wakeSoon(TaskObject& task, std::coroutine_handle<> h) {
    TaskObject* t = &task;
    callSoon([this, t, h] { step(*t, h); });
}

void EventLoop::step(TaskObject& task, std::coroutine_handle<> h) {
    Execution& ex = Execution::current();
    ex.beginStep();
    const bool first = task.state == TaskObject::State::Pending;
    ex.record(actor_, Op::Resume, task.id(), first ? Result::Started : Result::Ok);
    task.state = TaskObject::State::Running;
    running_ = &task;
    struct Clear {
        TaskObject*& r;
        ~Clear() { r = nullptr; }
    } clear{running_};
    h.resume();
    if (task.root.done()) finish(task);
    else if (task.state == TaskObject::State::Running) task.state = TaskObject::State::Waiting;
}

void EventLoop::finish(TaskObject& task) {
    Execution& ex = Execution::current();
    if (task.promise->exception) {
        task.state = TaskObject::State::Failed;
        std::string text = "Exception";
        try {
            std::rethrow_exception(task.promise->exception);
        } catch (const PyError& e) {
            text = e.describe();
        } catch (const std::exception& e) {
            text = std::string("Exception: ") + e.what();
        } catch (...) {
        }
        ex.record(actor_, Op::Run, task.id(), Result::Error, ex.text(text), TraceEvent::ArgIsString);
    } else {
        task.state = TaskObject::State::Done;
        ex.record(actor_, Op::Run, task.id(), Result::Done);
    }
    for (auto& [owner, h] : task.awaiting) wakeSoon(*owner, h);
    task.awaiting.clear();
}

void EventLoop::runUntilComplete(const std::shared_ptr<TaskObject>& main) {
    Execution& ex = Execution::current();
    auto later = [](const Timer& a, const Timer& b) { return timerLater(nullptr, a.at, a.seq, b.at, b.seq); };
    while (!main->finished()) {
        // Timers due now join the ready callbacks, then one round of them runs (as asyncio's _run_once).
        while (!timers_.empty() && timers_.front().at <= ex.now()) {
            std::pop_heap(timers_.begin(), timers_.end(), later);
            ready_.push_back(std::move(timers_.back().callback));
            timers_.pop_back();
        }
        if (!ready_.empty()) {
            std::vector<std::function<void()>> round;
            round.swap(ready_);
            for (auto& callback : round) {
                callback();
                ex.yieldPoint(actor_);  // each callback is one step: other actors may run between them
            }
            continue;
        }
        if (!timers_.empty()) {
            // Nothing to do before the next timer: the loop's thread sleeps (in select(), in Python).
            ex.beginStep();
            ex.sleepFor(actor_, timers_.front().at - ex.now());
            continue;
        }
        // Every task waits for something no one will provide: Python would hang here, and so does the run.
        if (!selector_) {
            auto s = std::make_shared<Selector>();
            ex.beginStep();
            ex.registerObject(s, ObjectKind::EventLoop, "event loop");
            selector_ = s;
        }
        ex.beginStep();
        selector_->waitersMut().push_back(actor_);
        ex.block(actor_, *selector_, Op::Wait);
    }
}

void SleepAwaiter::await_suspend(std::coroutine_handle<> h) {
    EventLoop& loop = EventLoop::current();
    TaskObject* task = loop.runningTask();
    if (!task) return;
    loop.noteAwait(*task, kNoObject, static_cast<std::int32_t>(std::min<Nanos>(delay / 1000, INT32_MAX)),
                   TraceEvent::ArgIsMicros);
    if (delay <= 0) loop.wakeSoon(*task, h);
    else loop.callLater(delay, [&loop, task, h] { loop.wakeSoon(*task, h); });
}

}  // namespace lockstep::asyncio
