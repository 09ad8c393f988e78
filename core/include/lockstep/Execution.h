#pragma once
// One run of a scenario: real OS threads (one per actor) of which exactly one runs at a time.
//
// Invariants, kept by every function below:
//  * Exactly one participant holds the baton: an actor, or the controller (the thread that calls advance()).
//    All engine state (actors, queues, timers, trace) is touched only by the baton holder; the baton's
//    release/acquire hand-off orders those accesses.
//  * Every instrumented operation is one step: it begins a step in the trace, records its events, and ends
//    in schedule(), the scheduling point, where the policy picks who runs next.
//  * Virtual time moves only in advanceTime(), and only when no actor is ready: code between scheduling
//    points takes no virtual time.
//  * An actor is in at most one of: the ready queue, the CPU queue, a core, a wait queue (+ timer), the
//    timer heap alone (sleeping).
//  * After the run ends (or on abort) every actor that still has a stack is given the baton once, throws
//    AbortRun, unwinds, and gives the baton back, so nothing is left running.

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <queue>
#include <string>
#include <vector>

#include "lockstep/AccessHistory.h"
#include "lockstep/Baton.h"
#include "lockstep/Policy.h"
#include "lockstep/PyError.h"
#include "lockstep/RunConfig.h"
#include "lockstep/RunSession.h"
#include "lockstep/SplitMix64.h"
#include "lockstep/SyncObject.h"
#include "lockstep/Trace.h"
#include "lockstep/WorkerPool.h"

namespace lockstep {

class ThreadObject;

class Execution final : public RunSession {
public:
    using Body = std::function<void()>;

    Execution(WorkerPool& pool, Trace& trace, RunConfig config, Body mainBody);
    ~Execution();  // aborts the run if it has not been torn down: no actor is left running
    Execution(const Execution&) = delete;
    Execution& operator=(const Execution&) = delete;

    // ---- controller side: call from one thread that is not an actor ----
    StopInfo advance(const StopRequest& request = {}) override;
    // Run to the end and unwind what is left (blocked or daemon threads). Returns the outcome.
    const RunOutcome& runToEnd();
    // Unwind every actor that still has a stack. The status becomes Aborted if the run had not ended.
    void teardown() override;
    // Ask a running advance() to stop at the next scheduling point. Any thread may call this.
    void requestPause() override { pauseRequested_.store(true, std::memory_order_relaxed); }
    bool ended() const override { return ended_; }
    // While paused: who could run at the pending decision, and forcing one of them.
    const std::vector<ActorId>& pendingCandidates() const override { return candidates_; }
    bool chooseNext(ActorId actor) override;
    const RunConfig& config() const { return config_; }
    const Trace& trace() const { return trace_; }
    // The GIL's switch interval from now on (a Python program's sys.setswitchinterval()): a CPU burst holding
    // the GIL hands it over after this long. config() keeps the run's starting value, which a replay starts from.
    Nanos switchInterval() const { return switchInterval_; }
    void setSwitchInterval(Nanos d) { switchInterval_ = std::max<Nanos>(d, 1); }
    // Replace the policy made from config().policy (the explorer's own strategies). Only before the first
    // advance(); the new policy's preemptive() then decides quantum preemption.
    void usePolicy(std::unique_ptr<Policy> policy);

