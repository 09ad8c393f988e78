#pragma once
// asyncio for scenarios: an event loop of C++20 coroutine tasks that runs on the actor that calls
// asyncio::run(), so tasks, threads and the virtual clock share one trace.
//
//   asyncio::Coroutine<int> hello(int n) {
//       co_await asyncio::sleep(1s);
//       co_return n;
//   }
//   asyncio::run(asyncio::gather(hello(1), hello(2)));
//
// Calling a coroutine function creates a Coroutine object, as in Python: nothing runs until it is awaited
// or wrapped in a task, and one dropped unawaited prints Python's "was never awaited" warning.
//
// The loop follows CPython's asyncio (base_events.py, tasks.py, futures.py): a ready queue of callbacks run
// in rounds, a heap of timers, futures whose done-callbacks are scheduled on the loop, tasks that step their
// coroutine up to the next await and are woken by the future they wait on, cancellation that reaches the
// innermost future a task waits on (a child task, a sleep, a queue's getter) and comes out of the await as
// CancelledError. gather, wait, wait_for and shield are built on futures as CPython builds them, so the same
// things happen in the same order.
//
// What the loop records (see Op::Resume, Op::Await, Op::Callback in Types.h): Create of each task, future
// and user callback; Resume when the loop steps a task, Callback when it runs a callback (arg: the ready
// queue's length); Await Blocked when a task suspends (arg: the object it waits on, or a sleep's micros) and
// Await Woken when it is put back on the ready queue; Cancel when cancel() is called; Run Done/Error/
// Cancelled when a task or future ends; Wait on the loop's object while it waits for a timer or a thread.
// Each callback is one scheduling step of the loop's actor, so other threads interleave with the tasks.

#include <any>
#include <chrono>
#include <coroutine>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <source_location>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "lockstep/Future.h"
#include "lockstep/PyError.h"
#include "lockstep/Repr.h"
#include "lockstep/SyncObject.h"
#include "lockstep/ThreadPoolExecutor.h"
#include "lockstep/Types.h"

namespace lockstep::asyncio {

using lockstep::NoneType;

// asyncio's own errors, with the names Python prints. asyncio.TimeoutError is the builtin TimeoutError.
struct CancelledError : PyError {
    explicit CancelledError(const std::string& m = {}) : PyError("asyncio.CancelledError", m) {}
};
struct InvalidStateError : PyError {
    explicit InvalidStateError(const std::string& m) : PyError("asyncio.InvalidStateError", m) {}
};
struct QueueEmpty : PyError {
    QueueEmpty() : PyError("asyncio.QueueEmpty", "") {}
};
struct QueueFull : PyError {
    QueueFull() : PyError("asyncio.QueueFull", "") {}
};
using lockstep::TimeoutError;

class EventLoop;
class TaskObject;

namespace detail {

// "hello" from "lockstep::asyncio::Coroutine<int> ns::hello(int)": a coroutine's name, as Python shows it.
std::string coroutineName(const char* functionName);
// Python's repr of an exception: ValueError('bad value'), CancelledError().
std::string exceptionRepr(const std::exception_ptr& e);
// "Type: message", as a traceback's last line.
std::string exceptionText(const std::exception_ptr& e);
bool isCancelledError(const std::exception_ptr& e);

template <typename U>
using ValueOf = std::conditional_t<std::is_void_v<U>, NoneType, U>;

template <typename T>
std::string valueRepr(const T& v) {
    if constexpr (std::is_same_v<T, NoneType>) return "None";
    else if constexpr (requires { str(v); }) return repr(v);
    else return "<object>";
}

// What every coroutine promise shares: where to go when it finishes, and the exception it ended with.
struct PromiseBase {
    // The default argument is evaluated in the coroutine itself, so it names the coroutine function.
    explicit PromiseBase(std::source_location where = std::source_location::current())
        : name(coroutineName(where.function_name())) {}
    virtual ~PromiseBase() = default;
    std::coroutine_handle<> continuation;  // the coroutine awaiting this one, resumed at its end
    std::exception_ptr exception;
    std::string name;                      // the coroutine function's name, for warnings and task names
    bool started = false;                  // awaited or wrapped in a task: not "never awaited"

    // A task's result leaves its frame when the task ends (futures hold results as std::any).
    virtual std::any takeValue() { return {}; }
    virtual std::string resultRepr() const { return "None"; }

