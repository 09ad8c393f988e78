#pragma once
// threading.Barrier(parties, action=None, timeout=None).

#include <functional>
#include <memory>
#include <string>

#include "lockstep/Lock.h"
#include "lockstep/SyncObject.h"

namespace lockstep {

class BarrierObject final : public SyncObject {
public:
    int parties = 1;
    int count = 0;
    bool broken = false;
    std::function<void()> action;
    Timeout defaultTimeout;
};

class Barrier {
public:
    explicit Barrier(int parties, std::function<void()> action = {}, Timeout timeout = std::nullopt,
                     std::string name = {});
    // Returns this thread's arrival index (0 .. parties-1). Raises BrokenBarrierError when broken.
    int wait(Timeout timeout = std::nullopt);
    void abort();
    void reset();
    int n_waiting() const { return object_->count; }
    bool broken() const { return object_->broken; }
    int parties() const { return object_->parties; }
    ObjectId id() const { return object_->id(); }

private:
    void breakIn(ActorId me);
    std::shared_ptr<BarrierObject> object_;
};

}  // namespace lockstep
