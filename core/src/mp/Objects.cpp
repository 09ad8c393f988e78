// multiprocessing's objects: what the scheduler keeps for them (Served), and the handles scenario code holds
// in any process, each operation of which is one call().

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <vector>

#include "lockstep/AccessHistory.h"
#include "lockstep/Event.h"
#include "lockstep/Execution.h"
#include "lockstep/Lock.h"
#include "lockstep/Queue.h"
#include "lockstep/Semaphore.h"
#include "lockstep/mp/Detail.h"
#include "lockstep/mp/Multiprocessing.h"

namespace lockstep::mp {

using detail::Call;
using detail::Method;

namespace {

struct OSError : PyError {
    explicit OSError(const std::string& m) : PyError("OSError", m) {}
};

using detail::invoke;

Handle create(ObjectKind kind, Args params) {
    Args full;
    full.reserve(params.size() + 1);
    full.emplace_back(static_cast<long long>(kind));
    for (Obj& p : params) full.push_back(std::move(p));
    return detail::call(Call::Create, std::move(full)).handle(kind);
}

void add(Execution& ex, ObjectId id, std::shared_ptr<detail::Served> served) {
    detail::table(ex).objects[id] = std::move(served);
}

// ---- Queue ------------------------------------------------------------------------------------------

class QueueServed final : public detail::Served {
public:
    QueueServed(std::int64_t maxsize, std::string name) : queue(maxsize, std::move(name), ObjectKind::ProcessQueue) {}
    Obj invoke(Method m, const Args& a) override {
        switch (m) {
        case Method::Put: queue.put(a.at(0), a.at(1).asBool(), detail::timeoutFrom(a.at(2))); return {};
        case Method::Get: return queue.get(a.at(0).asBool(), detail::timeoutFrom(a.at(1)));
        case Method::QSize: return Obj(static_cast<long long>(queue.qsize()));
        case Method::TryGet: {
            std::optional<Obj> item = queue.getOrTimeout(detail::timeoutFrom(a.at(0)));
            return item ? Obj::tuple({true, std::move(*item)}) : Obj::tuple({false});
        }
        default: throw RuntimeError("a Queue has no such method");
        }
    }
    lockstep::Queue<Obj> queue;
};

// ---- Pipe -------------------------------------------------------------------------------------------

// One end of a pipe: the messages sent to it from the other end, waiting to be received.
class ConnectionServed final : public SyncObject, public detail::Served {
public:
    ConnectionServed(bool readable, bool writable) : readable(readable), writable(writable) {}
    std::deque<Obj> inbox;
    ConnectionServed* peer = nullptr;
    bool readable;
    bool writable;
    bool closed = false;

    Obj invoke(Method m, const Args& a) override {
        switch (m) {
        case Method::Send: send(a.at(0)); return {};
        case Method::Recv: return recv();
        case Method::Poll: return poll(detail::timeoutFrom(a.at(0)));
        case Method::Close: close(); return {};
        default: throw RuntimeError("a Connection has no such method");
        }
    }


private:
    void checkOpen(Execution& ex, ActorId me, bool wantRead) {
        if (closed) ex.raise(me, id(), OSError("handle is closed"));
        if (wantRead && !readable) ex.raise(me, id(), OSError("connection is write-only"));
        if (!wantRead && !writable) ex.raise(me, id(), OSError("connection is read-only"));
    }

    void send(const Obj& message) {
        Execution& ex = execution();
        const ActorId me = ex.enter();
        if (me == kNoActor) return;
        ex.beginStep();
        checkOpen(ex, me, false);
        if (peer->closed) ex.raise(me, id(), PyError("BrokenPipeError", "[Errno 32] Broken pipe"));
        peer->inbox.push_back(message);
        ex.hbRelease(me, *peer);  // the send happens before the recv that takes the message
        ex.record(me, Op::Send, id(), Result::Ok, ex.text(message.repr()), TraceEvent::ArgIsString);
        ex.wakeWaiters(peer->waitersMut(), 1);
        ex.yieldPoint(me);
    }

    Obj recv() {
        Execution& ex = execution();
        const ActorId me = ex.enter();
        if (me == kNoActor) return {};
        ex.beginStep();
        checkOpen(ex, me, true);
        while (inbox.empty()) {
            // Nothing will ever come: Python raises EOFError once the other end is closed.
            if (peer->closed || !peer->writable) ex.raise(me, id(), EOFError());
            waiters_.push_back(me);
            if (!ex.block(me, *this, Op::Recv) || ex.aborting()) return {};
            ex.beginStep();
        }
        Obj message = std::move(inbox.front());
        inbox.pop_front();
        ex.hbAcquire(me, *this);
        ex.record(me, Op::Recv, id(), Result::Ok, ex.text(message.repr()), TraceEvent::ArgIsString);
        ex.yieldPoint(me);
        return message;
    }

