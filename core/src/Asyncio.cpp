#include "lockstep/asyncio/Asyncio.h"

#include <algorithm>

#include "lockstep/Execution.h"
#include "lockstep/PyError.h"

namespace lockstep::asyncio {

namespace {

thread_local EventLoop* tlsLoop = nullptr;

// What the loop waits on in select(): a timer's deadline, or a worker thread handing a result back. When
// nothing can ever wake it, the run ends stuck, as the Python program would hang.
class Selector : public SyncObject {};

bool timerLater(Nanos a, std::uint64_t sa, Nanos b, std::uint64_t sb) { return a != b ? a > b : sa > sb; }

// The current task, when there is one, for the Acquire events of asyncio's primitives.
std::int32_t runningTaskArg() {
    EventLoop* loop = EventLoop::currentOrNull();
    TaskObject* t = loop ? loop->runningTask() : nullptr;
    return t ? static_cast<std::int32_t>(t->id()) : -1;
}

void note(Op op, ObjectId object, Result r, std::int32_t arg = 0, std::uint8_t flags = 0) {
    Execution& ex = Execution::current();
    ex.record(ex.self(), op, object, r, arg, flags);
}

template <typename W>
void eraseWaiter(std::deque<W>& waiters, const W& w) {
    waiters.erase(std::remove(waiters.begin(), waiters.end(), w), waiters.end());
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

std::string exceptionText(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const PyError& p) {
        return p.describe();
    } catch (const std::exception& x) {
        return std::string("Exception: ") + x.what();
    } catch (...) {
    }
    return "Exception";
}

std::string exceptionRepr(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const PyError& p) {
        std::string type = p.type();
        if (const auto dot = type.rfind('.'); dot != std::string::npos) type = type.substr(dot + 1);
        return *p.what() ? type + "('" + p.what() + "')" : type + "()";
    } catch (const std::exception& x) {
        return std::string("Exception('") + x.what() + "')";
    } catch (...) {
    }
    return "Exception()";
}

bool isCancelledError(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const CancelledError&) {
        return true;
    } catch (...) {
    }
    return false;
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

std::shared_ptr<TaskObject> runLoop(std::coroutine_handle<> root, PromiseBase* promise, const std::string& name) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return nullptr;  // run() destroys root
    if (tlsLoop) ex.raise(me, kNoObject, RuntimeError("asyncio.run() cannot be called from a running event loop"));
    EventLoop loop;
    loop.ex_ = &ex;
    loop.actor_ = me;
    tlsLoop = &loop;
    struct Reset {
        ~Reset() { tlsLoop = nullptr; }
    } reset;
    ex.beginStep();
    loop.stepOpen_ = true;
    loop.selector_ = std::make_shared<Selector>();
    ex.registerObject(loop.selector_, ObjectKind::EventLoop, "event loop");
    auto main = loop.newTask(root, promise, name, {});
    main->ownedByRun = true;
    loop.runUntilComplete(main);
    main->retrieved = true;  // run() raises main's exception: it is not "never retrieved"
    loop.shutdown();
    return main;
}

// gather()'s outer future (CPython's _GatheringFuture): ends when every child has, or with the first
// child's exception; cancelling it cancels the children.
class GatherCore : public FutureCore {
public:
    using FutureCore::FutureCore;
    std::vector<std::shared_ptr<FutureCore>> children;
    bool returnExceptions = false;
    std::size_t finishedCount = 0;
    bool cancelRequested = false;

    bool cancel(const std::string& message) override {
        Execution& ex = loop->execution();
        if (finished()) {
            ex.record(ex.self(), Op::Cancel, id(), Result::Failed);
            return false;
        }
        ex.record(ex.self(), Op::Cancel, id(), Result::Ok);
        bool any = false;
        for (auto& c : children) any |= c->cancel(message);
        // The outer future ends with CancelledError once every child has ended.
        if (any) cancelRequested = true;
        return any;
    }

    void childDone(FutureCore& child) {
        ++finishedCount;
        if (finished()) {
            if (!child.cancelled()) child.retrieved = true;
            return;
        }
        if (!returnExceptions) {
            if (child.cancelled()) {
                setException(std::make_exception_ptr(CancelledError(child.cancelMessage)));
                return;
            }
            child.retrieved = true;
            if (child.exception) {
                setException(child.exception);
                return;
            }
        }
        if (finishedCount == children.size()) {
            if (cancelRequested) setException(std::make_exception_ptr(CancelledError()));
            else setResult(std::any(NoneType{}), "None");
        }
    }
};

