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
// What the loop records: a Task object per task (Create), Resume when the loop runs a task up to its next
// await (result Started the first time), Await when the task suspends (on a sleep: arg in microseconds; on
// another task: arg its object id), and Run with Done or Error when the task ends. Each resume is one
// scheduling step of the loop's actor, so other threads interleave with the tasks.
//
// This is the loop's first part: create_task, sleep (sleep(0) yields), awaiting a coroutine or a task,
// gather of coroutines, results and exceptions, the never-awaited warning. Cancellation, wait, queues and
// the bridges to threads come next.

#include <chrono>
#include <coroutine>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <source_location>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "lockstep/SyncObject.h"
#include "lockstep/Types.h"

namespace lockstep::asyncio {

struct NoneType {
    bool operator==(const NoneType&) const = default;
};

class EventLoop;

namespace detail {

// "hello" from "lockstep::asyncio::Coroutine<int> ns::hello(int)": a coroutine's name, as Python shows it.
std::string coroutineName(const char* functionName);

// What every coroutine promise shares: where to go when it finishes, and the exception it ended with.
struct PromiseBase {
    // The default argument is evaluated in the coroutine itself, so it names the coroutine function.
    explicit PromiseBase(std::source_location where = std::source_location::current())
        : name(coroutineName(where.function_name())) {}
    std::coroutine_handle<> continuation;  // the coroutine awaiting this one, resumed at its end
    std::exception_ptr exception;
    std::string name;                      // the coroutine function's name, for warnings and task names
    bool started = false;                  // awaited or wrapped in a task: not "never awaited"

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
};

template <>
struct Promise<void> : PromiseBase {
    using PromiseBase::PromiseBase;
    void return_void() noexcept {}
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

// The engine side of a task: the coroutine it drives, its state and who waits for it.
class TaskObject : public SyncObject {
public:
    enum class State : std::uint8_t { Pending, Running, Waiting, Done, Failed, Cancelled };
    State state = State::Pending;
    std::string name;
    std::coroutine_handle<> root;                // the task's outermost coroutine frame
    detail::PromiseBase* promise = nullptr;      // its promise (exception, started)
    // Coroutines suspended on this task (with the task each belongs to), resumed when it ends.
    std::vector<std::pair<TaskObject*, std::coroutine_handle<>>> awaiting;
    bool ownedByRun = false;                     // asyncio.run()'s main: run() destroys its frame
    bool finished() const { return state == State::Done || state == State::Failed || state == State::Cancelled; }
};

// asyncio.Task: a handle to a scheduled coroutine. Copies refer to one task.
template <typename T = void>
class Task {
public:
    Task() = default;
    Task(std::shared_ptr<TaskObject> object, typename Coroutine<T>::Handle h) : object_(std::move(object)), h_(h) {}
    bool done() const { return object_ && object_->finished(); }
    const std::string& get_name() const { return object_->name; }
    ObjectId objectId() const { return object_ ? object_->id() : kNoObject; }

    // `co_await task` suspends until the task ends, then gives its result or raises its exception.
    auto operator co_await() const noexcept;

private:
    std::shared_ptr<TaskObject> object_;
    typename Coroutine<T>::Handle h_;
};

namespace detail {
// Starts a loop for `root` on the calling actor and runs it to the end of root.
void runLoop(std::coroutine_handle<> root, PromiseBase* promise, const std::string& name);
}  // namespace detail

class EventLoop {
public:
    // The loop of the calling actor, created by run(); throws RuntimeError (Python's "no running event
    // loop") when there is none.
    static EventLoop& current();
    static EventLoop* currentOrNull();

    // Wrap a coroutine in a task scheduled to start soon.
    template <typename T>
    Task<T> createTask(Coroutine<T> coro, std::string name = {}) {
        auto h = coro.release();
        auto object = newTask(h, &h.promise(), name.empty() ? h.promise().name : std::move(name));
        return Task<T>(object, h);
    }
    // Run a callback on the loop soon / after a delay of virtual time.
    void callSoon(std::function<void()> callback);
    void callLater(Nanos delay, std::function<void()> callback);
    // Runs until `main` ends; returns when it did. Throws what main raised.
    void runUntilComplete(const std::shared_ptr<TaskObject>& main);

    // For awaiters: the task running now, and suspending it (recorded as Await on `on`).
    TaskObject* runningTask() const { return running_; }
    void noteAwait(TaskObject& task, ObjectId on, std::int32_t arg, std::uint8_t flags);
    // Resume a suspended coroutine of `task` soon (a timer fired, an awaited task ended).
    void wakeSoon(TaskObject& task, std::coroutine_handle<> h);

    ~EventLoop();

private:
    friend void detail::runLoop(std::coroutine_handle<>, detail::PromiseBase*, const std::string&);
    struct Timer {
        Nanos at;
        std::uint64_t seq;
        std::function<void()> callback;
    };
    std::shared_ptr<TaskObject> newTask(std::coroutine_handle<> root, detail::PromiseBase* promise, std::string name);
    void step(TaskObject& task, std::coroutine_handle<> h);
    void finish(TaskObject& task);