    bool poll(std::optional<std::chrono::nanoseconds> timeout) {
        Execution& ex = execution();
        const ActorId me = ex.enter();
        if (me == kNoActor) return false;
        ex.beginStep();
        checkOpen(ex, me, true);
        // poll(None) waits for ever; poll(0) only looks.
        const Nanos deadline = timeout ? ex.now() + std::max<Nanos>(0, timeout->count()) : kForever;
        while (inbox.empty() && !peer->closed && ex.now() < deadline) {
            waiters_.push_back(me);
            if (!ex.block(me, *this, Op::Wait, deadline) || ex.aborting()) break;
            ex.beginStep();
        }
        const bool ready = !inbox.empty() || peer->closed;
        ex.record(me, Op::Wait, id(), ready ? Result::Ok : Result::Timeout);
        ex.yieldPoint(me);
        return ready;
    }

    void close() {
        Execution& ex = execution();
        const ActorId me = ex.enter();
        if (me == kNoActor) return;
        ex.beginStep();
        closed = true;
        ex.record(me, Op::Clear, id(), Result::Ok);
        // A reader of the other end waits for nothing now: it wakes to its EOFError.
        if (peer) ex.wakeWaiters(peer->waitersMut());
        ex.yieldPoint(me);
    }
};

// ---- Lock -------------------------------------------------------------------------------------------

class LockServed final : public detail::Served {
public:
    explicit LockServed(bool reentrant) : lock(reentrant ? RLock() : Lock()) {}
    Obj invoke(Method m, const Args& a) override {
        switch (m) {
        case Method::Acquire: return Obj(lock.acquire(a.at(0).asBool(), detail::timeoutFrom(a.at(1))));
        case Method::Release: lock.release(); return {};
        default: throw RuntimeError("a Lock has no such method");
        }
    }
    Lock lock;
};

// ---- Semaphore and Event (a Python program's; the scenarios' processes have none) ----------------

class SemaphoreServed final : public detail::Served {
public:
    SemaphoreServed(std::int64_t value, bool bounded)
        : semaphore(bounded ? BoundedSemaphore(value) : Semaphore(value)) {}
    Obj invoke(Method m, const Args& a) override {
        switch (m) {
        case Method::Acquire: return Obj(semaphore.acquire(a.at(0).asBool(), detail::timeoutFrom(a.at(1))));
        case Method::Release: semaphore.release(static_cast<int>(a.empty() ? 1 : a[0].asInt())); return {};
        case Method::SemValue: return Obj(static_cast<long long>(semaphore.value()));
        default: throw RuntimeError("a Semaphore has no such method");
        }
    }
    Semaphore semaphore;
};

class EventServed final : public detail::Served {
public:
    Obj invoke(Method m, const Args& a) override {
        switch (m) {
        case Method::SetFlag:
            if (a.at(0).asBool()) event.set();
            else event.clear();
            return {};
        case Method::IsSet: return Obj(event.is_set());
        case Method::Wait: return Obj(event.wait(detail::timeoutFrom(a.at(0))));
        default: throw RuntimeError("an Event has no such method");
        }
    }
    Event event;
};

// ---- Value and Array --------------------------------------------------------------------------------

std::size_t itemSize(char typecode) {
    switch (typecode) {
    case 'i': return sizeof(int);
    case 'l': return sizeof(long);
    case 'd': return sizeof(double);
    default:
        throw TypeError(std::string("bad typecode '") + typecode + "' (this simulator has 'i', 'l' and 'd')");
    }
}

Obj readItem(const char* base, char typecode, std::int64_t index) {
    const char* p = base + static_cast<std::size_t>(index) * itemSize(typecode);
    switch (typecode) {
    case 'i': {
        int v;
        std::memcpy(&v, p, sizeof v);
        return Obj(v);
    }
    case 'l': {
        long v;
        std::memcpy(&v, p, sizeof v);
        return Obj(v);
    }
    default: {
        double v;
        std::memcpy(&v, p, sizeof v);
        return Obj(v);
    }
    }
}

void writeItem(char* base, char typecode, std::int64_t index, const Obj& value) {
    char* p = base + static_cast<std::size_t>(index) * itemSize(typecode);
    switch (typecode) {
    case 'i': {
        const int v = static_cast<int>(value.asInt());
        std::memcpy(p, &v, sizeof v);
        break;
    }
    case 'l': {
        const long v = value.asInt();
        std::memcpy(p, &v, sizeof v);
        break;
    }
    default: {
        const double v = value.asFloat();
        std::memcpy(p, &v, sizeof v);
        break;
    }
    }
}

constexpr std::size_t kBlockHeader = 16;

// Read a whole Value or Array block as Python shows it: 1000, or [0, 1, 4].
std::string blockText(const char* block, bool array) {
    const char typecode = block[0];
    std::int64_t length;
    std::memcpy(&length, block + 8, sizeof length);
    const char* items = block + kBlockHeader;
    if (!array) return readItem(items, typecode, 0).repr();
    std::string out = "[";
    for (std::int64_t i = 0; i < length; ++i) out += (i ? ", " : "") + readItem(items, typecode, i).repr();
    return out + "]";
}

// A block of real shared memory: a memfd this process maps, passed to each child that touches it. Layout:
// the typecode, the item count, then the items, so a child needs nothing but the block.
class SharedMemoryServed final : public SyncObject, public detail::Served {
public:
    static constexpr std::size_t kHeader = kBlockHeader;