std::shared_ptr<FutureCore> gatherFuture(EventLoop& loop, std::vector<std::shared_ptr<FutureCore>> children,
                                         bool returnExceptions) {
    auto outer = std::make_shared<GatherCore>(loop);
    outer->name = "gather";
    loop.execution().registerObject(outer, ObjectKind::AsyncFuture, outer->name);
    outer->returnExceptions = returnExceptions;
    outer->children = std::move(children);
    if (outer->children.empty()) {
        outer->setResult(std::any(NoneType{}), "None");
        return outer;
    }
    std::weak_ptr<GatherCore> weak = outer;
    for (auto& c : outer->children) {
        std::weak_ptr<FutureCore> child = c;
        c->addCallback(
            [weak, child] {
                auto o = weak.lock();
                auto ch = child.lock();
                if (o && ch) o->childDone(*ch);
            },
            outer->id());
    }
    return outer;
}

Coroutine<void> waitCore(std::vector<std::shared_ptr<FutureCore>> fs, std::optional<Nanos> timeout, ReturnWhen when) {
    if (fs.empty()) throw ValueError("Set of Tasks/Futures is empty.");
    EventLoop& loop = EventLoop::current();
    struct State {
        std::size_t counter;
        std::shared_ptr<FutureCore> waiter;
        std::shared_ptr<bool> timer;
    };
    auto st = std::make_shared<State>();
    st->counter = fs.size();
    st->waiter = loop.newFuture("wait");
    const ObjectId shown = st->waiter->id();
    auto release = [st] {
        if (st->timer) *st->timer = true;
        if (!st->waiter->finished()) st->waiter->setResult(std::any(NoneType{}), "None");
    };
    if (timeout)
        st->timer = loop.addTimer(loop.execution().now() + std::max<Nanos>(*timeout, 0),
                                  [&loop, release, shown] { loop.callSoonInternal(release, shown); });
    std::vector<std::uint64_t> ids;
    for (auto& f : fs) {
        std::weak_ptr<FutureCore> weak = f;
        ids.push_back(f->addCallback(
            [st, weak, when, release] {
                auto f = weak.lock();
                if (st->counter > 0) --st->counter;
                bool raised = false;
                if (when == ReturnWhen::FIRST_EXCEPTION && f && !f->cancelled()) {
                    f->retrieved = true;
                    raised = f->exception != nullptr;
                }
                if (st->counter == 0 || when == ReturnWhen::FIRST_COMPLETED || raised) release();
            },
            shown));
    }
    // However the wait ends (or is cancelled), its callbacks and timer go.
    struct Cleanup {
        std::shared_ptr<State> st;
        std::vector<std::shared_ptr<FutureCore>>& fs;
        std::vector<std::uint64_t>& ids;
        ~Cleanup() {
            if (st->timer) *st->timer = true;
            for (std::size_t i = 0; i < fs.size(); ++i) fs[i]->removeCallback(ids[i]);
        }
    } cleanup{st, fs, ids};
    auto awaiter = detail::awaiting(st->waiter, kNoObject, timeout ? std::uint8_t(TraceEvent::HasTimeout) : std::uint8_t(0));
    co_await awaiter;
}

Coroutine<void> cancelAndWait(std::shared_ptr<FutureCore> f) {
    EventLoop& loop = EventLoop::current();
    auto waiter = loop.newFuture("cancel", false);
    const std::uint64_t cb = f->addCallback(
        [waiter] {
            if (!waiter->finished()) waiter->setResult(std::any(NoneType{}), "None");
        },
        f->id());
    struct Cleanup {
        std::shared_ptr<FutureCore>& f;
        std::uint64_t cb;
        ~Cleanup() { f->removeCallback(cb); }
    } cleanup{f, cb};
    f->cancel();
    auto awaiter = detail::awaiting(waiter, f->id());
    co_await awaiter;
}

