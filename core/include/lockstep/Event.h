#pragma once
// threading.Event.

#include <memory>
#include <string>

#include "lockstep/Lock.h"
#include "lockstep/SyncObject.h"

namespace lockstep {

class EventObject final : public SyncObject {
public:
    bool flag = false;
};

class Event {
public:
    explicit Event(std::string name = {});
    void set();
    void clear();
    bool is_set() const {
        object_->noteRead();
        return object_->flag;
    }
    // wait(timeout=None): the flag on return (False only when the timeout passed first).
    bool wait(Timeout timeout = std::nullopt);
    ObjectId id() const { return object_->id(); }

private:
    std::shared_ptr<EventObject> object_;
};

}  // namespace lockstep
