#pragma once
// Internal to lockstep_python: a run's trace streamed from the runner's child to Lockstep's process through
// shared memory (a memfd both map). The child's Trace tells every change to a TraceLogWriter, which appends
// a record and publishes the log's new length; Lockstep's side replays the records on its own Trace, so the
// two traces are identical up to the last record, also when the child dies in the middle of a step.
//
// The log's first page is a header both sides touch: the published length, and the pause flag Lockstep sets
// (see TraceLogWriter::onBeginStep).

#include <atomic>
#include <cstdint>
#include <set>
#include <string>

#include "lockstep/Trace.h"
#include "lockstep/TraceListener.h"

namespace lockstep {
class RunSession;
}

namespace lockstep::python {

struct TraceLogHeader {
    std::atomic<std::uint64_t> length;           // bytes of records published, after the header page
    std::atomic<std::uint32_t> pauseRequested;   // set by Lockstep (any thread, a signal handler), cleared by the child
    std::atomic<std::uint32_t> steps;            // the child's step count: progress, for the freeze watch
};

inline constexpr std::size_t kTraceLogHeaderBytes = 4096;
// Both sides map this much address space up front (the file grows into it), so a growing log never moves.
inline constexpr std::size_t kTraceLogReserve = std::size_t{1} << 33;

// The child's side: a listener on the run's Trace.
class TraceLogWriter final : public TraceListener {
public:
    explicit TraceLogWriter(const Trace& trace);  // creates the memfd
    ~TraceLogWriter() override;
    int fd() const { return fd_; }
    // Which session to ask for a pause when Lockstep sets the flag.
    void pauseThrough(RunSession* session) { session_ = session; }
    // Publish the rows changed since the last record (actor, object, outcome rows are written after the call
    // that announced them).
    void flush();

    void onClear() override;
    void onBeginStep() override;
    void onMarkChoice() override;
    void onAdd(const TraceEvent& e) override;
    void onIntern(std::string_view s) override;
    void onAddActor(const ActorInfo& info) override;
    void onAddObject(const ObjectInfo& info) override;
    void onAddCycle(const DeadlockCycle& c) override;
    void onAddRace(const DataRace& r) override;
    void onActorChanging(ActorId a) override;
    void onObjectChanging(ObjectId o) override;
    void onOutcomeChanging() override;

private:
    void append(std::uint8_t type, const std::string& payload);
    void appendPending();
    void reserve(std::size_t bytes);

    const Trace& trace_;
    int fd_ = -1;
    char* base_ = nullptr;
    TraceLogHeader* header_ = nullptr;
    std::size_t length_ = 0;    // bytes written after the header
    std::size_t capacity_ = 0;  // bytes the file holds after the header
    RunSession* session_ = nullptr;
    std::set<ActorId> actorsChanged_;
    std::set<ObjectId> objectsChanged_;
    bool outcomeChanged_ = false;
    bool flushing_ = false;
};

// Lockstep's side: maps the child's memfd and replays what it published.
class TraceLogReader {
public:
    explicit TraceLogReader(int fd);  // takes the descriptor
    ~TraceLogReader();
    TraceLogReader(const TraceLogReader&) = delete;
    TraceLogReader& operator=(const TraceLogReader&) = delete;
    TraceLogHeader& header() { return *header_; }
    // Apply every record published since the last call to `trace`. Returns whether anything was new.
    bool apply(Trace& trace);
    std::uint64_t published() const { return header_->length.load(std::memory_order_acquire); }

private:
    int fd_;
    char* base_ = nullptr;
    TraceLogHeader* header_ = nullptr;
    std::size_t applied_ = 0;
    std::size_t released_ = 0;  // bytes of records whose memory was given back (see apply)
};

}  // namespace lockstep::python