void FutureAwaiterBase::await_suspend(std::coroutine_handle<> h) {
    EventLoop& loop = EventLoop::current();
    task = loop.runningTask();
    if (!task) return;
    const ObjectId on = shownAs != kNoObject ? shownAs : f->id();
    loop.noteAwait(*task, on == kNoObject ? -1 : static_cast<std::int32_t>(on), flags);
    f->addWaiter(*task, h);
    // Cancelling the task cancels what it waits on (a child task passes it further down).
    task->cancelWaiter = [fut = f](const std::string& message) { return fut->cancel(message); };
}

void FutureAwaiterBase::resume() {
    if (task) {
        task->cancelWaiter = nullptr;
        task->checkCancelOnResume();
    }
    f->checkResult();
}

}  // namespace detail

// ---- futures and tasks

bool FutureCore::cancel(const std::string& message) {
    Execution& ex = loop->execution();
    if (finished()) {
        if (id() != kNoObject) ex.record(ex.self(), Op::Cancel, id(), Result::Failed);
        return false;
    }
    if (id() != kNoObject) ex.record(ex.self(), Op::Cancel, id(), Result::Ok);
    cancelMessage = message;
    complete(TaskState::Cancelled);
    return true;
}

void FutureCore::setResult(std::any v, std::string repr) {
    if (finished()) throw InvalidStateError("invalid state");
    value = std::move(v);
    resultRepr = std::move(repr);
    complete(TaskState::Done);
}

void FutureCore::setException(std::exception_ptr e) {
    if (finished()) throw InvalidStateError("invalid state");
    exception = std::move(e);
    complete(TaskState::Failed);
}

void FutureCore::checkResult() {
    if (!finished()) throw InvalidStateError("Result is not set.");
    retrieved = true;
    if (cancelled()) throw CancelledError(cancelMessage);
    if (exception) std::rethrow_exception(exception);
}

void FutureCore::complete(TaskState final) {
    state = final;
    if (id() != kNoObject) {
        Execution& ex = loop->execution();
        const ActorId me = loop->actor();
        switch (final) {
            case TaskState::Done:
                ex.record(me, Op::Run, id(), Result::Done, ex.text(resultRepr), TraceEvent::ArgIsString);
                break;
            case TaskState::Failed:
                ex.record(me, Op::Run, id(), Result::Error, ex.text(detail::exceptionText(exception)),
                          TraceEvent::ArgIsString);
                break;
            default:
                ex.record(me, Op::Run, id(), Result::Cancelled, ex.text(cancelMessage), TraceEvent::ArgIsString);
                break;
        }
    }
    std::vector<Callback> callbacks;
    callbacks.swap(callbacks_);
    for (Callback& c : callbacks) schedule(c);
}

void FutureCore::schedule(Callback& c) {
    if (c.task) loop->wakeSoon(*c.task, c.h);
    else loop->callSoonInternal(std::move(c.fn), c.shownAs != kNoObject ? c.shownAs : id());
}

std::uint64_t FutureCore::addCallback(std::function<void()> fn, ObjectId shownAs) {
    Callback c{++nextCallback_, std::move(fn), shownAs, nullptr, {}};
    if (finished()) schedule(c);
    else callbacks_.push_back(std::move(c));
    return nextCallback_;
}

std::uint64_t FutureCore::addWaiter(TaskObject& task, std::coroutine_handle<> h) {
    callbacks_.push_back(Callback{++nextCallback_, {}, kNoObject, &task, h});
    return nextCallback_;
}

void FutureCore::removeCallback(std::uint64_t id) {
    callbacks_.erase(std::remove_if(callbacks_.begin(), callbacks_.end(), [id](const Callback& c) { return c.id == id; }),
                     callbacks_.end());
}

bool TaskObject::cancel(const std::string& message) {
    Execution& ex = loop->execution();
    if (finished()) {
        ex.record(ex.self(), Op::Cancel, id(), Result::Failed);
        return false;
    }
    ex.record(ex.self(), Op::Cancel, id(), Result::Ok);
    cancelMessage = message;
    // As Task.cancel(): cancel the future the task waits on; when that can't be cancelled (it has just
    // ended), or the task waits on nothing, the task gets CancelledError when it next resumes.
    if (cancelWaiter) {
        auto w = std::move(cancelWaiter);
        cancelWaiter = nullptr;
        if (w(message)) return true;
    }
    mustCancel = true;
    return true;
}

