#pragma once
// Cause and effect between actors: which event let which other one through. A release and the acquire it
// let through, a set and the waits it woke, a notify and the wake-up, a put and the get that took the item,
// a thread's end and the join that returned, a future's result and the result() that received it, an
// asyncio task or future (or an asyncio queue, lock, event) and the task it woke.
//
// Derived once, here, from the events as they come (TraceModel feeds it after the reducer applied each
// event), so the window following a growing run and an export of the finished one see the same links.
// Messages between processes are not repeated here: TraceModel's transfers already pair them.

#include <cstdint>
#include <string_view>
#include <vector>

#include "lockstep/TraceEvent.h"
#include "lockstep/Types.h"

namespace lockstep {

class RunState;

enum class CauseKind : std::uint8_t {
    ReleaseAcquire,  // a lock or semaphore released → the acquire that was waiting for it
    SetWait,         // Event.set() → a wait() it woke
    NotifyWake,      // Condition.notify()/notify_all() → a wait() it woke
    PutGet,          // queue.Queue put() → the get() that took that item
    EndJoin,         // a thread (or process) ended → the join() that returned
    ResultGet,       // a Future's result or exception set → the result()/exception() that received it
    TaskWake,        // asyncio: what a task awaited finished or gave way → the task put back to run
    Count_
};
inline constexpr std::size_t kCauseKinds = std::size_t(CauseKind::Count_);
std::string_view causeKindName(CauseKind k);

// One link. "Where" is an actor, and for asyncio also a task: the event loop's thread does everything, so a
// task's lane is where its side of the link shows (kNoObject: the actor's own lane).
struct CausalLink {
    CauseKind kind = CauseKind::ReleaseAcquire;
    // The lock, event, condition, queue, thread, future, or what the task awaited.
    ObjectId object = kNoObject;
    ActorId fromActor = kNoActor, toActor = kNoActor;
    ObjectId fromTask = kNoObject, toTask = kNoObject;
    std::uint32_t fromStep = 0, toStep = 0;
    Nanos fromTime = 0, toTime = 0;
    std::uint32_t fromEvent = 0, toEvent = 0;  // indices in the trace
    friend bool operator==(const CausalLink&, const CausalLink&) = default;
};

// Follows a trace event by event and keeps the links in the order their effects happened (by toEvent), so a
// view that follows the run reads only what is new.
class CausalLinker {
public:
    // Before the reducer applies event `index`: what it needs of the state as it was (what a task awaited).
    void before(const TraceEvent& e, const RunState& head);
    // After the reducer applied it; `step` is the step it belongs to.
    void after(const TraceEvent& e, std::uint32_t index, std::uint32_t step, const RunState& head);
    // A queue.Queue item was taken by event `index` (the reducer reports it during apply()).
    void itemTaken(ObjectId queue, ActorId from, std::uint32_t fromStep, Nanos fromTime,
                   std::uint32_t fromEvent, const TraceEvent& get, std::uint32_t index, std::uint32_t step);
    void reset();
    const std::vector<CausalLink>& links() const { return links_; }

private:
    // The last event on an object that may wake someone (a release, set, notify, end, result...).
    struct Cause {
        bool valid = false;
        Op op = Op::Run;
        ActorId actor = kNoActor;
        ObjectId task = kNoObject;  // asyncio: the task that was running when it happened
        std::uint32_t step = 0, event = 0;
        Nanos time = 0;
    };
    // A wake-up that becomes an effect later: an acquire woken by a release takes the lock at its next try.
    struct Pending {
        bool valid = false;
        ObjectId object = kNoObject;
        Cause cause;
    };
    Cause& causeOf(ObjectId o);
    Pending& pendingOf(ActorId a);
    ObjectId& runningTask(ActorId loop);
    void link(CauseKind k, ObjectId object, const Cause& c, const TraceEvent& e, std::uint32_t index,
              std::uint32_t step, ObjectId toTask);

    std::vector<Cause> causes_;           // by object
    std::vector<Pending> pending_;        // by actor
    std::vector<ObjectId> running_;       // by loop actor: the task it runs now
    ObjectId awaitedBefore_ = kNoObject;  // what the event's task awaited before it
    std::vector<CausalLink> links_;
};

}  // namespace lockstep
