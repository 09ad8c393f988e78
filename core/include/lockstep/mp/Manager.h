#pragma once
// multiprocessing.Manager(): a server process that holds Python objects in its own memory, and proxies that
// reach them from any process. As in Python, the dict and the lists live only in the manager's process: each
// operation on a proxy is a request the caller puts on the manager's request queue, and an answer the manager
// puts on the caller's own reply queue (one per thread or process, as Python keeps one connection per thread).
// An error the manager meets (KeyError, IndexError) comes back in the answer and is raised again in the
// caller, as Python's proxies raise the server's exception.
//
// Proxies are handles: pass them to a Process as arguments; copies refer to the same object.

#include <cstdint>
#include <memory>
#include <string>

#include "lockstep/Lock.h"
#include "lockstep/mp/Multiprocessing.h"
#include "lockstep/mp/Obj.h"

namespace lockstep::mp {

// A manager's dict (the proxy m.dict() returns). Each method is one round trip to the manager. The methods
// are const: a proxy is a handle, and what changes is the manager's object, not the handle.
class DictProxy {
public:
    // d[key], as an expression: `d[key] = value` stores, reading it (Obj(d[key]), print(d[key])) is d[key]
    // with its KeyError. Each is one round trip when it happens, not when the Item is made.
    class Item;

    explicit DictProxy(const Obj& handle);  // a proxy passed as a target's argument
    Item operator[](Obj key) const;
    void set(const Obj& key, Obj value) const;          // d[key] = value
    Obj getitem(const Obj& key) const;            // d[key]: KeyError when the key is missing
    Obj get(const Obj& key, Obj fallback = {}) const;  // d.get(key, default=None)
    bool contains(const Obj& key) const;          // key in d
    std::int64_t size() const;                    // len(d)
    Obj pop(const Obj& key) const;                      // d.pop(key): KeyError when the key is missing
    Obj pop(const Obj& key, Obj fallback) const;        // d.pop(key, default)
    void del(const Obj& key) const;                     // del d[key]: KeyError when the key is missing
    List keys() const;                            // a list, as a proxy's keys() gives
    List values() const;
    List items() const;                           // [(key, value), ...]: a copy
    std::string repr() const;                     // repr(d), str(d): "{'a': 1}"
    operator Obj() const { return Obj(handle_); }
    ObjectId id() const { return handle_.id; }

private:
    Handle handle_;
};

// A manager's list (the proxy m.list() returns).
class ListProxy {
public:
    // l[i] as an expression: `l[i] = v` stores; reading it is l[i] with its IndexError.
    class Item;

    explicit ListProxy(const Obj& handle);
    Item operator[](std::int64_t index) const;
    void append(Obj value) const;
    void extend(List values) const;
    Obj get(std::int64_t index) const;              // l[i]: IndexError out of range; negative from the end
    void set(std::int64_t index, Obj value) const;        // l[i] = v
    std::int64_t size() const;                      // len(l)
    Obj pop(std::int64_t index = -1) const;               // l.pop(i)
    bool contains(const Obj& value) const;          // value in l
    List copy() const;                              // l[:]: the items now, one round trip
    std::string repr() const;                       // repr(l), str(l)
    operator Obj() const { return Obj(handle_); }
    ObjectId id() const { return handle_.id; }

private:
    Handle handle_;
};

class DictProxy::Item {
public:
    Item& operator=(Obj value) {
        owner_.set(key_, std::move(value));
        return *this;
    }
    Item& operator=(const Item& other) { return *this = Obj(other); }  // d[a] = d[b]
    operator Obj() const { return owner_.getitem(key_); }
    friend std::string str(const Item& i) { return Obj(i).str(); }

private:
    Item(DictProxy owner, Obj key) : owner_(std::move(owner)), key_(std::move(key)) {}
    Item(const Item&) = default;
    DictProxy owner_;
    Obj key_;
    friend class DictProxy;
};
inline DictProxy::Item DictProxy::operator[](Obj key) const { return Item(*this, std::move(key)); }

class ListProxy::Item {
public:
    Item& operator=(Obj value) {
        owner_.set(index_, std::move(value));
        return *this;
    }
    Item& operator=(const Item& other) { return *this = Obj(other); }
    operator Obj() const { return owner_.get(index_); }
    friend std::string str(const Item& i) { return Obj(i).str(); }

private:
    Item(ListProxy owner, std::int64_t index) : owner_(std::move(owner)), index_(index) {}
    Item(const Item&) = default;
    ListProxy owner_;
    std::int64_t index_;
    friend class ListProxy;
};
inline ListProxy::Item ListProxy::operator[](std::int64_t index) const { return Item(*this, index); }

// print(d) shows the manager's object, as str() of a proxy asks the server for it.
inline std::string str(const DictProxy& d) { return d.repr(); }
inline std::string str(const ListProxy& l) { return l.repr(); }

class ManagerObject;

// multiprocessing.Manager() (a SyncManager): starts its server process ("SyncManager-N", daemon) at once.
// Only the process that made it creates objects with it; its proxies go anywhere. The destructor does
// nothing (the server is a daemon process and ends with the run): call shutdown(), or use With<Manager>,
// which is Python's `with Manager() as m:`.
class Manager {
public:
    Manager();
    DictProxy dict(std::string name = {});  // name: the object's name in the trace ("DictProxy-N" when empty)
    ListProxy list(List initial = {}, std::string name = {});
    // Stops the server: a stop request after every request already queued, then a join. Proxies used
    // afterwards raise BrokenPipeError. A second call does nothing.
    void shutdown();
    const Process& process() const;  // the server process (Python's m._process)
    ObjectId id() const;

private:
    std::shared_ptr<ManagerObject> object_;
};

}  // namespace lockstep::mp

namespace lockstep {

// `with Manager() as m:` — shutdown() at the end of the scope, also when an exception passes.
template <>
class [[nodiscard]] With<mp::Manager> {
public:
    explicit With(mp::Manager& manager) : manager_(manager) {}
    ~With() {
        exitScope([this] { manager_.shutdown(); });
    }
    With(const With&) = delete;
    With& operator=(const With&) = delete;

private:
    mp::Manager& manager_;
};

}  // namespace lockstep
