#include "lockstep/FutureObject.h"

#include <algorithm>

#include "lockstep/Execution.h"

namespace lockstep {

namespace {

// as_completed() waits in the wait queue of every future it still waits for. The engine blocks an actor on
// one object, so this stands for all of them: a timeout takes the actor out of every queue. It is not in the
// trace's object table (the Blocked event names no object); the waker is whichever future becomes done.
class AnyFutureWait final : public SyncObject {
public:
    explicit AnyFutureWait(const std::vector<FutureObject*>& futures) : futures_(futures) {}
    void removeWaiter(ActorId a) override {
        for (FutureObject* f : futures_) {
            auto& q = f->waitersMut();
            q.erase(std::remove(q.begin(), q.end(), a), q.end());
        }
    }

private:
    const std::vector<FutureObject*>& futures_;
};

}  // namespace

void FutureObject::markDone(ActorId me) {
    Execution& ex = execution();
    completion = ex.trace().eventCount() + 1;
    ex.hbRelease(me, *this);  // what the task (or the canceller) did happens before result() returns
}

bool FutureObject::cancelIn(ActorId me) {
    Execution& ex = execution();
    if (state == FutureState::Running || state == FutureState::Finished || state == FutureState::Failed) {
        ex.record(me, Op::Cancel, id(), Result::Failed);
        return false;
    }
    if (state == FutureState::Pending) {
        state = FutureState::Cancelled;
        markDone(me);
    }
    ex.record(me, Op::Cancel, id(), Result::Ok);
    ex.wakeWaiters(waiters_);
    return true;
}

bool FutureObject::setRunningIn(ActorId me) {
    Execution& ex = execution();
    if (state != FutureState::Pending) {
        // Cancelled while it waited in the queue: the worker drops it (Python also notifies as_completed
        // here; this engine's as_completed already counted it done at cancel()).
        ex.record(me, Op::SetRunning, id(), Result::Failed);
        return false;
    }
    state = FutureState::Running;
    worker = me;
    ex.record(me, Op::SetRunning, id(), Result::Started);
    return true;
}

void FutureObject::setResultIn(ActorId me, std::string repr) {
    Execution& ex = execution();
    state = FutureState::Finished;
    resultRepr = std::move(repr);
    markDone(me);
    ex.record(me, Op::SetResult, id(), Result::Ok, ex.text(resultRepr), TraceEvent::ArgIsString);
    ex.wakeWaiters(waiters_);
}

void FutureObject::setExceptionIn(ActorId me, PyError e, std::exception_ptr t) {
    Execution& ex = execution();
    state = FutureState::Failed;
    error = std::move(e);
    thrown = std::move(t);
    markDone(me);
    ex.record(me, Op::SetException, id(), Result::Error, ex.text(error->describe()), TraceEvent::ArgIsString);
    ex.wakeWaiters(waiters_);
}

void FutureObject::finishWithResult(std::string repr) {
    Execution& ex = execution();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    setResultIn(me, std::move(repr));
    ex.yieldPoint(me);
}

void FutureObject::finishWithException(PyError e, std::exception_ptr t) {
    Execution& ex = execution();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    setExceptionIn(me, std::move(e), std::move(t));
    ex.yieldPoint(me);
}

bool FutureObject::awaitOutcome(ActorId me, Op op, const Timeout& timeout, bool raiseError) {
    Execution& ex = execution();
    if (!done()) {
        const Nanos deadline = timeout ? ex.now() + std::max<Nanos>(0, timeout->count()) : kForever;
        waiters_.push_back(me);
        ex.block(me, *this, op, deadline);
        if (ex.aborting()) return false;
        ex.beginStep();  // what it finds on waking is a step of its own
    }
    if (state == FutureState::Cancelled) {
        ex.hbAcquire(me, *this);
        ex.raise(me, id(), CancelledError());
    }
    if (!done()) ex.raise(me, id(), TimeoutError());
    ex.hbAcquire(me, *this);
    if (state == FutureState::Failed && raiseError) {
        // The callable's exception, raised again in the caller with its C++ type, so that
        // `catch (const ValueError&)` around result() catches what the task raised.
        ex.recordRaise(me, id(), *error);
        std::rethrow_exception(thrown);
    }
    return true;
}

void FutureObject::addCallback(ActorId me, std::function<void()> callback) {
    callbacks_.push_back(std::move(callback));
    if (done()) runCallbacks(me);  // Python calls it at once, in the thread that adds it
}

void FutureObject::runCallbacks(ActorId me) {
    std::vector<std::function<void()>> pending;
    pending.swap(callbacks_);  // each runs once; dropping them also frees what they hold
    Execution& ex = execution();
    for (auto& callback : pending) {
        try {
            callback();
        } catch (const PyError& e) {
            // Python logs "exception calling callback for <Future ...>" and goes on with the next callback.
            if (ex.enter() == kNoActor) return;
            ex.beginStep();
            const std::string report = "exception calling callback for " + name + ":\n" + e.describe();
            ex.record(me, Op::Print, kNoObject, Result::Ok, ex.text(report),
                      TraceEvent::ArgIsString | TraceEvent::ToStderr);
            ex.yieldPoint(me);
        }
    }
}

int waitForFirstCompleted(const std::vector<FutureObject*>& futures, Nanos deadline, std::size_t total) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return -1;
    ex.beginStep();
    for (;;) {
        int first = -1;
        for (std::size_t i = 0; i < futures.size(); ++i)
            if (futures[i]->done() &&
                (first < 0 || futures[i]->completion < futures[std::size_t(first)]->completion))
                first = static_cast<int>(i);
        if (first >= 0) {
            FutureObject& f = *futures[std::size_t(first)];
            ex.hbAcquire(me, f);
            ex.record(me, Op::AsCompleted, f.id(), Result::Ok);
            ex.yieldPoint(me);
            return first;
        }
        if (deadline != kForever && ex.now() >= deadline)
            ex.raise(me, kNoObject,
                     TimeoutError(std::to_string(futures.size()) + " (of " + std::to_string(total) +
                                  ") futures unfinished"));
        for (FutureObject* f : futures) f->waitersMut().push_back(me);
        AnyFutureWait any(futures);
        ex.block(me, any, Op::AsCompleted, deadline);
        any.removeWaiter(me);  // the future that woke it took it out of its own queue only
        if (ex.aborting()) return -1;
        ex.beginStep();
    }
}

}  // namespace lockstep
