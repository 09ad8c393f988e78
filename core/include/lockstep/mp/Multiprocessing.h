#pragma once
// multiprocessing, with real child processes. A Process started here is the lockstep binary itself, started
// with posix_spawn in a worker mode (never fork() of a multi-threaded process) and connected to the
// scheduler by a socketpair. The child runs its target in its own memory; each of its scheduling points
// (print, sleep, work, a queue or pipe operation, a load or store of shared memory) is a request over the
// socket, carried out by the child's stand-in actor in the scheduler's process, so processes, threads and
// tasks share one trace and one virtual clock. The child runs only between its request being answered and
// its next request: exactly one actor runs at a time, as for threads.
//
// What lives where, as in an operating system: pipes' and queues' buffers and the locks live in the
// scheduler's process (the kernel's part), values and arrays in real shared memory (a memfd mapped by every
// process that uses it), plain variables in each process's own memory.
//
// Targets are found by name in the child, as Python's spawn start method finds a pickled function by its
// qualified name: register each with LOCKSTEP_PROCESS_TARGET (a lambda cannot be a target, as in Python).

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "lockstep/Lock.h"
#include "lockstep/PyError.h"
#include "lockstep/mp/Obj.h"

namespace lockstep::mp {

using Target = void (*)(const Args& args);
using Function = Obj (*)(const Args& args);

// Registration by name; returns true so it can initialise a static. Names must be unique in the program.
bool registerTarget(const char* name, Target target);
bool registerFunction(const char* name, Function function);
#define LOCKSTEP_PROCESS_TARGET(fn) \
    [[maybe_unused]] static const bool lockstep_mp_target_##fn = ::lockstep::mp::registerTarget(#fn, &fn)
#define LOCKSTEP_PROCESS_FUNCTION(fn) \
    [[maybe_unused]] static const bool lockstep_mp_function_##fn = ::lockstep::mp::registerFunction(#fn, &fn)
const char* targetName(Target target);      // nullptr when not registered
const char* functionName(Function function);
Function findFunction(const std::string& name);

struct ProcessOptions {
    std::string name;  // empty: Python's default "Process-N"
    bool daemon = false;
    // A child the caller has already forked and connected to `forkedSocket` (a Python program's Process: the
    // fork start method copies the program's memory at start()); start() adopts it instead of spawning this
    // binary, and the Process needs no registered target. The child calls becomeForkedChild().
    std::int64_t forkedPid = 0;
    int forkedSocket = -1;
};

class ProcessObject;

// multiprocessing.Process. Copies refer to the same process.
class Process {
public:
    Process(Target target, Args args = {}, ProcessOptions options = {});
    void start();
    void join(Timeout timeout = std::nullopt);
    bool is_alive() const;
    // None (nullopt) until the process has ended; -N when a signal N ended it.
    std::optional<int> exitcode() const;
    // The child's real pid; 0 before start() (Python's None).
    std::int64_t pid() const;
    void terminate();  // SIGTERM
    void kill();       // SIGKILL
    const std::string& name() const;
    bool daemon() const;
    ObjectId objectId() const;
    ActorId actor() const;

private:
    void signal(int number);
    std::shared_ptr<ProcessObject> object_;
};

struct ProcessInfo {
    std::string name;  // "MainProcess" in the scheduler's process
    std::int64_t pid = 0;
};
ProcessInfo current_process();
bool inChildProcess();
// sys.exit(code) in a child process: its exit code.
[[noreturn]] void exit(int code);

// multiprocessing.Queue: put never blocks when the queue is unbounded (Python's feeder thread buffers).
class Queue {
public:
    explicit Queue(std::int64_t maxsize = 0);
    explicit Queue(const Obj& handle);  // a queue passed as a target's argument
    void put(Obj item, bool block = true, Timeout timeout = std::nullopt);
    Obj get(bool block = true, Timeout timeout = std::nullopt);
    std::int64_t qsize() const;
    bool empty() const { return qsize() == 0; }
    operator Obj() const { return Obj(handle_); }
    ObjectId id() const { return handle_.id; }

private:
    Handle handle_;
};

// One end of a Pipe. send() never blocks (the pipe's buffer is not bounded here); recv() blocks until a
// message is there, and raises EOFError when the other end is closed and nothing is left.
class Connection {
public:
    explicit Connection(const Obj& handle);
    void send(Obj message);
    Obj recv();
    bool poll(Timeout timeout = std::chrono::nanoseconds(0));
    void close();
    operator Obj() const { return Obj(handle_); }
    ObjectId id() const { return handle_.id; }

private:
    Handle handle_;
};
// multiprocessing.Pipe(duplex=True): two connected ends; with duplex=false the first only receives and the
// second only sends, as Python's.
std::pair<Connection, Connection> Pipe(bool duplex = true);

// multiprocessing.Lock and RLock: usable from every process.
class ProcessLock {
public:
    explicit ProcessLock(bool reentrant = false);
    explicit ProcessLock(const Obj& handle);
    bool acquire(bool blocking = true, Timeout timeout = std::nullopt);
    void release();
    operator Obj() const { return Obj(handle_); }
    ObjectId id() const { return handle_.id; }

private:
    Handle handle_;
};

// multiprocessing.Value(typecode, value, lock=True): 'i' (C int), 'l' (C long) or 'd' (double) in shared
// memory. Every read and write of .value is a scheduling point, as a Shared variable's is.
class Value {
public:
    Value(char typecode, Obj initial, bool lock = true);
    explicit Value(const Obj& handle);
    Obj value() const;
    void set(const Obj& v);
    ProcessLock get_lock() const;
    operator Obj() const { return Obj(handle_); }
    ObjectId id() const { return handle_.id; }

private:
    Handle handle_;
};

// multiprocessing.Array(typecode, size_or_initializer, lock=True).
class Array {
public:
    Array(char typecode, List initial, bool lock = true);
    Array(char typecode, std::int64_t size, bool lock = true);
    explicit Array(const Obj& handle);
    Obj get(std::int64_t index) const;
    void set(std::int64_t index, const Obj& v);
    std::int64_t size() const;
    List list() const;  // a[:], one scheduling point
    ProcessLock get_lock() const;
    operator Obj() const { return Obj(handle_); }
    ObjectId id() const { return handle_.id; }

private:
    Handle handle_;
};

struct EOFError : PyError {
    explicit EOFError(const std::string& m = {}) : PyError("EOFError", m) {}
};
struct TypeError : PyError {
    explicit TypeError(const std::string& m) : PyError("TypeError", m) {}
};
// multiprocessing.TimeoutError (AsyncResult.get with a timeout): not the builtin TimeoutError, and raised
// without a message, as Python's pool raises it.
struct TimeoutError : PyError {
    explicit TimeoutError(const std::string& m = {}) : PyError("multiprocessing.context.TimeoutError", m) {}
};
// What pickle raises for a function a child could not find by name (a lambda, an unregistered function).
struct PicklingError : PyError {
    explicit PicklingError(const std::string& m) : PyError("_pickle.PicklingError", m) {}
};

// The worker mode: when argv asks for it (the scheduler starts a child with "--lockstep-process"), run the
// child's target and return its exit code; otherwise return -1 at once. Call it first thing in main() of
// every program that runs scenarios with processes, before any thread or Qt object exists.
int runChildIfRequested(int argc, char** argv);

// The child's side of ProcessOptions::forkedPid, first thing after fork(): from now on this process is a
// child whose every scheduling point is a request to its stand-in actor over `socket`. Returns once that actor
// first runs (the child runs only while its actor holds the baton).
void becomeForkedChild(int socket, const std::string& name, std::int64_t parentPid);
// A forked child's end: its exit code to the scheduler, then _exit (no destructors: they are the parent's).
[[noreturn]] void exitForkedChild(int code);
// print() in a child, to its stderr when `toStderr` (a traceback); in the scheduler's process, a Print step.
void printText(std::string_view text, bool toStderr);

// How long the scheduler waits, in real time, for a child to reach its next scheduling point before it
// reports and kills it (default 10 s). Tests shorten it.
void setChildTimeout(std::chrono::milliseconds timeout);

// For tests: the pids of the children this process has started and not yet reaped.
std::vector<std::int64_t> liveChildren();

}  // namespace lockstep::mp