    SharedMemoryServed(char typecode, std::int64_t length, bool array)
        : typecode(typecode), length(length), array(array) {
        bytes_ = kHeader + static_cast<std::size_t>(length) * itemSize(typecode);
        fd_ = ::memfd_create(array ? "lockstep-array" : "lockstep-value", MFD_CLOEXEC);
        if (fd_ < 0 || ::ftruncate(fd_, static_cast<off_t>(bytes_)) != 0)
            throw OSError(std::string("could not create shared memory: ") + std::strerror(errno));
        void* p = ::mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0);
        if (p == MAP_FAILED) throw OSError(std::string("could not map shared memory: ") + std::strerror(errno));
        memory_ = static_cast<char*>(p);
        memory_[0] = typecode;
        std::memcpy(memory_ + 8, &length, sizeof length);
    }
    ~SharedMemoryServed() override {
        if (memory_) ::munmap(memory_, bytes_);
        if (fd_ >= 0) ::close(fd_);
    }

    char typecode;
    std::int64_t length;
    bool array;
    Handle lock;  // Handle{} when created with lock=False
    // One per item: two processes writing different items of an Array do not race (C's rule).
    std::vector<AccessHistory> histories;

    // Load and Store: [index] for one item of an Array, nothing for a Value or a whole Array (a[:]).
    Obj invoke(Method m, const Args& a) override {
        switch (m) {
        case Method::Load: access(false, a.empty() ? -1 : a[0].asInt()); return {};
        case Method::Store: access(true, a.empty() ? -1 : a[0].asInt()); return {};
        case Method::GetLock:
            if (lock.id == kNoObject) throw PyError("AttributeError", "'SynchronizedBase' object has no lock (lock=False)");
            return Obj(lock);
        default: throw RuntimeError("a shared value has no such method");
        }
    }
    int memoryFd() const override { return fd_; }
    void* memory() override { return memory_; }
    std::size_t memorySize() const override { return bytes_; }

    // The scheduler reads the block itself: what the children wrote there is what it shows at the end.
    std::string finalValue(bool& numeric) const override {
        numeric = !array;
        return blockText(memory_, array);
    }

private:
    // The caller has read or written its own mapping; the event shows the whole value as it now is (no one
    // else has run since), so the inspector can show an array's contents at any step.
    void access(bool write, std::int64_t item) {
        Execution& ex = execution();
        const ActorId me = ex.enter();
        if (me == kNoActor) return;
        ex.beginStep();
        ex.record(me, write ? Op::Store : Op::Load, id(), Result::Ok, ex.text(blockText(memory_, array)),
                  TraceEvent::ArgIsString);
        histories.resize(static_cast<std::size_t>(std::max<std::int64_t>(length, 1)));
        if (item >= 0 && item < static_cast<std::int64_t>(histories.size()))
            ex.hbAccess(me, histories[static_cast<std::size_t>(item)], id(), write);
        else
            for (AccessHistory& h : histories) ex.hbAccess(me, h, id(), write);
        ex.yieldPoint(me);
    }

    int fd_ = -1;
    char* memory_ = nullptr;
    std::size_t bytes_ = 0;
};

}  // namespace

