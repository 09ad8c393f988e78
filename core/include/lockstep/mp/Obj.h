#pragma once
// A value that can cross a process boundary: what Python's multiprocessing would pickle. None, bool, int,
// float, str, list, tuple, and handles to the multiprocessing objects the scheduler keeps (queues, pipes,
// shared values, locks), which travel by id as Python's pickled proxies do. Anything else a Python program
// sends (a dict, an instance of its own class) travels pickled, with its repr for the trace to show.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "lockstep/Types.h"

namespace lockstep::mp {

// A reference to an object that lives in the scheduler's process (the kernel's part: a pipe's buffer, a
// queue, a lock) or in shared memory, by its object id in the trace.
struct Handle {
    ObjectKind kind = ObjectKind::Lock;
    ObjectId id = kNoObject;
    bool operator==(const Handle&) const = default;
};

class Obj;
using List = std::vector<Obj>;
using Args = std::vector<Obj>;

class Obj {
public:
    enum class Type : std::uint8_t { None, Bool, Int, Float, Str, List, Tuple, Handle, Pickled };

    Obj() = default;
    Obj(std::nullptr_t) {}
    Obj(bool b) : v_(b) {}
    Obj(int i) : v_(static_cast<std::int64_t>(i)) {}
    Obj(long i) : v_(static_cast<std::int64_t>(i)) {}
    Obj(long long i) : v_(static_cast<std::int64_t>(i)) {}
    Obj(unsigned i) : v_(static_cast<std::int64_t>(i)) {}
    Obj(double d) : v_(d) {}
    Obj(const char* s) : v_(std::string(s)) {}
    Obj(std::string s) : v_(std::move(s)) {}
    Obj(std::string_view s) : v_(std::string(s)) {}
    Obj(Handle h) : v_(h) {}
    Obj(List items) : v_(ListBox{std::move(items), false}) {}
    static Obj tuple(List items) {
        Obj o;
        o.v_ = ListBox{std::move(items), true};
        return o;
    }
    // A Python object as pickle.dumps() wrote it; `repr` is what the trace shows for it.
    static Obj pickled(std::string bytes, std::string repr) {
        Obj o;
        o.v_ = PickledBox{std::move(bytes), std::move(repr)};
        return o;
    }

    Type type() const;
    bool isNone() const { return v_.index() == 0; }
    bool isInt() const { return std::holds_alternative<std::int64_t>(v_); }
    bool isStr() const { return std::holds_alternative<std::string>(v_); }
    bool isList() const { return std::holds_alternative<ListBox>(v_); }
    bool isHandle() const { return std::holds_alternative<Handle>(v_); }
    bool isPickled() const { return std::holds_alternative<PickledBox>(v_); }
    const std::string& pickledBytes() const;  // TypeError unless isPickled()
    // The accessors raise TypeError (a PyError) when the value has another type.
    bool asBool() const;  // Python's truth value
    std::int64_t asInt() const;
    double asFloat() const;  // an int converts
    const std::string& asStr() const;
    const List& items() const;
    List& itemsMut();
    Handle handle(ObjectKind expected) const;
    Handle handle() const;

    // Python's repr() and str() of the value.
    std::string repr() const;
    std::string str() const;
    bool operator==(const Obj& o) const;

    // The wire format between processes: a tag byte and the payload, little-endian as the host is.
    void encode(std::string& out) const;
    static Obj decode(std::string_view& in);  // throws std::runtime_error on malformed input

private:
    struct ListBox {
        List items;
        bool tuple = false;
    };
    struct PickledBox {
        std::string bytes;
        std::string repr;
    };
    std::variant<std::monostate, bool, std::int64_t, double, std::string, ListBox, Handle, PickledBox> v_;
};

inline Obj None() { return Obj(); }

// For print() and the trace (found by argument-dependent lookup from Repr.h's templates).
inline std::string str(const Obj& o) { return o.str(); }
inline std::string repr(const Obj& o) { return o.repr(); }

}  // namespace lockstep::mp