    struct FinalAwaiter {
        bool await_ready() const noexcept { return false; }
        template <typename P>
        std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) const noexcept {
            auto c = h.promise().continuation;
            return c ? c : std::noop_coroutine();
        }
        void await_resume() const noexcept {}
    };
    std::suspend_always initial_suspend() const noexcept { return {}; }
    FinalAwaiter final_suspend() const noexcept { return {}; }
    // A Python-style error ends the coroutine and is kept for whoever awaits it. The engine's AbortRun (the
    // run is being torn down) must unwind the loop's actor instead: it leaves resume().
    void unhandled_exception();
};

template <typename T>
struct Promise : PromiseBase {
    using PromiseBase::PromiseBase;
    std::optional<T> value;
    template <typename U>
    void return_value(U&& v) {
        value.emplace(std::forward<U>(v));
    }
    std::any takeValue() override {
        if constexpr (std::is_copy_constructible_v<T>) {
            if (value) return std::any(std::move(*value));
        }
        return {};
    }
    std::string resultRepr() const override { return value ? valueRepr(*value) : std::string("None"); }
};

template <>
struct Promise<void> : PromiseBase {
    using PromiseBase::PromiseBase;
    void return_void() noexcept {}
    std::any takeValue() override { return std::any(NoneType{}); }
};

// Prints Python's warning for a coroutine object that was dropped without ever running.
void warnNeverAwaited(const std::string& name);

}  // namespace detail

template <typename T = void>
class [[nodiscard]] Coroutine {
public:
    struct promise_type : detail::Promise<T> {
        // Only here is the default argument evaluated inside the coroutine function (see PromiseBase).
        promise_type(std::source_location where = std::source_location::current()) : detail::Promise<T>(where) {}
        Coroutine get_return_object() {
            return Coroutine(std::coroutine_handle<promise_type>::from_promise(*this));
        }
    };
    using Handle = std::coroutine_handle<promise_type>;
    using value_type = T;

    Coroutine() = default;
    explicit Coroutine(Handle h) : handle_(h) {}
    Coroutine(Coroutine&& o) noexcept : handle_(std::exchange(o.handle_, {})) {}
    Coroutine& operator=(Coroutine&& o) noexcept {
        if (this != &o) {
            reset();
            handle_ = std::exchange(o.handle_, {});
        }
        return *this;
    }
    Coroutine(const Coroutine&) = delete;
    Coroutine& operator=(const Coroutine&) = delete;
    ~Coroutine() { reset(); }

    // Names the coroutine for warnings and tasks ("hello"): co_return-ing functions can't know their name.
    Coroutine&& named(std::string name) && {
        if (handle_) handle_.promise().name = std::move(name);
        return std::move(*this);
    }
    const std::string& name() const {
        static const std::string none;
        return handle_ ? handle_.promise().name : none;
    }

    // `co_await coro` runs it inside the awaiting task, to its end, and gives its result.
    auto operator co_await() && noexcept {
        struct Awaiter {
            Handle h;
            bool await_ready() const noexcept { return false; }
            std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
                h.promise().continuation = awaiting;
                h.promise().started = true;
                return h;
            }
            T await_resume() {
                if (h.promise().exception) std::rethrow_exception(h.promise().exception);
                if constexpr (!std::is_void_v<T>) return std::move(*h.promise().value);
            }
        };
        return Awaiter{handle_};
    }

    Handle release() { return std::exchange(handle_, {}); }
    Handle handle() const { return handle_; }

private:
    void reset() {
        if (!handle_) return;
        if (!handle_.promise().started) detail::warnNeverAwaited(handle_.promise().name);
        handle_.destroy();
        handle_ = {};
    }
    Handle handle_;
};

// The engine side of an asyncio.Future (and of a Task, which is a future): its state, its result or
// exception, and the callbacks it schedules on the loop when it ends. Futures the loop makes for its own
// waits (a queue's getter, a lock's waiter) are not registered: they have no object in the trace, and the
// waiting task's Await names the queue or lock instead.
class FutureCore : public SyncObject {
public:
    explicit FutureCore(EventLoop& loop) : loop(&loop) {}
    EventLoop* loop;
    TaskState state = TaskState::Pending;
    std::string name;
    std::any value;
    std::string resultRepr = "None";
    std::exception_ptr exception;
    std::string cancelMessage;
    bool retrieved = false;  // result()/exception() read or awaited: no "exception was never retrieved"

    bool finished() const {
        return state == TaskState::Done || state == TaskState::Failed || state == TaskState::Cancelled;
    }
    bool cancelled() const { return state == TaskState::Cancelled; }

    // Future.cancel(msg): a pending future ends cancelled and its callbacks are scheduled; false when done.
    virtual bool cancel(const std::string& message = {});
    // set_result / set_exception: InvalidStateError when already done.
    void setResult(std::any v, std::string repr);
    void setException(std::exception_ptr e);
    // Throws what result() would: CancelledError, the exception, or InvalidStateError when not done.
    void checkResult();

    // A callback for when it ends, run through the loop's ready queue (at once if it has ended). `shownAs`
    // is the object the loop's Callback event names (kNoObject: the future itself). Returns an id for
    // removeCallback.
    std::uint64_t addCallback(std::function<void()> fn, ObjectId shownAs = kNoObject);
    // Or wake a task suspended on it (its coroutine `h`) when it ends.
    std::uint64_t addWaiter(TaskObject& task, std::coroutine_handle<> h);
    void removeCallback(std::uint64_t id);

