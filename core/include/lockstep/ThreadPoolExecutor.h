#pragma once
// concurrent.futures.ThreadPoolExecutor(max_workers=None, thread_name_prefix=""): submit, map, shutdown, and
// `with executor:` (With<ThreadPoolExecutor>). It follows CPython's thread.py: submit() puts a work item on a
// shared work queue and starts a worker thread unless an idle one is known to exist or max_workers threads
// already run; each worker takes items from the queue until shutdown() puts the None that tells it to stop.
// The workers are the engine's own threads (real OS threads, named "<prefix>_<n>"), and the work queue is a
// queue of the trace (named "<prefix>.work_queue"), so both show on the timeline.
//
// A ThreadPoolExecutor is a handle: copies refer to the same executor.

#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "lockstep/Execution.h"
#include "lockstep/Future.h"
#include "lockstep/Lock.h"
#include "lockstep/Repr.h"
#include "lockstep/Thread.h"

namespace lockstep {

// A callable with a name, as a Python function has one: def("task", [](int n) { ... }). A future submitted
// with it is called after the call, "task(3)", in the trace and on the timeline; other callables give
// "Future-N".
template <typename F>
struct Def {
    std::string name;
    F fn;
    template <typename... A>
    decltype(auto) operator()(A&&... args) {
        return fn(std::forward<A>(args)...);
    }
    template <typename... A>
    decltype(auto) operator()(A&&... args) const {
        return fn(std::forward<A>(args)...);
    }
};
template <typename F>
Def<std::decay_t<F>> def(std::string name, F&& fn) {
    return Def<std::decay_t<F>>{std::move(name), std::forward<F>(fn)};
}

namespace detail {
template <typename F>
struct IsDef : std::false_type {};
template <typename F>
struct IsDef<Def<F>> : std::true_type {};

// repr() of a result for the trace; a type print() cannot show appears as an opaque object, as in Python.
template <typename T>
std::string reprOrObject(const T& v) {
    if constexpr (requires { str(v); })
        return repr(v);
    else
        return "<object>";
}
}  // namespace detail

// One entry of the work queue: a future and the call that computes it. An empty one is the None that tells a
// worker to stop.
struct WorkItem {
    std::shared_ptr<FutureObject> future;
    std::function<void()> run;  // calls the callable and sets the future's result or exception
};
inline std::string repr(const WorkItem& w) {
    return w.future ? w.future->name : "None";
}

class ExecutorObject;

class ThreadPoolExecutor {
public:
    // max_workers: nullopt is Python's None, min(32, cores + 4); zero or less raises ValueError.
    explicit ThreadPoolExecutor(std::optional<std::int64_t> max_workers = std::nullopt,
                                std::string thread_name_prefix = {});

    // submit(fn, *args): schedules fn(*args) and returns its Future. RuntimeError after shutdown().
    template <typename F, typename... Args>
    auto submit(F&& fn, Args&&... args) {
        using R = std::invoke_result_t<std::decay_t<F>&, std::decay_t<Args>&...>;
        using V = std::conditional_t<std::is_void_v<R>, NoneType, R>;
        using State = typename Future<V>::State;
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor) return Future<V>();
        ex.beginStep();
        checkOpen(me);
        std::string name;
        if constexpr (detail::IsDef<std::decay_t<F>>::value) {
            name = fn.name + "(";
            [[maybe_unused]] bool first = true;
            ((name += (first ? "" : ", ") + detail::reprOrObject(args), first = false), ...);
            name += ")";
        }
        auto state = std::make_shared<State>();
        ex.registerObject(state, ObjectKind::Future, std::move(name), executorId());
        state->name = ex.trace().object(state->id()).name;
        auto call = [s = state, fn = std::forward<F>(fn), ... args = std::forward<Args>(args)]() mutable {
            try {
                if constexpr (std::is_void_v<R>)
                    std::invoke(fn, args...);
                else
                    s->value = std::invoke(fn, args...);
            } catch (const PyError& e) {
                s->finishWithException(e, std::current_exception());
                return;
            } catch (const std::exception& e) {
                const PyError error("InternalError", e.what());
                s->finishWithException(error, std::make_exception_ptr(error));
                return;
            }
            s->finishWithResult(detail::reprOrObject(s->value));
        };
        submitIn(me, WorkItem{state, std::move(call)});
        return Future<V>(std::move(state));
    }

