#pragma once
// concurrent.futures.Future and as_completed(). A Future<T> is a handle: copies refer to the same future, as
// Python references do. Futures are made by ThreadPoolExecutor::submit() and map(); the scenario code waits
// for them with result(), exception() or as_completed().

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "lockstep/Execution.h"
#include "lockstep/FutureObject.h"
#include "lockstep/Lock.h"
#include "lockstep/Repr.h"

namespace lockstep {

namespace mp {
class ProcessPoolExecutor;
}

// The value of a callable that returns nothing: its future's result() is None.
struct NoneType {
    bool operator==(const NoneType&) const = default;
};
inline std::string str(NoneType) {
    return "None";
}
// print(future.exception()) shows the message, as str() of a Python exception does.
inline std::string str(const PyError& e) {
    return e.what();
}

template <typename T>
class Future {
    static_assert(std::is_default_constructible_v<T>,
                  "a future's value type needs a default value: it is what result() returns while a run is "
                  "being aborted");

public:
    using Value = T;

    Future() = default;  // refers to no future (what submit() returns while a run is being aborted)

    // result(timeout=None): waits until the future is done. Raises TimeoutError when the timeout passes
    // first, CancelledError when it was cancelled, and the callable's own exception when it raised.
    T result(Timeout timeout = std::nullopt) const {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor || !state_) return T{};
        ex.beginStep();
        if (!state_->awaitOutcome(me, Op::FutureResult, timeout, true)) return T{};
        ex.record(me, Op::FutureResult, id(), Result::Ok, ex.text(state_->resultRepr),
                  TraceEvent::ArgIsString);
        ex.yieldPoint(me);
        return state_->value;
    }

    // exception(timeout=None): waits like result(); the callable's exception, or nullopt (None) when it
    // returned.
    std::optional<PyError> exception(Timeout timeout = std::nullopt) const {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor || !state_) return std::nullopt;
        ex.beginStep();
        if (!state_->awaitOutcome(me, Op::FutureException, timeout, false)) return std::nullopt;
        const std::string text = state_->error ? state_->error->describe() : std::string("None");
        ex.record(me, Op::FutureException, id(), Result::Ok, ex.text(text), TraceEvent::ArgIsString);
        ex.yieldPoint(me);
        return state_->error;
    }

    // cancel(): succeeds only while the future is pending (still in the work queue); false once it runs or is
    // done.
    bool cancel() const {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor || !state_) return false;
        ex.beginStep();
        const bool cancelled = state_->cancelIn(me);
        ex.yieldPoint(me);
        if (cancelled) state_->runCallbacks(me);
        return cancelled;
    }

    // add_done_callback(fn): fn(future) runs in the thread that completes or cancels the future, or at once
    // in the calling thread when it is already done.
    void add_done_callback(std::function<void(Future<T>)> fn) const {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor || !state_) return;
        // A weak reference: a callback that refers to its own future would otherwise keep it alive for ever.
        std::weak_ptr<State> weak = state_;
        state_->addCallback(me, [weak, fn = std::move(fn)] {
            if (auto s = weak.lock()) fn(Future<T>(std::move(s)));
        });
    }

    // State queries take no step: they read what the last step left, like Thread.is_alive().
    bool cancelled() const { return state_ && (state_->noteRead(), state_->state == FutureState::Cancelled); }
    bool running() const { return state_ && (state_->noteRead(), state_->state == FutureState::Running); }
    bool done() const { return state_ && (state_->noteRead(), state_->done()); }
    FutureState state() const { return state_ ? state_->state : FutureState::Pending; }

    ObjectId id() const { return state_ ? state_->id() : kNoObject; }
    const std::string& name() const {
        static const std::string none;
        return state_ ? state_->name : none;
    }
    FutureObject* object() const { return state_.get(); }
    bool operator==(const Future& other) const { return state_ == other.state_; }

private:
    struct State final : FutureObject {
        T value{};
    };
    explicit Future(std::shared_ptr<State> state) : state_(std::move(state)) {}
    std::shared_ptr<State> state_;

    friend class ThreadPoolExecutor;
    friend class mp::ProcessPoolExecutor;
};

// for future in as_completed(futures, timeout=None): each future once, as it becomes done (those already done
// first, in the order they completed). Each step of the loop waits for the next one; TimeoutError when the
// timeout (counted from the call) passes with some still unfinished.
template <typename T>
class AsCompleted {
public:
    AsCompleted(std::vector<Future<T>> futures, Timeout timeout) {
        Execution& ex = Execution::current();
        deadline_ = timeout ? ex.now() + std::max<Nanos>(0, timeout->count()) : kForever;
        // A set in Python: each future once.
        for (Future<T>& f : futures) {
            bool seen = false;
            for (const Future<T>& g : left_) seen = seen || g == f;
            if (!seen && f.object()) left_.push_back(std::move(f));
        }
        total_ = left_.size();
    }
    AsCompleted(const AsCompleted&) = delete;
    AsCompleted& operator=(const AsCompleted&) = delete;

    struct End {};
    class Iterator {
    public:
        explicit Iterator(AsCompleted* owner) : owner_(owner) {}
        const Future<T>& operator*() const { return owner_->current_; }
        Iterator& operator++() {
            owner_->advance();
            return *this;
        }
        bool operator!=(End) const { return !owner_->finished_; }
        bool operator==(End) const { return owner_->finished_; }

    private:
        AsCompleted* owner_;
    };
    Iterator begin() {
        advance();
        return Iterator(this);
    }
    End end() const { return {}; }

private:
    void advance() {
        if (left_.empty()) {
            finished_ = true;
            return;
        }
        std::vector<FutureObject*> objects;
        for (const Future<T>& f : left_) objects.push_back(f.object());
        const int i = waitForFirstCompleted(objects, deadline_, total_);
        if (i < 0) {  // the run is being aborted
            finished_ = true;
            return;
        }
        current_ = left_[std::size_t(i)];
        left_.erase(left_.begin() + i);
    }

    std::vector<Future<T>> left_;
    Future<T> current_;
    Nanos deadline_ = kForever;
    std::size_t total_ = 0;
    bool finished_ = false;
};

template <typename T>
AsCompleted<T> as_completed(std::vector<Future<T>> futures, Timeout timeout = std::nullopt) {
    return AsCompleted<T>(std::move(futures), timeout);
}

}  // namespace lockstep