    // Ends it in `final` (recorded as Run Done/Error/Cancelled) and schedules its callbacks.
    void complete(TaskState final);

private:
    struct Callback {
        std::uint64_t id;
        std::function<void()> fn;
        ObjectId shownAs;
        TaskObject* task;
        std::coroutine_handle<> h;
    };
    void schedule(Callback& c);
    std::vector<Callback> callbacks_;
    std::uint64_t nextCallback_ = 0;
};

// The engine side of a task: the coroutine it drives and how a cancel() reaches it.
class TaskObject : public FutureCore {
public:
    using FutureCore::FutureCore;
    std::string coroName;
    std::coroutine_handle<> root;                // the task's outermost coroutine frame
    detail::PromiseBase* promise = nullptr;      // its promise (exception, result)
    bool ownedByRun = false;                     // asyncio.run()'s main: run() destroys its frame
    // While suspended: cancels what the task waits on (a child task, a future, a sleep's timer); true when
    // that will wake the task with CancelledError.
    std::function<bool(const std::string&)> cancelWaiter;
    std::uint16_t line = 0;       // the listing line the task was on when it suspended, restored on resume
    bool mustCancel = false;      // cancel() found nothing to cancel: throw CancelledError at the next resume
    bool throwOnResume = false;   // set by the loop for the await the task resumes in
    bool cancel(const std::string& message = {}) override;
    // The awaiter the task resumes in calls this first: CancelledError when a cancel() is due.
    void checkCancelOnResume();
};

namespace detail {
// co_await on a future: suspends the running task until it ends (the task's Await names `shownAs`, or the
// future itself), then gives its result or raises its exception.
struct FutureAwaiterBase {
    std::shared_ptr<FutureCore> f;
    ObjectId shownAs = kNoObject;
    std::uint8_t flags = 0;
    TaskObject* task = nullptr;
    bool await_ready() const noexcept { return f->finished(); }
    void await_suspend(std::coroutine_handle<> h);
    void resume();  // cancellation, then result() checks
};
template <typename T>
struct FutureAwaiter : FutureAwaiterBase {
    T await_resume() {
        resume();
        if constexpr (!std::is_void_v<T>) return std::any_cast<T>(f->value);
    }
};
// An awaiter for a future, to be kept in a named variable: GCC 12 destroys a braced temporary inside a
// co_await expression twice (and rejects braced lists there), which here would drop a reference too many.
inline FutureAwaiter<void> awaiting(std::shared_ptr<FutureCore> f, ObjectId shownAs = kNoObject, std::uint8_t flags = 0) {
    FutureAwaiter<void> a;
    a.f = std::move(f);
    a.shownAs = shownAs;
    a.flags = flags;
    return a;
}
}  // namespace detail

// A callback's handle: cancel() before it runs and it never does (asyncio.Handle / TimerHandle).
class Handle {
public:
    Handle() = default;
    explicit Handle(std::shared_ptr<bool> cancelled) : cancelled_(std::move(cancelled)) {}
    void cancel() {
        if (cancelled_) *cancelled_ = true;
    }
    bool cancelled() const { return cancelled_ && *cancelled_; }

private:
    std::shared_ptr<bool> cancelled_;
};

// asyncio.Future: a result that will be set; tasks are futures too. Copies refer to one future.
template <typename T = void>
class Future {
public:
    using value_type = T;
    Future() = default;
    explicit Future(std::shared_ptr<FutureCore> core) : core_(std::move(core)) {}

    bool done() const { return core_ && core_->finished(); }
    bool cancelled() const { return core_ && core_->cancelled(); }
    bool cancel(const std::string& message = {}) const { return core_->cancel(message); }
    // result(): the value, or raises the exception, CancelledError, or InvalidStateError before the end.
    T result() const {
        core_->checkResult();
        if constexpr (!std::is_void_v<T>) return std::any_cast<T>(core_->value);
    }
    // exception(): the exception's "Type: message", or nullopt when it returned; raises like result() when
    // cancelled or not done.
    std::optional<std::string> exception() const;
    void set_result(detail::ValueOf<T> v) const {
        const std::string r = detail::valueRepr(v);
        core_->setResult(std::any(std::move(v)), r);
    }
    void set_result() const
        requires std::is_void_v<T>
    {
        set_result(NoneType{});
    }
    void set_exception(const PyError& e) const { core_->setException(std::make_exception_ptr(e)); }
    // add_done_callback(fn): fn(future) runs on the loop, as its own callback, once the future ends.
    void add_done_callback(std::function<void(Future<T>)> fn, std::string name = "callback") const;

    const std::string& get_name() const { return core_->name; }
    ObjectId objectId() const { return core_ ? core_->id() : kNoObject; }
    const std::shared_ptr<FutureCore>& core() const { return core_; }

    auto operator co_await() const noexcept { return detail::FutureAwaiter<T>{{core_}}; }

protected:
    std::shared_ptr<FutureCore> core_;
};

