#pragma once
// The story of a step: what each event of the step meant, as structured sentences (ids, numbers and value
// texts, never words). The window and the command line put them into words (app/view/StoryText), so there is
// one wording per sentence, in every language.
//
// Most sentences read straight off one event and the state just before it (who holds the lock a thread asks
// for, the value a store replaced). Two need the past: a store whose writer never read the value it
// replaces is a lost update, and a context switch says why the previous runner gave up (it blocked, slept,
// or ended, or the scheduler took the core from it). StoryTeller keeps what the first needs as it
// reads the trace, so the story of any step costs the step's events plus at most one checkpoint replay (none
// when the steps are told in order).

#include <cstdint>
#include <string>
#include <vector>

#include "lockstep/InsideCall.h"
#include "lockstep/RunState.h"
#include "lockstep/Types.h"

namespace lockstep {

class TraceModel;

enum class StoryKind : std::uint8_t {
    Created,       // actor created object (value: a shared variable's first value)
    Began,         // actor began running its function
    StartedThread, // actor started thread `other`
    Ended,         // actor's function returned
    Failed,        // actor ended by an uncaught exception (value: its text)
    Read,          // actor read object = value
    Wrote,         // actor wrote object = value over oldValue, which `other` wrote at otherStep (other: none)
    LostUpdate,    // actor's store replaced `other`'s oldValue (stored at otherStep) without reading it
    Raced,         // this access to object raced with `other`'s at otherStep (no lock orders them)
    Acquired,      // actor took lock (or a semaphore slot)
    AskedForHeld,  // actor asked for lock, which `other` holds: actor blocks
    Released,      // actor released lock; `other` (if any) was waiting for it and is ready again; result
                   // Handover: the GIL, given up at the end of the switch interval
    Slept,         // actor went to sleep for micros
    Computing,     // actor has CPU work of micros to do (result Ok), or runs it on virtual `core` (Started)
    SliceOver,     // actor's CPU burst lost its core at the end of a quantum, with micros still to do
    ComputeDone,   // actor's CPU burst is over
    WokeFromSleep, // actor's sleep ended
    Blocked,       // actor waits in call `op` on object (a join, a queue, an event, a condition...)
    Woken,         // actor's wait in `op` on object ended: it is ready again
    TimedOut,      // actor's wait in `op` on object gave up at its timeout
    Joined,        // actor joined thread `other`, which had ended
    Put,           // actor put value into queue
    Got,           // actor took value, which `other` put, from queue
    Set,           // actor set the event
    Cleared,       // actor cleared the event
    Notified,      // actor notified one (op Notify) or all (NotifyAll) waiters of a condition
    Printed,       // actor printed value
    Raised,        // actor raised value ("Type: message")
    AtLine,        // actor is at a scheduling point before `line` (a Python program's line): a switch may follow
    Switched,      // the scheduler moved from `other` to actor, for `reason`
    Deadlock,      // a wait-for cycle closed: actors wait on objects in a ring
    // asyncio: `actor` is the thread running the event loop, `object` the task
    TaskResumed,   // the loop ran the task up to its next await (result Started: its first run)
    TaskAwaited,   // the task paused in an await: on `awaited`, or in asyncio.sleep(micros) (awaited: none)
    TaskReady,     // the task is back in the loop's ready queue
    TaskEnded,     // the task ended: result Done (returned), Error (raised: value) or Cancelled
    CallbackRan,   // the loop ran a callback (object)
    // multiprocessing
    Sent,          // actor sent value through a Pipe end (object)
    Received,      // actor received value on a Pipe end (object), which `other` sent
    ProcessExited, // process object ended with exit code `code`
    LocalsChanged, // a Python program's thread: its frame's locals are now value ("function: name = value, ...")
    SleptZero,     // actor called sleep(0): no wait, but a point where another thread may take the turn
    Other,         // any other event: op and result
    Count_
};

// Why the scheduler switched threads, read from what the previous runner did in the step.
enum class SwitchReason : std::uint8_t {
    Blocked,    // it waits for something
    Slept,      // it went to sleep
    Ended,      // its function ended
    SliceOver,  // its CPU burst used up its quantum while others waited
    Preempted,  // it could go on (at a scheduling point, or its quantum was over), but the scheduler gave the
                // turn to another ready thread
    Count_
};

struct StorySentence {
    StoryKind kind = StoryKind::Other;
    ActorId actor = kNoActor;
    ActorId other = kNoActor;  // see StoryKind
    ObjectId object = kNoObject;
    std::string value;
    std::string oldValue;      // Wrote, LostUpdate: the value replaced
    std::uint32_t otherStep = 0;
    std::int64_t micros = 0;   // Slept, TaskAwaited (a sleep), Computing, SliceOver
    std::uint8_t core = 0;     // Computing
    ObjectId awaited = kNoObject;  // TaskAwaited
    std::int32_t code = 0;     // ProcessExited
    std::uint16_t line = 0;    // AtLine
    Op op = Op::Run;           // Blocked, Woken, TimedOut, Notified, Other
    Result result = Result::Ok;  // Other
    SwitchReason reason = SwitchReason::Preempted;
    bool choice = false;       // Switched: the scheduler had more than one ready thread to pick from
    bool otherWrote = false;   // Raced: the other access was a store (else a load)
    std::vector<ActorId> actors;    // Deadlock: the ring's actors...
    std::vector<ObjectId> objects;  // ...and what each of them waits on
    // `object` is the standard library's own (ObjectInfo::internal). A wait on it (Blocked, AskedForHeld,
    // Woken, TimedOut) also says which of the learner's calls the actor is inside, so a view that hides
    // internals tells that instead; any other sentence about it is left out there (hiddenWithInternals()).
    bool internal = false;
    InsideCall inside;
    bool isWait() const {
        return kind == StoryKind::Blocked || kind == StoryKind::AskedForHeld || kind == StoryKind::Woken ||
               kind == StoryKind::TimedOut;
    }
    bool hiddenWithInternals() const { return internal && !isWait(); }
    friend bool operator==(const StorySentence&, const StorySentence&) = default;
};

// A store that replaced another thread's value its writer never read (StoryKind::LostUpdate), as a fact of
// the whole run: the verdict names the first one on each variable.
struct LostUpdate {
    ObjectId object = kNoObject;
    ActorId lostWriter = kNoActor;  // whose store was lost...
    std::uint32_t lostStep = 0;     // ...made at this step
    std::string lostValue;
    ActorId writer = kNoActor;      // the store that replaced it
    std::uint32_t step = 0;
    std::string value;
    friend bool operator==(const LostUpdate&, const LostUpdate&) = default;
};

// Reads a model's trace once, as it grows, for what stories need from the past; then tells any step's story.
class StoryTeller {
public:
    // `listing` is the program's text: a wait on an internal object names the learner's call on its line.
    explicit StoryTeller(const TraceModel& model, std::string listing = {})
        : model_(model), listing_(std::move(listing)) {}
    // The sentences of `step` (1-based), in the order the events happened. Empty for steps out of range.
    std::vector<StorySentence> storyOf(std::uint32_t step);
    // Every lost update in the trace so far, in the order of the stores that lost them.
    std::vector<LostUpdate> lostUpdates();

private:
    struct StoreFacts {
        std::uint32_t event = 0;
        std::uint32_t step = 0;
        ActorId previousWriter = kNoActor;
        std::uint32_t previousStep = 0;
        std::string previousValue;
        bool lost = false;
    };
    void catchUp();
    const StoreFacts* storeAt(std::uint32_t event) const;

    const TraceModel& model_;
    std::string listing_;
    std::uint64_t generation_ = 0;
    std::size_t scanned_ = 0;
    std::uint32_t step_ = 0;
    struct LastStore {
        std::uint32_t event = 0;
        std::uint32_t step = 0;
        ActorId actor = kNoActor;
        std::string value;
        bool any = false;
    };
    std::vector<LastStore> lastStore_;                    // by object
    std::vector<std::vector<std::int64_t>> lastLoad_;     // by object, by actor: the event of its last load (-1)
    std::vector<StoreFacts> stores_;                      // every store, by event
    // Where the last story ended: telling the steps in order replays each event once, not once per step.
    RunState state_;
};

// One step's story without keeping a teller (reads the trace up to the step: fine for one look).
std::vector<StorySentence> storyOf(const TraceModel& model, std::uint32_t step, std::string listing = {});

}  // namespace lockstep