void TaskObject::checkCancelOnResume() {
    if (!throwOnResume) return;
    throwOnResume = false;
    throw CancelledError(cancelMessage);
}

// ---- the loop

EventLoop& EventLoop::current() {
    if (!tlsLoop) {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        ex.raise(me, kNoObject, RuntimeError("no running event loop"));
    }
    return *tlsLoop;
}

EventLoop* EventLoop::currentOrNull() { return tlsLoop; }

std::string current_task_name() {
    EventLoop* loop = EventLoop::currentOrNull();
    return loop && loop->runningTask() ? loop->runningTask()->name : std::string("None");
}

EventLoop::~EventLoop() {
    // Every task's frames go with the loop (the run's main task is destroyed by run(), which reads its
    // result first). Frames still suspended are destroyed without running further; their cancel hooks
    // point into those frames, so they go first.
    for (auto& t : tasks_) t->cancelWaiter = nullptr;
    for (auto& t : tasks_)
        if (t->root && !t->ownedByRun) t->root.destroy();
}

ObjectId EventLoop::objectId() const { return selector_ ? selector_->id() : kNoObject; }

std::shared_ptr<TaskObject> EventLoop::newTask(std::coroutine_handle<> root, detail::PromiseBase* promise,
                                               std::string coroName, std::string name) {
    auto task = std::make_shared<TaskObject>(*this);
    task->root = root;
    task->promise = promise;
    promise->started = true;
    task->coroName = std::move(coroName);
    ++taskCounter_;
    task->name = name.empty() ? "Task-" + std::to_string(taskCounter_) : std::move(name);
    ex_->registerObject(task, ObjectKind::AsyncTask, task->name, 0, ex_->text(task->coroName),
                        TraceEvent::ArgIsString);
    tasks_.push_back(task);
    ready_.push_back(Ready{task.get(), root, {}, kNoObject, {}});
    return task;
}

std::shared_ptr<FutureCore> EventLoop::newFuture(std::string name, bool registered) {
    auto f = std::make_shared<FutureCore>(*this);
    f->name = std::move(name);
    if (registered) {
        ex_->registerObject(f, ObjectKind::AsyncFuture, f->name);
        futures_.push_back(f);
    }
    return f;
}

Handle EventLoop::scheduleUser(std::function<void()> fn, std::string name, std::optional<Nanos> at) {
    auto shown = std::make_shared<SyncObject>();
    ex_->registerObject(shown, ObjectKind::AsyncCallback, std::move(name));
    auto cancelled = std::make_shared<bool>(false);
    const ObjectId id = shown->id();
    if (!at) {
        callSoonInternal(std::move(fn), id, cancelled);
    } else {
        timers_.push_back(Timer{*at, ++timerSeq_,
                                [this, fn = std::move(fn), id, cancelled]() mutable {
                                    callSoonInternal(std::move(fn), id, cancelled);
                                },
                                cancelled});
        std::push_heap(timers_.begin(), timers_.end(),
                       [](const Timer& a, const Timer& b) { return timerLater(a.at, a.seq, b.at, b.seq); });
    }
    return Handle(cancelled);
}

Handle EventLoop::call_soon(std::function<void()> fn, std::string name) {
    return scheduleUser(std::move(fn), std::move(name), std::nullopt);
}

Handle EventLoop::call_later(std::chrono::nanoseconds delay, std::function<void()> fn, std::string name) {
    return scheduleUser(std::move(fn), std::move(name), ex_->now() + std::max<Nanos>(delay.count(), 0));
}

Handle EventLoop::call_at(double when, std::function<void()> fn, std::string name) {
    return scheduleUser(std::move(fn), std::move(name), static_cast<Nanos>(when * 1e9));
}

double EventLoop::time() const { return static_cast<double>(ex_->now()) / 1e9; }

std::shared_ptr<bool> EventLoop::addTimer(Nanos at, std::function<void()> fn) {
    auto cancelled = std::make_shared<bool>(false);
    timers_.push_back(Timer{at, ++timerSeq_, std::move(fn), cancelled});
    std::push_heap(timers_.begin(), timers_.end(),
                   [](const Timer& a, const Timer& b) { return timerLater(a.at, a.seq, b.at, b.seq); });
    return cancelled;
}