// asyncio.Task: a scheduled coroutine, and the future of its result.
template <typename T = void>
class Task : public Future<T> {
public:
    Task() = default;
    explicit Task(std::shared_ptr<TaskObject> object) : Future<T>(std::move(object)) {}
    const std::string& get_coro() const { return static_cast<TaskObject&>(*this->core_).coroName; }
};

namespace detail {
// Starts a loop for `root` on the calling actor and runs it to the end of root (and of the tasks asyncio.run
// cancels after it). Returns root's task, ended.
std::shared_ptr<TaskObject> runLoop(std::coroutine_handle<> root, PromiseBase* promise, const std::string& name);
}  // namespace detail

class EventLoop {
public:
    // The loop of the calling actor, created by run(); throws RuntimeError (Python's "no running event
    // loop") when there is none.
    static EventLoop& current();
    static EventLoop* currentOrNull();

    // loop.create_task(coro, name=None): wrap a coroutine in a task scheduled to start soon.
    template <typename T>
    Task<T> create_task(Coroutine<T> coro, std::string name = {}) {
        auto h = coro.release();
        auto object = newTask(h, &h.promise(), h.promise().name, std::move(name));
        return Task<T>(object);
    }
    // loop.create_future()
    template <typename T = void>
    Future<T> create_future(std::string name = {}) {
        return Future<T>(newFuture(name.empty() ? "Future-" + std::to_string(++futureCounter_) : std::move(name)));
    }
    // loop.call_soon / call_later / call_at: run a callback on the loop soon, after a delay, or when the
    // loop's clock reaches `when` (seconds, as loop.time() gives). The name is what the timeline shows.
    Handle call_soon(std::function<void()> fn, std::string name = "callback");
    Handle call_later(std::chrono::nanoseconds delay, std::function<void()> fn, std::string name = "callback");
    Handle call_at(double when, std::function<void()> fn, std::string name = "callback");
    // loop.time(): the virtual clock, in seconds.
    double time() const;
    // loop.run_in_executor(None, fn, *args): fn(*args) in a real worker thread of the loop's default
    // ThreadPoolExecutor; the future ends, on the loop, when the thread returns.
    template <typename F, typename... Args>
    auto run_in_executor(std::nullptr_t, F fn, Args... args);

    // The loop's side, for awaiters and primitives.
    ActorId actor() const { return actor_; }
    TaskObject* runningTask() const { return running_; }
    void noteAwait(TaskObject& task, std::int32_t arg, std::uint8_t flags);
    // Resume a suspended coroutine of `task` soon (recorded as Await Woken).
    void wakeSoon(TaskObject& task, std::coroutine_handle<> h);
    // Run `fn` as a loop callback soon; the Callback event names `shownAs`.
    void callSoonInternal(std::function<void()> fn, ObjectId shownAs, std::shared_ptr<bool> cancelled = {});
    // A timer: `fn` runs inline when the loop's clock reaches `at` (it schedules what it must). Returns a
    // flag that cancels it.
    std::shared_ptr<bool> addTimer(Nanos at, std::function<void()> fn);
    // From another actor (a worker thread): run `fn` on the loop soon and wake the loop if it waits.
    void callSoonThreadsafe(std::function<void()> fn, ObjectId shownAs);
    std::shared_ptr<FutureCore> newFuture(std::string name, bool registered = true);
    std::shared_ptr<TaskObject> newTask(std::coroutine_handle<> root, detail::PromiseBase* promise,
                                        std::string coroName, std::string name);
    Execution& execution() const { return *ex_; }
    ObjectId objectId() const;
    ThreadPoolExecutor& defaultExecutor();
    // A "never awaited" warning printed when the running step ends (see run()).
    void warnLater(std::string coroutineName) { laterWarnings_.push_back(std::move(coroutineName)); }

    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;
    ~EventLoop();

private:
    friend std::shared_ptr<TaskObject> detail::runLoop(std::coroutine_handle<>, detail::PromiseBase*,
                                                       const std::string&);
    EventLoop() = default;
    struct Ready {
        TaskObject* task = nullptr;  // a task's step, or:
        std::coroutine_handle<> h;
        std::function<void()> fn;    // a callback
        ObjectId shownAs = kNoObject;
        std::shared_ptr<bool> cancelled;
    };
    struct Timer {
        Nanos at;
        std::uint64_t seq;
        std::function<void()> fn;
        std::shared_ptr<bool> cancelled;
    };
    Handle scheduleUser(std::function<void()> fn, std::string name, std::optional<Nanos> at);
    void runUntilComplete(const std::shared_ptr<TaskObject>& main);
    void runOnce();
    void openStep();
    void stepTask(TaskObject& task, std::coroutine_handle<> h, std::size_t queued);
    void finishTask(TaskObject& task);
    // asyncio.run()'s end: cancel what is left, let it finish, stop the default executor's threads, and
    // report failed tasks whose exception nobody retrieved.
    void shutdown();