    ActorId actor_ = kNoActor;
    std::vector<std::function<void()>> ready_;
    std::vector<Timer> timers_;  // a small heap by (at, seq)
    std::uint64_t timerSeq_ = 0;
    std::vector<std::shared_ptr<TaskObject>> tasks_;
    TaskObject* running_ = nullptr;
    int taskCounter_ = 0;
    std::shared_ptr<SyncObject> selector_;
};

template <typename T>
auto Task<T>::operator co_await() const noexcept {
    struct Awaiter {
        std::shared_ptr<TaskObject> object;
        typename Coroutine<T>::Handle h;
        bool await_ready() const noexcept { return object->finished(); }
        void await_suspend(std::coroutine_handle<> awaiting) {
            EventLoop& loop = EventLoop::current();
            TaskObject* me = loop.runningTask();
            if (me) loop.noteAwait(*me, object->id(), static_cast<std::int32_t>(object->id()), 0);
            object->awaiting.emplace_back(me, awaiting);
        }
        T await_resume() {
            if (h.promise().exception) std::rethrow_exception(h.promise().exception);
            if constexpr (!std::is_void_v<T>) return *h.promise().value;
        }
    };
    return Awaiter{object_, h_};
}

// asyncio.sleep(d): suspends the running task for d of virtual time; sleep(0) only lets the others run.
struct SleepAwaiter {
    Nanos delay;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h);
    void await_resume() const noexcept {}
};
inline SleepAwaiter sleep(std::chrono::nanoseconds d) { return SleepAwaiter{d.count()}; }

template <typename T>
Task<T> create_task(Coroutine<T> coro, std::string name = {}) {
    return EventLoop::current().createTask(std::move(coro), std::move(name));
}

// asyncio.gather(*coros): runs them as tasks at once and gives their results in order.
template <typename T>
Coroutine<std::vector<T>> gather(std::vector<Coroutine<T>> coros) {
    std::vector<Task<T>> tasks;
    tasks.reserve(coros.size());
    for (auto& c : coros) tasks.push_back(create_task(std::move(c)));
    std::vector<T> results;
    results.reserve(tasks.size());
    for (auto& t : tasks) results.push_back(co_await t);
    co_return results;
}
inline Coroutine<std::vector<NoneType>> gather(std::vector<Coroutine<void>> coros) {
    std::vector<Task<void>> tasks;
    tasks.reserve(coros.size());
    for (auto& c : coros) tasks.push_back(create_task(std::move(c)));
    for (auto& t : tasks) co_await t;
    co_return std::vector<NoneType>(tasks.size());
}
namespace detail {
template <typename U>
using ValueOf = std::conditional_t<std::is_void_v<U>, NoneType, U>;

template <typename U>
Coroutine<ValueOf<U>> valueOf(Task<U> task) {
    if constexpr (std::is_void_v<U>) {
        co_await task;
        co_return NoneType{};
    } else {
        co_return co_await task;
    }
}

// Awaits the tasks of a tuple one after the other (they all run meanwhile) into a tuple of results.
template <std::size_t I, typename Tasks, typename Results>
Coroutine<void> awaitEach(Tasks& tasks, Results& results) {
    if constexpr (I < std::tuple_size_v<Tasks>) {
        std::get<I>(results) = co_await valueOf(std::get<I>(tasks));
        co_await awaitEach<I + 1>(tasks, results);
    }
    co_return;
}
}  // namespace detail

template <typename... Ts>
Coroutine<std::tuple<detail::ValueOf<Ts>...>> gather(Coroutine<Ts>... coros) {
    // Braces: the tasks are created left to right (make_tuple's arguments have no order), so they start in
    // the order they were passed, as in Python.
    std::tuple<Task<Ts>...> tasks{create_task(std::move(coros))...};
    std::tuple<detail::ValueOf<Ts>...> results;
    co_await detail::awaitEach<0>(tasks, results);
    co_return results;
}

// asyncio.run(main()): runs an event loop on the calling actor until main ends, and gives its result.
// RuntimeError "asyncio.run() cannot be called from a running event loop" inside a running loop.
template <typename T>
T run(Coroutine<T> main) {
    auto h = main.release();
    // The frame goes however run() ends: with main's result, its exception, or the run being torn down.
    struct Destroy {
        decltype(h) handle;
        ~Destroy() {
            if (!handle.promise().started) detail::warnNeverAwaited(handle.promise().name);
            handle.destroy();
        }
    } guard{h};
    detail::runLoop(h, &h.promise(), h.promise().name);
    if (h.promise().exception) std::rethrow_exception(h.promise().exception);
    if constexpr (!std::is_void_v<T>) return std::move(*h.promise().value);
}

}  // namespace lockstep::asyncio
