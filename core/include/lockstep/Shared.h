#pragma once
// A variable shared between threads. Every load and every store is a scheduling point, so `x = x + 1`
// written as a load and a store can be interrupted in between: that is what makes a lost update reachable.

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <type_traits>

#include "lockstep/Execution.h"
#include "lockstep/Repr.h"
#include "lockstep/SyncObject.h"

namespace lockstep {

template <typename T>
class Shared {
public:
    Shared(std::string name, T initial) : object_(std::make_shared<Object>(std::move(initial))) {
        Execution& ex = Execution::current();
        std::uint8_t flags = 0;
        const std::int32_t arg = encode(ex, object_->value, flags);
        ex.registerObject(object_, ObjectKind::Shared, std::move(name), 0, arg, flags);
    }

    T load() const {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor) return object_->value;
        ex.beginStep();
        T value = object_->value;  // the read happens here, before anyone else can run
        std::uint8_t flags = 0;
        const std::int32_t arg = encode(ex, value, flags);  // before record(): it sets `flags`
        ex.record(me, Op::Load, object_->id(), Result::Ok, arg, flags);
        ex.hbAccess(me, object_->history, object_->id(), false);
        ex.yieldPoint(me);
        return value;
    }

    void store(T value) {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor) return;
        ex.beginStep();
        object_->value = std::move(value);
        std::uint8_t flags = 0;
        const std::int32_t arg = encode(ex, object_->value, flags);  // before record(): it sets `flags`
        ex.record(me, Op::Store, object_->id(), Result::Ok, arg, flags);
        ex.hbAccess(me, object_->history, object_->id(), true);
        ex.yieldPoint(me);
    }

    // The value without a scheduling point, for checks after the run.
    const T& peek() const {
        object_->noteRead();
        return object_->value;
    }
    ObjectId id() const { return object_->id(); }

private:
    struct Object final : SyncObject {
        explicit Object(T v) : value(std::move(v)) {}
        std::string finalValue(bool& numeric) const override {
            numeric = std::is_arithmetic_v<T> && !std::is_same_v<T, bool>;
            return repr(value);
        }
        T value;
        AccessHistory history;  // for the race detector
    };

    // Small integers go into the event itself; anything else is stored once as text in the string table.
    static std::int32_t encode(Execution& ex, const T& v, std::uint8_t& flags) {
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
            if (static_cast<std::int64_t>(v) >= std::numeric_limits<std::int32_t>::min() &&
                static_cast<std::int64_t>(v) <= std::numeric_limits<std::int32_t>::max())
                return static_cast<std::int32_t>(v);
        }
        flags |= TraceEvent::ArgIsString;
        return ex.text(repr(v));
    }

    std::shared_ptr<Object> object_;
};

}  // namespace lockstep