    Execution* ex_ = nullptr;
    ActorId actor_ = kNoActor;
    std::deque<Ready> ready_;
    std::vector<Timer> timers_;  // a heap by (at, seq)
    std::uint64_t timerSeq_ = 0;
    std::vector<std::shared_ptr<TaskObject>> tasks_;
    std::vector<std::shared_ptr<FutureCore>> futures_;  // registered futures, for the end-of-run report
    TaskObject* running_ = nullptr;
    int taskCounter_ = 0;
    int futureCounter_ = 0;
    bool stepOpen_ = false;
    int threadWork_ = 0;  // run_in_executor calls whose thread has not handed its result back
    std::shared_ptr<SyncObject> selector_;
    std::unique_ptr<ThreadPoolExecutor> executor_;
    std::vector<std::string> laterWarnings_;
};

// asyncio.get_running_loop()
inline EventLoop& get_running_loop() { return EventLoop::current(); }

// asyncio.sleep(d): suspends the running task for d of virtual time; sleep(0) only lets the others run.
struct SleepAwaiter {
    Nanos delay;
    TaskObject* task = nullptr;
    std::shared_ptr<bool> timer;
    bool cancelled = false;
    std::string message;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h);
    void await_resume();
};
inline SleepAwaiter sleep(std::chrono::nanoseconds d) { return SleepAwaiter{d.count()}; }

template <typename T>
Task<T> create_task(Coroutine<T> coro, std::string name = {}) {
    return EventLoop::current().create_task(std::move(coro), std::move(name));
}

// asyncio.current_task(): the task running now.
std::string current_task_name();

namespace detail {
// What gather/wait accept: a coroutine (wrapped in a task) or a task or future.
template <typename A>
struct AwaitableTraits;
template <typename T>
struct AwaitableTraits<Coroutine<T>> {
    using value = T;
    static Future<T> ensure(Coroutine<T>&& c) { return create_task(std::move(c)); }
};
template <typename T>
struct AwaitableTraits<Task<T>> {
    using value = T;
    static Future<T> ensure(Task<T>&& t) { return std::move(t); }
};
template <typename T>
struct AwaitableTraits<Future<T>> {
    using value = T;
    static Future<T> ensure(Future<T>&& f) { return std::move(f); }
};
template <typename A>
using ValueOfAwaitable = ValueOf<typename AwaitableTraits<std::decay_t<A>>::value>;

// gather()'s outer future, as CPython's _GatheringFuture: cancelling it cancels every child.
std::shared_ptr<FutureCore> gatherFuture(EventLoop& loop, std::vector<std::shared_ptr<FutureCore>> children,
                                         bool returnExceptions);
template <typename T>
ValueOf<T> valueOfChild(const FutureCore& f) {
    return std::any_cast<ValueOf<T>>(f.value);
}
}  // namespace detail

// What a child of gather(..., return_exceptions=True) gave: its value, or the exception it raised.
template <typename T>
struct Outcome {
    std::optional<detail::ValueOf<T>> value;
    std::optional<std::string> error;       // "Type: message"
    std::string errorRepr;                  // ValueError('bad'), as Python's list shows it
    bool ok() const { return value.has_value(); }
};
template <typename T>
std::string repr(const Outcome<T>& o) {
    return o.ok() ? detail::valueRepr(*o.value) : o.errorRepr;
}
template <typename T>
std::string str(const Outcome<T>& o) {
    return repr(o);
}

// asyncio.gather(*aws): runs coroutines as tasks at once (tasks and futures as they are) and gives their
// results in order. The first exception is raised at once (the others keep running); cancelling the gather
// cancels every child. Calling gather() makes a coroutine: the children start when it is awaited.
template <typename... As>
Coroutine<std::tuple<detail::ValueOfAwaitable<As>...>> gather(As... aws) {
    EventLoop& loop = EventLoop::current();
    // Braces: left to right, so the tasks start in the order they were passed, as in Python.
    std::tuple<Future<typename detail::AwaitableTraits<As>::value>...> futures{
        detail::AwaitableTraits<As>::ensure(std::move(aws))...};
    std::vector<std::shared_ptr<FutureCore>> children;
    std::apply([&](auto&... f) { (children.push_back(f.core()), ...); }, futures);
    auto outer = detail::gatherFuture(loop, children, false);
    auto awaiter = detail::awaiting(outer);
    co_await awaiter;
    co_return std::apply(
        [](auto&... f) {
            return std::tuple<detail::ValueOfAwaitable<As>...>{
                detail::valueOfChild<typename std::decay_t<decltype(f)>::value_type>(*f.core())...};
        },
        futures);
}