    // map(fn, items, timeout=None): submits fn(item) for every item at once; iterating gives the results in
    // the order of the items, each waiting for its own future (see MapResults).
    template <typename F, typename Items>
    auto map(F&& fn, const Items& items, Timeout timeout = std::nullopt);

    // shutdown(wait=True, cancel_futures=False): no new submits; the workers stop once the queue is empty
    // (with cancel_futures the queued futures are cancelled first); with wait, joins every worker.
    void shutdown(bool wait = true, bool cancel_futures = false);

    ObjectId id() const { return executorId(); }
    std::int64_t max_workers() const;
    // The worker threads started so far, in order of creation.
    const std::vector<Thread>& threads() const;

private:
    void checkOpen(ActorId me);
    void submitIn(ActorId me, WorkItem item);
    ObjectId executorId() const;
    std::shared_ptr<ExecutorObject> object_;
};

// The iterator executor.map() returns: the results in item order. Reading element i waits for future i
// (result() with what is left of map's timeout), whatever finished before it. Leaving the loop early (an
// exception, a break) cancels the futures not yet read, as Python's generator does when it is closed.
template <typename T>
class MapResults {
public:
    MapResults(std::vector<Future<T>> futures, Nanos deadline)
        : futures_(std::move(futures)), deadline_(deadline) {}
    MapResults(MapResults&& other) noexcept
        : futures_(std::move(other.futures_)), deadline_(other.deadline_), read_(other.read_) {
        other.futures_.clear();
    }
    MapResults(const MapResults&) = delete;
    MapResults& operator=(const MapResults&) = delete;
    MapResults& operator=(MapResults&&) = delete;
    ~MapResults() {
        exitScope([this] {
            for (std::size_t i = read_; i < futures_.size(); ++i) futures_[i].cancel();
        });
    }

    class Iterator {
    public:
        Iterator(MapResults* owner, std::size_t i) : owner_(owner), i_(i) {}
        T operator*() const { return owner_->resultAt(i_); }
        Iterator& operator++() {
            ++i_;
            return *this;
        }
        bool operator!=(const Iterator& o) const { return i_ != o.i_; }
        bool operator==(const Iterator& o) const { return i_ == o.i_; }

    private:
        MapResults* owner_;
        std::size_t i_;
    };
    Iterator begin() { return Iterator(this, 0); }
    Iterator end() { return Iterator(this, futures_.size()); }
    const std::vector<Future<T>>& futures() const { return futures_; }

private:
    T resultAt(std::size_t i) {
        Timeout left;
        if (deadline_ != kForever) left = std::chrono::nanoseconds(deadline_ - Execution::current().now());
        T value = futures_[i].result(left);
        read_ = std::max(read_, i + 1);
        return value;
    }
    std::vector<Future<T>> futures_;
    Nanos deadline_ = kForever;
    std::size_t read_ = 0;
};

template <typename F, typename Items>
auto ThreadPoolExecutor::map(F&& fn, const Items& items, Timeout timeout) {
    Execution& ex = Execution::current();
    // As Python: the clock for the timeout starts now, before anything is submitted.
    const Nanos deadline = timeout ? ex.now() + std::max<Nanos>(0, timeout->count()) : kForever;
    using V = typename decltype(submit(fn, *std::begin(items)))::Value;
    std::vector<Future<V>> futures;
    for (const auto& item : items) futures.push_back(submit(fn, item));
    return MapResults<V>(std::move(futures), deadline);
}

// `with ThreadPoolExecutor(...) as executor:` — shutdown(wait=True) at the end of the scope, also when an
// exception passes.
template <>
class [[nodiscard]] With<ThreadPoolExecutor> {
public:
    explicit With(ThreadPoolExecutor& executor) : executor_(executor) {}
    ~With() {
        exitScope([this] { executor_.shutdown(true); });
    }
    With(const With&) = delete;
    With& operator=(const With&) = delete;

private:
    ThreadPoolExecutor& executor_;
};

}  // namespace lockstep
