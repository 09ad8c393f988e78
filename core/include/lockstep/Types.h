#pragma once
// Basic vocabulary of the engine: ids, virtual time, operations and their results.

#include <chrono>
#include <cstdint>
#include <string_view>

namespace lockstep {

using ActorId = std::uint16_t;
inline constexpr ActorId kNoActor = 0xFFFF;
inline constexpr ActorId kMaxActorNumber = kNoActor - 2;  // a run has at most kNoActor - 1 actors

using ObjectId = std::uint32_t;
inline constexpr ObjectId kNoObject = 0xFFFFFFFF;

// Virtual time is integer nanoseconds so that 0.1 + 0.2 seconds is exactly 0.3 seconds.
using Nanos = std::int64_t;
inline constexpr Nanos kForever = INT64_MAX;

inline constexpr Nanos toNanos(std::chrono::nanoseconds d) { return d.count(); }
inline constexpr double toSeconds(Nanos t) { return static_cast<double>(t) / 1e9; }

// The operation an event stands for. Names follow Python's method names (see opName).
enum class Op : std::uint8_t {
    Create,     // an object was created (arg: initial value or capacity)
    Start,      // Thread.start() by the parent (object: the thread)
    Run,        // the thread's own life: result Started, Done, Error or Aborted
    Join,
    Acquire,
    Release,
    Wait,
    WaitFor,
    Notify,
    NotifyAll,
    Set,
    Clear,
    Put,
    Get,
    TaskDone,
    QueueJoin,
    Sleep,
    Work,
    Load,
    Store,
    Print,
    Raise,      // a Python-style exception was raised (arg: string id "Type: message")
    Switch,     // a context switch: actor is the one that now runs, arg the one that ran before
    Cancel,
    Deadlock,   // a cycle in the wait-for graph closed (arg: index of the cycle in the trace)
    Yield,
    Race,       // two accesses to a Shared variable with no happens-before order (arg: index in races())
    // concurrent.futures
    Submit,        // executor.submit() (object: the executor; arg: the new future's object id)
    SetRunning,    // a worker takes a future: Started (now running) or Failed (it was cancelled: skipped)
    SetResult,     // the callable returned (object: the future; arg: repr of the result, a string id)
    SetException,  // the callable raised (object: the future; arg: "Type: message", a string id)
    FutureResult,  // future.result(): Blocked/Woken/Timeout while waiting, Ok with the result's repr
    FutureException,  // future.exception(): as FutureResult, Ok with the exception's text ("None": none)
    AsCompleted,   // as_completed(): Blocked on no single object while waiting; Ok when it yields the future
    Shutdown,      // executor.shutdown() (object: the executor; arg: 1 with wait, +2 with cancel_futures)
    // asyncio
    Resume,        // the event loop runs a task up to its next await (object: the task; Started the first time)
    Await,         // a task suspends (Blocked; arg: the object id it awaits, or micros of a sleep with
                   // ArgIsMicros; HasTimeout when the wait has one), or is put back on the ready queue (Woken)
    Callback,      // the event loop runs a callback (object: the callback; arg: the ready queue's length, it
                   // included); Resume's arg is the same length
    // multiprocessing
    Send,          // conn.send() on a Pipe's end (arg: repr of the message, a string id); the peer end's
                   // Recv takes the messages in order, so the n-th Send on an end pairs with the n-th Recv Ok
                   // on its peer (ObjectInfo::param)
    Recv,          // conn.recv(): Blocked/Woken while waiting, Ok with the message's repr; Error on EOFError
    Signal,        // terminate()/kill() sent a real signal to a child process (object: the Process; arg: the
                   // signal number)
    Exit,          // a child process ended (object: the Process; arg: its exit code, -N when killed by signal N)
    Locals,        // a Python program's thread: the local variables of its innermost frame of the learner's code
                   // changed (arg: "function: name = value, ...", a string id; "": none, at module level)
    Count_
};

enum class Result : std::uint8_t {
    Ok,
    Acquired,
    Blocked,    // the actor now waits
    Woken,      // another actor (or a timer) made the waiting actor ready again
    Timeout,
    Failed,     // a non-blocking attempt did not succeed
    Error,
    Started,
    Done,
    Preempted,  // a CPU burst lost its core at the end of a quantum
    Handover,   // the GIL was handed to a waiting thread at the end of the switch interval
    Aborted,
    Cancelled,  // an asyncio task or future ended cancelled
    Count_
};

// A Process actor is the main thread of a real child process: its pid and tid are the child's.
enum class ActorKind : std::uint8_t { MainThread, Thread, Process, Count_ };

enum class ObjectKind : std::uint8_t {
    Thread,
    Lock,
    RLock,
    Semaphore,
    BoundedSemaphore,
    Event,
    Condition,
    Queue,
    Barrier,
    Timer,
    Shared,
    ThreadLocal,
    Gil,
    Future,              // concurrent.futures.Future
    ThreadPoolExecutor,  // concurrent.futures.ThreadPoolExecutor (param: max_workers)
    AsyncTask,           // asyncio.Task
    EventLoop,           // an asyncio event loop (what it waits on in select(), for timers and threads)
    AsyncFuture,         // asyncio.Future (also what gather(), shield(), to_thread() give)
    AsyncCallback,       // a callback scheduled with call_soon/call_later/call_at or add_done_callback
    AsyncLock,           // asyncio.Lock (Acquire/Release: arg the task's object id)
    AsyncEvent,          // asyncio.Event
    AsyncSemaphore,      // asyncio.Semaphore / BoundedSemaphore (param: initial value)
    AsyncQueue,          // asyncio.Queue (param: maxsize)
    Process,             // multiprocessing.Process (its actor, once started, runs as a real child process)
    Connection,          // one end of a multiprocessing.Pipe (param: the other end's object id)
    ProcessQueue,        // multiprocessing.Queue (param: maxsize); Put/Get as queue.Queue's
    SharedValue,         // multiprocessing.Value in shared memory (Load/Store: arg the value's repr)
    SharedArray,         // multiprocessing.Array in shared memory (Load/Store: arg the whole array's repr)
    Manager,             // a multiprocessing manager (its server runs as a child process)
    DictProxy,           // a manager's shared dict
    ListProxy,           // a manager's shared list
    Pool,                // multiprocessing.Pool (param: processes)
    ProcessPoolExecutor, // concurrent.futures.ProcessPoolExecutor (param: max_workers)
    Count_
};

// A concurrent.futures.Future's state. Python's FINISHED is split in two so a learner sees a raise apart
// from a return; CANCELLED_AND_NOTIFIED is just Cancelled.
enum class FutureState : std::uint8_t { Pending, Running, Finished, Failed, Cancelled, Count_ };

// An asyncio task's state. Python has only pending/done/cancelled; the loop's view splits pending into never
// started, ready (in the ready queue), running and waiting (suspended in an await), and done into returned
// and raised.
enum class TaskState : std::uint8_t { Pending, Ready, Running, Waiting, Done, Failed, Cancelled, Count_ };

// Final state of one actor.
enum class EndState : std::uint8_t {
    Running,    // the run stopped before the actor ended (paused or aborted by the user)
    Finished,
    Error,      // ended by an uncaught exception
    Blocked,    // still blocked when the run ended (deadlock or stuck)
    Killed,     // a daemon thread stopped because the program ended
    NotStarted,
    Count_
};

// How a run ended. StepLimit and TraceLimit: the run was cut at its step limit or at its trace's capacity
// (RunConfig::maxSteps, RunConfig::maxEvents), with the program still able to go on. Crashed and Frozen end a
// learner's program that took its own process down (a signal, an exit in the middle of the run) or stayed in
// real code past the real-time limit; the outcome's message says how.
enum class RunStatus : std::uint8_t {
    Running, Finished, Deadlock, Stuck, StepLimit, TraceLimit, Error, Aborted, Crashed, Frozen, Count_
};

std::string_view opName(Op op);
std::string_view resultName(Result r);
std::string_view actorKindName(ActorKind k);
std::string_view objectKindName(ObjectKind k);
std::string_view endStateName(EndState s);
std::string_view runStatusName(RunStatus s);
std::string_view futureStateName(FutureState s);
std::string_view taskStateName(TaskState s);

}  // namespace lockstep
