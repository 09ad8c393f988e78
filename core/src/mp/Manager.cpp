// multiprocessing.Manager: the server process (a registered target that runs in the child), the proxies'
// side in the scheduler (Served objects that connect a caller to the manager and record what the manager did
// to its objects), and the handles.
//
// One operation on a proxy, from any process or thread:
//   1. Connect (no step of its own; it opens the step of the put): the manager's request queue and the
//      caller's reply queue, made the first time this caller talks to this manager.
//   2. put (proxy, method, args, reply queue) on the request queue.
//   3. The manager process gets the request, applies it to the object in its own memory, and makes one
//      Reply call: in one step of the manager's actor it records Load or Store on the proxy's object in the
//      trace, with the repr of the whole object after the request as text, and puts the answer on the reply
//      queue. The repr travels with the reply because only the manager has the object: the scheduler never
//      sees its contents otherwise, and the inspector shows them from these events.
//   4. Result: the caller gets the answer from its reply queue; ('#ERROR', type, message) is raised again in
//      the caller (a Raise event on the proxy), ('#RETURN', value) is returned.

#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "lockstep/Api.h"
#include "lockstep/Execution.h"
#include "lockstep/mp/Detail.h"
#include "lockstep/mp/Manager.h"

namespace lockstep::mp {

using detail::Method;

namespace {

struct BrokenPipeError : PyError {
    BrokenPipeError() : PyError("BrokenPipeError", "[Errno 32] Broken pipe") {}
};

// ---- the server: runs in the manager's process -----------------------------------------------------

// One object the manager holds. A dict keeps its insertion order, as Python's does.
struct Held {
    bool isDict = true;
    std::vector<std::pair<Obj, Obj>> dict;
    List list;

