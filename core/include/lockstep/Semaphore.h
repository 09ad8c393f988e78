#pragma once
// threading.Semaphore and threading.BoundedSemaphore. Python's semaphores have no owner; to draw one lane
// per slot the engine still notes which thread took which slot (the lowest free one), and a release frees
// the releasing thread's own slot when it has one, else the oldest taken slot.

#include <memory>
#include <string>
#include <vector>

#include "lockstep/Lock.h"
#include "lockstep/SyncObject.h"

namespace lockstep {

class SemaphoreObject final : public SyncObject {
public:
    SemaphoreObject(std::int64_t value, bool bounded) : value_(value), initial_(value), bounded_(bounded) {}
    std::int64_t value() const { return value_; }
    std::int64_t initial() const { return initial_; }
    bool bounded() const { return bounded_; }
    // Slot index -> the thread holding it (kNoActor: free). Not named slots(): that is a Qt keyword.
    const std::vector<ActorId>& slotHolders() const { return slots_; }

    bool acquireIn(ActorId me, bool blocking, Nanos deadline);
    void releaseIn(ActorId me, int n);

private:
    int takeSlot(ActorId me);
    int freeSlot(ActorId me);
    std::int64_t value_;
    std::int64_t initial_;
    bool bounded_;
    std::vector<ActorId> slots_;  // slot index -> holder (kNoActor: free)
};

class Semaphore {
public:
    explicit Semaphore(std::int64_t value = 1, std::string name = {});
    bool acquire(bool blocking = true, Timeout timeout = std::nullopt);
    void release(int n = 1);
    std::int64_t value() const { return object_->value(); }
    ObjectId id() const { return object_->id(); }

protected:
    Semaphore(std::int64_t value, std::string name, bool bounded);
    std::shared_ptr<SemaphoreObject> object_;
};

class BoundedSemaphore : public Semaphore {
public:
    explicit BoundedSemaphore(std::int64_t value = 1, std::string name = {});
};

}  // namespace lockstep
