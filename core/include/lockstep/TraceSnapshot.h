#pragma once
// What of a trace a reader on another thread may use while the run goes on. Events and strings below their
// published sizes never change, but the rows (an actor's OS id and end state, an object's name, which a
// Python program gives when the object is assigned to a variable), the cycles, the races and the outcome do.
// A snapshot copies those while the run is paused (the controller makes one for every report), so the
// analysis and every view read the trace as it was at that instant, and nothing the engine writes later.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "lockstep/Trace.h"

namespace lockstep {

// The trace's rows at one revision: shared between snapshots while only events are added.
struct TraceRows {
    std::uint64_t revision = 0;
    std::vector<ActorInfo> actors;
    std::vector<ObjectInfo> objects;
    std::vector<DeadlockCycle> cycles;
    std::vector<DataRace> races;
    RunOutcome outcome;
};

struct TraceSnapshot {
    std::size_t events = 0;  // events [0, events) belong to the snapshot
    std::shared_ptr<const TraceRows> rows;

    // Copies the trace's rows, or shares `previous`'s when they have not changed since; only while nothing
    // writes to the trace (the run paused or over, or on the thread that writes it).
    static TraceSnapshot of(const Trace& trace, const TraceSnapshot& previous);
    static TraceSnapshot of(const Trace& trace);

    std::size_t actorCount() const { return rows ? rows->actors.size() : 0; }
    std::size_t objectCount() const { return rows ? rows->objects.size() : 0; }
    const ActorInfo& actor(ActorId a) const { return rows->actors[a]; }
    const ObjectInfo& object(ObjectId o) const { return rows->objects[o]; }
    const std::vector<DeadlockCycle>& cycles() const;
    const std::vector<DataRace>& races() const;
    const RunOutcome& outcome() const;
};

}  // namespace lockstep