void EventLoop::callSoonInternal(std::function<void()> fn, ObjectId shownAs, std::shared_ptr<bool> cancelled) {
    ready_.push_back(Ready{nullptr, {}, std::move(fn), shownAs, std::move(cancelled)});
}

void EventLoop::callSoonThreadsafe(std::function<void()> fn, ObjectId shownAs) {
    // Runs on a worker thread's actor, while the loop's actor is parked (one actor runs at a time).
    callSoonInternal(std::move(fn), shownAs);
    const ActorId me = ex_->self();
    ex_->hbRelease(me, *selector_);
    auto& waiting = selector_->waitersMut();
    if (std::find(waiting.begin(), waiting.end(), actor_) != waiting.end()) {
        eraseWaiter(waiting, actor_);
        ex_->wake(actor_);
    }
}

ThreadPoolExecutor& EventLoop::defaultExecutor() {
    if (!executor_) executor_ = std::make_unique<ThreadPoolExecutor>(std::nullopt, "asyncio");
    return *executor_;
}

void EventLoop::noteAwait(TaskObject& task, std::int32_t arg, std::uint8_t flags) {
    task.state = TaskState::Waiting;
    ex_->record(actor_, Op::Await, task.id(), Result::Blocked, arg, flags);
}

void EventLoop::wakeSoon(TaskObject& task, std::coroutine_handle<> h) {
    task.state = TaskState::Ready;
    ex_->record(actor_, Op::Await, task.id(), Result::Woken);
    ready_.push_back(Ready{&task, h, {}, kNoObject, {}});
}

void EventLoop::openStep() {
    if (stepOpen_) return;
    ex_->beginStep();
    stepOpen_ = true;
}

void EventLoop::stepTask(TaskObject& task, std::coroutine_handle<> h, std::size_t queued) {
    const bool first = task.state == TaskState::Pending;
    // The loop's thread goes on at the line this task suspended on (its first step: where it was created).
    if (!first) ex_->setLine(actor_, task.line);
    ex_->record(actor_, Op::Resume, task.id(), first ? Result::Started : Result::Ok, static_cast<std::int32_t>(queued));
    if (task.finished()) return;
    if (task.mustCancel) {
        task.mustCancel = false;
        if (first) {
            // Cancelled before it ever ran: the coroutine's body never starts.
            task.complete(TaskState::Cancelled);
            return;
        }
        task.throwOnResume = true;
    }
    task.state = TaskState::Running;
    running_ = &task;
    struct Clear {
        TaskObject*& r;
        ~Clear() { r = nullptr; }
    } clear{running_};
    h.resume();
    task.line = ex_->line(actor_);
    for (const std::string& name : laterWarnings_) detail::warnNeverAwaited(name);
    laterWarnings_.clear();
    if (task.root.done()) finishTask(task);
}

void EventLoop::finishTask(TaskObject& task) {
    const std::exception_ptr e = task.promise->exception;
    if (e && detail::isCancelledError(e)) {
        try {
            std::rethrow_exception(e);
        } catch (const CancelledError& c) {
            task.cancelMessage = c.what();
        }
        task.complete(TaskState::Cancelled);
    } else if (e) {
        task.exception = e;
        task.complete(TaskState::Failed);
    } else {
        task.resultRepr = task.promise->resultRepr();
        task.value = task.promise->takeValue();
        task.complete(TaskState::Done);
    }
}