// gather(list): the results as a list.
template <typename A>
Coroutine<std::vector<detail::ValueOfAwaitable<A>>> gather(std::vector<A> aws) {
    EventLoop& loop = EventLoop::current();
    using T = typename detail::AwaitableTraits<A>::value;
    std::vector<std::shared_ptr<FutureCore>> children;
    children.reserve(aws.size());
    for (auto& a : aws) children.push_back(detail::AwaitableTraits<A>::ensure(std::move(a)).core());
    auto outer = detail::gatherFuture(loop, children, false);
    auto awaiter = detail::awaiting(outer);
    co_await awaiter;
    std::vector<detail::ValueOf<T>> results;
    results.reserve(children.size());
    for (auto& c : children) results.push_back(detail::valueOfChild<T>(*c));
    co_return results;
}

// gather(list, return_exceptions=True): every child's value or exception, in order; nothing is raised.
struct ReturnExceptions {};
inline constexpr ReturnExceptions return_exceptions{};
template <typename A>
Coroutine<std::vector<Outcome<typename detail::AwaitableTraits<A>::value>>> gather(std::vector<A> aws,
                                                                                   ReturnExceptions how) {
    (void)how;
    EventLoop& loop = EventLoop::current();
    using T = typename detail::AwaitableTraits<A>::value;
    std::vector<std::shared_ptr<FutureCore>> children;
    for (auto& a : aws) children.push_back(detail::AwaitableTraits<A>::ensure(std::move(a)).core());
    auto outer = detail::gatherFuture(loop, children, true);
    auto awaiter = detail::awaiting(outer);
    co_await awaiter;
    std::vector<Outcome<T>> results(children.size());
    for (std::size_t i = 0; i < children.size(); ++i) {
        FutureCore& c = *children[i];
        c.retrieved = true;
        if (c.state == TaskState::Done) {
            results[i].value = detail::valueOfChild<T>(c);
        } else {
            const std::exception_ptr e =
                c.cancelled() ? std::make_exception_ptr(CancelledError(c.cancelMessage)) : c.exception;
            results[i].error = detail::exceptionText(e);
            results[i].errorRepr = detail::exceptionRepr(e);
        }
    }
    co_return results;
}

// asyncio.wait(fs, timeout=None, return_when=ALL_COMPLETED): waits, without cancelling anything, until all
// (or the first, or the first to raise) have ended or the timeout passes, and gives (done, pending) in the
// order of fs.
enum class ReturnWhen { ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION };
inline constexpr ReturnWhen ALL_COMPLETED = ReturnWhen::ALL_COMPLETED;
inline constexpr ReturnWhen FIRST_COMPLETED = ReturnWhen::FIRST_COMPLETED;
inline constexpr ReturnWhen FIRST_EXCEPTION = ReturnWhen::FIRST_EXCEPTION;

namespace detail {
Coroutine<void> waitCore(std::vector<std::shared_ptr<FutureCore>> fs, std::optional<Nanos> timeout, ReturnWhen when);
Coroutine<void> cancelAndWait(std::shared_ptr<FutureCore> f);
}  // namespace detail

template <typename F>
struct WaitResult {
    std::vector<F> done;
    std::vector<F> pending;
};

template <typename F>
Coroutine<WaitResult<F>> wait(std::vector<F> fs, std::optional<std::chrono::nanoseconds> timeout = std::nullopt,
                              ReturnWhen return_when = ALL_COMPLETED) {
    std::vector<std::shared_ptr<FutureCore>> cores;
    for (const F& f : fs) cores.push_back(f.core());
    std::optional<Nanos> t;
    if (timeout) t = timeout->count();
    co_await detail::waitCore(std::move(cores), t, return_when);
    WaitResult<F> r;
    for (F& f : fs) (f.done() ? r.done : r.pending).push_back(std::move(f));
    co_return r;
}

// asyncio.wait_for(aw, timeout): the result of aw, or, when the timeout passes first, aw is cancelled (and
// waited for) and TimeoutError is raised. Cancelling wait_for cancels aw.
template <typename A>
Coroutine<typename detail::AwaitableTraits<A>::value> wait_for(A aw, std::chrono::nanoseconds timeout) {
    using T = typename detail::AwaitableTraits<A>::value;
    Future<T> fut = detail::AwaitableTraits<A>::ensure(std::move(aw));
    EventLoop& loop = EventLoop::current();
    auto core = fut.core();
    if (timeout.count() <= 0) {
        if (!fut.done()) {
            co_await detail::cancelAndWait(core);
            throw TimeoutError();
        }
        co_return fut.result();
    }
    auto waiter = loop.newFuture("wait_for", false);
    auto release = [waiter] {
        if (!waiter->finished()) waiter->setResult(std::any(NoneType{}), "None");
    };
    auto timer = loop.addTimer(loop.execution().now() + timeout.count(), [&loop, release, id = core->id()] {
        loop.callSoonInternal(release, id);
    });
    const std::uint64_t cb = core->addCallback(release);
    bool cancelledHere = false;
    try {
        auto awaiter = detail::awaiting(waiter, core->id(), TraceEvent::HasTimeout);
        co_await awaiter;
    } catch (const CancelledError&) {
        cancelledHere = true;
    }
    *timer = true;
    if (fut.done()) co_return fut.result();
    core->removeCallback(cb);
    co_await detail::cancelAndWait(core);
    if (cancelledHere) throw CancelledError();
    throw TimeoutError();
}

