#pragma once
// The engine side of a concurrent.futures.Future without its typed value: the state, the worker that ran it,
// the text of its result or exception, its done-callbacks and its waiters (result() and exception() callers;
// as_completed() callers wait in several futures' queues at once). Future<T> keeps the value.
//
// Every change of state is an event on the future's object (Create: pending; SetRunning: running;
// SetResult / SetException: finished / failed; Cancel with Ok: cancelled), so the timeline and the inspector
// rebuild a future's life from the trace alone (TraceAnalysis::futureStates).

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lockstep/Lock.h"
#include "lockstep/PyError.h"
#include "lockstep/SyncObject.h"

namespace lockstep {

// concurrent.futures.CancelledError: result() or exception() of a cancelled future.
struct CancelledError : PyError {
    explicit CancelledError(const std::string& m = {}) : PyError("concurrent.futures.CancelledError", m) {}
};

class FutureObject : public SyncObject {
public:
    FutureState state = FutureState::Pending;
    std::string name;              // as in the trace's object table
    ActorId worker = kNoActor;     // the pool thread that ran it
    std::uint64_t completion = 0;  // when it became done (trace event index + 1); 0 while not done
    std::string resultRepr;        // repr() of the result once Finished
    std::optional<PyError> error;  // what the callable raised, once Failed
    std::exception_ptr thrown;     // the same exception with its C++ type, raised again by result()

    // A result() caller waits for the worker running the future (the wait-for graph follows this edge, so a
    // task that waits for its own future is a deadlock); nobody in particular while it is pending.
    ActorId holder() const override { return state == FutureState::Running ? worker : kNoActor; }
    bool done() const {
        return state == FutureState::Finished || state == FutureState::Failed ||
               state == FutureState::Cancelled;
    }

    // ---- each records its events in the caller's current step; the caller ends the step
    // cancel(): only a pending future can be cancelled (true also when it already was).
    bool cancelIn(ActorId me);
    // The worker's set_running_or_notify_cancel(): false when the future was cancelled while queued.
    bool setRunningIn(ActorId me);
    void setResultIn(ActorId me, std::string repr);
    void setExceptionIn(ActorId me, PyError error, std::exception_ptr thrown);

    // ---- whole steps
    // The worker's side once the callable has returned (repr of the value) or raised: one step.
    void finishWithResult(std::string repr);
    void finishWithException(PyError error, std::exception_ptr thrown);
    // For result()/exception(), inside the caller's step: waits (in `op`) until the future is done or the
    // timeout passes, then raises CancelledError or TimeoutError as Python does, and with `raiseError` the
    // callable's own exception. Returns true with a step open in which the caller records what it returns;
    // false when the run is being aborted.
    bool awaitOutcome(ActorId me, Op op, const Timeout& timeout, bool raiseError);
    // Runs the done-callbacks (once), in the calling thread, as Python's _invoke_callbacks does. An exception
    // in a callback is reported on stderr and the others still run.
    void runCallbacks(ActorId me);
    void addCallback(ActorId me, std::function<void()> callback);

private:
    void markDone(ActorId me);
    std::vector<std::function<void()>> callbacks_;
};

// Waits until one of `futures` is done: those already done first, in the order they became done, then each as
// it completes. The wait is as_completed()'s: it raises TimeoutError("N (of M) futures unfinished") when
// `deadline` passes first (`total` is M). One step; returns the index of the future, or -1 while aborting.
int waitForFirstCompleted(const std::vector<FutureObject*>& futures, Nanos deadline, std::size_t total);

}  // namespace lockstep