void EventLoop::runOnce() {
    Execution& ex = *ex_;
    auto later = [](const Timer& a, const Timer& b) { return timerLater(a.at, a.seq, b.at, b.seq); };
    while (!timers_.empty() && *timers_.front().cancelled) {
        std::pop_heap(timers_.begin(), timers_.end(), later);
        timers_.pop_back();
    }
    if (ready_.empty()) {
        const Nanos deadline = timers_.empty() ? kForever : timers_.front().at;
        if (deadline > ex.now()) {
            // Nothing to run before the next timer: the loop's thread waits in select(), where a worker
            // thread handing back a result can wake it.
            openStep();
            selector_->waitersMut().push_back(actor_);
            ex.block(actor_, *selector_, Op::Wait, deadline);
            ex.beginStep();
            stepOpen_ = true;
            ex.hbAcquire(actor_, *selector_);
        }
    }
    // Timers due now join the ready queue, then one round of it runs (as asyncio's _run_once).
    while (!timers_.empty() && timers_.front().at <= ex.now()) {
        std::pop_heap(timers_.begin(), timers_.end(), later);
        Timer t = std::move(timers_.back());
        timers_.pop_back();
        if (*t.cancelled) continue;
        openStep();
        t.fn();
    }
    const std::size_t round = ready_.size();
    for (std::size_t i = 0; i < round && !ready_.empty(); ++i) {
        Ready r = std::move(ready_.front());
        ready_.pop_front();
        if (r.cancelled && *r.cancelled) continue;
        openStep();
        const std::size_t queued = ready_.size() + 1;
        if (r.task) {
            stepTask(*r.task, r.h, queued);
        } else {
            ex.record(actor_, Op::Callback, r.shownAs, Result::Ok, static_cast<std::int32_t>(queued));
            try {
                r.fn();
            } catch (const PyError& e) {
                // As asyncio's default exception handler: the error is reported and the loop goes on.
                const std::string name =
                    r.shownAs != kNoObject ? ex.trace().object(r.shownAs).name : std::string("callback");
                ex.record(actor_, Op::Print, kNoObject, Result::Ok,
                          ex.text("Exception in callback " + name + "()\n" + e.describe()),
                          TraceEvent::ArgIsString | TraceEvent::ToStderr);
            }
        }
        stepOpen_ = false;
        ex.yieldPoint(actor_);
    }
}

void EventLoop::runUntilComplete(const std::shared_ptr<TaskObject>& main) {
    while (!main->finished()) runOnce();
}

void EventLoop::shutdown() {
    Execution& ex = *ex_;
    // asyncio.run() cancels the tasks still pending and runs the loop until they have ended.
    std::vector<std::shared_ptr<TaskObject>> left;
    for (auto& t : tasks_)
        if (!t->finished()) left.push_back(t);
    if (!left.empty()) {
        openStep();
        for (auto& t : left) t->cancel();
        auto allEnded = [&] {
            return std::all_of(left.begin(), left.end(), [](const auto& t) { return t->finished(); });
        };
        while (!allEnded()) runOnce();
        for (auto& t : left)
            if (t->state == TaskState::Failed) {
                t->retrieved = true;
                openStep();
                ex.record(actor_, Op::Print, kNoObject, Result::Ok,
                          ex.text("unhandled exception during asyncio.run() shutdown\ntask: <Task finished name='" +
                                  t->name + "' coro=<" + t->coroName + "()> exception=" +
                                  detail::exceptionRepr(t->exception) + ">"),
                          TraceEvent::ArgIsString | TraceEvent::ToStderr);
            }
    }
    // Then it waits for the default executor's threads (shutdown_default_executor).
    if (executor_) {
        while (threadWork_ > 0) runOnce();
        stepOpen_ = false;
        executor_->shutdown(true);
    }
    // A failed task or future whose exception nobody read: Python logs it when the object is collected,
    // which for a finished program is when the loop and its tasks go.
    for (auto& t : tasks_)
        if (t->state == TaskState::Failed && !t->retrieved) {
            openStep();
            ex.record(actor_, Op::Print, kNoObject, Result::Ok,
                      ex.text("Task exception was never retrieved\nfuture: <Task finished name='" + t->name +
                              "' coro=<" + t->coroName + "()> exception=" + detail::exceptionRepr(t->exception) +
                              ">"),
                      TraceEvent::ArgIsString | TraceEvent::ToStderr);
        }
    for (auto& f : futures_)
        if (f->state == TaskState::Failed && !f->retrieved && f->name != "gather") {
            openStep();
            ex.record(actor_, Op::Print, kNoObject, Result::Ok,
                      ex.text("Future exception was never retrieved\nfuture: <Future finished exception=" +
                              detail::exceptionRepr(f->exception) + ">"),
                      TraceEvent::ArgIsString | TraceEvent::ToStderr);
        }
}

// ---- sleep

