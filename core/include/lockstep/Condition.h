#pragma once
// threading.Condition over a Lock or an RLock (an RLock by default, as in Python).

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "lockstep/Lock.h"
#include "lockstep/SyncObject.h"

namespace lockstep {

class ConditionObject final : public SyncObject {
public:
    std::shared_ptr<LockObject> lock;
};

class Condition {
public:
    explicit Condition(std::string name = {});
    Condition(const Lock& lock, std::string name = {});

    bool acquire(bool blocking = true, Timeout timeout = std::nullopt) { return lock_.acquire(blocking, timeout); }
    void release() { lock_.release(); }
    // wait(timeout=None): releases the lock, waits for a notify, takes the lock again. False on timeout.
    bool wait(Timeout timeout = std::nullopt);
    // wait_for(predicate, timeout=None): waits until predicate() is true; returns its last value.
    bool wait_for(const std::function<bool()>& predicate, Timeout timeout = std::nullopt);
    void notify(int n = 1);
    void notify_all();
    ObjectId id() const { return object_->id(); }
    const Lock& lock() const { return lock_; }

private:
    void notifyIn(int n, Op op);
    Lock lock_;
    std::shared_ptr<ConditionObject> object_;
};

}  // namespace lockstep
