#pragma once
// Every lane of the timeline, built from a trace in one pass and extended as the trace grows: update() reads
// only the new events (the same state machines as lockstep::TraceAnalysis, kept open between calls), so a
// step of a million-event run costs microseconds, not a rebuild. Names of actors and objects are copied in,
// so painting and tooltips never read the trace (whose actor rows may change while a run goes on).
//
// asyncio: a lane per task and asyncio future (after the actors), a lane under each event loop's actor naming
// what the loop runs at each step, and, past groupThreshold() task lanes, one lane per coroutine function
// counting its tasks in each state (expandable into the tasks' own lanes). Lanes are stored in the order they
// were made; rows are the lanes shown, in display order (a collapsed group hides its tasks' lanes). New
// tasks, futures and other objects without a fixed place extend the model without a rebuild, so a program
// creating thousands of tasks stays incremental.
//
// multiprocessing: when the run has child processes, the actor lanes are grouped by process: a Process lane
// "MainProcess · pid 1234" heads the main process's threads (nested under it), and a child process, whose one
// thread is the process, has a single lane "Process-1 · pid 5678" that ends with its exit code. Every message
// through a multiprocessing.Queue or a Pipe is a transfer (TraceAnalysis's pairing), drawn as an arrow from
// the sender's lane to the receiver's. A run without child processes has the lanes it always had.

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <array>
#include <cstdint>
#include <vector>

#include "lockstep/Trace.h"
#include "lockstep/TraceAnalysis.h"
#include "timeline/Axis.h"
#include "timeline/Lane.h"

namespace lockstep::timeline {

class TimelineModel {
public:
    TimelineModel() = default;
    explicit TimelineModel(const Trace& trace) { build(trace); }

    void clear();
    void build(const Trace& trace);
    // Brings the lanes up to date with a trace that has grown; true if anything changed. New events are added
    // to the lanes, and so are new asyncio tasks and futures; a new actor, an object with a lane of its own
    // (lock, semaphore, event, queue, concurrent future...), a new core, semaphore slot or event loop, a new
    // outcome or a new cycle rebuilds them all.
    bool update(const Trace& trace);

    // Every lane, those of collapsed groups included, in no particular order.
    const std::vector<Lane>& lanes() const { return lanes_; }
    // The rows shown, top to bottom.
    int laneCount() const { return static_cast<int>(rows_.size()); }
    const Lane& lane(int row) const {
        return lanes_[static_cast<std::size_t>(rows_[static_cast<std::size_t>(row)])];
    }
    // Row of an actor's lane or an object's (first) lane, or -1 (none, or hidden in a collapsed group).
    int actorLane(ActorId a) const;
    int objectLane(ObjectId o) const;
    // Row of the lane under an actor that shows what its event loop runs, or -1.
    int loopLane(ActorId a) const;
    // A task's or asyncio future's lane, shown or not (nullptr for other objects).
    const Lane* taskLane(ObjectId o) const;

    // ---- asyncio task groups
    static constexpr int kDefaultGroupThreshold = 40;
    // Past this many task lanes, tasks of one coroutine function (futures of one name) share a group lane.
    void setGroupThreshold(int lanes);
    int groupThreshold() const { return groupThreshold_; }
    bool grouped() const { return grouped_; }
    // The key of a group lane's group ("" for other rows); expanding shows its tasks' lanes under it.
    QString groupKey(int row) const;
    bool toggleGroup(int row);
    void setGroupExpanded(const QString& key, bool expanded);
    void setExpandedGroups(const QStringList& keys);
    QStringList expandedGroups() const;

    std::uint32_t stepCount() const { return stepCount_; }
    std::size_t eventCount() const { return eventCount_; }
    Nanos endTime() const { return endTime_; }
    // The run on an axis: steps [1, stepCount + 1), time [0, endTime) (never empty).
    Pos rangeBegin(Axis a) const { return a == Axis::Steps ? 1 : 0; }
    Pos rangeEnd(Axis a) const;
    // Virtual time at which a step happened (its first event).
    Nanos stepTime(std::uint32_t step) const;
    // Where a step sits on an axis: its first unit (steps) or its instant (time).
    Pos stepPosition(Axis a, std::uint32_t step) const;
    // The step shown at a position: the step itself, or the last step at or before an instant (>= 1 when
    // any).
    std::uint32_t stepAt(Axis a, Pos p) const;

    QString actorName(ActorId a) const;
    QString objectName(ObjectId o) const;
    ObjectKind objectKind(ObjectId o) const;
    // What a future returned (repr) or raised ("Type: message") once it is finished or failed; empty before.
    // The same for an asyncio task or future once done or failed.
    QString futureOutcome(ObjectId future) const;
    bool hasFutures() const { return hasFutures_; }
    bool hasTasks() const { return !taskObjects_.empty(); }
    // The coroutine function an asyncio task runs ("worker"), from its Create event; empty when not known.
    QString taskCoroutine(ObjectId task) const;
    // The deadlock cycle shown (the outcome's, else the last one found), or nullptr.
    const DeadlockCycle* cycle() const { return hasCycle_ ? &cycle_ : nullptr; }

