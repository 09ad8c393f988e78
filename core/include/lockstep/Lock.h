#pragma once
// threading.Lock and threading.RLock.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "lockstep/PyError.h"
#include "lockstep/SyncObject.h"
#include "lockstep/Types.h"

namespace lockstep {

using Timeout = std::optional<std::chrono::nanoseconds>;

// Engine side shared by Lock and RLock; Condition uses it to release and re-take its lock around a wait.
class LockObject : public SyncObject {
public:
    explicit LockObject(bool reentrant) : reentrant_(reentrant) {}
    bool reentrant() const { return reentrant_; }
    bool locked() const { return count_ > 0; }
    ActorId owner() const { return owner_; }
    int count() const { return count_; }
    ActorId holder() const override { return count_ > 0 ? owner_ : kNoActor; }
    // Python's Condition._is_owned: an RLock checks its owner; a plain Lock only whether it is locked.
    bool ownedBy(ActorId a) const { return reentrant_ ? (count_ > 0 && owner_ == a) : count_ > 0; }

    // The operations without their own step, for use inside another operation (Condition.wait).
    // acquireIn returns false on timeout. `count` is the recursion count a free lock is taken with (reacquireIn
    // restores an RLock's whole recursion at once, and the trace must show that count).
    bool acquireIn(ActorId me, bool blocking, Nanos deadline, int count = 1);
    void releaseIn(ActorId me);
    int releaseAllIn(ActorId me);               // returns the RLock recursion count to restore
    void reacquireIn(ActorId me, int count);

private:
    bool reentrant_;
    int count_ = 0;
    ActorId owner_ = kNoActor;
};

class Lock {
public:
    explicit Lock(std::string name = {});
    // acquire(blocking=True, timeout=-1): True when the lock was taken.
    bool acquire(bool blocking = true, Timeout timeout = std::nullopt);
    void release();
    bool locked() const {
        object_->noteRead();
        return object_->locked();
    }
    ObjectId id() const { return object_->id(); }
    const std::shared_ptr<LockObject>& object() const { return object_; }

protected:
    Lock(std::string name, bool reentrant);
    std::shared_ptr<LockObject> object_;
};

class RLock : public Lock {
public:
    explicit RLock(std::string name = {});
    int count() const { return object_->count(); }
};

// The `__exit__` of a `with` block (a release, a shutdown...), run from a destructor, which must not throw.
// A Python-style error is already recorded in the trace. AbortRun means the run was aborted while this
// operation was the paused step; the thread's next operation throws it again (or its body ends), so its stack
// still unwinds.
template <typename F>
void exitScope(F&& exit) noexcept {
    try {
        exit();
    } catch (const std::exception&) {
    } catch (const AbortRun&) {
    }
}

// `with lock:` — takes the lock now and releases it at the end of the scope (also when an exception passes).
// Other objects usable in `with` specialise this template with their own `__exit__`.
template <typename L>
class [[nodiscard]] With {
public:
    explicit With(L& lock) : lock_(lock) { lock_.acquire(); }
    ~With() {
        exitScope([this] { lock_.release(); });
    }
    With(const With&) = delete;
    With& operator=(const With&) = delete;

private:
    L& lock_;
};

}  // namespace lockstep
