#include "TraceLog.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "Wire.h"
#include "lockstep/RunSession.h"

namespace lockstep::python {

namespace {

enum Record : std::uint8_t {
    Clear = 1,
    BeginStep,
    MarkChoice,
    Add,
    Intern,
    AddActor,
    ActorRow,
    AddObject,
    ObjectRow,
    AddCycle,
    AddRace,
    Outcome,
};

void putActor(wire::Out& o, const ActorInfo& a) {
    o.str(a.name).u8(static_cast<std::uint8_t>(a.kind)).u8(a.daemon).u16(a.parent).u32(a.threadObject).i64(a.tid).i64(a.pid).u8(
        static_cast<std::uint8_t>(a.endState));
}

ActorInfo getActor(wire::In& in) {
    ActorInfo a;
    a.name = in.str();
    a.kind = static_cast<ActorKind>(in.u8());
    a.daemon = in.u8() != 0;
    a.parent = in.u16();
    a.threadObject = in.u32();
    a.tid = in.i64();
    a.pid = in.i64();
    a.endState = static_cast<EndState>(in.u8());
    return a;
}

void putObject(wire::Out& o, const ObjectInfo& info) {
    o.str(info.name).u8(static_cast<std::uint8_t>(info.kind)).i64(info.param).u8(info.internal);
}

ObjectInfo getObject(wire::In& in) {
    ObjectInfo info;
    info.name = in.str();
    info.kind = static_cast<ObjectKind>(in.u8());
    info.param = in.i64();
    // A record written before objects could be internal ends here.
    info.internal = !in.done() && in.u8() != 0;
    return info;
}

[[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string(what) + ": " + std::strerror(errno)); }

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// writer

TraceLogWriter::TraceLogWriter(const Trace& trace) : trace_(trace) {
    fd_ = ::memfd_create("lockstep-trace", MFD_CLOEXEC);
    if (fd_ < 0) fail("memfd_create");
    void* p = ::mmap(nullptr, kTraceLogReserve, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_NORESERVE, fd_, 0);
    if (p == MAP_FAILED) fail("mmap of the trace log");
    base_ = static_cast<char*>(p);
    reserve(std::size_t{1} << 20);
    header_ = new (base_) TraceLogHeader{};
}

TraceLogWriter::~TraceLogWriter() {
    if (base_) ::munmap(base_, kTraceLogReserve);
    if (fd_ >= 0) ::close(fd_);
}

void TraceLogWriter::reserve(std::size_t bytes) {
    if (bytes <= capacity_) return;
    std::size_t want = std::max(capacity_ * 2, std::size_t{1} << 20);
    while (want < bytes) want *= 2;
    if (kTraceLogHeaderBytes + want > kTraceLogReserve) throw std::length_error("the trace log is full");
    if (::ftruncate(fd_, static_cast<off_t>(kTraceLogHeaderBytes + want)) != 0) fail("growing the trace log");
    capacity_ = want;
}

void TraceLogWriter::append(std::uint8_t type, const std::string& payload) {
    const std::size_t need = length_ + 5 + payload.size();
    reserve(need);
    char* at = base_ + kTraceLogHeaderBytes + length_;
    const auto n = static_cast<std::uint32_t>(payload.size());
    std::memcpy(at, &n, 4);
    at[4] = static_cast<char>(type);
    std::memcpy(at + 5, payload.data(), payload.size());
    length_ = need;
    header_->length.store(length_, std::memory_order_release);
}

void TraceLogWriter::appendPending() {
    if (flushing_ || (actorsChanged_.empty() && objectsChanged_.empty() && !outcomeChanged_)) return;
    flushing_ = true;
    for (ActorId a : actorsChanged_) {
        wire::Out o;
        o.u16(a);
        putActor(o, trace_.actor(a));
        append(ActorRow, o.bytes);
    }
    actorsChanged_.clear();
    for (ObjectId id : objectsChanged_) {
        wire::Out o;
        o.u32(id);
        putObject(o, trace_.object(id));
        append(ObjectRow, o.bytes);
    }
    objectsChanged_.clear();
    if (outcomeChanged_) {
        const RunOutcome& r = trace_.outcome();
        wire::Out o;
        o.u8(static_cast<std::uint8_t>(r.status)).i64(r.endTime).u32(r.steps).u32(r.switches).str(r.message).raw(
            r.deadlockCycle);
        o.u32(static_cast<std::uint32_t>(r.shared.size()));
        for (const FinalValue& v : r.shared) o.u32(v.object).str(v.text).u8(v.numeric);
        append(Outcome, o.bytes);
        outcomeChanged_ = false;
    }
    flushing_ = false;
}

void TraceLogWriter::flush() { appendPending(); }

void TraceLogWriter::onClear() {
    actorsChanged_.clear();
    objectsChanged_.clear();
    outcomeChanged_ = false;
    append(Clear, {});
}

void TraceLogWriter::onBeginStep() {
    appendPending();
    append(BeginStep, {});
    header_->steps.store(trace_.stepCount() + 1, std::memory_order_relaxed);
    // Lockstep asks for a pause through the shared page; the step that begins here ends at a scheduling point,
    // where the engine takes the request, as it does with one made in its own process.
    if (header_->pauseRequested.load(std::memory_order_relaxed) && header_->pauseRequested.exchange(0) && session_)
        session_->requestPause();
}

void TraceLogWriter::onMarkChoice() {
    appendPending();
    append(MarkChoice, {});
}

void TraceLogWriter::onAdd(const TraceEvent& e) {
    appendPending();
    wire::Out o;
    o.raw(e);
    append(Add, o.bytes);
}

void TraceLogWriter::onIntern(std::string_view s) {
    appendPending();
    wire::Out o;
    o.str(s);
    append(Intern, o.bytes);
}

void TraceLogWriter::onAddActor(const ActorInfo& info) {
    appendPending();
    wire::Out o;
    putActor(o, info);
    append(AddActor, o.bytes);
}

void TraceLogWriter::onAddObject(const ObjectInfo& info) {
    appendPending();
    wire::Out o;
    putObject(o, info);
    append(AddObject, o.bytes);
}

void TraceLogWriter::onAddCycle(const DeadlockCycle& c) {
    appendPending();
    wire::Out o;
    o.u32(c.step).u32(static_cast<std::uint32_t>(c.actors.size()));
    for (ActorId a : c.actors) o.u16(a);
    o.u32(static_cast<std::uint32_t>(c.objects.size()));
    for (ObjectId x : c.objects) o.u32(x);
    append(AddCycle, o.bytes);
}

void TraceLogWriter::onAddRace(const DataRace& r) {
    appendPending();
    wire::Out o;
    o.raw(r);
    append(AddRace, o.bytes);
}

void TraceLogWriter::onActorChanging(ActorId a) {
    if (a < trace_.actorCount()) actorsChanged_.insert(a);
}
void TraceLogWriter::onObjectChanging(ObjectId id) {
    if (id < trace_.objectCount()) objectsChanged_.insert(id);
}
void TraceLogWriter::onOutcomeChanging() { outcomeChanged_ = true; }

// ---------------------------------------------------------------------------------------------------------
// reader

TraceLogReader::TraceLogReader(int fd) : fd_(fd) {
    void* p = ::mmap(nullptr, kTraceLogReserve, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_NORESERVE, fd_, 0);
    if (p == MAP_FAILED) {
        ::close(fd_);
        fail("mmap of a run's trace log");
    }
    base_ = static_cast<char*>(p);
    header_ = reinterpret_cast<TraceLogHeader*>(base_);
}

TraceLogReader::~TraceLogReader() {
    ::munmap(base_, kTraceLogReserve);
    ::close(fd_);
}

bool TraceLogReader::apply(Trace& trace) {
    const std::size_t end = header_->length.load(std::memory_order_acquire);
    if (end == applied_) return false;
    const char* log = base_ + kTraceLogHeaderBytes;
    while (applied_ + 5 <= end) {
        std::uint32_t n = 0;
        std::memcpy(&n, log + applied_, 4);
        const auto type = static_cast<std::uint8_t>(log[applied_ + 4]);
        wire::In in(log + applied_ + 5, n);
        switch (type) {
            case Clear: trace.clear(); break;
            case BeginStep: trace.beginStep(); break;
            case MarkChoice: trace.markChoice(); break;
            case Add: trace.add(in.raw<TraceEvent>()); break;
            case Intern: trace.intern(in.str()); break;
            case AddActor: trace.addActor(getActor(in)); break;
            case ActorRow: {
                const ActorId a = in.u16();
                trace.actorMut(a) = getActor(in);
                break;
            }
            case AddObject: trace.addObject(getObject(in)); break;
            case ObjectRow: {
                const ObjectId id = in.u32();
                trace.objectMut(id) = getObject(in);
                break;
            }
            case AddCycle: {
                DeadlockCycle c;
                c.step = in.u32();
                for (std::uint32_t k = in.u32(); k > 0; --k) c.actors.push_back(in.u16());
                for (std::uint32_t k = in.u32(); k > 0; --k) c.objects.push_back(in.u32());
                trace.addCycle(std::move(c));
                break;
            }
            case AddRace: trace.addRace(in.raw<DataRace>()); break;
            case Outcome: {
                RunOutcome& r = trace.outcomeMut();
                r.status = static_cast<RunStatus>(in.u8());
                r.endTime = in.i64();
                r.steps = in.u32();
                r.switches = in.u32();
                r.message = in.str();
                r.deadlockCycle = in.raw<int>();
                r.shared.clear();
                for (std::uint32_t k = in.u32(); k > 0; --k) {
                    FinalValue v;
                    v.object = in.u32();
                    v.text = in.str();
                    v.numeric = in.u8() != 0;
                    r.shared.push_back(std::move(v));
                }
                break;
            }
            default: throw std::runtime_error("a malformed record in a run's trace log");
        }
        applied_ += 5 + n;
    }
    // Records once applied are never read again, by either side: their pages go back to the system, so a long
    // run costs its trace once (here), not twice.
    const std::size_t page = 4096;
    const std::size_t upTo = applied_ / page * page;
    if (upTo >= released_ + (std::size_t{1} << 20)) {
        ::fallocate(fd_, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, static_cast<off_t>(kTraceLogHeaderBytes + released_),
                    static_cast<off_t>(upTo - released_));
        released_ = upTo;
    }
    return true;
}

}  // namespace lockstep::python
