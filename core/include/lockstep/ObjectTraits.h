#pragma once
// What kind of thing each ObjectKind is, in one table: the analysis, the timeline's lanes, the inspector and
// the story ask it instead of listing kinds of their own, so a new kind is described once.

#include <cstdint>

#include "lockstep/Types.h"

namespace lockstep {

// The family an object belongs to: objects of one family share a state machine and a kind of lane.
enum class ObjectFamily : std::uint8_t {
    Thread,        // a Thread or Timer object (the actor it starts is what waits or runs)
    Lock,          // Lock, RLock, the GIL: one holder at a time
    Semaphore,     // Semaphore, BoundedSemaphore: numbered slots, one holder each
    Signal,        // Event, Condition, Barrier: waits, notifies, sets; nobody holds them
    Queue,         // queue.Queue: items in, items out
    Shared,        // a shared variable: loads and stores
    Future,        // concurrent.futures.Future
    Executor,      // ThreadPoolExecutor, ProcessPoolExecutor, Pool
    Task,          // asyncio.Task and asyncio.Future: states on the event loop
    Callback,      // a callback the event loop runs
    EventLoop,     // an asyncio event loop (what its thread waits on in select())
    AsyncPrimitive,// asyncio.Lock, Event, Semaphore, Queue: awaited by tasks, never by threads
    Process,       // multiprocessing.Process
    Channel,       // a Pipe end or a multiprocessing.Queue: messages between processes
    SharedMemory,  // multiprocessing.Value and Array
    Other,         // ThreadLocal, Manager and its proxies
    Count_
};

// Which group of timeline lanes shows an object (None: it has no lane of its own).
enum class LaneFamily : std::uint8_t { None, Hold, Slots, Signal, Queue, Future, Task, Count_ };

struct ObjectTraits {
    ObjectFamily family = ObjectFamily::Other;
    LaneFamily lane = LaneFamily::None;
    bool holder = false;   // has one holder at a time (Lock, RLock, GIL)
    bool slotted = false;  // has numbered slots (semaphores)
    bool asyncio = false;  // lives on an event loop: its events are a task's business, not the loop thread's
    bool channel = false;  // carries messages between processes (Transfer pairs its sends and receives)
};

const ObjectTraits& objectTraits(ObjectKind kind);

}  // namespace lockstep