namespace detail {

Obj invoke(Handle h, Method m, Args args) {
    Args full;
    full.reserve(args.size() + 2);
    full.emplace_back(h);
    full.emplace_back(static_cast<long long>(m));
    for (Obj& a : args) full.push_back(std::move(a));
    return call(Call::Invoke, std::move(full));
}

Obj createObject(ObjectKind kind, const Args& params) {
    Execution& ex = Execution::current();
    switch (kind) {
    case ObjectKind::ProcessQueue: {
        // [maxsize, name]: the name only for the queues of the library's own (a pool's, a manager's)
        auto q = std::make_shared<QueueServed>(params.at(0).asInt(), params.size() > 1 ? params[1].asStr() : std::string());
        const ObjectId id = q->queue.id();
        add(ex, id, q);
        return Obj(Handle{kind, id});
    }
    case ObjectKind::Connection: {
        // Both ends at once: [duplex] -> (reader-or-duplex end, writer-or-duplex end)
        const bool duplex = params.at(0).asBool();
        auto a = std::make_shared<ConnectionServed>(true, duplex);
        auto b = std::make_shared<ConnectionServed>(duplex, true);
        a->peer = b.get();
        b->peer = a.get();
        const ObjectId ida = ex.registerObject(a, ObjectKind::Connection, ex.defaultName(ObjectKind::Connection));
        const ObjectId idb = ex.registerObject(b, ObjectKind::Connection, ex.defaultName(ObjectKind::Connection), ida);
        add(ex, ida, a);
        add(ex, idb, b);
        return Obj::tuple({Obj(Handle{kind, ida}), Obj(Handle{kind, idb})});
    }
    case ObjectKind::Lock:
    case ObjectKind::RLock: {
        auto l = std::make_shared<LockServed>(kind == ObjectKind::RLock);
        const ObjectId id = l->lock.id();
        add(ex, id, l);
        return Obj(Handle{kind, id});
    }
    case ObjectKind::Semaphore:
    case ObjectKind::BoundedSemaphore: {
        // [value]
        auto sem = std::make_shared<SemaphoreServed>(params.at(0).asInt(), kind == ObjectKind::BoundedSemaphore);
        const ObjectId id = sem->semaphore.id();
        add(ex, id, sem);
        return Obj(Handle{kind, id});
    }
    case ObjectKind::Event: {
        auto e = std::make_shared<EventServed>();
        const ObjectId id = e->event.id();
        add(ex, id, e);
        return Obj(Handle{kind, id});
    }
    case ObjectKind::SharedValue:
    case ObjectKind::SharedArray: {
        // [typecode, lock?, initial items...]
        const char typecode = params.at(0).asStr().at(0);
        const bool withLock = params.at(1).asBool();
        const bool array = kind == ObjectKind::SharedArray;
        const auto length = static_cast<std::int64_t>(params.size() - 2);
        auto block = std::make_shared<SharedMemoryServed>(typecode, length, array);
        char* items = static_cast<char*>(block->memory()) + SharedMemoryServed::kHeader;
        for (std::int64_t i = 0; i < length; ++i) writeItem(items, typecode, i, params[static_cast<std::size_t>(i) + 2]);
        if (withLock) block->lock = createObject(ObjectKind::RLock, {}).handle();
        const ObjectId id = ex.registerObject(block, kind, {}, length, ex.text(blockText(static_cast<char*>(block->memory()), array)),
                                              TraceEvent::ArgIsString);
        add(ex, id, block);
        return Obj(Handle{kind, id});
    }
    default: break;
    }
    throw RuntimeError("not supported yet: creating a " + std::string(objectKindName(kind)) + " this way");
}

}  // namespace detail

// ---- handles ----------------------------------------------------------------------------------------

Queue::Queue(std::int64_t maxsize) : handle_(create(ObjectKind::ProcessQueue, {static_cast<long long>(maxsize)})) {}
Queue::Queue(const Obj& handle) : handle_(handle.handle(ObjectKind::ProcessQueue)) {}
void Queue::put(Obj item, bool block, Timeout timeout) {
    invoke(handle_, Method::Put, {std::move(item), block, detail::timeoutObj(timeout)});
}
Obj Queue::get(bool block, Timeout timeout) {
    return invoke(handle_, Method::Get, {block, detail::timeoutObj(timeout)});
}
std::int64_t Queue::qsize() const { return invoke(handle_, Method::QSize).asInt(); }