    std::string repr() const {
        if (!isDict) return Obj(list).repr();
        std::string out = "{";
        for (std::size_t i = 0; i < dict.size(); ++i)
            out += (i ? ", " : "") + dict[i].first.repr() + ": " + dict[i].second.repr();
        return out + "}";
    }
    std::vector<std::pair<Obj, Obj>>::iterator find(const Obj& key) {
        for (auto it = dict.begin(); it != dict.end(); ++it)
            if (it->first == key) return it;
        return dict.end();
    }
};

std::int64_t listIndex(const Held& h, std::int64_t index, const char* error) {
    const auto n = static_cast<std::int64_t>(h.list.size());
    if (index < 0) index += n;
    if (index < 0 || index >= n) throw IndexError(error);
    return index;
}

Obj applyToDict(Held& h, const std::string& method, const List& args, bool& changed) {
    if (method == "__setitem__") {
        auto it = h.find(args.at(0));
        if (it != h.dict.end()) it->second = args.at(1);
        else h.dict.emplace_back(args.at(0), args.at(1));
        changed = true;
        return {};
    }
    if (method == "__getitem__" || method == "get") {
        auto it = h.find(args.at(0));
        if (it != h.dict.end()) return it->second;
        if (method == "get") return args.size() > 1 ? args[1] : Obj();
        throw KeyError(args.at(0).repr());
    }
    if (method == "pop" || method == "__delitem__") {
        auto it = h.find(args.at(0));
        if (it == h.dict.end()) {
            if (method == "pop" && args.size() > 1) return args[1];
            throw KeyError(args.at(0).repr());
        }
        Obj value = std::move(it->second);
        h.dict.erase(it);
        changed = true;
        return method == "pop" ? value : Obj();
    }
    if (method == "__contains__") return Obj(h.find(args.at(0)) != h.dict.end());
    if (method == "__len__") return Obj(static_cast<long long>(h.dict.size()));
    if (method == "keys" || method == "values" || method == "items") {
        List out;
        for (const auto& [k, v] : h.dict) {
            if (method == "keys") out.push_back(k);
            else if (method == "values") out.push_back(v);
            else out.push_back(Obj::tuple({k, v}));
        }
        return Obj(std::move(out));
    }
    if (method == "__repr__") return Obj(h.repr());
    throw PyError("AttributeError", "'DictProxy' object has no attribute '" + method + "'");
}

Obj applyToList(Held& h, const std::string& method, const List& args, bool& changed) {
    if (method == "append") {
        h.list.push_back(args.at(0));
        changed = true;
        return {};
    }
    if (method == "extend") {
        for (const Obj& o : args.at(0).items()) h.list.push_back(o);
        changed = true;
        return {};
    }
    if (method == "__getitem__")
        return h.list[static_cast<std::size_t>(listIndex(h, args.at(0).asInt(), "list index out of range"))];
    if (method == "__setitem__") {
        h.list[static_cast<std::size_t>(listIndex(h, args.at(0).asInt(), "list assignment index out of range"))] =
            args.at(1);
        changed = true;
        return {};
    }
    if (method == "pop") {
        if (h.list.empty()) throw IndexError("pop from empty list");
        const std::int64_t i = listIndex(h, args.empty() ? -1 : args[0].asInt(), "pop index out of range");
        Obj value = std::move(h.list[static_cast<std::size_t>(i)]);
        h.list.erase(h.list.begin() + i);
        changed = true;
        return value;
    }
    if (method == "__len__") return Obj(static_cast<long long>(h.list.size()));
    if (method == "__contains__") {
        for (const Obj& o : h.list)
            if (o == args.at(0)) return Obj(true);
        return Obj(false);
    }
    // Python writes l[:], a __getitem__ with a slice; this simulator's values have no slice, so the request
    // is named after what it gives.
    if (method == "copy") return Obj(h.list);
    if (method == "__repr__") return Obj(h.repr());
    throw PyError("AttributeError", "'ListProxy' object has no attribute '" + method + "'");
}

// The manager's process: serve requests one at a time, in the order they arrive, until the stop request
// (None) that shutdown() puts after every request already queued.
void managerServer(const Args& a) {
    Queue requests(a.at(0));
    std::map<ObjectId, Held> held;  // this process's own memory: no other process sees it
    for (;;) {
        if (auto* link = detail::childLink()) link->line = 0;  // library code: no line of the listing
        const Obj request = requests.get();
        if (request.isNone()) return;
        const List& r = request.items();
        const Handle proxy = r.at(0).handle();
        const std::string& method = r.at(1).asStr();
        const List& args = r.at(2).items();
        Held& h = held[proxy.id];
        bool changed = false;
        Obj answer;
        try {
            Obj value;
            if (method == "create") {
                h.isDict = proxy.kind == ObjectKind::DictProxy;
                if (!h.isDict && !args.empty()) h.list = args[0].items();
                changed = true;
            } else {
                value = h.isDict ? applyToDict(h, method, args, changed) : applyToList(h, method, args, changed);
            }
            answer = Obj::tuple({"#RETURN", std::move(value)});
        } catch (const PyError& e) {
            answer = Obj::tuple({"#ERROR", e.type(), std::string(e.what())});
        }
        detail::invoke(proxy, Method::Reply, {r.at(3), changed, h.repr(), std::move(answer)});
    }
}
LOCKSTEP_PROCESS_TARGET(managerServer);

}  // namespace

// ---- the scheduler's side ---------------------------------------------------------------------------

class ManagerObject final : public SyncObject, public detail::Served {
public:
    std::string name;
    Handle requests;
    std::optional<Process> process;  // set once the server is made
    std::map<ActorId, Handle> replies;  // each caller's reply queue, made on its first request
    bool shutDown = false;

    Obj invoke(Method, const Args&) override { throw RuntimeError("a Manager has no such method"); }