    // ---- multiprocessing
    // The run has a child process: actor lanes are grouped by process.
    bool hasProcesses() const { return hasProcesses_; }
    // Messages received through a multiprocessing.Queue or Pipe so far, in the order of their receives.
    const std::vector<Transfer>& transfers() const { return matcher_.transfers(); }

private:
    // Reads events [processed_, end) into the lanes; false when one needs a lane that does not exist yet.
    bool consume(const Trace& trace, std::size_t end);
    // Intervals still open (the actor's current state, a lock still held) end at the end of the run; they are
    // appended after the settled bands and replaced at the next update.
    void appendOpenTails();
    void dropOpenTails();
    void closeState(ActorId a, const StateInterval& s);
    bool cycleHighlight(ActorId a, const StateInterval& s) const;
    // Per-object tables for objects [from, trace.objectCount()), and lanes for the tasks and futures among
    // them.
    void addObjects(const Trace& trace, std::size_t from);
    void addTaskLane(ObjectId o);
    void taskEvent(const Trace& trace, const TraceEvent& e, TaskState next, std::uint32_t step);
    void openTask(ObjectId o, const TaskInterval& state);
    void closeTask(ObjectId o, std::uint32_t endStep, Nanos end);
    void applyDeferred(std::uint32_t step);
    void joinGroup(ObjectId o, const QString& key, const QString& what, bool future);
    void countState(ObjectId o, int from, TaskState to, std::uint32_t step, Nanos time);
    void computeRows();
    int laneOfActor(ActorId a) const { return a < actorLane_.size() ? actorLane_[a] : -1; }
    std::size_t addLoopBand(ActorId loop, Band b);  // its index
    void touch(int lane, std::size_t fromBand);

    struct WaitCount {
        int lane = -1;
        int count = 0;
        std::vector<char> waiting;  // by actor
    };
    struct HoldState {
        int lane = -1;  // first slot lane (locks: the lock's lane)
        int slotCount = 1;
        bool semaphore = false;
        std::vector<HoldInterval> open;  // by slot
    };

    std::vector<Lane> lanes_;
    std::vector<std::size_t> settled_;              // by lane: bands before the open tails
    std::vector<StateInterval> current_;            // by actor: the open state interval
    std::vector<WaitCount> waits_;                  // by object
    std::vector<std::vector<ObjectId>> waitingOn_;  // by actor: objects whose count includes it
    std::vector<HoldState> holds_;                  // by object
    std::vector<int> queueCount_;                   // by object
    std::vector<FutureInterval> futures_;           // by object: a future's open state interval
    std::vector<char> futureCreated_;               // by object: its Create event was seen
    std::vector<QString> futureOutcomes_;           // by object: see futureOutcome()
    bool hasFutures_ = false;
    std::vector<int> coreLane_;                     // by core

    // asyncio. A task's Running state lasts to the end of its step: the step is what the loop spent on it,
    // so a resume that suspends again in the same step still shows as one step of running (and a band of one
    // step under the loop). A change out of Running waits in `next` for the next step to begin.
    static constexpr std::size_t kNoBand = SIZE_MAX;
    struct TaskTrack {
        TaskInterval cur;
        TaskInterval next;
        bool created = false;
        bool deferred = false;
        ActorId loop = kNoActor;  // the actor that resumed it last
        std::size_t band = kNoBand;      // its open band (the lane's last)
        std::size_t loopBand = kNoBand;  // while running: its open band under the loop
        int lane = -1;
        int group = -1;
    };
    struct Group {
        QString key;
        int lane = -1;
        std::vector<ObjectId> members;
        std::array<std::int32_t, std::size_t(TaskState::Count_)> count{};
    };
    std::vector<TaskTrack> tasks_;       // by object
    std::vector<ObjectId> taskObjects_;  // tasks and asyncio futures, in creation order
    std::vector<ObjectId> deferred_;     // tasks with a change waiting for the next step
    std::vector<QString> coroutines_;    // by object
    std::vector<Group> groups_;
    QHash<QString, int> groupByKey_;
    QSet<QString> expanded_;  // kept across rebuilds
    int groupThreshold_ = kDefaultGroupThreshold;
    bool grouped_ = false;
    std::vector<int> loopLane_;      // by actor: its loop lane, or -1
    struct LoopTurn {
        ObjectId last = kNoObject;  // what the loop's last band ran
        bool shade = false;
    };
    std::vector<LoopTurn> loopTurns_;  // by actor
    // Task and loop lanes change in place (an open band gets its end): the lanes changed since the last
    // finish(), and from which band.
    std::vector<std::size_t> dirtyFrom_;  // by lane
    std::vector<int> dirtyLanes_;
    std::vector<int> tailLanes_;           // lanes with tails: all but tasks' and groups'
    std::vector<ObjectId> holdObjects_;    // locks and semaphores
    std::vector<ObjectId> futureObjects_;  // concurrent.futures futures
    std::vector<int> fixedLanes_;    // cores, locks, semaphores, signals, queues, futures, in order
    std::vector<int> rows_, rowOf_;  // row -> lane, lane -> row (-1: hidden)
    bool rowsDirty_ = true;
    std::vector<ObjectKind> objectKinds_;
    std::size_t processed_ = 0;
    TraceEvent lastEvent_;    // event processed_ - 1, to notice a trace cleared and refilled
    std::uint32_t step_ = 0;  // steps seen in the processed events
    std::vector<int> actorLane_, objectLane_;
    std::vector<Nanos> stepTimes_;  // by step - 1
    std::vector<QString> actorNames_, objectNames_;
    std::uint32_t stepCount_ = 0;
    std::size_t eventCount_ = 0;
    Nanos endTime_ = 0;
    RunStatus status_ = RunStatus::Running;
    DeadlockCycle cycle_;
    bool hasCycle_ = false;
    std::size_t cycleCount_ = 0;
    // multiprocessing: each process's actors (in actor order) under its Process lane (-1: a child process
    // with one actor, whose own lane stands for the process); the actor a Process object started, by object.
    struct ProcessGroup {
        int header = -1;
        std::vector<ActorId> actors;
    };
    bool hasProcesses_ = false;
    std::vector<ProcessGroup> processGroups_;
    std::vector<ActorId> processActor_;
    TransferMatcher matcher_;
};

}  // namespace lockstep::timeline
