#pragma once
// The machinery under multiprocessing's handles: the requests a child sends, the table of objects the
// scheduler keeps for a run, and the one entry point every handle goes through (call), which runs the
// request on the calling actor in the scheduler's process, or sends it to the child's stand-in there.

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "lockstep/Execution.h"
#include "lockstep/mp/Obj.h"

namespace lockstep::mp::detail {

// What a child asks of its stand-in. Every request carries the child's current listing line.
enum class Call : std::int64_t {
    Print = 1,  // [text, to stderr (optional)]
    Sleep,      // [nanoseconds]
    Work,       // [nanoseconds]
    Random,     // [lo, hi] -> int; no step
    Now,        // [] -> virtual nanoseconds; no step
    Create,     // [kind, params...] -> handle
    Invoke,     // [handle, method, args...] -> result
    MapShared,  // [handle] -> size in bytes; the memfd follows on the socket (SCM_RIGHTS); no step
    Exit,       // [exit code, error text or None]: the target returned or raised; no reply
};

enum class Method : std::int64_t {
    Put = 1, Get, QSize,             // Queue
    Send, Recv, Poll, Close,         // Connection
    Acquire, Release,                // Lock, RLock
    Load, Store,                     // Value, Array: [repr of what was read or written]
    Size, GetLock, Typecode,         // Value, Array: no step
    TryGet,                          // Queue: [timeout] -> (True, item), or (False,) when the timeout passed
                                     // (no queue.Empty: the caller raises its own error)
    Connect,                         // DictProxy, ListProxy: [] -> (request queue, the caller's reply queue)
    Reply,                           // DictProxy, ListProxy, by the manager: [reply queue, changed, repr, answer]
    Result,                          // DictProxy, ListProxy: [reply queue] -> the answer's value, or its error
    SemValue,                        // Semaphore: [] -> its value; no step
    SetFlag,                         // Event: [flag] (set or clear)
    IsSet,                           // Event: [] -> bool; no step
    Wait,                            // Event: [timeout] -> the flag
};

// An object a child refers to by id; invoke() runs on the calling actor (a thread of the scheduler's process,
// or a child's stand-in) as the engine's primitives do.
class Served {
public:
    virtual ~Served() = default;
    virtual Obj invoke(Method method, const Args& args) = 0;
    // Shared memory: the memfd to pass to a child, the scheduler's own mapping, and its size.
    virtual int memoryFd() const { return -1; }
    virtual void* memory() { return nullptr; }
    virtual std::size_t memorySize() const { return 0; }
};

struct Table {
    std::unordered_map<ObjectId, std::shared_ptr<Served>> objects;
    int processCounter = 0;  // Process-N, SyncManager-N, SpawnPoolWorker-N: Python's one counter
    std::int64_t jobCounter = 0;  // multiprocessing.pool's job numbers (Python's job_counter)
    Served& at(ObjectId id);
};
Table& table(Execution& ex);

// Run a request in the scheduler's process on the calling actor (Execution::current()).
Obj perform(Call call, const Args& args);
// From a handle: perform() here, or, in a child, send the request and wait for the answer (a PyError in the
// answer is raised again in the child).
Obj call(Call call, Args args);
// call(Invoke) of a method of an object: [handle, method, args...].
Obj invoke(Handle h, Method m, Args args = {});
// The mapping of a shared value or array in this process.
void* sharedMemory(Handle h, std::size_t& size);

Obj timeoutObj(const std::optional<std::chrono::nanoseconds>& timeout);
std::optional<std::chrono::nanoseconds> timeoutFrom(const Obj& o);

// Raise the PyError an answer carried, with its own C++ type where the scenario may catch it by type.
[[noreturn]] void raiseError(const std::string& type, const std::string& message);

// The same from the scheduler's process, as a step of the calling actor that records the Raise on `object`
// (a pool's or an executor's own errors). Returns only while the run is being aborted.
void raiseInStep(ObjectId object, const std::string& type, const std::string& message);

// Built in Objects.cpp, used by perform(Create).
Obj createObject(ObjectKind kind, const Args& params);

// The child side: set in a child process (runChildIfRequested), null in the scheduler's process.
struct ChildLink {
    int fd = -1;
    std::string processName;
    std::int64_t pid = 0;
    std::int64_t parentPid = 0;
    int line = 0;
};
ChildLink* childLink();

// Pass a file descriptor over a Unix socket (SCM_RIGHTS).
bool sendFd(int socket, int fd);
// Children started and not yet reaped (liveChildren()).
void noteChild(std::int64_t pid, bool alive);

// A whole buffer over a stream socket: every byte, again after EINTR; false once the peer is gone (never
// SIGPIPE). The wire of child processes and the runner's wire both frame their messages with these.
bool sendAll(int fd, const char* data, std::size_t size);
bool recvAll(int fd, char* data, std::size_t size);

// Framed messages on a stream socket: a 32-bit length, then an encoded Obj.
bool writeMessage(int fd, const Obj& message);
// Returns false on end of file or error; throws std::runtime_error on a malformed message.
bool readMessage(int fd, Obj& message);

}  // namespace lockstep::mp::detail