    Handle replyQueueFor(Execution& ex, ActorId me) {
        auto it = replies.find(me);
        if (it != replies.end()) return it->second;
        const Handle h = detail::createObject(ObjectKind::ProcessQueue,
                                              {0, name + ".replies[" + ex.actorName(me) + "]"}).handle();
        replies.emplace(me, h);
        return h;
    }
};

namespace {

class ProxyServed final : public SyncObject, public detail::Served {
public:
    explicit ProxyServed(std::shared_ptr<ManagerObject> manager) : manager(std::move(manager)) {}
    std::shared_ptr<ManagerObject> manager;
    std::string lastRepr;  // as the manager last reported it

    Obj invoke(Method m, const Args& a) override {
        switch (m) {
        case Method::Connect: return connect();
        case Method::Reply: reply(a); return {};
        case Method::Result: return result(a.at(0));
        default: throw RuntimeError("a proxy has no such method");
        }
    }

    std::string finalValue(bool& numeric) const override {
        numeric = false;
        return lastRepr;
    }

private:
    Obj connect() {
        Execution& ex = execution();
        const ActorId me = ex.enter();
        if (me == kNoActor) return {};
        // The step of the request's put begins here, so the reply queue made for a new caller is part of it.
        ex.beginStep();
        if (manager->shutDown) ex.raise(me, id(), BrokenPipeError());
        return Obj::tuple({Obj(manager->requests), Obj(manager->replyQueueFor(ex, me))});
    }

    // By the manager's actor: what it did to the object, and the answer, in one step.
    void reply(const Args& a) {
        Execution& ex = execution();
        const ActorId me = ex.enter();
        if (me == kNoActor) return;
        ex.beginStep();
        lastRepr = a.at(2).asStr();
        ex.record(me, a.at(1).asBool() ? Op::Store : Op::Load, id(), Result::Ok, ex.text(lastRepr),
                  TraceEvent::ArgIsString);
        // The put ends this step (its beginStep() opens nothing new).
        detail::perform(detail::Call::Invoke,
                        {a.at(0), static_cast<long long>(Method::Put), a.at(3), true, Obj()});
    }

    Obj result(const Obj& replyQueue) {
        const Obj answer =
            detail::perform(detail::Call::Invoke, {replyQueue, static_cast<long long>(Method::Get), true, Obj()});
        if (answer.isNone()) return {};  // the run is being aborted
        const List& r = answer.items();
        if (r.at(0).asStr() == "#RETURN") return r.at(1);
        detail::raiseInStep(id(), r.at(1).asStr(), r.at(2).asStr());
        return {};
    }
};

Obj request(Handle proxy, const char* method, List args = {}) {
    const Obj conn = detail::invoke(proxy, Method::Connect);
    if (conn.isNone()) return {};  // the run is being aborted
    const Obj reply = conn.items().at(1);
    Queue(conn.items().at(0)).put(Obj::tuple({Obj(proxy), method, Obj::tuple(std::move(args)), reply}));
    return detail::invoke(proxy, Method::Result, {reply});
}

Handle createProxy(const std::shared_ptr<ManagerObject>& manager, ObjectKind kind, std::string name, List initial) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return Handle{kind, kNoObject};
    // m.dict() is a round trip: the manager makes the object in its memory. The proxy's Create event is in
    // the step of that request.
    ex.beginStep();
    if (manager->shutDown) ex.raise(me, manager->id(), BrokenPipeError());
    auto proxy = std::make_shared<ProxyServed>(manager);
    const ObjectId id = ex.registerObject(proxy, kind, std::move(name));
    detail::table(ex).objects[id] = proxy;
    const Handle h{kind, id};
    List args;
    if (kind == ObjectKind::ListProxy) args.emplace_back(std::move(initial));
    request(h, "create", std::move(args));
    return h;
}

}  // namespace

// ---- handles ----------------------------------------------------------------------------------------