    // ---- actor side: the API the primitives are built on; only the baton holder calls these ----
    static Execution& current();          // throws std::logic_error outside a scenario thread
    static Execution* currentOrNull();
    // The calling actor, or nullptr while the run is being aborted and the caller is already unwinding
    // (an operation then does nothing). Throws AbortRun when aborting and the caller is not unwinding.
    ActorId enter();
    ActorId self() const;
    // Starts the step of the running actor's next operation. A step is what lies between two scheduling
    // points (that is where a run can pause), so a second call before the next one opens nothing new: an
    // operation made of several (the event loop's task step and the print inside it) is one step.
    void beginStep() {
        if (stepBegun_) return;
        stepBegun_ = true;
        trace_.beginStep();
    }
    void record(ActorId actor, Op op, ObjectId object, Result result, std::int32_t arg = 0, std::uint8_t flags = 0);
    std::int32_t text(std::string_view s) { return static_cast<std::int32_t>(trace_.intern(s)); }
    void yieldPoint(ActorId me, bool yielding = false);
    // Wait in `object`'s wait queue (the caller has put `me` there). Returns false when the deadline passed
    // first (the actor was taken out of the queue), true when another actor woke it.
    bool block(ActorId me, SyncObject& object, Op op, Nanos deadline = kForever);
    // Make a waiting actor ready again. The caller has taken it out of the wait queue.
    void wake(ActorId actor);
    // Take up to n actors from the front of a wait queue and wake them, oldest first. Returns how many.
    int wakeWaiters(std::deque<ActorId>& queue, int n = INT32_MAX);
    // Happens-before for the race detector. A release publishes what the actor has seen into the object
    // (unlock, set, notify, put, release, thread end); an acquire takes in what the object published (lock,
    // a wait that returns, get, join).
    void hbRelease(ActorId me, SyncObject& object);
    void hbAcquire(ActorId me, const SyncObject& object);
    // A load or store of a shared variable: records a DataRace (and an Op::Race event) when an earlier
    // conflicting access of another actor is not ordered before this one.
    void hbAccess(ActorId me, AccessHistory& history, ObjectId object, bool write);
    void sleepFor(ActorId me, Nanos d);
    void workFor(ActorId me, Nanos d);
    // Record a Python-style exception, make it a scheduling point, then throw it in the calling actor.
    template <typename E>
    [[noreturn]] void raise(ActorId me, ObjectId object, const E& error) {
        recordRaise(me, object, error);
        throw error;
    }
    void recordRaise(ActorId me, ObjectId object, const PyError& error);
    ActorId spawn(ThreadObject& thread, Body body, const std::string& name, bool daemon);
    // A real child process's main thread: the actor runs `body` on a worker of this process (the proxy that
    // relays the child's scheduling points), and the trace shows the child's pid and tid.
    ActorId spawnProcess(ThreadObject& process, Body body, const std::string& name, bool daemon, std::int64_t pid);
    // terminate()/kill(): stop a process's actor from waiting (wait queue, timer, CPU); when it next runs it
    // throws ProcessInterrupted. Does nothing to a finished actor.
    void interrupt(ActorId actor);
    // A process's exit code, set by its proxy before its body returns. Non-zero makes its end state Error,
    // or Killed when terminate()/kill() asked for that end (`onRequest`).
    void setExitCode(ActorId actor, int code, bool onRequest) {
        actors_[actor].exitCode = code;
        actors_[actor].killedOnRequest = onRequest;
    }
    // The actor's code failed and has already reported it (an embedded Python thread's excepthook printed the
    // traceback): when its body returns, it ends Error with `description` ("ValueError: ...") and no second
    // report.
    void failActor(ActorId actor, std::string description) { actors_[actor].failure = std::move(description); }
    // State a library built on the engine keeps for one run (multiprocessing's table of the objects the
    // children refer to by id, a Python program's run), one slot each. It dies with the run, after every actor
    // has been unwound.
    enum class Extension : std::uint8_t { Multiprocessing, PythonProgram, Count_ };
    std::shared_ptr<void>& extension(Extension which) { return extensions_[static_cast<std::size_t>(which)]; }
    ObjectId registerObject(std::shared_ptr<SyncObject> object, ObjectKind kind, std::string name,
                            std::int64_t param = 0, std::int32_t createArg = 0, std::uint8_t createFlags = 0);
    std::string defaultName(ObjectKind kind);
    // asyncio.create_task(coro, name=...) names a task after making it: the object takes the new name.
    void renameObject(ObjectId object, std::string name) { trace_.objectMut(object).name = std::move(name); }
    // The object is the standard library's own (ObjectInfo::internal): a Python program's bridge says so for
    // what its library code makes.
    void markInternal(ObjectId object) { trace_.objectMut(object).internal = true; }
    int nextThreadNumber() { return ++threadCounter_; }
    Nanos now() const { return now_; }
    void setLine(ActorId me, std::uint16_t line);
    std::uint16_t line(ActorId a) const;
    const std::string& actorName(ActorId a) const { return trace_.actor(a).name; }
    std::int64_t actorTid(ActorId a) const { return trace_.actor(a).tid; }
    std::uint64_t seed() const { return config_.seed; }
    // The scenario's own random numbers (random.randint): one generator per run, drawn in execution order,
    // so the seed fixes every draw.
    std::uint64_t nextRandom() {
        ++randomDraws_;
        return scenarioRandom_.next();
    }
    bool aborting() const { return aborting_; }
    std::uint64_t randomDraws() const override { return randomDraws_; }
    // Reads of an object's state that take no step (see SilentRead).
    using SilentRead = lockstep::SilentRead;
    void noteSilentRead(ObjectId object) { silentReads_.push_back({decisions_, object}); }
    const std::vector<SilentRead>& silentReads() const override { return silentReads_; }
    // What a library built on the engine touches (see Touch), kept only when the policy asks
    // (Policy::wantsTouches), so other runs pay one test per touch.
    using Touch = lockstep::Touch;
    bool touchesWanted() const { return touchesWanted_; }
    void noteTouch(std::uint64_t thing, bool write) { touches_.push_back({decisions_, thing, write}); }
    const std::vector<Touch>& touches() const override { return touches_; }

private:
    enum class State : std::uint8_t { Created, Ready, Running, Blocked, Sleeping, WantCpu, Computing, Finished };
    enum class After : std::uint8_t { Continue, Aborted };

