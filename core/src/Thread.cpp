#include "lockstep/Thread.h"

#include "lockstep/Execution.h"
#include "lockstep/PyError.h"

namespace lockstep {

Thread::Thread(std::function<void()> target, ThreadOptions options) : target_(std::move(target)) {
    init(std::move(options), ObjectKind::Thread);
}

Thread::Thread(ThreadOptions options) { init(std::move(options), ObjectKind::Thread); }

void Thread::init(ThreadOptions options, ObjectKind kind) {
    Execution& ex = Execution::current();
    object_ = std::make_shared<ThreadObject>();
    object_->daemon = options.daemon;
    object_->name = options.name.empty() ? "Thread-" + std::to_string(ex.nextThreadNumber()) : options.name;
    ex.registerObject(object_, kind, object_->name);
}

void Thread::run() {
    if (target_) target_();
}

void Thread::setDaemon(bool daemon) {
    if (object_->started) {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor) return;
        ex.beginStep();
        ex.raise(me, object_->id(), RuntimeError("cannot set daemon status of active thread"));
    }
    object_->daemon = daemon;
}

void Thread::start() {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    startIn(me);
    ex.yieldPoint(me);
}

void Thread::startIn(ActorId me) {
    Execution& ex = Execution::current();
    if (object_->started) ex.raise(me, object_->id(), RuntimeError("threads can only be started once"));
    object_->started = true;
    // The body keeps the thread object alive (and, for a subclass, calls its run()); `this` must outlive the
    // thread when run() is overridden, as the Python object would.
    auto object = object_;
    const bool overridden = !target_;
    std::function<void()> body;
    if (overridden) body = [this] { run(); };
    else body = target_;
    object_->actor = ex.spawn(*object_, std::move(body), object_->name, object_->daemon);
    ex.record(me, Op::Start, object_->id(), Result::Ok, object_->actor);
}

void Thread::join(std::optional<std::chrono::nanoseconds> timeout) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    if (!object_->started) ex.raise(me, object_->id(), RuntimeError("cannot join thread before it is started"));
    if (object_->actor == me) ex.raise(me, object_->id(), RuntimeError("cannot join current thread"));
    object_->joinIn(me, timeout);
}

void ThreadObject::joinIn(ActorId me, std::optional<std::chrono::nanoseconds> timeout) {
    Execution& ex = execution();
    if (finished) {
        ex.hbAcquire(me, *this);
        ex.record(me, Op::Join, id(), Result::Ok);
        ex.yieldPoint(me);
        return;
    }
    const Nanos deadline = timeout ? ex.now() + std::max<Nanos>(0, timeout->count()) : kForever;
    waitersMut().push_back(me);
    if (ex.block(me, *this, Op::Join, deadline)) ex.hbAcquire(me, *this);
}

bool Thread::is_alive() const {
    object_->noteRead();
    return object_->started && !object_->finished;
}

}  // namespace lockstep