// asyncio.shield(aw): a future that ends as aw does, except that cancelling it leaves aw running.
template <typename A>
Future<typename detail::AwaitableTraits<A>::value> shield(A aw) {
    using T = typename detail::AwaitableTraits<A>::value;
    Future<T> inner = detail::AwaitableTraits<A>::ensure(std::move(aw));
    if (inner.done()) return inner;
    EventLoop& loop = EventLoop::current();
    auto outer = loop.newFuture("shield(" + inner.get_name() + ")");
    auto in = inner.core();
    std::weak_ptr<FutureCore> weakOuter = outer;
    in->addCallback(
        [in, weakOuter] {
            auto o = weakOuter.lock();
            if (!o || o->cancelled()) {
                if (!in->cancelled()) in->retrieved = true;
                return;
            }
            if (o->finished()) return;
            if (in->cancelled()) o->cancel();
            else if (in->exception) o->setException(in->exception), in->retrieved = true;
            else o->setResult(in->value, in->resultRepr);
        },
        outer->id());
    return Future<T>(outer);
}

// asyncio.to_thread(fn, *args): fn(*args) in a real worker thread; awaiting it gives fn's result.
template <typename F, typename... Args>
auto to_thread(F fn, Args... args) {
    return EventLoop::current().run_in_executor(nullptr, std::move(fn), std::move(args)...);
}

template <typename F, typename... Args>
auto EventLoop::run_in_executor(std::nullptr_t, F fn, Args... args) {
    using R = std::invoke_result_t<F&, Args&...>;
    using V = detail::ValueOf<R>;
    std::string name = "to_thread";
    if constexpr (lockstep::detail::IsDef<F>::value) name = "to_thread(" + fn.name + ")";
    auto fut = newFuture(std::move(name));
    // The worker keeps what it computed here; the loop reads it when the thread hands the result back.
    struct Outcome {
        std::optional<V> value;
        std::exception_ptr error;
    };
    auto out = std::make_shared<Outcome>();
    ++threadWork_;
    auto call = [out, fn = std::move(fn), ... args = std::move(args)]() mutable {
        try {
            if constexpr (std::is_void_v<R>) {
                std::invoke(fn, args...);
                out->value = NoneType{};
            } else {
                out->value = std::invoke(fn, args...);
            }
        } catch (const PyError&) {
            out->error = std::current_exception();
            throw;
        }
    };
    auto cf = defaultExecutor().submit(std::move(call));
    EventLoop* loop = this;
    std::weak_ptr<FutureCore> weak = fut;
    const ObjectId shown = fut->id();
    cf.add_done_callback([loop, weak, out, shown](auto) {
        loop->callSoonThreadsafe(
            [loop, weak, out] {
                --loop->threadWork_;
                auto f = weak.lock();
                if (!f || f->finished()) return;  // cancelled meanwhile: the thread's result is dropped
                if (out->error) f->setException(out->error);
                else if (out->value) f->setResult(std::any(*out->value), detail::valueRepr(*out->value));
                else f->setException(std::make_exception_ptr(RuntimeError("the worker thread was stopped")));
            },
            shown);
    });
    return Future<V>(fut);
}

template <typename T>
std::optional<std::string> Future<T>::exception() const {
    if (!core_->finished()) throw InvalidStateError("Exception is not set.");
    core_->retrieved = true;
    if (core_->cancelled()) throw CancelledError(core_->cancelMessage);
    if (!core_->exception) return std::nullopt;
    return detail::exceptionText(core_->exception);
}

template <typename T>
void Future<T>::add_done_callback(std::function<void(Future<T>)> fn, std::string name) const {
    EventLoop& loop = *core_->loop;
    auto shown = std::make_shared<SyncObject>();
    loop.execution().registerObject(shown, ObjectKind::AsyncCallback, std::move(name));
    std::weak_ptr<FutureCore> weak = core_;
    core_->addCallback(
        [weak, fn = std::move(fn)] {
            if (auto c = weak.lock()) fn(Future<T>(c));
        },
        shown->id());
}

// asyncio.Lock, Event, Semaphore and Queue: for tasks of one loop, built as CPython builds them (a deque of
// waiter futures; a release wakes the first waiter). They record Acquire/Release, Set/Clear, Put/Get on their
// own object; a task waiting on one shows an Await naming it.
class Lock {
public:
    explicit Lock(std::string name = {});
    // async with lock / await lock.acquire()
    Coroutine<bool> acquire();
    void release();
    bool locked() const;
    ObjectId objectId() const;
    class State;

private:
    std::shared_ptr<State> state_;
};

class Event {
public:
    explicit Event(std::string name = {});
    Coroutine<bool> wait();
    void set();
    void clear();
    bool is_set() const;
    ObjectId objectId() const;
    class State;

private:
    std::shared_ptr<State> state_;
};

