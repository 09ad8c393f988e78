#include "lockstep/Execution.h"
#include "lockstep/mp/Detail.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <csignal>
#include <exception>
#include <stdexcept>

#include "lockstep/ThreadObject.h"

namespace lockstep {

namespace {
thread_local Execution* tlsExecution = nullptr;
thread_local ActorId tlsActor = kNoActor;

std::int32_t micros(Nanos d) {
    const Nanos us = d / 1000;
    return static_cast<std::int32_t>(std::clamp<Nanos>(us, INT32_MIN, INT32_MAX));
}
}  // namespace

void SyncObject::noteRead() const {
    if (exec_ && Execution::currentOrNull() == exec_ && !exec_->aborting()) exec_->noteSilentRead(id_);
}

void ThreadObject::onFinished() {
    finished = true;
    execution().wakeWaiters(waiters_);
}

Execution::Execution(WorkerPool& pool, Trace& trace, RunConfig config, Body mainBody)
    : pool_(pool), trace_(trace), config_(std::move(config)) {
    config_.cores = std::clamp(config_.cores, 1, RunConfig::kMaxCores);
    if (config_.quantum <= 0) config_.quantum = 1;
    if (config_.switchInterval <= 0) config_.switchInterval = 1;
    switchInterval_ = config_.switchInterval;
    policy_ = makePolicy(config_.policy, config_.seed);
    scenarioRandom_ = SplitMix64(config_.seed ^ 0x5DEECE66Dull);
    cores_.resize(static_cast<std::size_t>(config_.cores));
    kindCounters_.resize(static_cast<std::size_t>(ObjectKind::Count_));
    trace_.clear();
    pool_.beginRun();

    ActorInfo info;
    info.name = "MainThread";
    info.kind = ActorKind::MainThread;
    info.pid = ::getpid();
    trace_.addActor(std::move(info));
    ActorState& main = actors_.emplace_back();
    main.id = 0;
    main.body = std::move(mainBody);
    main.state = State::Ready;
    main.clock.set(0, 1);
}

Execution::~Execution() {
    if (started_ && !tornDown_) teardown();
}

// ---------------------------------------------------------------------------------------------------------
// controller side

StopInfo Execution::advance(const StopRequest& request) {
    if (ended_ || tornDown_) return StopInfo{StopReason::Ended, trace_.stepCount()};
    const Baton::RunActivity activity;  // while it runs, its baton holder needs a core
    request_ = request;
    breakpointHit_ = false;
    deadlockHit_ = false;
    if (!started_) {
        started_ = true;
        startFirstActor();
    } else {
        // The paused actor waits in pauseHere() for its worker's baton.
        actors_[pausedActor_].worker->baton.give();
    }
    controllerBaton_.take();
    return stopInfo_;
}

void Execution::startFirstActor() {
    ActorState& main = actors_[0];
    ready_.clear();
    main.state = State::Running;
    running_ = 0;
    main.worker = pool_.acquire();
    main.worker->job = [this] { runActor(0); };
    main.worker->baton.give();
}

const RunOutcome& Execution::runToEnd() {
    while (!ended_) {
        const StopInfo s = advance();
        if (s.reason == StopReason::NeedChoice) chooseNext(candidates_.front());
    }
    teardown();
    return trace_.outcome();
}

void Execution::usePolicy(std::unique_ptr<Policy> policy) {
    if (started_) throw std::logic_error("Execution::usePolicy after the run started");
    if (!policy) return;
    touchesWanted_ = policy->wantsTouches();
    policy_ = std::move(policy);
}

bool Execution::chooseNext(ActorId actor) {
    if (std::find(candidates_.begin(), candidates_.end(), actor) == candidates_.end()) return false;
    chosenByController_ = actor;
    return true;
}

void Execution::teardown() {
    if (tornDown_) return;
    tornDown_ = true;
    if (!started_) {
        ended_ = true;
        return;
    }
    if (!ended_) finishRunBookkeeping(RunStatus::Aborted, "the run was stopped before it ended");
    aborting_ = true;
    // A finished actor may be parked in pauseHere() at its last step; it has no stack to unwind but its
    // worker still waits for the baton.
    if (pausedActor_ != kNoActor && !actors_[pausedActor_].hasStack &&
        actors_[pausedActor_].state == State::Finished) {
        actors_[pausedActor_].worker->baton.give();
        controllerBaton_.take();
    }
    for (ActorState& a : actors_) {
        if (!a.hasStack) continue;
        // It wakes in waitForBaton(), throws AbortRun, unwinds and gives the baton back in runActor().
        a.worker->baton.give();
        controllerBaton_.take();
    }
    for (const auto& object : objects_) object->afterRun();
    for (ActorState& a : actors_) {
        if (a.worker) pool_.release(a.worker);
        a.worker = nullptr;
        a.body = nullptr;
    }
    pausedActor_ = kNoActor;
    pool_.trim();
}

// ---------------------------------------------------------------------------------------------------------
// actor side

Execution& Execution::current() {
    if (!tlsExecution) {
        // A child process has no engine of its own: only what it can ask its stand-in for works there.
        if (mp::detail::childLink())
            throw RuntimeError("not supported yet: threading's primitives inside a child process (a child can "
                               "print, sleep, work and use multiprocessing's objects)");
        throw std::logic_error("lockstep primitives can only be used by the threads of a running scenario");
    }
    return *tlsExecution;
}

Execution* Execution::currentOrNull() { return tlsExecution; }

ActorId Execution::self() const { return tlsActor; }

ActorId Execution::enter() {
    if (aborting_) {
        if (std::uncaught_exceptions() > 0) return kNoActor;
        throw AbortRun{};
    }
    return tlsActor;
}

void Execution::record(ActorId actor, Op op, ObjectId object, Result result, std::int32_t arg, std::uint8_t flags) {
    TraceEvent e;
    e.time = now_;
    e.object = object;
    e.arg = arg;
    e.actor = actor;
    e.op = op;
    e.result = result;
    if (actor != kNoActor) {
        const ActorState& s = actors_[actor];
        e.line = s.line;
        e.core = s.lastCore;
    }
    e.flags = flags;
    trace_.add(e);
    if (object != kNoObject && object == request_.breakObject) breakpointHit_ = true;
    if (actor != kNoActor && actor == request_.breakActor && op != Op::Switch) breakpointHit_ = true;
}

void Execution::setLine(ActorId me, std::uint16_t line) { actors_[me].line = line; }
std::uint16_t Execution::line(ActorId a) const { return actors_[a].line; }

std::string Execution::defaultName(ObjectKind kind) {
    const int n = ++kindCounters_[static_cast<std::size_t>(kind)];
    return std::string(objectKindName(kind)) + "-" + std::to_string(n);
}

ObjectId Execution::registerObject(std::shared_ptr<SyncObject> object, ObjectKind kind, std::string name,
                                   std::int64_t param, std::int32_t createArg, std::uint8_t createFlags) {
    // The run ends at its next scheduling point (trace-limit); until then the program is told as Python tells
    // it that a resource ran out.
    if (trace_.objectCount() >= Trace::kMaxObjects)
        throw RuntimeError("can't create more objects: the trace holds " + std::to_string(Trace::kMaxObjects) +
                           " already");
    if (name.empty()) name = defaultName(kind);
    ObjectInfo info;
    info.name = std::move(name);
    info.kind = kind;
    info.param = param;
    const ObjectId id = trace_.addObject(std::move(info));
    object->id_ = id;
    object->exec_ = this;
    objects_.push_back(std::move(object));
    record(tlsActor, Op::Create, id, Result::Ok, createArg, createFlags);
    return id;
}

ActorId Execution::spawn(ThreadObject& thread, Body body, const std::string& name, bool daemon) {
    if (actors_.size() > kMaxActorNumber) throw RuntimeError("can't start new thread");
    ActorInfo info;
    info.name = name;
    info.kind = ActorKind::Thread;
    info.daemon = daemon;
    info.parent = tlsActor;
    info.threadObject = thread.id();
    info.pid = ::getpid();
    const ActorId id = trace_.addActor(std::move(info));
    ActorState& s = actors_.emplace_back();
    s.id = id;
    s.body = std::move(body);
    s.daemon = daemon;
    s.thread = &thread;
    s.state = State::Ready;
    s.lastCore = static_cast<std::uint8_t>(id % cores_.size());
    // start() happens before everything the new thread does; what the parent does next does not.
    ActorState& parent = actors_[tlsActor];
    s.clock = parent.clock;
    s.clock.set(id, 1);
    parent.clock.tick(tlsActor);
    ready_.push_back(id);
    return id;
}

ActorId Execution::spawnProcess(ThreadObject& process, Body body, const std::string& name, bool daemon,
                                std::int64_t pid) {
    const ActorId id = spawn(process, std::move(body), name, daemon);
    ActorInfo& info = trace_.actorMut(id);
    info.kind = ActorKind::Process;
    info.pid = pid;
    info.tid = pid;  // a process's main thread has the process's id as its thread id
    actors_[id].process = true;
    return id;
}

void Execution::interrupt(ActorId actor) {
    ActorState& s = actors_[actor];
    if (s.state == State::Finished) return;
    s.interrupted = true;
    switch (s.state) {
    case State::Blocked:
        if (s.waitingOn) {
            s.waitingOn->removeWaiter(actor);
            record(actor, s.waitOp, s.waitingOn->id(), Result::Aborted);
            s.waitingOn = nullptr;
        }
        break;
    case State::Sleeping: record(actor, Op::Sleep, kNoObject, Result::Aborted); break;
    case State::WantCpu:
        cpuQueue_.erase(std::remove(cpuQueue_.begin(), cpuQueue_.end(), actor), cpuQueue_.end());
        record(actor, Op::Work, kNoObject, Result::Aborted);
        break;
    case State::Computing: {
        cores_[static_cast<std::size_t>(s.core)].actor = kNoActor;
        s.core = -1;
        record(actor, Op::Work, kNoObject, Result::Aborted);
        dispatchCpu();
        break;
    }
    default: return;  // ready or running: it sees the flag when it next gets the baton
    }
    s.timerSeq = 0;
    s.state = State::Ready;
    ready_.push_back(actor);
}

void Execution::runActor(ActorId id) {
    tlsExecution = this;
    tlsActor = id;
    ActorState& a = actors_[id];
    a.hasStack = true;
    bool aborted = false;
    std::string uncaught;
    const ObjectId threadObject = a.thread ? a.thread->id() : kNoObject;
    try {
        if (!a.process) trace_.actorMut(id).tid = a.worker->tid();
        trace_.actorMut(id).endState = EndState::Running;
        beginStep();
        if (id == 0 && config_.gil) {
            // One GIL per process; this engine runs one process, so the main thread creates it.
            gilObject_ = registerObject(std::make_shared<SyncObject>(), ObjectKind::Gil, "GIL");
        }
        record(id, Op::Run, threadObject, Result::Started);
        yieldPoint(id);
        a.body();
    } catch (const AbortRun&) {
        aborted = true;
    } catch (const PyError& e) {
        uncaught = e.describe();
    } catch (const std::exception& e) {
        uncaught = std::string("InternalError: ") + e.what();
    } catch (...) {
        uncaught = "InternalError: an unknown C++ exception";
    }
    {
        Body done = std::move(a.body);  // the captures die while this actor still holds the baton
        a.body = nullptr;
    }
    a.hasStack = false;
    if (aborted || aborting_) {
        a.state = State::Finished;
        tlsActor = kNoActor;
        tlsExecution = nullptr;
        controllerBaton_.give();
        return;
    }

    beginStep();
    const bool reported = uncaught.empty() && !a.failure.empty();
    if (reported) uncaught = a.failure;
    if (!uncaught.empty()) {
        if (!reported) {
            const std::string report = "Exception in thread " + trace_.actor(id).name + ":\n" + uncaught;
            record(id, Op::Print, kNoObject, Result::Ok, text(report),
                   TraceEvent::ArgIsString | TraceEvent::ToStderr);
        }
        record(id, Op::Run, threadObject, Result::Error, text(uncaught), TraceEvent::ArgIsString);
        a.endState = EndState::Error;
    } else {
        record(id, Op::Run, threadObject, Result::Done);
        a.endState = a.exitCode == 0    ? EndState::Finished
                     : a.killedOnRequest ? EndState::Killed
                                         : EndState::Error;
    }
    a.state = State::Finished;
    trace_.actorMut(id).endState = a.endState;
    if (a.thread) {
        hbRelease(id, *a.thread);  // everything the thread did happens before a join that returns
        a.thread->onFinished();
    }

    After after;
    if (allNonDaemonFinished()) after = endRun(id, RunStatus::Finished);
    else after = schedule(id, false);
    tlsActor = kNoActor;
    tlsExecution = nullptr;
    // Aborted while parked at this last step: tell the controller this worker is free.
    if (after == After::Aborted) controllerBaton_.give();
}

void Execution::yieldPoint(ActorId me, bool yielding) { schedule(me, yielding); }

void Execution::recordRaise(ActorId me, ObjectId object, const PyError& error) {
    record(me, Op::Raise, object, Result::Error, text(error.describe()), TraceEvent::ArgIsString);
    schedule(me, false);
}

bool Execution::allNonDaemonFinished() const {
    for (const ActorState& a : actors_)
        if (!a.daemon && a.state != State::Finished) return false;
    return true;
}

void Execution::buildCandidates(ActorId me, bool yielding) {
    candidates_.clear();
    const bool meRunning = actors_[me].state == State::Running;
    if (meRunning && !yielding) candidates_.push_back(me);
    candidates_.insert(candidates_.end(), ready_.begin(), ready_.end());
    if (meRunning && yielding) candidates_.push_back(me);
    if (config_.oneAfterAnother)
        std::erase_if(candidates_, [this](ActorId c) { return !earlierThreadsDone(c); });
}

bool Execution::earlierThreadsDone(ActorId actor) const {
    // Actors are numbered in start order. The threads that started this one (up to the main thread) are
    // exempt: they go on as in the program, usually into a join that waits for this one.
    for (ActorId a = 0; a < actor; ++a) {
        const ActorState& s = actors_[a];
        if (s.daemon || s.state == State::Finished) continue;
        bool ancestor = false;
        for (ActorId p = trace_.actor(actor).parent; p != kNoActor && p < actor; p = trace_.actor(p).parent)
            if (p == a) {
                ancestor = true;
                break;
            }
        if (!ancestor) return false;
    }
    return true;
}

Execution::After Execution::schedule(ActorId me, bool yielding) {
    stepBegun_ = false;
    if (trace_.stepCount() >= config_.maxSteps)
        return endRun(me, RunStatus::StepLimit,
                      "the run reached the step limit of " + std::to_string(config_.maxSteps) +
                          " steps; raise it with --max-steps (up to " + std::to_string(RunConfig::kMaxStepLimit) +
                          ")");
    if (trace_.full(config_.maxEvents)) return endRun(me, RunStatus::TraceLimit, traceLimitMessage());
    for (;;) {
        buildCandidates(me, yielding);
        if (!candidates_.empty()) break;
        if (!advanceTime()) {
            if (trace_.full(config_.maxEvents)) return endRun(me, RunStatus::TraceLimit, traceLimitMessage());
            if (allNonDaemonFinished()) return endRun(me, RunStatus::Finished);
            if (findCycleAmongBlocked()) return endRun(me, RunStatus::Deadlock);
            if (config_.oneAfterAnother && !ready_.empty())
                return endRun(me, RunStatus::Stuck,
                              "one after the other, a thread waits for something only a thread started after it "
                              "can give");
            return endRun(me, RunStatus::Stuck);
        }
    }

    const std::uint32_t step = trace_.stepCount();
    StopReason reason = StopReason::StepReached;
    bool pause = true;
    // The request is consumed only here, where it takes effect: one made while no advance() runs is kept
    // for the next scheduling point instead of being lost.
    if (pauseRequested_.load(std::memory_order_relaxed) && pauseRequested_.exchange(false))
        reason = StopReason::PauseRequested;
    else if (deadlockHit_ && request_.onDeadlock) reason = StopReason::Deadlock;
    else if (breakpointHit_) reason = StopReason::Breakpoint;
    else if (step >= request_.untilStep) reason = StopReason::StepReached;
    else pause = false;
    if (pause && pauseHere(me, reason) == After::Aborted) return After::Aborted;

    ActorId next = kNoActor;
    std::string error;
    next = forcedChoice(error);
    if (!error.empty()) return rejectSchedule(me, std::move(error));
    if (next == kNoActor) {
        DecisionContext ctx{candidates_, me, actors_[me].state == State::Running, yielding, step, randomDraws_};
        next = policy_->pick(ctx);
        ++decisions_;
        while (next == kNoActor) {
            // Manual policy: the choice comes from the controller (chooseNext) while paused.
            if (pauseHere(me, StopReason::NeedChoice) == After::Aborted) return After::Aborted;
            next = forcedChoice(error);
            if (!error.empty()) return rejectSchedule(me, std::move(error));
        }
    }
    if (candidates_.size() > 1) trace_.markChoice();
    return handOff(me, next);
}

Execution::After Execution::rejectSchedule(ActorId me, std::string error) {
    trace_.outcomeMut().scheduleRejected = true;
    return endRun(me, RunStatus::Error, std::move(error));
}

ActorId Execution::forcedChoice(std::string& error) {
    if (chosenByController_ != kNoActor) {
        const ActorId a = chosenByController_;
        chosenByController_ = kNoActor;
        if (std::find(candidates_.begin(), candidates_.end(), a) != candidates_.end()) return a;
    }
    if (candidates_.size() < 2 || scheduleIndex_ >= config_.schedule.size()) return kNoActor;
    const std::size_t index = scheduleIndex_++;
    const std::string& wanted = config_.schedule[index];
    ActorId found = kNoActor;
    for (ActorId a = 0; a < actors_.size(); ++a)
        if (trace_.actor(a).name == wanted) found = a;
    if (found == kNoActor && !wanted.empty()) {
        // A number names the actor by its place in the run; one too large for any run names nobody.
        unsigned long n = 0;
        const auto [end, ec] = std::from_chars(wanted.data(), wanted.data() + wanted.size(), n);
        if (ec == std::errc() && end == wanted.data() + wanted.size() && n < actors_.size())
            found = static_cast<ActorId>(n);
    }
    std::string names;
    for (ActorId c : candidates_) names += (names.empty() ? "" : ", ") + trace_.actor(c).name;
    if (found == kNoActor) {
        error = "schedule entry " + std::to_string(index + 1) + " names '" + wanted +
                "', which is no thread of this run; at step " + std::to_string(trace_.stepCount()) +
                " the choices are: " + names;
        return kNoActor;
    }
    if (std::find(candidates_.begin(), candidates_.end(), found) == candidates_.end()) {
        error = "schedule entry " + std::to_string(index + 1) + " picks '" + wanted + "', which cannot run at step " +
                std::to_string(trace_.stepCount()) + "; the choices are: " + names;
        return kNoActor;
    }
    return found;
}

void Execution::removeFromReady(ActorId a) {
    auto it = std::find(ready_.begin(), ready_.end(), a);
    if (it != ready_.end()) ready_.erase(it);
}

Execution::After Execution::handOff(ActorId me, ActorId next) {
    ActorState& m = actors_[me];
    if (next == me) {
        if (m.state == State::Ready) {
            // It waited (timer, burst, wake-up) and continues on its own thread: no context switch, but the
            // trace must say it runs again. A Switch whose arg is the actor itself marks that.
            removeFromReady(me);
            record(me, Op::Switch, kNoObject, Result::Ok, me);
        }
        m.state = State::Running;
        running_ = me;
        return After::Continue;
    }
    removeFromReady(next);
    if (m.state == State::Running) {
        m.state = State::Ready;
        ready_.push_back(me);
    }
    ++switches_;
    record(next, Op::Switch, kNoObject, Result::Ok, me);
    ActorState& n = actors_[next];
    n.state = State::Running;
    running_ = next;
    const bool meFinished = m.state == State::Finished;
    if (!n.worker) {
        n.worker = pool_.acquire();
        n.worker->job = [this, next] { runActor(next); };
    }
    // Once the baton is given, `next` owns the engine and may grow actors_ (a deque whose map then moves),
    // so this thread must find its own baton before, not after.
    Baton& mine = m.worker->baton;
    n.worker->baton.give();
    if (meFinished) return After::Continue;  // a finished actor's thread touches nothing more
    return waitForBaton(me, mine);
}

Execution::After Execution::waitForBaton(ActorId me, Baton& mine) {
    mine.take();
    if (aborting_) {
        if (actors_[me].state == State::Finished || std::uncaught_exceptions() > 0) return After::Aborted;
        throw AbortRun{};
    }
    if (actors_[me].interrupted && std::uncaught_exceptions() == 0) {
        actors_[me].interrupted = false;
        throw ProcessInterrupted{};
    }
    return After::Continue;
}

Execution::After Execution::pauseHere(ActorId me, StopReason reason) {
    stopInfo_ = StopInfo{reason, trace_.stepCount()};
    pausedActor_ = me;
    Baton& mine = actors_[me].worker->baton;
    controllerBaton_.give();
    const After after = waitForBaton(me, mine);
    if (after == After::Continue) pausedActor_ = kNoActor;
    return after;
}

Execution::After Execution::endRun(ActorId me, RunStatus status, std::string message) {
    if (status == RunStatus::Finished) {
        // Python's multiprocessing terminates the daemonic children still running when the main process
        // exits (SIGTERM, exit code -15); teardown does it for real, and the trace says so now, at the end.
        for (const ActorState& a : actors_)
            if (a.process && a.daemon && a.state != State::Finished && a.thread)
                record(a.id, Op::Exit, a.thread->id(), Result::Error, -SIGTERM);
    }
    finishRunBookkeeping(status, std::move(message));
    stopInfo_ = StopInfo{StopReason::Ended, trace_.stepCount()};
    pausedActor_ = kNoActor;
    const bool meFinished = actors_[me].state == State::Finished;
    Baton& mine = actors_[me].worker->baton;
    controllerBaton_.give();
    if (meFinished) return After::Continue;
    return waitForBaton(me, mine);  // only teardown() gives this actor the baton again, to unwind it
}

void Execution::finishRunBookkeeping(RunStatus status, std::string message) {
    ended_ = true;
    RunOutcome& o = trace_.outcomeMut();
    o.status = status;
    o.endTime = now_;
    o.steps = trace_.stepCount();
    o.switches = switches_;
    o.message = std::move(message);
    for (ActorState& a : actors_) {
        EndState s = a.endState;
        if (a.state != State::Finished) {
            // Every actor here was started (Thread.start()); one that never got to run is, to Python, a
            // started thread all the same: killed at exit, or still runnable when the run stopped.
            if (status == RunStatus::Finished) s = EndState::Killed;
            else if (a.state == State::Blocked && (status == RunStatus::Deadlock || status == RunStatus::Stuck))
                s = EndState::Blocked;
            else s = EndState::Running;
        }
        a.endState = s;
        trace_.actorMut(a.id).endState = s;
    }
    collectFinalValues();
}

void Execution::collectFinalValues() {
    RunOutcome& o = trace_.outcomeMut();
    o.shared.clear();
    for (const auto& obj : objects_) {
        // The library's own objects (a JoinableQueue's count of unfinished tasks) are not the program's results.
        if (trace_.object(obj->id()).internal) continue;
        bool numeric = false;
        std::string v = obj->finalValue(numeric);
        if (!v.empty()) o.shared.push_back(FinalValue{obj->id(), std::move(v), numeric});
    }
}

// ---------------------------------------------------------------------------------------------------------
// blocking, sleeping, CPU bursts and the virtual clock

bool Execution::block(ActorId me, SyncObject& object, Op op, Nanos deadline) {
    ActorState& m = actors_[me];
    m.state = State::Blocked;
    m.waitingOn = &object;
    m.waitOp = op;
    m.timedOut = false;
    if (deadline == kForever) {
        record(me, op, object.id(), Result::Blocked);
    } else {
        record(me, op, object.id(), Result::Blocked, micros(deadline - now_),
               TraceEvent::ArgIsMicros | TraceEvent::HasTimeout);
        armTimer(m, deadline);
        // A timeout that is already over (acquire(timeout=0), wait(0)) gives up at once, as CPython's does;
        // otherwise the clock, which moves only when nobody can run, would make it wait for every other thread
        // (a ThreadPoolExecutor's idle check then never saw "no idle worker" and never started a second one).
        if (deadline <= now_) fireTimer(me);
    }
    if (!m.timedOut) checkCycleFrom(me);
    if (schedule(me, false) == After::Aborted) return false;
    return !m.timedOut;
}

void Execution::wake(ActorId actor) {
    ActorState& s = actors_[actor];
    if (s.state != State::Blocked) return;
    const ObjectId object = s.waitingOn ? s.waitingOn->id() : kNoObject;
    s.timerSeq = 0;
    s.waitingOn = nullptr;
    s.state = State::Ready;
    ready_.push_back(actor);
    record(actor, s.waitOp, object, Result::Woken);
}

void Execution::hbRelease(ActorId me, SyncObject& object) {
    ActorState& a = actors_[me];
    object.clock.join(a.clock);
    a.clock.tick(me);
}

void Execution::hbAcquire(ActorId me, const SyncObject& object) { actors_[me].clock.join(object.clock); }

void Execution::hbAccess(ActorId me, AccessHistory& history, ObjectId object, bool write) {
    const VectorClock& mine = actors_[me].clock;
    const std::uint32_t step = trace_.stepCount();
    // An earlier access by another actor is ordered before this one when this actor has seen that actor's
    // clock reach the access's epoch.
    auto unordered = [&](const AccessHistory::Entry& e) { return e.actor != me && e.epoch > mine.at(e.actor); };
    if (history.lastWrite && unordered(*history.lastWrite)) reportRace(me, object, *history.lastWrite, true, write);
    const AccessHistory::Entry now{me, mine.at(me), step};
    if (!write) {
        auto it = std::find_if(history.reads.begin(), history.reads.end(),
                               [me](const AccessHistory::Entry& e) { return e.actor == me; });
        if (it != history.reads.end()) *it = now;
        else history.reads.push_back(now);
        return;
    }
    for (const AccessHistory::Entry& r : history.reads)
        if (unordered(r)) reportRace(me, object, r, false, true);
    history.lastWrite = now;
    history.reads.clear();
}

void Execution::reportRace(ActorId me, ObjectId object, const AccessHistory::Entry& first, bool firstWrite, bool write) {
    // One report per kind of conflict between two actors on one variable: a loop would repeat it forever.
    for (const DataRace& r : trace_.races())
        if (r.object == object && r.first.actor == first.actor && r.second.actor == me && r.first.write == firstWrite &&
            r.second.write == write)
            return;
    DataRace race;
    race.object = object;
    race.first = DataRace::Access{first.step, first.actor, firstWrite};
    race.second = DataRace::Access{trace_.stepCount(), me, write};
    const int index = trace_.addRace(race);
    record(me, Op::Race, object, Result::Error, index);
}

int Execution::wakeWaiters(std::deque<ActorId>& queue, int n) {
    int woken = 0;
    for (; woken < n && !queue.empty(); ++woken) {
        const ActorId a = queue.front();
        queue.pop_front();
        wake(a);
    }
    return woken;
}

void Execution::sleepFor(ActorId me, Nanos d) {
    ActorState& m = actors_[me];
    if (d <= 0) {
        // time.sleep(0) gives up the rest of the turn.
        record(me, Op::Sleep, kNoObject, Result::Ok, 0, TraceEvent::ArgIsMicros);
        schedule(me, true);
        return;
    }
    record(me, Op::Sleep, kNoObject, Result::Blocked, micros(d), TraceEvent::ArgIsMicros);
    m.state = State::Sleeping;
    armTimer(m, now_ + d);
    schedule(me, false);
}

void Execution::workFor(ActorId me, Nanos d) {
    ActorState& m = actors_[me];
    record(me, Op::Work, kNoObject, Result::Ok, micros(d), TraceEvent::ArgIsMicros);
    if (d <= 0) {
        schedule(me, false);
        return;
    }
    m.burstLeft = d;
    m.state = State::WantCpu;
    cpuQueue_.push_back(me);
    dispatchCpu();
    schedule(me, false);
}

void Execution::armTimer(ActorState& a, Nanos at) {
    a.timerSeq = ++timerSeq_;
    timers_.push(Timer{at, a.timerSeq, a.id});
}

std::string Execution::traceLimitMessage() const {
    return "the trace is full: it holds " + trace_.fullness(config_.maxEvents) + " at step " +
           std::to_string(trace_.stepCount()) +
           ", as many as a run may record. A longer run needs fewer events per step: a longer --quantum or GIL "
           "switch interval cuts CPU bursts into fewer slices, and fewer threads, tasks, objects or printed lines "
           "(--param) record less";
}

bool Execution::advanceTime() {
    for (;;) {
        // Slices of CPU bursts end here without a scheduling point in between (a 1 us quantum makes
        // thousands per step), so the trace's capacity is checked here too: the caller ends the run.
        if (trace_.full(config_.maxEvents)) return false;
        while (!timers_.empty() && actors_[timers_.top().actor].timerSeq != timers_.top().seq) timers_.pop();
        Nanos next = timers_.empty() ? kForever : timers_.top().at;
        for (const Core& c : cores_)
            if (c.actor != kNoActor) next = std::min(next, c.sliceEnd);
        if (next == kForever) return false;
        now_ = std::max(now_, next);
        // Fixed order at equal times (bursts by core, then timers by arming order) keeps runs deterministic.
        for (std::size_t c = 0; c < cores_.size(); ++c)
            if (cores_[c].actor != kNoActor && cores_[c].sliceEnd <= now_) endSlice(static_cast<int>(c));
        while (!timers_.empty() && timers_.top().at <= now_) {
            const Timer t = timers_.top();
            timers_.pop();
            if (actors_[t.actor].timerSeq == t.seq) fireTimer(t.actor);
        }
        dispatchCpu();
        if (!ready_.empty()) return true;
    }
}

void Execution::fireTimer(ActorId a) {
    ActorState& s = actors_[a];
    s.timerSeq = 0;
    if (s.state == State::Sleeping) {
        s.state = State::Ready;
        ready_.push_back(a);
        record(a, Op::Sleep, kNoObject, Result::Woken);
    } else if (s.state == State::Blocked && s.waitingOn) {
        SyncObject* object = s.waitingOn;
        object->removeWaiter(a);
        s.waitingOn = nullptr;
        s.timedOut = true;
        s.state = State::Ready;
        ready_.push_back(a);
        record(a, s.waitOp, object->id(), Result::Timeout);
    }
}

Nanos Execution::sliceLength(const ActorState& a) const {
    Nanos len = a.burstLeft;
    if (policy_->preemptive()) len = std::min(len, config_.quantum);
    if (usesGil(a)) len = std::min(len, switchInterval_);
    return std::max<Nanos>(len, 1);
}

void Execution::dispatchCpu() {
    for (std::size_t c = 0; c < cores_.size(); ++c) {
        if (cores_[c].actor != kNoActor) continue;
        // With the GIL only its holder computes among the main process's threads, however many cores are
        // free; a child process's thread has a GIL of its own and takes any free core.
        auto it = std::find_if(cpuQueue_.begin(), cpuQueue_.end(),
                               [&](ActorId q) { return !usesGil(actors_[q]) || gilHolder_ == kNoActor; });
        if (it == cpuQueue_.end()) return;
        const ActorId a = *it;
        cpuQueue_.erase(it);
        ActorState& s = actors_[a];
        s.state = State::Computing;
        s.core = static_cast<int>(c);
        s.lastCore = static_cast<std::uint8_t>(c);
        cores_[c] = Core{a, now_, now_ + sliceLength(s)};
        if (usesGil(s)) {
            gilHolder_ = a;
            record(a, Op::Acquire, gilObject_, Result::Acquired);
        }
        record(a, Op::Work, kNoObject, Result::Started, micros(s.burstLeft), TraceEvent::ArgIsMicros);
    }
}

void Execution::endSlice(int c) {
    Core& core = cores_[static_cast<std::size_t>(c)];
    ActorState& s = actors_[core.actor];
    s.burstLeft -= now_ - core.sliceStart;
    if (s.burstLeft <= 0) {
        record(s.id, Op::Work, kNoObject, Result::Done);
        core.actor = kNoActor;
        s.core = -1;
        if (usesGil(s)) {
            gilHolder_ = kNoActor;
            record(s.id, Op::Release, gilObject_, Result::Ok);
        }
        s.state = State::Ready;
        ready_.push_back(s.id);
    } else if (!cpuQueue_.empty()) {
        record(s.id, Op::Work, kNoObject, Result::Preempted, micros(s.burstLeft), TraceEvent::ArgIsMicros);
        core.actor = kNoActor;
        s.core = -1;
        if (usesGil(s)) {
            gilHolder_ = kNoActor;
            record(s.id, Op::Release, gilObject_, Result::Handover);
        }
        s.state = State::WantCpu;
        cpuQueue_.push_back(s.id);
    } else {
        core.sliceStart = now_;
        core.sliceEnd = now_ + sliceLength(s);
    }
}

// ---------------------------------------------------------------------------------------------------------
// the wait-for graph

void Execution::checkCycleFrom(ActorId me) {
    // A new cycle must pass through the actor that just blocked, and every edge we follow (lock owner,
    // joined thread) has one target, so walking the chain from `me` finds it.
    DeadlockCycle cycle;
    ActorId a = me;
    for (std::size_t guard = 0; guard <= actors_.size(); ++guard) {
        const ActorState& s = actors_[a];
        if (s.state != State::Blocked || !s.waitingOn) return;
        const ActorId h = s.waitingOn->holder();
        cycle.actors.push_back(a);
        cycle.objects.push_back(s.waitingOn->id());
        if (h == kNoActor) return;
        if (h == me) {
            cycle.step = trace_.stepCount();
            const int index = trace_.addCycle(std::move(cycle));
            record(me, Op::Deadlock, trace_.cycles().back().objects.front(), Result::Blocked, index);
            deadlockHit_ = true;
            return;
        }
        a = h;
    }
}

bool Execution::findCycleAmongBlocked() {
    // At the end of a run: is any blocked actor on a cycle? Prefer a cycle already recorded when it formed.
    for (auto it = trace_.cycles().rbegin(); it != trace_.cycles().rend(); ++it) {
        bool intact = true;
        for (std::size_t i = 0; i < it->actors.size() && intact; ++i) {
            const ActorState& s = actors_[it->actors[i]];
            intact = s.state == State::Blocked && s.waitingOn && s.waitingOn->id() == it->objects[i];
        }
        if (intact) {
            trace_.outcomeMut().deadlockCycle = static_cast<int>(std::distance(it, trace_.cycles().rend())) - 1;
            return true;
        }
    }
    return false;
}

}  // namespace lockstep
