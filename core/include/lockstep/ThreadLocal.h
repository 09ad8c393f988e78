#pragma once
// threading.local(): each thread sees only its own value.

#include <memory>
#include <string>
#include <unordered_map>

#include "lockstep/Execution.h"
#include "lockstep/SyncObject.h"

namespace lockstep {

template <typename T>
class ThreadLocal {
public:
    explicit ThreadLocal(std::string name = {}) : object_(std::make_shared<Object>()) {
        Execution::current().registerObject(object_, ObjectKind::ThreadLocal, std::move(name));
    }
    // Whether the calling thread has set a value (reading an unset attribute raises AttributeError in Python).
    bool has() const { return object_->values.count(Execution::current().self()) != 0; }
    T& get() { return object_->values[Execution::current().self()]; }
    void set(T value) { object_->values[Execution::current().self()] = std::move(value); }
    ObjectId id() const { return object_->id(); }

private:
    struct Object final : SyncObject {
        std::unordered_map<ActorId, T> values;
    };
    std::shared_ptr<Object> object_;
};

}  // namespace lockstep
