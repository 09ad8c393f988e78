#pragma once
// queue.Queue(maxsize): put/get with block and timeout, task_done, join. Items are C++ values; the trace
// keeps their repr() so the inspector can show the queue's contents at any step.

#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "lockstep/Execution.h"
#include "lockstep/Lock.h"
#include "lockstep/PyError.h"
#include "lockstep/QueueObject.h"
#include "lockstep/Repr.h"

namespace lockstep {

template <typename T>
class Queue {
public:
    // `kind`: multiprocessing.Queue keeps its items in a queue like this one in the scheduler's process.
    explicit Queue(std::int64_t maxsize = 0, std::string name = {}, ObjectKind kind = ObjectKind::Queue)
        : state_(std::make_shared<State>(maxsize)) {
        Execution::current().registerObject(state_, kind, std::move(name), maxsize,
                                            static_cast<std::int32_t>(maxsize));
    }

    void put(T item, bool block = true, Timeout timeout = std::nullopt) {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor) return;
        ex.beginStep();
        const Nanos deadline = deadlineFor(ex, me, block, timeout);
        if (!state_->waitForRoom(me, block, deadline)) {
            if (ex.aborting()) return;
            ex.raise(me, id(), QueueFull());
        }
        const std::string text = repr(item);
        state_->items.push_back(std::move(item));
        state_->afterPut(me, text);
        ex.yieldPoint(me);
    }
    void put_nowait(T item) { put(std::move(item), false); }

    T get(bool block = true, Timeout timeout = std::nullopt) {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor) return T{};
        ex.beginStep();
        const Nanos deadline = deadlineFor(ex, me, block, timeout);
        if (!state_->waitForItem(me, block, deadline)) {
            if (ex.aborting()) return T{};
            ex.raise(me, id(), QueueEmpty());
        }
        T item = std::move(state_->items.front());
        state_->items.pop_front();
        state_->afterGet(me, repr(item));
        ex.yieldPoint(me);
        return item;
    }
    T get_nowait() { return get(false); }

    // get(timeout=...) that returns nothing when the timeout passes instead of raising queue.Empty: for code
    // built on a queue that raises an error of its own then (multiprocessing.pool's TimeoutError), so the
    // trace shows the Get's Timeout and that one error, not a queue.Empty nobody wrote.
    std::optional<T> getOrTimeout(Timeout timeout) {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor) return std::nullopt;
        ex.beginStep();
        const Nanos deadline = deadlineFor(ex, me, true, timeout);
        if (!state_->waitForItem(me, true, deadline)) return std::nullopt;
        T item = std::move(state_->items.front());
        state_->items.pop_front();
        state_->afterGet(me, repr(item));
        ex.yieldPoint(me);
        return item;
    }

    void task_done() {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor) return;
        ex.beginStep();
        state_->taskDone(me);
        ex.yieldPoint(me);
    }
    void join() {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor) return;
        ex.beginStep();
        state_->join(me);
    }

    std::size_t qsize() const {
        state_->noteRead();
        return state_->items.size();
    }
    bool empty() const { return qsize() == 0; }
    bool full() const { return state_->maxsize > 0 && static_cast<std::int64_t>(qsize()) >= state_->maxsize; }
    ObjectId id() const { return state_->id(); }

private:
    struct State : QueueObject {
        using QueueObject::QueueObject;
        std::deque<T> items;
    };
    static Nanos deadlineFor(Execution& ex, ActorId me, bool block, const Timeout& timeout) {
        if (!block || !timeout) return kForever;
        if (timeout->count() < 0) ex.raise(me, kNoObject, ValueError("'timeout' must be a non-negative number"));
        return ex.now() + timeout->count();
    }
    std::shared_ptr<State> state_;
};

}  // namespace lockstep