void SleepAwaiter::await_suspend(std::coroutine_handle<> h) {
    EventLoop& loop = EventLoop::current();
    task = loop.runningTask();
    if (!task) return;
    loop.noteAwait(*task, static_cast<std::int32_t>(std::min<Nanos>(delay / 1000, INT32_MAX)), TraceEvent::ArgIsMicros);
    if (delay <= 0) {
        // sleep(0): straight back to the end of the ready queue.
        loop.wakeSoon(*task, h);
        return;
    }
    TaskObject* t = task;
    timer = loop.addTimer(loop.execution().now() + delay, [&loop, t, h] { loop.wakeSoon(*t, h); });
    task->cancelWaiter = [this, &loop, t, h](const std::string& m) {
        *timer = true;
        cancelled = true;
        message = m;
        loop.wakeSoon(*t, h);
        return true;
    };
}

void SleepAwaiter::await_resume() {
    if (!task) return;
    task->cancelWaiter = nullptr;
    task->checkCancelOnResume();
    if (cancelled) throw CancelledError(message);
}

// ---- Lock, Event, Semaphore

class Lock::State : public SyncObject {
public:
    bool locked = false;
    std::deque<std::shared_ptr<FutureCore>> waiters;
    void wakeUpFirst() {
        for (auto& w : waiters)
            if (!w->finished()) {
                w->setResult(std::any(true), "True");
                return;
            }
    }
};

Lock::Lock(std::string name) : state_(std::make_shared<State>()) {
    Execution::current().registerObject(state_, ObjectKind::AsyncLock, std::move(name));
}

Coroutine<bool> Lock::acquire() {
    auto s = state_;
    const bool anyLive = std::any_of(s->waiters.begin(), s->waiters.end(), [](auto& w) { return !w->cancelled(); });
    if (!s->locked && !anyLive) {
        s->locked = true;
        note(Op::Acquire, s->id(), Result::Acquired, runningTaskArg());
        co_return true;
    }
    auto fut = EventLoop::current().newFuture("", false);
    s->waiters.push_back(fut);
    try {
        auto awaiter = detail::awaiting(fut, s->id());
        co_await awaiter;
    } catch (const CancelledError&) {
        eraseWaiter(s->waiters, fut);
        if (!s->locked) s->wakeUpFirst();
        throw;
    }
    eraseWaiter(s->waiters, fut);
    s->locked = true;
    note(Op::Acquire, s->id(), Result::Acquired, runningTaskArg());
    co_return true;
}

void Lock::release() {
    if (!state_->locked) throw RuntimeError("Lock is not acquired.");
    state_->locked = false;
    note(Op::Release, state_->id(), Result::Ok, runningTaskArg());
    state_->wakeUpFirst();
}

bool Lock::locked() const {
    state_->noteRead();
    return state_->locked;
}

ObjectId Lock::objectId() const { return state_->id(); }

class Event::State : public SyncObject {
public:
    bool value = false;
    std::deque<std::shared_ptr<FutureCore>> waiters;
};

Event::Event(std::string name) : state_(std::make_shared<State>()) {
    Execution::current().registerObject(state_, ObjectKind::AsyncEvent, std::move(name));
}

Coroutine<bool> Event::wait() {
    auto s = state_;
    if (s->value) co_return true;
    auto fut = EventLoop::current().newFuture("", false);
    s->waiters.push_back(fut);
    struct Remove {
        std::shared_ptr<State>& s;
        std::shared_ptr<FutureCore>& fut;
        ~Remove() { eraseWaiter(s->waiters, fut); }
    } remove{s, fut};
    auto awaiter = detail::awaiting(fut, s->id());
    co_await awaiter;
    co_return true;
}

void Event::set() {
    if (state_->value) return;
    state_->value = true;
    note(Op::Set, state_->id(), Result::Ok);
    for (auto& w : state_->waiters)
        if (!w->finished()) w->setResult(std::any(true), "True");
}

void Event::clear() {
    state_->value = false;
    note(Op::Clear, state_->id(), Result::Ok);
}

bool Event::is_set() const {
    state_->noteRead();
    return state_->value;
}

ObjectId Event::objectId() const { return state_->id(); }

class Semaphore::State : public SyncObject {
public:
    std::int64_t value = 1, bound = 1;
    bool bounded = false;
    std::deque<std::shared_ptr<FutureCore>> waiters;
    bool locked() const {
        return value == 0 ||
               std::any_of(waiters.begin(), waiters.end(), [](auto& w) { return !w->cancelled(); });
    }
    void wakeUpNext() {
        for (auto& w : waiters)
            if (!w->finished()) {
                --value;
                w->setResult(std::any(true), "True");
                return;
            }
    }
};