class Semaphore {
public:
    explicit Semaphore(std::int64_t value = 1, std::string name = {}, bool bounded = false);
    Coroutine<bool> acquire();
    void release();
    bool locked() const;
    std::int64_t value() const;
    ObjectId objectId() const;
    class State;

private:
    std::shared_ptr<State> state_;
};
class BoundedSemaphore : public Semaphore {
public:
    explicit BoundedSemaphore(std::int64_t value = 1, std::string name = {}) : Semaphore(value, std::move(name), true) {}
};

namespace detail {
// What Queue<T> shares whatever its items: waiters, counts and the trace.
class QueueBase : public SyncObject {
public:
    explicit QueueBase(std::int64_t maxsize) : maxsize(maxsize) {}
    std::int64_t maxsize;
    std::deque<std::shared_ptr<FutureCore>> getters, putters, joiners;
    std::int64_t unfinished = 0;
    virtual std::size_t size() const = 0;
    bool full() const { return maxsize > 0 && static_cast<std::int64_t>(size()) >= maxsize; }
    // Suspends the running task on a new waiter in `waiters` until woken; cleans up on cancellation.
    Coroutine<void> waitIn(std::deque<std::shared_ptr<FutureCore>>& waiters, bool isGetter);
    void wakeupNext(std::deque<std::shared_ptr<FutureCore>>& waiters);
    // Put/Get events on the queue's object, with its size after.
    void notePut();
    void noteGet();
    void taskDone();
    Coroutine<void> join();
};
template <typename T>
class QueueState : public QueueBase {
public:
    using QueueBase::QueueBase;
    std::deque<T> items;
    std::size_t size() const override { return items.size(); }
};
std::shared_ptr<QueueBase> registerQueue(std::shared_ptr<QueueBase> q, std::string name);
}  // namespace detail

// asyncio.Queue(maxsize=0)
template <typename T>
class Queue {
public:
    explicit Queue(std::int64_t maxsize = 0, std::string name = {})
        : q_(std::static_pointer_cast<detail::QueueState<T>>(detail::registerQueue(
              std::make_shared<detail::QueueState<T>>(maxsize), std::move(name)))) {}

    Coroutine<void> put(T item) {
        auto q = q_;
        while (q->full()) co_await q->waitIn(q->putters, false);
        put_nowait(std::move(item));
    }
    void put_nowait(T item) {
        if (q_->full()) throw QueueFull();
        q_->items.push_back(std::move(item));
        ++q_->unfinished;
        q_->notePut();
        q_->wakeupNext(q_->getters);
    }
    Coroutine<T> get() {
        auto q = q_;
        while (q->items.empty()) co_await q->waitIn(q->getters, true);
        co_return get_nowait();
    }
    T get_nowait() {
        if (q_->items.empty()) throw QueueEmpty();
        T item = std::move(q_->items.front());
        q_->items.pop_front();
        q_->noteGet();
        q_->wakeupNext(q_->putters);
        return item;
    }
    // task_done(): ValueError when called more times than there were items.
    void task_done() { q_->taskDone(); }
    // join(): waits until every item put has had its task_done().
    Coroutine<void> join() { return q_->join(); }
    std::size_t qsize() const { return q_->size(); }
    bool empty() const { return q_->size() == 0; }
    bool full() const { return q_->full(); }
    std::int64_t maxsize() const { return q_->maxsize; }
    ObjectId objectId() const { return q_->id(); }

private:
    std::shared_ptr<detail::QueueState<T>> q_;
};

// asyncio.run(main()): runs an event loop on the calling actor until main ends, then cancels the tasks left
// and stops the loop's worker threads, and gives main's result. RuntimeError "asyncio.run() cannot be called
// from a running event loop" inside a running loop.
template <typename T>
T run(Coroutine<T> main) {
    auto h = main.release();
    // The frame goes however run() ends: with main's result, its exception, or the run being torn down.
    struct Destroy {
        decltype(h) handle;
        ~Destroy() {
            if (!handle.promise().started) {
                // Refused inside a running loop: Python prints the warning once the RuntimeError's traceback
                // (which keeps the coroutine alive) is gone, after the handler; the loop prints it when the
                // task's step ends.
                if (EventLoop* outer = EventLoop::currentOrNull(); outer && std::uncaught_exceptions() > 0)
                    outer->warnLater(handle.promise().name);
                else
                    detail::warnNeverAwaited(handle.promise().name);
            }
            handle.destroy();
        }
    } guard{h};
    auto task = detail::runLoop(h, &h.promise(), h.promise().name);
    if (!task) throw AbortRun{};
    task->retrieved = true;
    if (task->cancelled()) throw CancelledError(task->cancelMessage);
    if (task->exception) std::rethrow_exception(task->exception);
    if constexpr (!std::is_void_v<T>) return std::any_cast<T>(task->value);
}

}  // namespace lockstep::asyncio