Manager::Manager() {
    if (inChildProcess()) throw RuntimeError("not supported yet: starting a manager from a child process");
    Execution& ex = Execution::current();
    detail::Table& table = detail::table(ex);
    object_ = std::make_shared<ManagerObject>();
    // Python names the server process after the manager's class and the shared process counter.
    object_->name = "SyncManager-" + std::to_string(++table.processCounter);
    const ObjectId id = ex.registerObject(object_, ObjectKind::Manager, object_->name);
    table.objects[id] = object_;
    object_->requests = detail::createObject(ObjectKind::ProcessQueue, {0, object_->name + ".requests"}).handle();
    object_->process.emplace(&managerServer, Args{Obj(object_->requests)},
                             ProcessOptions{.name = object_->name, .daemon = true});
    object_->process->start();
}

DictProxy Manager::dict(std::string name) {
    return DictProxy(Obj(createProxy(object_, ObjectKind::DictProxy, std::move(name), {})));
}

ListProxy Manager::list(List initial, std::string name) {
    return ListProxy(Obj(createProxy(object_, ObjectKind::ListProxy, std::move(name), std::move(initial))));
}

void Manager::shutdown() {
    if (object_->shutDown) return;
    object_->shutDown = true;
    Queue(Obj(object_->requests)).put(Obj());
    object_->process->join();
}

const Process& Manager::process() const { return *object_->process; }
ObjectId Manager::id() const { return object_->id(); }

DictProxy::DictProxy(const Obj& handle) : handle_(handle.handle(ObjectKind::DictProxy)) {}
void DictProxy::set(const Obj& key, Obj value) const { request(handle_, "__setitem__", {key, std::move(value)}); }
Obj DictProxy::getitem(const Obj& key) const { return request(handle_, "__getitem__", {key}); }
Obj DictProxy::get(const Obj& key, Obj fallback) const { return request(handle_, "get", {key, std::move(fallback)}); }
bool DictProxy::contains(const Obj& key) const { return request(handle_, "__contains__", {key}).asBool(); }
std::int64_t DictProxy::size() const {
    const Obj n = request(handle_, "__len__");
    return n.isNone() ? 0 : n.asInt();
}
Obj DictProxy::pop(const Obj& key) const { return request(handle_, "pop", {key}); }
Obj DictProxy::pop(const Obj& key, Obj fallback) const { return request(handle_, "pop", {key, std::move(fallback)}); }
void DictProxy::del(const Obj& key) const { request(handle_, "__delitem__", {key}); }

namespace {
List listOf(const Obj& o) { return o.isNone() ? List{} : o.items(); }
std::string textOf(const Obj& o) { return o.isNone() ? std::string() : o.asStr(); }
}  // namespace

List DictProxy::keys() const { return listOf(request(handle_, "keys")); }
List DictProxy::values() const { return listOf(request(handle_, "values")); }
List DictProxy::items() const { return listOf(request(handle_, "items")); }
std::string DictProxy::repr() const { return textOf(request(handle_, "__repr__")); }

ListProxy::ListProxy(const Obj& handle) : handle_(handle.handle(ObjectKind::ListProxy)) {}
void ListProxy::append(Obj value) const { request(handle_, "append", {std::move(value)}); }
void ListProxy::extend(List values) const { request(handle_, "extend", {Obj(std::move(values))}); }
Obj ListProxy::get(std::int64_t index) const { return request(handle_, "__getitem__", {static_cast<long long>(index)}); }
void ListProxy::set(std::int64_t index, Obj value) const {
    request(handle_, "__setitem__", {static_cast<long long>(index), std::move(value)});
}
std::int64_t ListProxy::size() const {
    const Obj n = request(handle_, "__len__");
    return n.isNone() ? 0 : n.asInt();
}
Obj ListProxy::pop(std::int64_t index) const { return request(handle_, "pop", {static_cast<long long>(index)}); }
bool ListProxy::contains(const Obj& value) const { return request(handle_, "__contains__", {value}).asBool(); }
List ListProxy::copy() const { return listOf(request(handle_, "copy")); }
std::string ListProxy::repr() const { return textOf(request(handle_, "__repr__")); }

}  // namespace lockstep::mp