Semaphore::Semaphore(std::int64_t value, std::string name, bool bounded) : state_(std::make_shared<State>()) {
    if (value < 0) throw ValueError("Semaphore initial value must be >= 0");
    state_->value = state_->bound = value;
    state_->bounded = bounded;
    Execution::current().registerObject(state_, ObjectKind::AsyncSemaphore, std::move(name), value,
                                        static_cast<std::int32_t>(value));
}

Coroutine<bool> Semaphore::acquire() {
    auto s = state_;
    if (!s->locked()) {
        --s->value;
        note(Op::Acquire, s->id(), Result::Acquired, runningTaskArg());
        co_return true;
    }
    auto fut = EventLoop::current().newFuture("", false);
    s->waiters.push_back(fut);
    try {
        auto awaiter = detail::awaiting(fut, s->id());
        co_await awaiter;
    } catch (const CancelledError&) {
        eraseWaiter(s->waiters, fut);
        if (!fut->cancelled()) {
            ++s->value;
            s->wakeUpNext();
        }
        throw;
    }
    eraseWaiter(s->waiters, fut);
    if (s->value > 0) s->wakeUpNext();
    note(Op::Acquire, s->id(), Result::Acquired, runningTaskArg());
    co_return true;
}

void Semaphore::release() {
    if (state_->bounded && state_->value >= state_->bound) throw ValueError("BoundedSemaphore released too many times");
    ++state_->value;
    note(Op::Release, state_->id(), Result::Ok, runningTaskArg());
    state_->wakeUpNext();
}

bool Semaphore::locked() const {
    state_->noteRead();
    return state_->locked();
}

std::int64_t Semaphore::value() const {
    state_->noteRead();
    return state_->value;
}

ObjectId Semaphore::objectId() const { return state_->id(); }

// ---- Queue

namespace detail {

std::shared_ptr<QueueBase> registerQueue(std::shared_ptr<QueueBase> q, std::string name) {
    Execution::current().registerObject(q, ObjectKind::AsyncQueue, std::move(name), q->maxsize,
                                        static_cast<std::int32_t>(q->maxsize));
    return q;
}

Coroutine<void> QueueBase::waitIn(std::deque<std::shared_ptr<FutureCore>>& waiters, bool isGetter) {
    auto w = EventLoop::current().newFuture("", false);
    waiters.push_back(w);
    try {
        auto awaiter = detail::awaiting(w, id());
        co_await awaiter;
    } catch (const CancelledError&) {
        w->cancel();
        eraseWaiter(waiters, w);
        // A wake-up this waiter got but can't use goes to the next one, as CPython's Queue does.
        const bool canGo = isGetter ? size() > 0 : !full();
        if (canGo && !w->cancelled()) wakeupNext(waiters);
        throw;
    }
}

void QueueBase::wakeupNext(std::deque<std::shared_ptr<FutureCore>>& waiters) {
    while (!waiters.empty()) {
        auto w = waiters.front();
        waiters.pop_front();
        if (!w->finished()) {
            w->setResult(std::any(NoneType{}), "None");
            return;
        }
    }
}

void QueueBase::notePut() {
    Execution& ex = Execution::current();
    ex.record(ex.self(), Op::Put, id(), Result::Ok, static_cast<std::int32_t>(size()));
}

void QueueBase::noteGet() {
    Execution& ex = Execution::current();
    ex.record(ex.self(), Op::Get, id(), Result::Ok, static_cast<std::int32_t>(size()));
}

void QueueBase::taskDone() {
    if (unfinished <= 0) throw ValueError("task_done() called too many times");
    --unfinished;
    note(Op::TaskDone, id(), Result::Ok, static_cast<std::int32_t>(unfinished));
    if (unfinished == 0) {
        for (auto& j : joiners)
            if (!j->finished()) j->setResult(std::any(NoneType{}), "None");
        joiners.clear();
    }
}

Coroutine<void> QueueBase::join() {
    if (unfinished > 0) {
        auto w = EventLoop::current().newFuture("", false);
        joiners.push_back(w);
        auto awaiter = detail::awaiting(w, id());
        co_await awaiter;
    }
    note(Op::QueueJoin, id(), Result::Ok);
}

}  // namespace detail

}  // namespace lockstep::asyncio