Connection::Connection(const Obj& handle) : handle_(handle.handle(ObjectKind::Connection)) {}
void Connection::send(Obj message) { invoke(handle_, Method::Send, {std::move(message)}); }
Obj Connection::recv() { return invoke(handle_, Method::Recv); }
bool Connection::poll(Timeout timeout) { return invoke(handle_, Method::Poll, {detail::timeoutObj(timeout)}).asBool(); }
void Connection::close() { invoke(handle_, Method::Close); }

std::pair<Connection, Connection> Pipe(bool duplex) {
    const Obj ends = detail::call(Call::Create, {static_cast<long long>(ObjectKind::Connection), duplex});
    return {Connection(ends.items().at(0)), Connection(ends.items().at(1))};
}

ProcessLock::ProcessLock(bool reentrant) : handle_(create(reentrant ? ObjectKind::RLock : ObjectKind::Lock, {})) {}
ProcessLock::ProcessLock(const Obj& handle) : handle_(handle.handle()) {
    if (handle_.kind != ObjectKind::Lock && handle_.kind != ObjectKind::RLock)
        throw TypeError("expected a Lock or RLock, got " + std::string(objectKindName(handle_.kind)));
}
bool ProcessLock::acquire(bool blocking, Timeout timeout) {
    return invoke(handle_, Method::Acquire, {blocking, detail::timeoutObj(timeout)}).asBool();
}
void ProcessLock::release() { invoke(handle_, Method::Release); }

namespace {
char* items(Handle h, std::int64_t& length) {
    std::size_t size = 0;
    char* block = static_cast<char*>(detail::sharedMemory(h, size));
    std::memcpy(&length, block + 8, sizeof length);
    return block + SharedMemoryServed::kHeader;
}
char typecodeOf(Handle h) {
    std::size_t size = 0;
    return static_cast<char*>(detail::sharedMemory(h, size))[0];
}
}  // namespace

Value::Value(char typecode, Obj initial, bool lock)
    : handle_(create(ObjectKind::SharedValue, {std::string(1, typecode), lock, std::move(initial)})) {}
Value::Value(const Obj& handle) : handle_(handle.handle(ObjectKind::SharedValue)) {}
Obj Value::value() const {
    std::int64_t length = 0;
    // The read happens here, in this process's mapping, before anyone else can run.
    const Obj v = readItem(items(handle_, length), typecodeOf(handle_), 0);
    invoke(handle_, Method::Load);
    return v;
}
void Value::set(const Obj& v) {
    std::int64_t length = 0;
    writeItem(items(handle_, length), typecodeOf(handle_), 0, v);
    invoke(handle_, Method::Store);
}
ProcessLock Value::get_lock() const { return ProcessLock(invoke(handle_, Method::GetLock)); }

Array::Array(char typecode, List initial, bool lock) : handle_([&] {
    Args params{std::string(1, typecode), lock};
    for (Obj& o : initial) params.push_back(std::move(o));
    return create(ObjectKind::SharedArray, std::move(params));
}()) {}
Array::Array(char typecode, std::int64_t size, bool lock) : Array(typecode, List(static_cast<std::size_t>(size), Obj(0)), lock) {}
Array::Array(const Obj& handle) : handle_(handle.handle(ObjectKind::SharedArray)) {}

std::int64_t Array::size() const {
    std::int64_t length = 0;
    items(handle_, length);
    return length;
}
Obj Array::get(std::int64_t index) const {
    std::int64_t length = 0;
    const char* base = items(handle_, length);
    if (index < 0) index += length;
    if (index < 0 || index >= length) throw PyError("IndexError", "invalid index");
    const Obj v = readItem(base, typecodeOf(handle_), index);
    invoke(handle_, Method::Load, {Obj(static_cast<long long>(index))});
    return v;
}
void Array::set(std::int64_t index, const Obj& v) {
    std::int64_t length = 0;
    char* base = items(handle_, length);
    if (index < 0) index += length;
    if (index < 0 || index >= length) throw PyError("IndexError", "invalid index");
    writeItem(base, typecodeOf(handle_), index, v);
    invoke(handle_, Method::Store, {Obj(static_cast<long long>(index))});
}
List Array::list() const {
    std::int64_t length = 0;
    const char* base = items(handle_, length);
    List out;
    for (std::int64_t i = 0; i < length; ++i) out.push_back(readItem(base, typecodeOf(handle_), i));
    invoke(handle_, Method::Load);
    return out;
}
ProcessLock Array::get_lock() const { return ProcessLock(invoke(handle_, Method::GetLock)); }

}  // namespace lockstep::mp
