#pragma once
// One row of the timeline: flat arrays sorted by position on both axes (time never goes back as steps go on),
// reached by index. Bands are state or ownership intervals, marks are instants, counts a step chart.
// firstBand()/bandEnd() binary-search the visible window, so a frame costs O(pixels * log n), not O(events).

#include <QString>
#include <array>
#include <cstdint>
#include <vector>

#include "lockstep/TraceModel.h"
#include "timeline/Axis.h"

namespace lockstep::timeline {

// Task lanes show an asyncio task's or future's states; a TaskGroup lane, the states of many tasks of one
// coroutine function at once (how many are in each); a Loop lane, what an event loop runs at each step. A
// Process lane heads the lanes of one process's threads in a run with child processes (it has no bands).
enum class LaneKind : std::uint8_t {
    Actor,
    Core,
    Lock,
    SemaphoreSlot,
    SemaphoreWaiting,
    Signal,
    Queue,
    Future,
    Task,
    TaskGroup,
    Loop,
    Process
};

// A state interval of an actor (actor lanes), an actor computing on a core (core lanes), an actor holding
// a lock or a semaphore slot (hold lanes; state is Running there), or a future's state (future lanes:
// `future`, and `actor` as in FutureInterval: the submitter, the worker, or who cancelled it). Task lanes:
// `task` is the state; while Waiting, `object` is what the task awaits (kNoObject for a sleep, whose length
// is `sleepMicros`). Loop lanes: `object` is the task or callback the loop runs, `actor` the loop's actor.
struct Band {
    std::uint32_t beginStep = 0, endStep = 0;
    Nanos begin = 0, end = 0;
    ObjectId object = kNoObject;  // what a Blocked actor waits on
    ActorId actor = kNoActor;     // the actor of the band (the holder, the computing actor)
    ActorState state = ActorState::NotStarted;
    Op op = Op::Run;  // the call a Blocked actor waits in
    std::uint8_t core = 0;
    bool highlight = false;  // part of the deadlock cycle
    FutureState future = FutureState::Pending;
    TaskState task = TaskState::Pending;
    bool hasTimeout = false;        // a task waiting with a timeout
    bool shade = false;             // loop lanes: flips where the loop turns to another task or callback
    std::int32_t sleepMicros = -1;  // a task waiting in asyncio.sleep(): its length
};

// The end (step) of a band still open: an asyncio task's current state, which reaches past the end of the run
// (time: kForever). Painting clips it to the window; tooltips to the run.
inline constexpr std::uint32_t kOpenStep = TraceModel::kOpenStep;

// How many tasks of a group are in each state, from a step (and instant) on: a group lane's step chart.
struct StateCounts {
    std::uint32_t step = 0;
    Nanos time = 0;
    std::array<std::int32_t, std::size_t(TaskState::Count_)> count{};
};

// Instants on a lane are the derivation's incidents (a switch, a raise, a wait, a notify...).
using MarkKind = IncidentKind;
using Mark = Incident;
inline constexpr std::size_t kMarkKinds = kIncidentKinds;

inline Pos beginOf(const Band& b, Axis a) {
    return a == Axis::Steps ? Pos(b.beginStep) : b.begin;
}
inline Pos endOf(const Band& b, Axis a) {
    return a == Axis::Steps ? Pos(b.endStep) : b.end;
}
inline Pos posOf(const Mark& m, Axis a) {
    return a == Axis::Steps ? Pos(m.step) : m.time;
}
inline Pos posOf(const CountPoint& c, Axis a) {
    return a == Axis::Steps ? Pos(c.step) : c.time;
}
inline Pos posOf(const StateCounts& c, Axis a) {
    return a == Axis::Steps ? Pos(c.step) : c.time;
}

class Lane {
public:
    LaneKind kind = LaneKind::Actor;
    QString name;
    ActorId actor = kNoActor;     // actor lanes
    ObjectId object = kNoObject;  // lock, semaphore, signal, queue, future and task lanes
    int index = 0;                // core number or semaphore slot
    bool inCycle = false;         // an actor or object of the deadlock cycle
    // Task lanes: the coroutine function's name ("worker"), empty when the trace does not say; group lanes:
    // what the group's tasks run (the coroutine, or the futures' name).
    QString coroutine;
    int members = 0;        // group lanes: tasks in the group
    bool expanded = false;  // group lanes: its tasks' lanes are shown under it
    bool inGroup = false;   // task lanes: shown under their expanded group
    // Runs with child processes. pid: a Process lane's, or an actor lane's process's. processLane: an actor
    // lane that is a child process's main thread; nested: an actor lane shown under its process's Process
    // lane. A child's end: its exit code (-N: signal N ended it), and the signal terminate() or kill() sent
    // it, by whom.
    std::int64_t pid = 0;
    bool processLane = false;
    bool nested = false;
    bool exited = false;
    int exitCode = 0;
    int signal = 0;
    ActorId signalledBy = kNoActor;
    std::vector<Band> bands;
    std::array<std::vector<Mark>, kMarkKinds> marks;
    std::vector<CountPoint> counts;  // value from each point on (a step chart)
    int countMax = 0;
    std::vector<StateCounts> states;  // group lanes: the group's make-up from each point on

    // Call once the arrays are filled or extended (bands from `fromBand` on are new): builds the running
    // maxima of band ends, which make "first band ending after x" a binary search even on lanes with gaps
    // (cores). Marks arrive in trace order, so sorted; bands too except, in principle, on core lanes: those
    // get sorted.
    void finish(std::size_t fromBand = 0);

    // Visible bands are [firstBand(a, begin), bandEnd(a, end)).
    std::size_t firstBand(Axis a, Pos begin) const;
    std::size_t bandEnd(Axis a, Pos end) const;
    // First band of [from, to) that begins at or after p (the bands drawn in one pixel column are skipped
    // with it).
    std::size_t firstBandFrom(Axis a, std::size_t from, std::size_t to, Pos p) const;
    // The band covering p with a non-zero length on this axis, or -1.
    int bandAt(Axis a, Pos p) const;

    // Marks of a kind at or after p.
    std::size_t firstMark(MarkKind k, Axis a, Pos p) const;
    std::size_t markCount(MarkKind k) const { return marks[static_cast<std::size_t>(k)].size(); }
    const Mark& mark(MarkKind k, std::size_t i) const { return marks[static_cast<std::size_t>(k)][i]; }
    // Count points at or after p; the value at p (0 before the first point).
    std::size_t firstCount(Axis a, Pos p) const;
    int countAt(Axis a, Pos p) const;
    // Group lanes: state points at or after p; the make-up at p (nullptr before the first point).
    std::size_t firstStates(Axis a, Pos p) const;
    const StateCounts* statesAt(Axis a, Pos p) const;

    bool empty() const;

private:
    std::vector<std::uint32_t> maxEndStep_;
    std::vector<Nanos> maxEndTime_;
    // countMax over the points before the last (only the last point may still change: a step's value is
    // rewritten until the step ends), so finish() reads only new points.
    std::size_t countsSeen_ = 0;
    int settledCountMax_ = 0;
};

}  // namespace lockstep::timeline