    struct ActorState {
        ActorId id = kNoActor;
        State state = State::Created;
        Body body;
        Worker* worker = nullptr;
        bool hasStack = false;       // its body runs on a worker and has not returned
        bool daemon = false;
        ThreadObject* thread = nullptr;
        SyncObject* waitingOn = nullptr;
        Op waitOp = Op::Wait;
        std::uint64_t timerSeq = 0;  // 0: no timer armed
        bool timedOut = false;
        Nanos burstLeft = 0;
        int core = -1;               // core it computes on, or -1
        std::uint8_t lastCore = 0;
        std::uint16_t line = 0;
        EndState endState = EndState::NotStarted;
        bool process = false;      // the main thread of a child process: it has that process's own GIL
        bool interrupted = false;  // see interrupt()
        int exitCode = 0;
        bool killedOnRequest = false;
        std::string failure;  // see failActor()
        VectorClock clock;  // happens-before: what this actor has seen of every actor's releases
    };
    struct Timer {
        Nanos at;
        std::uint64_t seq;
        ActorId actor;
        bool operator>(const Timer& o) const { return at != o.at ? at > o.at : seq > o.seq; }
    };
    struct Core {
        ActorId actor = kNoActor;
        Nanos sliceStart = 0;
        Nanos sliceEnd = 0;
    };

    void runActor(ActorId id);
    After schedule(ActorId me, bool yielding);
    After handOff(ActorId me, ActorId next);
    After waitForBaton(ActorId me, Baton& mine);
    After pauseHere(ActorId me, StopReason reason);
    After endRun(ActorId me, RunStatus status, std::string message = {});
    void finishRunBookkeeping(RunStatus status, std::string message);
    void buildCandidates(ActorId me, bool yielding);
    // RunConfig::oneAfterAnother: whether every thread started before `actor` has ended (its ancestors aside).
    bool earlierThreadsDone(ActorId actor) const;
    ActorId forcedChoice(std::string& error);
    // The forced schedule named no such thread, or one that cannot run now: the run ends in error, marked as
    // the input's fault (RunOutcome::scheduleRejected).
    After rejectSchedule(ActorId me, std::string error);
    std::string traceLimitMessage() const;
    bool advanceTime();
    void fireTimer(ActorId a);
    void armTimer(ActorState& a, Nanos at);
    void dispatchCpu();
    void endSlice(int core);
    Nanos sliceLength(const ActorState& a) const;
    // Whether the actor must hold the main process's GIL to compute. A child process has its own GIL, and
    // its one thread never waits for it.
    bool usesGil(const ActorState& a) const { return config_.gil && !a.process; }
    void checkCycleFrom(ActorId me);
    void reportRace(ActorId me, ObjectId object, const AccessHistory::Entry& first, bool firstWrite, bool write);
    bool findCycleAmongBlocked();
    void removeFromReady(ActorId a);
    void collectFinalValues();
    bool allNonDaemonFinished() const;
    void startFirstActor();

    WorkerPool& pool_;
    Trace& trace_;
    RunConfig config_;
    Nanos switchInterval_ = 0;  // config_.switchInterval until the run changes it
    std::unique_ptr<Policy> policy_;
    std::deque<ActorState> actors_;
    std::deque<ActorId> ready_;
    std::deque<ActorId> cpuQueue_;
    std::vector<Core> cores_;
    std::priority_queue<Timer, std::vector<Timer>, std::greater<>> timers_;
    std::uint64_t timerSeq_ = 0;
    std::vector<std::shared_ptr<SyncObject>> objects_;
    bool stepBegun_ = false;  // beginStep() was called since the last scheduling point
    std::vector<int> kindCounters_;
    int threadCounter_ = 0;
    Nanos now_ = 0;
    ActorId running_ = kNoActor;
    ActorId gilHolder_ = kNoActor;
    ObjectId gilObject_ = kNoObject;
    std::uint32_t switches_ = 0;
    std::vector<ActorId> candidates_;
    SplitMix64 scenarioRandom_{0};
    std::uint64_t randomDraws_ = 0;
    std::uint64_t decisions_ = 0;  // calls of policy_->pick so far
    std::vector<SilentRead> silentReads_;
    bool touchesWanted_ = false;
    std::vector<Touch> touches_;
    std::array<std::shared_ptr<void>, static_cast<std::size_t>(Extension::Count_)> extensions_;

    // forced choices: from config_.schedule, then from chooseNext()
    std::size_t scheduleIndex_ = 0;
    ActorId chosenByController_ = kNoActor;

    // control
    Baton controllerBaton_;
    std::atomic<bool> pauseRequested_{false};
    StopRequest request_;
    StopInfo stopInfo_;
    ActorId pausedActor_ = kNoActor;
    bool started_ = false;
    bool ended_ = false;
    bool aborting_ = false;
    bool tornDown_ = false;
    bool breakpointHit_ = false;
    bool deadlockHit_ = false;
};

}  // namespace lockstep
